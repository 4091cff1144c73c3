package explain

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/diagnose"
	"github.com/errcode-dev/errcode/internal/evidence"
	"github.com/errcode-dev/errcode/internal/parse"
	"github.com/errcode-dev/errcode/internal/redact"
	"github.com/errcode-dev/errcode/internal/search"
)

// Finding is one explained finding of parse: its JSON, JSONL and YAML
// record, and what its text block shows. Field names are part
// of errcode's interface: add fields, never rename them.
type Finding struct {
	Code       string `json:"code" yaml:"code"`
	Message    string `json:"message" yaml:"message"`
	RequestID  string `json:"request_id" yaml:"request_id"`
	LegacyCode string `json:"legacy_code,omitempty" yaml:"legacy_code,omitempty"`
	HTTPStatus int    `json:"http_status,omitempty" yaml:"http_status,omitempty"`
	Host       string `json:"host,omitempty" yaml:"host,omitempty"`
	Service    string `json:"service,omitempty" yaml:"service,omitempty"`
	Action     string `json:"action,omitempty" yaml:"action,omitempty"`
	Version    string `json:"version,omitempty" yaml:"version,omitempty"`
	File       string `json:"file" yaml:"file"`
	Line       int    `json:"line" yaml:"line"`
	Shape      string `json:"shape" yaml:"shape"`
	Confidence string `json:"confidence" yaml:"confidence"`
	Inferred   bool   `json:"inferred" yaml:"inferred"`
	Truncated  bool   `json:"truncated" yaml:"truncated"`
	Cut        bool   `json:"cut" yaml:"cut"`
	Known      bool   `json:"known" yaml:"known"`
	Explained  string `json:"explained_as" yaml:"explained_as"`
	Scope      string `json:"scope" yaml:"scope"`
	Category   string `json:"category" yaml:"category"`
	Summary    string `json:"summary" yaml:"summary"`
	// Translated names the fields that are errcode's translation
	// ("summary"), OfficialSummary the official text it translates (as in
	// Entry); both absent when the summary is Tencent Cloud's own.
	Translated      []string `json:"translated,omitempty" yaml:"translated,omitempty"`
	OfficialSummary string   `json:"official_summary,omitempty" yaml:"official_summary,omitempty"`
	Retryable       bool     `json:"retryable" yaml:"retryable"`
	Retry           string   `json:"retry" yaml:"retry"`
	Remediation     []string `json:"remediation" yaml:"remediation"`
	Notes           []string `json:"notes" yaml:"notes"`
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
	RetryAfter    string `json:"-" yaml:"-"`
	// LegacyMeaning is what an API 2.0 numeric code (LegacyCode) means, in
	// Tencent Cloud's words (catalog/api2.yaml).
	LegacyMeaning string `json:"legacy_meaning,omitempty" yaml:"legacy_meaning,omitempty"`
	// Suggestions are the codes of Product that are spelled close to a
	// code that is not in the catalog ("did you mean").
	Suggestions []string `json:"suggestions,omitempty" yaml:"suggestions,omitempty"`
	// ClassGuide: Explained is a class that only classes.yaml's guidance
	// knows (no entry); RetryMessage: the verdict is the message's. The
	// text block shows them; JSON and YAML do not.
	ClassGuide   bool `json:"-" yaml:"-"`
	RetryMessage bool `json:"-" yaml:"-"`
	// ShowFile: the text block names the file (several inputs, or one file).
	ShowFile bool `json:"-" yaml:"-"`
}

// Findings explains the findings of one parse run, in order: it sets aside
// what is not Tencent Cloud's, chooses the product each one is explained
// as, and builds its record; it counts what it kept for the footer and
// --summary, in memory bounded by the catalog, however long the input.
type Findings struct {
	x       *Explainer
	product string // --product: the product every finding is explained for
	summary bool
	getenv  func(string) string

	Total   int                    // the findings kept
	Unknown int                    // those whose code is not in the catalog
	Files   int                    // the inputs started
	Tally   *Tally                 // nil when nothing needs per-code state
	scopes  map[scopeKey]scopePick // pickScope's answers: logs repeat the same errors

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
	// tencentSeen is set once the current input has shown Tencent Cloud
	// evidence: a common word in it is then taken for Tencent Cloud's.
	tencentSeen bool
}

