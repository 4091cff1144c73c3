// Package cmd wires errcode's subcommands with cobra. It owns the exit-status
// table (see errors.go) and the global flags. Each command file has the
// cli/cli shape: an options struct, NewCmdX(f, runF) that parses flags into
// it, and xRun(opts) that hands the use case's records (internal/explain)
// to the exporter of their shape (internal/render).
package cmd

import (
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/iostreams"
	"github.com/errcode-dev/errcode/internal/redact"
	"github.com/errcode-dev/errcode/internal/render"
	"github.com/errcode-dev/errcode/internal/textsafe"
)

// version is stamped by `make dist` with -ldflags "-X .../cmd.version=v1.2.3";
// otherwise it comes from the module's build info.
var version = ""

// Main runs errcode with args and returns the exit status. It prints every
// error once, as "errcode: error: ..." with "errcode: hint: ..." lines.
//
// Output that cannot be written (a full disk, /dev/full) is an error too,
// whichever code wrote it (a command, help, completion): exit status 2.
func Main(args []string, ios *iostreams.IOStreams) int {
	out := &iostreams.ErrWriter{W: ios.Out}
	wrapped := *ios
	wrapped.Out = out
	ios = &wrapped
	a := &Factory{ios: ios}
	root := newRootCmd(a)
	root.SetArgs(args)
	err := root.Execute()
	if werr := out.Err(); werr != nil {
		printErr(ios, "writing output: "+iostreams.WriteErrorText(werr), "check the disk or the pipe that receives errcode's output")
		return ExitUsage
	}
	if err == nil {
		return ExitOK
	}
	var ue *explain.UsageError
	if errors.As(err, &ue) {
		printErr(ios, ue.Msg, ue.Hints...)
		return ExitUsage
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			printErr(ios, ee.msg, ee.hints...)
		}
		return ee.code
	}
	// Errors from cobra itself: unknown command or flag, bad flag value, wrong argument count.
	printErr(ios, err.Error(), "run 'errcode --help' for usage")
	return ExitUsage
}

// NewRootCmd returns the root command wired to ios, for tools that walk the
// command tree (man pages, docs). Main is the way to run errcode.
func NewRootCmd(ios *iostreams.IOStreams) *cobra.Command { return newRootCmd(&Factory{ios: ios}) }

// printWarn writes one warning line to stderr, redacted and made safe for a
// terminal.
func printWarn(ios *iostreams.IOStreams, msg string) {
	fmt.Fprintf(ios.ErrOut, "errcode: warning: %s\n", textsafe.Clean(redact.String(msg)))
}

// printErr writes one error line and its hints to stderr, redacted (they
// may quote arguments and file names) and made safe for a terminal. It is
// the one place stderr text is escaped: callers pass raw text, quoted with
// %q where it needs delimiting (strconv's quoting already writes every
// textsafe.Unsafe rune and invalid byte as the same escape Clean would, so
// Clean leaves it as it is). Escaping before %q would escape twice.
func printErr(ios *iostreams.IOStreams, msg string, hints ...string) {
	fmt.Fprintf(ios.ErrOut, "errcode: error: %s\n", textsafe.Clean(redact.String(msg)))
	for _, h := range hints {
		fmt.Fprintf(ios.ErrOut, "errcode: hint: %s\n", textsafe.Clean(redact.String(h)))
	}
}

// shown is an argument or file name as errcode may echo it (see explain.Shown).
func shown(arg string) string { return explain.Shown(arg) }

const rootLong = `errcode explains Tencent Cloud API error codes: what a code means, why it
happens, whether to retry, and exactly what to do. It works offline: the
catalog is built into the binary.

Exit status:
  0  found (every code resolved; parse found at least one error)
  1  nothing found (an unknown code, even one shown through its class; no error in the input)
  2  usage or input error, or output that cannot be written

Environment:
  ERRCODE_LANG                  default for --lang (en or zh; another value is ignored with a warning)
  LC_ALL, LC_MESSAGES, LANG     used when ERRCODE_LANG is unset: zh* means Chinese
  NO_COLOR                      set and non-empty: no colour
  CLICOLOR=0                    no colour;  CLICOLOR_FORCE=1: colour even when piped
  ERRCODE_FORCE_TTY             lay out stdout as for a terminal, not its colour (a number sets the width)
  COLUMNS                       terminal width when it cannot be read from the terminal`

func init() { cobra.AddTemplateFunc("errcodeVersion", buildVersion) }

func newRootCmd(a *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "errcode",
		Short: "Explain Tencent Cloud API error codes, offline",
		Long:  rootLong,
		// The real version is read only when --version asks (see the template).
		Version:       "-",
		SilenceErrors: true,
		SilenceUsage:  true,
		// Bare `errcode` prints help; `errcode nosuch` is an unknown command.
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
		PersistentPreRunE: func(c *cobra.Command, _ []string) error {
			if err := a.ios.SetColorMode(a.color); err != nil {
				return usageErr([]string{"use --color auto, always or never"}, "%v", err)
			}
			if _, ok := parseLang(a.lang); a.lang != "" && !ok {
				return usageErr([]string{"use --lang en or --lang zh (any case; a region such as zh-CN may follow)"}, "invalid --lang %q", shown(shorten(a.lang, 40)))
			}
			return nil
		},
	}
	root.SetOut(a.ios.Out)
	root.SetErr(a.ios.ErrOut)
	root.SetIn(a.ios.In)
	root.SetVersionTemplate("errcode {{errcodeVersion}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr([]string{fmt.Sprintf("run '%s --help' for usage", c.CommandPath())}, "%v", err)
	})

	pf := root.PersistentFlags()
	pf.StringVarP(&a.output, "output", "o", "", "output format: table, plain, json, yaml (list also: csv, markdown; parse also: jsonl) (default: table on a terminal, plain when piped)")
	pf.StringVar(&a.lang, "lang", "", "language of the text: en or zh (default: $ERRCODE_LANG, then the locale)")
	pf.StringVar(&a.color, "color", "auto", "colour: auto, always or never (auto honours NO_COLOR, CLICOLOR, CLICOLOR_FORCE)")
	_ = root.RegisterFlagCompletionFunc("output", fixedCompletion(formatNames()...))
	_ = root.RegisterFlagCompletionFunc("lang", fixedCompletion("en\tEnglish", "zh\t中文"))
	_ = root.RegisterFlagCompletionFunc("color", fixedCompletion(iostreams.ColorModes...))

	root.AddCommand(
		NewCmdLookup(a, nil),
		NewCmdList(a, nil),
		NewCmdExplain(a, nil),
		NewCmdProducts(a, nil),
		NewCmdParse(a, nil),
		NewCmdCompletion(a, nil),
	)
	addHelpTopics(root)
	return root
}

// buildVersion returns the stamped version (make build, make dist), else
// what the build info knows: the module version (a tag, for `go install
// ...@v1.2.3`), else the VCS revision of the checkout it was built from
// (devel-0123456789ab, -dirty with local changes). `go run .` and builds with
// -buildvcs=false record neither, and say so.
func buildVersion() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	return versionFrom(bi, ok)
}

func versionFrom(bi *debug.BuildInfo, ok bool) string {
	if !ok || bi == nil {
		return "devel (no build information)"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev == "" {
		return "devel (no version information: built by go run or with -buildvcs=false; make build stamps one)"
	}
	return "devel-" + rev[:min(len(rev), 12)] + dirty
}

func formatNames() []string {
	var out []string
	for _, f := range render.Formats {
		out = append(out, string(f))
	}
	return out
}

func fixedCompletion(values ...string) func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}
