package cmd

// The completions the commands share: codes, scopes and products, API
// actions, categories. completion.go is the command that writes the shell
// scripts.

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/search"
	"github.com/errcode-dev/errcode/internal/textsafe"
)

// completeCodes completes one dotted segment of a code at a time, any case,
// with the summary as the description where the shell shows one; scope
// (the command's --product), when set, keeps that product's codes. A crowded
// segment is offered as stems (see search.Index.Complete).
func (a *Factory) completeCodes(prefix, scope string) ([]cobra.Completion, cobra.ShellCompDirective) {
	dir := cobra.ShellCompDirectiveNoFileComp
	lang := a.Lang()
	if scope != "" && !a.catalog().HasScope(scope) {
		scope = ""
	}
	var out []cobra.Completion
	cands := a.index().CompleteScope(prefix, scope)
	stems := map[string]bool{}
	for _, c := range cands {
		if c.Entry == nil {
			stems[c.Value] = true
		}
	}
	for _, c := range cands {
		// A class offered beside its own stem ("AuthFailure" and
		// "AuthFailure.") would stop bash at their common prefix: offer the
		// stem, so that AuthF<TAB> reaches "AuthFailure.". The class itself
		// is still there to type in full.
		if c.Entry != nil && stems[c.Value+"."] {
			continue
		}
		if c.More {
			dir |= cobra.ShellCompDirectiveNoSpace
		}
		if c.Entry != nil {
			out = append(out, cobra.CompletionWithDesc(c.Value, oneLine(explain.OneLineSummary(c.Entry.Summary, lang))))
		} else {
			out = append(out, c.Value)
		}
	}
	return out, dir
}

// addProductFlag adds --product and its alias --scope, both completing the
// catalog's scopes, to c.
func (a *Factory) addProductFlag(c *cobra.Command, target *string, usage string) {
	c.Flags().StringVar(target, "product", "", usage)
	c.Flags().StringVar(target, "scope", "", "alias of --product")
	_ = c.RegisterFlagCompletionFunc("product", a.completeScopes)
	_ = c.RegisterFlagCompletionFunc("scope", a.completeScopes)
}

// completeScopes offers the scopes (common, sdk and the products), each
// product with its name.
func (a *Factory) completeScopes(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return a.scopesFrom(a.catalog().Scopes(), prefix), cobra.ShellCompDirectiveNoFileComp
}

// completeProducts offers the products only, each with its name (parse
// --product, which explains findings as one product's).
func (a *Factory) completeProducts(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var scopes []string
	for _, p := range a.catalog().Products() {
		scopes = append(scopes, p.Scope)
	}
	return a.scopesFrom(scopes, prefix), cobra.ShellCompDirectiveNoFileComp
}

// scopesFrom returns the scopes starting with prefix (any case), a
// product's with its name in the output language.
func (a *Factory) scopesFrom(scopes []string, prefix string) []cobra.Completion {
	lang := a.Lang()
	lp := strings.ToLower(prefix)
	var out []cobra.Completion
	for _, s := range scopes {
		if !strings.HasPrefix(s, lp) {
			continue
		}
		if name := catalog.ProductName(s, lang); name != "" {
			out = append(out, cobra.CompletionWithDesc(s, oneLine(name)))
		} else {
			out = append(out, s)
		}
	}
	return out
}

// completeActions offers the API actions starting with prefix; more than
// search.MaxCompletions are offered as stems, at most half as many, as codes are.
func (a *Factory) completeActions(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	names := a.catalog().Actions(prefix, 0)
	dir := cobra.ShellCompDirectiveNoFileComp
	if len(names) <= search.MaxCompletions {
		return names, dir
	}
	// The longest stems that keep the candidates within MaxCompletions groups.
	stem := func(s string, n int) string { return strings.ToLower(s[:min(len(s), n)]) }
	groups := func(n int) int {
		count, prev := 0, ""
		for _, s := range names {
			if st := stem(s, n); count == 0 || st != prev {
				count, prev = count+1, st
			}
		}
		return count
	}
	n := len(prefix) + 1
	for groups(n+1) <= search.MaxCompletions/2 {
		n++
	}
	var out []cobra.Completion
	for i := 0; i < len(names); {
		j := i + 1
		for j < len(names) && stem(names[j], n) == stem(names[i], n) {
			j++
		}
		if j == i+1 {
			out = append(out, names[i])
		} else {
			out = append(out, names[i][:min(len(names[i]), n)])
			dir |= cobra.ShellCompDirectiveNoSpace
		}
		i = j
	}
	return out, dir
}

func (a *Factory) completeCategories(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return a.catalog().Categories(), cobra.ShellCompDirectiveNoFileComp
}

// oneLine shortens a summary for a completion description: the first
// sentence, at most 60 characters, no control characters.
func oneLine(s string) string {
	s = textsafe.Clean(s)
	for _, sep := range []string{"。", ". "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}
