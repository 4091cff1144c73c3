package render

import (
	_ "embed"
	"io"
	"strings"
	"sync"
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
		Yes: "yes", No: "no", Retryable: "retryable", NotRetryable: "not retryable", Colon: ": ",
		Provenances: map[string]string{
			catalog.ProvenanceOfficial:   "official text",
			catalog.ProvenanceOfficialZh: "official Chinese text, English translated by errcode",
			catalog.ProvenanceInferred:   "no official description exists; inferred from the code name",
		},
	},
	catalog.Chinese: {
		Causes: "可能原因", Fix: "解决步骤", Retry: "是否重试", Related: "相关错误码",
		Actions: "可能返回此错误码的接口", Docs: "文档", Provenance: "来源", AlsoIn: "同名错误码也见于：",
		Yes: "是", No: "否", Retryable: "可重试", NotRetryable: "不可重试", Colon: "：",
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

// explainTemplate is parsed on first use, not at start-up: most runs never
// explain. Width and colour reach it through the methods of explainData, so
// the parsed template is shared as is.
var explainTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("explain").Funcs(template.FuncMap{
		"join": strings.Join, "inc": func(i int) int { return i + 1 },
	}).Parse(explainTmpl))
})

// explainData is what explain.tmpl sees.
type explainData struct {
	Entry                   Entry
	L                       labels
	RetryWord, RetryVerdict string
	ProvenanceWord          string
	Others                  string
	width                   int
	color                   bool
}

func (d *explainData) paint(s string, attrs ...color.Attribute) string {
	c := color.New(attrs...)
	if d.color {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
	return c.Sprint(s)
}

// Bold, Dim and Heading style a string when colour is on.
func (d *explainData) Bold(s string) string    { return d.paint(s, color.Bold) }
func (d *explainData) Dim(s string) string     { return d.paint(s, color.Faint) }
func (d *explainData) Heading(s string) string { return d.paint(s, color.Bold, color.FgCyan) }

// Wrap wraps s to the layout width; see the package function Wrap.
func (d *explainData) Wrap(s, first, indent string) string { return Wrap(s, d.width, first, indent) }

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
	d := &explainData{Entry: v, L: l, RetryWord: l.NotRetryable, RetryVerdict: l.No,
		ProvenanceWord: l.Provenances[e.Provenance], Others: strings.Join(opt.Others, ", "),
		width: width, color: opt.Color}
	if e.Retryable {
		d.RetryWord, d.RetryVerdict = l.Retryable, l.Yes
	}
	var buf strings.Builder
	if err := explainTemplate().Execute(&buf, d); err != nil {
		return err
	}
	_, err := io.WriteString(w, buf.String())
	return err
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
