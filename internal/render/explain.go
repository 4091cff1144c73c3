package render

import (
	_ "embed"
	"io"
	"strconv"
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

// explainTemplate is parsed on first use, not at start-up: most runs never explain.
var explainTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("explain").Parse(explainTmpl))
})

// explainData is what explain.tmpl sees: each block styled, wrapped to the
// width and indented.
type explainData struct {
	Title, Meta, AlsoIn, Summary string
	CausesHeading                string
	Causes                       []string
	FixHeading                   string
	Steps                        []string
	RetryHeading, Retry          string
	RelatedHeading, Related      string
	ActionsHeading, Actions      string
	DocsHeading, Docs            string
	SourceHeading, Source        string
}

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
	bold, dim, heading := paint(color.Bold), paint(color.Faint), paint(color.Bold, color.FgCyan)
	block := func(s string) string { return Wrap(s, width, "  ", "  ") }

	retryWord, verdict := l.NotRetryable, l.No
	if e.Retryable {
		retryWord, verdict = l.Retryable, l.Yes
	}
	d := &explainData{
		Title:          bold(v.Code),
		Meta:           dim(v.Scope + " · " + v.Category + " · " + retryWord),
		Summary:        Wrap(v.Summary, width, "", ""),
		CausesHeading:  heading(l.Causes),
		FixHeading:     heading(l.Fix),
		RetryHeading:   heading(l.Retry + l.Colon + verdict),
		Retry:          block(v.Retry),
		RelatedHeading: heading(l.Related),
		ActionsHeading: heading(l.Actions),
		DocsHeading:    heading(l.Docs),
		SourceHeading:  heading(l.Provenance),
		Source:         block(l.Provenances[e.Provenance] + l.Colon + v.Source),
	}
	if len(opt.Others) > 0 {
		d.AlsoIn = dim(l.AlsoIn + " " + textsafe.Clean(strings.Join(opt.Others, ", ")))
	}
	for _, c := range v.Causes {
		d.Causes = append(d.Causes, Wrap(c, width, "  - ", "    "))
	}
	for i, s := range v.Remediation {
		d.Steps = append(d.Steps, Wrap(s, width, "  "+strconv.Itoa(i+1)+". ", "     "))
	}
	if len(v.Related) > 0 {
		d.Related = block(strings.Join(v.Related, ", "))
	}
	if len(v.Actions) > 0 {
		d.Actions = block(strings.Join(v.Actions, ", "))
	}
	if v.Docs != "" {
		d.Docs = "  " + v.Docs
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
