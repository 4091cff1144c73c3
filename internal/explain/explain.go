// Package explain is what errcode's commands do, without cobra or a
// terminal: it resolves queries (codes, patterns, free text) to catalog
// entries with "did you mean" suggestions, checks and chooses scopes and
// products, explains parsed findings as the product the input points at,
// and builds the result records of lookup, list, explain, products and
// parse as plain structs. internal/render writes those records in every
// format; cmd only wires flags to it.
package explain

import (
	"fmt"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/search"
)

// Explainer answers the commands from one catalog, in one language.
type Explainer struct {
	Cat   *catalog.Catalog
	Index *search.Index
	lang  func() catalog.Lang
	ahead *Ahead // a resolution started ahead of time, if any (UseAhead)
}

// New returns the explainer of cat (with its search index ix) in lang.
func New(cat *catalog.Catalog, ix *search.Index, lang catalog.Lang) *Explainer {
	return NewLazy(cat, ix, func() catalog.Lang { return lang })
}

// NewLazy is New with the language resolved when it is first needed (by
// lang, which is called every time): the arguments are checked first.
func NewLazy(cat *catalog.Catalog, ix *search.Index, lang func() catalog.Lang) *Explainer {
	return &Explainer{Cat: cat, Index: ix, lang: lang}
}

// Lang is the language of the text.
func (x *Explainer) Lang() catalog.Lang { return x.lang() }

// UsageError is a mistake in what was asked (exit status 2): the message
// and the hints that tell the user what to do.
type UsageError struct {
	Msg   string
	Hints []string
}

func (e *UsageError) Error() string { return e.Msg }

func usageErr(hints []string, format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...), Hints: hints}
}

// Say is a word or phrase in lang: the one way errcode's own bilingual
// words are chosen (catalog text carries both languages the same way).
func Say(lang catalog.Lang, en, zh string) string {
	return catalog.Text{En: en, Zh: zh}.In(lang)
}

func (x *Explainer) say(en, zh string) string { return Say(x.Lang(), en, zh) }

// CheckScope rejects a --product that names no scope in the catalog.
func (x *Explainer) CheckScope(scope string) error {
	if scope == "" || x.Cat.HasScope(scope) {
		return nil
	}
	hint := "errcode products lists the products; the other scopes are common and sdk"
	var near []string
	for _, s := range x.Cat.Scopes() {
		if strings.HasPrefix(s, strings.ToLower(scope)) || strings.HasPrefix(strings.ToLower(scope), s) && len(s) >= 3 {
			near = append(near, s)
		}
	}
	if len(near) > 0 && len(near) <= 8 {
		hint = "did you mean " + strings.Join(near, ", ") + "? " + hint
	}
	return usageErr([]string{hint}, "unknown product %q", Shown(scope))
}

// ListScopes joins scopes, at most max of them, saying how many more there are.
func ListScopes(scopes []string, max int) string {
	if len(scopes) <= max {
		return strings.Join(scopes, ", ")
	}
	return strings.Join(scopes[:max], ", ") + fmt.Sprintf(" and %d more", len(scopes)-max)
}

// SummaryText is a one-line summary t in lang for tables and rows: marked
// "[zh] " or "[en] " when it exists only in the other language (an imported
// code with no official text in lang; errcode does not translate those), and
// empty when the code has no description at all.
func SummaryText(t catalog.Text, lang catalog.Lang) string {
	if t == (catalog.Text{}) {
		return ""
	}
	return OneLineSummary(t, lang)
}

// TranslatedMark is the mark tables put before a one-line summary that is
// errcode's translation (SummaryOf says whether it is), and
// TranslatedLegend says what it means.
func TranslatedMark(lang catalog.Lang) string { return Say(lang, "[tr] ", "[译] ") }

// TranslatedLegend is the line under a table whose summaries are marked.
func TranslatedLegend(lang catalog.Lang) string {
	return Say(lang, "[tr]: errcode's translation of Tencent Cloud's Chinese text (--lang zh shows the original).",
		"[译]：errcode 译自腾讯云英文原文（--lang en 显示原文）。")
}

// SummaryOf is SummaryText of definition d; translated says whether it is
// errcode's translation (a table marks it, CSV says so in a column).
func SummaryOf(d catalog.Definition, lang catalog.Lang) (s string, translated bool) {
	return SummaryText(d.Summary, lang), d.Translated.Summary(lang)
}

// OneLineSummary is the summary t in lang on one line, marked when it is only
// in the other language, or a word saying there is none.
func OneLineSummary(t catalog.Text, lang catalog.Lang) string {
	s := t.In(lang)
	switch {
	case s == "":
		return Say(lang, "(no official description)", "（无官方说明）")
	case lang == catalog.English && t.En == "":
		return "[zh] " + s
	case lang == catalog.Chinese && t.Zh == "":
		return "[en] " + s
	}
	return s
}

// VerdictWord is the RETRY column of an entry with this verdict: yes, after
// or no (是, 稍后, 否).
func VerdictWord(v catalog.RetryVerdict, retryable bool, lang catalog.Lang) string {
	switch {
	case v == catalog.RetryAfter:
		return Say(lang, "after", "稍后")
	case retryable:
		return Say(lang, "yes", "是")
	}
	return Say(lang, "no", "否")
}
