package explain

import (
	"fmt"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/redact"
	"github.com/errcode-dev/errcode/internal/search"
)

// Shown is an argument or file name as errcode may echo it: redacted (a
// pasted SecretKey=... or AKID... is not printed back). It is not escaped:
// diagnostics are escaped once, where they are printed.
func Shown(arg string) string { return redact.String(arg) }

// Match is one entry found for a query, and how.
type Match struct {
	// entry is the entry found, when it was built; else pos is its catalog
	// position, built only when asked for (see Entry): a lookup of a code
	// of 200 products, or of '*', shows rows that need no entry.
	entry *catalog.Entry
	pos   int
	// How is "exact", "pattern", "text" or "parent".
	How string
	// ForProduct is the product a common entry is explained for: the
	// --product asked for, which does not define the code itself.
	ForProduct string
}

// Resolution is what one lookup query came to.
type Resolution struct {
	Query   string
	Matches []Match
	// Miss is true when the query named no catalog code: the matches, if
	// any, are its parent class, and Suggest holds "did you mean" candidates.
	Miss    bool
	Suggest []string
	Kind    search.Kind
	// Elsewhere names the scopes that define the code when Scope, the one
	// asked for, does not.
	Elsewhere []string
	Scope     string
}

// textLimit caps the results of a free-text query; textCutoff drops hits
// scoring under that fraction of the best one.
const (
	textLimit  = 10
	textCutoff = 0.5
)

// Resolve answers one query the way `errcode lookup` documents it:
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
func (x *Explainer) Resolve(q, scope string) Resolution {
	q = strings.TrimSpace(q)
	if r, ok := x.ahead.take(x.Cat, q, scope); ok {
		return r
	}
	ix, cat := x.Index, x.Cat
	r := Resolution{Query: q, Kind: search.Classify(q), Scope: scope}
	product := ""
	if pr, ok := cat.Product(scope); ok {
		product = pr.Scope
	}
	// own is true for an entry of the scope asked for; common, for a common
	// entry that stands in for a product that does not define its code.
	ownScope := func(s string) bool { return scope == "" || strings.EqualFold(s, scope) }
	// keep reports whether the entry at pos, of scope s, is one to list.
	keep := func(pos int, s string) bool {
		return ownScope(s) || product != "" && s == catalog.ScopeCommon && !cat.CodeInScope(pos, product)
	}
	// addAt adds the entry at pos, unbuilt, if it is one to keep.
	addAt := func(pos int, how string) {
		d := cat.DefinitionAt(pos)
		if !keep(pos, d.Scope) {
			return
		}
		m := Match{pos: pos, How: how}
		if scope != "" && !ownScope(d.Scope) {
			m.ForProduct = product
		}
		r.Matches = append(r.Matches, m)
	}
	text := func() bool {
		// The best definition of each of the best textLimit codes; under a
		// scope, ranked among the entries kept (the scope's, and the
		// common codes a product does not define itself).
		var hits []search.PosHit
		if scope == "" {
			hits = ix.TextCodes(q, textLimit)
		} else {
			var among []int
			if product != "" {
				among = cat.ProductPositions(product) // keep's, for every entry
			} else {
				among = cat.ScopePositions(scope)
			}
			hits = ix.TextCodesIn(q, textLimit, among)
		}
		// The hits are distinct codes, all kept: the strong ones are listed
		// (a weak tail of partial matches is noise).
		for _, h := range hits {
			if len(r.Matches) > 0 && h.Score < hits[0].Score*textCutoff {
				break
			}
			addAt(h.Pos, "text")
		}
		return len(r.Matches) > 0
	}
	if r.Kind == search.KindText && cat.Has(q) {
		r.Kind = search.KindExact
	}
	switch r.Kind {
	case search.KindPattern:
		for _, pos := range ix.PatternPositions(q) {
			addAt(pos, "pattern")
		}
		r.Miss = len(r.Matches) == 0
		return r
	case search.KindText:
		r.Miss = !text()
		return r
	}
	found := cat.Positions(q)
	for _, pos := range found {
		addAt(pos, "exact")
	}
	if len(r.Matches) > 0 {
		return r
	}
	if len(found) > 0 { // the code exists, but not in the scope asked for
		r.Miss = true
		r.Elsewhere = cat.FindScopes(q)
		return r
	}
	plainWord := q == strings.ToLower(q) && !strings.Contains(q, ".")
	if plainWord && text() {
		r.Kind = search.KindText
		return r
	}
	r.Miss = true
	// A near miss (a typo, a missing class) is more likely than a new
	// sub-code: suggestions win over the parent class.
	r.Suggest = ix.Suggest(q, 5)
	if len(r.Suggest) > 0 {
		return r
	}
	if e, exact := cat.Resolve(scope, q); e != nil && !exact {
		r.Matches = append(r.Matches, Match{entry: e, pos: -1, How: "parent"})
	}
	return r
}

