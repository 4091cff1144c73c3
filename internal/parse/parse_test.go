package parse

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// want is the part of a finding a table test checks; empty fields are not checked
// except Code, Shape and Line.
type want struct {
	line      int
	code      string
	shape     Shape
	msg       string
	req       string
	inferred  bool
	truncated bool
}

func check(t *testing.T, got []Finding, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		for _, f := range got {
			t.Logf("got %d %s %s msg=%q req=%q", f.Line, f.Shape, f.Code, f.Message, f.RequestID)
		}
		t.Fatalf("got %d findings, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		f := got[i]
		if f.Code != w.code || f.Shape != w.shape || (w.line != 0 && f.Line != w.line) {
			t.Errorf("finding %d = line %d %s %s, want line %d %s %s", i, f.Line, f.Shape, f.Code, w.line, w.shape, w.code)
		}
		if w.msg != "" && f.Message != w.msg {
			t.Errorf("finding %d message = %q, want %q", i, f.Message, w.msg)
		}
		if w.req != "" && f.RequestID != w.req {
			t.Errorf("finding %d request id = %q, want %q", i, f.RequestID, w.req)
		}
		if f.Inferred != w.inferred || f.Truncated != w.truncated {
			t.Errorf("finding %d inferred=%v truncated=%v, want %v %v", i, f.Inferred, f.Truncated, w.inferred, w.truncated)
		}
	}
}

