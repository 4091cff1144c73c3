package render

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/explain"
)

// The hand-written YAML must decode, with a real YAML parser, to what was written.
func TestYAMLRoundTrip(t *testing.T) {
	var views []explain.Entry
	for _, e := range catalog.Default().Entries() {
		v := explain.View(e, catalog.English)
		v.Query, v.Match = "q: \"x\"\n\x1b", "exact"
		views = append(views, v, explain.View(e, catalog.Chinese))
	}
	tricky := explain.Entry{Code: "true", Summary: "- dash", Retry: "yes", Source: "123", Docs: " lead", Causes: []string{"a: b", "#x", "", "null", "multi\nline", "\u2028", "签名过期。"}}
	views = append(views, tricky)
	var buf bytes.Buffer
	if err := YAML(&buf, views); err != nil {
		t.Fatal(err)
	}
	var got []explain.Entry
	if err := yaml.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("output is not valid YAML: %v\n%s", err, buf.String())
	}
	if len(got) != len(views) {
		t.Fatalf("decoded %d entries, wrote %d", len(got), len(views))
	}
	for i := range views {
		w, g := views[i], got[i]
		if w.Code != g.Code || w.Summary != g.Summary || w.Retry != g.Retry || w.Source != g.Source || w.Docs != g.Docs ||
			w.Retryable != g.Retryable || w.Query != g.Query || strings.Join(w.Causes, "|") != strings.Join(g.Causes, "|") ||
			len(w.Related) != len(g.Related) {
			t.Errorf("entry %d: wrote %+v\nread %+v", i, w, g)
		}
	}
}

func TestYAMLShape(t *testing.T) {
	var buf bytes.Buffer
	if err := YAML(&buf, []explain.Entry{{Code: "A.B", Category: "A", Causes: []string{"c"}, Related: []string{}}}); err != nil {
		t.Fatal(err)
	}
	want := "- code: A.B\n  category: A\n  scope: \"\"\n  summary: \"\"\n  retryable: false\n  retry: \"\"\n  causes:\n    - c\n  remediation: []\n  related: []\n  actions: []\n  docs: \"\"\n  provenance: \"\"\n  source: \"\"\n  retry_verdict: \"\"\n  retry_evidence: \"\"\n"
	if buf.String() != want {
		t.Errorf("YAML =\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	if err := YAML(&buf, []explain.Entry{}); err != nil || buf.String() != "[]\n" {
		t.Errorf("empty list: %q, %v", buf.String(), err)
	}
}

// TestLowerToASCII backs yamlPlainOK's length test: no rune longer than 3
// bytes lower-cases to ASCII, so a string of more than 15 bytes cannot
// lower-case to a 5-letter word.
func TestLowerToASCII(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l < utf8.RuneSelf && utf8.RuneLen(r) > 3 {
			t.Fatalf("%U (%d bytes) lower-cases to %q", r, utf8.RuneLen(r), l)
		}
	}
}

// TestYAMLPlainWords: words a YAML reader takes for a bool or null are
// quoted in any case; other words and sentences are not.
func TestYAMLPlainWords(t *testing.T) {
	for _, tt := range []struct {
		s     string
		plain bool
	}{
		{"true", false}, {"FALSE", false}, {"Yes", false}, {"no", false}, {"On", false},
		{"off", false}, {"Y", false}, {"n", false}, {"NULL", false},
		{"falsey", true}, {"nope", true}, {"Internal error", true}, {"InternalError", true},
		{"\u212Aey", true}, // the Kelvin sign lower-cases to k: "key" is no keyword
		{"内部错误", true},
	} {
		if got := yamlPlainOK(tt.s); got != tt.plain {
			t.Errorf("yamlPlainOK(%q) = %v, want %v", tt.s, got, tt.plain)
		}
	}
}
