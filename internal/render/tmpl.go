package render

import (
	"fmt"
	"strings"
)

// The explain layout (explain.tmpl) is written in text/template syntax and
// executed by this small interpreter of the subset it uses, with no
// reflection: text/template's parse and first execution cost about 0.1 ms,
// a quarter of explain's own start-up work. The subset:
//
//	{{ .Field }}            a string field of explainData
//	{{ if .Field }}...{{ end }}   a string or list field, when not empty
//	{{ range .Field }}...{{ end }} each element of a list field, as {{ . }}
//	{{/* comment */}}
//
// with the trim markers {{- and -}} as text/template has them. Anything else
// is an error when the layout is parsed. A test executes the layout with
// text/template too and compares the outputs.

// tnode is a node of a parsed layout.
type tnode struct {
	kind tkind
	text string  // tText: the text; tField, tIf, tRange: the field name
	body []tnode // tIf, tRange
}

type tkind int

const (
	tText tkind = iota
	tField
	tDot
	tIf
	tRange
)

// parseLayout parses src; fields lists the string fields, lists the list
// fields a layout may name.
func parseLayout(src string, fields, lists map[string]bool) ([]tnode, error) {
	type action struct{ body string }
	// Split into texts and actions, applying the trim markers.
	var toks []any
	rest := src
	trimNext := false
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			t := rest
			if trimNext {
				t = strings.TrimLeft(t, " \t\r\n")
			}
			if t != "" {
				toks = append(toks, t)
			}
			break
		}
		j := strings.Index(rest[i:], "}}")
		if j < 0 {
			return nil, fmt.Errorf("unclosed action")
		}
		body := rest[i+2 : i+j]
		text := rest[:i]
		if trimNext {
			text = strings.TrimLeft(text, " \t\r\n")
		}
		trimL := strings.HasPrefix(body, "- ")
		trimR := strings.HasSuffix(body, " -")
		if trimL {
			body = body[1:]
			text = strings.TrimRight(text, " \t\r\n")
		}
		if trimR {
			body = body[:len(body)-1]
		}
		if text != "" {
			toks = append(toks, text)
		}
		toks = append(toks, action{body: strings.TrimSpace(body)})
		trimNext = trimR
		rest = rest[i+j+2:]
	}
	// Build the tree.
	pos := 0
	var parse func(inRange bool, closed bool) ([]tnode, error)
	parse = func(inRange, closed bool) ([]tnode, error) {
		var out []tnode
		for pos < len(toks) {
			tok := toks[pos]
			pos++
			if t, ok := tok.(string); ok {
				out = append(out, tnode{kind: tText, text: t})
				continue
			}
			a := tok.(action).body
			words := strings.Fields(a)
			switch {
			case strings.HasPrefix(a, "/*") && strings.HasSuffix(a, "*/"):
			case a == "end":
				if !closed {
					return nil, fmt.Errorf("unexpected {{end}}")
				}
				return out, nil
			case a == ".":
				if !inRange {
					return nil, fmt.Errorf("{{.}} outside a range")
				}
				out = append(out, tnode{kind: tDot})
			case len(words) == 1 && strings.HasPrefix(a, ".") && fields[a[1:]]:
				out = append(out, tnode{kind: tField, text: a[1:]})
			case len(words) == 2 && words[0] == "if" && strings.HasPrefix(words[1], ".") && (fields[words[1][1:]] || lists[words[1][1:]]):
				body, err := parse(inRange, true)
				if err != nil {
					return nil, err
				}
				out = append(out, tnode{kind: tIf, text: words[1][1:], body: body})
			case len(words) == 2 && words[0] == "range" && strings.HasPrefix(words[1], ".") && lists[words[1][1:]]:
				body, err := parse(true, true)
				if err != nil {
					return nil, err
				}
				out = append(out, tnode{kind: tRange, text: words[1][1:], body: body})
			default:
				return nil, fmt.Errorf("the explain layout does not support {{%s}}", a)
			}
		}
		if closed {
			return nil, fmt.Errorf("missing {{end}}")
		}
		return out, nil
	}
	return parse(false, false)
}

// execLayout writes nodes for d; dot is the element of the innermost range.
func execLayout(b *strings.Builder, nodes []tnode, d *explainData, dot string) {
	for _, n := range nodes {
		switch n.kind {
		case tText:
			b.WriteString(n.text)
		case tField:
			b.WriteString(d.str(n.text))
		case tDot:
			b.WriteString(dot)
		case tIf:
			if d.str(n.text) != "" || len(d.list(n.text)) > 0 {
				execLayout(b, n.body, d, dot)
			}
		case tRange:
			for _, x := range d.list(n.text) {
				execLayout(b, n.body, d, x)
			}
		}
	}
}

// explainFields and explainLists name the string and list fields of
// explainData, for parseLayout; str and list read them.
var (
	explainFields = map[string]bool{}
	explainLists  = map[string]bool{"Causes": true, "Steps": true, "Others": true}
)

func init() {
	for _, f := range strings.Fields(`Title Meta AlsoIn Summary Note CausesHeading SolutionHeading Solution FixHeading
		RetryHeading Retry RetryEvidence RelatedHeading Related ActionsHeading Actions DocsHeading Docs SourceHeading Source
		OthersHeading OthersHint`) {
		explainFields[f] = true
	}
}

func (d *explainData) str(name string) string {
	switch name {
	case "Title":
		return d.Title
	case "Meta":
		return d.Meta
	case "AlsoIn":
		return d.AlsoIn
	case "Summary":
		return d.Summary
	case "Note":
		return d.Note
	case "CausesHeading":
		return d.CausesHeading
	case "SolutionHeading":
		return d.SolutionHeading
	case "Solution":
		return d.Solution
	case "FixHeading":
		return d.FixHeading
	case "RetryHeading":
		return d.RetryHeading
	case "Retry":
		return d.Retry
	case "RetryEvidence":
		return d.RetryEvidence
	case "RelatedHeading":
		return d.RelatedHeading
	case "Related":
		return d.Related
	case "ActionsHeading":
		return d.ActionsHeading
	case "Actions":
		return d.Actions
	case "DocsHeading":
		return d.DocsHeading
	case "Docs":
		return d.Docs
	case "SourceHeading":
		return d.SourceHeading
	case "Source":
		return d.Source
	case "OthersHeading":
		return d.OthersHeading
	case "OthersHint":
		return d.OthersHint
	}
	return ""
}

func (d *explainData) list(name string) []string {
	switch name {
	case "Causes":
		return d.Causes
	case "Steps":
		return d.Steps
	case "Others":
		return d.Others
	}
	return nil
}
