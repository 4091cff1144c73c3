package parse

import (
	"bytes"
	"math/bits"
)

// The fast path.
//
// Most lines of a big log hold nothing Scan reports, and in the usual state
// (no body, Node.js exception or transcript open: see quiet) such a line
// changes nothing either. Scan finds the lines that may matter with one
// search over the whole read buffer, and skips the others, counting their
// newlines.
//
// A line may matter only if it holds a byte pair of one of these classes:
//
//	bit  first byte   second byte               for
//	0    '{'          any                       an object (when its braces do not balance)
//	1    0x60-0x7f    0x40-0x5f                 a case hump: a code in prose (with KnownCode)
//	2    'o'          'd'                       "ode": a code label ("Code", "code")
//	3    'D'          'K'                       "SDK": an SDK exception string
//	4    'a'          'g'                       "essage": a message label (with InferCode)
//	5-7  '\n'         a line's first byte that  a line start context() may act on
//	                  context() may act on
//
// Each class is a product of nibble sets (low nibbles × high nibbles of each
// byte), so that the search can classify 32 bytes at a time with four table
// lookups (VPSHUFB on amd64). A pair in a class is only a candidate:
// lineFilter.collect checks it exactly, with the tests processLine applies
// (startMatters, balanced, hasODE ...), and goes on when they do not hold.
// It marks the lines that hold a case hump with the token there, for the
// scanner to ask KnownCode about.

// fastPath enables the skipping; tests turn it off to compare.
var fastPath = true

// pairFilter holds the nibble tables of the byte-pair classes, and the same
// classes expanded to whole bytes for the portable search.
type pairFilter struct {
	nib  [64]byte  // low and high nibble tables of the first byte, then of the second
	x, y [256]byte // the class bits of each byte as first and as second byte of a pair
}

var allNibbles = []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}

// add sets class bit for the pairs (x, y) with x in xlo×xhi and y in ylo×yhi
// (sets of low and high nibbles).
func (f *pairFilter) add(bit uint, xlo, xhi, ylo, yhi []byte) {
	for k, set := range [][]byte{xlo, xhi, ylo, yhi} {
		for _, n := range set {
			f.nib[16*k+int(n)] |= 1 << bit
		}
	}
}

// humpPairs finds case humps: a lower-case letter (0x61-0x6f or 0x70-0x7a)
// before an upper-case one (0x41-0x4f or 0x50-0x5a).
var humpPairs = func() *pairFilter {
	f := &pairFilter{}
	lowA, lowB := []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	f.add(0, lowA, []byte{6}, lowA, []byte{4})
	f.add(1, lowA, []byte{6}, lowB, []byte{5})
	f.add(2, lowB, []byte{7}, lowA, []byte{4})
	f.add(3, lowB, []byte{7}, lowB, []byte{5})
	f.expand()
	return f
}()

// expand fills the byte tables from the nibble tables.
func (f *pairFilter) expand() {
	for c := range 256 {
		f.x[c] = f.nib[c&15] & f.nib[16+c>>4]
		f.y[c] = f.nib[32+c&15] & f.nib[48+c>>4]
	}
}

func newPairFilter(prose, essage bool) *pairFilter {
	f := &pairFilter{}
	f.add(0, []byte{0xb}, []byte{7}, allNibbles, allNibbles) // '{', any
	if prose {
		f.add(1, allNibbles, []byte{6, 7}, allNibbles, []byte{4, 5}) // lower-case, upper-case
	}
	f.add(2, []byte{0xf}, []byte{6}, []byte{4}, []byte{6}) // 'o', 'd'
	f.add(3, []byte{4}, []byte{4}, []byte{0xb}, []byte{4}) // 'D', 'K'
	if essage {
		f.add(4, []byte{1}, []byte{6}, []byte{7}, []byte{6}) // 'a', 'g'
	}
	// '\n' before a byte a line that context() acts on may start with:
	// '\t', ' ', '#', '$', '%' (blanks and prompts) ...
	f.add(5, []byte{0xa}, []byte{0}, []byte{0, 3, 4, 5, 9}, []byte{0, 2})
	// ... '<', '>', 0xEF (a BOM), 'P' (PowerShell's "PS C:\> ") ...
	f.add(6, []byte{0xa}, []byte{0}, []byte{0, 0xc, 0xe, 0xf}, []byte{3, 5, 0xe})
	// ... 'H', 'h', 'c', 't', 'u' (HTTP/, curl, tccli, usage: tccli).
	f.add(7, []byte{0xa}, []byte{0}, []byte{3, 4, 5, 8}, []byte{4, 6, 7})
	f.expand()
	return f
}

