package render

import (
	_ "embed"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/fatih/color"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/textsafe"
)

//go:embed explain.tmpl
var explainTmpl string

// labels are the fixed words of the explain layout in one language.
type labels struct {
	Causes, Fix, Retry, Docs, Provenance            string
	No, Retryable, NotRetryable                     string
	RetryYes, RetryAfter, RetryableLater, DecidedBy string // "yes, with backoff"; "after %s"; the meta word for after; "Decided by"
	Colon                                           string // after the provenance word
	Provenances                                     map[string]string

	// Imported entries (catalog/products/*.yaml).
	Solution, SolutionOtherLang string // the official solution heading; when it is in the other language
	FixClass, FixAny            string // the fix heading for a class's guidance (%s: the class); the general one (%s: the class)
	FixLike                     string // the fix heading for a class like another (%s: the class, %s: the one it is like)
	ForProduct                  string // a common entry explained for a product (%s: the product)
	OtherLang, NoDescription    string // the summary is in the other language; there is none
	Translated                  string // the summary is errcode's translation
	SolutionTranslated          string // the solution heading when it is errcode's translation
	OthersIn                    string // the heading of the other products' definitions
	GroupOf                     string // "%d products" sharing one summary
	Removed                     string // a code gone upstream (%s: the SDK release of the import that found it gone)
}

// labelsIn returns the labels in lang: each word is written once, in both
// languages, as errcode writes every bilingual word (explain.Say).
func labelsIn(lang catalog.Lang) labels {
	say := func(en, zh string) string { return explain.Say(lang, en, zh) }
	return labels{
		Causes: say("Likely causes", "可能原因"), Fix: say("How to fix", "解决步骤"), Retry: say("Retry", "是否重试"),
		Docs: say("Docs", "文档"), Provenance: say("Source", "来源"),
		No: say("no", "否"), Retryable: say("retryable", "可重试"), NotRetryable: say("not retryable", "不可重试"), Colon: say(": ", "："),
		RetryYes: say("yes, with backoff", "是（退避重试）"), RetryAfter: say("after %s", "%s可重试"),
		RetryableLater: say("retryable later", "稍后可重试"), DecidedBy: say("Decided by", "判断依据"),
		Provenances: map[string]string{
			catalog.ProvenanceOfficial:       say("official text", "官方文本"),
			catalog.ProvenanceOfficialZh:     say("official Chinese text, English translated by errcode", "官方中文文本（英文为 errcode 翻译）"),
			catalog.ProvenanceOfficialEn:     say("official English text, Chinese translated by errcode", "官方英文文本（中文为 errcode 翻译）"),
			catalog.ProvenanceInferred:       say("no official description exists; inferred from the code name", "无官方说明，根据错误码名称推断"),
			catalog.ProvenanceOfficialZhOnly: say("official Chinese text; Tencent Cloud publishes no English text", "官方中文文本（腾讯云未提供英文）"),
			catalog.ProvenanceOfficialEnOnly: say("official English text; Tencent Cloud publishes no Chinese text", "官方英文文本（腾讯云未提供中文）"),
			catalog.ProvenanceNone:           say("the official SDK defines the code without a description", "官方 SDK 定义了此错误码，但没有说明"),
			catalog.ProvenanceErrcode:        say("errcode's description: the SDKs define only the code and a message format", "errcode 的说明：SDK 只定义了错误码和消息格式"),
		},
		Solution: say("Official solution", "官方解决方案"), SolutionOtherLang: say("Official solution (in Chinese only)", "官方解决方案"),
		FixClass:   say("How to fix (errcode's steps for every %s)", "解决步骤（errcode 对所有 %s 的通用步骤）"),
		FixAny:     say("How to fix (errcode's general steps: errcode cannot place the class %s)", "解决步骤（errcode 的一般步骤：无法归入 %s 这一类别）"),
		FixLike:    say("How to fix (errcode's steps for %s, which behaves like %s)", "解决步骤（errcode 对 %s 的步骤，该类别按 %s 处理）"),
		ForProduct: say("a common code, explained for %s", "公共错误码，按 %s 解释"),
		OtherLang: say("(Tencent Cloud's Chinese description: there is no official English text, and errcode does not translate it.)",
			"（以上为腾讯云的英文说明：该错误码没有官方中文说明，errcode 不做翻译。）"),
		NoDescription: say("(The official SDK defines this code without any description.)", "（官方 SDK 定义了此错误码，但没有任何说明。）"),
		Translated: say("(errcode's translation of Tencent Cloud's Chinese text; --lang zh shows the original.)",
			"（errcode 译自腾讯云英文原文；--lang en 显示原文。）"),
		SolutionTranslated: say("Official solution (errcode's translation; --lang zh shows the original)",
			"官方解决方案（errcode 译自英文原文；--lang en 显示原文）"),
		OthersIn: say("Also defined in", "同名错误码也见于"),
		GroupOf:  say("%d products", "%d 个产品"),
		Removed: say("Removed upstream: tencentcloud-sdk-go %s and later no longer define this code; errcode keeps what the last release said, since logs still show it.",
			"上游已移除：tencentcloud-sdk-go %s 及以后的版本不再定义此错误码；日志中仍会出现它，errcode 保留最后一个版本的说明。"),
	}
}

