package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/diagnose"
	"github.com/errcode-dev/errcode/internal/evidence"
	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/parse"
	"github.com/errcode-dev/errcode/internal/redact"
	"github.com/errcode-dev/errcode/internal/render"
	"github.com/errcode-dev/errcode/internal/search"
	"github.com/errcode-dev/errcode/internal/textsafe"
)

type parseOptions struct {
	summary bool
	quiet   bool
	steps   int
	product string // --product: the product every finding is explained for
	now     func() time.Time
	// progressMin is the input size from which a progress line is shown.
	progressMin int64
}

func newParseCmd(a *Factory) *cobra.Command {
	opts := &parseOptions{now: time.Now, progressMin: progressMinSize}
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
  kubectl logs Factory | errcode parse --summary
  errcode parse -o jsonl Factory.log > errors.jsonl`,
		RunE: func(_ *cobra.Command, args []string) error { return parseRun(a, opts, args) },
	}
	f := c.Flags()
	f.BoolVar(&opts.summary, "summary", false, "a table of codes with counts and first/last line instead of one block per error")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print nothing; the exit status says whether an error was found")
	opts.steps = 2
	f.Var((*stepsValue)(&opts.steps), "steps", "fix steps shown per error in text output (0: none, -1: all)")
	f.StringVar(&opts.product, "product", "", "explain every finding as this product's (short name, as errcode products prints it)")
	_ = c.RegisterFlagCompletionFunc("product", func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, pr := range a.catalog().Products() {
			if strings.HasPrefix(pr.Scope, strings.ToLower(toComplete)) {
				out = append(out, pr.Scope)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	return c
}

// parseRecord is one finding in JSON and JSONL output. Field names are part
// of errcode's interface: add fields, never rename them.
type parseRecord struct {
	Code        string   `json:"code" yaml:"code"`
	Message     string   `json:"message" yaml:"message"`
	RequestID   string   `json:"request_id" yaml:"request_id"`
	LegacyCode  string   `json:"legacy_code,omitempty" yaml:"legacy_code,omitempty"`
	HTTPStatus  int      `json:"http_status,omitempty" yaml:"http_status,omitempty"`
	Host        string   `json:"host,omitempty" yaml:"host,omitempty"`
	Service     string   `json:"service,omitempty" yaml:"service,omitempty"`
	Action      string   `json:"action,omitempty" yaml:"action,omitempty"`
	Version     string   `json:"version,omitempty" yaml:"version,omitempty"`
	File        string   `json:"file" yaml:"file"`
	Line        int      `json:"line" yaml:"line"`
	Shape       string   `json:"shape" yaml:"shape"`
	Confidence  string   `json:"confidence" yaml:"confidence"`
	Inferred    bool     `json:"inferred" yaml:"inferred"`
	Truncated   bool     `json:"truncated" yaml:"truncated"`
	Cut         bool     `json:"cut" yaml:"cut"`
	Known       bool     `json:"known" yaml:"known"`
	Explained   string   `json:"explained_as" yaml:"explained_as"`
	Scope       string   `json:"scope" yaml:"scope"`
	Category    string   `json:"category" yaml:"category"`
	Summary     string   `json:"summary" yaml:"summary"`
	Retryable   bool     `json:"retryable" yaml:"retryable"`
	Retry       string   `json:"retry" yaml:"retry"`
	Remediation []string `json:"remediation" yaml:"remediation"`
	Notes       []string `json:"notes" yaml:"notes"`
	// Product is the product the finding is explained for (a short name,
	// "" when nothing points at one), ProductEvidence what decided it.
	Product         string `json:"product" yaml:"product"`
	ProductEvidence string `json:"product_evidence" yaml:"product_evidence"`
	// Candidates names the products that define the code when several do
	// and nothing in the input says which (the explanation is the first's).
	Candidates []string `json:"candidates,omitempty" yaml:"candidates,omitempty"`
	// RetryVerdict is "yes", "after" or "no" (see catalog.RetryVerdict),
	// RetryEvidence what decided it; both empty when nothing explains the
	// code. retryAfter is the condition of "after", for the text output.
	RetryVerdict  string `json:"retry_verdict" yaml:"retry_verdict"`
	RetryEvidence string `json:"retry_evidence" yaml:"retry_evidence"`
	retryAfter    string
	// LegacyMeaning is what an API 2.0 numeric code (LegacyCode) means, in
	// Tencent Cloud's words (catalog/api2.yaml).
	LegacyMeaning string `json:"legacy_meaning,omitempty" yaml:"legacy_meaning,omitempty"`
	// Suggestions are the codes of Product that are spelled close to a
	// code that is not in the catalog ("did you mean").
	Suggestions []string `json:"suggestions,omitempty" yaml:"suggestions,omitempty"`
	// classGuide: Explained is a class that only classes.yaml's guidance
	// knows (no entry), retryMessage: the verdict is the message's.
	classGuide, retryMessage bool
}

// codeCount is one row of --summary.
type codeCount struct {
	Code      string `json:"code" yaml:"code"`
	Count     int    `json:"count" yaml:"count"`
	FirstLine int    `json:"first_line" yaml:"first_line"`
	LastLine  int    `json:"last_line" yaml:"last_line"`
	FirstFile string `json:"first_file" yaml:"first_file"`
	LastFile  string `json:"last_file" yaml:"last_file"`
	Known     bool   `json:"known" yaml:"known"`
	Summary   string `json:"summary" yaml:"summary"`
	// Other marks the last row, "(other)": the errors whose code is one of
	// the unknown codes past the first maxUnknownCodes, counted together.
	Other bool `json:"other,omitempty" yaml:"other,omitempty"`
}

// stepsValue is --steps: a count of steps, or -1 for all of them. Its
// errors are errcode's own words, not strconv's.
type stepsValue int

func (v *stepsValue) String() string { return strconv.Itoa(int(*v)) }
func (v *stepsValue) Type() string   { return "int" }
func (v *stepsValue) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < -1 {
		return errors.New("want a number of steps: 0 for none, -1 for all")
	}
	*v = stepsValue(n)
	return nil
}

// errQuietFound stops a --quiet scan at the first finding.
var errQuietFound = errors.New("found")

func parseRun(a *Factory, opts *parseOptions, args []string) error {
	format, err := a.format(outTable, outPlain, outJSON, outJSONL, outYAML)
	if err != nil {
		return err
	}
	if opts.summary && format == outJSONL {
		return usageErr([]string{"use --summary with -o json, yaml, table or plain"}, "--summary has no jsonl form")
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	if opts.product != "" {
		pr, ok := a.catalog().Product(opts.product)
		if !ok {
			return usageErr([]string{"errcode products lists the short names"}, "unknown product %q", shown(opts.product))
		}
		opts.product = pr.Scope
	}
	if a.ios.IsStdinTTY() && contains(args, "-") && !opts.quiet {
		fmt.Fprintln(a.ios.ErrOut, "errcode: reading standard input: paste the error, then press Ctrl-D")
	}
	p := &parser{a: a, opts: opts, lang: a.Lang(), format: format}
	if opts.summary || format == outTable || format == outPlain {
		// JSON, JSONL and YAML findings stream with no per-code state; the
		// text footer needs the distinct codes, --summary their rows.
		p.tally = newCodeTally(opts.summary)
	}
	p.out = bufio.NewWriter(a.ios.Out)
	if format == outJSON && !opts.summary {
		p.out.WriteString("[")
	}
	for _, name := range args {
		if err := p.scanFile(name); err != nil {
			if errors.Is(err, errQuietFound) {
				return nil
			}
			var we writeError
			if errors.As(err, &we) {
				return we.err
			}
			p.unreadable = true
			printErr(a.ios, err.Error(), "check the file name and permissions")
		}
	}
	if err := p.finish(); err != nil {
		return err
	}
	p.sayAside()
	switch {
	case p.unreadable:
		return &exitError{code: ExitUsage}
	case p.total == 0:
		return errNotFound
	}
	return nil
}

// writeError marks a failure to write the output, which ends the scan.
type writeError struct{ err error }

func (w writeError) Error() string { return w.err.Error() }

type parser struct {
	a      *Factory
	opts   *parseOptions
	lang   catalog.Lang
	format string
	out    *bufio.Writer

	total      int
	unreadable bool // an input could not be read (and that was said)
	files      int
	bytes      int64
	lines      int
	unknown    int
	trunc      bool
	tally      *codeTally // nil when the output needs no per-code state
	progress   *progressLine
	scopes     map[scopeKey]scopePick // pickScope's answers: logs repeat the same errors

	ex       *evidence.Extractor
	products map[string]bool // the catalog's product short names
	foreign  map[string]int  // set-aside findings by the other cloud they point at
	common   int             // set-aside common words with no Tencent Cloud evidence
	bare     int             // set-aside bare numeric API 2.0 codes with no Tencent Cloud evidence
	// productCodes caches the codes of a product, for did-you-mean.
	productCodes map[string][]string
	// oneScope caches whether a code is defined once at most (--summary
	// needs no product evidence for it).
	oneScope map[string]bool
	// tencentSeen is set once the current file has shown Tencent Cloud
	// evidence: a common word in it is then taken for Tencent Cloud's.
	tencentSeen bool
}

// scopeKey is the evidence pickScope weighs.
type scopeKey struct{ code, service, action, version string }

// scopePick is what pickScope decided.
type scopePick struct {
	scope      string
	candidates []string
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func (p *parser) scanFile(name string) error {
	var r io.Reader
	// display is the name as shown everywhere (block headers, the file field,
	// --summary, progress, errors): a file name can hold a key.
	display := redact.String(name)
	var size int64 = -1
	if name == "-" {
		r = p.a.ios.In
	} else {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("cannot read %s", describeOpenErr(display, err))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil {
			if st.IsDir() {
				return fmt.Errorf("cannot read %q: it is a directory", display)
			}
			size = st.Size()
		}
		r = f
	}
	p.files++
	p.tencentSeen = false
	opt := parse.Options{
		KnownCode:    p.knownCode,
		InferCode:    p.a.index().InferCode,
		MessageWord:  p.a.index().MessageWord,
		ContextLines: evidenceLines,
	}
	if p.a.ios.IsStderrTTY() && !p.opts.quiet && size >= p.opts.progressMin {
		p.progress = newProgressLine(p.a.ios.ErrOut, display, size, p.opts.now)
		opt.Progress = func(s parse.Stats) { p.progress.update(s) }
	}
	st, err := parse.Scan(r, opt, func(f parse.Finding) error { return p.emit(display, f) })
	if p.progress != nil {
		p.progress.clear()
		p.progress = nil
	}
	p.bytes += st.Bytes
	p.lines += st.Lines
	p.trunc = p.trunc || st.Truncated
	if err != nil {
		if errors.Is(err, errQuietFound) {
			return err
		}
		var we writeError
		if errors.As(err, &we) {
			return err
		}
		return fmt.Errorf("reading %s: %v", display, err)
	}
	return nil
}

func describeOpenErr(name string, err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%q: %v", name, pe.Err)
	}
	return fmt.Sprintf("%q: %v", name, err)
}

// emit explains one finding and writes it in the chosen format.
func (p *parser) emit(file string, f parse.Finding) error {
	ev := p.evidence(&f)
	if ev.Foreign != "" {
		p.foreign[ev.Foreign]++
		return nil
	}
	if ev.Tencent {
		p.tencentSeen = true
	}
	if !ev.Tencent && !p.tencentSeen && (f.Shape == parse.ShapeProse || f.Shape == parse.ShapeCodeMessage) && evidence.CommonWords[strings.ToLower(f.Code)] {
		p.common++
		return nil
	}
	if !ev.Tencent && !p.tencentSeen && bareNumeric(f) {
		p.bare++
		return nil
	}
	p.total++
	if p.opts.quiet {
		return errQuietFound
	}
	rec := p.record(file, f, ev)
	if !rec.Known {
		p.unknown++
	}
	if p.tally != nil {
		p.tally.add(rec.Code, file, rec.Line, rec.Known, rec.Summary)
	}
	if p.opts.summary {
		return nil
	}
	var err error
	switch p.format {
	case outJSONL:
		err = render.JSONLine(p.out, rec)
		if err == nil {
			err = p.out.Flush() // stream: a reader sees each finding as it is found
		}
	case outJSON:
		if p.total > 1 {
			p.out.WriteString(",")
		}
		p.out.WriteString("\n")
		err = render.JSONLine(p.out, rec)
	case outYAML:
		err = render.YAML(p.out, []parseRecord{rec})
	default:
		err = p.writeBlock(rec)
	}
	if err == nil {
		// The buffer keeps a failed write's error: stop scanning at once
		// rather than at the end of the input.
		_, err = p.out.Write(nil)
	}
	if err != nil {
		return writeError{err}
	}
	return nil
}

// record builds the output record of f: redacted, with the catalog's
// explanation of its code (or of its class) and the diagnostics that apply.
func (p *parser) record(file string, f parse.Finding, ev evidence.Result) parseRecord {
	red := redact.String
	if f.Cut || f.Truncated {
		red = redact.Cut // a field may end inside a secret: hide its start too
	}
	rec := parseRecord{
		Code:       red(f.Code),
		Message:    red(f.Message),
		RequestID:  red(f.RequestID),
		LegacyCode: red(f.LegacyCode),
		HTTPStatus: f.HTTPStatus,
		Host:       red(f.Host),
		Service:    red(f.Service),
		Action:     red(f.Action),
		Version:    red(f.Version),
		File:       file,
		Line:       f.Line,
		Shape:      string(f.Shape),
		Confidence: string(f.Confidence),
		Inferred:   f.Inferred,
		Truncated:  f.Truncated,
		Cut:        f.Cut,
		Category:   catalog.Category(f.Code),
		Notes:      []string{},
	}
	cat := p.a.catalog()
	pick := p.pickScope(f)
	// The product: --product, else the text's evidence, else what
	// pickScope makes of the action. Its own definition explains the code
	// where it has one, else the common entry (explained for it), else
	// pickScope's choice.
	prod, why := ev.Product, ev.Evidence
	if p.opts.product != "" {
		prod, why = p.opts.product, "--product "+p.opts.product
		if ev.Product != "" && ev.Product != prod {
			rec.Notes = append(rec.Notes, p.word(
				fmt.Sprintf("the input points at %s (%s); explained as %s's, as --product asks", ev.Product, ev.Evidence, prod),
				fmt.Sprintf("输入指向 %s（%s）；按 --product 的要求以 %s 解释", ev.Product, ev.Evidence, prod)))
		}
	}
	var notDefined *catalog.Entry // prod's class guidance for a code other products define
	if prod != "" {
		switch {
		case cat.Get(prod, f.Code) != nil, !cat.Has(f.Code):
			pick = scopePick{scope: prod} // its own definition, else its class
		case cat.Get(catalog.ScopeCommon, f.Code) != nil:
			pick = scopePick{} // the common entry, explained for prod
		default:
			// Other products define the code, prod does not, and no common
			// entry does: prod's guidance for its class, never another
			// product's definition (TCR's AuthFailure for a CVM error).
			if g, ok := cat.ClassGuide(catalog.Category(f.Code), prod, catalog.Call{Action: f.Action, Version: f.Version}); ok {
				notDefined, pick = g, scopePick{scope: prod}
				rec.Notes = append(rec.Notes, p.word(
					fmt.Sprintf("%s does not define %s (other products do): explained with errcode's steps for every %s, for %s", prod, f.Code, g.Code, prod),
					fmt.Sprintf("%s 未定义 %s（其他产品有定义）：以 errcode 对所有 %s 的步骤、按 %s 解释", prod, f.Code, g.Code, prod)))
			}
		}
	}
	e, exact := cat.Resolve(pick.scope, f.Code)
	if notDefined != nil {
		e, exact = notDefined, false
	}
	rec.Known = e != nil && exact || notDefined != nil
	if f.LegacyCode != "" {
		if c, ok := catalog.API2(f.LegacyCode); ok {
			rec.LegacyMeaning = c.Meaning.In(p.lang)
		}
	}
	if prod == "" {
		prod = p.evidenceProduct(f, pick)
		if prod != "" {
			why = p.fieldEvidence(f, prod)
		}
	}
	rec.Product, rec.ProductEvidence = prod, why
	if len(ev.Conflicts) > 0 && ev.Product == prod {
		var other []string
		for _, c := range ev.Conflicts {
			other = append(other, c.Product+" ("+c.Text+")")
		}
		rec.Notes = append(rec.Notes, p.word(
			"the input also points at "+strings.Join(other, ", ")+"; the closest, strongest evidence decided",
			"输入也指向 "+strings.Join(other, "、")+"；以最近、最强的依据为准"))
	}
	// The steps speak of the product the input points at, and of the
	// failing call when it is known.
	call := catalog.Call{Action: f.Action, Version: f.Version}
	if prod != "" && e != nil {
		e = cat.ForProduct(e, prod, call)
	}
	if e == nil && !bareNumeric(f) {
		// Neither the code nor a parent is an entry: classes.yaml's
		// guidance for its class, explained for the product.
		if g, ok := cat.ClassGuide(catalog.Category(f.Code), prod, call); ok {
			e, rec.classGuide = g, true
		}
	}
	if !rec.Known && prod != "" && !p.opts.summary && !bareNumeric(f) {
		rec.Suggestions = slices.DeleteFunc(search.Nearest(f.Code, p.codesOf(prod), 4), func(c string) bool { return e != nil && c == e.Code })
		if len(rec.Suggestions) > 3 {
			rec.Suggestions = rec.Suggestions[:3]
		}
	}
	rec.Remediation = []string{}
	if e != nil {
		rec.Explained, rec.Scope = e.Code, e.Scope
		rec.Summary = e.Summary.In(p.lang)
		rec.Retryable = e.Retryable
		rec.Retry = e.Retry.In(p.lang)
		rec.RetryVerdict, rec.RetryEvidence, rec.retryAfter = string(e.Verdict), e.RetryEvidence.In(p.lang), e.RetryAfter.In(p.lang)
		rec.Remediation = e.Steps(p.lang)
	}
	// The finding's own message may say more than the code: "please try
	// again later", "do not retry". A message that says to retry (or
	// never to) decides; one that says to fix something first does not
	// overrule the code's advice.
	if mv, ok := catalog.MessageRetry(f.Message); ok && (mv.Verdict.Retryable() || mv.Rule == "never") && string(mv.Verdict) != rec.RetryVerdict {
		rec.RetryVerdict, rec.Retryable, rec.retryMessage = string(mv.Verdict), mv.Verdict.Retryable(), true
		rec.Retry, rec.RetryEvidence, rec.retryAfter = mv.Retry.In(p.lang), mv.Evidence.In(p.lang), mv.RetryAfter.In(p.lang)
	}
	if len(pick.candidates) > 1 && e != nil && exact {
		rec.Candidates = pick.candidates
		names := listScopes(pick.candidates, 8)
		rec.Notes = append(rec.Notes, p.word(
			fmt.Sprintf("%d products define %s (%s) and nothing in the input says which: explained as %s's; see errcode explain %s --product PRODUCT",
				len(pick.candidates), rec.Code, names, e.Scope, rec.Code),
			fmt.Sprintf("%d 个产品定义了 %s（%s），输入中没有可判断产品的信息：以下按 %s 解释；其他产品的说明见 errcode explain %s --product 产品",
				len(pick.candidates), rec.Code, names, e.Scope, rec.Code)))
	}
	rec.Notes = append(rec.Notes, diagnose.Finding(f, diagnose.Env{Getenv: p.a.ios.Getenv, Lang: string(p.lang)})...)
	if f.Truncated {
		rec.Notes = append(rec.Notes, p.word("the input ends inside this error (truncated): the fields shown are what was there",
			"输入在此错误中途结束（被截断）：仅显示已有的字段"))
	}
	return rec
}

// evidenceProduct is the product the input points at for f: the one
// pickScope chose, else the product its host or tccli service names.
func (p *parser) evidenceProduct(f parse.Finding, pick scopePick) string {
	cat := p.a.catalog()
	if pick.scope != "" && pick.scope != catalog.ScopeCommon && pick.scope != catalog.ScopeSDK && len(pick.candidates) == 0 {
		return pick.scope
	}
	if f.Service != "" {
		if pr, ok := cat.Product(f.Service); ok {
			return pr.Scope
		}
	}
	return ""
}

// knownCode tells the parser which codes to accept in prose: a code of the
// catalog that is dotted (FailedOperation.ServiceIsolate), or an undotted one
// that the curated layer or at least three products define (InternalError,
// ResourcesSoldOut). An undotted code only one or two products define
// (SystemError, InternalServerError) is too often an ordinary word in logs.
func (p *parser) knownCode(code string) bool {
	cat := p.a.catalog()
	if !cat.Has(code) {
		// an API 2.0 numeric code ({"code":4100,...} with no codeDesc)
		_, ok := catalog.API2(code)
		return ok
	}
	if strings.Contains(code, ".") {
		return true
	}
	scopes := cat.FindScopes(code)
	if len(scopes) >= 3 || slices.Contains(scopes, catalog.ScopeCommon) || slices.Contains(scopes, catalog.ScopeSDK) {
		return true
	}
	for _, e := range cat.Find(code) {
		if !e.Imported {
			return true
		}
	}
	return false
}

// pickScope chooses the product whose definition of f's code explains it,
// from the evidence in the input: the endpoint host's first label or
// tccli's service (cvm.tencentcloudapi.com, tccli cvm ...) names a product
// directly; else the X-TC-Action (and X-TC-Version) keep the products whose
// definition lists that action (and version). When several products define
// the code, none of them is the common or curated entry, and the evidence
// does not single one out, the candidates are returned for a note; the
// code is then explained as the curated entry (as explain shows it first),
// else as the first product's.
func (p *parser) pickScope(f parse.Finding) scopePick {
	k := scopeKey{strings.ToLower(f.Code), strings.ToLower(f.Service), f.Action, f.Version}
	if pick, ok := p.scopes[k]; ok {
		return pick
	}
	pick := p.decideScope(f)
	if p.scopes == nil || len(p.scopes) > 4096 {
		p.scopes = map[scopeKey]scopePick{}
	}
	p.scopes[k] = pick
	return pick
}

func (p *parser) decideScope(f parse.Finding) scopePick {
	cat := p.a.catalog()
	if f.Service != "" {
		if _, ok := cat.Product(f.Service); ok {
			pr, _ := cat.Product(f.Service)
			return scopePick{scope: pr.Scope}
		}
	}
	scopes := cat.FindScopes(f.Code)
	var products []string
	for _, s := range scopes {
		if s != catalog.ScopeCommon && s != catalog.ScopeSDK {
			products = append(products, s)
		}
	}
	if len(products) == 0 || len(products) == 1 && len(scopes) == 1 {
		return scopePick{}
	}
	if f.Action != "" || f.Version != "" {
		var fit []string
		for _, e := range cat.Find(f.Code) {
			if !slices.Contains(products, e.Scope) || slices.Contains(fit, e.Scope) {
				continue
			}
			if f.Action != "" && !slices.ContainsFunc(e.Actions, func(a string) bool { return strings.EqualFold(a, f.Action) }) {
				continue
			}
			if f.Version != "" && len(e.Versions) > 0 && !slices.Contains(e.Versions, f.Version) {
				continue
			}
			fit = append(fit, e.Scope)
		}
		if len(fit) == 1 {
			return scopePick{scope: fit[0]}
		}
		if len(fit) > 1 {
			products = fit
		}
	}
	// Nothing points at one product. A common code explains itself; else the
	// curated entry, as explain shows it first, else the first product's;
	// and the note names the candidates.
	if len(scopes) > 0 && (scopes[0] == catalog.ScopeCommon || len(products) == 0) {
		return scopePick{}
	}
	pick := scopePick{scope: products[0]}
	for _, e := range cat.Find(f.Code) {
		if !e.Imported && slices.Contains(products, e.Scope) {
			pick.scope = e.Scope
			break
		}
	}
	if len(products) >= 2 {
		pick.candidates = products
	}
	return pick
}

func (p *parser) word(en, zh string) string {
	if p.lang == catalog.Chinese {
		return zh
	}
	return en
}

// writeBlock writes the text form of one finding.
func (p *parser) writeBlock(rec parseRecord) error {
	ios := p.a.ios
	color := ios.ColorEnabled()
	width := ios.TerminalWidth()
	if width > 100 {
		width = 100
	}
	clean := textsafe.Clean
	w := p.out
	if p.total > 1 {
		w.WriteString("\n")
	}
	head := clean(rec.Code)
	if color {
		head = "\x1b[1m" + head + "\x1b[22m"
	}
	where := fmt.Sprintf("%s%d", p.word("line ", "第 "), rec.Line)
	if p.lang == catalog.Chinese {
		where += " 行"
	}
	if p.files > 1 || rec.File != "-" {
		where = clean(rec.File) + ":" + strconv.Itoa(rec.Line)
	}
	meta := where + " · " + rec.Shape
	if rec.Confidence != "high" {
		meta += " · " + p.word("confidence ", "置信度 ") + rec.Confidence
	}
	if rec.Inferred {
		meta += " · " + p.word("code inferred from the message", "错误码由消息推断")
	}
	sep := "  "
	if displayWidth(clean(rec.Code))+2+displayWidth(meta) > width {
		sep = "\n  " // a long path: the location on a line of its own
	}
	if color {
		meta = "\x1b[2m" + meta + "\x1b[22m"
	}
	fmt.Fprintf(w, "%s%s%s\n", head, sep, meta)
	label := func(en, zh string) string {
		l := p.word(en, zh)
		pad := 12 - displayWidth(l)
		if pad < 1 {
			pad = 1
		}
		return "  " + l + strings.Repeat(" ", pad)
	}
	indent := strings.Repeat(" ", 14)
	field := func(en, zh, v string) {
		if v != "" {
			w.WriteString(render.Wrap(clean(v), width, label(en, zh), indent) + "\n")
		}
	}
	field("message", "消息", rec.Message)
	field("request id", "请求 ID", rec.RequestID)
	var http []string
	if rec.HTTPStatus != 0 {
		http = append(http, "HTTP "+strconv.Itoa(rec.HTTPStatus))
	}
	switch {
	case rec.Host != "":
		http = append(http, rec.Host)
	case rec.Service != "":
		http = append(http, rec.Service)
	}
	switch {
	case rec.Action != "" && rec.Version != "":
		http = append(http, rec.Action+" ("+rec.Version+")")
	case rec.Action != "":
		http = append(http, rec.Action)
	}
	if len(http) > 0 { // one unit: never wrapped
		w.WriteString(label("request", "请求") + clean(strings.Join(http, " · ")) + "\n")
	}
	notIn := p.word("not in the catalog", "不在错误码目录中")
	if rec.Product != "" {
		notIn = p.word("not in the catalog (product "+rec.Product+")", "不在错误码目录中（产品 "+rec.Product+"）")
	}
	switch {
	case rec.Explained == "" && rec.LegacyMeaning != "":
		field("meaning", "含义", p.word("API 2.0 code "+rec.LegacyCode+": ", "API 2.0 错误码 "+rec.LegacyCode+"：")+rec.LegacyMeaning)
	case rec.Explained == "":
		field("meaning", "含义", notIn+p.word(", and neither is its class "+rec.Category, "，其类别 "+rec.Category+" 也不在"))
	case rec.classGuide && rec.Summary != "":
		field("meaning", "含义", notIn+p.word("; errcode's guidance for its class "+rec.Explained+": ", "；以下为 errcode 对其类别 "+rec.Explained+" 的建议：")+rec.Summary)
	case rec.classGuide:
		field("meaning", "含义", notIn+p.word("; errcode's guidance for its class "+rec.Explained+" follows", "；以下为 errcode 对其类别 "+rec.Explained+" 的建议"))
	case !rec.Known:
		field("meaning", "含义", notIn+p.word("; its class "+rec.Explained+": ", "；其类别 "+rec.Explained+"：")+rec.Summary)
	default:
		field("meaning", "含义", rec.Summary)
	}
	if rec.Explained != "" && rec.LegacyMeaning != "" {
		field("API 2.0", "API 2.0", rec.LegacyCode+p.word(": ", "：")+rec.LegacyMeaning)
	}
	if len(rec.Suggestions) > 0 {
		field("did you mean", "您是否要找", strings.Join(rec.Suggestions, ", ")+p.word(" ("+rec.Product+")", "（"+rec.Product+"）"))
	}
	steps := rec.Remediation
	if p.opts.steps >= 0 && len(steps) > p.opts.steps {
		steps = steps[:p.opts.steps]
	}
	for i, s := range steps {
		l := label("fix", "解决")
		if i > 0 {
			l = indent
		}
		w.WriteString(render.Wrap(clean(strconv.Itoa(i+1)+". "+s), width, l, indent+"   ") + "\n")
	}
	if rec.RetryVerdict != "" {
		verdict := p.word("no: ", "否：")
		switch {
		case rec.RetryVerdict == string(catalog.RetryAfter) && rec.retryAfter != "":
			verdict = p.word("after "+rec.retryAfter+": ", rec.retryAfter+"可重试：")
		case rec.Retryable:
			verdict = p.word("yes: ", "是：")
		}
		if rec.retryMessage {
			verdict += p.word(strings.ToUpper(rec.RetryEvidence[:1])+rec.RetryEvidence[1:]+". ", rec.RetryEvidence+"。")
		}
		field("retry", "重试", verdict+rec.Retry)
	}
	for _, n := range rec.Notes {
		l := label("note", "提示")
		if color {
			n = "\x1b[33m" + clean(n) + "\x1b[39m"
		}
		w.WriteString(render.Wrap(n, width, l, indent) + "\n")
	}
	if rec.Explained != "" && !rec.classGuide && len(rec.Remediation) > len(steps) {
		field("more", "更多", "errcode explain "+rec.Explained)
	}
	return nil
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// finish writes what comes after the findings: the JSON array's end, the
// summary table, or the text footer.
func (p *parser) finish() error {
	if p.opts.quiet {
		return nil
	}
	w := p.out
	switch {
	case p.opts.summary:
		if err := p.writeSummary(); err != nil {
			return err
		}
	case p.format == outJSON:
		if p.total > 0 {
			w.WriteString("\n")
		}
		w.WriteString("]\n")
	case p.format == outYAML && p.total == 0:
		w.WriteString("[]\n") // as lookup -o yaml and parse -o json say it
	case p.format == outTable || p.format == outPlain:
		if p.total > 0 {
			w.WriteString("\n")
			w.WriteString(p.footer() + "\n")
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	// After an unreadable input, its error is the one thing to say.
	if p.total == 0 && !p.unreadable && (p.format == outTable || p.format == outPlain) {
		printErr(p.a.ios, fmt.Sprintf("no Tencent Cloud API error found in %s", p.inputWord()),
			"parse reads API responses, SDK exception strings, curl transcripts and logs; errcode lookup CODE looks a code up")
	}
	return nil
}

func (p *parser) inputWord() string {
	return fmt.Sprintf("%d line%s (%s)", p.lines, plural(p.lines), humanBytes(p.bytes))
}

func (p *parser) footer() string {
	distinct, more := p.tally.distinct()
	var s string
	if more {
		s = p.word(
			fmt.Sprintf("%d error%s (more than %d distinct codes) in %d line%s", p.total, plural(p.total), distinct, p.lines, plural(p.lines)),
			fmt.Sprintf("共 %d 个错误（超过 %d 种错误码），%d 行", p.total, distinct, p.lines))
	} else {
		s = p.word(
			fmt.Sprintf("%d error%s (%d distinct code%s) in %d line%s", p.total, plural(p.total), distinct, plural(distinct), p.lines, plural(p.lines)),
			fmt.Sprintf("共 %d 个错误（%d 种错误码），%d 行", p.total, distinct, p.lines))
	}
	if p.unknown > 0 {
		s += p.word(fmt.Sprintf("; %d not in the catalog", p.unknown), fmt.Sprintf("；%d 个不在目录中", p.unknown))
	}
	if p.trunc {
		s += p.word("; the input was truncated", "；输入被截断")
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// writeSummary writes --summary: codes by count, most frequent first.
func (p *parser) writeSummary() error {
	rows := p.tally.sorted()
	if n := len(rows); n > 0 && rows[n-1].Other {
		rows[n-1].Summary = p.word(
			fmt.Sprintf("more than %d distinct codes not in the catalog: the errors with the others are counted together", maxUnknownCodes),
			fmt.Sprintf("不在目录中的错误码超过 %d 种：其余错误码的错误合计于此", maxUnknownCodes))
	}
	w := p.out
	switch p.format {
	case outJSON:
		list := make([]codeCount, len(rows))
		for i, r := range rows {
			list[i] = *r
		}
		return render.JSON(w, list)
	case outYAML:
		list := make([]codeCount, len(rows))
		for i, r := range rows {
			list[i] = *r
		}
		return render.YAML(w, list)
	case outPlain:
		out := make([][]string, len(rows))
		for i, r := range rows {
			out[i] = []string{textsafe.Clean(r.Code), strconv.Itoa(r.Count), p.loc(r.FirstFile, r.FirstLine), p.loc(r.LastFile, r.LastLine), textsafe.Clean(r.Summary)}
		}
		return render.TSV(w, out)
	}
	if len(rows) == 0 {
		return nil
	}
	max := 0
	for _, r := range rows {
		if r.Count > max {
			max = r.Count
		}
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		// Base names: the table is for a terminal, and the paths were given.
		out[i] = []string{textsafe.Clean(r.Code), strconv.Itoa(r.Count), bar(r.Count, max, 20),
			p.loc(filepath.Base(r.FirstFile), r.FirstLine), p.loc(filepath.Base(r.LastFile), r.LastLine), textsafe.Clean(r.Summary)}
	}
	// The bar goes before the summary is cut below render.MinLast.
	if err := render.Table(w, []string{"CODE", "COUNT", "", "FIRST", "LAST", "SUMMARY"}, out,
		render.TableOptions{Width: p.a.ios.TerminalWidth(), Color: p.a.ios.ColorEnabled(), Drop: []int{2}, DropBelow: render.MinLast, LongFirst: true}); err != nil {
		return err
	}
	_, err := w.WriteString("\n" + p.footer() + "\n")
	return err
}

func (p *parser) loc(file string, line int) string {
	if p.files > 1 {
		return textsafe.Clean(file) + ":" + strconv.Itoa(line)
	}
	return strconv.Itoa(line)
}

// bar draws n/max as a proportional bar of at most width cells (at least one).
func bar(n, max, width int) string {
	cells := n * width * 8 / max
	if cells < 1 {
		cells = 1
	}
	full, part := cells/8, cells%8
	s := strings.Repeat("█", full)
	if part > 0 {
		s += string([]rune("▏▎▍▌▋▊▉")[part-1])
	}
	return s
}

// progressMinSize is the input size from which parse shows a progress line
// on a terminal.
const progressMinSize = 32 << 20

// progressLine is the transient "read 120 MB (85 MB/s), 12 errors" line on
// stderr, redrawn at most every 100 ms and erased when the scan ends.
type progressLine struct {
	w      io.Writer
	name   string
	size   int64
	now    func() time.Time
	start  time.Time
	last   time.Time
	active bool
}

func newProgressLine(w io.Writer, name string, size int64, now func() time.Time) *progressLine {
	t := now()
	return &progressLine{w: w, name: textsafe.Clean(filepath.Base(name)), size: size, now: now, start: t, last: t}
}

func (pl *progressLine) update(s parse.Stats) {
	t := pl.now()
	if t.Sub(pl.last) < 100*time.Millisecond {
		return
	}
	pl.last = t
	rate := float64(s.Bytes) / t.Sub(pl.start).Seconds()
	pct := 100 * float64(s.Bytes) / float64(pl.size)
	fmt.Fprintf(pl.w, "\r\x1b[Kerrcode: %s: %s of %s (%.0f%%, %s/s), %d errors", pl.name,
		humanBytes(s.Bytes), humanBytes(pl.size), pct, humanBytes(int64(rate)), s.Findings)
	pl.active = true
}

func (pl *progressLine) clear() {
	if pl.active {
		fmt.Fprint(pl.w, "\r\x1b[K")
	}
}

// evidenceLines is how many lines around a finding its product evidence
// may come from (README: "Product evidence").
const evidenceLines = 5

// tencentShape reports whether only Tencent Cloud's text has f's shape: a
// finding in it is Tencent Cloud's whatever else the text names. A bare
// {"code":4000,"message":...} object is no such shape.
func tencentShape(f *parse.Finding) bool {
	if bareNumeric(*f) {
		return false
	}
	switch f.Shape {
	case parse.ShapeCodeMessage, parse.ShapeProse, parse.ShapeMessageOnly:
		return false
	}
	return true
}

// evidence weighs what f's record, its lines and the lines around it say
// about its product and its cloud.
func (p *parser) evidence(f *parse.Finding) evidence.Result {
	if p.ex == nil {
		cat := p.a.catalog()
		p.products = map[string]bool{}
		for _, s := range cat.Scopes() {
			if s != catalog.ScopeCommon && s != catalog.ScopeSDK {
				p.products[s] = true
			}
		}
		p.ex = &evidence.Extractor{IsProduct: func(s string) bool { return p.products[s] }}
		p.foreign = map[string]int{}
	}
	var by [3]*evidence.Found
	rec := &evidence.Found{Tencent: tencentShape(f)}
	if f.Shape == parse.ShapeAPI3JSON && f.Context != nil && !strings.Contains(string(f.Context[f.RecordStart:f.RecordEnd]), "Response") {
		// an Error object outside a Response: AWS's { Errors: { Error: ... } } too
		rec.Tencent = false
	}
	by[evidence.Record] = rec
	if f.Shape == parse.ShapeTccli && p.products[strings.ToLower(f.Service)] {
		rec.Items = append(rec.Items, evidence.Item{Kind: evidence.Tccli, Product: strings.ToLower(f.Service), Text: strings.TrimSpace("tccli " + strings.ToLower(f.Service) + " " + f.Action)})
	}
	p.ex.ScanString(f.Host, rec)
	p.ex.ScanString(f.Message, rec)
	p.ex.ScanClasses(f.Message, rec)
	done := func(fd *evidence.Found) bool { return len(fd.Items) > 0 && rec.Tencent }
	if p.opts.summary && rec.Tencent && (p.tally.has(f.Code) || p.definedOnce(f.Code)) {
		// --summary shows one summary per code, the first occurrence's,
		// which no product changes when one scope defines the code; and a
		// Tencent Cloud shape is never set aside: the lines around the
		// record need no search.
		f.Context = nil
	}
	if !done(rec) && f.Context != nil {
		ctx := string(f.Context)
		lines := &evidence.Found{Tencent: rec.Tencent} // a Tencent Cloud mark spares the search for other clouds
		by[evidence.Lines] = lines
		p.ex.ScanString(ctx[f.RecordStart:f.RecordEnd], lines)
		p.ex.ScanClasses(ctx[f.RecordStart:f.RecordEnd], lines)
		if !done(lines) && !(rec.Tencent && len(lines.Items) > 0) {
			win := &evidence.Found{Tencent: lines.Tencent}
			by[evidence.Window] = win
			p.ex.ScanString(ctx[:f.RecordStart], win)
			p.ex.ScanString(ctx[f.RecordEnd:], win)
		}
	}
	r := evidence.Decide(by)
	f.Context = nil
	return r
}

// fieldEvidence says which of f's fields named product.
func (p *parser) fieldEvidence(f parse.Finding, product string) string {
	switch {
	case f.Host != "" && strings.EqualFold(f.Service, product):
		return "host " + f.Host
	case strings.EqualFold(f.Service, product):
		return "tccli " + strings.ToLower(f.Service)
	case f.Action != "":
		return "action " + f.Action
	}
	return ""
}

// sayAside says on stderr how many candidates were set aside, and why.
func (p *parser) sayAside() {
	if p.opts.quiet || len(p.foreign)+p.common+p.bare == 0 {
		return
	}
	var why []string
	clouds := make([]string, 0, len(p.foreign))
	n := p.common + p.bare
	for c, k := range p.foreign {
		clouds = append(clouds, fmt.Sprintf("%d %s", k, c))
		n += k
	}
	slices.Sort(clouds)
	if len(clouds) > 0 {
		why = append(why, "another cloud's error ("+strings.Join(clouds, ", ")+")")
	}
	if p.common > 0 {
		why = append(why, fmt.Sprintf("%d code%s other clouds use too, with no Tencent Cloud evidence", p.common, plural(p.common)))
	}
	if p.bare > 0 {
		why = append(why, fmt.Sprintf("%d bare numeric code%s ({\"code\":4000,...}) with no Tencent Cloud evidence", p.bare, plural(p.bare)))
	}
	fmt.Fprintf(p.a.ios.ErrOut, "errcode: note: %d candidate%s set aside: %s\n", n, plural(n), strings.Join(why, "; "))
}

// bareNumeric reports whether f is an API 2.0 body with a numeric code and
// no codeDesc ({"code":4100,"message":...}): any web API may answer so.
func bareNumeric(f parse.Finding) bool {
	return f.Shape == parse.ShapeAPI2JSON && f.LegacyCode != "" && f.Code == f.LegacyCode
}

// codesOf returns the codes product defines, for did-you-mean.
func (p *parser) codesOf(product string) []string {
	if codes, ok := p.productCodes[product]; ok {
		return codes
	}
	var codes []string
	for _, e := range p.a.catalog().InScope(product) {
		codes = append(codes, e.Code)
	}
	if p.productCodes == nil {
		p.productCodes = map[string][]string{}
	}
	p.productCodes[product] = codes
	return codes
}

// definedOnce reports whether the catalog defines code in one scope at most
// (and defines it): no product evidence changes its explanation.
func (p *parser) definedOnce(code string) bool {
	if v, ok := p.oneScope[code]; ok {
		return v
	}
	cat := p.a.catalog()
	v := cat.Has(code) && len(cat.FindScopes(code)) <= 1
	if p.oneScope == nil || len(p.oneScope) > 4096 {
		p.oneScope = map[string]bool{}
	}
	p.oneScope[code] = v
	return v
}

// Output formats of parse.
const (
	outTable = string(render.FormatTable)
	outPlain = string(render.FormatPlain)
	outJSON  = string(render.FormatJSON)
	outJSONL = string(render.FormatJSONL)
	outYAML  = string(render.FormatYAML)
)

func (a *Factory) format(allowed ...string) (string, error) {
	fs := make([]render.Format, len(allowed))
	for i, f := range allowed {
		fs[i] = render.Format(f)
	}
	f, err := a.formatFor(fs)
	return string(f), err
}

func listScopes(scopes []string, max int) string { return explain.ListScopes(scopes, max) }
