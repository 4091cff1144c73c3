package cmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/iostreams"
)

// bigLog writes a log of about n bytes with an error every 50 lines.
func bigLog(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i%50 == 49 {
			b.WriteString(`[TencentCloudSDKError] Code=RequestLimitExceeded, Message=slow down, RequestId=r` + "\n")
		} else {
			b.WriteString("2024-05-01T10:00:00Z INFO nothing to see here, just an ordinary log line\n")
		}
	}
	path := filepath.Join(t.TempDir(), "app.log")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runParse runs parse with a clock that advances 150 ms a call, so that
// every progress update is drawn, and a 1 MiB progress threshold.
func runParse(t *testing.T, stderrTTY bool, opts ParseOptions, args ...string) (int, string, string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetStderrTTY(stderrTTY)
	clock := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	opts.now = func() time.Time { clock = clock.Add(150 * time.Millisecond); return clock }
	opts.progressMin = 1 << 20
	code := ExitOK
	opts.f, opts.Files = &Factory{ios: ios}, args
	if err := parseRun(&opts); err != nil {
		var ee *exitError
		if !errors.As(err, &ee) {
			t.Fatalf("parse: %v", err)
		}
		code = ee.code
	}
	return code, out.String(), errOut.String()
}

func TestParseProgressOnTerminalOnly(t *testing.T) {
	path := bigLog(t, 3<<20)
	code, out, errOut := runParse(t, true, ParseOptions{Summary: true}, path)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(errOut, "\r\x1b[Kerrcode: ") || !strings.Contains(errOut, "errors") || !strings.Contains(errOut, "/s), ") {
		t.Errorf("no progress line on a terminal stderr: %q", errOut)
	}
	if !strings.HasSuffix(errOut, "\r\x1b[K") {
		t.Errorf("the progress line is not erased at the end: %q", errOut[max(0, len(errOut)-40):])
	}
	if strings.Contains(out, "\r") {
		t.Errorf("progress leaked into stdout")
	}
	_, _, errOut = runParse(t, false, ParseOptions{Summary: true}, path)
	if errOut != "" {
		t.Errorf("progress written to a piped stderr: %q", errOut)
	}
	_, _, errOut = runParse(t, true, ParseOptions{Quiet: true}, path)
	if errOut != "" {
		t.Errorf("progress written with --quiet: %q", errOut)
	}
}

// TestParseSummaryOtherRow checks the "(other)" row in every --summary
// format and language.
func TestParseSummaryOtherRow(t *testing.T) {
	var in strings.Builder
	for i := 0; i < explain.MaxUnknownCodes+5; i++ {
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

// The prompt to paste an error shows only when parse reads a terminal's
// standard input, and not with --quiet.
func TestParseStdinPrompt(t *testing.T) {
	const prompt = "errcode: reading standard input: paste the error, then press Ctrl-D\n"
	file := filepath.Join(t.TempDir(), "in.log")
	if err := os.WriteFile(file, []byte("nothing here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		stdinTTY bool
		args     []string
		want     bool
	}{
		{"terminal", true, []string{"parse"}, true},
		{"terminal, - among the files", true, []string{"parse", file, "-"}, true},
		{"terminal, --quiet", true, []string{"parse", "-q"}, false},
		{"terminal, files only", true, []string{"parse", file}, false},
		{"piped", false, []string{"parse"}, false},
	}
	for _, tt := range tests {
		ios, in, _, errOut := testStreamsIO()
		ios.SetStdinTTY(tt.stdinTTY)
		in.WriteString(`{"Response":{"Error":{"Code":"InternalError","Message":"x"},"RequestId":"r"}}` + "\n")
		Main(tt.args, ios)
		if got := strings.HasPrefix(errOut.String(), prompt); got != tt.want {
			t.Errorf("%s: prompt shown %v, want %v; stderr:\n%s", tt.name, got, tt.want, errOut)
		}
		if strings.Count(errOut.String(), prompt) > 1 {
			t.Errorf("%s: prompt shown twice", tt.name)
		}
	}
}

func TestParseNamesCandidates(t *testing.T) {
	ios, in, out, _ := testStreamsIO()
	in.WriteString("[TencentCloudSDKError] Code=FailedOperation.ServiceIsolate, Message=x, RequestId=r\n")
	if code := Main([]string{"parse", "-o", "jsonl"}, ios); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var rec explain.Finding
	if err := json.Unmarshal(out.Bytes(), &rec); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rec.Candidates, []string{"aai", "asr", "tmt"}) || rec.Scope != "aai" || len(rec.Notes) != 1 || !strings.Contains(rec.Notes[0], "3 products define") {
		t.Errorf("record = %+v", rec)
	}
}

// testStreamsIO returns piped test streams with an empty environment.
func testStreamsIO() (*iostreams.IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	ios, in, out, errOut := iostreams.Test()
	ios.SetEnv(func(string) string { return "" })
	return ios, in, out, errOut
}
