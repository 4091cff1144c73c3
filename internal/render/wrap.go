package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Wrap breaks text into lines of at most width display columns, the first
// prefixed with first and the rest with indent. Latin text breaks at spaces;
// CJK text may break between any two wide characters, but never before
// closing punctuation (a line never starts with "，"). A word longer than the
// line (a URL) stays whole on its own line.
func Wrap(text string, width int, first, indent string) string {
	avail := width - stringWidth(indent)
	if avail < 20 {
		avail = 20
	}
	var out strings.Builder
	out.Grow(len(text) + len(text)/32*(len(indent)+1) + len(first))
	out.WriteString(first)
	lineW := 0    // display width of the current line
	pending := "" // a space seen after the last token, written only if another token follows on the line
	for i := 0; i < len(text); {
		tok, w, n := nextToken(text[i:])
		i += n
		if tok == " " {
			if lineW > 0 {
				pending = " "
			}
			continue
		}
		if lineW > 0 && lineW+len(pending)+w > avail {
			out.WriteByte('\n')
			out.WriteString(indent)
			lineW, pending = 0, ""
		}
		out.WriteString(pending)
		out.WriteString(tok)
		lineW += len(pending) + w
		pending = ""
	}
	return strings.TrimRight(out.String(), " ")
}

// nextToken returns the first token of s, its display width and its length
// in bytes: a run of white space (as " "), a wide (CJK) rune with any closing
// punctuation after it, or a word of other runes (with any wide closing
// punctuation after it).
func nextToken(s string) (tok string, width, n int) {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsSpace(r):
		for n = size; n < len(s); {
			r, size := utf8.DecodeRuneInString(s[n:])
			if !unicode.IsSpace(r) {
				break
			}
			n += size
		}
		return " ", 1, n
	case runeWidth(r) == 2:
		n, width = size, 2
		for n < len(s) {
			r, size := utf8.DecodeRuneInString(s[n:])
			if !isClosingPunct(r) {
				break
			}
			n += size
			width += runeWidth(r)
		}
		return s[:n], width, n
	}
	for n < len(s) {
		if c := s[n]; c < utf8.RuneSelf { // ASCII, most of the text: one column
			if asciiSpace(c) {
				break
			}
			n++
			width++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[n:])
		if unicode.IsSpace(r) {
			break
		}
		if runeWidth(r) == 2 {
			// A wide rune ends the word, but wide closing punctuation
			// ends it after itself: "…为true。" never breaks before "。",
			// and "`A`、`B`" may break after "、".
			for isClosingPunct(r) && runeWidth(r) == 2 {
				n += size
				width += 2
				if n == len(s) {
					break
				}
				r, size = utf8.DecodeRuneInString(s[n:])
			}
			break
		}
		n += size
		width += runeWidth(r)
	}
	return s[:n], width, n
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

func isClosingPunct(r rune) bool {
	return strings.ContainsRune("，。、；：？！）》」』】”’,.;:?!)", r)
}

// stringWidth is the display width of s in a terminal.
func stringWidth(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// runeWidth is the display width of r: 2 for East Asian wide and fullwidth
// characters (CJK ideographs, kana, hangul, fullwidth forms and punctuation),
// 0 for combining marks and format characters, 1 otherwise (ambiguous-width
// characters count as narrow, as terminals outside East Asian locales draw them).
func runeWidth(r rune) int {
	switch {
	case r < 0x1100:
		if r >= 0x300 && r < 0x370 { // combining diacritics
			return 0
		}
		return 1
	case r <= 0x115f, // hangul jamo
		r >= 0x2e80 && r <= 0x303e, // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33ff, // kana, CJK symbols
		r >= 0x3400 && r <= 0x4dbf, // CJK extension A
		r >= 0x4e00 && r <= 0x9fff, // CJK unified ideographs
		r >= 0xa000 && r <= 0xa4cf, // Yi
		r >= 0xac00 && r <= 0xd7a3, // hangul syllables
		r >= 0xf900 && r <= 0xfaff, // CJK compatibility ideographs
		r >= 0xfe30 && r <= 0xfe4f, // CJK compatibility forms
		r >= 0xff00 && r <= 0xff60, // fullwidth forms
		r >= 0xffe0 && r <= 0xffe6,
		r >= 0x1f300 && r <= 0x1f64f, // emoji
		r >= 0x1f900 && r <= 0x1f9ff,
		r >= 0x20000 && r <= 0x3fffd: // CJK extensions B and beyond
		return 2
	case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r), unicode.Is(unicode.Cf, r):
		return 0
	}
	return 1
}
