package cmd

import (
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/render"
)

func newProductsCmd(a *app) *cobra.Command {
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

On a terminal the output is an aligned table; a name too long for it is cut,
but never the mark of errcode's translation, and a terminal too narrow for
both names leaves the Chinese one out. Piped, it is tab-separated rows
(product, codes, Chinese name, English name) with no header.`,
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
	// NameEnTranslated: name_en is errcode's translation of name_zh (and
	// says so), not a name Tencent Cloud publishes.
	NameEnTranslated bool `json:"name_en_translated" yaml:"name_en_translated"`
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
		en := p.NameIn(catalog.English) // marked when it is errcode's translation
		views[i] = productView{Product: p.Scope, NameZh: p.Name.Zh, NameEn: en, Codes: p.Codes, NameEnTranslated: p.EnTranslated}
		rows[i] = []string{p.Scope, strconv.Itoa(p.Codes), p.Name.Zh, en}
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
		opt := keepMarks(header, rows, ps, a.ios.TerminalWidth())
		opt.Color = a.ios.ColorEnabled()
		err = render.Table(a.ios.Out, header, rows, opt)
	}
	if err == nil && len(ps) == 0 {
		return errNotFound
	}
	return err
}

// keepMarks keeps the mark of the English names that are errcode's
// translation visible in a terminal table of width cells, where render.Table
// cuts the last column at its end: it shortens such a name before its mark
// ("Yinsuda Live Stream… (errcode's translation)"), and returns the table
// options that leave out the Chinese name column when that is what it takes
// for a name and its whole mark to fit.
func keepMarks(header []string, rows [][]string, ps []catalog.Product, width int) render.TableOptions {
	const zh = 2 // the column the table may leave out
	last := len(header) - 1
	mark := " (" + catalog.TranslationMark + ")"
	below := 8 + len(mark) + 2 // the room that keeps 8 cells of a name, its mark and a margin
	opt := render.TableOptions{Width: width, Drop: []int{zh}, DropBelow: below}
	if width <= 0 || last <= zh {
		return opt
	}
	widths := make([]int, last)
	used := 0
	for c := range widths {
		widths[c] = runewidth.StringWidth(header[c])
		for _, r := range rows {
			widths[c] = max(widths[c], runewidth.StringWidth(r[c]))
		}
		used += widths[c] + 2
	}
	avail := width - used - 2 // the last column's room, as render.Table counts it
	if avail < below {
		avail += widths[zh] + 2 // the table leaves the Chinese names out
	}
	for i, p := range ps {
		switch en := rows[i][last]; {
		case !p.EnTranslated || runewidth.StringWidth(en) <= avail:
		case avail-len(mark) >= 1:
			rows[i][last] = runewidth.Truncate(p.Name.En, avail-len(mark), "…") + mark
		default:
			rows[i][last] = strings.TrimPrefix(mark, " ")
		}
	}
	return opt
}