// ExplainOptions says how to lay out the long form.
type ExplainOptions struct {
	Lang  catalog.Lang
	Width int  // wrap width in display columns
	Color bool // bold headings, dim metadata
	// ProductName is the name of the entry's product in Lang, shown after
	// its scope ("" for none).
	ProductName string
	// OtherDefs are the other definitions of the same code (other
	// products), listed compactly at the end, one line each, followed by
	// OthersHint.
	OtherDefs  []OtherDef
	OthersHint string
	// OthersLegend explains the mark of a translated summary among
	// OtherDefs ("" when none is marked).
	OthersLegend string
	// ForProduct names the product a common entry is explained for
	// (explain --product P of a code P does not define itself).
	ForProduct string
}

// OtherDef is one other definition of an explained code: its scope, the
// product's name and the one-line summary.
type OtherDef struct {
	Scope, Name, Summary string
}

// explainLayout is explain.tmpl, parsed on first use (most runs never
// explain) by the small interpreter of tmpl.go.
var explainLayout = sync.OnceValue(func() []tnode { return mustLayout("explain.tmpl", explainTmpl, explainData{}) })

// explainData is what explain.tmpl sees: the head of the long form and its
// sections, each already styled, wrapped and indented. A section is a
// heading line and its lines, shown after a blank line in the order
// layoutData adds them; so a new block of the long form is one call of
// add in layoutData (and a label), and the layout does not change.
type explainData struct {
	Title, Meta, Summary string
	Note                 string
	Sections             []string
}

// add appends a section: heading, then each non-empty block on its own line.
func (d *explainData) add(heading string, blocks ...string) {
	var b strings.Builder
	b.WriteString(heading)
	for _, s := range blocks {
		if s != "" {
			b.WriteByte('\n')
			b.WriteString(s)
		}
	}
	d.Sections = append(d.Sections, b.String())
}

// Explain writes the long form of e: summary, causes, numbered fix steps,
// retry advice, related codes, API actions, docs link and provenance.
// Every string from the catalog passes through textsafe before it is written.
func Explain(w io.Writer, e *catalog.Entry, opt ExplainOptions) error {
	d := layoutData(e, opt)
	var buf strings.Builder
	buf.Grow(4096 + 96*len(opt.OtherDefs))
	execLayout(&buf, explainLayout(), reflect.ValueOf(d).Elem(), "")
	_, err := io.WriteString(w, buf.String())
	return err
}

