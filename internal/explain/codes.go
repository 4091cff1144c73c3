package explain

import (
	"fmt"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/search"
)

// Explained is one code of `errcode explain`: the entry shown in full and
// the other definitions of the same code.
type Explained struct {
	Query string // as asked, trimmed and redacted
	Index int    // the query's position among the arguments
	Match string // "exact" or "parent"
	Entry *catalog.Entry
	// Others are the other definitions of the code (without --product),
	// listed one line each after the entry.
	Others []catalog.Definition
	// ForProduct is the product a common entry is explained for (explain
	// --product P of a common code P does not define itself).
	ForProduct string
}

// OtherEntries builds the entries of the other definitions, for JSON and YAML.
func (x *Explainer) OtherEntries(ex Explained) []*catalog.Entry {
	out := make([]*catalog.Entry, 0, len(ex.Others))
	for _, o := range ex.Others {
		out = append(out, x.Cat.Get(o.Scope, o.Code))
	}
	return out
}

// OthersHint tells how to explain one of the other definitions ("" when
// there are none).
func (x *Explainer) OthersHint(ex Explained) string {
	if len(ex.Others) == 0 {
		return ""
	}
	cmd := "errcode explain " + ex.Entry.Code + " --product " + ex.Others[0].Scope
	return x.say(fmt.Sprintf("%d definitions in all; pick one with --product, e.g. %s", len(ex.Others)+1, cmd),
		fmt.Sprintf("共 %d 处定义；用 --product 选择其一，例如：%s", len(ex.Others)+1, cmd))
}

// Explain explains each query, in order, calling found with each code
// explained and miss with the diagnosis of each query that is not a code
// (an unknown sub-code is explained through its class, and is a miss too).
// A pattern among the queries is a usage error, before anything is
// explained. It stops at the first error found returns.
func (x *Explainer) Explain(queries []string, scope string, found func(Explained) error, miss func(msg string, hints []string)) error {
	if err := CheckQueries("explain", queries); err != nil {
		return err
	}
	for _, q := range queries { // before any output
		if search.Classify(q) == search.KindPattern {
			return usageErr([]string{fmt.Sprintf("list the matches with: errcode lookup '%s'", Shown(q))},
				"explain takes codes, not patterns: %q", Shown(q))
		}
	}
	for i, q := range queries {
		ex := Explained{Query: Shown(strings.TrimSpace(q)), Index: i, Match: "exact"}
		ex.Entry, ex.Others = x.exactEntry(q, scope)
		if ex.Entry == nil {
			r := x.Resolve(q, scope)
			switch {
			case len(r.Matches) > 0 && r.Matches[0].How == "parent":
				ex.Entry, ex.Match = r.Matches[0].entry, "parent"
				miss(fmt.Sprintf("unknown code %q", Shown(strings.TrimSpace(q))),
					[]string{fmt.Sprintf("it is not in the catalog; explaining its class %s", ex.Entry.Code)})
			case r.Kind == search.KindText && len(r.Matches) > 0:
				codes := make([]string, 0, 3)
				for _, m := range r.Matches[:min(len(r.Matches), 3)] {
					codes = append(codes, x.Definition(m).Code)
				}
				miss(fmt.Sprintf("%q is not a code", Shown(q)), []string{"closest codes by text: " + strings.Join(codes, ", ")})
			default:
				miss(x.Diagnosis(r))
			}
			if ex.Entry == nil {
				continue
			}
		}
		if ex.Entry.Scope == catalog.ScopeCommon && scope != "" {
			if pr, ok := x.Cat.Product(scope); ok {
				ex.ForProduct = pr.Scope
			}
		}
		if err := found(ex); err != nil {
			return err
		}
	}
	return nil
}

// exactEntry returns the entry for q in scope and, without a scope, the other
// definitions of the same code. Without a scope the entry shown in full is
// the curated one (common first; see catalog.Find for the order), else the
// first product's; the others follow in catalog order. Only the entry shown
// in full is built: InternalError has about 200 other definitions.
func (x *Explainer) exactEntry(q, scope string) (e *catalog.Entry, others []catalog.Definition) {
	q = strings.TrimSpace(q)
	cat := x.Cat
	if scope != "" {
		if e := cat.Get(scope, q); e != nil {
			return e, nil
		}
		// A common code applies to every product: explain it for this one.
		if _, ok := cat.Product(scope); ok {
			if e := cat.Get(catalog.ScopeCommon, q); e != nil {
				return cat.ForProduct(e, scope, catalog.Call{}), nil
			}
		}
		return nil, nil
	}
	defs := cat.Definitions(q)
	if len(defs) == 0 {
		return nil, nil
	}
	// The curated entry explains itself (common first). But a bare class
	// that several products define and no common entry describes
	// (AuthFailure, OperationDenied) is shown as the first product's, with
	// steps that name no product: one product's curated entry (TCR's
	// AuthFailure) would read as that product's advice to everyone.
	main := 0
	generic := len(defs) > 1 && !strings.Contains(q, ".")
	for i, d := range defs {
		if !d.Imported && (d.Scope == catalog.ScopeCommon || d.Scope == catalog.ScopeSDK || !generic) {
			main, generic = i, false
			break
		}
	}
	if generic {
		main = -1
		for i, d := range defs { // the spelling asked for first
			if d.Imported && (main < 0 || d.Code == q && defs[main].Code != q) {
				main = i
			}
		}
		if main < 0 {
			main, generic = 0, false
		}
	}
	if defs[main].Code != q { // a scope that spells the code two ways: the spelling asked for
		for i, d := range defs {
			if d.Scope == defs[main].Scope && d.Code == q {
				main = i
			}
		}
	}
	e = cat.Get(defs[main].Scope, defs[main].Code)
	if generic {
		e = cat.Generic(e)
	}
	others = append(defs[:main:main], defs[main+1:]...)
	return e, others
}
