package cmd

import (
	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/prefetch"
	"github.com/errcode-dev/errcode/internal/render"
)

// ExplainOptions are what `errcode explain` was asked.
type ExplainOptions struct {
	f       *Factory
	Codes   []string
	Product string
}

// NewCmdExplain returns `errcode explain`; runF, when set, runs instead of
// explainRun (tests).
func NewCmdExplain(f *Factory, runF func(*ExplainOptions) error) *cobra.Command {
	opts := &ExplainOptions{f: f}
	c := &cobra.Command{
		Use:   "explain CODE...",
		Short: "Explain a code in full: meaning, causes, fix steps, retry advice",
		Long: `Explain each CODE in full: what it means, its likely causes, numbered steps
that fix it, whether and how to retry, related codes, the API actions that
may return it, a docs link, and where the text comes from.

The catalog holds every code of every product in the official SDKs. A code
of a product (errcode explain FailedOperation.ServiceIsolate --product aai)
shows Tencent Cloud's description, its official solution when there is one,
the fix steps and retry advice of its class, the API actions that return it
and where the text comes from.

When the same code is defined by several scopes (InternalError is a common
code and a code of about 200 products), the curated entry (common first) is
shown in full and the other definitions are listed one line each, by
product; --product picks one. A common code asked for with --product P
that P does not define itself is explained for P: the common entry, with
steps that name P's actions and commands. An unknown sub-code
(InternalError.SomethingNew) is explained through its class, with exit
status 1.`,
		Example: `  errcode explain AuthFailure.SignatureExpire
  errcode explain FailedOperation.ServiceIsolate --product aai
  errcode explain InternalError --product tcr
  LANG=zh_CN.UTF-8 errcode explain RequestLimitExceeded`,
		Args: cobra.MinimumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return f.completeCodes(toComplete, opts.Product)
		},
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Codes = args
			return runOr(runF, explainRun, opts)
		},
	}
	f.addProductFlag(c, &opts.Product, "the scope to explain the code in: common, sdk, or a product short name such as tcr")
	return c
}

func explainRun(opts *ExplainOptions) error {
	f := opts.f
	format, err := f.formatFor(render.ExplainFormats)
	if err != nil {
		return err
	}
	x := f.explainer()
	x.UseAhead(prefetch.Started()) // started during init when worth it; taken only for its query
	if err := x.CheckScope(opts.Product); err != nil {
		return err
	}
	if err := explain.CheckQueries("explain", opts.Codes); err != nil {
		return err
	}
	x.Lang() // resolved now: a warning about ERRCODE_LANG comes before the output
	out, err := render.NewExporter(f.ios.Out, format, render.ExplainShape(x, f.term()), f.term())
	if err != nil {
		return err
	}
	missed := false
	err = x.Explain(opts.Codes, opts.Product, out.Write, func(msg string, hints []string) {
		missed = true
		printErr(f.ios, msg, hints...)
	})
	if err == nil {
		err = out.Close()
	}
	if err == nil && missed {
		return errNotFound
	}
	return err
}
