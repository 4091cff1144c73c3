package render

import (
	_ "embed"
	"io"
	"strings"
	"text/template"

	"github.com/fatih/color"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/textsafe"
)

//go:embed explain.tmpl
var explainTmpl string

// labels are the fixed words of the explain layout in one language.
type labels struct {
	Causes, Fix, Retry, Related, Actions, Docs, Provenance, AlsoIn string
	Yes, No, Retryable, NotRetryable                               string
	Sep, Colon                                                     string // after Yes/No; after the provenance word
	Provenances                                                    map[string]string
}

var labelsByLang = map[catalog.Lang]labels{
	catalog.English: {
		Causes: "Likely causes", Fix: "How to fix", Retry: "Retry", Related: "Related codes",
		Actions: "API actions that may return it", Docs: "Docs", Provenance: "Source", AlsoIn: "also defined in:",
		Yes: "Yes.", No: "No.", Retryable: "retryable", NotRetryable: "not retryable", Sep: " ", Colon: ": ",
		Provenances: map[string]string{
			catalog.ProvenanceOfficial:   "official text",
			catalog.ProvenanceOfficialZh: "official Chinese text, English translated by errcode",
			catalog.ProvenanceInferred:   "no official description exists; inferred from the code name",
		},
	},
	catalog.Chinese: {
		Causes: "可能原因", Fix: "解决步骤", Retry: "是否重试", Related: "相关错误码",
		Actions: "可能返回此错误码的接口", Docs: "文档", Provenance: "来源", AlsoIn: "同名错误码也见于：",
		Yes: "可以重试。", No: "不可重试。", Retryable: "可重试", NotRetryable: "不可重试", Sep: "", Colon: "：",
		Provenances: map[string]string{
			catalog.ProvenanceOfficial:   "官方文本",
			catalog.ProvenanceOfficialZh: "官方中文文本（英文为 errcode 翻译）",
			catalog.ProvenanceInferred:   "无官方说明，根据错误码名称推断",
		},
	},
}

// ExplainOptions says how to lay out the long form.
type ExplainOptions struct {
	Lang  catalog.Lang
	Width int  // wrap width in display columns
	Color bool // bold headings, dim metadata
	// Others names the other scopes that define the same code string, shown as a hint.
	Others []string
}

var explainTemplate = template.Must(template.New("explain").Funcs(template.FuncMap{
	// Placeholders; Explain installs the real ones per call.
	"bold": fmtNone, "dim": fmtNone, "heading": fmtNone,
	"wrap": func(string, string, string) string { return "" },
	"join": strings.Join, "inc": func(i int) int { return i + 1 },
}).Parse(explainTmpl))

func fmtNone(s string) string { return s }

// Explain writes the long form of e: summary, causes, numbered fix steps,
// retry advice, related codes, API actions, docs link and provenance.
// Every string from the catalog passes through textsafe before it is written.
func Explain(w io.Writer, e *catalog.Entry, opt ExplainOptions) error {
	lang := opt.Lang
	if lang != catalog.Chinese {
		lang = catalog.English
	}
	l := labelsByLang[lang]
	v := View(e, lang)
	sanitizeView(&v)
	width := opt.Width
	if width <= 0 || width > 100 {
		width = 100
	}
	paint := func(attrs ...color.Attribute) func(string) string {
		c := color.New(attrs...)
		if opt.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return func(s string) string { return c.Sprint(s) }
	}
	retryWord, retryCap := l.NotRetryable, l.No
	if e.Retryable {
		retryWord, retryCap = l.Retryable, l.Yes
	}
	data := map[string]any{
		"Entry":          v,
		"L":              l,
		"RetryWord":      retryWord,
		"RetryWordCap":   retryCap,
		"ProvenanceWord": l.Provenances[e.Provenance],
		"Others":         strings.Join(opt.Others, ", "),
	}
	t, err := explainTemplate.Clone()
	if err != nil {
		return err
	}
	t.Funcs(template.FuncMap{
		"bold":    paint(color.Bold),
		"dim":     paint(color.Faint),
		"heading": paint(color.Bold, color.FgCyan),
		"wrap":    func(s, first, indent string) string { return Wrap(s, width, first, indent) },
	})
	return t.Execute(w, data)
}

// sanitizeView makes every string of v safe for a terminal.
func sanitizeView(v *Entry) {
	for _, p := range []*string{&v.Code, &v.Category, &v.Scope, &v.Summary, &v.Retry, &v.Docs, &v.Provenance, &v.Source} {
		*p = textsafe.Clean(*p)
	}
	for _, list := range [][]string{v.Causes, v.Remediation, v.Related, v.Actions} {
		for i := range list {
			list[i] = textsafe.Clean(list[i])
		}
	}
}
