package cmd

import (
	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/internal/render"
)

// ProductsOptions are what `errcode products` was asked.
type ProductsOptions struct {
	f *Factory
}

// NewCmdProducts returns `errcode products`; runF, when set, runs instead
// of productsRun (tests).
func NewCmdProducts(f *Factory, runF func(*ProductsOptions) error) *cobra.Command {
	opts := &ProductsOptions{f: f}
	return &cobra.Command{
		Use:   "products",
		Short: "List the products whose codes the catalog holds, with their names and code counts",
		Long: `List every product of the catalog: its short name (the scope of its codes,
as in its API host cvm.tencentcloudapi.com and in tccli), the number of
codes, its official Chinese name and its English name: Tencent Cloud's own,
or, where no English name of Tencent Cloud's was found, errcode's
translation, shown with "(errcode's translation)". Besides the products,
the scopes common (API 3.0 common codes) and sdk (client-side SDK codes)
hold codes every product may return.

On a terminal the output is an aligned table that ends with the name in the
language of --lang; a name too long for it is cut, but never the mark of
errcode's translation, and a terminal too narrow for both names leaves the
other language's name out. Piped, it is tab-separated rows (product, codes,
Chinese name, English name) with no header.`,
		Example: `  errcode products
  errcode products -o json
  errcode list --product cvm`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runOr(runF, productsRun, opts) },
	}
}

func productsRun(opts *ProductsOptions) error {
	f := opts.f
	format, err := f.formatFor(render.ProductsFormats)
	if err != nil {
		return err
	}
	x := f.explainer()
	ps := x.Products()
	n, err := render.Export(f.ios.Out, format, render.ProductsShape(x.Lang()), f.term(), render.SliceSeq(ps))
	if err == nil && n == 0 {
		return errNotFound
	}
	return err
}
