package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/catalog"
)

// Pattern returns the entries whose whole code matches the glob p, ignoring
// case, in catalog order (every scope of a matching code is returned).
// In p, * matches any run of characters including dots and ? matches exactly
// one character; every other character matches itself. Surrounding white
// space is trimmed; an empty pattern matches nothing.
//
//	"AuthFailure.*"  every AuthFailure sub-code
//	"*NotFound*"     every code containing NotFound
//	"*.ErrNo*"       every sub-code whose last segments start with ErrNo
//
// A pattern without wildcards matches the one code it spells. A run of
// stars is one star ("**" is "*"). A pattern longer than [MaxPatternLen]
// bytes once its runs of stars are collapsed matches nothing (callers should
// refuse it); one with more characters other than * than a code has matches
// nothing, at once.
func (ix *Index) Pattern(p string) []*catalog.Entry {
	ps := ix.PatternPositions(p)
	if len(ps) == 0 {
		return nil
	}
	out := make([]*catalog.Entry, len(ps))
	for i, pos := range ps {
		out[i] = ix.cat.EntryAt(pos)
	}
	return out
}

// PatternPositions is Pattern without building the entries: their catalog
// positions, in order (see [catalog.Catalog.EntryAt]).
func (ix *Index) PatternPositions(p string) []int {
	lp := CollapseStars(strings.ToLower(strings.TrimSpace(p)))
	if lp == "" || len(lp) > MaxPatternLen {
		return nil
	}
	// Every character but * matches at least one byte of the code.
	minLen := len(lp) - strings.Count(lp, "*")
	// Cheap rejection before glob: a matching code starts with the pattern's
	// literal prefix, and contains each of its literal runs (the longest is
	// checked) when the pattern starts with a wildcard.
	prefix, needle := lp, ""
	if i := strings.IndexAny(lp, "*?"); i >= 0 {
		prefix = lp[:i]
	}
	if prefix == "" {
		for _, lit := range strings.FieldsFunc(lp, func(r rune) bool { return r == '*' || r == '?' }) {
			if len(lit) > len(needle) {
				needle = lit
			}
		}
	}
	var out []int
	k := ix.keys
	for i := k.Search(prefix); i < k.Len(); i++ {
		lc := k.Lower(i)
		if !strings.HasPrefix(lc, prefix) {
			break
		}
		if len(lc) >= minLen && strings.Contains(lc, needle) && glob(lp, lc) {
			out = append(out, k.Positions(i)...)
		}
	}
	// Keys are sorted ignoring case; results come in catalog order.
	slices.Sort(out)
	return out
}

// MaxPatternLen is the longest pattern, in bytes, that [Index.Pattern]
// matches: well over the longest code (89 characters). It bounds the work
// of a pattern, which is at worst proportional to its length times the
// length of each code.
const MaxPatternLen = 256

// CollapseStars returns p with every run of * made one *: they match the
// same codes, and a long run would make glob backtrack for each star.
func CollapseStars(p string) string {
	if !strings.Contains(p, "**") {
		return p
	}
	b := make([]byte, 0, len(p))
	for i := 0; i < len(p); i++ {
		if p[i] == '*' && len(b) > 0 && b[len(b)-1] == '*' {
			continue
		}
		b = append(b, p[i])
	}
	return string(b)
}

// glob reports whether name matches pattern as a whole, where * matches any
// run of characters and ? one character (rune). It backtracks only to the
// most recent star, so it runs in O(len(pattern)·len(name)) at worst.
func glob(pattern, name string) bool {
	px, nx := 0, 0
	nextPx, nextNx := 0, 0
	for px < len(pattern) || nx < len(name) {
		if px < len(pattern) {
			switch c := pattern[px]; c {
			case '*':
				// Try to match the rest at nx; failing that, restart one rune later.
				nextPx = px
				nextNx = nx + runeLen(name, nx)
				px++
				continue
			case '?':
				if nx < len(name) {
					px++
					nx += runeLen(name, nx)
					continue
				}
			default:
				if nx < len(name) && name[nx] == c {
					px++
					nx++
					continue
				}
			}
		}
		if 0 < nextNx && nextNx <= len(name) {
			px, nx = nextPx, nextNx
			continue
		}
		return false
	}
	return true
}

// runeLen returns the length of the rune at s[i:], or 1 past the end of s.
func runeLen(s string, i int) int {
	if i >= len(s) {
		return 1
	}
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}
