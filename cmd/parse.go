package cmd

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/parse"
	"github.com/errcode-dev/errcode/internal/render"
)

// ParseOptions are what `errcode parse` was asked.
type ParseOptions struct {
	f       *Factory
	Files   []string // "-" is standard input
	Summary bool
	Quiet   bool
	Steps   int
	Product string // --product: the product every finding is explained for
	// now and progressMin time the progress line and set the input size
	// from which it is shown (tests shrink both).
	now         func() time.Time
	progressMin int64
}

// progressMinSize is the input size from which parse shows a progress line
// on a terminal.
const progressMinSize = 32 << 20

// NewCmdParse returns `errcode parse`; runF, when set, runs instead of
// parseRun (tests).
func NewCmdParse(f *Factory, runF func(*ParseOptions) error) *cobra.Command {
	opts := &ParseOptions{f: f, Steps: 2, now: time.Now, progressMin: progressMinSize}
	c := &cobra.Command{
		Use:   "parse [FILE...]",
		Short: "Find and explain every Tencent Cloud error in pasted or piped text",
		Long: `Read FILEs (standard input when none is given, or for -) and explain every
Tencent Cloud API error found in them, whatever its shape: API 3.0 and 2.0
JSON bodies (compact, pretty, JSON Lines, inside log lines), curl -i and -v
transcripts, the exception strings of the Go, Python, Java, Node.js, PHP,
Ruby and .NET SDKs, tccli (after any shell prompt) and Terraform output,
Python dict reprs, and known codes or known server messages named in prose.

Secrets in the input (AKID key ids; values of keys such as SecretKey,
Token, Signature, Password or api_key in any case and syntax; Authorization
credentials; URL and DSN passwords) are redacted in every output format, as
are file names, so the output is safe to paste into a ticket. Input is read as a
stream: a multi-gigabyte log takes constant memory, however many distinct
codes it holds (--summary lists at most 1,000 codes that are not in the
catalog and counts the rest as one "(other)" row).

Each finding names the product the text points at (an endpoint host, a
tccli command, an SDK package or class, a service.Action name, a Terraform
resource or a Packer builder, in the record itself, its lines, or up to 5
lines around it) and is explained as that product's; --product overrides
it. A finding whose text points to another cloud (amazonaws.com, botocore,
aliyuncs.com, huaweicloud ...) and to nothing of Tencent Cloud's is set
aside, as is a code other clouds use too (AuthFailure, ClientError,
InvalidParameter ...) found in prose or a Code: line with no Tencent Cloud
evidence; stderr says how many were set aside and why.

When the message itself says to try again later, that the rate is too high,
to retry or never to retry, the retry verdict is the message's. A code not
in the catalog gets its class's guidance and, when the product is known,
that product's codes spelled close to it; an API 2.0 body shows what its
numeric code (4000 ... 6200) means.

Exit status: 0 when at least one error was found (set-aside candidates do
not count), 1 when none was, 2 when an input could not be read or the
output could not be written.`,
		Example: `  curl -s https://cvm.tencentcloudapi.com ... | errcode parse
  tccli cvm DescribeInstances 2>&1 | errcode parse
  kubectl logs app | errcode parse --summary
  errcode parse -o jsonl app.log > errors.jsonl`,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Files = args
			return runOr(runF, parseRun, opts)
		},
	}
	fl := c.Flags()
	fl.BoolVar(&opts.Summary, "summary", false, "a table of codes with counts and first/last line instead of one block per error")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing; the exit status says whether an error was found")
	fl.Var((*stepsValue)(&opts.Steps), "steps", "fix steps shown per error in text output (0: none, -1: all)")
	fl.StringVar(&opts.Product, "product", "", "explain every finding as this product's (short name, as errcode products prints it)")
	_ = c.RegisterFlagCompletionFunc("product", f.completeProducts)
	return c
}

// parseRun scans each input as a stream and writes each finding as it is
// found (JSONL flushed one by one); the text footer and --summary come last.
func parseRun(opts *ParseOptions) error {
	f := opts.f
	format, err := f.formatFor(render.FindingFormats)
	if err != nil {
		return err
	}
	text := format == render.FormatTable || format == render.FormatPlain
	if opts.Summary && format == render.FormatJSONL {
		return usageErr([]string{"use --summary with -o json, yaml, table or plain"}, "--summary has no jsonl form")
	}
	if len(opts.Files) == 0 {
		opts.Files = []string{"-"}
	}
	x, term := f.explainer(), f.term()
	// JSON, JSONL and YAML findings stream with no per-code state; the
	// text footer needs the distinct codes, --summary their rows.
	fs, err := x.Findings(explain.FindingsOptions{Product: opts.Product, Summary: opts.Summary, Tally: text, Getenv: f.ios.Getenv})
	if err != nil {
		return err
	}
	if f.ios.IsStdinTTY() && slices.Contains(opts.Files, "-") && !opts.Quiet {
		fmt.Fprintln(f.ios.ErrOut, "errcode: reading standard input: paste the error, then press Ctrl-D")
	}
	var out *render.Exporter[explain.Finding]
	if !opts.Summary && !opts.Quiet {
		shape := render.FindingShape(render.FindingOptions{Lang: x.Lang(), Width: term.Width, Color: term.Color, Steps: opts.Steps})
		if out, err = render.NewExporter(f.ios.Out, format, shape, term); err != nil {
			return err
		}
	}
	var read parse.Stats // over every input
	unreadable := false  // an input could not be read (and that was said)
	for _, name := range opts.Files {
		st, err := scanInput(opts, fs, out, name)
		read.Bytes, read.Lines, read.Truncated = read.Bytes+st.Bytes, read.Lines+st.Lines, read.Truncated || st.Truncated
		var we writeError
		switch {
		case errors.Is(err, errQuietFound):
			return nil
		case errors.As(err, &we):
			return we.err
		case err != nil:
			unreadable = true
			printErr(f.ios, err.Error(), "check the file name and permissions")
		}
	}
	if !opts.Quiet {
		if err := parseFinish(opts, fs, out, format, read, unreadable); err != nil {
			return err
		}
		if note := fs.Aside(); note != "" {
			fmt.Fprintf(f.ios.ErrOut, "errcode: note: %s\n", note)
		}
	}
	switch {
	case unreadable:
		return &exitError{code: ExitUsage}
	case fs.Total == 0:
		return errNotFound
	}
	return nil
}
