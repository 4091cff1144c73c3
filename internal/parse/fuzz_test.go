package parse

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// maxFuzzInput bounds what the parse fuzz targets scan. Longer inputs reach
// nothing a shorter one would not (the targets shrink MaxRecord and the read
// buffers), and each one slows every later mutation and minimization.
const maxFuzzInput = 16 << 10

// fuzzReadBuf is the read buffer size the fuzz targets scan with: the
// production 256 KiB, allocated up to four times per Scan, would cost more
// than the scan of a small input; a small buffer also puts chunk boundaries
// inside the inputs.
const fuzzReadBuf = 4 << 10

// addParseSeeds adds the reviewed corpus and one small example of each shape.
func addParseSeeds(f *testing.F, extra ...any) {
	for _, in := range corpusFiles(f) {
		data, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(append([]any{data}, extra...)...)
	}
	for _, s := range shapeSeeds {
		f.Add(append([]any{[]byte(s.in)}, extra...)...)
	}
}

func FuzzScan(f *testing.F) {
	addParseSeeds(f)
	for _, s := range []string{
		"", "{", "\ufeff{\r\n", "[TencentCloudSDKError] Code=A, Message=b, RequestId=c",
		"TencentCloudSDKHttpException [Error]: x\n    at y {\n code: 'InternalError' }",
		`{'Error': {'Code': u'InternalError'}}`, "message：code:A message:b  requestIdc",
		"Code: InternalError, Message: x", `{"code":4100,"codeDesc":"AuthFailure"}`,
	} {
		f.Add([]byte(s))
	}
	defer func(n, m int) { readBufSize, pipelineMode = n, m }(readBufSize, pipelineMode)
	readBufSize = fuzzReadBuf
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		opt := testOptions()
		opt.MaxRecord = 512
		scan := func() scanResult { return runScan(Scan, bytes.NewReader(data), opt) }
		pipelineMode = 0
		res := scan()
		got, st := res.fs, res.st
		if res.err != "" {
			t.Fatal(res.err)
		}
		// Scanned again, on one goroutine and without the SIMD line filter,
		// the input gives the same findings.
		pipelineMode = -1
		withSIMD(false, func() {
			if again := scan(); !reflect.DeepEqual(again, res) {
				t.Fatalf("a second scan, on one goroutine without SIMD, differs:\n%s", diffResults(again, res))
			}
		})
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
			if !isCode(f.Code) && !testKnown(f.Code) {
				t.Fatalf("code %q is not code-shaped: %+v", f.Code, f)
			}
			if f.LegacyCode != "" && !isNumber(f.LegacyCode) {
				t.Fatalf("legacy code %q is not a number: %+v", f.LegacyCode, f)
			}
			if !f.Inferred && !bytes.Contains(data, []byte(f.Code)) {
				t.Fatalf("code %q is not in the input", f.Code)
			}
			if f.Inferred && (f.Confidence != Low || !testKnown(f.Code)) {
				t.Fatalf("inferred code with confidence %s: %+v", f.Confidence, f)
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
			if !strings.Contains(string(data), f.RequestID) && !inStringLiteral(data, f.RequestID) {
				t.Fatalf("request id %q is not in the input", f.RequestID)
			}
			lastOff, lastLine = f.Offset, f.Line
		}
	})
}

// FuzzContext checks Finding.Context, which a pending Node.js exception
// keeps on its own: its bounds hold, it has at most maxContextBytes on each
// side of the record, and each of its lines is input text.
func FuzzContext(f *testing.F) {
	addParseSeeds(f)
	f.Add([]byte("a\nb\nTencentCloudSDKHttpException [Error]:\nThe SecretId is not found.\n    at SmsClient.request (/x/tencentcloud/services/sms/c.js:1:2)\n"))
	f.Add([]byte("[TencentCloudSDKException]message:\r\nThe SecretId is not found.  requestId:r\r\n    at f (x)\r\ny\n"))
	defer func(n int) { readBufSize = n }(readBufSize)
	readBufSize = fuzzReadBuf
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		opt := testOptions()
		opt.MaxRecord = 512
		opt.ContextLines = 1 + len(data)%6
		_, err := Scan(bytes.NewReader(data), opt, func(f Finding) error {
			c := f.Context
			if c == nil {
				return nil
			}
			if f.RecordStart < 0 || f.RecordStart > f.RecordEnd || f.RecordEnd > len(c) {
				t.Fatalf("record [%d:%d] of a context of %d bytes", f.RecordStart, f.RecordEnd, len(c))
			}
			if f.RecordStart > maxContextBytes || len(c)-f.RecordEnd > maxContextBytes+1 {
				t.Fatalf("%d bytes before the record, %d after", f.RecordStart, len(c)-f.RecordEnd)
			}
			for _, l := range bytes.Split(c, []byte("\n")) {
				if !bytes.Contains(data, l) {
					t.Fatalf("context line %q is not in the input", l)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// inStringLiteral reports whether s is within the decoded value of one of
// the string literals of data, in double quotes (JSON) or single ones
// (JavaScript, Python): a request id written "0\"0" or '0\"0' is 0"0.
func inStringLiteral(data []byte, s string) bool {
	for _, quote := range []byte{'"', '\''} { // JSON's, and JavaScript's and Python's other
		for i := 0; i < len(data); i++ {
			if data[i] != quote {
				continue
			}
			j := i + 1
			for j < len(data) && data[j] != quote {
				if data[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(data) {
				break
			}
			var v string
			if quote == '"' && json.Unmarshal(data[i:j+1], &v) == nil && strings.Contains(v, s) {
				return true
			}
			// The scanner is lenient: an escape JSON does not know ("\0") stays as written,
			// and Python's and JavaScript's ("\'", "\x41") are decoded as they mean.
			if strings.Contains(unescapeLenient(data[i+1:j]), s) || strings.Contains(string(decodeEscapes(data[i+1:j])), s) {
				return true
			}
		}
	}
	return false
}

// unescapeLenient decodes the escapes \" \\ and \/ of a JSON string's
// content and keeps every other backslash as written.
func unescapeLenient(b []byte) string {
	var out strings.Builder
	for k := 0; k < len(b); k++ {
		if b[k] == '\\' && k+1 < len(b) && (b[k+1] == '"' || b[k+1] == '\\' || b[k+1] == '/') {
			k++
		}
		out.WriteByte(b[k])
	}
	return out.String()
}
