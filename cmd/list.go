package cmd

import (
	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/render"
)

// ListOptions are what `errcode list` was asked.
type ListOptions struct {
	f      *Factory
	Filter explain.ListFilter
}

// NewCmdList returns `errcode list`; runF, when set, runs instead of
// listRun (tests).
func NewCmdList(f *Factory, runF func(*ListOptions) error) *cobra.Command {
	opts := &ListOptions{f: f}
	c := &cobra.Command{
		Use:   "list",
		Short: "List every code, grouped by category",
		Long: `List every code in the catalog, grouped by category (AuthFailure,
InvalidParameter, ...), the common code before a product's code of the same
name. The catalog holds about 17,000 codes of 261 products: narrow it with
--product (errcode products lists them), --category, --action (the codes an
API action is documented to return) and --retryable.

On a terminal the output is an aligned table; piped, it is tab-separated
rows (code, category, scope, retryable, summary) with no header. A summary
that exists only in the other language is marked [zh] or [en].`,
		Example: `  errcode list --product cvm --category InvalidParameter
  errcode list --action RunInstances
  errcode list --product tcr --retryable
  errcode list -o csv > codes.csv`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if c.Flags().Changed("retryable") && opts.Filter.Retryable == "" {
				opts.Filter.Retryable = "true"
			}
			return runOr(runF, listRun, opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Filter.Category, "category", "", "only this category (the part before the first dot), any case")
	f.addProductFlag(c, &opts.Filter.Scope, "only this scope: common, sdk, or a product short name such as tcr")
	fl.StringVar(&opts.Filter.Action, "action", "", "only the codes this API action (e.g. RunInstances) is documented to return, any case")
	fl.StringVar(&opts.Filter.Retryable, "retryable", "", "only retryable codes (--retryable) or only non-retryable ones (--retryable=false)")
	fl.Lookup("retryable").NoOptDefVal = "true"
	_ = c.RegisterFlagCompletionFunc("category", f.completeCategories)
	_ = c.RegisterFlagCompletionFunc("action", f.completeActions)
	_ = c.RegisterFlagCompletionFunc("retryable", fixedCompletion("true", "false"))
	return c
}

// listRun streams the codes the filter keeps: the whole catalog is some
// 17,000 codes (30 MB of JSON), never all built at once.
func listRun(opts *ListOptions) error {
	f := opts.f
	format, err := f.formatFor(render.ListFormats)
	if err != nil {
		return err
	}
	x := f.explainer()
	rows, err := x.List(opts.Filter)
	if err != nil {
		return err
	}
	n, err := render.Export(f.ios.Out, format, render.ListShape(x, opts.Filter.Scope != ""), f.term(), rows)
	if err == nil && n == 0 {
		return errNotFound
	}
	return err
}
