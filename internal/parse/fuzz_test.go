package parse

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func FuzzScan(f *testing.F) {
	for _, in := range corpusFiles(f) {
		data, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "{", "\ufeff{\r\n", "[TencentCloudSDKError] Code=A, Message=b, RequestId=c",
		"TencentCloudSDKHttpException [Error]: x\n    at y {\n code: 'InternalError' }",
		`{'Error': {'Code': u'InternalError'}}`, "message：code:A message:b  requestIdc",
		"Code: InternalError, Message: x", `{"code":4100,"codeDesc":"AuthFailure"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		opt := testOptions()
		opt.MaxRecord = 512
		opt.InferLines = len(data)%2 == 1
		var got []Finding
		st, err := Scan(bytes.NewReader(data), opt, func(f Finding) error {
			got = append(got, f)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if st.Bytes != int64(len(data)) || st.Findings != len(got) {
			t.Fatalf("stats %+v for %d bytes, %d findings", st, len(data), len(got))
		}
		lines := bytes.Count(data, []byte("\n"))
		if len(data) > 0 && data[len(data)-1] != '\n' {
			lines++
		}
		if st.Lines != lines {
			t.Fatalf("Stats.Lines = %d, want %d", st.Lines, lines)
		}
		// Several findings may share a line (concatenated bodies), but each
		// needs bytes of its own.
		if max := lines + 1 + len(data)/8; len(got) > max {
			t.Fatalf("%d findings for %d lines, %d bytes", len(got), lines, len(data))
		}
		var lastOff int64 = -1
		lastLine := 0
		for _, f := range got {
			if f.Code == "" {
				t.Fatalf("empty code: %+v", f)
			}
			if !f.Inferred && !bytes.Contains(data, []byte(f.Code)) {
				t.Fatalf("code %q is not in the input", f.Code)
			}
			if len(f.Message) > opt.MaxRecord {
				t.Fatalf("message of %d bytes", len(f.Message))
			}
			if f.Line < 1 || f.Line > lines || f.Line < lastLine {
				t.Fatalf("line %d (last %d, lines %d)", f.Line, lastLine, lines)
			}
			if f.Offset < lastOff || f.Offset < 0 || f.Offset > int64(len(data)) {
				t.Fatalf("offset %d after %d: %+v", f.Offset, lastOff, f)
			}
			if !strings.Contains(string(data), f.RequestID) {
				t.Fatalf("request id %q is not in the input", f.RequestID)
			}
			lastOff, lastLine = f.Offset, f.Line
		}
	})
}
