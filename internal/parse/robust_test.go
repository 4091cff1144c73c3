package parse

import (
	"bytes"
	"io"
	"math/rand"
	"runtime"
	"strings"
	"testing"
)

// patternReader yields n bytes repeating pat, then tail.
type patternReader struct {
	pat  []byte
	n    int64
	tail *strings.Reader
	pos  int
}

func (r *patternReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return r.tail.Read(p)
	}
	k := 0
	for k < len(p) && r.n > 0 {
		c := copy(p[k:], r.pat[r.pos:])
		if int64(c) > r.n {
			c = int(r.n)
		}
		k += c
		r.n -= int64(c)
		r.pos = (r.pos + c) % len(r.pat)
	}
	return k, nil
}

const errLine = "[TencentCloudSDKError] Code=InternalError, Message=after, RequestId=r\n"

// allocDuring returns the bytes allocated while f runs.
func allocDuring(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

func TestHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 256 MB")
	}
	// One 256 MB line with an error at its start, then a normal error line.
	head := "[TencentCloudSDKError] Code=LimitExceeded, Message=first "
	r := io.MultiReader(strings.NewReader(head), &patternReader{pat: []byte("abc, "), n: 256 << 20, tail: strings.NewReader("\n" + errLine)})
	var got []Finding
	var st Stats
	alloc := allocDuring(func() {
		var err error
		st, err = Scan(r, testOptions(), func(f Finding) error { got = append(got, f); return nil })
		if err != nil {
			t.Fatal(err)
		}
	})
	if len(got) != 2 || got[0].Code != "LimitExceeded" || !got[0].Cut || got[1].Code != "InternalError" || got[1].Cut {
		t.Fatalf("findings = %+v", got)
	}
	if len(got[0].Message) > DefaultMaxRecord {
		t.Errorf("message of %d bytes", len(got[0].Message))
	}
	if st.CutRecords != 1 || st.Lines != 2 {
		t.Errorf("stats = %+v", st)
	}
	if alloc > 8<<20 {
		t.Errorf("allocated %d MB for a 256 MB line", alloc>>20)
	}
}

func TestUnclosedBody(t *testing.T) {
	// A body that opens and goes on (valid JSON, one value per line) for 4 MB.
	in := "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"x\"},\"Data\":[\n" +
		strings.Repeat("1,\n", 2<<20) + errLine
	var got []Finding
	var st Stats
	alloc := allocDuring(func() { got, st = scanString(t, in, testOptions()) })
	if len(got) != 2 || got[0].Code != "InternalError" || !got[0].Cut || !got[0].Truncated || got[1].Message != "after" {
		t.Fatalf("findings = %+v", got)
	}
	if st.CutRecords != 1 {
		t.Errorf("stats = %+v", st)
	}
	if alloc > 16<<20 {
		t.Errorf("allocated %d MB", alloc>>20)
	}
}

func TestDeepNesting(t *testing.T) {
	for name, in := range map[string]string{
		"objects one line": strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000),
		"arrays one line":  strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
		"objects unclosed": strings.Repeat(`{"a":`, 10000),
		"objects lines":    strings.Repeat("{\"a\":\n", 10000) + "1\n" + strings.Repeat("}\n", 10000),
		"mixed garbage":    strings.Repeat(`{"a":[{"b":(`, 3000),
		"error deep":       strings.Repeat(`{"a":`, 20) + `{"Response":{"Error":{"Code":"InternalError","Message":"deep"}}}` + strings.Repeat("}", 20),
	} {
		t.Run(name, func(t *testing.T) {
			got, _ := scanString(t, in+"\n"+errLine, testOptions())
			if len(got) == 0 || got[len(got)-1].Message != "after" {
				t.Errorf("the error after the nesting was missed: %+v", got)
			}
			if name == "error deep" && (len(got) != 2 || got[0].Message != "deep") {
				t.Errorf("nested error: %+v", got)
			}
		})
	}
}

// TestNoQuadratic feeds long lines built to make a naive scanner restart
// at every marker: they must scan to the end and stay within the record
// limit. How fast they scan is BenchmarkPathological's to say (make bench):
// speed belongs in benchmarks, not in tests that a busy machine fails.
func TestNoQuadratic(t *testing.T) {
	pats := []string{
		"{", "{{{{}", `{"a":"`, `{"a":{"a":`, `{'a':u'`, `{"{"`, "[TencentCloudSDKError] ", "[TencentCloudSDKError] Code=A, Message=",
		"[TencentCloudSDKException] code:A message:", "[TencentCloudSDKException]message:", "TencentCloudSDKHttpException [Error]: ",
		"TencentCloudSDKException: code:", "[TencentCloud\\Common\\Exception\\TencentCloudSDKException] ", "Code=", "code: InternalError ",
		"code=AbC message=", "message:code:A message:", "Message: ", "RequestId=", "aBcD", "InternalError ", "InternalError.X ",
		"\\u0041", `\"`, "(", "TencentCloud::Common::TencentCloudSDKException (", "ode", "requestId",
	}
	opt := testOptions()
	for _, p := range pats {
		in := strings.Repeat(strings.Repeat(p, 60000/len(p)+1)+"\n", 4)
		fs, st := scanString(t, in, opt)
		if st.Bytes != int64(len(in)) || st.Lines != 4 {
			t.Errorf("%q: read %d bytes in %d lines, want %d in 4", p, st.Bytes, st.Lines, len(in))
		}
		for _, f := range fs {
			if len(f.Message) > opt.MaxRecord && opt.MaxRecord > 0 || len(f.Message) > DefaultMaxRecord {
				t.Errorf("%q: a message of %d bytes, past the record limit", p, len(f.Message))
			}
		}
	}
}

func TestBinaryGarbage(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	buf := make([]byte, 1<<20)
	for i := range buf {
		buf[i] = byte(rng.Intn(256))
	}
	// sprinkle markers
	for _, m := range []string{"{", "\"Code\":", "[TencentCloudSDKError] Code=", "\x00", "\n", "InternalError", "'"} {
		for i := 0; i < 200; i++ {
			copy(buf[rng.Intn(len(buf)-64):], m)
		}
	}
	fs, st := scanString(t, string(buf), testOptions())
	for _, f := range fs {
		if !f.Inferred && !bytes.Contains(buf, []byte(f.Code)) {
			t.Errorf("code %q not in input", f.Code)
		}
	}
	if st.Bytes != int64(len(buf)) {
		t.Errorf("stats = %+v", st)
	}
}

func TestMaxRecordSmall(t *testing.T) {
	opt := testOptions()
	opt.MaxRecord = 80
	in := "[TencentCloudSDKError] Code=InternalError, Message=" + strings.Repeat("m", 100) + ", RequestId=r\n" + errLine +
		"[TencentCloudSDKError] Code=" + strings.Repeat("Internal", 10) + "\n"
	got, st := scanString(t, in, opt)
	if len(got) != 2 || !got[0].Cut || got[0].Code != "InternalError" || len(got[0].Message) > 80 || got[1].Cut {
		t.Fatalf("got %+v", got)
	}
	if st.CutRecords != 2 {
		t.Errorf("stats = %+v", st)
	}
}
