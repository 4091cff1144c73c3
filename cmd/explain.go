package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/redact"
	"github.com/errcode-dev/errcode/internal/render"
	"github.com/errcode-dev/errcode/internal/search"
)

type explainOptions struct {
	product string
}

func newExplainCmd(a *app) *cobra.Command {
	opts := &explainOptions{}
	c := &cobra.Command{
		Use:   "explain CODE...",
		Short: "Explain a code in full: meaning, causes, fix steps, retry advice",
		Long: `Explain each CODE in full: what it means, its likely causes, numbered steps
that fix it, whether and how to retry, related codes, the API actions that
may return it, a docs link, and where the text comes from.

The catalog holds every code of every product in the official SDKs. A code
of a product (errcode explain FailedOperation.ServiceIsolate --product aai)
shows Tencent Cloud's description, its official solution when there is one,
the fix steps and retry advice of its class, the API actions that return it
and where the text comes from.

When the same code is defined by several scopes (InternalError is a common
code and a code of about 200 products), the curated entry (common first) is
shown in full and the other definitions are listed one line each, by
product; --product picks one. A common code asked for with --product P
that P does not define itself is explained for P: the common entry, with
steps that name P's actions and commands. An unknown sub-code
(InternalError.SomethingNew) is explained through its class, with exit
status 1.`,
		Example: `  errcode explain AuthFailure.SignatureExpire
  errcode explain FailedOperation.ServiceIsolate --product aai
  errcode explain InternalError --product tcr
  LANG=zh_CN.UTF-8 errcode explain RequestLimitExceeded`,
		Args: cobra.MinimumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return a.completeCodes(toComplete, opts.product)
		},
		RunE: func(_ *cobra.Command, args []string) error { return explainRun(a, opts, args) },
	}
	a.addProductFlag(c, &opts.product, "the scope to explain the code in: common, sdk, or a product short name such as tcr")
	return c
}

func explainRun(a *app, opts *explainOptions, args []string) error {
	format, err := a.format(outTable, outPlain, outJSON, outYAML)
	if err != nil {
		return err
	}
	if err := a.checkScope(opts.product); err != nil {
		return err
	}
	if err := checkQueries("explain", args); err != nil {
		return err
	}
	lang := a.Lang()
	var views []render.Entry
	missed := false
	for i, q := range args {
		if search.Classify(q) == search.KindPattern {
			return usageErr([]string{fmt.Sprintf("list the matches with: errcode lookup '%s'", shown(q))},
				"explain takes codes, not patterns: %q", shown(q))
		}
		e, others := a.exactEntry(q, opts.product)
		how := "exact"
		if e == nil {
			missed = true
			r := a.resolve(q, opts.product)
			switch {
			case len(r.matches) > 0 && r.matches[0].how == "parent":
				e, how = r.matches[0].entry, "parent"
				printErr(a.ios, fmt.Sprintf("unknown code %q", shown(strings.TrimSpace(q))),
					fmt.Sprintf("it is not in the catalog; explaining its class %s", e.Code))
			case r.kind == search.KindText && len(r.matches) > 0:
				codes := make([]string, 0, 3)
				for _, m := range r.matches {
					if len(codes) < 3 {
						codes = append(codes, a.defOf(m).Code)
					}
				}
				printErr(a.ios, fmt.Sprintf("%q is not a code", shown(q)), "closest codes by text: "+strings.Join(codes, ", "))
			default:
				reportMiss(a, r)
			}
			if e == nil {
				continue
			}
		}
		if format == outJSON || format == outYAML {
			all := []*catalog.Entry{e}
			for _, o := range others {
				all = append(all, a.catalog().Get(o.Scope, o.Code))
			}
			for _, x := range all {
				v := render.View(x, lang)
				v.Query, v.Match = redact.String(strings.TrimSpace(q)), how
				if x.Scope == catalog.ScopeCommon && opts.product != "" {
					if pr, ok := a.catalog().Product(opts.product); ok {
						v.ExplainedFor = pr.Scope
					}
				}
				views = append(views, v)
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(a.ios.Out)
		}
		opt := render.ExplainOptions{
			Lang: lang, Width: a.ios.TerminalWidth(), Color: a.ios.ColorEnabled(),
			ProductName: catalog.ProductName(e.Scope, lang),
		}
		if e.Scope == catalog.ScopeCommon && opts.product != "" {
			if pr, ok := a.catalog().Product(opts.product); ok {
				opt.ForProduct = pr.Title(lang)
			}
		}
		if len(others) > 0 {
			opt.OtherDefs = make([]render.OtherDef, 0, len(others))
		}
		for _, o := range others {
			opt.OtherDefs = append(opt.OtherDefs, render.OtherDef{
				Scope: o.Scope, Name: catalog.OfficialProductName(o.Scope, lang), Summary: oneLineSummary(o.Summary, lang),
			})
		}
		if len(others) > 0 {
			opt.OthersHint = otherDefsHint(e, others, lang)
		}
		if err := render.Explain(a.ios.Out, e, opt); err != nil {
			return err
		}
	}
	switch format {
	case outJSON:
		if views == nil {
			views = []render.Entry{}
		}
		err = render.JSON(a.ios.Out, views)
	case outYAML:
		if views == nil {
			views = []render.Entry{}
		}
		err = render.YAML(a.ios.Out, views)
	}
	if err != nil {
		return err
	}
	if missed {
		return errNotFound
	}
	return nil
}

// exactEntry returns the entry for q in scope and, without a scope, the other
// definitions of the same code. Without a scope the entry shown in full is
// the curated one (common first; see catalog.Find for the order), else the
// first product's; the others follow in catalog order. Only the entry shown
// in full is built: InternalError has about 200 other definitions.
func (a *app) exactEntry(q, scope string) (e *catalog.Entry, others []catalog.Definition) {
	q = strings.TrimSpace(q)
	if scope != "" {
		cat := a.catalog()
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
	defs := a.catalog().Definitions(q)
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
	e = a.catalog().Get(defs[main].Scope, defs[main].Code)
	if generic {
		e = a.catalog().Generic(e)
	}
	others = append(defs[:main:main], defs[main+1:]...)
	return e, others
}

// oneLineSummary is the summary t in lang on one line, marked when it is only
// in the other language, or a word saying there is none.
func oneLineSummary(t catalog.Text, lang catalog.Lang) string {
	s := t.In(lang)
	switch {
	case s == "" && lang == catalog.Chinese:
		return "（无官方说明）"
	case s == "":
		return "(no official description)"
	case lang == catalog.English && t.En == "":
		return "[zh] " + s
	case lang == catalog.Chinese && t.Zh == "":
		return "[en] " + s
	}
	return s
}

// otherDefsHint tells how to explain one of the other definitions.
func otherDefsHint(e *catalog.Entry, others []catalog.Definition, lang catalog.Lang) string {
	example := others[0].Scope
	cmd := "errcode explain " + e.Code + " --product " + example
	if lang == catalog.Chinese {
		return fmt.Sprintf("共 %d 处定义；用 --product 选择其一，例如：%s", len(others)+1, cmd)
	}
	return fmt.Sprintf("%d definitions in all; pick one with --product, e.g. %s", len(others)+1, cmd)
}
