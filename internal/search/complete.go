package search

import (
	"slices"
	"sort"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// Completion is one candidate of [Index.Complete].
type Completion struct {
	// Value is the completed text in the catalog's spelling: a whole code,
	// or a class followed by a dot.
	Value string
	// Entry is the entry of a whole-code completion (the common scope's when
	// the code exists in several scopes); nil for a class/segment completion.
	Entry *catalog.Entry
	// More is true when Value ends at a dot and more segments follow.
	More bool
}

// Complete completes prefix by one dotted segment, ignoring case, for shell
// completion. Candidates are the codes starting with prefix, each cut after
// the segment prefix ends in: "" gives the classes ("AuthFailure.",
// "InternalError", "InternalError.", ...), "authf" gives "AuthFailure.", and
// "AuthFailure.Sig" gives "AuthFailure.SignatureExpire" and
// "AuthFailure.SignatureFailure". A segment that is itself a code and also has
// sub-codes is offered twice: as the code (with its Entry) and followed by a
// dot (More). Values keep the catalog's spelling; the result is sorted
// (ignoring case) and distinct, and nil when nothing starts with prefix.
func (ix *Index) Complete(prefix string) []Completion {
	lp := strings.ToLower(strings.TrimSpace(prefix))
	i := sort.Search(len(ix.sorted), func(i int) bool { return ix.codes[ix.sorted[i]].lower >= lp })
	var out []Completion
	seen := map[string]bool{}
	for ; i < len(ix.sorted); i++ {
		c := &ix.codes[ix.sorted[i]]
		if !strings.HasPrefix(c.lower, lp) {
			break
		}
		code := c.code
		if len(code) != len(c.lower) { // lower-casing changed the length (non-ASCII): keep it consistent
			code = c.lower
		}
		var comp Completion
		if j := strings.IndexByte(c.lower[len(lp):], '.'); j >= 0 {
			comp = Completion{Value: code[:len(lp)+j+1], More: true}
		} else {
			comp = Completion{Value: code, Entry: c.entry}
		}
		if !seen[comp.Value] {
			seen[comp.Value] = true
			out = append(out, comp)
		}
	}
	slices.SortFunc(out, func(a, b Completion) int {
		if c := strings.Compare(strings.ToLower(a.Value), strings.ToLower(b.Value)); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	return out
}
