package render

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"text/template"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/explain"
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

// A field of explain.Entry tagged section is a section of the long form,
// under its heading in the language, a list joined with commas; an empty
// one is left out.
func TestTaggedSections(t *testing.T) {
	v := explain.Entry{Related: []string{"A", "B"}}
	got := taggedSections(&v, catalog.English)
	if len(got) != 1 || got[0] != (section{"Related codes", "A, B"}) {
		t.Errorf("English: %q", got)
	}
	v.Actions = []string{"RunInstances"}
	got = taggedSections(&v, catalog.Chinese)
	if len(got) != 2 || got[0].heading != "相关错误码" || got[1] != (section{"可能返回此错误码的接口", "RunInstances"}) {
		t.Errorf("Chinese: %q", got)
	}
	// Every tagged field has both headings, and shows in a real long form.
	e := catalog.Default().Get("tcr", "ResourceNotFound.ErrNoRepo")
	var out strings.Builder
	if err := Explain(&out, e, ExplainOptions{Lang: catalog.English, Width: 80}); err != nil {
		t.Fatal(err)
	}
	for _, sf := range sectionFields() {
		if sf.en == "" || sf.zh == "" {
			t.Errorf("field %d: section tag needs \"English|中文\"", sf.index)
		}
		if !strings.Contains(out.String(), "\n"+sf.en+"\n") {
			t.Errorf("the long form of tcr ResourceNotFound.ErrNoRepo has no %q section:\n%s", sf.en, out.String())
		}
	}
	if len(sectionFields()) < 2 {
		t.Errorf("only %d tagged fields", len(sectionFields()))
	}
}
