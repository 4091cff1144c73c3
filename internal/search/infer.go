package search

import "strings"

// Placeholder stands for the variable part of a known server message in the
// catalog's Messages ("Parameter `xxx` format invalid.").
const Placeholder = "xxx"

// messageTemplate is one known message split at its placeholders.
type messageTemplate struct {
	parts   []string // literal pieces between placeholders
	literal int      // bytes of literal text: the more, the more specific
	code    string
}

// InferCode names the code for a message that arrived without one (the
// Node.js SDK prints none): the code of the known server message it matches,
// the most specific template winning, ties in catalog order. A template
// matches when the message, trimmed of white space and a final full stop,
// starts with its first literal piece, ends with its last, and contains the
// others in order between them.
func (ix *Index) InferCode(message string) (string, bool) {
	msg := trimMessage(message)
	if msg == "" {
		return "", false
	}
	best, bestLen := "", 0
	for _, t := range ix.templates() {
		if t.literal > bestLen && t.match(msg) {
			best, bestLen = t.code, t.literal
		}
	}
	return best, best != ""
}

func trimMessage(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ".。 ")
	return s
}

func (ix *Index) templates() []messageTemplate {
	ix.tmplOnce.Do(func() {
		// Only the curated layer knows server messages: the imported entries
		// need not be built.
		for _, e := range ix.cat.Curated() {
			for _, m := range e.Messages {
				parts := strings.Split(trimMessage(m), Placeholder)
				n := 0
				for _, p := range parts {
					n += len(p)
				}
				// A template of (almost) nothing but placeholders would match anything.
				if n < 8 {
					continue
				}
				ix.tmpl = append(ix.tmpl, messageTemplate{parts: parts, literal: n, code: e.Code})
				for _, p := range parts {
					for _, w := range camelWords(p) {
						if ix.words == nil {
							ix.words = map[string]bool{}
						}
						ix.words[w] = true
					}
				}
			}
		}
	})
	return ix.tmpl
}

func (t messageTemplate) match(msg string) bool {
	first, last := t.parts[0], t.parts[len(t.parts)-1]
	if !strings.HasPrefix(msg, first) {
		return false
	}
	rest := msg[len(first):]
	if len(t.parts) == 1 {
		return rest == ""
	}
	if !strings.HasSuffix(rest, last) {
		return false
	}
	rest = rest[:len(rest)-len(last)]
	for _, p := range t.parts[1 : len(t.parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	return true
}

// MessageWord reports whether word is a CamelCase word of a known server
// message ("SecretId" of "The SecretId is not found ..."): a line naming
// one may quote that message (see internal/parse Options.MessageWord).
func (ix *Index) MessageWord(word string) bool {
	ix.templates()
	return ix.words[word]
}

// camelWords returns the words of s that start upper-case and have a
// lower-to-upper case hump, as internal/parse finds prose tokens: runs of
// letters, digits, '.', '_' and '-', without those marks at the end.
func camelWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !(r < 128 && (isAlnumByte(byte(r)) || r == '.' || r == '_' || r == '-'))
	}) {
		w = strings.TrimRight(w, ".-_")
		if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
			continue
		}
		for i := 1; i < len(w); i++ {
			if 'a' <= w[i-1] && w[i-1] <= 'z' && 'A' <= w[i] && w[i] <= 'Z' {
				out = append(out, w)
				break
			}
		}
	}
	return out
}

func isAlnumByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
