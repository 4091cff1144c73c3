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
// scope, when set, keeps only entries of that scope (product).
func (a *app) resolve(q, scope string) resolution {
	q = strings.TrimSpace(q)
	ix := a.index()
	r := resolution{query: q, kind: search.Classify(q), scope: scope}
	keep := func(e *catalog.Entry) bool { return scope == "" || strings.EqualFold(e.Scope, scope) }
	text := func() bool {
		limit := textLimit * 8 // enough to fill textLimit distinct codes
		if scope != "" {
			limit = 0 // the scope's best hits may rank anywhere among all
		}
		hits := ix.Text(q, limit)
		seen := map[string]bool{}
		for _, h := range hits {
			// Keep the strong hits: a weak tail of partial matches is noise.
			if !keep(h.Entry) || len(r.matches) >= textLimit || h.Score < hits[0].Score*textCutoff {
				continue
			}
			if lc := strings.ToLower(h.Entry.Code); scope == "" {
				if seen[lc] {
					continue
				}
				seen[lc] = true
			}
			r.matches = append(r.matches, match{h.Entry, "text"})
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
				r.matches = append(r.matches, match{e, "pattern"})
			}
		}
		r.miss = len(r.matches) == 0
		return r
	case search.KindText:
		r.miss = !text()
		return r
	}
	found := a.catalog().Find(q)
	for _, e := range found {
		if keep(e) {
			r.matches = append(r.matches, match{e, "exact"})
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
		r.matches = append(r.matches, match{e, "parent"})
	}
	return r
}
