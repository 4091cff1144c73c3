package parse

import (
	"bytes"
	"fmt"
	"math/rand"
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

func BenchmarkScan(b *testing.B) {
	data := genLog(10 << 20)
	opt := testOptions()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		_, err := Scan(bytes.NewReader(data), opt, func(Finding) error { n++; return nil })
		if err != nil || n == 0 {
			b.Fatal(err, n)
		}
	}
}

func TestGenLog(t *testing.T) {
	data := genLog(1 << 20)
	got, st := scanString(t, string(data), testOptions())
	if want := st.Lines / 50; len(got) < want*8/10 || len(got) > want*12/10 {
		t.Errorf("%d findings in %d lines", len(got), st.Lines)
	}
}
