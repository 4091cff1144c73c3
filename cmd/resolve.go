package cmd

import (
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/search"
)

// match is one entry found for a query, and how.
type match struct {
	// entry is the entry found, when it was built; else pos is its catalog
	// position, built only when asked for (see entryOf): a lookup of a code
	// of 200 products, or of '*', shows rows that need no entry.
	entry *catalog.Entry
	pos   int
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
	ownScope := func(s string) bool { return scope == "" || strings.EqualFold(s, scope) }
	keepDef := func(s, code string) bool {
		return ownScope(s) || product != "" && s == catalog.ScopeCommon && !defines(cat, product, code)
	}
	// addAt adds the entry at pos, unbuilt, if it is one to keep.
	addAt := func(pos int, how string) {
		d := cat.DefinitionAt(pos)
		if !keepDef(d.Scope, d.Code) {
			return
		}
		m := match{pos: pos, how: how}
		if scope != "" && !ownScope(d.Scope) {
			m.forProduct = product
		}
		r.matches = append(r.matches, m)
	}
	text := func() bool {
		limit := textLimit * 8 // enough to fill textLimit distinct codes
		if scope != "" {
			limit = 0 // the scope's best hits may rank anywhere among all
		}
		hits := ix.TextPositions(q, limit)
		seen := map[string]bool{}
		best := -1.0 // the score of the best hit kept
		for _, h := range hits {
			d := cat.DefinitionAt(h.Pos)
			if !keepDef(d.Scope, d.Code) || len(r.matches) >= textLimit {
				continue
			}
			// Keep the strong hits: a weak tail of partial matches is noise.
			if best < 0 {
				best = h.Score
			} else if h.Score < best*textCutoff {
				break
			}
			if lc := strings.ToLower(d.Code); seen[lc] {
				continue
			} else {
				seen[lc] = true
			}
			addAt(h.Pos, "text")
		}
		return len(r.matches) > 0
	}
	if r.kind == search.KindText && a.catalog().Has(q) {
		r.kind = search.KindExact
	}
	switch r.kind {
	case search.KindPattern:
		for _, pos := range ix.PatternPositions(q) {
			addAt(pos, "pattern")
		}
		r.miss = len(r.matches) == 0
		return r
	case search.KindText:
		r.miss = !text()
		return r
	}
	found := cat.Positions(q)
	for _, pos := range found {
		addAt(pos, "exact")
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
		r.matches = append(r.matches, match{entry: e, pos: -1, how: "parent"})
	}
	return r
}

// defines reports whether product defines code (any case), building no entry.
func defines(cat *catalog.Catalog, product, code string) bool {
	for _, s := range cat.FindScopes(code) {
		if strings.EqualFold(s, product) {
			return true
		}
	}
	return false
}

// entryOf returns the entry m found, building it if need be (and not
// keeping it: see catalog.BuildAt), explained for m.forProduct.
func (a *app) entryOf(m match) *catalog.Entry {
	if m.entry != nil {
		return m.entry
	}
	e := a.catalog().BuildAt(m.pos)
	if m.forProduct != "" {
		e = a.catalog().ForProduct(e, m.forProduct, catalog.Call{})
	}
	return e
}

// defOf returns the definition of the entry m found, building nothing.
func (a *app) defOf(m match) catalog.Definition {
	if m.entry != nil {
		e := m.entry
		return catalog.Definition{Code: e.Code, Scope: e.Scope, Summary: e.Summary, Solution: e.Solution, Imported: e.Imported}
	}
	return a.catalog().DefinitionAt(m.pos)
}
