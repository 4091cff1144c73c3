package render

import (
	_ "embed"
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

//go:embed finding.tmpl
var findingTmpl string

var findingLayout = sync.OnceValue(func() []tnode { return mustLayout("finding.tmpl", findingTmpl, findingData{}) })

// findingData is what finding.tmpl sees: each line styled, wrapped to the
// width and indented.
type findingData struct {
	Head                                       string // the code, and where it was found
	Message, RequestID, Request, Meaning, API2 string
	DidYouMean                                 string
	Steps                                      []string
	Retry                                      string
	Notes                                      []string
	More                                       string
}

// FindingOptions say how to lay out a finding's text block.
type FindingOptions struct {
	Lang  catalog.Lang
	Width int  // wrap width in display columns (at most 100)
	Color bool // the code in bold, the location dim, notes in yellow
	Steps int  // fix steps shown: -1 for all
}

// labelWidth is the width of a finding's labels: values start in the
// column after it, two spaces in.
const labelWidth = 12

// Finding writes the text block of one parse finding. Every string from
// the input or the catalog passes through textsafe before it is written.
func Finding(w io.Writer, rec explain.Finding, opt FindingOptions) error {
	d := findingLayoutData(rec, opt)
	var buf strings.Builder
	execLayout(&buf, findingLayout(), reflect.ValueOf(d).Elem(), "")
	_, err := io.WriteString(w, buf.String())
	return err
}

func findingLayoutData(rec explain.Finding, opt FindingOptions) *findingData {
	say := func(en, zh string) string { return explain.Say(opt.Lang, en, zh) }
	width := blockWidth(opt.Width)
	paint := painter(opt.Color)
	bold, dim, yellow := paint(color.Bold), paint(color.Faint), paint(color.FgYellow)
	clean := textsafe.Clean

	where := say("line "+strconv.Itoa(rec.Line), "第 "+strconv.Itoa(rec.Line)+" 行")
	if rec.ShowFile {
		where = clean(rec.File) + ":" + strconv.Itoa(rec.Line)
	}
	meta := where + " · " + rec.Shape
	if rec.Confidence != "high" {
		meta += " · " + say("confidence ", "置信度 ") + rec.Confidence
	}
	if rec.Inferred {
		meta += " · " + say("code inferred from the message", "错误码由消息推断")
	}
	sep := "  "
	if stringWidth(clean(rec.Code))+2+stringWidth(meta) > width {
		sep = "\n  " // a long path: the location on a line of its own
	}
	d := &findingData{Head: bold(clean(rec.Code)) + sep + dim(meta)}

	label := func(en, zh string) string {
		l := say(en, zh)
		return "  " + l + strings.Repeat(" ", max(labelWidth-stringWidth(l), 1))
	}
	indent := strings.Repeat(" ", 2+labelWidth)
	field := func(en, zh, v string) string {
		if v == "" {
			return ""
		}
		return Wrap(clean(v), width, label(en, zh), indent)
	}
	d.Message = field("message", "消息", rec.Message)
	d.RequestID = field("request id", "请求 ID", rec.RequestID)
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
		d.Request = label("request", "请求") + clean(strings.Join(http, " · "))
	}
	notIn := say("not in the catalog", "不在错误码目录中")
	if rec.Product != "" {
		notIn = say("not in the catalog (product "+rec.Product+")", "不在错误码目录中（产品 "+rec.Product+"）")
	}
	var meaning string
	switch {
	case rec.Explained == "" && rec.LegacyMeaning != "":
		meaning = say("API 2.0 code "+rec.LegacyCode+": ", "API 2.0 错误码 "+rec.LegacyCode+"：") + rec.LegacyMeaning
	case rec.Explained == "":
		meaning = notIn + say(", and neither is its class "+rec.Category, "，其类别 "+rec.Category+" 也不在")
	case rec.ClassGuide && rec.Summary != "":
		meaning = notIn + say("; errcode's guidance for its class "+rec.Explained+": ", "；以下为 errcode 对其类别 "+rec.Explained+" 的建议：") + rec.Summary
	case rec.ClassGuide:
		meaning = notIn + say("; errcode's guidance for its class "+rec.Explained+" follows", "；以下为 errcode 对其类别 "+rec.Explained+" 的建议")
	case !rec.Known:
		meaning = notIn + say("; its class "+rec.Explained+": ", "；其类别 "+rec.Explained+"：") + rec.Summary
	default:
		meaning = rec.Summary
	}
	if len(rec.Translated) > 0 && rec.Summary != "" && strings.HasSuffix(meaning, rec.Summary) {
		meaning += say(" (errcode's translation of Tencent Cloud's Chinese text; --lang zh shows the original)", "（errcode 译自腾讯云英文原文；--lang en 显示原文）")
	}
	d.Meaning = field("meaning", "含义", meaning)
	if rec.Explained != "" && rec.LegacyMeaning != "" {
		d.API2 = field("API 2.0", "API 2.0", rec.LegacyCode+say(": ", "：")+rec.LegacyMeaning)
	}
	if len(rec.Suggestions) > 0 {
		d.DidYouMean = field("did you mean", "您是否要找", strings.Join(rec.Suggestions, ", ")+say(" ("+rec.Product+")", "（"+rec.Product+"）"))
	}
	steps := rec.Remediation
	if opt.Steps >= 0 && len(steps) > opt.Steps {
		steps = steps[:opt.Steps]
	}
	for i, s := range steps {
		l := label("fix", "解决")
		if i > 0 {
			l = indent
		}
		d.Steps = append(d.Steps, Wrap(clean(strconv.Itoa(i+1)+". "+s), width, l, indent+"   "))
	}
	if rec.RetryVerdict != "" {
		verdict := say("no: ", "否：")
		switch {
		case rec.RetryVerdict == string(catalog.RetryAfter) && rec.RetryAfter != "":
			verdict = say("after "+rec.RetryAfter+": ", rec.RetryAfter+"可重试：")
		case rec.Retryable:
			verdict = say("yes: ", "是：")
		}
		if rec.RetryMessage {
			verdict += say(strings.ToUpper(rec.RetryEvidence[:1])+rec.RetryEvidence[1:]+". ", rec.RetryEvidence+"。")
		}
		d.Retry = field("retry", "重试", verdict+rec.Retry)
	}
	for _, n := range rec.Notes {
		// The note in yellow, line by line: the label and indent stay plain.
		lead := label("note", "提示")
		lines := strings.Split(Wrap(clean(n), width, lead, indent), "\n")
		for i, line := range lines {
			if i > 0 {
				lead = indent
			}
			lines[i] = lead + yellow(strings.TrimPrefix(line, lead))
		}
		d.Notes = append(d.Notes, strings.Join(lines, "\n"))
	}
	if rec.Explained != "" && !rec.ClassGuide && len(rec.Remediation) > len(steps) {
		d.More = field("more", "更多", "errcode explain "+rec.Explained)
	}
	return d
}
