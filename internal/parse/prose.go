package parse

import (
	"bytes"
	"strings"
)

// prose reports catalog codes named in free text on the current line (from
// column from), outside the ranges structured records claimed. A code is
// reported once per line, and not when a structured finding on the line
// already names it.
func (s *scanner) prose(t []byte, from int) {
	var seen []string
	first := true
	humps := pairIter{f: humpPairs, b: t, base: from}
	for i := from; ; {
		h := humps.next(i)
		if h < 0 {
			return
		}
		if e := s.claimedEnd(h); e > 0 {
			// every token overlapping the claimed range is passed over
			i = e
			continue
		}
		a := h
		for a > 0 && isCodeTokChar(t[a-1]) {
			a--
		}
		b := h + 1
		for b < len(t) && isCodeTokChar(t[b]) {
			b++
		}
		i = b
		// an escape written out in a JSON string: "\nInternalError"
		if a >= 1 && t[a-1] == '\\' && (t[a] == 'n' || t[a] == 't' || t[a] == 'r') {
			a++
		}
		for b > a && (t[b-1] == '.' || t[b-1] == '-' || t[b-1] == '_') {
			b--
		}
		tok := t[a:b]
		if s.cur.cut && b == len(t) {
			continue // cut short
		}
		if len(tok) < 2 || !isUpper(tok[0]) || codeLen(tok) != len(tok) || s.claimed(a, b) {
			continue
		}
		if k := s.tokenKind(tok); k&tokCode == 0 {
			if k&tokMessage != 0 {
				s.msgWord = true
			}
			continue
		}
		code := string(tok)
		if first {
			// codes already reported on this line by structured records
			for _, f := range s.out {
				if f.Line == s.cur.no {
					seen = append(seen, f.Code)
				}
			}
			first = false
		}
		dup := false
		for _, c := range seen {
			if c == code {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		seen = append(seen, code)
		s.add(Finding{
			Code:       code,
			Line:       s.cur.no,
			Offset:     s.cur.off + int64(a),
			Shape:      ShapeProse,
			Confidence: Low,
			Cut:        s.cur.cut,
		})
	}
}

// The answers proseCache keeps about a token.
const (
	tokCode    uint8 = 1 << iota // a catalog code, or dotted CamelCase under a catalog class
	tokMessage                   // a word of a known server message (Options.MessageWord)
)

// tokenMatters reports whether a line holding the prose token must be
// scanned: the token is a code, or a word of a known server message.
func (s *scanner) tokenMatters(tok []byte) bool { return s.tokenKind(tok) != 0 }

// tokenKind says what a prose token is. Answers are cached: log lines
// repeat the same CamelCase words (class names) over and over.
func (s *scanner) tokenKind(tok []byte) uint8 {
	if v, ok := s.proseCache[string(tok)]; ok {
		return v
	}
	code := string(tok)
	var v uint8
	known := s.known(code)
	if !known {
		cls, _, dotted := strings.Cut(code, ".")
		known = dotted && isDotted(code) && s.known(cls)
	}
	if known {
		v |= tokCode
	}
	if s.opt.MessageWord != nil && s.opt.InferCode != nil && s.opt.MessageWord(code) {
		v |= tokMessage
	}
	if s.proseCache == nil || len(s.proseCache) >= proseCacheSize {
		s.proseCache = make(map[string]uint8, 64)
	}
	s.proseCache[code] = v
	return v
}

const proseCacheSize = 4096

// claimedEnd returns the end of a range claimed by a structured record that
// holds position h, or 0.
func (s *scanner) claimedEnd(h int) int {
	for _, sp := range s.spans {
		if h >= sp.start && h < sp.end {
			return sp.end
		}
	}
	return 0
}

// claimed reports whether t[a:b] overlaps a range claimed by a structured record.
func (s *scanner) claimed(a, b int) bool {
	for _, sp := range s.spans {
		if a < sp.end && b > sp.start {
			return true
		}
	}
	return false
}

func isCodeTokChar(c byte) bool { return codeTokChar[c] }

// codeTokChar tells the bytes of a prose token: letters, digits, '.', '_' and '-'.
var codeTokChar = func() (t [256]bool) {
	for c := range 256 {
		b := byte(c)
		t[c] = isAlnum(b) || b == '.' || b == '_' || b == '-'
	}
	return t
}()

// quoteOpen and quoteClose pair the quotes quotedMessages looks between.
var quoteOpen, quoteClose = []string{"\"", "'", "`", "“", "「"}, []string{"\"", "'", "`", "”", "」"}

// maxQuoted bounds the texts of one line quotedMessages offers to InferCode.
const maxQuoted = 4

// quotedMessages offers the quoted texts of a line that names a word of a
// known server message (and holds no record), and the text after its last
// colon, to InferCode: a known server message quoted in prose ("deploy
// failed: “The SecretId is not found, ...”").
func (s *scanner) quotedMessages(line []byte, from int) {
	t := line[from:]
	tried := 0
	try := func(a, b int) bool {
		msg := strings.TrimSpace(string(t[a:b]))
		if len(msg) < 8 || tried >= maxQuoted {
			return false
		}
		tried++
		c, ok := s.infer(msg)
		if !ok {
			return false
		}
		s.add(Finding{Code: c, Message: cleanText(msg, s.opt.MaxRecord), Line: s.cur.no, Offset: s.cur.off + int64(from+a),
			Shape: ShapeProse, Confidence: Low, Inferred: true, Cut: s.cur.cut})
		return true
	}
	for p := 0; p < len(t) && tried < maxQuoted; {
		best, q := -1, 0
		for k, o := range quoteOpen {
			if i := bytes.Index(t[p:], []byte(o)); i >= 0 && (best < 0 || i < best) {
				best, q = i, k
			}
		}
		if best < 0 {
			break
		}
		a := p + best + len(quoteOpen[q])
		e := bytes.Index(t[a:], []byte(quoteClose[q]))
		if e < 0 {
			break
		}
		if try(a, a+e) {
			return
		}
		p = a + e + len(quoteClose[q])
	}
	if c := max(bytes.LastIndex(t, []byte(": ")), bytes.LastIndex(t, []byte("："))); c >= 0 {
		a := c + 2
		if t[c] != ':' {
			a = c + len("：")
		}
		try(a, len(t))
	}
}
