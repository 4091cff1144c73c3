package search

import (
	"math/bits"
	"sort"
	"strings"

	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// Costs of the ways a code can answer a query in Suggest, in half-edits: a
// code d edits away from the whole query costs 2d; the other views add a
// penalty so that, at equal edits, the closer reading ranks first.
const (
	costSuffix      = 1 // the query is the code's last segments ("SignatureExpire")
	costPrefix      = 2 // the query starts the code ("AuthFailure.Sig")
	costSuffixStart = 3 // the query starts one of the code's last segments ("ErrNo")
	costWrongClass  = 3 // the query's sub-code under another class ("InvalidParameter.SignatureExpire")
	noMatch         = 1 << 30
)

// maxEdits is the number of edits Suggest tolerates in a string of n bytes:
// none below 3, then one per five characters, at most four.
func maxEdits(n int) int {
	if n < 3 {
		return 0
	}
	return min(4, (n+2)/5)
}

// Suggest returns up to limit distinct codes close to q, best first, for a
// "did you mean" hint; limit <= 0 means [DefaultSuggestions]. It ignores case
// and understands dotted codes: q may be a whole code with typos in any
// segment ("AuthFaliure.SignatureExpred", "RequestLimitExceded"), only its
// last segments ("SignatureExpire", "ErrNoRepo"), a sub-code under the wrong
// class ("InvalidParameter.SignatureExpire"), or a prefix ("AuthFailure.Sig",
// "ErrNo"). A code that equals q (ignoring case) is returned first. Codes are
// ranked by edit distance (see the package documentation), then catalog
// order; a code defined in several scopes appears once. It returns nil when
// nothing is close.
func (ix *Index) Suggest(q string, limit int) []string {
	lq := strings.ToLower(strings.TrimSpace(q))
	n := ix.keys.Len()
	if lq == "" || n == 0 {
		return nil
	}
	if limit <= 0 {
		limit = DefaultSuggestions
	}
	s := newSuggester(lq)

	// The distinct codes in key order; ties are broken by catalog order (Rank).
	// Codes come sorted, so the codes of one class come together: a dotted
	// query's distance to a class is found once for the run of its codes
	// [i, runEnd), and most codes are ruled out by their shape alone,
	// without reading them.
	top := make([]scored, 0, limit+1) // best first
	runEnd, runFar := 0, false
	var g gate
	gateWorst := -1
	for i := 0; i < n; i++ {
		worst := noMatch
		if len(top) == limit {
			// A code costing as much as the worst kept one can still win on catalog order.
			worst = top[len(top)-1].cost + 1
		}
		if worst != gateWorst {
			g, gateWorst = s.gate(worst), worst
		}
		var sh shape
		sh.n, sh.first, sh.last, sh.dots = ix.keys.Shape(i)
		// classFar is only known within a run; outside one it is false and
		// matters not, as the views it rules out are then ruled out by shape.
		classFar := i < runEnd && runFar
		wholeOrPrefix := !classFar && g.wholeOrPrefix(sh)
		if wholeOrPrefix && s.class != "" && sh.first >= 0 && i >= runEnd {
			lower := ix.keys.Lower(i)
			runFar = s.classDist(lower[:sh.first]) < 0
			runEnd = ix.keys.Search(lower[:sh.first] + "/") // '/' follows '.'
			classFar = runFar
			wholeOrPrefix = !classFar
		}
		if !wholeOrPrefix && !g.restShape(sh) {
			continue // (most codes: their last segment's length rules them out)
		}
		sh.letters = ix.keys.LastLetters(i)
		if !wholeOrPrefix && !s.restMay(&g, sh) {
			continue
		}
		c := s.cost(ix.keys.Lower(i), sh, classFar, worst)
		if c >= worst {
			continue
		}
		sc := scored{cost: c, code: int32(i), rank: ix.keys.Rank(i)}
		j := len(top)
		for j > 0 && (top[j-1].cost > sc.cost || top[j-1].cost == sc.cost && top[j-1].rank > sc.rank) {
			j--
		}
		if j == limit {
			continue
		}
		top = append(top, scored{})
		copy(top[j+1:], top[j:])
		top[j] = sc
		if len(top) > limit {
			top = top[:limit]
		}
	}
	if len(top) == 0 {
		return nil
	}
	out := make([]string, len(top))
	for i, t := range top {
		out[i] = ix.keys.Code(int(t.code))
	}
	return out
}

type scored struct {
	cost int
	code int32 // index in the key view
	rank int   // catalog position of the code's first entry
}

// newSuggester prepares the lower-cased query lq.
func newSuggester(lq string) *suggester {
	s := &suggester{q: lq, qbag: bagOf(lq), qLetters: catalogfmt.KeyLetters(lq), kq: maxEdits(len(lq)), segs: strings.Count(lq, ".") + 1}
	if i := strings.IndexByte(lq, '.'); i >= 0 {
		s.class, s.rest = lq[:i], lq[i+1:]
		s.restBag, s.restLetters = bagOf(s.rest), catalogfmt.KeyLetters(s.rest)
		s.kRest = maxEdits(len(s.rest))
		s.kClass = maxEdits(len(s.class))
		s.catDist = map[string]int{}
	}
	s.d.init(len(lq) + 64)
	return s
}

// suggester holds one Suggest query, prepared.
type suggester struct {
	q        string // lower-cased query
	qbag     bag
	qLetters uint32 // catalogfmt.KeyLetters of q
	kq       int    // edits tolerated on the whole query
	segs     int    // number of dotted segments in q

	class, rest   string // q split at its first dot, when it has one
	restBag       bag
	restLetters   uint32
	kRest, kClass int
	catDist       map[string]int // edit distance from class to a category, -1 when too far
	lastCat       struct {
		cat string
		d   int
		ok  bool
	} // the last category classDist was asked for
	d osa
}

// cost returns the cost of the lower-cased code lower, whose layout is sh
// (see catalog.Keys.Shape), for the query, or a value >= worst when it is no
// better than worst (noMatch when it does not answer at all). Most codes are
// rejected by their lengths alone.
//
// A dotted query matches a dotted code as a whole or as a prefix only when
// the classes are near (partsNear): classFar says, for a dotted query and
// code, that they are not. The caller may leave it false when the shape
// rules both views out (see wholeOrPrefixMay).
func (s *suggester) cost(lower string, sh shape, classFar bool, worst int) int {
	best := worst
	// The whole code, with typos.
	if k := min(s.kq, (best-1)/2); k >= 0 && !classFar && abs(sh.n-len(s.q)) <= k &&
		(sh.dots > 0 || lettersNear(s.qLetters, sh.letters, k)) && near(s.q, &s.qbag, lower, k) {
		if d := s.d.dist(s.q, lower, k); d <= k && s.partsNear(lower, sh) {
			best = 2 * d
		}
	}
	if best <= costSuffix {
		return best
	}
	// A prefix of the code, with typos allowed in the class before a dot.
	if best > costPrefix {
		if s.class == "" {
			if len(s.q) >= 3 && sh.n > len(s.q) && strings.HasPrefix(lower, s.q) {
				best = costPrefix
			}
		} else if !classFar && sh.first >= 0 && sh.n-sh.first-1 >= len(s.rest) && strings.HasPrefix(lower[sh.first+1:], s.rest) {
			if d := s.classDist(lower[:sh.first]); d >= 0 && costPrefix+2*d < best {
				best = costPrefix + 2*d
			}
		}
	}
	// The code's last segments, or the query's sub-code under another class.
	nsegs := sh.dots + 1
	if nsegs > s.segs && best > costSuffix {
		if k := min(s.kq, (best-1-costSuffix)/2); k >= 0 {
			suf := lastSegs(lower, sh, s.segs)
			if abs(len(suf)-len(s.q)) <= k && (s.segs > 1 || lettersNear(s.qLetters, sh.letters, k)) && near(s.q, &s.qbag, suf, k) {
				if d := s.d.dist(s.q, suf, k); d <= k {
					best = costSuffix + 2*d
				}
			}
		}
	}
	if s.class != "" && nsegs >= s.segs-1 && best > costWrongClass {
		if k := min(s.kRest, (best-1-costWrongClass)/2); k >= 0 {
			suf := lastSegs(lower, sh, s.segs-1)
			if abs(len(suf)-len(s.rest)) <= k && (s.segs > 2 || lettersNear(s.restLetters, sh.letters, k)) && near(s.rest, &s.restBag, suf, k) {
				if d := s.d.dist(s.rest, suf, k); d <= k {
					best = costWrongClass + 2*d
				}
			}
		}
	}
	// The start of one of the code's inner segments ("ErrNo" for ResourceNotFound.ErrNoRepo).
	if best > costSuffixStart && len(s.q) >= 3 && sh.dots > 0 && sh.n-sh.first-1 >= len(s.q) {
		if sh.dots == 1 {
			if strings.HasPrefix(lower[sh.first+1:], s.q) {
				best = costSuffixStart
			}
		} else {
			for i := sh.first; i < len(lower); i++ {
				if lower[i] == '.' && strings.HasPrefix(lower[i+1:], s.q) {
					best = costSuffixStart
					break
				}
			}
		}
	}
	return best
}

// gate rules codes out by their shape alone, without reading them: the
// lengths that cost checks first, with best at worst. Each view is off when
// its minimum length exceeds its maximum.
type gate struct {
	wholeLo, wholeHi int // the whole query with typos: the code's length
	prefixN, prefixR int // a prefix: the code's length (undotted query), or its length after the first dot
	// The last segments (segs1: the query has one segment, so the last
	// segment's length is known; otherwise it is bounded by the shape, each
	// segment at least empty and starting after the first dot at the
	// earliest).
	sufDots          int // the fewest dots of a code
	sufLo, sufHi     int // the query's length, as the last segments with typos
	segs1            bool
	wrongDots        int // the fewest dots for the sub-code under another class
	wrongLo, wrongHi int // the length of the query's rest, as the last segments with typos
	wrongOne         bool
	startDots        int // the start of an inner segment: the fewest dots (one before it, and the query's)
	startR           int // the start of an inner segment: the length after the first dot
}

const off = 1 << 20 // a length no code has

func (s *suggester) gate(worst int) gate {
	g := gate{wholeLo: off, wholeHi: -1, prefixN: off, prefixR: off, sufDots: off, sufLo: off, sufHi: -1,
		wrongDots: off, wrongLo: off, wrongHi: -1, startDots: off, startR: off, segs1: s.segs == 1, wrongOne: s.segs-1 == 1}
	lq := len(s.q)
	if k := min(s.kq, (worst-1)/2); k >= 0 {
		g.wholeLo, g.wholeHi = lq-k, lq+k
	}
	if worst > costPrefix {
		if s.class == "" {
			if lq >= 3 {
				g.prefixN = lq + 1
			}
		} else {
			g.prefixR = len(s.rest)
		}
	}
	if worst > costSuffix {
		if k := min(s.kq, (worst-1-costSuffix)/2); k >= 0 {
			g.sufDots, g.sufLo, g.sufHi = s.segs, lq-k, lq+k
		}
	}
	if s.class != "" && worst > costWrongClass {
		if k := min(s.kRest, (worst-1-costWrongClass)/2); k >= 0 {
			g.wrongDots, g.wrongLo, g.wrongHi = s.segs-2, len(s.rest)-k, len(s.rest)+k
		}
	}
	if worst > costSuffixStart && lq >= 3 {
		g.startDots, g.startR = s.segs, lq
	}
	return g
}

// wholeOrPrefix reports whether a code of layout sh may answer as the whole
// query with typos or as a prefix of it.
func (g *gate) wholeOrPrefix(sh shape) bool {
	return g.wholeLo <= sh.n && sh.n <= g.wholeHi || sh.n >= g.prefixN ||
		sh.first >= 0 && sh.n-sh.first-1 >= g.prefixR
}

// restShape is restMay's test of a code's layout alone (not its letters),
// small enough to inline before restMay is called: false wherever restMay
// is (TestRestShape).
func (g *gate) restShape(sh shape) bool {
	if sh.dots >= g.startDots || sh.dots >= g.sufDots {
		return true
	}
	if sh.dots < g.wrongDots {
		return false
	}
	last := sh.n - sh.last - 1
	if g.wrongOne {
		return g.wrongLo <= last && last <= g.wrongHi
	}
	return last <= g.wrongHi && sh.n >= g.wrongLo
}

// restMay reports whether a code of layout sh may answer by its last
// segments, as the query's sub-code under another class, or by the start of
// an inner segment: by its shape, and where a view compares the code's last
// segment alone, by the letters of that segment (lettersNear).
func (s *suggester) restMay(g *gate, sh shape) bool {
	last, after := sh.n-sh.last-1, sh.n-sh.first-1 // the last segment's length; the length after the first dot
	if sh.dots >= g.startDots && after >= g.startR {
		return true
	}
	if sh.dots >= g.sufDots {
		if g.segs1 {
			if g.sufLo <= last && last <= g.sufHi && lettersNear(s.qLetters, sh.letters, g.sufHi-len(s.q)) {
				return true
			}
		} else if last+g.sufDots-1 <= g.sufHi && after >= g.sufLo {
			return true
		}
	}
	if sh.dots >= g.wrongDots {
		if g.wrongOne {
			if g.wrongLo <= last && last <= g.wrongHi && lettersNear(s.restLetters, sh.letters, g.wrongHi-len(s.rest)) {
				return true
			}
		} else if last <= g.wrongHi && sh.n >= g.wrongLo {
			return true
		}
	}
	return false
}

// partsNear reports, for a dotted query and code, whether the edits fall
// within the tolerance of each part: the class within kClass and the rest
// within kRest. Spread over the whole code, the tolerance of a long code
// would let a short sub-code change completely ("InternalError.Foo" is not
// "InternalError.Cos").
func (s *suggester) partsNear(lower string, sh shape) bool {
	if s.class == "" || sh.first < 0 {
		return true
	}
	if s.classDist(lower[:sh.first]) < 0 {
		return false
	}
	rest := lower[sh.first+1:]
	return abs(len(rest)-len(s.rest)) <= s.kRest && s.d.dist(s.rest, rest, s.kRest) <= s.kRest
}

// shape is a code's layout (see catalog.Keys.Shape) and the letters of its
// last segment (catalog.Keys.LastLetters).
type shape struct {
	n, first, last, dots int
	letters              uint32
}

// lastSegs returns the last n (at least 1) dotted segments of code, whose
// layout is sh (the whole code when it has no more).
func lastSegs(code string, sh shape, n int) string {
	if n == 1 {
		return code[sh.last+1:] // the whole code when there is no dot (last == -1)
	}
	return lastSegments(code, n)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// lettersNear is the cheapest prefilter of an edit distance of at most k
// between strings whose catalogfmt.KeyLetters are a and b, read from the key
// index without reading the code: each edit brings in or takes away at most
// one character, so neither string has more than k classes of characters
// the other lacks. It rules out most last segments of the length of the
// query; near, then the distance, decide the rest.
func lettersNear(a, b uint32, k int) bool {
	return bits.OnesCount32(a&^b) <= k && bits.OnesCount32(b&^a) <= k
}

// near is the cheap prefilter of an edit distance of at most k between a and
// b (abag is bagOf(a)), whose lengths the caller found within k: the bag
// distance within k. The
// bag distance (the larger of the number of characters a has more of than b,
// and the number b has more of than a) is a lower bound of the edit distance
// (one edit changes each side by at most one), and costs one pass over b,
// where the distance itself costs a pass per character of a.
func near(a string, abag *bag, b string, k int) bool {
	// The characters of b beyond those of a; those of a beyond b's follow
	// from the lengths.
	h := *abag
	fewer := 0
	for i := 0; i < len(b); i++ {
		j := bagIndex[b[i]]
		if h[j]--; h[j] < 0 {
			if fewer++; fewer > k {
				return false
			}
		}
	}
	return fewer+len(a)-len(b) <= k
}

// bag counts the characters of a string by class: a lower-case letter or a
// digit each, '.', '_' and '-' each, and anything else.
type bag [40]int8

// bagIndex maps a byte to its slot in a bag.
var bagIndex = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = uint8(c - 'a')
		case '0' <= c && c <= '9':
			t[c] = uint8(26 + c - '0')
		case c == '.':
			t[c] = 36
		case c == '_':
			t[c] = 37
		case c == '-':
			t[c] = 38
		default:
			t[c] = 39
		}
	}
	return t
}()