func TestShapes(t *testing.T) {
	const rid = "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"api3 compact", `{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"bad sig"},"RequestId":"` + rid + `"}}`,
			[]want{{1, "AuthFailure.SignatureFailure", ShapeAPI3JSON, "bad sig", rid, false, false}}},
		{"api3 field order", `{"Response":{"RequestId":"r-1","Error":{"Message":"m","Code":"InternalError"}}}`,
			[]want{{1, "InternalError", ShapeAPI3JSON, "m", "r-1", false, false}}},
		{"api3 success skipped", `{"Response":{"RequestId":"r-1","DeprecatedWarning":"old"}}`, nil},
		{"api3 pretty", "{\n \"Response\": {\n  \"Error\": {\n   \"Code\": \"InvalidParameter\",\n   \"Message\": \"x\"\n  },\n  \"RequestId\": \"r-2\"\n }\n}\n",
			[]want{{1, "InvalidParameter", ShapeAPI3JSON, "x", "r-2", false, false}}},
		{"api3 json lines", "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"a\"}}}\n{\"Response\":{\"Error\":{\"Code\":\"LimitExceeded\",\"Message\":\"b\"}}}\n",
			[]want{{1, "InternalError", ShapeAPI3JSON, "a", "", false, false}, {2, "LimitExceeded", ShapeAPI3JSON, "b", "", false, false}}},
		{"api3 concatenated", `{"Response":{"Error":{"Code":"InternalError","Message":"a"}}}{"Response":{"Error":{"Code":"LimitExceeded","Message":"b"}}}`,
			[]want{{1, "InternalError", ShapeAPI3JSON, "a", "", false, false}, {1, "LimitExceeded", ShapeAPI3JSON, "b", "", false, false}}},
		{"api3 in log line", `2024-01-01 ERROR resp={"Response":{"Error":{"Code":"ResourceInUse","Message":"busy"},"RequestId":"r"}} took=3ms`,
			[]want{{1, "ResourceInUse", ShapeAPI3JSON, "busy", "r", false, false}}},
		{"api3 bom crlf", "\ufeff{\"Response\":{\"Error\":{\"Code\":\"InvalidAction\",\"Message\":\"m\"}}}\r\n",
			[]want{{1, "InvalidAction", ShapeAPI3JSON, "m", "", false, false}}},
		{"api3 lower-case keys", `{"response":{"error":{"code":"InternalError","message":"m"}}}`,
			[]want{{1, "InternalError", ShapeAPI3JSON, "m", "", false, false}}},
		{"api3 escapes", `{"Response":{"Error":{"Code":"InvalidParameter","Message":"\u53c2\u6570 \"x\"\n"}}}`,
			[]want{{1, "InvalidParameter", ShapeAPI3JSON, "参数 \"x\"", "", false, false}}},
		{"api2 int", `{"code":4100,"message":"鉴权失败","codeDesc":"AuthFailure"}`,
			[]want{{1, "AuthFailure", ShapeAPI2JSON, "鉴权失败", "", false, false}}},
		{"api2 string code", `{"code":"4000","message":"(100004)projectId不正确","codeDesc":"InvalidParameter"}`,
			[]want{{1, "InvalidParameter", ShapeAPI2JSON, "(100004)projectId不正确", "", false, false}}},
		{"api2 success", `{"code":0,"message":"","codeDesc":"Success"}`, nil},
		{"api2 numeric known", `{"code":4400,"message":"quota"}`, []want{{1, "4400", ShapeAPI2JSON, "quota", "", false, false}}},
		{"api2 numeric unknown", `{"code":404,"message":"not found"}`, nil},
		{"go", "x [TencentCloudSDKError] Code=InternalError, Message=a, b, c, RequestId=" + rid,
			[]want{{1, "InternalError", ShapeGoSDK, "a, b, c", rid, false, false}}},
		{"go no request id", "[TencentCloudSDKError] Code=InternalError, Message=boom",
			[]want{{1, "InternalError", ShapeGoSDK, "boom", "", false, false}}},
		{"go empty request id", "[TencentCloudSDKError] Code=InternalError, Message=boom, RequestId=",
			[]want{{1, "InternalError", ShapeGoSDK, "boom", "", false, false}}},
		{"go message with RequestId text", "[TencentCloudSDKError] Code=InvalidParameter, Message=bad `RequestId=1`, RequestId=r-9",
			[]want{{1, "InvalidParameter", ShapeGoSDK, "bad `RequestId=1`", "r-9", false, false}}},
		{"go two on a line", "[TencentCloudSDKError] Code=InternalError, Message=a, RequestId=r1; then [TencentCloudSDKError] Code=LimitExceeded, Message=b",
			[]want{{1, "InternalError", ShapeGoSDK, "a", "r1", false, false}, {1, "LimitExceeded", ShapeGoSDK, "b", "", false, false}}},
		{"go nested body differs", `[TencentCloudSDKError] Code=ClientError.HttpStatusCodeError, Message=Request fail with http status code: 500, with body: {"Response":{"Error":{"Code":"InternalError","Message":"x"},"RequestId":"r2"}}, RequestId=`,
			[]want{{1, "ClientError.HttpStatusCodeError", ShapeGoSDK, "", "", false, false}, {1, "InternalError", ShapeAPI3JSON, "x", "r2", false, false}}},
		{"go nested body same code", `[TencentCloudSDKError] Code=InternalError, Message=with body: {"Response":{"Error":{"Code":"InternalError","Message":"x"}}}, RequestId=r1`,
			[]want{{1, "InternalError", ShapeGoSDK, "", "r1", false, false}}},
		{"go logfmt quoted", `level=error msg="[TencentCloudSDKError] Code=InternalError, Message=say \"hi\"" took=3`,
			[]want{{1, "InternalError", ShapeGoSDK, `say "hi"`, "", false, false}}},
		{"grpc", "rpc error: code = Unknown desc = [TencentCloudSDKError] Code=FailedOperation, Message=m, RequestId=r",
			[]want{{1, "FailedOperation", ShapeGoSDK, "m", "r", false, false}}},
		{"terraform", "│ Error: [TencentCloudSDKError] Code=InvalidParameterValue, Message=bad, RequestId=r",
			[]want{{1, "InvalidParameterValue", ShapeTerraform, "bad", "r", false, false}}},
		{"ruby", "TencentCloud::Common::TencentCloudSDKException ([TencentCloudSDKError] Code=FailedOperation, Message=m (x), RequestId=r)",
			[]want{{1, "FailedOperation", ShapeRubySDK, "m (x)", "r", false, false}}},
		{"ruby uncaught", "app.rb:3:in `x': [TencentCloudSDKError] Code=FailedOperation, Message=m, RequestId= (TencentCloud::Common::TencentCloudSDKException)",
			[]want{{1, "FailedOperation", ShapeRubySDK, "m", "", false, false}}},
		{"python", "tencentcloud.common.exception.tencent_cloud_sdk_exception.TencentCloudSDKException: [TencentCloudSDKException] code:AuthFailure.SecretIdNotFound message:no such id requestId:" + rid,
			[]want{{1, "AuthFailure.SecretIdNotFound", ShapePythonSDK, "no such id", rid, false, false}}},
		{"python none request id", "[TencentCloudSDKException] code:ClientNetworkError message:timed out requestId:None",
			[]want{{1, "ClientNetworkError", ShapePythonSDK, "timed out", "", false, false}}},
		{"java", "[TencentCloudSDKException]code: InvalidParameter message:bad requestId:r cause:java.io.IOException: x",
			[]want{{1, "InvalidParameter", ShapeJavaSDK, "bad", "r", false, false}}},
		{"java null code not inferable", "[TencentCloudSDKException]code: null message:java.net.SocketTimeoutException-timeout requestId:", nil},
		{"java null code inferable", "[TencentCloudSDKException]code: null message:Signature expired. requestId:r",
			[]want{{1, "AuthFailure.SignatureExpire", ShapeJavaSDK, "Signature expired.", "r", true, false}}},
		{"node toString", "[TencentCloudSDKException]message:The SecretId is not found.  requestId:r1  traceId:t1",
			[]want{{1, "AuthFailure.SecretIdNotFound", ShapeNodeSDK, "The SecretId is not found.", "r1", true, false}}},
		{"node toString unknown", "[TencentCloudSDKException]message:socket hang up  requestId:  traceId:", nil},
		{"node console", "TencentCloudSDKHttpException [Error]: nope\n    at Client.request (/x.js:1:1) {\n  requestId: 'r1',\n  code: 'InvalidParameter'\n}\n",
			[]want{{1, "InvalidParameter", ShapeNodeSDK, "nope", "r1", false, false}}},
		{"node console one line", "TencentCloudSDKHttpException [Error]: nope\n{ requestId: 'r1', code: 'InvalidParameter' }\n",
			[]want{{1, "InvalidParameter", ShapeNodeSDK, "nope", "r1", false, false}}},
		{"node console no props", "TencentCloudSDKHttpException [Error]: Signature expired.\nnext line\n",
			[]want{{1, "AuthFailure.SignatureExpire", ShapeNodeSDK, "Signature expired.", "", true, false}}},
		{"php", `[TencentCloud\Common\Exception\TencentCloudSDKException] code:InvalidParameter message:bad requestId:r`,
			[]want{{1, "InvalidParameter", ShapePHPSDK, "bad", "r", false, false}}},
		{"dotnet ToString", "message：code:AuthFailure.SignatureExpire message:expired  requestId5b1a9c7e-3d2f",
			[]want{{1, "AuthFailure.SignatureExpire", ShapeDotNetSDK, "expired", "5b1a9c7e-3d2f", false, false}}},
		{"dotnet Message", "TencentCloud.Common.TencentCloudSDKException: code:ResourceUnavailable message:gone ",
			[]want{{1, "ResourceUnavailable", ShapeDotNetSDK, "gone", "", false, false}}},
		{"tccli", "$ tccli cvm DescribeInstances --region ap-guangzhou\n[TencentCloudSDKException] code:AuthFailure message:m requestId:r\n",
			[]want{{2, "AuthFailure", ShapeTccli, "m", "r", false, false}}},
		{"python dict u", `{u'Response': {u'Error': {u'Code': u'InvalidParameter', u'Message': u'\u53c2\u6570'}, u'RequestId': u'r'}}`,
			[]want{{1, "InvalidParameter", ShapePythonDict, "参数", "r", false, false}}},
		{"python dict error only", `{'Error': {'Code': 'ResourceInUse', 'Message': "can't"}, 'RequestId': 'r'}`,
			[]want{{1, "ResourceInUse", ShapePythonDict, "can't", "r", false, false}}},
		{"code message", "Code: InvalidParameter, Message: bad thing",
			[]want{{1, "InvalidParameter", ShapeCodeMessage, "bad thing", "", false, false}}},
		{"code message flat json", `{"Code":"InvalidParameter","Message":"bad","RequestId":"r"}`,
			[]want{{1, "InvalidParameter", ShapeCodeMessage, "bad", "r", false, false}}},
		{"code message needs tencent look", "code: ENOENT, message: no such file", nil},
		{"prose", "failed: RequestLimitExceeded, retrying",
			[]want{{1, "RequestLimitExceeded", ShapeProse, "", "", false, false}}},
		{"prose class", "failed with AuthFailure.SomethingNew.",
			[]want{{1, "AuthFailure.SomethingNew", ShapeProse, "", "", false, false}}},
		{"prose unknown", "failed with NoSuchThing and FooBarBaz", nil},
		{"prose once per line", "InternalError then InternalError",
			[]want{{1, "InternalError", ShapeProse, "", "", false, false}}},
		{"message only", "ERROR Message: The SecretId is not found, check it",
			[]want{{1, "AuthFailure.SecretIdNotFound", ShapeMessageOnly, "The SecretId is not found, check it", "", true, false}}},
		{"truncated eof", `{"Response":{"Error":{"Code":"InternalError","Message":"half`,
			[]want{{1, "InternalError", ShapeAPI3JSON, "half", "", false, true}}},
		{"truncated by next record", "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\n2024-01-01 next\n",
			[]want{{1, "InternalError", ShapeAPI3JSON, "", "", false, true}}},
		{"json log with sdk string", `{"level":"error","error":"[TencentCloudSDKError] Code=InternalError, Message=a \"b\", RequestId=r"}`,
			[]want{{1, "InternalError", ShapeGoSDK, `a "b"`, "r", false, false}}},
		{"json log escaped body", `{"resp":"{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"m\"}}}"}`,
			[]want{{1, "InternalError", ShapeAPI3JSON, "m", "", false, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := scanString(t, tt.in, testOptions())
			check(t, got, tt.want)
		})
	}
}

