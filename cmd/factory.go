package cmd

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/iostreams"
	"github.com/errcode-dev/errcode/internal/render"
	"github.com/errcode-dev/errcode/internal/search"
)

// Factory is what every subcommand shares: the streams, the global options and
// the catalog, built on first use.
type Factory struct {
	ios    *iostreams.IOStreams
	output string // -o; "" means table on a terminal, plain when piped
	lang   string // --lang as given; "" means from the environment
	color  string

	cat *catalog.Catalog
	ix  *search.Index

	langResolved bool // Lang has run: resolved holds its answer
	resolved     catalog.Lang
}

func (a *Factory) catalog() *catalog.Catalog {
	if a.cat == nil {
		a.cat = catalog.Default()
	}
	return a.cat
}

func (a *Factory) index() *search.Index {
	if a.ix == nil {
		a.ix = search.New(a.catalog())
	}
	return a.ix
}

// Lang resolves the output language: --lang, then ERRCODE_LANG, then the
// first set of LC_ALL, LC_MESSAGES, LANG. --lang and ERRCODE_LANG take the
// same values (see parseLang); an ERRCODE_LANG that is neither en nor zh is
// ignored with a warning on stderr, once. In the locale variables a value
// starting with "zh" means Chinese, anything else (fr_FR.UTF-8, C) English.
func (a *Factory) Lang() catalog.Lang {
	if a.langResolved {
		return a.resolved
	}
	a.langResolved = true
	if l, ok := parseLang(a.lang); ok { // checked before any command runs
		a.resolved = l
		return l
	}
	env := a.ios.Getenv("ERRCODE_LANG")
	if l, ok := parseLang(env); ok {
		a.resolved = l
		return l
	}
	a.resolved = catalog.English
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := a.ios.Getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				a.resolved = catalog.Chinese
			}
			break
		}
	}
	if env != "" {
		name := map[catalog.Lang]string{catalog.English: "English", catalog.Chinese: "Chinese"}[a.resolved]
		printWarn(a.ios, fmt.Sprintf("ignoring ERRCODE_LANG=%q: not en or zh; using %s", shorten(env, 40), name))
	}
	return a.resolved
}

// parseLang reads a language as --lang and ERRCODE_LANG take it: en or zh
// in any case, optionally followed by a region or encoding (zh-CN, zh_TW,
// en-US, zh_CN.UTF-8). ok is false for anything else, and for "".
func parseLang(v string) (l catalog.Lang, ok bool) {
	base, _, _ := strings.Cut(strings.TrimSpace(v), ".")
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	switch strings.ToLower(base) {
	case "en":
		return catalog.English, true
	case "zh":
		return catalog.Chinese, true
	}
	return "", false
}

// shorten cuts s to at most n bytes (on a rune boundary), marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// formatFor returns the output format: -o, checked against the formats
// the result has, else table on a terminal and plain when piped.
func (a *Factory) formatFor(formats []render.Format) (render.Format, error) {
	f := render.Format(a.output)
	if f == "" {
		if a.ios.IsStdoutTTY() {
			return render.FormatTable, nil
		}
		return render.FormatPlain, nil
	}
	if slices.Contains(formats, f) {
		return f, nil
	}
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	return "", usageErr([]string{"use one of: " + strings.Join(names, ", ")}, "invalid output format %q for this command", shown(string(f)))
}

// term is what the exporter knows of stdout.
func (a *Factory) term() render.Term {
	return render.Term{Width: a.ios.TerminalWidth(), Color: a.ios.ColorEnabled()}
}

// explainer returns the use cases, in the output language, resolved when
// first needed (a warning about ERRCODE_LANG follows any usage error, as
// it follows the command's checks of its arguments).
func (a *Factory) explainer() *explain.Explainer {
	return explain.NewLazy(a.catalog(), a.index(), a.Lang)
}

// runOr runs a command's xRun, or runF instead when a test gives one.
func runOr[O any](runF, xRun func(*O) error, opts *O) error {
	if runF != nil {
		return runF(opts)
	}
	return xRun(opts)
}
