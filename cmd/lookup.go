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

type lookupOptions struct {
	product string
}

func newLookupCmd(a *app) *cobra.Command {
	opts := &lookupOptions{}
	c := &cobra.Command{
		Use:   "lookup QUERY...",
		Short: "Resolve error codes, patterns or free text to one line each",
		Long: `Resolve each QUERY to catalog entries, one line per code.

  errcode lookup AuthFailure.SignatureExpire     exact code, any case
  errcode lookup 'AuthFailure.*' '*NotFound*'   patterns: * any run, ? one character
  errcode lookup 签名  |  errcode lookup "rate limit"   free text, English or Chinese

An unknown code gets "did you mean" suggestions; an unknown sub-code of a
known class (InternalError.SomethingNew) is shown through its class. Either
way the exit status is 1.`,
		Example: `  errcode lookup authfailure.signatureexpire
  errcode lookup 'RequestLimitExceeded*' -o json
  errcode lookup 频率`,
		Args: cobra.MinimumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return a.completeCodes(toComplete, opts.product)
		},
		RunE: func(_ *cobra.Command, args []string) error { return lookupRun(a, opts, args) },
	}
	a.addProductFlag(c, &opts.product, "only codes of this scope: common, sdk, or a product short name such as tcr")
	return c
}

func lookupRun(a *app, opts *lookupOptions, args []string) error {
	format, err := a.format(outTable, outPlain, outJSON, outYAML)
	if err != nil {
		return err
	}
	if err := a.checkScope(opts.product); err != nil {
		return err
	}
	if err := checkQueries("lookup", args); err != nil {
		return err
	}
	lang := a.Lang()
	header := []string{"CODE", "CATEGORY", "SCOPE", "SUMMARY"}
	// Results are written as they are found, JSON and YAML element by
	// element, so that lookup '*' never holds the whole catalog; a table
	// holds its rows (it measures them) but builds no entry.
	var emit func(m match, d catalog.Definition, query string) error
	var finish func() error
	var rows [][]string
	switch format {
	case outJSON, outYAML:
		aw := render.NewJSONArray(a.ios.Out)
		if format == outYAML {
			aw = render.NewYAMLList(a.ios.Out)
		}
		emit = func(m match, _ catalog.Definition, query string) error {
			v := render.View(a.entryOf(m), lang)
			v.Query, v.Match, v.ExplainedFor = redact.String(query), m.how, m.forProduct
			return aw.Add(v)
		}
		finish = aw.Close
	case outPlain:
		rw := render.NewTSV(a.ios.Out)
		emit = func(_ match, d catalog.Definition, _ string) error {
			return rw.Row([]string{d.Code, catalog.Category(d.Code), d.Scope, summaryText(d.Summary, lang)})
		}
		finish = rw.Flush
	default:
		emit = func(_ match, d catalog.Definition, _ string) error {
			rows = append(rows, []string{d.Code, catalog.Category(d.Code), d.Scope, summaryText(d.Summary, lang)})
			return nil
		}
		finish = func() error { return writeEntries(a, format, header, rows, nil) }
	}
	seen := map[string]bool{}
	asked := map[string]bool{}
	missed := false
	for _, q := range args {
		// A query asked before (in any case, ** for *) adds nothing.
		if k := queryKey(q); asked[k] {
			continue
		} else {
			asked[k] = true
		}
		r := a.resolve(q, opts.product)
		if r.miss {
			missed = true
			reportMiss(a, r)
		}
		for _, m := range r.matches {
			d := a.defOf(m)
			if k := d.Scope + "\x00" + d.Code + "\x00" + m.forProduct; seen[k] {
				continue
			} else {
				seen[k] = true
			}
			if err := emit(m, d, r.query); err != nil {
				return err
			}
		}
	}
	if err := finish(); err != nil {
		return err
	}
	if missed {
		return errNotFound
	}
	return nil
}

// maxQueries is how many queries lookup and explain take at once: more than
// anyone types, and it bounds the work of one invocation (a pattern costs
// a pass over the catalog's codes).
const maxQueries = 1000

