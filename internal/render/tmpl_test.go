package render

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"text/template"

	"github.com/errcode-dev/errcode/catalog"
)

// The interpreter of tmpl.go executes explain.tmpl exactly as text/template
// does, for every curated entry and a sample of imported ones, in both
// languages, with and without the optional blocks.
func TestLayoutMatchesTextTemplate(t *testing.T) {
	tt := template.Must(template.New("explain").Parse(explainTmpl))
	c := catalog.Default()
	entries := c.Curated()
	for _, code := range []string{"FailedOperation.ServiceIsolate", "UnauthorizedOperation.NoLicense", "UnsupportedOperation.TextTooLong", "DBError", "CdbError", "FailedOperation.ResourceInOperating", "FailedOperation.OperateLater"} {
		entries = append(entries, c.Find(code)...)
	}
	others := []OtherDef{{Scope: "asr", Name: "语音识别", Summary: "x"}, {Scope: "tmt", Summary: "y"}}
	for _, e := range entries {
		for _, opt := range []ExplainOptions{
			{Lang: catalog.English, Width: 80},
			{Lang: catalog.Chinese, Width: 60, Color: true, ProductName: "名", OtherDefs: others, OthersHint: "hint"},
		} {
			d := layoutData(e, opt)
			var want, got strings.Builder
			if err := tt.Execute(&want, d); err != nil {
				t.Fatal(err)
			}
			execLayout(&got, explainLayout(), reflect.ValueOf(d).Elem(), "")
			if got.String() != want.String() {
				t.Fatalf("%s/%s: the layout differs from text/template's:\n--- got\n%s\n--- want\n%s", e.Scope, e.Code, got.String(), want.String())
			}
		}
	}
}

func TestParseLayoutRejects(t *testing.T) {
	for _, src := range []string{
		"{{ .Nope }}", "{{ if .Title }}x", "{{ end }}", "{{ . }}", "{{ range .Title }}{{ end }}",
		"{{ printf \"%s\" .Title }}", "{{ .Title ", "{{ with .Title }}{{ end }}", "{{ .Sections }}",
	} {
		if _, err := parseLayout(src, reflect.TypeFor[explainData]()); err == nil {
			t.Errorf("parseLayout(%q): want an error", src)
		}
	}
}

// Each layout names every field of its data, and only those: a field the
// layout does not show is dead, and a name the struct lacks is refused
// (TestParseLayoutRejects).
func TestLayoutsUseEveryField(t *testing.T) {
	for _, l := range []struct {
		name  string
		nodes []tnode
		typ   reflect.Type
	}{
		{"explain.tmpl", explainLayout(), reflect.TypeFor[explainData]()},
		{"finding.tmpl", findingLayout(), reflect.TypeFor[findingData]()},
	} {
		var used []string
		var walk func([]tnode)
		walk = func(ns []tnode) {
			for _, n := range ns {
				if n.kind == tField || n.kind == tIf || n.kind == tRange {
					used = append(used, n.text)
				}
				walk(n.body)
			}
		}
		walk(l.nodes)
		for i := range l.typ.NumField() {
			if f := l.typ.Field(i); !slices.Contains(used, f.Name) {
				t.Errorf("%s does not show %s.%s", l.name, l.typ.Name(), f.Name)
			}
		}
		if len(used) == 0 {
			t.Errorf("%s names no field", l.name)
		}
	}
}