// layoutData builds what explain.tmpl shows of e, section by section in the
// order shown: causes, the official solution, the fix steps, retry, related
// codes, API actions, docs, source, and the other products' definitions.
func layoutData(e *catalog.Entry, opt ExplainOptions) *explainData {
	lang := opt.Lang
	if lang != catalog.Chinese {
		lang = catalog.English
	}
	l := labelsIn(lang)
	v := explain.View(e, lang)
	sanitizeView(&v)
	width := blockWidth(opt.Width)
	paint := painter(opt.Color)
	bold, dim, heading := paint(color.Bold), paint(color.Faint), paint(color.Bold, color.FgCyan)
	block := func(s string) string { return Wrap(s, width, "  ", "  ") }

	retryWord, verdict := retryWords(e, l, lang)
	meta := v.Scope + " · " + v.Category + " · " + retryWord
	if opt.ForProduct != "" {
		meta += " · " + fmt.Sprintf(l.ForProduct, textsafe.Clean(opt.ForProduct))
	}
	if opt.ProductName != "" {
		meta += " · " + textsafe.Clean(opt.ProductName)
	}
	d := &explainData{
		Title:   bold(v.Code),
		Meta:    dim(meta),
		Summary: Wrap(v.Summary, width, "", ""),
	}
	fixHeading := heading(l.Fix)
	var solutionHeading, solution string
	if e.Imported {
		d.Summary, d.Note = importedNote(e, l, lang, width, dim, d.Summary)
		solutionHeading, solution = officialSolution(e, l, lang, width, heading)
		if h := classFixHeading(e, l, lang, width, dim, heading); h != "" {
			fixHeading = h
		}
	}

	if len(v.Causes) > 0 {
		causes := make([]string, len(v.Causes))
		for i, c := range v.Causes {
			causes[i] = Wrap(c, width, "  - ", "    ")
		}
		d.add(heading(l.Causes), causes...)
	}
	if solution != "" {
		d.add(solutionHeading, solution)
	}
	steps := make([]string, len(v.Remediation))
	for i, s := range v.Remediation {
		steps[i] = Wrap(s, width, "  "+strconv.Itoa(i+1)+". ", "     ")
	}
	d.add(fixHeading, steps...)
	var evidence string
	if v.RetryEvidence != "" {
		evidence = dim(block(l.DecidedBy + l.Colon + textsafe.Clean(v.RetryEvidence)))
	}
	d.add(heading(l.Retry+l.Colon+verdict), block(v.Retry), evidence)
	for _, sec := range taggedSections(&v, lang) {
		d.add(heading(sec.heading), block(sec.text))
	}
	if v.Docs != "" {
		docs := "  " + v.Docs
		if lang == catalog.English && e.Docs.En == "" {
			docs += " (Chinese site)"
		}
		d.add(heading(l.Docs), docs)
	}
	var removed string
	if v.Removed != "" {
		removed = block(fmt.Sprintf(l.Removed, v.Removed))
	}
	d.add(heading(l.Provenance), block(l.Provenances[e.Provenance]+l.Colon+v.Source), removed)
	if len(opt.OtherDefs) > 0 {
		d.add(heading(l.OthersIn), otherDefs(opt, l, width, dim)...)
	}
	return d
}

// retryWords returns the word of the meta line and the verdict of the retry
// heading: "retryable" and "yes, with backoff", "retryable later" and
// "after the running operation finishes", or "not retryable" and "no".
func retryWords(e *catalog.Entry, l labels, lang catalog.Lang) (meta, verdict string) {
	switch {
	case e.Verdict == catalog.RetryAfter && e.RetryAfter.In(lang) != "":
		return l.RetryableLater, strings.Replace(l.RetryAfter, "%s", textsafe.Clean(e.RetryAfter.In(lang)), 1)
	case e.Retryable:
		return l.Retryable, l.RetryYes
	}
	return l.NotRetryable, l.No
}

// importedNote returns the summary and the note under it of an imported
// entry: a note when its description is missing, only in the other
// language, or errcode's translation.
func importedNote(e *catalog.Entry, l labels, lang catalog.Lang, width int, dim func(string) string, summary string) (string, string) {
	switch {
	case e.Summary == (catalog.Text{}):
		return Wrap(l.NoDescription, width, "", ""), ""
	case lang == catalog.English && e.Summary.En == "" || lang == catalog.Chinese && e.Summary.Zh == "":
		return summary, dim(Wrap(l.OtherLang, width, "", ""))
	case e.Translated.Summary(lang):
		return summary, dim(Wrap(l.Translated, width, "", ""))
	}
	return summary, ""
}

