package render

import (
	"fmt"
	"reflect"
	"strings"
)

// The layouts (explain.tmpl, finding.tmpl) are written in text/template
// syntax and executed by this small interpreter of the subset they use:
// text/template's parse and first execution cost about 0.1 ms, a quarter of
// explain's own start-up work. A layout is fed a struct of string and
// []string fields, which it names directly: a new field is a struct field
// and a line of the layout. The subset:
//
//	{{ .Field }}            a string field
//	{{ if .Field }}...{{ end }}   a string or list field, when not empty
//	{{ range .Field }}...{{ end }} each element of a list field, as {{ . }}
//	{{/* comment */}}
//
// with the trim markers {{- and -}} as text/template has them. Anything else
// is an error when the layout is parsed. A test executes the layout with
// text/template too and compares the outputs.

// tnode is a node of a parsed layout.
type tnode struct {
	kind  tkind
	text  string  // tText: the text; tField, tIf, tRange: the field name
	field int     // tField, tIf, tRange: the field's index in the struct
	list  bool    // the field is a []string
	body  []tnode // tIf, tRange
}

type tkind int

const (
	tText tkind = iota
	tField
	tDot
	tIf
	tRange
)

// parseLayout parses src, a layout of the struct type typ: it may name its
// exported string and []string fields.
func parseLayout(src string, typ reflect.Type) ([]tnode, error) {
	fields := map[string]int{} // string fields
	lists := map[string]int{}  // []string fields
	for i := range typ.NumField() {
		f := typ.Field(i)
		switch {
		case !f.IsExported():
		case f.Type.Kind() == reflect.String:
			fields[f.Name] = i
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
			lists[f.Name] = i
		}
	}
	field := func(name string, allowLists bool) (int, bool, bool) {
		if i, ok := fields[name]; ok {
			return i, false, true
		}
		if i, ok := lists[name]; ok && allowLists {
			return i, true, true
		}
		return 0, false, false
	}
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
			case len(words) == 1 && strings.HasPrefix(a, "."):
				i, list, ok := field(a[1:], false)
				if !ok {
					return nil, fmt.Errorf("%s has no string field %s", typ, a)
				}
				out = append(out, tnode{kind: tField, text: a[1:], field: i, list: list})
			case len(words) == 2 && words[0] == "if" && strings.HasPrefix(words[1], "."):
				i, list, ok := field(words[1][1:], true)
				if !ok {
					return nil, fmt.Errorf("%s has no field %s", typ, words[1])
				}
				body, err := parse(inRange, true)
				if err != nil {
					return nil, err
				}
				out = append(out, tnode{kind: tIf, text: words[1][1:], field: i, list: list, body: body})
			case len(words) == 2 && words[0] == "range" && strings.HasPrefix(words[1], "."):
				i, ok := lists[words[1][1:]]
				if !ok {
					return nil, fmt.Errorf("%s has no list field %s", typ, words[1])
				}
				body, err := parse(true, true)
				if err != nil {
					return nil, err
				}
				out = append(out, tnode{kind: tRange, text: words[1][1:], field: i, list: true, body: body})
			default:
				return nil, fmt.Errorf("the layout does not support {{%s}}", a)
			}
		}
		if closed {
			return nil, fmt.Errorf("missing {{end}}")
		}
		return out, nil
	}
	return parse(false, false)
}

// execLayout writes nodes for v, a struct of the type they were parsed
// for; dot is the element of the innermost range.
func execLayout(b *strings.Builder, nodes []tnode, v reflect.Value, dot string) {
	for _, n := range nodes {
		switch n.kind {
		case tText:
			b.WriteString(n.text)
		case tField:
			b.WriteString(v.Field(n.field).String())
		case tDot:
			b.WriteString(dot)
		case tIf:
			f := v.Field(n.field)
			if f.Len() > 0 { // a string or a list
				execLayout(b, n.body, v, dot)
			}
		case tRange:
			f := v.Field(n.field)
			for i := range f.Len() {
				execLayout(b, n.body, v, f.Index(i).String())
			}
		}
	}
}

// mustLayout parses the layout src of the struct type of data, panicking
// on an error: layouts are embedded, and a test parses each.
func mustLayout(name, src string, data any) []tnode {
	nodes, err := parseLayout(src, reflect.TypeOf(data))
	if err != nil {
		panic("render: " + name + ": " + err.Error())
	}
	return nodes
}
