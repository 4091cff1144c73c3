package search

import (
	"slices"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// MaxCompletions is the most candidates [Index.Complete] offers at once. A
// segment with more is offered as stems that split its candidates into at
// most maxStems groups.
const MaxCompletions = 200

// maxStems is the most stems offered for a crowded segment: a stem of one
// more character per TAB ("FailedOperation.A", then
// "FailedOperation.Ac"...) until the candidates fit.
const maxStems = 100

// Completion is one candidate of [Index.Complete].
type Completion struct {
	// Value is the completed text in the catalog's spelling: a whole code,
	// a class followed by a dot, or (for a crowded segment) a stem that more
	// codes share.
	Value string
	// Entry is the entry of a whole-code completion (the common scope's when
	// the code exists in several scopes, else the first product's; the
	// scope's for CompleteScope); nil for other completions.
	Entry *catalog.Entry
	// More is true when Value is not a whole code: more characters follow
	// (it ends at a dot, or it is a stem).
	More bool
}

// Complete completes prefix by one dotted segment, ignoring case, for shell
// completion. Candidates are the codes starting with prefix, each cut after
// the segment prefix ends in: "" gives the classes ("AuthFailure.",
// "InternalError", "InternalError.", ...), "authf" gives "AuthFailure.", and
// "AuthFailure.Sig" gives "AuthFailure.SignatureExpire" and
// "AuthFailure.SignatureFailure". A segment that is itself a code and also has
// sub-codes is offered twice: as the code (with its Entry) and followed by a
// dot (More). When there are more than MaxCompletions candidates, the
// longest stems that keep them within 100 groups are offered
// instead ("FailedOperation." gives "FailedOperation.A", "FailedOperation.B",
// ...), a group of one as its candidate. Values keep the catalog's spelling;
// the result is sorted (ignoring case) and distinct, and nil when nothing
// starts with prefix.
func (ix *Index) Complete(prefix string) []Completion { return ix.CompleteScope(prefix, "") }

// CompleteScope is Complete over the codes of one scope (any case); an empty
// scope means every scope.
func (ix *Index) CompleteScope(prefix, scope string) []Completion {
	lp := strings.ToLower(strings.TrimSpace(prefix))
	k := ix.keys
	type cand struct {
		lower, value string
		key          int  // the key of a whole code, -1 for a segment
		more         bool // value ends at a dot
	}
	var cands []cand
	for i := k.Search(lp); i < k.Len(); {
		lower := k.Lower(i)
		if !strings.HasPrefix(lower, lp) {
			break
		}
		if !k.InScope(i, scope) {
			i++
			continue
		}
		code := k.Code(i)
		if len(code) != len(lower) { // lower-casing changed the length (non-ASCII): keep it consistent
			code = lower
		}
		j := strings.IndexByte(lower[len(lp):], '.')
		if j < 0 {
			cands = append(cands, cand{lower: lower, value: code, key: i})
			i++
			continue
		}
		// A segment: offer it once, and skip the codes under it ('/' follows '.').
		end := len(lp) + j + 1
		cands = append(cands, cand{lower: lower[:end], value: code[:end], key: -1, more: true})
		i = max(i+1, k.Search(lower[:end-1]+"/"))
	}
	if len(cands) == 0 {
		return nil
	}
	out := make([]Completion, 0, min(len(cands), MaxCompletions))
	if len(cands) <= MaxCompletions {
		for _, c := range cands {
			comp := Completion{Value: c.value, More: c.more}
			if c.key >= 0 {
				comp.Entry = k.Entry(c.key, scope)
			}
			out = append(out, comp)
		}
	} else {
		// The longest stem length whose groups still fit.
		groups := func(n int) int {
			count, prev := 0, ""
			for _, c := range cands {
				if s := c.lower[:min(len(c.lower), n)]; count == 0 || s != prev {
					count, prev = count+1, s
				}
			}
			return count
		}
		n := len(lp) + 1
		for groups(n+1) <= maxStems {
			n++
		}
		for a := 0; a < len(cands); {
			stem := cands[a].lower[:min(len(cands[a].lower), n)]
			b := a + 1
			for b < len(cands) && cands[b].lower[:min(len(cands[b].lower), n)] == stem {
				b++
			}
			c := cands[a]
			switch {
			case b == a+1 && c.key >= 0:
				out = append(out, Completion{Value: c.value, Entry: k.Entry(c.key, scope)})
			case b == a+1:
				out = append(out, Completion{Value: c.value, More: true})
			default:
				out = append(out, Completion{Value: c.value[:len(stem)], More: true})
			}
			a = b
		}
	}
	slices.SortFunc(out, func(a, b Completion) int {
		if c := strings.Compare(strings.ToLower(a.Value), strings.ToLower(b.Value)); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	return slices.CompactFunc(out, func(a, b Completion) bool { return a.Value == b.Value && a.More == b.More })
}