// officialSolution returns the heading and text of an imported entry's
// official solution ("", "" without one).
func officialSolution(e *catalog.Entry, l labels, lang catalog.Lang, width int, heading func(string) string) (string, string) {
	if e.Solution == (catalog.Text{}) {
		return "", ""
	}
	h := l.Solution
	switch {
	case e.Translated.Solution(lang):
		h = l.SolutionTranslated
	case lang == catalog.English && e.Solution.En == "":
		h = l.SolutionOtherLang
	}
	return heading(h), Wrap(textsafe.Clean(e.Solution.In(lang)), width, "  ", "  ")
}

// classFixHeading returns the heading of the fix steps of an imported entry
// that carries its class's guidance ("" when it has none).
func classFixHeading(e *catalog.Entry, l labels, lang catalog.Lang, width int, dim, heading func(string) string) string {
	switch e.Class {
	case "":
		return ""
	case catalog.ClassAny:
		return heading(fmt.Sprintf(l.FixAny, textsafe.Clean(e.Category())))
	}
	if like, why, ok := catalog.ClassLike(e.Class); ok {
		return heading(fmt.Sprintf(l.FixLike, textsafe.Clean(e.Class), textsafe.Clean(like))) + "\n" +
			dim(Wrap(textsafe.Clean(why.In(lang)), width, "  ", "  "))
	}
	return heading(strings.Replace(l.FixClass, "%s", textsafe.Clean(e.Class), 1))
}

// groupMin is the number of products sharing a summary from which they
// share one line, naming the first groupShown.
const (
	groupMin   = 4
	groupShown = 6
)

// otherDefs returns the compact list of the other definitions (one line
// each, scope and product name in columns, as one block) and the hint and
// legend under it. A code such as InternalError has some 200 of them, so
// this is kept cheap.
func otherDefs(opt ExplainOptions, l labels, width int, dim func(string) string) []string {
	type row struct {
		scope, name, summary string
		scopeW, nameW        int
	}
	// Products that say the same thing share one line: InternalError has
	// some 200 definitions, most of them "内部错误。".
	groups := map[string][]int{}
	var order []string
	for i, o := range opt.OtherDefs {
		k := strings.TrimRight(strings.TrimSpace(o.Summary), "。. ")
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	var rows []row
	for _, k := range order {
		idx := groups[k]
		if len(idx) < groupMin {
			for _, i := range idx {
				o := opt.OtherDefs[i]
				rows = append(rows, row{scope: textsafe.Clean(o.Scope), name: textsafe.Clean(o.Name), summary: textsafe.Clean(o.Summary)})
			}
			continue
		}
		names := make([]string, 0, groupShown+1)
		for _, i := range idx[:min(len(idx), groupShown)] {
			names = append(names, opt.OtherDefs[i].Scope)
		}
		if len(idx) > groupShown {
			names = append(names, "…")
		}
		rows = append(rows, row{
			scope:   fmt.Sprintf(l.GroupOf, len(idx)),
			name:    textsafe.Clean(strings.Join(names, ", ")),
			summary: textsafe.Clean(opt.OtherDefs[idx[0]].Summary),
		})
	}
	scopeW, nameW := 0, 0
	for i := range rows {
		r := &rows[i]
		r.scopeW, r.nameW = stringWidth(r.scope), stringWidth(r.name)
		scopeW, nameW = max(scopeW, r.scopeW), max(nameW, r.nameW)
	}
	nameW = min(nameW, 28)
	// On a narrow terminal the product names give way before the summary
	// goes under 20 cells.
	if nameW > 0 && width > 0 {
		nameW = min(nameW, max(width-(2+scopeW+2)-2-20, 6))
	}
	leadW := 2 + scopeW + 2
	if nameW > 0 {
		leadW += nameW + 2
	}
	avail := max(width-leadW, 20)
	// All lines in one string (the layout writes it as it would the lines).
	var b strings.Builder
	b.Grow(len(rows) * (leadW + 2*avail))
	for i, r := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("  ")
		b.WriteString(r.scope)
		writeSpaces(&b, scopeW-r.scopeW+2)
		if nameW > 0 {
			name, w := r.name, r.nameW
			if w > nameW {
				name, w = truncateWidth(name, nameW), nameW
			}
			b.WriteString(name)
			writeSpaces(&b, nameW-w+2)
		}
		// One line each: a summary too long for the line is cut ("…"); the
		// product's own explain shows it in full.
		summary := r.summary
		if stringWidth(summary) > avail {
			summary = truncateWidth(summary, avail)
		}
		b.WriteString(summary)
	}
	out := []string{b.String()}
	if opt.OthersHint != "" {
		out = append(out, dim(Wrap(textsafe.Clean(opt.OthersHint), width, "", "")))
	}
	if opt.OthersLegend != "" {
		out = append(out, dim(Wrap(opt.OthersLegend, width, "", "")))
	}
	return out
}