// Entry returns the entry m found, building it if need be (and not
// keeping it: see catalog.BuildAt), explained for m.ForProduct.
func (x *Explainer) Entry(m Match) *catalog.Entry {
	if m.entry != nil {
		return m.entry
	}
	e := x.Cat.BuildAt(m.pos)
	if m.ForProduct != "" {
		e = x.Cat.ForProduct(e, m.ForProduct, catalog.Call{})
	}
	return e
}

// Definition returns the definition of the entry m found, building nothing.
func (x *Explainer) Definition(m Match) catalog.Definition {
	if m.entry != nil {
		e := m.entry
		return catalog.Definition{Code: e.Code, Scope: e.Scope, Summary: e.Summary, Solution: e.Solution, Imported: e.Imported, Translated: e.Translated}
	}
	return x.Cat.DefinitionAt(m.pos)
}

// Diagnosis is what to say on stderr of a query that named no code: the
// error and the hints of what to try.
func (x *Explainer) Diagnosis(r Resolution) (msg string, hints []string) {
	q := Shown(r.Query)
	switch {
	case len(r.Elsewhere) > 0:
		return fmt.Sprintf("%s is not a code of %s", q, r.Scope),
			[]string{"it is defined in: " + ListScopes(r.Elsewhere, 12) + "; drop --product to see every definition"}
	case len(r.Matches) > 0 && r.Matches[0].How == "parent":
		return fmt.Sprintf("unknown code %q", q),
			[]string{fmt.Sprintf("%s is not in the catalog; showing its class %s", q, x.Definition(r.Matches[0]).Code)}
	case r.Kind == search.KindPattern:
		return fmt.Sprintf("no code matches %q", q), []string{"patterns match whole codes, any case: try '*" + strings.Trim(q, "*") + "*'"}
	case r.Kind == search.KindText:
		return fmt.Sprintf("nothing matches %q", q), []string{"try fewer words, or a code: errcode list"}
	case len(r.Suggest) > 0:
		return fmt.Sprintf("unknown code %q", q), []string{"did you mean " + strings.Join(r.Suggest, ", ") + "?"}
	}
	return fmt.Sprintf("unknown code %q", q), []string{"errcode list shows every code; errcode lookup WORDS searches the text"}
}

// MaxQueries is how many queries lookup and explain take at once: more than
// anyone types, and it bounds the work of one invocation (a pattern costs
// a pass over the catalog's codes).
const MaxQueries = 1000

// CheckQueries refuses more than MaxQueries queries, an empty query (an
// unset shell variable), and a pattern longer than search.MaxPatternLen once
// its runs of * are collapsed.
func CheckQueries(command string, args []string) error {
	if len(args) > MaxQueries {
		return usageErr([]string{fmt.Sprintf("split the list, e.g. xargs -n %d errcode %s < codes.txt", MaxQueries, command)},
			"too many queries: %d (at most %d at once)", len(args), MaxQueries)
	}
	for _, q := range args {
		if strings.TrimSpace(q) == "" {
			return usageErr([]string{fmt.Sprintf("give a code, a pattern or words, e.g. errcode %s AuthFailure.SignatureExpire", command)},
				"empty query")
		}
		if search.Classify(q) != search.KindPattern {
			continue
		}
		if n := len(search.CollapseStars(strings.TrimSpace(q))); n > search.MaxPatternLen {
			return usageErr([]string{"no code is that long; a pattern matches the whole code, so shorten it"},
				"pattern too long: %d characters (at most %d)", n, search.MaxPatternLen)
		}
	}
	return nil
}

// queryKey is what makes two queries the same: case, surrounding space and
// runs of * do not matter.
func queryKey(q string) string {
	return search.CollapseStars(strings.ToLower(strings.TrimSpace(q)))
}

// Hit is one line of lookup: a definition found for a query.
type Hit struct {
	Query      string // as asked, redacted
	Match      Match
	Code       string
	Category   string
	Scope      string
	Summary    string // one line, in the language (see SummaryOf)
	ForProduct string
	// Translated is true when Summary is errcode's translation (marked).
	Translated bool
}

// Lookup resolves each query, in order, and calls hit with each definition
// found, once (a query asked before, or a definition found before, adds
// nothing), and miss with each query that named no code. It stops at the
// first error hit returns.
func (x *Explainer) Lookup(queries []string, scope string, hit func(Hit) error, miss func(Resolution)) error {
	seen := map[string]bool{}
	asked := map[string]bool{}
	for _, q := range queries {
		// A query asked before (in any case, ** for *) adds nothing.
		if k := queryKey(q); asked[k] {
			continue
		} else {
			asked[k] = true
		}
		r := x.Resolve(q, scope)
		if r.Miss {
			miss(r)
		}
		for _, m := range r.Matches {
			d := x.Definition(m)
			if k := d.Scope + "\x00" + d.Code + "\x00" + m.ForProduct; seen[k] {
				continue
			} else {
				seen[k] = true
			}
			h := Hit{Query: Shown(r.Query), Match: m, Code: d.Code, Category: catalog.Category(d.Code), Scope: d.Scope, ForProduct: m.ForProduct}
			h.Summary, h.Translated = SummaryOf(d, x.Lang())
			if err := hit(h); err != nil {
				return err
			}
		}
	}
	return nil
}