func TestNoFindings(t *testing.T) {
	for _, in := range []string{
		"",
		"\n\n\n",
		"2024-01-01 INFO all good",
		`{"level":"info","msg":"ok","code":200}`,
		"func main() {\n\tfmt.Println(\"x\")\n}\n",
		"at com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:252)",
		"com.example.InternalErrorHandler see InternalError.java",
		"exit code: 1, message: failed",
		"{{{{{{{{{{",
		"}}}}]]]]",
		"[TencentCloudSDKError]",
		"[TencentCloudSDKError] Code=",
		"TencentCloudSDKException",
		`{"Response":{"Error":{"Code":"lowercase bad","Message":"x"}}}`,
	} {
		got, _ := scanString(t, in, testOptions())
		if len(got) != 0 {
			t.Errorf("%q: got %d findings, first %+v", in, len(got), got[0])
		}
	}
}

func TestTranscript(t *testing.T) {
	in := "> POST / HTTP/1.1\n> Host: cvm.tencentcloudapi.com\n> X-TC-Action: DescribeInstances\n> X-TC-Version: 2017-03-12\n> X-TC-Timestamp: 1704067200\n>\n< HTTP/1.1 200 OK\n< Date: Mon, 01 Jan 2024 00:20:01 GMT\n<\n" +
		`{"Response":{"Error":{"Code":"AuthFailure.SignatureExpire","Message":"expired"},"RequestId":"r"}}` + "\n* Connection #0 left intact\n" +
		"much later\nline\nline\nline\n" + `{"Response":{"Error":{"Code":"InternalError","Message":"later"}}}` + "\n"
	got, _ := scanString(t, in, testOptions())
	if len(got) != 2 {
		t.Fatalf("got %d findings", len(got))
	}
	f := got[0]
	if f.HTTPStatus != 200 || f.Host != "cvm.tencentcloudapi.com" || f.Service != "cvm" || f.Action != "DescribeInstances" ||
		f.Version != "2017-03-12" || f.Timestamp != 1704067200 || f.Date != "Mon, 01 Jan 2024 00:20:01 GMT" || f.Line != 10 {
		t.Errorf("transcript fields: %+v", f)
	}
	if g := got[1]; g.Host != "" || g.HTTPStatus != 0 || g.Action != "" {
		t.Errorf("context leaked to a later body: %+v", g)
	}
}

