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