// FindingsOptions say how to explain a parse run's findings.
type FindingsOptions struct {
	Product string // explain every finding as this product's ("": the input's)
	Summary bool   // --summary: a row per code, no per-finding record
	Tally   bool   // count the distinct codes (the text footer, --summary)
	Getenv  func(string) string
}

// Findings returns the explainer of a parse run's findings. An unknown
// Product is a usage error.
func (x *Explainer) Findings(o FindingsOptions) (*Findings, error) {
	fs := &Findings{x: x, summary: o.Summary, getenv: o.Getenv, foreign: map[string]int{}}
	if o.Product != "" {
		pr, ok := x.Cat.Product(o.Product)
		if !ok {
			return nil, usageErr([]string{"errcode products lists the short names"}, "unknown product %q", Shown(o.Product))
		}
		fs.product = pr.Scope
	}
	if o.Summary || o.Tally {
		fs.Tally = newTally(o.Summary)
	}
	if fs.getenv == nil {
		fs.getenv = func(string) string { return "" }
	}
	return fs, nil
}

// EvidenceLines is how many lines around a finding its product evidence
// may come from (README: "Product evidence").
const EvidenceLines = 5

// Scan reads one input, named file as it is shown (already redacted; "-"
// for standard input), and passes each finding it keeps, explained, to
// emit; an error from emit ends the scan and is returned as it is.
// progress, when set, is called as the input is read.
func (fs *Findings) Scan(r io.Reader, file string, progress func(parse.Stats), emit func(Finding) error) (parse.Stats, error) {
	fs.startInput()
	opt := parse.Options{
		KnownCode:    fs.x.knownCode,
		InferCode:    fs.x.Index.InferCode,
		MessageWord:  fs.x.Index.MessageWord,
		ContextLines: EvidenceLines,
		Progress:     progress,
	}
	return parse.Scan(r, opt, func(pf parse.Finding) error {
		ev, ok := fs.weigh(&pf)
		if !ok {
			return nil
		}
		return emit(fs.recordKept(file, pf, ev))
	})
}

// startInput is called before the findings of each input.
func (fs *Findings) startInput() {
	fs.Files++
	fs.tencentSeen = false
}

// weigh weighs the evidence around f and reports whether it is kept: a
// finding that points to another cloud, a code other clouds use too and
// a bare numeric code, with no Tencent Cloud evidence, are set aside (and
// counted, for Aside). It drops f's context.
func (fs *Findings) weigh(f *parse.Finding) (evidence.Result, bool) {
	ev := fs.evidence(f)
	if ev.Foreign != "" {
		fs.foreign[ev.Foreign]++
		return ev, false
	}
	if ev.Tencent {
		fs.tencentSeen = true
	}
	if !ev.Tencent && !fs.tencentSeen && (f.Shape == parse.ShapeProse || f.Shape == parse.ShapeCodeMessage) && evidence.CommonWords[strings.ToLower(f.Code)] {
		fs.common++
		return ev, false
	}
	if !ev.Tencent && !fs.tencentSeen && bareNumeric(*f) {
		fs.bare++
		return ev, false
	}
	fs.Total++
	return ev, true
}

// recordKept explains a finding weigh kept, found in file (as shown), and counts it.
func (fs *Findings) recordKept(file string, f parse.Finding, ev evidence.Result) Finding {
	rec := fs.record(file, f, ev)
	rec.ShowFile = fs.Files > 1 || file != "-"
	if !rec.Known {
		fs.Unknown++
	}
	if fs.Tally != nil {
		fs.Tally.add(rec.Code, file, rec.Line, rec.Known, rec.Summary)
	}
	return rec
}