// bagOf returns the bag of s; counts saturate at 127 (codes are far shorter).
func bagOf(s string) bag {
	var b bag
	for i := 0; i < len(s); i++ {
		if j := bagIndex[s[i]]; b[j] < 127 {
			b[j]++
		}
	}
	return b
}

// classDist returns the edit distance between the query's class and the
// lower-cased category cat, or -1 when it is more than kClass.
func (s *suggester) classDist(cat string) int {
	// Codes come sorted: the codes of one category come together.
	if s.lastCat.ok && cat == s.lastCat.cat {
		return s.lastCat.d
	}
	d, ok := s.catDist[cat]
	if !ok {
		d = s.d.dist(s.class, cat, s.kClass)
		if d > s.kClass {
			d = -1
		}
		s.catDist[cat] = d
	}
	s.lastCat.cat, s.lastCat.d, s.lastCat.ok = cat, d, true
	return d
}

// lastSegments returns the last n dotted segments of code (the whole code
// when it has no more); n must be at least 1.
func lastSegments(code string, n int) string {
	i := len(code)
	for ; n > 0; n-- {
		i = strings.LastIndexByte(code[:i], '.')
		if i < 0 {
			return code
		}
	}
	return code[i+1:]
}

// osa computes bounded optimal-string-alignment distances (Damerau–Levenshtein
// restricted so that no substring is edited twice) over bytes, reusing its
// rows between calls. It is not safe for concurrent use.
type osa struct{ r0, r1, r2 []int }

