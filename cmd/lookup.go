package cmd

import (
	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/prefetch"
	"github.com/errcode-dev/errcode/internal/render"
)

// LookupOptions are what `errcode lookup` was asked.
type LookupOptions struct {
	f       *Factory
	Queries []string
	Product string
}

// NewCmdLookup returns `errcode lookup`; runF, when set, runs instead of
// lookupRun (tests).
func NewCmdLookup(f *Factory, runF func(*LookupOptions) error) *cobra.Command {
	opts := &LookupOptions{f: f}
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
			return f.completeCodes(toComplete, opts.Product)
		},
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Queries = args
			return runOr(runF, lookupRun, opts)
		},
	}
	f.addProductFlag(c, &opts.Product, "only codes of this scope: common, sdk, or a product short name such as tcr")
	return c
}

// lookupRun writes one line per code found, as it is found (lookup '*'
// never holds the whole catalog's entries), and a diagnosis per miss.
func lookupRun(opts *LookupOptions) error {
	f := opts.f
	format, err := f.formatFor(render.LookupFormats)
	if err != nil {
		return err
	}
	x := f.explainer()
	x.UseAhead(prefetch.Started()) // started during init when worth it; taken only for its query
	if err := x.CheckScope(opts.Product); err != nil {
		return err
	}
	if err := explain.CheckQueries("lookup", opts.Queries); err != nil {
		return err
	}
	x.Lang() // resolved now: a warning about ERRCODE_LANG comes before the output
	out, err := render.NewExporter(f.ios.Out, format, render.LookupShape(x), f.term())
	if err != nil {
		return err
	}
	missed := false
	err = x.Lookup(opts.Queries, opts.Product, out.Write, func(r explain.Resolution) {
		missed = true
		msg, hints := x.Diagnosis(r)
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
