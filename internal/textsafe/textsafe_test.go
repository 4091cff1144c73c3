package textsafe

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "AuthFailure.SignatureExpire", "AuthFailure.SignatureExpire"},
		{"cjk", "签名过期。", "签名过期。"},
		{"csi colour", "\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"osc title", "\x1b]0;pwned\x07", `\x1b]0;pwned\x07`},
		{"c1 csi", "a\u009b31mb", `a\u009b31mb`},
		{"bidi override", "abc\u202edcba", `abc\u202edcba`},
		{"bidi isolate", "\u2066x\u2069", `\u2066x\u2069`},
		{"newline", "a\nb", `a\nb`},
		{"cr", "a\rb", `a\rb`},
		{"tab", "a\tb", "a b"},
		{"nul", "a\x00b", `a\x00b`},
		{"del", "a\x7fb", `a\x7fb`},
		{"invalid utf8", "a\xffb", `a\xffb`},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"nel", "a\u0085b", `a\u0085b`},
		{"bidi mark", "\u200e\u200f\u061c", `\u200e\u200f\u061c`},
		{"bom and non-characters", "\ufeffa\ufffe\uffff", `\ufeffa\ufffe\uffff`},
		{"invalid utf8 run", "a\xff\xfe\x9bb", `a\xff\xfe\x9bb`},
		{"truncated sequence", "签\xe5\x90", `签\xe5\x90`},
		{"u+fffd itself", "a\ufffdb", "a\ufffdb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanLinesKeepsNewlines(t *testing.T) {
	if got, want := CleanLines("a\nb\x1bc"), "a\nb\\x1bc"; got != want {
		t.Errorf("CleanLines = %q, want %q", got, want)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[2J", "签名\u202e", "\xff\xfe", "a\nb",
		"\x9b31m\u0085\u2066x\u2069\x7f", "a\tb\r\n\u2028", "\ufffd\xef\xbf", "\x1b]52;c;UFdORUQ=\x07"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<10 { // longer text reaches nothing new, and slows every execution
			return
		}
		for _, lines := range []bool{false, true} {
			out := clean(s, lines)
			if again := clean(out, lines); again != out {
				t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
			}
			safe := utf8.ValidString(s)
			for _, r := range s {
				safe = safe && r != '\t' && (!Unsafe(r) || r == '\n' && lines)
			}
			if safe && out != s {
				t.Fatalf("safe text %q changed to %q", s, out)
			}
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 out of %q", s)
			}
			for _, r := range out {
				if r == '\n' && lines {
					continue
				}
				if Unsafe(r) {
					t.Fatalf("unsafe rune %U survived in %q", r, out)
				}
			}
			if !lines && strings.Contains(out, "\n") {
				t.Fatalf("newline in one-line output %q", out)
			}
			if again := clean(out, lines); again != out {
				t.Fatalf("cleaning twice escapes twice: %q then %q", out, again)
			}
		}
	})
}
