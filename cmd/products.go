package cmd

import (
	"strconv"

	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/internal/render"
)

func newProductsCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "products",
		Short: "List the products whose codes the catalog holds, with their names and code counts",
		Long: `List every product of the catalog: its short name (the scope of its codes,
as in its API host cvm.tencentcloudapi.com and in tccli), the number of
codes, its official Chinese name and, where errcode knows it for certain,
its English name. Besides the products, the scopes common (API 3.0 common
codes) and sdk (client-side SDK codes) hold codes every product may return.

On a terminal the output is an aligned table; piped, it is tab-separated
rows (product, codes, Chinese name, English name) with no header.`,
		Example: `  errcode products
  errcode products -o json
  errcode list --product cvm`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return productsRun(a) },
	}
}

// productView is one product in JSON and YAML output. Field names are part of
// errcode's interface: add fields, never rename them.
type productView struct {
	Product string `json:"product" yaml:"product"`
	NameZh  string `json:"name_zh" yaml:"name_zh"`
	NameEn  string `json:"name_en" yaml:"name_en"`
	Codes   int    `json:"codes" yaml:"codes"`
}

func productsRun(a *app) error {
	format, err := a.format(outTable, outPlain, outJSON, outYAML, outCSV, outMarkdown)
	if err != nil {
		return err
	}
	ps := a.catalog().Products()
	views := make([]productView, len(ps))
	rows := make([][]string, len(ps))
	for i, p := range ps {
		views[i] = productView{Product: p.Scope, NameZh: p.Name.Zh, NameEn: p.Name.En, Codes: p.Codes}
		rows[i] = []string{p.Scope, strconv.Itoa(p.Codes), p.Name.Zh, p.Name.En}
	}
	header := []string{"PRODUCT", "CODES", "NAME (ZH)", "NAME (EN)"}
	switch format {
	case outJSON:
		err = render.JSON(a.ios.Out, views)
	case outYAML:
		err = render.YAML(a.ios.Out, views)
	case outPlain:
		err = render.TSV(a.ios.Out, rows)
	case outCSV:
		err = render.CSV(a.ios.Out, header, rows)
	case outMarkdown:
		err = render.Markdown(a.ios.Out, header, rows)
	default:
		err = render.Table(a.ios.Out, header, rows, render.TableOptions{Width: a.ios.TerminalWidth(), Color: a.ios.ColorEnabled()})
	}
	if err == nil && len(ps) == 0 {
		return errNotFound
	}
	return err
}
