package explain

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/search"
)

func TestResolve(t *testing.T) {
	x := testExplainer()
	tests := []struct {
		q, scope  string
		how       string // the first match's, "" for none
		code      string // the first match's code
		miss      bool
		suggest   string // one of the suggestions
		elsewhere []string
		kind      search.Kind
	}{
		{q: "AuthFailure.SignatureExpire", how: "exact", code: "AuthFailure.SignatureExpire", kind: search.KindExact},
		{q: " authfailure.signatureexpire ", how: "exact", code: "AuthFailure.SignatureExpire", kind: search.KindExact},
		{q: "AuthFailure.Signature*", how: "pattern", code: "AuthFailure.SignatureExpire", kind: search.KindPattern},
		{q: "Nope*", miss: true, kind: search.KindPattern},
		{q: "signature", how: "text", kind: search.KindText},
		{q: "InternalError.SomethingNew", how: "parent", code: "InternalError", miss: true, kind: search.KindExact},
		{q: "AuthFailure.SignatureExpir", miss: true, suggest: "AuthFailure.SignatureExpire", kind: search.KindExact},
		{q: "FailedOperation.ServiceIsolate", scope: "cvm", miss: true, elsewhere: []string{"aai", "asr", "tmt"}, kind: search.KindExact},
		{q: "ResourceNotFound.ErrNoRepo", scope: "tcr", how: "exact", code: "ResourceNotFound.ErrNoRepo", kind: search.KindExact},
	}
	for _, tt := range tests {
		r := x.Resolve(tt.q, tt.scope)
		var how, code string
		if len(r.Matches) > 0 {
			how, code = r.Matches[0].How, x.Definition(r.Matches[0]).Code
		}
		if how != tt.how || tt.code != "" && code != tt.code || r.Miss != tt.miss || r.Kind != tt.kind ||
			tt.suggest != "" && !slices.Contains(r.Suggest, tt.suggest) || !slices.Equal(r.Elsewhere, tt.elsewhere) {
			t.Errorf("Resolve(%q, %q) = how %q code %q miss %v kind %v suggest %q elsewhere %q", tt.q, tt.scope, how, code, r.Miss, r.Kind, r.Suggest, r.Elsewhere)
		}
		if r.Query != strings.TrimSpace(tt.q) {
			t.Errorf("Resolve(%q).Query = %q", tt.q, r.Query)
		}
	}
}

// A common code asked for with --product P that P does not define is
// explained for P.
func TestResolveCommonForProduct(t *testing.T) {
	x := testExplainer()
	r := x.Resolve("AuthFailure.SignatureExpire", "cvm")
	if r.Miss || len(r.Matches) != 1 || r.Matches[0].ForProduct != "cvm" {
		t.Fatalf("Resolve = %+v", r)
	}
	if e := x.Entry(r.Matches[0]); e.Scope != catalog.ScopeCommon || !strings.Contains(strings.Join(e.Steps(catalog.English), " "), "cvm") {
		t.Errorf("the common entry is not explained for cvm: %s %q", e.Scope, e.Steps(catalog.English))
	}
}

func TestLookupDeduplicates(t *testing.T) {
	x := testExplainer()
	var hits []Hit
	var misses []string
	err := x.Lookup([]string{"AuthFailure.SignatureExpire", "authfailure.signatureexpire", "AuthFailure.SignatureExp*", "Nope.Nothing"}, "common",
		func(h Hit) error { hits = append(hits, h); return nil },
		func(r Resolution) { misses = append(misses, r.Query) })
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Code != "AuthFailure.SignatureExpire" || hits[0].Category != "AuthFailure" || hits[0].Summary == "" {
		t.Errorf("hits = %+v", hits)
	}
	if !slices.Equal(misses, []string{"Nope.Nothing"}) {
		t.Errorf("misses = %q", misses)
	}
	stop := errors.New("stop")
	if err := x.Lookup([]string{"AuthFailure.*"}, "", func(Hit) error { return stop }, func(Resolution) {}); err != stop {
		t.Errorf("Lookup does not stop at the first error: %v", err)
	}
}

