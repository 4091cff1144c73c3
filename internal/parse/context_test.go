package parse

import (
	"strings"
	"testing"
)

func TestContext(t *testing.T) {
	in := "a\nb\nc\n│ Error: [TencentCloudSDKError] Code=InvalidParameter, Message=bad, RequestId=r1\n│\n│   with tencentcloud_postgresql_instance.pg,\nd\ne\nf\ng\n"
	for _, mode := range []int{-1, 1} {
		old := pipelineMode
		pipelineMode = mode
		var got []string
		var rec []string
		_, err := Scan(strings.NewReader(in), Options{ContextLines: 2}, func(f Finding) error {
			got = append(got, string(f.Context))
			rec = append(rec, string(f.Context[f.RecordStart:f.RecordEnd]))
			return nil
		})
		pipelineMode = old
		if err != nil {
			t.Fatal(err)
		}
		want := "b\nc\n│ Error: [TencentCloudSDKError] Code=InvalidParameter, Message=bad, RequestId=r1\n│\n│   with tencentcloud_postgresql_instance.pg,"
		if len(got) != 1 || got[0] != want {
			t.Fatalf("mode %d: Context = %q, want %q", mode, got, want)
		}
		if rec[0] != "│ Error: [TencentCloudSDKError] Code=InvalidParameter, Message=bad, RequestId=r1" {
			t.Errorf("record = %q", rec[0])
		}
	}
	// without ContextLines: none
	Scan(strings.NewReader(in), Options{}, func(f Finding) error {
		if f.Context != nil {
			t.Errorf("Context set without ContextLines")
		}
		return nil
	})
}

// TestContextPendingNode: a Node.js exception whose message is on the line
// after its prefix is settled lines later (by the next line, or at the end
// of the input), maybe in another block: its Context is still the lines
// before its header, its own lines (the stack line naming the SDK module)
// and the lines after it.
func TestContextPendingNode(t *testing.T) {
	head := "a\nb\nsms send failed TencentCloudSDKHttpException [Error]:\nThe SecretId is not found, please ensure that your SecretId is correct.\n"
	stack := "    at Client.request (/app/node_modules/tencentcloud-sdk-nodejs/tencentcloud/services/sms/v20210111/sms_client.js:160:19)"
	rec := "sms send failed TencentCloudSDKHttpException [Error]:\nThe SecretId is not found, please ensure that your SecretId is correct.\n" + stack
	cases := []struct{ name, in, want string }{
		{"at the end", head + stack + "\n", "a\nb\n" + rec},
		{"unterminated", head + stack, "a\nb\n" + rec},
		{"by the next line", head + stack + "\nx\ny\nz\n", "a\nb\n" + rec + "\nx\ny"},
	}
	defer func(n, m int) { readBufSize, pipelineMode = n, m }(readBufSize, pipelineMode)
	for _, c := range cases {
		// one block; a block ending after the header; after the message
		for _, size := range []int{64 << 10, len("a\nb\nsms send failed TencentCloudSDKHttpException [Error]:\n") + 1, len(head) + 1} {
			for _, mode := range []int{-1, 1} {
				readBufSize, pipelineMode = size, mode
				var got []Finding
				var ctx, r []string
				_, err := Scan(strings.NewReader(c.in), Options{ContextLines: 2, InferCode: testInfer}, func(f Finding) error {
					got = append(got, f)
					ctx = append(ctx, string(f.Context))
					r = append(r, string(f.Context[f.RecordStart:f.RecordEnd]))
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != 1 || got[0].Code != "AuthFailure.SecretIdNotFound" {
					t.Fatalf("%s (buffer %d, pipeline %d): findings %+v", c.name, size, mode, got)
				}
				if ctx[0] != c.want {
					t.Errorf("%s (buffer %d, pipeline %d): Context = %q, want %q", c.name, size, mode, ctx[0], c.want)
				}
				if r[0] != rec {
					t.Errorf("%s (buffer %d, pipeline %d): record = %q, want %q", c.name, size, mode, r[0], rec)
				}
			}
		}
	}
}

// TestContextPendingNodeBounded: the lines kept of a pending exception stop
// at maxNodeRecord bytes, however long its stack.
func TestContextPendingNodeBounded(t *testing.T) {
	in := "TencentCloudSDKHttpException [Error]:\nThe SecretId is not found.\n" + strings.Repeat("    at f (/app/x.js:1:1)\n", 2000)
	n := 0
	Scan(strings.NewReader(in), Options{ContextLines: 5, InferCode: testInfer}, func(f Finding) error {
		n++
		if k := f.RecordEnd - f.RecordStart; k > maxNodeRecord {
			t.Errorf("record of %d bytes kept, want at most %d", k, maxNodeRecord)
		}
		if !strings.HasPrefix(string(f.Context[f.RecordStart:]), "TencentCloudSDKHttpException [Error]:\nThe SecretId is not found.\n    at f") {
			t.Errorf("record starts %q", f.Context[f.RecordStart:min(len(f.Context), f.RecordStart+80)])
		}
		return nil
	})
	if n != 1 {
		t.Fatalf("%d findings, want 1", n)
	}
}