// Footer is the line after the findings: how many, of how many distinct
// codes, in how many lines.
func (fs *Findings) Footer(lines int, truncated bool) string {
	distinct, more := fs.Tally.distinct()
	var s string
	if more {
		s = fs.x.say(
			fmt.Sprintf("%d error%s (more than %d distinct codes) in %d line%s", fs.Total, plural(fs.Total), distinct, lines, plural(lines)),
			fmt.Sprintf("共 %d 个错误（超过 %d 种错误码），%d 行", fs.Total, distinct, lines))
	} else {
		s = fs.x.say(
			fmt.Sprintf("%d error%s (%d distinct code%s) in %d line%s", fs.Total, plural(fs.Total), distinct, plural(distinct), lines, plural(lines)),
			fmt.Sprintf("共 %d 个错误（%d 种错误码），%d 行", fs.Total, distinct, lines))
	}
	if fs.Unknown > 0 {
		s += fs.x.say(fmt.Sprintf("; %d not in the catalog", fs.Unknown), fmt.Sprintf("；%d 个不在目录中", fs.Unknown))
	}
	if truncated {
		s += fs.x.say("; the input was truncated", "；输入被截断")
	}
	return s
}

// Summary returns the rows of --summary: codes by count, most frequent
// first, then the "(other)" row of the unknown codes past the cap.
func (fs *Findings) Summary() []CodeCount {
	rows := fs.Tally.sorted()
	out := make([]CodeCount, len(rows))
	for i, r := range rows {
		out[i] = *r
	}
	if n := len(out); n > 0 && out[n-1].Other {
		out[n-1].Summary = fs.x.say(
			fmt.Sprintf("more than %d distinct codes not in the catalog: the errors with the others are counted together", MaxUnknownCodes),
			fmt.Sprintf("不在目录中的错误码超过 %d 种：其余错误码的错误合计于此", MaxUnknownCodes))
	}
	return out
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// scopeKey is the evidence pickScope weighs.
type scopeKey struct{ code, service, action, version string }

// scopePick is what pickScope decided.
type scopePick struct {
	scope      string
	candidates []string
}

// record builds the output record of f: redacted, with the catalog's
// explanation of its code (or of its class) and the diagnostics that apply.
func (fs *Findings) record(file string, f parse.Finding, ev evidence.Result) Finding {
	red := redact.String
	if f.Cut || f.Truncated {
		red = redact.Cut // a field may end inside a secret: hide its start too
	}
	rec := Finding{
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
	cat := fs.x.Cat
	pick := fs.pickScope(f)
	// The product: --product, else the text's evidence, else what
	// pickScope makes of the action. Its own definition explains the code
	// where it has one, else the common entry (explained for it), else
	// pickScope's choice.
	prod, why := ev.Product, ev.Evidence
	if fs.product != "" {
		prod, why = fs.product, "--product "+fs.product
		if ev.Product != "" && ev.Product != prod {
			rec.Notes = append(rec.Notes, fs.x.say(
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
				rec.Notes = append(rec.Notes, fs.x.say(
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
			rec.LegacyMeaning = c.Meaning.In(fs.x.Lang())
		}
	}
	if prod == "" {
		prod = fs.evidenceProduct(f, pick)
		if prod != "" {
			why = fs.fieldEvidence(f, prod)
		}
	}
	rec.Product, rec.ProductEvidence = prod, why
	if len(ev.Conflicts) > 0 && ev.Product == prod {
		var other []string
		for _, c := range ev.Conflicts {
			other = append(other, c.Product+" ("+c.Text+")")
		}
		rec.Notes = append(rec.Notes, fs.x.say(
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
			e, rec.ClassGuide = g, true
		}
	}
	if !rec.Known && prod != "" && !fs.summary && !bareNumeric(f) {
		rec.Suggestions = slices.DeleteFunc(search.Nearest(f.Code, fs.codesOf(prod), 4), func(c string) bool { return e != nil && c == e.Code })
		if len(rec.Suggestions) > 3 {
			rec.Suggestions = rec.Suggestions[:3]
		}
	}
	rec.Remediation = []string{}
	if e != nil {
		rec.Explained, rec.Scope = e.Code, e.Scope
		rec.Summary = e.Summary.In(fs.x.Lang())
		if e.Translated.Summary(fs.x.Lang()) {
			v := View(e, fs.x.Lang())
			rec.Translated, rec.OfficialSummary = []string{"summary"}, v.OfficialSummary
		}
		rec.Retryable = e.Retryable
		rec.Retry = e.Retry.In(fs.x.Lang())
		rec.RetryVerdict, rec.RetryEvidence, rec.RetryAfter = string(e.Verdict), e.RetryEvidence.In(fs.x.Lang()), e.RetryAfter.In(fs.x.Lang())
		rec.Remediation = e.Steps(fs.x.Lang())
	}
	// The finding's own message may say more than the code: "please try
	// again later", "do not retry". A message that says to retry (or
	// never to) decides; one that says to fix something first does not
	// overrule the code's advice.
	if mv, ok := catalog.MessageRetry(f.Message); ok && (mv.Verdict.Retryable() || mv.Rule == "never") && string(mv.Verdict) != rec.RetryVerdict {
		rec.RetryVerdict, rec.Retryable, rec.RetryMessage = string(mv.Verdict), mv.Verdict.Retryable(), true
		rec.Retry, rec.RetryEvidence, rec.RetryAfter = mv.Retry.In(fs.x.Lang()), mv.Evidence.In(fs.x.Lang()), mv.RetryAfter.In(fs.x.Lang())
	}
	if len(pick.candidates) > 1 && e != nil && exact {
		rec.Candidates = pick.candidates
		names := ListScopes(pick.candidates, 8)
		rec.Notes = append(rec.Notes, fs.x.say(
			fmt.Sprintf("%d products define %s (%s) and nothing in the input says which: explained as %s's; see errcode explain %s --product PRODUCT",
				len(pick.candidates), rec.Code, names, e.Scope, rec.Code),
			fmt.Sprintf("%d 个产品定义了 %s（%s），输入中没有可判断产品的信息：以下按 %s 解释；其他产品的说明见 errcode explain %s --product 产品",
				len(pick.candidates), rec.Code, names, e.Scope, rec.Code)))
	}
	rec.Notes = append(rec.Notes, diagnose.Finding(f, diagnose.Env{Getenv: fs.getenv, Lang: fs.x.Lang()})...)
	if f.Truncated {
		rec.Notes = append(rec.Notes, fs.x.say("the input ends inside this error (truncated): the fields shown are what was there",
			"输入在此错误中途结束（被截断）：仅显示已有的字段"))
	}
	return rec
}

// evidenceProduct is the product the input points at for f: the one
// pickScope chose, else the product its host or tccli service names.
func (fs *Findings) evidenceProduct(f parse.Finding, pick scopePick) string {
	cat := fs.x.Cat
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
func (x *Explainer) knownCode(code string) bool {
	cat := x.Cat
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
func (fs *Findings) pickScope(f parse.Finding) scopePick {
	k := scopeKey{strings.ToLower(f.Code), strings.ToLower(f.Service), f.Action, f.Version}
	if pick, ok := fs.scopes[k]; ok {
		return pick
	}
	pick := fs.decideScope(f)
	if fs.scopes == nil || len(fs.scopes) > 4096 {
		fs.scopes = map[scopeKey]scopePick{}
	}
	fs.scopes[k] = pick
	return pick
}

func (fs *Findings) decideScope(f parse.Finding) scopePick {
	cat := fs.x.Cat
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
func (fs *Findings) evidence(f *parse.Finding) evidence.Result {
	if fs.ex == nil {
		cat := fs.x.Cat
		fs.products = map[string]bool{}
		for _, s := range cat.Scopes() {
			if s != catalog.ScopeCommon && s != catalog.ScopeSDK {
				fs.products[s] = true
			}
		}
		fs.ex = &evidence.Extractor{IsProduct: func(s string) bool { return fs.products[s] }}
		fs.foreign = map[string]int{}
	}
	var by [3]*evidence.Found
	rec := &evidence.Found{Tencent: tencentShape(f)}
	if f.Shape == parse.ShapeAPI3JSON && f.Context != nil && !strings.Contains(string(f.Context[f.RecordStart:f.RecordEnd]), "Response") {
		// an Error object outside a Response: AWS's { Errors: { Error: ... } } too
		rec.Tencent = false
	}
	by[evidence.Record] = rec
	if f.Shape == parse.ShapeTccli && fs.products[strings.ToLower(f.Service)] {
		rec.Items = append(rec.Items, evidence.Item{Kind: evidence.Tccli, Product: strings.ToLower(f.Service), Text: strings.TrimSpace("tccli " + strings.ToLower(f.Service) + " " + f.Action)})
	}
	fs.ex.ScanString(f.Host, rec)
	fs.ex.ScanString(f.Message, rec)
	fs.ex.ScanClasses(f.Message, rec)
	done := func(fd *evidence.Found) bool { return len(fd.Items) > 0 && rec.Tencent }
	if fs.summary && rec.Tencent && (fs.Tally.has(f.Code) || fs.definedOnce(f.Code)) {
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
		fs.ex.ScanString(ctx[f.RecordStart:f.RecordEnd], lines)
		fs.ex.ScanClasses(ctx[f.RecordStart:f.RecordEnd], lines)
		if !done(lines) && !(rec.Tencent && len(lines.Items) > 0) {
			win := &evidence.Found{Tencent: lines.Tencent}
			by[evidence.Window] = win
			fs.ex.ScanString(ctx[:f.RecordStart], win)
			fs.ex.ScanString(ctx[f.RecordEnd:], win)
		}
	}
	r := evidence.Decide(by)
	f.Context = nil
	return r
}

// fieldEvidence says which of f's fields named product.
func (fs *Findings) fieldEvidence(f parse.Finding, product string) string {
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

// Aside says how many candidates were set aside, and why; "" when none was.
func (fs *Findings) Aside() string {
	if len(fs.foreign)+fs.common+fs.bare == 0 {
		return ""
	}
	var why []string
	clouds := make([]string, 0, len(fs.foreign))
	n := fs.common + fs.bare
	for c, k := range fs.foreign {
		clouds = append(clouds, fmt.Sprintf("%d %s", k, c))
		n += k
	}
	slices.Sort(clouds)
	if len(clouds) > 0 {
		why = append(why, "another cloud's error ("+strings.Join(clouds, ", ")+")")
	}
	if fs.common > 0 {
		why = append(why, fmt.Sprintf("%d code%s other clouds use too, with no Tencent Cloud evidence", fs.common, plural(fs.common)))
	}
	if fs.bare > 0 {
		why = append(why, fmt.Sprintf("%d bare numeric code%s ({\"code\":4000,...}) with no Tencent Cloud evidence", fs.bare, plural(fs.bare)))
	}
	return fmt.Sprintf("%d candidate%s set aside: %s", n, plural(n), strings.Join(why, "; "))
}

// bareNumeric reports whether f is an API 2.0 body with a numeric code and
// no codeDesc ({"code":4100,"message":...}): any web API may answer so.
func bareNumeric(f parse.Finding) bool {
	return f.Shape == parse.ShapeAPI2JSON && f.LegacyCode != "" && f.Code == f.LegacyCode
}

// codesOf returns the codes product defines, for did-you-mean.
func (fs *Findings) codesOf(product string) []string {
	if codes, ok := fs.productCodes[product]; ok {
		return codes
	}
	var codes []string
	for _, e := range fs.x.Cat.InScope(product) {
		codes = append(codes, e.Code)
	}
	if fs.productCodes == nil {
		fs.productCodes = map[string][]string{}
	}
	fs.productCodes[product] = codes
	return codes
}

// definedOnce reports whether the catalog defines code in one scope at most
// (and defines it): no product evidence changes its explanation.
func (fs *Findings) definedOnce(code string) bool {
	if v, ok := fs.oneScope[code]; ok {
		return v
	}
	cat := fs.x.Cat
	v := cat.Has(code) && len(cat.FindScopes(code)) <= 1
	if fs.oneScope == nil || len(fs.oneScope) > 4096 {
		fs.oneScope = map[string]bool{}
	}
	fs.oneScope[code] = v
	return v
}