func TestExplainChoosesEntry(t *testing.T) {
	x := testExplainer()
	tests := []struct {
		q, scope   string
		scopeShown string
		others     bool
		forProduct string
		match      string
		misses     int
	}{
		{q: "InternalError", scopeShown: "common", others: true, match: "exact"},                                  // the curated, common entry first
		{q: "InternalError", scope: "tcr", scopeShown: "tcr", match: "exact"},                                     // the product's own
		{q: "AuthFailure.SignatureExpire", scope: "cvm", scopeShown: "common", forProduct: "cvm", match: "exact"}, // common, for cvm
		{q: "InternalError.SomethingNew", scopeShown: "common", match: "parent", misses: 1},
		{q: "Nope.Nothing", misses: 1},
	}
	for _, tt := range tests {
		var got []Explained
		misses := 0
		err := x.Explain([]string{tt.q}, tt.scope, func(ex Explained) error { got = append(got, ex); return nil }, func(string, []string) { misses++ })
		if err != nil {
			t.Fatalf("%s: %v", tt.q, err)
		}
		if misses != tt.misses {
			t.Errorf("%s --product %q: %d misses, want %d", tt.q, tt.scope, misses, tt.misses)
		}
		if tt.scopeShown == "" {
			if len(got) != 0 {
				t.Errorf("%s: explained %+v", tt.q, got)
			}
			continue
		}
		if len(got) != 1 {
			t.Fatalf("%s: %d explained", tt.q, len(got))
		}
		ex := got[0]
		if ex.Entry.Scope != tt.scopeShown || len(ex.Others) > 0 != tt.others || ex.ForProduct != tt.forProduct || ex.Match != tt.match {
			t.Errorf("%s --product %q: scope %s, %d others, for %q, match %s", tt.q, tt.scope, ex.Entry.Scope, len(ex.Others), ex.ForProduct, ex.Match)
		}
		if tt.others && !strings.Contains(x.OthersHint(ex), "--product") {
			t.Errorf("%s: hint %q", tt.q, x.OthersHint(ex))
		}
	}
	var ue *UsageError
	if err := x.Explain([]string{"AuthFailure.*"}, "", func(Explained) error { return nil }, func(string, []string) {}); !errors.As(err, &ue) {
		t.Errorf("a pattern: %v, want a usage error", err)
	}
}

func TestList(t *testing.T) {
	x := testExplainer()
	count := func(f ListFilter) (int, []Row) {
		seq, err := x.List(f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		var rows []Row
		if err := seq(func(r Row) error { rows = append(rows, r); return nil }); err != nil {
			t.Fatal(err)
		}
		return len(rows), rows
	}
	all, _ := count(ListFilter{})
	if all != x.Cat.Len() {
		t.Errorf("no filter: %d rows, want every code (%d)", all, x.Cat.Len())
	}
	n, rows := count(ListFilter{Scope: "TCR", Category: "internalerror", Retryable: "no"})
	if n == 0 {
		t.Fatal("tcr InternalError, not retryable: no row")
	}
	for _, r := range rows {
		if r.Scope != "tcr" || r.Category != "InternalError" || r.Retry != "no" {
			t.Errorf("row %+v escapes the filter", r)
		}
	}
	if n, _ := count(ListFilter{Action: "runinstances"}); n == 0 {
		t.Error("--action RunInstances: no row")
	}
	for _, f := range []ListFilter{{Scope: "nosuch"}, {Retryable: "maybe"}, {Category: "Nope"}, {Action: "NoSuchAction"}} {
		var ue *UsageError
		if _, err := x.List(f); !errors.As(err, &ue) {
			t.Errorf("%+v: %v, want a usage error", f, err)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{VerdictWord(catalog.RetryAfter, true, catalog.Chinese), "稍后"},
		{VerdictWord(catalog.RetryYes, true, catalog.English), "yes"},
		{VerdictWord(catalog.RetryNo, false, catalog.Chinese), "否"},
		{OneLineSummary(catalog.Text{Zh: "中"}, catalog.English), "[zh] 中"},
		{OneLineSummary(catalog.Text{En: "e"}, catalog.Chinese), "[en] e"},
		{OneLineSummary(catalog.Text{}, catalog.Chinese), "（无官方说明）"},
		{SummaryText(catalog.Text{}, catalog.English), ""},
		{ListScopes([]string{"a", "b", "c"}, 2), "a, b and 1 more"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: %q, want %q", i, tt.got, tt.want)
		}
	}
	if len(testExplainer().Products()) < 200 {
		t.Error("Products: too few")
	}
}

// A code whose only official text is Chinese: English free text finds it by
// errcode's translation, its row is flagged, and its record says which fields
// are translated and keeps the official text; in Chinese nothing is.
func TestTranslatedCode(t *testing.T) {
	x := New(catalog.Default(), search.New(catalog.Default()), catalog.English)
	var hit *Hit
	err := x.Lookup([]string{"unbind the key from the instance"}, "", func(h Hit) error {
		if h.Code == "FailedOperation.DisassociateKeyPairFailed" && h.Scope == "cvm" {
			hit = &h
		}
		return nil
	}, func(Resolution) {})
	if err != nil || hit == nil {
		t.Fatalf("an English query does not find cvm's Chinese-only FailedOperation.DisassociateKeyPairFailed (err %v)", err)
	}
	// The flag marks it; the summary is the text itself (a table adds the mark).
	if !hit.Translated || hit.Summary != "Failed to unbind the key from the instance." {
		t.Errorf("hit %+v is not flagged as errcode's translation, or its summary is not the bare text", *hit)
	}
	v := x.HitRecord(*hit)
	if !slices.Equal(v.Translated, []string{"summary", "solution"}) || v.OfficialSummary != "实例解绑密钥失败" || v.OfficialSolution == "" || v.Provenance != catalog.ProvenanceOfficialZh {
		t.Errorf("record: translated %q official %q %q provenance %s", v.Translated, v.OfficialSummary, v.OfficialSolution, v.Provenance)
	}
	zh := View(x.Entry(hit.Match), catalog.Chinese)
	if zh.Translated != nil || zh.OfficialSummary != "" || zh.Summary != "实例解绑密钥失败" {
		t.Errorf("Chinese record: %q %q %q", zh.Translated, zh.OfficialSummary, zh.Summary)
	}
}
