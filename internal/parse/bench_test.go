package parse

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// genLog returns about size bytes of a mixed application log with a Tencent
// Cloud API error about every 50 lines.
func genLog(size int) []byte {
	rng := rand.New(rand.NewSource(42))
	var b bytes.Buffer
	errs := []string{
		"2024-03-01T08:00:01.000Z ERROR [pool-1-thread-2] c.e.tcr.RepoSyncer : call failed: [TencentCloudSDKError] Code=RequestLimitExceeded, Message=Your request has exceeded the frequency limit., RequestId=71a2b3c4-d5e6-4f7a-8b9c-0d1e2f3a4b5c\n",
		`2024-03-01T08:00:01.000Z DEBUG [http] resp={"Response":{"Error":{"Code":"ResourceNotFound.ErrNoRepo","Message":"repository not found"},"RequestId":"82b3c4d5-e6f7-4a8b-9c0d-1e2f3a4b5c6d"}}` + "\n",
		"2024-03-01 08:00:01,123 ERROR sync: [TencentCloudSDKException] code:AuthFailure.SignatureExpire message:Signature expired. requestId:93c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e\n",
		"[TencentCloudSDKException]code: InternalError message:An internal error has occurred. requestId:a4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f\n\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:252)\n\tat com.example.tcr.RepoSyncer.sync(RepoSyncer.java:88)\n",
		"2024-03-01T08:00:02.010Z WARN  [pool-1-thread-2] c.e.tcr.RepoSyncer : throttled: RequestLimitExceeded, retry 1/5 in 2000ms\n",
	}
	n := 0
	for b.Len() < size {
		n++
		if n%50 == 0 {
			b.WriteString(errs[rng.Intn(len(errs))])
			continue
		}
		switch rng.Intn(5) {
		case 0:
			fmt.Fprintf(&b, "2024-03-01T08:%02d:%02d.%03dZ INFO  [pool-1-thread-%d] c.e.order.OrderService : processed order id=%d userId=%d amount=%d.%02d status=PAID latency=%dms\n",
				rng.Intn(60), rng.Intn(60), rng.Intn(1000), rng.Intn(8), rng.Intn(1e6), rng.Intn(1e5), rng.Intn(500), rng.Intn(100), rng.Intn(300))
		case 1:
			fmt.Fprintf(&b, "2024-03-01T08:%02d:%02d.%03dZ DEBUG [http-nio-8080-exec-%d] o.s.web.servlet.DispatcherServlet : GET \"/api/v1/orders/%d\", parameters={}\n",
				rng.Intn(60), rng.Intn(60), rng.Intn(1000), rng.Intn(10), rng.Intn(1e6))
		case 2:
			fmt.Fprintf(&b, `{"level":"info","ts":1709280000.%03d,"caller":"server/handler.go:%d","msg":"request done","path":"/v1/items/%d","status":200,"dur":0.0%d}`+"\n",
				rng.Intn(1000), rng.Intn(200), rng.Intn(1e4), rng.Intn(999))
		case 3:
			fmt.Fprintf(&b, "10.0.%d.%d - - [01/Mar/2024:08:00:%02d +0000] \"GET /static/app.%x.js HTTP/1.1\" 200 %d \"-\" \"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\"\n",
				rng.Intn(256), rng.Intn(256), rng.Intn(60), rng.Int63(), rng.Intn(1e6))
		default:
			fmt.Fprintf(&b, "2024-03-01 08:00:%02d,%03d INFO worker: task sync_repo[%x] succeeded in 0.%03ds: None\n",
				rng.Intn(60), rng.Intn(1000), rng.Int63(), rng.Intn(1000))
		}
	}
	return b.Bytes()
}