// checkQueries refuses more than maxQueries queries, and a pattern longer
// than search.MaxPatternLen once its runs of * are collapsed.
func checkQueries(command string, args []string) error {
	if len(args) > maxQueries {
		return usageErr([]string{fmt.Sprintf("split the list, e.g. xargs -n %d errcode %s < codes.txt", maxQueries, command)},
			"too many queries: %d (at most %d at once)", len(args), maxQueries)
	}
	for _, q := range args {
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

// summaryText is a one-line summary t in lang for tables and rows: marked
// "[zh] " or "[en] " when it exists only in the other language (an imported
// code with no official text in lang; errcode does not translate those), and
// empty when the code has no description at all.
func summaryText(t catalog.Text, lang catalog.Lang) string {
	if t == (catalog.Text{}) {
		return ""
	}
	return oneLineSummary(t, lang)
}

// reportMiss tells, on stderr, that a query named no code, and what to try.
func reportMiss(a *app, r resolution) {
	q := shown(r.query)
	switch {
	case len(r.elsewhere) > 0:
		printErr(a.ios, fmt.Sprintf("%s is not a code of %s", q, r.scope),
			"it is defined in: "+listScopes(r.elsewhere, 12)+"; drop --product to see every definition")
	case len(r.matches) > 0 && r.matches[0].how == "parent":
		printErr(a.ios, fmt.Sprintf("unknown code %q", q),
			fmt.Sprintf("%s is not in the catalog; showing its class %s", q, a.defOf(r.matches[0]).Code))
	case r.kind == search.KindPattern:
		printErr(a.ios, fmt.Sprintf("no code matches %q", q), "patterns match whole codes, any case: try '*"+strings.Trim(q, "*")+"*'")
	case r.kind == search.KindText:
		printErr(a.ios, fmt.Sprintf("nothing matches %q", q), "try fewer words, or a code: errcode list")
	case len(r.suggest) > 0:
		printErr(a.ios, fmt.Sprintf("unknown code %q", q), "did you mean "+strings.Join(r.suggest, ", ")+"?")
	default:
		printErr(a.ios, fmt.Sprintf("unknown code %q", q), "errcode list shows every code; errcode lookup WORDS searches the text")
	}
}

// writeEntries writes results as a table/plain rows (the given columns) or as
// JSON/YAML views. The render functions escape every cell and string.
func writeEntries(a *app, format string, header []string, rows [][]string, views []render.Entry) error {
	switch format {
	case outJSON:
		return render.JSON(a.ios.Out, views)
	case outYAML:
		return render.YAML(a.ios.Out, views)
	case outPlain:
		return render.TSV(a.ios.Out, rows)
	case outCSV:
		return render.CSV(a.ios.Out, header, rows)
	case outMarkdown:
		return render.Markdown(a.ios.Out, header, rows)
	}
	if len(rows) == 0 {
		return nil
	}
	// On a narrow terminal the CATEGORY column goes first: the code starts with it.
	var drop []int
	if len(header) > 1 && header[1] == "CATEGORY" {
		drop = []int{1}
	}
	return render.Table(a.ios.Out, header, rows, render.TableOptions{Width: a.ios.TerminalWidth(), Color: a.ios.ColorEnabled(), Drop: drop, LongFirst: true})
}

// checkScope rejects a --product that names no scope in the catalog.
func (a *app) checkScope(scope string) error {
	if scope == "" || a.catalog().HasScope(scope) {
		return nil
	}
	hint := "errcode products lists the products; the other scopes are common and sdk"
	var near []string
	for _, s := range a.catalog().Scopes() {
		if strings.HasPrefix(s, strings.ToLower(scope)) || strings.HasPrefix(strings.ToLower(scope), s) && len(s) >= 3 {
			near = append(near, s)
		}
	}
	if len(near) > 0 && len(near) <= 8 {
		hint = "did you mean " + strings.Join(near, ", ") + "? " + hint
	}
	return usageErr([]string{hint}, "unknown product %q", shown(scope))
}

// listScopes joins scopes, at most max of them, saying how many more there are.
func listScopes(scopes []string, max int) string {
	if len(scopes) <= max {
		return strings.Join(scopes, ", ")
	}
	return strings.Join(scopes[:max], ", ") + fmt.Sprintf(" and %d more", len(scopes)-max)
}