func writeSpaces(b *strings.Builder, n int) {
	for ; n > 0; n-- {
		b.WriteByte(' ')
	}
}

// truncateWidth cuts s to at most w display columns, ending with "…".
func truncateWidth(s string, w int) string {
	n := 0
	for i, r := range s {
		rw := runeWidth(r)
		if n+rw > w-1 {
			return strings.TrimRight(s[:i], " ") + "…"
		}
		n += rw
	}
	return s
}

// sanitizeView makes every string of v safe for a terminal: every string
// and list of strings field, so that a new field is safe too.
func sanitizeView(v *explain.Entry) {
	rv := reflect.ValueOf(v).Elem()
	for _, i := range textFields().strings {
		f := rv.Field(i)
		f.SetString(textsafe.Clean(f.String()))
	}
	for _, i := range textFields().lists {
		list := rv.Field(i).Interface().([]string)
		for j := range list {
			list[j] = textsafe.Clean(list[j])
		}
	}
}

// textFields are the indexes of explain.Entry's string and []string
// fields, found once.
var textFields = sync.OnceValue(func() (f struct{ strings, lists []int }) {
	t := reflect.TypeFor[explain.Entry]()
	for i := range t.NumField() {
		switch k := t.Field(i).Type; {
		case k.Kind() == reflect.String:
			f.strings = append(f.strings, i)
		case k.Kind() == reflect.Slice && k.Elem().Kind() == reflect.String:
			f.lists = append(f.lists, i)
		}
	}
	return f
})

// section is one section of explain.Entry's tagged fields (see the section
// tag there): its heading in the language and its text.
type section struct{ heading, text string }

// sectionField is a field of explain.Entry tagged section: its index and
// its heading in English and Chinese.
type sectionField struct {
	index  int
	en, zh string
}

// sectionFields are the fields of explain.Entry tagged section, found once.
var sectionFields = sync.OnceValue(func() (out []sectionField) {
	t := reflect.TypeFor[explain.Entry]()
	for i := range t.NumField() {
		if tag, ok := t.Field(i).Tag.Lookup("section"); ok {
			en, zh, _ := strings.Cut(tag, "|")
			out = append(out, sectionField{i, en, zh})
		}
	}
	return out
})

// taggedSections returns the sections of v's tagged fields that are not
// empty, in field order.
func taggedSections(v *explain.Entry, lang catalog.Lang) []section {
	rv := reflect.ValueOf(v).Elem()
	var out []section
	for _, sf := range sectionFields() {
		f := rv.Field(sf.index)
		var text string
		switch f.Kind() {
		case reflect.String:
			text = f.String()
		case reflect.Slice:
			parts := make([]string, f.Len())
			for j := range parts {
				parts[j] = f.Index(j).String()
			}
			text = strings.Join(parts, ", ")
		}
		if text != "" {
			out = append(out, section{explain.Say(lang, sf.en, sf.zh), text})
		}
	}
	return out
}

// blockWidth is the width a long-form block (explain, a parse finding) is
// wrapped to: the terminal's, at most 100 columns (and 100 with no limit).
func blockWidth(w int) int {
	if w <= 0 || w > 100 {
		return 100
	}
	return w
}

// painter returns the styling of a long-form block: attrs applied when on,
// the text as it is otherwise.
func painter(on bool) func(attrs ...color.Attribute) func(string) string {
	return func(attrs ...color.Attribute) func(string) string {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return func(s string) string { return c.Sprint(s) }
	}
}
