package catalog

import (
	"bufio"
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"go.yaml.in/yaml/v3"
)

func readCodeList(t *testing.T, path string) [][2]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		scope, code, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s: bad line %q", path, line)
		}
		out = append(out, [2]string{scope, code})
	}
	return out
}

func TestDecodeRejectsUnknownFields(t *testing.T) {
	_, err := Decode([]byte("- code: X\n  scope: common\n  sumary: {en: a, zh: b}\n"))
	if err == nil || !strings.Contains(err.Error(), "sumary") {
		t.Fatalf("Decode with a misspelt field: err = %v, want an error naming it", err)
	}
	if _, err := Decode([]byte("code: X\n")); err == nil {
		t.Fatal("Decode of a mapping instead of a list: want an error")
	}
	if _, err := Decode([]byte("- null\n")); err == nil {
		t.Fatal("Decode of an empty entry: want an error")
	}
}

func TestEmbeddedCatalogDecodes(t *testing.T) {
	if _, err := Decode(CodesYAML); err != nil {
		t.Fatalf("codes.yaml: %v", err)
	}
	if Default().Len() == 0 {
		t.Fatal("empty catalog")
	}
}

var codeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)*$`)

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func TestEntriesAreComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Default().Entries() {
		id := e.Scope + "/" + e.Code
		if seen[id] {
			t.Errorf("%s: duplicate (scope, code)", id)
		}
		seen[id] = true
		if !codeRE.MatchString(e.Code) {
			t.Errorf("%s: code is not code-shaped", id)
		}
		if e.Scope == "" || strings.ToLower(e.Scope) != e.Scope {
			t.Errorf("%s: scope must be a lower-case name", id)
		}
		check := func(field string, tx Text) {
			if strings.TrimSpace(tx.En) == "" || strings.TrimSpace(tx.Zh) == "" {
				t.Errorf("%s: %s needs both en and zh", id, field)
				return
			}
			if !hasHan(tx.Zh) && field != "docs" {
				t.Errorf("%s: %s.zh has no Chinese: %q", id, field, tx.Zh)
			}
		}
		check("summary", e.Summary)
		check("retry", e.Retry)
		check("docs", e.Docs)
		if len(e.Causes) == 0 {
			t.Errorf("%s: no causes", id)
		}
		for _, c := range e.Causes {
			check("causes", c)
		}
		if len(e.Remediation) == 0 {
			t.Errorf("%s: no remediation", id)
		}
		for _, r := range e.Remediation {
			check("remediation", r)
		}
		switch e.Provenance {
		case ProvenanceOfficial, ProvenanceOfficialZh:
		case ProvenanceInferred:
			if !strings.Contains(e.Summary.En, "inferred") || !strings.Contains(e.Summary.Zh, "推断") {
				t.Errorf("%s: an inferred summary must say so in both languages", id)
			}
		default:
			t.Errorf("%s: provenance %q is not official, official-zh or inferred", id, e.Provenance)
		}
		if e.Source == "" {
			t.Errorf("%s: no source", id)
		}
		for _, d := range []string{e.Docs.En, e.Docs.Zh} {
			if !strings.HasPrefix(d, "https://") {
				t.Errorf("%s: docs link %q is not https", id, d)
			}
		}
		if e.Scope == ScopeCommon && len(e.Actions) > 0 {
			t.Errorf("%s: common codes carry no actions", id)
		}
	}
}

func TestRelatedCodesResolve(t *testing.T) {
	c := Default()
	for _, e := range c.Entries() {
		for _, r := range e.Related {
			if r == e.Code {
				t.Errorf("%s/%s: related to itself", e.Scope, e.Code)
			}
			if len(c.Find(r)) == 0 {
				t.Errorf("%s/%s: related code %s is not in the catalog", e.Scope, e.Code, r)
			}
		}
	}
}

func TestRequiredCodesPresent(t *testing.T) {
	c := Default()
	for _, file := range []string{"testdata/required_codes.tsv", "testdata/seed_codes.tsv"} {
		for _, sc := range readCodeList(t, file) {
			if c.Get(sc[0], sc[1]) == nil {
				t.Errorf("%s: %s/%s is missing", file, sc[0], sc[1])
			}
		}
	}
}

// TestSourceOrder keeps codes.yaml in catalog order (category, code, scope),
// so that additions land in a predictable place and diffs stay small.
func TestSourceOrder(t *testing.T) {
	entries, err := Decode(CodesYAML)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(entries); i++ {
		if less(entries[i], entries[i-1]) {
			t.Errorf("codes.yaml: %s/%s comes after %s/%s; keep entries sorted by category, code, scope (common first)",
				entries[i].Scope, entries[i].Code, entries[i-1].Scope, entries[i-1].Code)
		}
	}
}

func TestCategoryAndParent(t *testing.T) {
	tests := []struct{ code, cat, parent string }{
		{"AuthFailure.SignatureExpire", "AuthFailure", "AuthFailure"},
		{"InternalError", "InternalError", ""},
		{"A.B.C", "A", "A.B"},
		{".x", "", ""},
	}
	for _, tt := range tests {
		if got := Category(tt.code); got != tt.cat {
			t.Errorf("Category(%q) = %q, want %q", tt.code, got, tt.cat)
		}
		p, _ := Parent(tt.code)
		if p != tt.parent {
			t.Errorf("Parent(%q) = %q, want %q", tt.code, p, tt.parent)
		}
	}
}

func TestResolve(t *testing.T) {
	c := New([]*Entry{
		{Code: "InternalError", Scope: "tcr"},
		{Code: "InternalError", Scope: "common"},
		{Code: "InternalError.DbError", Scope: "tcr"},
		{Code: "AuthFailure", Scope: "tcr"},
	})
	tests := []struct {
		scope, code    string
		wantScope      string
		wantCode       string
		wantExact      bool
		wantNilMessage string
	}{
		{"", "internalerror", "common", "InternalError", true, ""},
		{"tcr", "InternalError", "tcr", "InternalError", true, ""},
		{"", "InternalError.SomethingNew", "common", "InternalError", false, ""},
		{"", "internalerror.dberror", "tcr", "InternalError.DbError", true, ""},
		{"tcr", "InternalError.DbError.X", "tcr", "InternalError.DbError", false, ""},
		{"cvm", "InternalError.X", "common", "InternalError", false, ""},
		{"", "AuthFailure.Whatever", "tcr", "AuthFailure", false, ""},
		{"", "Nope.Nothing", "", "", false, "unknown class"},
	}
	for _, tt := range tests {
		e, exact := c.Resolve(tt.scope, tt.code)
		if tt.wantNilMessage != "" {
			if e != nil {
				t.Errorf("Resolve(%q, %q) = %s/%s, want nil (%s)", tt.scope, tt.code, e.Scope, e.Code, tt.wantNilMessage)
			}
			continue
		}
		if e == nil || e.Scope != tt.wantScope || e.Code != tt.wantCode || exact != tt.wantExact {
			t.Errorf("Resolve(%q, %q) = %v, %v; want %s/%s, %v", tt.scope, tt.code, e, exact, tt.wantScope, tt.wantCode, tt.wantExact)
		}
	}
}

// The YAML must survive a round trip unchanged in meaning: every field has a tag.
func TestRoundTrip(t *testing.T) {
	entries, err := Decode(CodesYAML)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := yaml.NewEncoder(&buf).Encode(entries); err != nil {
		t.Fatal(err)
	}
	again, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatalf("re-decode: %v", err)
	}
	if len(again) != len(entries) {
		t.Fatalf("round trip: %d entries, want %d", len(again), len(entries))
	}
}
