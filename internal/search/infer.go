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