// genThroughputLog returns about size bytes of the log that
// internal/benchmark/throughput generates: short application lines with an
// error (API 3.0 JSON, Go and Python SDK strings) every 50 lines.
func genThroughputLog(size int) []byte {
	app := []string{
		`2024-05-01T10:00:%02d.123Z INFO  http: GET /api/v1/instances 200 12ms user=alice trace=4bf92f3577b34da6`,
		`2024-05-01T10:00:%02d.456Z DEBUG cache: hit key=instances:ap-guangzhou ttl=30s size=2048`,
		`2024-05-01T10:00:%02d.789Z INFO  worker: processed batch 1842 of 90000 in 3.2ms (queue depth 17)`,
		`{"level":"info","ts":"2024-05-01T10:00:%02d.001Z","msg":"request done","path":"/healthz","status":200}`,
		`2024-05-01T10:00:%02d.321Z WARN  pool: connection idle for 30s, closing (pool size 8, in use 3)`,
	}
	errs := []string{
		`2024-05-01T10:00:%02d.555Z ERROR cvm: {"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"Your current request times in a second exceeds the frequency limit. Please reduce the frequency of calls."},"RequestId":"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}`,
		`2024-05-01T10:00:%02d.666Z ERROR tcr: [TencentCloudSDKError] Code=ResourceNotFound.ErrNoRepo, Message=仓库不存在。, RequestId=9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d`,
		`2024-05-01T10:00:%02d.777Z ERROR py: [TencentCloudSDKException] code:AuthFailure.SignatureExpire message:Signature expired. requestId:1e2f3a4b-5c6d-4e7f-9a8b-9c0d1e2f3a4b`,
	}
	var b bytes.Buffer
	for i, n := 0, 0; b.Len() < size; i++ {
		if i%50 == 49 {
			fmt.Fprintf(&b, errs[n%len(errs)]+"\n", i%60)
			n++
		} else {
			fmt.Fprintf(&b, app[i%len(app)]+"\n", i%60)
		}
	}
	return b.Bytes()
}

// benchOptions are Options like the CLI's: KnownCode accepts the catalog's
// classes and a few codes (the CLI asks the whole catalog), InferCode is set
// but never matches (the CLI matches message templates).
func benchOptions() Options {
	known := map[string]bool{}
	for _, c := range []string{
		"ActionOffline", "AuthFailure", "DryRunOperation", "FailedOperation", "InternalError", "InvalidAction",
		"InvalidParameter", "InvalidParameterValue", "InvalidRequest", "IpInBlacklist", "IpNotInWhitelist",
		"LimitExceeded", "MissingParameter", "NoSuchProduct", "NoSuchVersion", "OperationDenied",
		"RequestLimitExceeded", "RequestSizeLimitExceeded", "ResourceInUse", "ResourceInsufficient",
		"ResourceNotFound", "ResourceUnavailable", "ResourcesSoldOut", "ResponseSizeLimitExceeded",
		"ServiceUnavailable", "UnauthorizedOperation", "UnknownParameter", "UnsupportedOperation",
		"UnsupportedProtocol", "UnsupportedRegion", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure",
		"AuthFailure.SecretIdNotFound", "RequestLimitExceeded.UinLimitExceeded", "ResourceNotFound.ErrNoRepo",
	} {
		known[strings.ToLower(c)] = true
	}
	return Options{
		KnownCode: func(code string) bool { return known[strings.ToLower(strings.TrimSpace(code))] },
		InferCode: func(string) (string, bool) { return "", false },
	}
}

func benchScan(b *testing.B, data []byte) {
	opt := benchOptions()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		_, err := Scan(bytes.NewReader(data), opt, func(Finding) error { n++; return nil })
		if err != nil || n == 0 {
			b.Fatal(err, n)
		}
	}
}

// benchInline runs f with the reading and line search on the scanning
// goroutine, as with one CPU.
func benchInline(b *testing.B, f func(*testing.B)) {
	defer func(m int) { pipelineMode = m }(pipelineMode)
	pipelineMode = -1
	f(b)
}

// BenchmarkScan scans a mixed application log (Java, JSON, access and
// worker lines, long CamelCase class names) with CLI-like options.
func BenchmarkScan(b *testing.B) { benchScan(b, genLog(10<<20)) }

// BenchmarkScanThroughput scans the log of internal/benchmark/throughput.
func BenchmarkScanThroughput(b *testing.B) { benchScan(b, genThroughputLog(10<<20)) }

// BenchmarkScanInline and BenchmarkScanThroughputInline measure the same on
// one goroutine.
func BenchmarkScanInline(b *testing.B) { benchInline(b, BenchmarkScan) }

func BenchmarkScanThroughputInline(b *testing.B) { benchInline(b, BenchmarkScanThroughput) }

// BenchmarkPathological scans the long lines TestNoQuadratic is built on
// (markers repeated to make a naive scanner restart at each one), so that
// make bench shows their speed in MB/s beside ordinary logs.
func BenchmarkPathological(b *testing.B) {
	opt := testOptions()
	for _, p := range []string{"{", `{"a":"`, "[TencentCloudSDKError] Code=A, Message=", "code: InternalError ", "code=AbC message=", "InternalError.X ", "aBcD"} {
		in := strings.Repeat(strings.Repeat(p, 60000/len(p)+1)+"\n", 4)
		b.Run(fmt.Sprintf("%q", p), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				scanString(b, in, opt)
			}
		})
	}
}
