package catalog

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
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
		{Code: "AuthFailure.SignatureExpire", Scope: "common"},
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
		// A code the scope lacks but another scope defines beats the scope's class.
		{"tcr", "AuthFailure.SignatureExpire", "common", "AuthFailure.SignatureExpire", true, ""},
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

// The generated key index of Default answers exactly as the map New builds.
func TestDefaultIndexMatchesNew(t *testing.T) {
	def := Default()
	built := New(def.Entries())
	queries := []string{"", "nope", "authfailure", "AUTHFAILURE.SIGNATUREEXPIRE", " internalerror ", "zzz", "a"}
	for _, e := range def.Entries() {
		queries = append(queries, e.Code, strings.ToUpper(e.Code), strings.ToLower(e.Code))
	}
	for _, q := range queries {
		got, want := def.Find(q), built.Find(q)
		if len(got) != len(want) {
			t.Fatalf("Find(%q): %d entries, want %d", q, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("Find(%q)[%d] = %s/%s, want %s/%s", q, i, got[i].Scope, got[i].Code, want[i].Scope, want[i].Code)
			}
		}
	}
}