func (o *osa) init(n int) {
	buf := make([]int, 3*n)
	o.r0, o.r1, o.r2 = buf[:n:n], buf[n:2*n:2*n], buf[2*n:]
}

// dist returns the distance between a and b when it is at most k, and k+1
// otherwise. It only fills the diagonal band |i-j| <= k and stops as soon as
// a whole row exceeds k.
func (o *osa) dist(a, b string, k int) int {
	n, m := len(a), len(b)
	big := k + 1
	if n-m > k || m-n > k {
		return big
	}
	if n == 0 || m == 0 {
		return min(max(n, m), big)
	}
	if m+2 > len(o.r0) {
		o.init(m + 2)
	}
	prev2, prev, cur := o.r0, o.r1, o.r2
	for j := 0; j <= m; j++ {
		prev[j] = min(j, big)
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-k), min(m, i+k)
		if lo == 1 {
			cur[0] = min(i, big)
		} else {
			cur[lo-1] = big
		}
		rowMin := cur[lo-1]
		ai := a[i-1]
		for j := lo; j <= hi; j++ {
			v := prev[j-1]
			if ai != b[j-1] {
				v++
			}
			if w := prev[j] + 1; w < v {
				v = w
			}
			if w := cur[j-1] + 1; w < v {
				v = w
			}
			if i > 1 && j > 1 && ai == b[j-2] && a[i-2] == b[j-1] {
				if w := prev2[j-2] + 1; w < v {
					v = w
				}
			}
			if v > big {
				v = big
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < m {
			cur[hi+1] = big
		}
		if rowMin > k {
			return big
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[m], big)
}

// Nearest returns up to limit of names close to q for a "did you mean"
// hint, best first: ignoring case, those within [maxEdits] edits (at least
// one) and those that start with q or that q starts with. It returns nil
// when none is close.
func Nearest(q string, names []string, limit int) []string {
	lq := strings.ToLower(strings.TrimSpace(q))
	if lq == "" {
		return nil
	}
	k := max(1, maxEdits(len(lq)))
	type cand struct {
		name string
		d    int
	}
	var o osa
	var cs []cand
	for _, n := range names {
		ln := strings.ToLower(n)
		d := o.dist(lq, ln, k)
		if d > k && len(lq) >= 3 && (strings.HasPrefix(ln, lq) || strings.HasPrefix(lq, ln) && len(ln) >= 3) {
			d = k + 1 // a prefix either way: after the near spellings
		} else if d > k {
			continue
		}
		cs = append(cs, cand{n, d})
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	var out []string
	for _, c := range cs {
		if len(out) == limit {
			break
		}
		out = append(out, c.name)
	}
	return out
}