func TestCurlStatus(t *testing.T) {
	in := "HTTP/1.1 500 Internal Server Error\nContent-Type: application/json\n\n" +
		`{"Response":{"Error":{"Code":"InternalError","Message":"x"}}}`
	got, _ := scanString(t, in, testOptions())
	if len(got) != 1 || got[0].HTTPStatus != 500 {
		t.Fatalf("got %+v", got)
	}
}

func TestInvalidUTF8(t *testing.T) {
	in := "[TencentCloudSDKError] Code=InternalError, Message=bad \xff\xfe bytes\x00, RequestId=r"
	got, _ := scanString(t, in, testOptions())
	if len(got) != 1 || got[0].Message != "bad \xff\xfe bytes\x00" {
		t.Fatalf("got %+v", got)
	}
}

func TestEmitError(t *testing.T) {
	stop := errors.New("stop")
	in := strings.Repeat("[TencentCloudSDKError] Code=InternalError, Message=x\n", 10)
	n := 0
	_, err := Scan(strings.NewReader(in), Options{}, func(Finding) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Fatalf("err = %v after %d findings", err, n)
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func TestReadError(t *testing.T) {
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader("[TencentCloudSDKError] Code=InternalError, Message=x\n"), errReader{boom})
	var got []Finding
	_, err := Scan(r, Options{}, func(f Finding) error { got = append(got, f); return nil })
	if !errors.Is(err, boom) || len(got) != 1 {
		t.Fatalf("err = %v, findings %d", err, len(got))
	}
}

// TestStreaming checks that a finding is emitted before more input is read.
func TestStreaming(t *testing.T) {
	pr, pw := io.Pipe()
	found := make(chan Finding, 4)
	done := make(chan error, 1)
	go func() {
		_, err := Scan(pr, Options{}, func(f Finding) error { found <- f; return nil })
		done <- err
	}()
	if _, err := io.WriteString(pw, "[TencentCloudSDKError] Code=InternalError, Message=x\n"); err != nil {
		t.Fatal(err)
	}
	select {
	case f := <-found:
		if f.Code != "InternalError" {
			t.Fatalf("got %+v", f)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("finding not emitted before more input arrived")
	}
	pw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestStats(t *testing.T) {
	in := "a\n{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"x\"}}}\nb"
	var calls int
	opt := testOptions()
	opt.Progress = func(Stats) { calls++ }
	_, st := scanString(t, in, opt)
	if st.Lines != 3 || st.Bytes != int64(len(in)) || st.Findings != 1 || st.Truncated || st.CutRecords != 0 {
		t.Errorf("stats = %+v", st)
	}
	if calls == 0 {
		t.Error("Progress never called")
	}
	_, st = scanString(t, `{"Response":{"Error":{"Code":"InternalError","Message":"x`, testOptions())
	if !st.Truncated {
		t.Errorf("truncated input: stats = %+v", st)
	}
	_, st = scanString(t, "{\n\"Response\":{\"Error\":{\"Code\":\"InternalError\"", testOptions())
	if !st.Truncated {
		t.Errorf("truncated multi-line input: stats = %+v", st)
	}
}

// LegacyCode is API 2.0's numeric code, never another string found where it
// goes (found by FuzzScan: testdata/fuzz/FuzzScan/d110795d3442c2d8).
func TestLegacyCode(t *testing.T) {
	for _, tt := range []struct{ in, code, legacy string }{
		{`{"code":4100,"message":"x","codeDesc":"AuthFailure"}`, "AuthFailure", "4100"},
		{`{"code":"4000","message":"x","codeDesc":"InvalidParameter"}`, "InvalidParameter", "4000"},
		{`{"code":-1,"message":"x","codeDesc":"InternalError"}`, "InternalError", "-1"},
		{`{"code":"oops","message":"x","codeDesc":"InternalError"}`, "InternalError", ""},
		{`{"Code":"a","CodeDesC":"A"`, "A", ""},
	} {
		fs, _ := scanString(t, tt.in, testOptions())
		if len(fs) != 1 || fs[0].Code != tt.code || fs[0].LegacyCode != tt.legacy || fs[0].Shape != ShapeAPI2JSON {
			t.Errorf("%s: findings %+v, want code %q, legacy code %q", tt.in, fs, tt.code, tt.legacy)
		}
	}
}
