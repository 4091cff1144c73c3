package render

import (
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"
)

// Wrap breaks text into lines of at most width display columns, each
// prefixed with indent (the first with first). Latin text breaks at spaces;
// CJK text may break between any two wide characters. A word longer than the
// line (a URL) stays whole on its own line.
func Wrap(text string, width int, first, indent string) string {
	avail := width - runewidth.StringWidth(indent)
	if avail < 20 {
		avail = 20
	}
	var out strings.Builder
	line := strings.Builder{}
	lineW := 0
	prefix := first
	flush := func() {
		out.WriteString(prefix)
		out.WriteString(strings.TrimRight(line.String(), " "))
		out.WriteByte('\n')
		line.Reset()
		lineW = 0
		prefix = indent
	}
	for _, tok := range tokens(text) {
		w := runewidth.StringWidth(tok)
		if tok == " " {
			if lineW == 0 {
				continue
			}
			if lineW+1 > avail {
				flush()
				continue
			}
			line.WriteString(" ")
			lineW++
			continue
		}
		if lineW > 0 && lineW+w > avail {
			flush()
		}
		line.WriteString(tok)
		lineW += w
	}
	if lineW > 0 || out.Len() == 0 {
		flush()
	}
	return strings.TrimSuffix(out.String(), "\n")
}

// tokens splits text into words, single spaces, and single wide (CJK) runes
// with any closing punctuation attached, so a line never starts with "，".
func tokens(text string) []string {
	var toks []string
	var word strings.Builder
	emit := func() {
		if word.Len() > 0 {
			toks = append(toks, word.String())
			word.Reset()
		}
	}
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			emit()
			toks = append(toks, " ")
		case runewidth.RuneWidth(r) == 2:
			emit()
			tok := string(r)
			for i+1 < len(rs) && isClosingPunct(rs[i+1]) {
				i++
				tok += string(rs[i])
			}
			toks = append(toks, tok)
		default:
			word.WriteRune(r)
		}
	}
	emit()
	return toks
}

func isClosingPunct(r rune) bool {
	return strings.ContainsRune("，。、；：？！）》」』】”’,.;:?!)", r)
}