// indexGeneric returns the first i with b[i], b[i+1] in a class, or -1.
func (f *pairFilter) indexGeneric(b []byte) int {
	if len(b) < 2 {
		return -1
	}
	x, y := &f.x, &f.y
	i := 0
	for ; i+9 <= len(b); i += 8 {
		w := b[i : i+9 : i+9]
		if x[w[0]]&y[w[1]]|x[w[1]]&y[w[2]]|x[w[2]]&y[w[3]]|x[w[3]]&y[w[4]]|
			x[w[4]]&y[w[5]]|x[w[5]]&y[w[6]]|x[w[6]]&y[w[7]]|x[w[7]]&y[w[8]] != 0 {
			break
		}
	}
	for ; i+1 < len(b); i++ {
		if x[b[i]]&y[b[i+1]] != 0 {
			return i
		}
	}
	return -1
}

// pairIter walks the candidate pairs of a block.
type pairIter struct {
	f     *pairFilter
	b     []byte
	base  int    // position of bit 0 of mask
	mask  uint64 // candidates at base+k not yet passed
	width int    // positions base to base+width are described by mask
	brace bool   // the last byte of b, an opening brace, was returned

	lastBrace bool // an opening brace at the end of b is a candidate
}

// next returns the first candidate position at or after from, or -1. from
// must not decrease from call to call. With lastBrace, the last byte of b is
// a candidate when it is an opening brace (it opens an object whatever
// follows).
func (it *pairIter) next(from int) int {
	for {
		if d := from - it.base; d > 0 {
			if d >= 64 {
				it.mask = 0
			} else {
				it.mask &^= 1<<d - 1
			}
		}
		if it.mask != 0 {
			return it.base + bits.TrailingZeros64(it.mask)
		}
		start := max(it.base+it.width, from)
		if start >= len(it.b)-1 {
			if n := len(it.b); it.lastBrace && !it.brace && n > 0 && from <= n-1 && it.b[n-1] == '{' {
				it.brace = true
				return n - 1
			}
			return -1
		}
		base, mask, width := it.f.scan(it.b[start:])
		it.base, it.mask, it.width = start+base, mask, width
	}
}

// quiet reports whether a line that holds no candidate pair can be skipped:
// nothing is open that follows lines one by one.
func (s *scanner) quiet() bool {
	return s.obj == nil && s.node == nil && !s.curl.cont && !s.http.active
}

// startMatters reports whether context() may act on a line that starts
// b[0] (b may go on past the line) in a quiet state. It errs on the side of
// yes.
func startMatters(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	switch b[0] {
	case '<', '>', bom[0]:
		return true
	case 'P':
		if !windowsPrompt(b) {
			return false
		}
	case 'H', 'h':
		if len(b) >= 5 && eqFold(string(b[:5]), "HTTP/") {
			return true
		}
	}
	t := trimPrompt(b)
	return bytes.HasPrefix(t, []byte("curl")) || bytes.HasPrefix(t, []byte("tccli")) || bytes.HasPrefix(t, []byte("usage: tccli"))
}

// lineFilter finds the lines of a block that may matter in a quiet state.
// It depends on the options only, not on the scanner's state, and calls none
// of the Options funcs: it may run ahead of the scanner on another goroutine.
type lineFilter struct {
	pairs  *pairFilter
	prose  bool // Options.KnownCode is set
	essage bool // Options.InferCode is set
}

func newLineFilter(opt *Options) *lineFilter {
	return &lineFilter{
		pairs:  newPairFilter(opt.KnownCode != nil, opt.InferCode != nil),
		prose:  opt.KnownCode != nil,
		essage: opt.InferCode != nil,
	}
}

// mark is a line of a block that may matter: always when a < 0, else only
// when the prose token at b[a:e] is a code (see proseToken). nl counts the
// newlines of the block before the line. pre indexes the line's prescan in
// its chunk, or is -1.
type mark struct{ line, a, e, nl, pre int }

