// Package textsafe makes untrusted text safe to print on a terminal.
//
// Text that comes from outside (pasted error messages, HTTP headers, command
// arguments echoed back) may hold escape sequences that recolour, retitle or
// rewrite a terminal, or bidi controls that make it read differently from
// what it is. Clean neutralises all of them by writing each such character as
// a visible escape (\x1b, \u202e), so nothing is hidden and nothing executes.
package textsafe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// unsafe reports whether r must not reach a terminal raw: C0 controls (other
// than tab and, where allowed, newline), DEL, C1 controls, the bidi embedding,
// override and isolate controls, and the line/paragraph separators.
func unsafe(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0x2028 || r == 0x2029:
		return true
	}
	return false
}

// Clean returns s with every unsafe character written as a visible escape:
// control characters as \xHH (\n, \r and \t as themselves escaped: \n, \r,
// and a tab as a space), bidi and separator controls as \uHHHH, and invalid
// UTF-8 as \xHH per byte. The result is one line.
func Clean(s string) string { return clean(s, false) }

// CleanLines is Clean but keeps newlines, for multi-line text.
func CleanLines(s string) string { return clean(s, true) }

func clean(s string, keepNewlines bool) string {
	if isClean(s, keepNewlines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x80 && unsafe(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func isClean(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			continue
		}
		if c == '\n' && keepNewlines {
			continue
		}
		if c < 0x80 {
			return false
		}
		// Non-ASCII: decode and check the slow way.
		for _, r := range s[i:] {
			if r == utf8.RuneError || unsafe(r) || (r == '\n' && !keepNewlines) || r == '\t' {
				return false
			}
		}
		return true
	}
	return true
}
