package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// The hostile-input suite runs the real binary on input built to hurt it and
// asserts the outcome: exit status, no control characters on a terminal, no
// secret echoed, and peak RSS (from the kernel's rusage) under a bound
// however large the input. `go test -short` skips it.

var (
	buildOnce sync.Once
	builtBin  string
	launchBin string // testdata/rsslaunch: measures a child's own peak RSS
	buildErr  error
)

// errcodeBinary builds errcode once per test run.
func errcodeBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "errcode-hostile")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "errcode")
		launchBin = filepath.Join(dir, "rsslaunch")
		for _, b := range [][2]string{{builtBin, "."}, {launchBin, "./testdata/rsslaunch"}} {
			if out, err := exec.Command("go", "build", "-o", b[0], b[1]).CombinedOutput(); err != nil {
				buildErr = fmt.Errorf("go build %s: %v\n%s", b[1], err, out)
				return
			}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

type runResult struct {
	status         int
	stdout, stderr string
	rssMiB         float64
	tail           string // the last 4 KiB of stdout
}

// runHostile runs errcode with args, feeding stdin from feed (which may write
// gigabytes) and keeping at most 1 MiB of each output.
func runHostile(t *testing.T, env []string, feed func(io.Writer) error, args ...string) runResult {
	t.Helper()
	bin := errcodeBinary(t)
	rssFile := filepath.Join(t.TempDir(), "rss")
	cmd := exec.Command(launchBin, append([]string{rssFile, bin}, args...)...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}, env...)
	var stdout, stderr capped
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	feedErr := make(chan error, 1)
	go func() {
		err := feed(in)
		in.Close()
		feedErr <- err
	}()
	err = cmd.Wait()
	if ferr := <-feedErr; ferr != nil && !errors.Is(ferr, syscall.EPIPE) && !strings.Contains(ferr.Error(), "closed pipe") {
		t.Fatalf("feeding stdin: %v", ferr)
	}
	status := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	var rss float64
	if b, err := os.ReadFile(rssFile); err != nil {
		t.Fatalf("peak RSS not reported: %v", err)
	} else if kib, err := strconv.ParseFloat(string(b), 64); err == nil {
		rss = kib / 1024
	}
	return runResult{status, stdout.String(), stderr.String(), rss, string(stdout.tail)}
}

// capped keeps the first MiB written to it, and the last 4 KiB in tail.
// The buffer is a field, not embedded: an embedded bytes.Buffer's ReadFrom
// would let os/exec copy the whole output into the test process.
type capped struct {
	buf  bytes.Buffer
	tail []byte
}

func (c *capped) String() string { return c.buf.String() }

func (c *capped) Write(p []byte) (int, error) {
	if room := 1<<20 - c.buf.Len(); room > 0 {
		c.buf.Write(p[:min(len(p), room)])
	}
	c.tail = append(c.tail, p[max(0, len(p)-4096):]...)
	if len(c.tail) > 4096 {
		c.tail = append(c.tail[:0], c.tail[len(c.tail)-4096:]...)
	}
	return len(p), nil
}

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// repeat writes prefix, then unit until n bytes, then suffix.
func repeat(prefix, unit string, n int64, suffix string) func(io.Writer) error {
	return func(w io.Writer) error {
		if _, err := io.WriteString(w, prefix); err != nil {
			return err
		}
		chunk := []byte(strings.Repeat(unit, max(1, (64<<10)/len(unit))))
		for written := int64(0); written < n; written += int64(len(chunk)) {
			if _, err := w.Write(chunk); err != nil {
				return err
			}
		}
		_, err := io.WriteString(w, suffix)
		return err
	}
}

// controlFree reports whether s has no terminal control characters but
// newlines and tabs (piped rows are tab-separated).
func controlFree(s string) bool {
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return false
		}
	}
	return true
}

