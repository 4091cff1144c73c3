// Package textsafe makes untrusted text safe to print on a terminal.
//
// Text that comes from outside (pasted error messages, HTTP headers, command
// arguments echoed back) may hold escape sequences that recolour, retitle or
// rewrite a terminal, or bidi controls that make it read differently from
// what it is. Clean neutralises all of them by writing each such character as
// a visible escape (\x1b, \u202e), so nothing is hidden and nothing executes.
//
// Unsafe is the set of characters every errcode output escapes, whatever its
// format. Invalid UTF-8 has one representation everywhere too: each byte that
// is not part of a valid UTF-8 sequence becomes the four characters \xHH
// (lower-case hex). JSON and YAML cannot hold a raw invalid byte, so their
// strings carry those four characters as text.
package textsafe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Unsafe reports whether r must never be written raw, in any output format:
// C0 controls (U+0000–U+001F; Clean keeps tab and, where allowed, newline as
// described there), DEL (U+007F), C1 controls (U+0080–U+009F, which include
// U+0085 NEL and the 8-bit CSI U+009B), the bidi marks, embeddings,
// overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069), the line and paragraph separators (U+2028, U+2029), the
// byte order mark (U+FEFF) and the non-characters U+FFFE and U+FFFF (which
// YAML may not hold raw). It is the one rule every errcode output follows:
// Clean writes these as visible escapes in text, CSV and Markdown, and
// internal/render as \uXXXX escapes in JSON and YAML. Every such rune is in
// the Basic Multilingual Plane.
func Unsafe(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0x2028 || r == 0x2029:
		return true
	case r == 0xfeff || r == 0xfffe || r == 0xffff:
		return true
	}
	return false
}

// Clean returns s with every Unsafe character written as a visible escape:
// newline and carriage return as \n and \r, a tab as a space, other ASCII
// controls and DEL as \xHH, every other Unsafe rune (C1 controls, bidi
// controls, separators) as \uHHHH, and invalid UTF-8 as \xHH per byte. The
// result is one line. Backslashes already in s are kept as they are, so
// Clean(Clean(s)) == Clean(s): cleaning twice never escapes twice.
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
		case r < 0x80 && Unsafe(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case Unsafe(r):
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
			if r == utf8.RuneError || Unsafe(r) || (r == '\n' && !keepNewlines) || r == '\t' {
				return false
			}
		}
		return true
	}
	return true
}
