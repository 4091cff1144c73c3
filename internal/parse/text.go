package parse

import (
	"strings"
	"unicode/utf8"
)

// maxCodeLen bounds a code's length (the longest in the catalog has 89 bytes).
const maxCodeLen = 128

// maxIDLen bounds a request id's length.
const maxIDLen = 128

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool { return isUpper(c) || isLower(c) || isDigit(c) }

// codeLen returns the length of the code at the start of b, matching
// [A-Z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)*, or 0.
func codeLen(b []byte) int {
	if len(b) == 0 || !isUpper(b[0]) {
		return 0
	}
	i := 1
	for i < len(b) && isAlnum(b[i]) {
		i++
	}
	for i+1 < len(b) && b[i] == '.' && isSegChar(b[i+1]) {
		j := i + 1
		for j < len(b) && isSegChar(b[j]) {
			j++
		}
		i = j
	}
	if i > maxCodeLen {
		return 0
	}
	return i
}

func isSegChar(c byte) bool { return isAlnum(c) || c == '_' || c == '-' }

// isCode reports whether s is exactly one code.
func isCode(s string) bool { return s != "" && codeLen([]byte(s)) == len(s) }

// looksTencent reports whether a code has the CamelCase look of Tencent Cloud
// codes: a lower-case letter, and a case hump or a dot.
func looksTencent(code string) bool {
	lower, hump := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		if isLower(c) {
			lower = true
			if i+1 < len(code) && isUpper(code[i+1]) {
				hump = true
			}
		} else if c == '.' {
			hump = true
		}
	}
	return lower && hump
}

// isDotted reports whether code is dotted CamelCase: every segment starts upper-case.
func isDotted(code string) bool {
	if !strings.Contains(code, ".") {
		return false
	}
	for seg := range strings.SplitSeq(code, ".") {
		if seg == "" || !isUpper(seg[0]) {
			return false
		}
	}
	return true
}

func (s *scanner) known(code string) bool {
	return s.opt.KnownCode != nil && code != "" && s.opt.KnownCode(code)
}

// infer asks Options.InferCode for the code of a message.
func (s *scanner) infer(msg string) (string, bool) {
	if s.opt.InferCode == nil || strings.TrimSpace(msg) == "" {
		return "", false
	}
	c, ok := s.opt.InferCode(msg)
	if !ok || c == "" {
		return "", false
	}
	return c, true
}

// cleanText caps s at max bytes, on a rune boundary. Invalid UTF-8 is kept
// as it is: every output writes each invalid byte as \xHH (see
// internal/textsafe), which keeps what the bytes were (a GBK message, say).
func cleanText(s string, max int) string {
	if len(s) > max {
		i := max
		for j := 0; j < utf8.UTFMax-1 && i > 0 && !utf8.RuneStart(s[i]); j++ {
			i-- // back to the start of a rune cut in two, never further
		}
		s = s[:i]
	}
	return s
}

// idToken returns the request-id-like token at the start of b: letters,
// digits, '-' and '_'.
func idToken(b []byte) []byte {
	i := 0
	for i < len(b) && i < maxIDLen && (isAlnum(b[i]) || b[i] == '-' || b[i] == '_') {
		i++
	}
	return b[:i]
}

func cleanID(s string) string {
	s = strings.TrimSpace(s)
	switch s {
	case "None", "null", "undefined", "nil":
		return ""
	}
	if !asciiToken(s) || len(s) > maxIDLen {
		b := idToken([]byte(s))
		return string(b)
	}
	return s
}

func trimLeftSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	return b
}

func trimSpaceBytes(b []byte) []byte {
	b = trimLeftSpace(b)
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

func lowerASCII(c byte) byte {
	if isUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

func eqFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func hasSuffixFold(s, suf string) bool {
	return len(s) >= len(suf) && eqFold(s[len(s)-len(suf):], suf)
}

// indexFold finds pat (ASCII) in b ignoring case.
func indexFold(b []byte, pat string) int {
	if len(pat) == 0 {
		return 0
	}
	for i := 0; i+len(pat) <= len(b); i++ {
		if lowerASCII(b[i]) == lowerASCII(pat[0]) && eqFold(string(b[i:i+len(pat)]), pat) {
			return i
		}
	}
	return -1
}

func indexString(s, sub string) int { return strings.Index(s, sub) }

// decodeEscapes decodes JSON, Python and JavaScript string escapes. Unknown
// escapes are kept as written.
func decodeEscapes(raw []byte) []byte {
	j := 0
	for j < len(raw) && raw[j] != '\\' {
		j++
	}
	if j == len(raw) {
		return raw
	}
	out := make([]byte, 0, len(raw))
	out = append(out, raw[:j]...)
	for i := j; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' || i+1 == len(raw) {
			out = append(out, c)
			continue
		}
		i++
		switch e := raw[i]; e {
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case 'r':
			out = append(out, '\r')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '"', '\'', '\\', '/':
			out = append(out, e)
		case 'u', 'x', 'U':
			n := 4
			if e == 'x' {
				n = 2
			} else if e == 'U' {
				n = 8
			}
			r, ok := hexVal(raw[i+1:], n)
			if !ok {
				out = append(out, '\\', e)
				continue
			}
			i += n
			if e == 'u' && r >= 0xD800 && r < 0xDC00 && i+6 < len(raw) && raw[i+1] == '\\' && raw[i+2] == 'u' {
				if r2, ok := hexVal(raw[i+3:], 4); ok && r2 >= 0xDC00 && r2 < 0xE000 {
					r = (r-0xD800)<<10 + (r2 - 0xDC00) + 0x10000
					i += 6
				}
			}
			out = utf8.AppendRune(out, rune(r))
		default:
			out = append(out, '\\', e)
		}
	}
	return out
}

func hexVal(b []byte, n int) (int, bool) {
	if len(b) < n {
		return 0, false
	}
	v := 0
	for _, c := range b[:n] {
		switch {
		case isDigit(c):
			v = v*16 + int(c-'0')
		case 'a' <= c && c <= 'f':
			v = v*16 + int(c-'a'+10)
		case 'A' <= c && c <= 'F':
			v = v*16 + int(c-'A'+10)
		default:
			return 0, false
		}
	}
	if v > utf8.MaxRune {
		return 0, false
	}
	return v, true
}
