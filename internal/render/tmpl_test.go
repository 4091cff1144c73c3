package render

import (
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
			{Lang: catalog.Chinese, Width: 60, Color: true, Others: []string{"tcr"}, ProductName: "名", OtherDefs: others, OthersHint: "hint"},
		} {
			d := layoutData(e, opt)
			var want, got strings.Builder
			if err := tt.Execute(&want, d); err != nil {
				t.Fatal(err)
			}
			execLayout(&got, explainLayout(), d, "")
			if got.String() != want.String() {
				t.Fatalf("%s/%s: the layout differs from text/template's:\n--- got\n%s\n--- want\n%s", e.Scope, e.Code, got.String(), want.String())
			}
		}
	}
}

func TestParseLayoutRejects(t *testing.T) {
	for _, src := range []string{
		"{{ .Nope }}", "{{ if .Title }}x", "{{ end }}", "{{ . }}", "{{ range .Title }}{{ end }}",
		"{{ printf \"%s\" .Title }}", "{{ .Title ", "{{ with .Title }}{{ end }}",
	} {
		if _, err := parseLayout(src, explainFields, explainLists); err == nil {
			t.Errorf("parseLayout(%q): want an error", src)
		}
	}
	// Every field the struct has is known to the interpreter, and only those.
	d := &explainData{}
	for f := range explainFields {
		if d.str(f) != "" {
			t.Fatal("zero data")
		}
		tpl := template.Must(template.New("f").Parse("{{ ." + f + " }}"))
		if err := tpl.Execute(&strings.Builder{}, d); err != nil {
			t.Errorf("field %s: %v", f, err)
		}
	}
}
