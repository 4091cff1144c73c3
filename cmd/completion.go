package cmd

import (
	"bytes"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
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
