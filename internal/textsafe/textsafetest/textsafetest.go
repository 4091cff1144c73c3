// Package textsafetest holds the checks that tests of every output format
// share: what the escaping rule (textsafe.Unsafe) forbids in output, and
// what a JSON or YAML reader must read back.
package textsafetest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/internal/textsafe"
)

// Decoded is what a JSON or YAML reader must read back for s: s itself, but
// each invalid UTF-8 byte replaced by the four characters \xHH.
func Decoded(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, `\x%02x`, s[i])
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Raw describes the first invalid byte or textsafe.Unsafe rune of out that
// is not in allow (the controls the format's own syntax uses: the newline
// between records, the tab between columns), with some context; "" when
// there is none.
func Raw(out, allow string) string {
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Sprintf("invalid byte %#02x at offset %d: %q", out[i], i, out[max(0, i-40):min(len(out), i+40)])
		case textsafe.Unsafe(r) && !strings.ContainsRune(allow, r):
			return fmt.Sprintf("raw %U at offset %d: %q", r, i, out[max(0, i-40):min(len(out), i+40)])
		}
		i += size
	}
	return ""
}