// collect appends to marks, in order, the lines of b (whole lines) that
// processLine might act on in a quiet state, but for lines longer than
// MaxRecord (the scanner looks for those itself). It returns the number of
// newlines in b too: the scanner counts lines without reading the lines it
// skips.
func (f *lineFilter) collect(b []byte, marks []mark) ([]mark, int) {
	if len(b) == 0 {
		return marks, 0
	}
	counted, nl := 0, 0 // newlines in b[:counted]
	add := func(line, a, e int) {
		nl += bytes.Count(b[counted:line], []byte{'\n'})
		counted = line
		marks = append(marks, mark{line, a, e, nl, -1})
	}
	it := pairIter{f: f.pairs, b: b, lastBrace: true}
	ls := 0        // start of the line holding i, or of a line before it
	noNL := 0      // b[ls:noNL] holds no newline
	braceEnd := -1 // end of the line whose braces were found balanced
	tokEnd := -1   // end of the last token examined for prose
	toks := 0      // prose tokens marked on the line at ls
	i := 0
	// lineStart moves ls to the start of the line holding b[c], looking at
	// each byte once.
	lineStart := func(c int) {
		if k := lastNewline(b[noNL:c]); k >= 0 {
			ls, toks = noNL+k+1, 0
		}
		noNL = c
	}
	// next line: skip the rest of the line that ends at le
	nextLine := func(le int) {
		for le < len(b) {
			ls, i, noNL, toks = le+1, le+1, le+1, 0
			if !startMatters(b[ls:]) {
				return
			}
			add(ls, -1, -1)
			le = lineEnd(b, ls)
		}
		ls, i, noNL = len(b), len(b), len(b)
	}
	if startMatters(b) {
		add(0, -1, -1)
		nextLine(lineEnd(b, 0))
	}
	for {
		c := it.next(i)
		if c < 0 {
			return marks, nl + bytes.Count(b[counted:], []byte{'\n'})
		}
		i = c + 1
		x := b[c]
		if x == '\n' {
			ls, noNL, toks = c+1, c+1, 0
			if startMatters(b[ls:]) {
				add(ls, -1, -1)
				nextLine(lineEnd(b, ls))
			}
			continue
		}
		var y byte
		if c+1 < len(b) {
			y = b[c+1]
		}
		hit := false
		switch {
		case x == '{':
			if c < braceEnd {
				continue
			}
			lineStart(c)
			le := lineEnd(b, c)
			if !balanced(b[ls:le]) {
				add(ls, -1, -1)
				nextLine(le)
				continue
			}
			braceEnd = le
		case isLower(x) && isUpper(y):
			if c < tokEnd || !f.prose {
				continue
			}
			var a, e int
			a, e, tokEnd = proseToken(b, c)
			if a < 0 {
				continue
			}
			lineStart(c)
			if toks++; toks > maxLineTokens {
				// so many: let the scanner see the line (and bound marks)
				hit = true
				break
			}
			add(ls, a, e)
		case x == 'o' && y == 'd':
			hit = c+2 < len(b) && b[c+2] == 'e'
		case x == 'D' && y == 'K':
			hit = c > 0 && b[c-1] == 'S'
		case x == 'a' && y == 'g':
			hit = f.essage && c >= 3 && c+2 < len(b) && b[c+2] == 'e' && string(b[c-3:c]) == "ess"
		}
		if hit {
			lineStart(c)
			add(ls, -1, -1)
			nextLine(lineEnd(b, c))
		}
	}
}

// maxLineTokens is how many prose tokens collect marks on one line before
// it marks the line as a whole.
const maxLineTokens = 16

// lineEnd returns the index of the "\n" ending the line holding b[i], or len(b).
func lineEnd(b []byte, i int) int {
	if k := bytes.IndexByte(b[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(b)
}

// proseToken finds the token around the case hump at b[h] as prose() does
// on a line that holds no structured record. It returns the token, or a < 0
// when it cannot be a code, and the end of the token's run of code
// characters (prose() goes on from there). Whether the token is a code to
// report is then up to KnownCode (scanner.tokenKind).
func proseToken(b []byte, h int) (a, e, end int) {
	a = h
	for a > 0 && codeTokChar[b[a-1]] {
		a--
	}
	e = h + 1
	for e < len(b) && codeTokChar[b[e]] {
		e++
	}
	end = e
	if a >= 1 && b[a-1] == '\\' && (b[a] == 'n' || b[a] == 't' || b[a] == 'r') {
		a++
	}
	for e > a && (b[e-1] == '.' || b[e-1] == '-' || b[e-1] == '_') {
		e--
	}
	if tok := b[a:e]; len(tok) < 2 || !isUpper(tok[0]) || codeLen(tok) != len(tok) {
		return -1, -1, end
	}
	return a, e, end
}
