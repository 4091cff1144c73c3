package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/render"
	"github.com/errcode-dev/errcode/internal/search"
)

type listOptions struct {
	category  string
	product   string
	action    string
	retryable string // "", "true" or "false"
}

func newListCmd(a *app) *cobra.Command {
	opts := &listOptions{}
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
			if c.Flags().Changed("retryable") && opts.retryable == "" {
				opts.retryable = "true"
			}
			return listRun(a, opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.category, "category", "", "only this category (the part before the first dot), any case")
	a.addProductFlag(c, &opts.product, "only this scope: common, sdk, or a product short name such as tcr")
	f.StringVar(&opts.action, "action", "", "only the codes this API action (e.g. RunInstances) is documented to return, any case")
	f.StringVar(&opts.retryable, "retryable", "", "only retryable codes (--retryable) or only non-retryable ones (--retryable=false)")
	f.Lookup("retryable").NoOptDefVal = "true"
	_ = c.RegisterFlagCompletionFunc("category", a.completeCategories)
	_ = c.RegisterFlagCompletionFunc("action", a.completeActions)
	_ = c.RegisterFlagCompletionFunc("retryable", fixedCompletion("true", "false"))
	return c
}

func listRun(a *app, opts *listOptions) error {
	format, err := a.format(outTable, outPlain, outJSON, outYAML, outCSV, outMarkdown)
	if err != nil {
		return err
	}
	if err := a.checkScope(opts.product); err != nil {
		return err
	}
	var wantRetry *bool
	switch strings.ToLower(opts.retryable) {
	case "":
	case "true", "yes", "1":
		t := true
		wantRetry = &t
	case "false", "no", "0":
		f := false
		wantRetry = &f
	default:
		return usageErr([]string{"use --retryable or --retryable=false"}, "invalid --retryable %q", shown(opts.retryable))
	}
	if opts.category != "" && !a.knownCategory(opts.category) {
		return usageErr(categoryHints(a.catalog().Categories(), opts.category), "unknown category %q", shown(opts.category))
	}
	lang := a.Lang()
	cat := a.catalog()
	// The whole catalog is some 17,000 codes: rows are read where the
	// catalog holds them and written as they come, never all built at once.
	var from []int // the positions to consider; nil for all
	if opts.action != "" {
		if from = cat.ActionPositions(opts.action); len(from) == 0 {
			hint := "API actions are CamelCase names such as RunInstances or DescribeInstances"
			if near := cat.Actions(opts.action[:min(len(opts.action), 8)], 6); len(near) > 0 {
				hint = "actions that start alike: " + strings.Join(near, ", ")
			}
			return usageErr([]string{hint}, "no code of any product names the API action %q", shown(opts.action))
		}
	}
	// each calls fn with the position and row of every entry the filters
	// keep, in catalog order, and returns how many there were.
	each := func(fn func(pos int, row []string) error) (int, error) {
		n, count := len(from), 0
		if from == nil {
			n = cat.Len()
		}
		row := make([]string, 5)
		for i := range n {
			pos := i
			if from != nil {
				pos = from[i]
			}
			d := cat.DefinitionAt(pos)
			if opts.product != "" && !strings.EqualFold(d.Scope, opts.product) {
				continue
			}
			category := catalog.Category(d.Code)
			if opts.category != "" && !strings.EqualFold(category, opts.category) {
				continue
			}
			verdict, retryable := cat.RetryAt(pos)
			if wantRetry != nil && retryable != *wantRetry {
				continue
			}
			count++
			row[0], row[1], row[2], row[3], row[4] = d.Code, category, d.Scope, verdictWord(verdict, retryable, lang), summaryText(d.Summary, lang)
			if err := fn(pos, row); err != nil {
				return count, err
			}
		}
		return count, nil
	}
	var n int
	switch format {
	case outJSON, outYAML:
		// The whole catalog is some 30 MB of JSON: stream it, one entry at a time.
		n, err = streamViews(a.ios.Out, format, each, cat, lang)
	case outTable:
		// Grouped: the category heads its group once, instead of a column.
		n, err = writeGrouped(a, each, opts.product)
	default:
		header := []string{"CODE", "CATEGORY", "SCOPE", "RETRYABLE", "SUMMARY"}
		var rw render.RowWriter
		switch format {
		case outPlain:
			rw = render.NewTSV(a.ios.Out)
		case outCSV:
			rw, err = render.NewCSV(a.ios.Out, header)
		case outMarkdown:
			rw = render.NewMarkdown(a.ios.Out, header)
		}
		if err == nil {
			n, err = each(func(_ int, row []string) error { return rw.Row(row) })
		}
		if err == nil {
			err = rw.Flush()
		}
	}
	if err == nil && n == 0 {
		return errNotFound
	}
	return err
}

