package cmd

import (
	"bufio"
	"bytes"
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
	// Start from the smallest set the filters allow: the whole catalog is
	// built only when nothing narrows it.
	var from []*catalog.Entry
	switch {
	case opts.action != "":
		if from = a.catalog().ByAction(opts.action); len(from) == 0 {
			hint := "API actions are CamelCase names such as RunInstances or DescribeInstances"
			if near := a.catalog().Actions(opts.action[:min(len(opts.action), 8)], 6); len(near) > 0 {
				hint = "actions that start alike: " + strings.Join(near, ", ")
			}
			return usageErr([]string{hint}, "no code of any product names the API action %q", shown(opts.action))
		}
	case opts.product != "":
		from = a.catalog().InScope(opts.product)
	default:
		from = a.catalog().Entries()
	}
	var entries []*catalog.Entry
	for _, e := range from {
		if opts.category != "" && !strings.EqualFold(e.Category(), opts.category) {
			continue
		}
		if opts.product != "" && !strings.EqualFold(e.Scope, opts.product) {
			continue
		}
		if wantRetry != nil && e.Retryable != *wantRetry {
			continue
		}
		entries = append(entries, e)
	}
	if format == outJSON || format == outYAML {
		// The whole catalog is some 25 MB of JSON: stream it, one entry at a time.
		err = streamViews(a.ios.Out, format, entries, lang)
		if err == nil && len(entries) == 0 {
			return errNotFound
		}
		return err
	}
	rows := make([][]string, 0, len(entries))
	for _, e := range entries {
		rows = append(rows, []string{e.Code, e.Category(), e.Scope, verdictWord(e, lang), summaryIn(e, lang)})
	}
	header := []string{"CODE", "CATEGORY", "SCOPE", "RETRYABLE", "SUMMARY"}
	if format == outTable {
		// Grouped: the category heads its group once, instead of a column.
		return writeGrouped(a, rows, opts.product)
	}
	err = writeEntries(a, format, header, rows, nil)
	if err == nil && len(entries) == 0 {
		return errNotFound
	}
	return err
}

// streamViews writes the views of entries as one JSON array or YAML list,
// the same text render.JSON or render.YAML would write for all of them,
// building one view at a time.
func streamViews(w io.Writer, format string, entries []*catalog.Entry, lang catalog.Lang) error {
	if len(entries) == 0 {
		if format == outJSON {
			return render.JSON(w, []render.Entry{})
		}
		return render.YAML(w, []render.Entry{})
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if format == outJSON {
		bw.WriteString("[\n")
	}
	var buf bytes.Buffer
	for i, e := range entries {
		v := render.View(e, lang)
		if format == outYAML {
			if err := render.YAML(bw, []render.Entry{v}); err != nil {
				return err
			}
			continue
		}
		buf.Reset()
		if err := render.JSONIndent(&buf, v, "  "); err != nil {
			return err
		}
		bw.WriteString("  ")
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		if i < len(entries)-1 {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
	}
	if format == outJSON {
		bw.WriteString("]\n")
	}
	return bw.Flush()
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
// RETRYABLE, SUMMARY with each category named only on its group's first row.
func writeGrouped(a *app, rows [][]string, product string) error {
	if len(rows) == 0 {
		return errNotFound
	}
	out := make([][]string, len(rows))
	prev := ""
	for i, r := range rows {
		cat := r[1]
		if cat == prev {
			cat = ""
		}
		prev = r[1]
		out[i] = []string{cat, r[0], r[2], r[3], r[4]}
	}
	// Before the summary is cut, the category goes (the code starts with
	// it), then under --product the scope (the same on every row). The code
	// is never cut.
	drop := []int{0}
	if product != "" {
		drop = append(drop, 2)
	}
	return render.Table(a.ios.Out, []string{"CATEGORY", "CODE", "SCOPE", "RETRY", "SUMMARY"}, out,
		render.TableOptions{Width: a.ios.TerminalWidth(), Color: a.ios.ColorEnabled(), Drop: drop, LongFirst: true})
}

// verdictWord is the RETRY column of e: yes, after or no (是, 稍后, 否).
func verdictWord(e *catalog.Entry, lang catalog.Lang) string {
	if e.Verdict == catalog.RetryAfter {
		if lang == catalog.Chinese {
			return "稍后"
		}
		return "after"
	}
	return yesNo(e.Retryable, lang)
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