func TestHostileInput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and streams large inputs")
	}
	const secret = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
	tty := []string{"ERRCODE_FORCE_TTY=100", "NO_COLOR=1"}
	gb := int64(1) << 30
	if os.Getenv("ERRCODE_HOSTILE_SMALL") != "" {
		gb = 64 << 20 // a quicker run for local iteration
	}
	tests := []struct {
		name   string
		env    []string
		args   []string
		feed   func(io.Writer) error
		status int
		maxRSS float64 // MiB
		check  func(t *testing.T, r runResult)
	}{
		{
			name: "escape injection in a message", env: tty, args: []string{"parse"}, status: 0, maxRSS: 50,
			feed: text("[TencentCloudSDKError] Code=InternalError, Message=\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\u2066x, RequestId=r1\n"),
			check: func(t *testing.T, r runResult) {
				if !strings.Contains(r.stdout, `\x1b]0;pwned\x07`) {
					t.Errorf("the escape should be shown escaped:\n%s", r.stdout)
				}
			},
		},
		{
			name: "escape injection in code arguments", env: tty, status: 1, maxRSS: 50,
			args: []string{"lookup", "Auth\x1b]0;x\x07Failure", "\u202eInternalError.X", "\x9b2J"},
			feed: text(""),
		},
		{
			name: "escape injection in an explain argument", env: tty, status: 1, maxRSS: 50,
			args: []string{"explain", "InternalError.\x1b[31mRed"}, feed: text(""),
		},
		{
			name: "invalid UTF-8 and NUL bytes", env: tty, args: []string{"parse"}, status: 0, maxRSS: 50,
			feed: text("\xff\xfe\x00\x00garbage\x00\n{\"Response\":{\"Error\":{\"Code\":\"InvalidParameter\",\"Message\":\"bad \xc3\x28 \x00 byte\"},\"RequestId\":\"r\x00\"}}\n\x80\x81\n"),
		},
		{
			name: "binary garbage", env: tty, args: []string{"parse"}, status: 1, maxRSS: 50,
			feed: repeat("", "\x00\x01\xff\x7f\x1b[\xc0{\"[", 8<<20, ""),
		},
		{
			name: "secrets are never echoed", env: tty, args: []string{"parse"}, status: 0, maxRSS: 50,
			feed: text("> Authorization: TC3-HMAC-SHA256 Credential=" + secret + "/2024-01-01/cvm/tc3_request, SignedHeaders=host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c\n" +
				"[TencentCloudSDKError] Code=AuthFailure.SignatureFailure, Message=bad SecretId=" + secret + " SecretKey=Gu5t9xGARNpq86cd98joQYCN3EXAMPLE, RequestId=" + secret + "\n"),
			check: func(t *testing.T, r runResult) {
				for _, s := range []string{secret, "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c"} {
					if strings.Contains(r.stdout+r.stderr, s) {
						t.Errorf("secret %q echoed", s)
					}
				}
			},
		},
		{
			name: "secrets in JSON output", args: []string{"parse", "-o", "json"}, status: 0, maxRSS: 50,
			feed: text(`{"Response":{"Error":{"Code":"AuthFailure.SecretIdNotFound","Message":"SecretId ` + secret + ` not found"},"RequestId":"r"}}` + "\n"),
			check: func(t *testing.T, r runResult) {
				if strings.Contains(r.stdout, secret) {
					t.Errorf("secret echoed in JSON: %s", r.stdout)
				}
			},
		},
		{
			name: "100 MB single line", env: tty, args: []string{"parse"}, status: 0, maxRSS: 50,
			feed: repeat(`[TencentCloudSDKError] Code=InternalError, Message=`, "x", 100<<20, ", RequestId=r\n"),
			check: func(t *testing.T, r runResult) {
				if !strings.Contains(r.stdout, "InternalError") {
					t.Errorf("the error at the start of the long line was lost:\n%s", r.stdout)
				}
			},
		},
		{
			name: "10,000-deep nesting", env: tty, args: []string{"parse"}, status: 1, maxRSS: 50,
			feed: text(strings.Repeat(`{"Response":`, 10000) + strings.Repeat("}", 10000) + "\n" + strings.Repeat("[", 10000) + "\n"),
		},
		{
			name: "an unclosed body does not accumulate", env: tty, args: []string{"parse"}, status: 1, maxRSS: 50,
			feed: repeat("{\"Response\":{\"Data\":[\n", "\"abcdefghijklmnopqrstuvwxyz\",\n", 50<<20, ""),
		},
		{
			name: "1 GB stream", args: []string{"parse", "--summary"}, status: 0, maxRSS: 50,
			feed: repeat("", strings.Repeat("2024-05-01T10:00:00Z INFO an ordinary log line with nothing to report\n", 49)+
				`{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow down"},"RequestId":"r"}}`+"\n", gb, ""),
			check: func(t *testing.T, r runResult) {
				if !strings.HasPrefix(r.stdout, "RequestLimitExceeded\t") {
					t.Errorf("summary of the stream:\n%s", r.stdout)
				}
			},
		},
		{
			name: "empty input", args: []string{"parse"}, status: 1, maxRSS: 50, feed: text(""),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runHostile(t, tt.env, tt.feed, tt.args...)
			if r.status != tt.status {
				t.Errorf("exit status %d, want %d; stderr:\n%s", r.status, tt.status, r.stderr)
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
				t.Errorf("panic:\n%s", r.stderr)
			}
			if !controlFree(r.stdout) || !controlFree(r.stderr) {
				t.Errorf("control characters reached the terminal:\nstdout %q\nstderr %q", trim(r.stdout), trim(r.stderr))
			}
			if r.rssMiB > tt.maxRSS {
				t.Errorf("peak RSS %.1f MiB, want under %.0f MiB", r.rssMiB, tt.maxRSS)
			}
			t.Logf("peak RSS %.1f MiB", r.rssMiB)
			if tt.check != nil {
				tt.check(t, r)
			}
		})
	}
}

func trim(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
