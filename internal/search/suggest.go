package search

import (
	"math/bits"
	"strings"
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
	if lq == "" || len(ix.codes) == 0 {
		return nil
	}
	if limit <= 0 {
		limit = DefaultSuggestions
	}
	s := suggester{ix: ix, q: lq, qmask: charMask(lq), kq: maxEdits(len(lq)), segs: strings.Count(lq, ".") + 1}
	if i := strings.IndexByte(lq, '.'); i >= 0 {
		s.class, s.rest = lq[:i], lq[i+1:]
		s.restMask = charMask(s.rest)
		s.kRest = maxEdits(len(s.rest))
		s.kClass = maxEdits(len(s.class))
		s.catDist = make([]int8, len(ix.cats))
		for i := range s.catDist {
			s.catDist[i] = -2 // not computed yet
		}
	}
	s.d.init(max(ix.maxLen, len(lq)) + 2)

	top := make([]scored, 0, limit+1) // best first; ties keep catalog order
	for i := range ix.codes {
		worst := noMatch
		if len(top) == limit {
			worst = top[len(top)-1].cost
		}
		c := s.cost(&ix.codes[i], worst)
		if c >= worst {
			continue
		}
		j := len(top)
		for j > 0 && top[j-1].cost > c {
			j--
		}
		top = append(top, scored{})
		copy(top[j+1:], top[j:])
		top[j] = scored{cost: c, code: int32(i)}
		if len(top) > limit {
			top = top[:limit]
		}
	}
	if len(top) == 0 {
		return nil
	}
	out := make([]string, len(top))
	for i, t := range top {
		out[i] = ix.codes[t.code].code
	}
	return out
}

type scored struct {
	cost int
	code int32
}

// suggester holds one Suggest query, prepared.
type suggester struct {
	ix    *Index
	q     string // lower-cased query
	qmask uint64
	kq    int // edits tolerated on the whole query
	segs  int // number of dotted segments in q

	class, rest   string // q split at its first dot, when it has one
	restMask      uint64
	kRest, kClass int
	catDist       []int8 // edit distance from class to each category: -2 not computed yet, -1 too far
	d             osa
}

// cost returns the cost of code c for the query, or a value >= worst when it
// is no better than worst (noMatch when it does not answer at all).
func (s *suggester) cost(c *codeInfo, worst int) int {
	best := worst
	// The whole code, with typos.
	if k := min(s.kq, (best-1)/2); k >= 0 && near(s.q, s.qmask, c.lower, c.mask, k) {
		if d := s.d.dist(s.q, c.lower, k); d <= k {
			best = 2 * d
		}
	}
	if best <= costSuffix {
		return best
	}
	// A prefix of the code, with typos allowed in the class before a dot.
	if best > costPrefix {
		if s.class == "" {
			if len(s.q) >= 3 && len(c.lower) > len(s.q) && strings.HasPrefix(c.lower, s.q) {
				best = costPrefix
			}
		} else if dot := strings.IndexByte(c.lower, '.'); dot >= 0 && strings.HasPrefix(c.lower[dot+1:], s.rest) {
			if d := s.classDist(c.cat); d >= 0 && costPrefix+2*d < best {
				best = costPrefix + 2*d
			}
		}
	}
	// The code's last segments, or the query's sub-code under another class.
	nsegs := strings.Count(c.lower, ".") + 1
	if nsegs > s.segs && best > costSuffix {
		if k := min(s.kq, (best-1-costSuffix)/2); k >= 0 {
			suf := lastSegments(c.lower, s.segs)
			if near(s.q, s.qmask, suf, 0, k) {
				if d := s.d.dist(s.q, suf, k); d <= k {
					best = costSuffix + 2*d
				}
			}
		}
	}
	if s.class != "" && nsegs >= s.segs-1 && best > costWrongClass {
		if k := min(s.kRest, (best-1-costWrongClass)/2); k >= 0 {
			suf := lastSegments(c.lower, s.segs-1)
			if near(s.rest, s.restMask, suf, 0, k) {
				if d := s.d.dist(s.rest, suf, k); d <= k {
					best = costWrongClass + 2*d
				}
			}
		}
	}
	// The start of one of the code's inner segments ("ErrNo" for ResourceNotFound.ErrNoRepo).
	if best > costSuffixStart && len(s.q) >= 3 {
		for i := 0; i < len(c.lower); i++ {
			if c.lower[i] == '.' && strings.HasPrefix(c.lower[i+1:], s.q) {
				best = costSuffixStart
				break
			}
		}
	}
	return best
}

// near is the cheap prefilter of an edit distance of at most k between a and
// b: lengths within k, and character sets (charMask) differing by at most 2k
// characters, since one edit adds or removes at most one character of each
// set. A zero bmask is computed from b.
func near(a string, amask uint64, b string, bmask uint64, k int) bool {
	if d := len(a) - len(b); d > k || -d > k {
		return false
	}
	if bmask == 0 {
		bmask = charMask(b)
	}
	return bits.OnesCount64(amask^bmask) <= 2*k
}

// classDist returns the edit distance between the query's class and
// category cat, or -1 when it is more than kClass.
func (s *suggester) classDist(cat int32) int {
	d := int(s.catDist[cat])
	if d == -2 {
		d = s.d.dist(s.class, s.ix.cats[cat], s.kClass)
		if d > s.kClass {
			d = -1
		}
		s.catDist[cat] = int8(d)
	}
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

// charMask returns the set of characters in s: one bit per lower-case letter
// and digit, one for '.', '_' and '-' each, and one for anything else.
func charMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z':
			m |= 1 << (c - 'a')
		case '0' <= c && c <= '9':
			m |= 1 << (26 + c - '0')
		case c == '.':
			m |= 1 << 36
		case c == '_':
			m |= 1 << 37
		case c == '-':
			m |= 1 << 38
		default:
			m |= 1 << 63
		}
	}
	return m
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
