package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/render"
	"github.com/errcode-dev/errcode/internal/search"
	"github.com/errcode-dev/errcode/internal/textsafe"
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

When the same code is defined by several scopes (InternalError is both a
common code and a TCR code), the common entry is shown and the others are
named; --product picks one. An unknown sub-code (InternalError.SomethingNew)
is explained through its class, with exit status 1.`,
		Example: `  errcode explain AuthFailure.SignatureExpire
  errcode explain InternalError --product tcr
  LANG=zh_CN.UTF-8 errcode explain RequestLimitExceeded`,
		Args: cobra.MinimumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return a.completeCodes(toComplete)
		},
		RunE: func(_ *cobra.Command, args []string) error { return explainRun(a, opts, args) },
	}
	c.Flags().StringVar(&opts.product, "product", "", "the scope to explain the code in: common, sdk, or a product short name such as tcr")
	c.Flags().StringVar(&opts.product, "scope", "", "alias of --product")
	_ = c.RegisterFlagCompletionFunc("product", a.completeScopes)
	_ = c.RegisterFlagCompletionFunc("scope", a.completeScopes)
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
	lang := a.Lang()
	var views []render.Entry
	missed := false
	for i, q := range args {
		if search.Classify(q) == search.KindPattern {
			return usageErr([]string{fmt.Sprintf("list the matches with: errcode lookup '%s'", textsafe.Clean(q))},
				"explain takes codes, not patterns: %q", textsafe.Clean(q))
		}
		e, others := a.exactEntry(q, opts.product)
		how := "exact"
		if e == nil {
			missed = true
			r := a.resolve(q, opts.product)
			switch {
			case len(r.matches) > 0 && r.matches[0].how == "parent":
				e, how = r.matches[0].entry, "parent"
				printErr(a.ios, fmt.Sprintf("unknown code %q", textsafe.Clean(strings.TrimSpace(q))),
					fmt.Sprintf("it is not in the catalog; explaining its class %s", e.Code))
			case r.kind == search.KindText && len(r.matches) > 0:
				codes := make([]string, 0, 3)
				for _, m := range r.matches {
					if len(codes) < 3 {
						codes = append(codes, m.entry.Code)
					}
				}
				printErr(a.ios, fmt.Sprintf("%q is not a code", textsafe.Clean(q)), "closest codes by text: "+strings.Join(codes, ", "))
			default:
				reportMiss(a, r)
			}
			if e == nil {
				continue
			}
		}
		if format == outJSON || format == outYAML {
			v := render.View(e, lang)
			v.Query, v.Match = strings.TrimSpace(q), how
			views = append(views, v)
			continue
		}
		if i > 0 {
			fmt.Fprintln(a.ios.Out)
		}
		if err := render.Explain(a.ios.Out, e, render.ExplainOptions{
			Lang: lang, Width: a.ios.TerminalWidth(), Color: a.ios.ColorEnabled(), Others: others,
		}); err != nil {
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

// exactEntry returns the entry for q in scope (common first when scope is
// empty), and the other scopes that define the same code string.
func (a *app) exactEntry(q, scope string) (e *catalog.Entry, others []string) {
	q = strings.TrimSpace(q)
	if e = a.catalog().Get(scope, q); e == nil {
		return nil, nil
	}
	for _, o := range a.catalog().Find(q) {
		if o != e {
			others = append(others, o.Scope)
		}
	}
	return e, others
}