// streamViews writes the views of the entries each yields as one JSON array
// or YAML list, the same text render.JSON or render.YAML would write for all
// of them, building one entry at a time.
func streamViews(w io.Writer, format string, each func(func(int, []string) error) (int, error), cat *catalog.Catalog, lang catalog.Lang) (int, error) {
	aw := render.NewJSONArray(w)
	if format == outYAML {
		aw = render.NewYAMLList(w)
	}
	n, err := each(func(pos int, _ []string) error { return aw.Add(render.View(cat.BuildAt(pos), lang)) })
	if err != nil {
		return n, err
	}
	return n, aw.Close()
}

// categoryHints suggests the categories near an unknown one; the catalog has
// some 150, too many to list in a hint.
func categoryHints(all []string, asked string) []string {
	hint := fmt.Sprintf("a category is the part of a code before the first dot (AuthFailure, InvalidParameter, ...); errcode list -o plain | cut -f2 | sort -u shows all %d", len(all))
	if near := search.Nearest(asked, all, 5); len(near) > 0 {
		return []string{"did you mean " + strings.Join(near, ", ") + "?", hint}
	}
	return []string{hint}
}

func (a *app) knownCategory(cat string) bool {
	for _, c := range a.catalog().Categories() {
		if strings.EqualFold(c, cat) {
			return true
		}
	}
	return false
}

// writeGrouped writes the terminal table of list: CATEGORY, CODE, SCOPE,
// RETRYABLE, SUMMARY with each category named only on its group's first
// row. The rows are read twice, to measure them and to write them, so the
// table of the whole catalog is never held in memory.
func writeGrouped(a *app, each func(func(int, []string) error) (int, error), product string) (int, error) {
	header := []string{"CATEGORY", "CODE", "SCOPE", "RETRY", "SUMMARY"}
	grouped := func(fn func([]string) error) (int, error) {
		prev := ""
		out := make([]string, 5)
		return each(func(_ int, r []string) error {
			cat := r[1]
			if cat == prev {
				cat = ""
			}
			prev = r[1]
			out[0], out[1], out[2], out[3], out[4] = cat, r[0], r[2], r[3], r[4]
			return fn(out)
		})
	}
	sizer := render.NewTableSizer(header)
	n, _ := grouped(func(r []string) error { sizer.Add(r); return nil })
	if n == 0 {
		return 0, nil
	}
	// Before the summary is cut, the category goes (the code starts with
	// it), then under --product the scope (the same on every row). The code
	// is never cut.
	drop := []int{0}
	if product != "" {
		drop = append(drop, 2)
	}
	rw, err := sizer.Writer(a.ios.Out, render.TableOptions{Width: a.ios.TerminalWidth(), Color: a.ios.ColorEnabled(), Drop: drop, LongFirst: true})
	if err != nil {
		return n, err
	}
	if _, err := grouped(rw.Row); err != nil {
		return n, err
	}
	return n, rw.Flush()
}

// verdictWord is the RETRY column of an entry with this verdict: yes, after
// or no (是, 稍后, 否).
func verdictWord(v catalog.RetryVerdict, retryable bool, lang catalog.Lang) string {
	if v == catalog.RetryAfter {
		if lang == catalog.Chinese {
			return "稍后"
		}
		return "after"
	}
	return yesNo(retryable, lang)
}

func yesNo(b bool, lang catalog.Lang) string {
	switch {
	case b && lang == catalog.Chinese:
		return "是"
	case lang == catalog.Chinese:
		return "否"
	case b:
		return "yes"
	}
	return "no"
}
