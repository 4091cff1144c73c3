package cmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	path := filepath.Join(t.TempDir(), "Factory.log")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runParse runs parse with a clock that advances 150 ms a call, so that
// every progress update is drawn, and a 1 MiB progress threshold.
func runParse(t *testing.T, stderrTTY bool, opts parseOptions, args ...string) (int, string, string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetStderrTTY(stderrTTY)
	clock := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	opts.now = func() time.Time { clock = clock.Add(150 * time.Millisecond); return clock }
	opts.progressMin = 1 << 20
	code := ExitOK
	if err := parseRun(&Factory{ios: ios}, &opts, args); err != nil {
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
	code, out, errOut := runParse(t, true, parseOptions{summary: true}, path)
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
	_, _, errOut = runParse(t, false, parseOptions{summary: true}, path)
	if errOut != "" {
		t.Errorf("progress written to a piped stderr: %q", errOut)
	}
	_, _, errOut = runParse(t, true, parseOptions{quiet: true}, path)
	if errOut != "" {
		t.Errorf("progress written with --quiet: %q", errOut)
	}
}
