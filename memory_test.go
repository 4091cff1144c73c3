package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// distinctCodes writes n API 3.0 error bodies, each with its own code: n
// distinct unknown sub-codes of InternalError, and every 7th one a known code
// in a different case (InternalError, internalerror, INTERNALERROR, ...), which
// the catalog accepts as the same code.
func distinctCodes(n int) func(io.Writer) error {
	return func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		for i := 0; i < n; i++ {
			code := fmt.Sprintf("InternalError.D%d", i)
			if i%7 == 0 {
				code = caseVariant("AuthFailure.SignatureExpire", i)
			}
			if _, err := fmt.Fprintf(bw, `{"Response":{"Error":{"Code":"%s","Message":"x"},"RequestId":"r"}}`+"\n", code); err != nil {
				return err
			}
		}
		return bw.Flush()
	}
}

// caseVariant spells s with the case of each letter flipped by the bits of i.
func caseVariant(s string, i int) string {
	b := []byte(s)
	for k := range b {
		if i>>(k%24)&1 == 1 {
			if c := b[k]; c >= 'a' && c <= 'z' {
				b[k] = c - 32
			} else if c >= 'A' && c <= 'Z' {
				b[k] = c + 32
			}
		}
	}
	return string(b)
}

// TestDistinctCodesMemory checks that parse's memory does not grow with the
// number of distinct codes in the input, in every output mode: peak RSS for
// 100,000 distinct codes stays under 64 MiB and within 8 MiB of the peak for
// 20,000 (past the cap of tracked codes, and enough for the garbage
// collector to settle). Before the per-code tallies were bounded, the 80,000
// more codes took about 80 MiB more with --summary and 35 MiB more with
// -o jsonl. Peaks are the child's own (runHostile measures them through
// testdata/rsslaunch). `go test -short` skips it.
func TestDistinctCodesMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and parses 100,000 distinct codes per mode")
	}
	n := 100_000
	if os.Getenv("ERRCODE_HOSTILE_SMALL") != "" {
		n = 40_000
	}
	base := 20_000
	const maxRSS, maxGrowth = 64, 8 // MiB
	tty := []string{"ERRCODE_FORCE_TTY=1", "NO_COLOR=1"}
	modes := []struct {
		name string
		env  []string
		args []string
		tail string // in the end of the output
	}{
		{"text", nil, nil, "(more than 1001 distinct codes)"},
		{"table", tty, nil, "(more than 1001 distinct codes)"},
		{"json", nil, []string{"-o", "json"}, "]\n"},
		{"jsonl", nil, []string{"-o", "jsonl"}, "}\n"},
		{"yaml", nil, []string{"-o", "yaml"}, "notes: []\n"},
		{"summary plain", nil, []string{"--summary"}, "(other)\t"},
		{"summary table", tty, []string{"--summary"}, "(more than 1001 distinct codes)"},
		{"summary json", nil, []string{"--summary", "-o", "json"}, `"other": true`},
		{"summary yaml", nil, []string{"--summary", "-o", "yaml"}, "other: true"},
		{"summary zh", nil, []string{"--summary", "--lang", "zh"}, "其余错误码的错误合计于此"},
	}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			args := append([]string{"parse"}, m.args...)
			b := runHostile(t, m.env, distinctCodes(base), args...)
			r := runHostile(t, m.env, distinctCodes(n), args...)
			// A peak is a sample of how the garbage collector kept up: on a
			// loaded machine its workers may get no CPU for a while. Real
			// growth shows in every run; a lapse of scheduling does not, so
			// the smallest of three peaks is what counts.
			for try := 1; try < 3 && r.status == 0 && (r.rssMiB > maxRSS || r.rssMiB > b.rssMiB+maxGrowth); try++ {
				t.Logf("peak RSS %.1f MiB (run %d), %.1f MiB for %d: measuring again", r.rssMiB, try, b.rssMiB, base)
				again := runHostile(t, m.env, distinctCodes(n), args...)
				if again.rssMiB < r.rssMiB {
					r.rssMiB = again.rssMiB
				}
			}
			if r.status != 0 {
				t.Fatalf("exit status %d; stderr:\n%s", r.status, r.stderr)
			}
			if !strings.Contains(r.tail, m.tail) {
				t.Errorf("the output does not end with %q:\n%s", m.tail, r.tail)
			}
			if r.rssMiB > maxRSS {
				t.Errorf("peak RSS %.1f MiB for %d distinct codes, want under %d MiB", r.rssMiB, n, maxRSS)
			}
			if r.rssMiB > b.rssMiB+maxGrowth {
				t.Errorf("peak RSS %.1f MiB for %d distinct codes, %.1f MiB for %d: it grows with the codes", r.rssMiB, n, b.rssMiB, base)
			}
			t.Logf("peak RSS %.1f MiB for %d distinct codes, %.1f MiB for %d", r.rssMiB, n, b.rssMiB, base)
		})
	}
}
