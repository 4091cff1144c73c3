package parse

import (
	"encoding/binary"
	"math/bits"
	"strings"
)

// prose reports catalog codes named in free text on the current line (from
// column from), outside the ranges structured records claimed. A code is
// reported once per line, and not when a structured finding on the line
// already names it.
func (s *scanner) prose(t []byte, from int) {
	var seen []string
	first := true
	for i := from; ; {
		h := nextHump(t, i)
		if h < 0 {
			return
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
		if !s.proseKnown(tok) {
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

// proseKnown reports whether a prose token is a catalog code, or dotted
// CamelCase under a catalog class. Answers are cached: log lines repeat the
// same CamelCase words (class names) over and over.
func (s *scanner) proseKnown(tok []byte) bool {
	if v, ok := s.proseCache[string(tok)]; ok {
		return v
	}
	code := string(tok)
	v := s.known(code)
	if !v {
		cls, _, dotted := strings.Cut(code, ".")
		v = dotted && isDotted(code) && s.known(cls)
	}
	if s.proseCache == nil || len(s.proseCache) >= proseCacheSize {
		s.proseCache = make(map[string]bool, 64)
	}
	s.proseCache[code] = v
	return v
}

const proseCacheSize = 4096

// claimed reports whether t[a:b] overlaps a range claimed by a structured record.
func (s *scanner) claimed(a, b int) bool {
	for _, sp := range s.spans {
		if a < sp.end && b > sp.start {
			return true
		}
	}
	return false
}

func isCodeTokChar(c byte) bool { return isAlnum(c) || c == '.' || c == '_' || c == '-' }

const msb = 0x8080808080808080

// nextHump returns the first index k >= i with b[k] lower-case and b[k+1]
// upper-case (a CamelCase hump), or -1. It tests eight bytes at a time
// with a cheap over-approximation (bytes 0x60-0x7f followed by 0x40-0x5f)
// and checks the candidates exactly.
func nextHump(b []byte, i int) int {
	for ; i+8 <= len(b); i += 7 {
		w := binary.LittleEndian.Uint64(b[i:])
		b6 := (w << 1) & msb
		if b6 == 0 {
			continue
		}
		b5 := (w << 2) & msb
		b7 := w & msb
		lower := b6 & b5 &^ b7
		upper := b6 &^ b5 &^ b7
		m := (lower << 8) & upper
		for m != 0 {
			k := i + bits.TrailingZeros64(m)/8 - 1
			if isLower(b[k]) && isUpper(b[k+1]) {
				return k
			}
			m &= m - 1
		}
	}
	for ; i+1 < len(b); i++ {
		if isLower(b[i]) && isUpper(b[i+1]) {
			return i
		}
	}
	return -1
}
