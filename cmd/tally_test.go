package cmd

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/internal/iostreams"
)

func TestCodeTallyBounded(t *testing.T) {
	for _, keep := range []bool{true, false} {
		tl := newCodeTally(keep)
		for i := 0; i < 5*maxUnknownCodes; i++ {
			tl.add(fmt.Sprintf("InternalError.D%d", i), "-", i+1, false, "Internal error.")
			// Known codes in any case and with surrounding space are one code.
			known := "AuthFailure.SignatureExpire"
			if i%2 == 1 {
				known = " " + strings.ToUpper(known)
			}
			tl.add(known, "-", i+1, true, "Signature expired.")
		}
		if got := len(tl.rows); got != maxUnknownCodes+1 {
			t.Errorf("keep=%v: %d codes tracked, want %d", keep, got, maxUnknownCodes+1)
		}
		if n, more := tl.distinct(); n != maxUnknownCodes+1 || !more {
			t.Errorf("keep=%v: distinct() = %d, %v, want %d, true", keep, n, more, maxUnknownCodes+1)
		}
		if !keep {
			if len(tl.order) != 0 {
				t.Errorf("keep=false holds %d rows", len(tl.order))
			}
			continue
		}
		rows := tl.sorted()
		if len(rows) != maxUnknownCodes+2 {
			t.Fatalf("%d rows, want %d", len(rows), maxUnknownCodes+2)
		}
		first, last := rows[0], rows[len(rows)-1]
		if first.Code != "AuthFailure.SignatureExpire" || first.Count != 5*maxUnknownCodes || first.FirstLine != 1 {
			t.Errorf("first row %+v, want the known code, first spelling, counted in every case", *first)
		}
		if !last.Other || last.Code != otherCode || last.Count != 4*maxUnknownCodes ||
			last.FirstLine != maxUnknownCodes+1 || last.LastLine != 5*maxUnknownCodes {
			t.Errorf("last row %+v, want the other codes", *last)
		}
	}
}

func TestCodeTallyUnderTheCap(t *testing.T) {
	tl := newCodeTally(true)
	tl.add("InternalError.X", "a", 3, false, "")
	tl.add("internalerror.x", "b", 9, false, "")
	if n, more := tl.distinct(); n != 1 || more {
		t.Errorf("distinct() = %d, %v, want 1, false", n, more)
	}
	rows := tl.sorted()
	if len(rows) != 1 || rows[0].Count != 2 || rows[0].FirstFile != "a" || rows[0].LastFile != "b" || rows[0].LastLine != 9 {
		t.Errorf("rows %+v", rows)
	}
}

// TestParseSummaryOtherRow checks the "(other)" row in every --summary
// format and language.
func TestParseSummaryOtherRow(t *testing.T) {
	var in strings.Builder
	for i := 0; i < maxUnknownCodes+5; i++ {
		fmt.Fprintf(&in, `{"Response":{"Error":{"Code":"InternalError.D%d","Message":"x"},"RequestId":"r"}}`+"\n", i)
	}
	tests := []struct {
		args []string
		tty  bool
		want string
	}{
		{[]string{"parse", "--summary"}, false, "(other)\t5\t1001\t1005\tmore than 1000 distinct codes not in the catalog: the errors with the others are counted together\n"},
		{[]string{"parse", "--summary", "--lang", "zh"}, false, "(other)\t5\t1001\t1005\t不在目录中的错误码超过 1000 种：其余错误码的错误合计于此\n"},
		{[]string{"parse", "--summary", "-o", "json"}, false, "\"code\": \"(other)\",\n    \"count\": 5,\n    \"first_line\": 1001,\n    \"last_line\": 1005,"},
		{[]string{"parse", "--summary", "-o", "yaml"}, false, "- code: \"(other)\"\n  count: 5\n"},
		{[]string{"parse", "--summary"}, true, "1005 errors (more than 1000 distinct codes) in 1005 lines; 1005 not in the catalog\n"},
		{[]string{"parse", "--summary", "--lang", "zh"}, true, "共 1005 个错误（超过 1000 种错误码），1005 行"},
		{[]string{"parse"}, false, "1005 errors (more than 1000 distinct codes) in 1005 lines"},
	}
	for _, tt := range tests {
		ios, stdin, out, errOut := iostreams.Test()
		stdin.WriteString(in.String())
		ios.SetStdoutTTY(tt.tty, 120)
		if code := Main(tt.args, ios); code != 0 {
			t.Fatalf("%v: exit %d, stderr %s", tt.args, code, errOut)
		}
		if !strings.Contains(out.String(), tt.want) {
			t.Errorf("%v (tty %v): no %q in\n%s", tt.args, tt.tty, tt.want, lastLines(out.String(), 12))
		}
		if strings.Count(out.String(), "(other)") > 1 {
			t.Errorf("%v: more than one other row", tt.args)
		}
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// BenchmarkParseDistinctCodes parses 100,000 errors with distinct unknown
// codes per run, the input that made memory grow with the codes; see
// TestDistinctCodesMemory for the peak RSS of the whole process.
func BenchmarkParseDistinctCodes(b *testing.B) {
	var in bytes.Buffer
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&in, `{"Response":{"Error":{"Code":"InternalError.D%d","Message":"x"},"RequestId":"r"}}`+"\n", i)
	}
	for _, args := range [][]string{{"parse", "--summary"}, {"parse", "-o", "jsonl"}} {
		b.Run(strings.Join(args[1:], " "), func(b *testing.B) {
			b.SetBytes(int64(in.Len()))
			b.ReportAllocs()
			for b.Loop() {
				ios, stdin, _, _ := iostreams.Test()
				ios.Out = discard{}
				stdin.Write(in.Bytes())
				if code := Main(args, ios); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
