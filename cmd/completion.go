package cmd

import (
	"bytes"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/search"
	"github.com/errcode-dev/errcode/internal/textsafe"
)

// CompletionOptions are what `errcode completion` was asked.
type CompletionOptions struct {
	f     *Factory
	root  *cobra.Command
	Shell string
}

// NewCmdCompletion returns `errcode completion`; runF, when set, runs
// instead of completionRun (tests).
func NewCmdCompletion(f *Factory, runF func(*CompletionOptions) error) *cobra.Command {
	opts := &CompletionOptions{f: f}
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print a shell completion script",
		Long: `Print the completion script for a shell. It completes subcommands, flags,
flag values, and error codes one dotted segment at a time
(errcode explain AuthF<TAB> → AuthFailure., then AuthFailure.Sig<TAB>).

  bash:        source <(errcode completion bash)
               or: errcode completion bash > /etc/bash_completion.d/errcode
  zsh:         errcode completion zsh > "${fpath[1]}/_errcode"
  fish:        errcode completion fish > ~/.config/fish/completions/errcode.fish
  powershell:  errcode completion powershell | Out-String | Invoke-Expression`,
		ValidArgs:             shells,
		Args:                  completionArgs,
		DisableFlagsInUseLine: true,
		RunE: func(c *cobra.Command, args []string) error {
			opts.root, opts.Shell = c.Root(), args[0]
			return runOr(runF, completionRun, opts)
		},
	}
}

func completionRun(opts *CompletionOptions) error {
	out := opts.f.ios.Out
	switch opts.Shell {
	case "bash":
		return genBash(opts.root, out)
	case "zsh":
		return opts.root.GenZshCompletion(out)
	case "fish":
		return opts.root.GenFishCompletion(out, true)
	}
	return opts.root.GenPowerShellCompletionWithDesc(out)
}

// shells are the shells completion writes a script for.
var shells = []string{"bash", "zsh", "fish", "powershell"}

// completionArgs wants exactly one shell, and names them when it is missing or unknown.
func completionArgs(_ *cobra.Command, args []string) error {
	hint := []string{"name a shell: errcode completion " + strings.Join(shells, "|")}
	switch {
	case len(args) == 0:
		return usageErr(hint, "completion needs a shell")
	case len(args) > 1:
		return usageErr(hint, "completion takes one shell, not %d arguments", len(args))
	case !slices.Contains(shells, args[0]):
		return usageErr(hint, "unknown shell %q", shown(args[0]))
	}
	return nil
}

// bashPrefixMatch is the line of cobra's bash script that keeps only the
// completions starting with the typed word, case-sensitively; genBash makes
// it case-insensitive so that `authf<TAB>` completes to AuthFailure. as it
// does in zsh and fish. A test fails if cobra changes the line.
//
// bashNoDescShortcut is the line that sends completions without a
// description (a lone stem such as "AuthFailure.") through compgen, which
// matches case-sensitively; genBash sends them through the same loop.
const (
	bashPrefixMatch     = `[[ $comp == "$cur"* ]] || continue`
	bashPrefixMatchCI   = `[[ ${comp,,} == "${cur,,}"* ]] || continue`
	bashNoDescShortcut  = `if [[ "${completions[*]}" != *$tab* ]]; then`
	bashNoDescShortcutO = `if false; then # errcode: every completion goes through the case-insensitive loop below`
)

func genBash(root *cobra.Command, w io.Writer) error {
	var buf bytes.Buffer
	if err := root.GenBashCompletionV2(&buf, true); err != nil {
		return err
	}
	script := strings.Replace(buf.String(), bashPrefixMatch, bashPrefixMatchCI, 1)
	script = strings.Replace(script, bashNoDescShortcut, bashNoDescShortcutO, 1)
	_, err := io.WriteString(w, script)
	return err
}

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

// completeScopes offers the scopes, each product with its name.
// addProductFlag adds --product and its alias --scope, both completing the
// catalog's scopes, to c.
func (a *Factory) addProductFlag(c *cobra.Command, target *string, usage string) {
	c.Flags().StringVar(target, "product", "", usage)
	c.Flags().StringVar(target, "scope", "", "alias of --product")
	_ = c.RegisterFlagCompletionFunc("product", a.completeScopes)
	_ = c.RegisterFlagCompletionFunc("scope", a.completeScopes)
}

func (a *Factory) completeScopes(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	lang := a.Lang()
	lp := strings.ToLower(prefix)
	var out []cobra.Completion
	for _, s := range a.catalog().Scopes() {
		if !strings.HasPrefix(s, lp) {
			continue
		}
		if name := catalog.ProductName(s, lang); name != "" {
			out = append(out, cobra.CompletionWithDesc(s, oneLine(name)))
		} else {
			out = append(out, s)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
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
