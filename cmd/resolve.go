package cmd

import (
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/search"
)

// match is one entry found for a query, and how.
type match struct {
	entry *catalog.Entry
	how   string // "exact", "pattern", "text" or "parent"
	// forProduct is the product a common entry is explained for: the
	// --product asked for, which does not define the code itself.
	forProduct string
}

// resolution is what one lookup query came to.
type resolution struct {
	query   string
	matches []match
	// miss is true when the query named no catalog code: the matches, if any,
	// are its parent class, and suggest holds "did you mean" candidates.
	miss    bool
	suggest []string
	kind    search.Kind
	// elsewhere names the scopes that define the code when scope, the one
	// asked for, does not.
	elsewhere []string
	scope     string
}

// textLimit caps the results of a free-text query; textCutoff drops hits
// scoring under that fraction of the best one.
const (
	textLimit  = 10
	textCutoff = 0.5
)

// resolve answers one query the way `errcode lookup` documents it:
//   - a pattern (* or ?) lists every matching code;
//   - a code-shaped query is an exact, case-insensitive match; an unknown
//     sub-code falls back to its parent class and counts as a miss; a miss
//     brings "did you mean" suggestions;
//   - an all-lower-case single word ("signature", "timeout") is searched as
//     text first, and only then treated as a code;
//   - anything else (spaces, CJK) is a free-text search in both languages,
//     one line per code (the best-scoring entry of a code that several
//     products define; all of them with --product).
//
// A query that is a catalog code as written is always an exact match, even
// where it would not look like one (the SDKs define "InternalError." in cpdp).
// scope, when set, keeps only entries of that scope (product) and, for a
// product, the common codes it does not define itself: a common code applies
// to every product, and is explained for it (as explain --product does).
func (a *app) resolve(q, scope string) resolution {
	q = strings.TrimSpace(q)
	ix := a.index()
	cat := a.catalog()
	r := resolution{query: q, kind: search.Classify(q), scope: scope}
	product := ""
	if pr, ok := cat.Product(scope); ok {
		product = pr.Scope
	}
	// own is true for an entry of the scope asked for; common, for a common
	// entry that stands in for a product that does not define its code.
	own := func(e *catalog.Entry) bool { return scope == "" || strings.EqualFold(e.Scope, scope) }
	common := func(e *catalog.Entry) bool {
		return product != "" && e.Scope == catalog.ScopeCommon && cat.Get(product, e.Code) == nil
	}
	keep := func(e *catalog.Entry) bool { return own(e) || common(e) }
	add := func(e *catalog.Entry, how string) {
		m := match{entry: e, how: how}
		if scope != "" && !own(e) {
			m.entry, m.forProduct = cat.ForProduct(e, product, catalog.Call{}), product
		}
		r.matches = append(r.matches, m)
	}
	text := func() bool {
		limit := textLimit * 8 // enough to fill textLimit distinct codes
		if scope != "" {
			limit = 0 // the scope's best hits may rank anywhere among all
		}
		hits := ix.Text(q, limit)
		seen := map[string]bool{}
		best := -1.0 // the score of the best hit kept
		for _, h := range hits {
			if !keep(h.Entry) || len(r.matches) >= textLimit {
				continue
			}
			// Keep the strong hits: a weak tail of partial matches is noise.
			if best < 0 {
				best = h.Score
			} else if h.Score < best*textCutoff {
				break
			}
			if lc := strings.ToLower(h.Entry.Code); seen[lc] {
				continue
			} else {
				seen[lc] = true
			}
			add(h.Entry, "text")
		}
		return len(r.matches) > 0
	}
	if r.kind == search.KindText && a.catalog().Has(q) {
		r.kind = search.KindExact
	}
	switch r.kind {
	case search.KindPattern:
		for _, e := range ix.Pattern(q) {
			if keep(e) {
				add(e, "pattern")
			}
		}
		r.miss = len(r.matches) == 0
		return r
	case search.KindText:
		r.miss = !text()
		return r
	}
	found := cat.Find(q)
	for _, e := range found {
		if keep(e) {
			add(e, "exact")
		}
	}
	if len(r.matches) > 0 {
		return r
	}
	if len(found) > 0 { // the code exists, but not in the scope asked for
		r.miss = true
		r.elsewhere = a.catalog().FindScopes(q)
		return r
	}
	plainWord := q == strings.ToLower(q) && !strings.Contains(q, ".")
	if plainWord && text() {
		r.kind = search.KindText
		return r
	}
	r.miss = true
	// A near miss (a typo, a missing class) is more likely than a new
	// sub-code: suggestions win over the parent class.
	r.suggest = ix.Suggest(q, 5)
	if len(r.suggest) > 0 {
		return r
	}
	if e, exact := a.catalog().Resolve(scope, q); e != nil && !exact {
		r.matches = append(r.matches, match{entry: e, how: "parent"})
	}
	return r
}
