package catalog

import (
	"bufio"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
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

// The curated layer: every entry complete in both languages.
func TestEntriesAreComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Default().Curated() {
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
			if e.Scope == ScopeSDK {
				t.Errorf("%s: the SDKs hold only format strings: a client code's summary is errcode's (provenance %q)", id, ProvenanceErrcode)
			}
		case ProvenanceErrcode:
			if e.Scope != ScopeSDK {
				t.Errorf("%s: provenance %q is for the SDK client codes", id, e.Provenance)
			}
		case ProvenanceInferred:
			if !strings.Contains(e.Summary.En, "inferred") || !strings.Contains(e.Summary.Zh, "推断") {
				t.Errorf("%s: an inferred summary must say so in both languages", id)
			}
		default:
			t.Errorf("%s: provenance %q is not official, official-zh, errcode or inferred", id, e.Provenance)
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
	for _, e := range c.Curated() {
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

// The generated key index of Default answers exactly as the index New builds
// (and is the same bytes).
func TestDefaultIndexMatchesNew(t *testing.T) {
	def := Default()
	built := New(def.Entries())
	for i, e := range built.Entries() {
		if e != def.Entries()[i] {
			t.Fatalf("entry %d: New reordered the embedded catalog (%s/%s)", i, e.Scope, e.Code)
		}
	}
	// One layout, one writer: New's tables are the generated ones, byte for byte.
	if built.keys != def.keys {
		t.Error("the key index New builds differs from the generated one")
	}
	if built.acts != def.acts {
		t.Error("the action table New builds differs from the generated one")
	}
	if !slices.Equal(built.scopes, def.scopes) || !slices.Equal(built.scopeCounts, def.scopeCounts) || !slices.Equal(built.categories, def.categories) {
		t.Error("New's scopes, their counts or the categories differ from the generated ones")
	}
	queries := []string{"", "nope", "authfailure", "AUTHFAILURE.SIGNATUREEXPIRE", " internalerror ", "zzz", "a"}
	for i, e := range def.Entries() {
		queries = append(queries, e.Code)
		if i%7 == 0 {
			queries = append(queries, strings.ToUpper(e.Code), strings.ToLower(e.Code))
		}
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

// codeOrTrailingDotRE also admits the few codes the official SDKs define with a
// trailing dot ("InternalError." in cpdp): they are kept as the SDK spells them.
var codeOrTrailingDotRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)*\.?$`)

// The imported layer: every entry has its product, an official description
// (or says it has none), the remediation and retry advice of its class in
// both languages, and versions.
func TestImportedEntriesAreComplete(t *testing.T) {
	c := Default()
	n := 0
	for _, e := range c.Entries() {
		if !e.Imported {
			continue
		}
		n++
		id := e.Scope + "/" + e.Code
		if !codeOrTrailingDotRE.MatchString(e.Code) {
			t.Errorf("%s: code is not code-shaped", id)
		}
		if _, ok := c.Product(e.Scope); !ok {
			t.Errorf("%s: scope is not a product", id)
		}
		if want := translatedProvenance(importedProvenance(e.OfficialSummary()), e.Translated); e.Provenance != want {
			t.Errorf("%s: provenance %q, want %q", id, e.Provenance, want)
		}
		if sum := e.OfficialSummary(); isCodeName(sum.En, e.Code) || isCodeName(sum.Zh, e.Code) {
			t.Errorf("%s: the code's own name %q is shown as its official description", id, e.Summary)
		}
		if e.Summary.Zh != "" && !hasHan(e.Summary.Zh) {
			t.Errorf("%s: English text %q is labelled Chinese", id, e.Summary.Zh)
		}
		if e.Class == "" || len(e.Remediation) == 0 || e.Retry.En == "" || e.Retry.Zh == "" {
			t.Errorf("%s: no class guidance (class %q)", id, e.Class)
		}
		for _, r := range e.Remediation {
			if r.En == "" || !hasHan(r.Zh) {
				t.Errorf("%s: remediation step not in both languages: %q", id, r)
			}
		}
		if len(e.Versions) == 0 || e.Source == "" {
			t.Errorf("%s: no versions or source", id)
		}
		if len(e.Causes) > 0 || len(e.Related) > 0 || len(e.Messages) > 0 {
			t.Errorf("%s: an imported entry has only official facts", id)
		}
		if info, _ := productByScope(e.Scope); e.Docs != (Text{Zh: info.docs}) {
			t.Errorf("%s: docs %q, want the product's documentation home %q", id, e.Docs, info.docs)
		}
		if sol := e.OfficialSolution(); sol.En != "" && e.Translated&TrSolutionZh == 0 {
			t.Errorf("%s: the official solutions are held as Chinese", id)
		}
	}
	if n < 16000 {
		t.Errorf("only %d imported entries", n)
	}
}

// An imported code takes the guidance of the nearest curated entry: the same
// code in the common scope, else its class, else classes.yaml.
func TestImportedGuidance(t *testing.T) {
	c := Default()
	tests := []struct{ scope, code, class string }{
		{"cvm", "InternalError", "InternalError"},                           // the same code, common
		{"vpc", "LimitExceeded.AddressQuotaLimitExceeded", "LimitExceeded"}, // its class, common
		{"cam", "InvalidParameter.PolicyNameError", "InvalidParameter"},
		{"car", "AuthFailure", "AuthFailure"},                                         // classes.yaml: no common AuthFailure
		{"lighthouse", "ResourcesSoldOut.BundleSoldOut", "ResourcesSoldOut"},          // classes.yaml
		{"cdb", "CdbError.BackupError", "CdbError"},                                   // its class, curated in its product
		{"tke", "ResourceInsufficient.SpecifiedInstanceType", "ResourceInsufficient"}, // its class, curated in its product
		{"postgres", "VpcError", ClassAny},                                            // no class anywhere
		{"tcr", "InternalError.DbError", ""},                                          // curated: no guide
	}
	for _, tt := range tests {
		e := c.Get(tt.scope, tt.code)
		if e == nil {
			t.Errorf("%s/%s is missing", tt.scope, tt.code)
			continue
		}
		if e.Class != tt.class {
			t.Errorf("%s/%s: class %q, want %q", tt.scope, tt.code, e.Class, tt.class)
		}
	}
	// Retry advice follows the class: a rate-limit sub-code of any product is retryable.
	for _, e := range c.Find("RequestLimitExceeded") {
		if !e.Retryable {
			t.Errorf("%s/%s is not retryable", e.Scope, e.Code)
		}
	}
}

func TestProducts(t *testing.T) {
	c := Default()
	ps := c.Products()
	if len(ps) != 261 {
		t.Errorf("%d products, want 261", len(ps))
	}
	// Every product is named in both languages (products.yaml records each
	// English name's source, or that it is errcode's translation:
	// catalog/source TestProductNameSources).
	var translated int
	for _, p := range ps {
		if p.Name.En == "" || p.Name.Zh == "" {
			t.Errorf("%s: name %+v: want both languages", p.Scope, p.Name)
		}
		if p.EnTranslated {
			translated++
		}
	}
	if translated == 0 || translated > len(ps)/2 {
		t.Errorf("%d of %d English names are errcode's translations", translated, len(ps))
	}
	total := len(c.InScope(ScopeCommon)) + len(c.InScope(ScopeSDK))
	for i, p := range ps {
		if i > 0 && ps[i-1].Scope >= p.Scope {
			t.Errorf("products out of order at %s", p.Scope)
		}
		if p.Codes == 0 {
			t.Errorf("%s: no codes", p.Scope)
		}
		total += p.Codes
	}
	if total != c.Len() {
		t.Errorf("the products count %d entries with common and sdk, the catalog has %d", total, c.Len())
	}
	cvm, ok := c.Product("CVM")
	if !ok || cvm.Codes != len(c.InScope("cvm")) {
		t.Fatalf("Product(CVM) = %+v, %v; InScope has %d", cvm, ok, len(c.InScope("cvm")))
	}
	for _, tt := range []struct {
		scope string
		lang  Lang
		want  string
	}{
		{"cvm", English, "Cloud Virtual Machine (cvm)"},
		{"cvm", Chinese, "云服务器 (cvm)"},
		{"aai", English, "Intelligent Speech (aai, errcode's translation)"}, // errcode's translation, marked
		{"aai", Chinese, "智能语音 (aai)"},
		{"acp", Chinese, "应用合规平台 (acp)"}, // the Chinese name from products.md
		{"cim", Chinese, "云通信 IM (cim)"}, // read from its one API's description
		{"common", Chinese, "common"},
		{"nosuch", English, "nosuch"},
	} {
		got := tt.scope // a scope that is no product is named by itself
		if p, ok := c.Product(tt.scope); ok {
			got = p.Title(tt.lang)
		}
		if got != tt.want {
			t.Errorf("Title(%s, %s) = %q, want %q", tt.scope, tt.lang, got, tt.want)
		}
	}
	// An English name that is errcode's translation is marked wherever it is
	// shown; Tencent Cloud's own names and the Chinese ones are not.
	for _, tt := range []struct {
		p          Product
		lang       Lang
		name, tile string
	}{
		{Product{Scope: "cvm", Name: Text{Zh: "云服务器", En: "Cloud Virtual Machine"}}, English, "Cloud Virtual Machine", "Cloud Virtual Machine (cvm)"},
		{Product{Scope: "cvm", Name: Text{Zh: "云服务器", En: "Cloud Virtual Machine"}}, Chinese, "云服务器", "云服务器 (cvm)"},
		{Product{Scope: "cii", Name: Text{Zh: "智能保险助手", En: "Smart Insurance Assistant"}, EnTranslated: true}, English,
			"Smart Insurance Assistant (errcode's translation)", "Smart Insurance Assistant (cii, errcode's translation)"},
		{Product{Scope: "cii", Name: Text{Zh: "智能保险助手", En: "Smart Insurance Assistant"}, EnTranslated: true}, Chinese, "智能保险助手", "智能保险助手 (cii)"},
		{Product{Scope: "x", Name: Text{En: "X Service"}, EnTranslated: true}, Chinese, "X Service (errcode's translation)", "X Service (x, errcode's translation)"},
		{Product{Scope: "x", Name: Text{Zh: "某服务"}}, English, "", "x"}, // never Chinese as an English name
	} {
		if got := tt.p.NameIn(tt.lang); got != tt.name {
			t.Errorf("%+v.NameIn(%s) = %q, want %q", tt.p, tt.lang, got, tt.name)
		}
		if got := tt.p.Title(tt.lang); got != tt.tile {
			t.Errorf("%+v.Title(%s) = %q, want %q", tt.p, tt.lang, got, tt.tile)
		}
	}
	if cii, ok := c.Product("cii"); !ok || !cii.EnTranslated || ProductName("cii", English) != "Smart Insurance Assistant (errcode's translation)" {
		t.Errorf("Product(cii) = %+v, %v; ProductName = %q", cii, ok, ProductName("cii", English))
	}
	// A compact list shows no name rather than an unmarked translation.
	for _, tt := range []struct {
		scope string
		lang  Lang
		want  string
	}{{"cii", English, ""}, {"cii", Chinese, "智能保险助手"}, {"cvm", English, "Cloud Virtual Machine"}, {"common", English, ""}} {
		if got := OfficialProductName(tt.scope, tt.lang); got != tt.want {
			t.Errorf("OfficialProductName(%s, %s) = %q, want %q", tt.scope, tt.lang, got, tt.want)
		}
	}
	if cvm.EnTranslated || ProductName("cvm", English) != "Cloud Virtual Machine" {
		t.Errorf("cvm: %+v, %q", cvm, ProductName("cvm", English))
	}
	if _, ok := c.Product("common"); ok {
		t.Error("common is not a product")
	}
}

// ByAction and Actions answer alike over the generated tables and over New.
func TestByAction(t *testing.T) {
	def := Default()
	built := New(def.Entries())
	for _, a := range []string{"RunInstances", "runinstances", "DescribeInstances", "CreateNamespace", "SentenceRecognition", "NoSuchAction", ""} {
		got, want := def.ByAction(a), built.ByAction(a)
		if len(got) != len(want) {
			t.Errorf("ByAction(%q): %d entries, want %d", a, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("ByAction(%q)[%d] = %s/%s, want %s/%s", a, i, got[i].Scope, got[i].Code, want[i].Scope, want[i].Code)
			}
		}
	}
	if len(def.ByAction("RunInstances")) < 100 {
		t.Errorf("RunInstances returns only %d codes", len(def.ByAction("RunInstances")))
	}
	for _, p := range []string{"RunInst", "describeinst", "zzz", ""} {
		got, want := def.Actions(p, 20), built.Actions(p, 20)
		if !slices.Equal(got, want) {
			t.Errorf("Actions(%q) = %q, want %q", p, got, want)
		}
	}
}

// The Keys view: sorted distinct lower-cased codes, each with its entries.
func TestKeys(t *testing.T) {
	for _, c := range []*Catalog{Default(), New(Default().Curated())} {
		k := c.Keys()
		n := 0
		for i := 0; i < k.Len(); i++ {
			if i > 0 && k.Lower(i-1) >= k.Lower(i) {
				t.Fatalf("keys out of order at %q", k.Lower(i))
			}
			es := k.Entries(i)
			n += len(es)
			for _, p := range k.Positions(i) {
				if k.Of(p) != i {
					t.Fatalf("Of(%d) = %d, want %d (%q)", p, k.Of(p), i, k.Lower(i))
				}
			}
			if strings.ToLower(k.Code(i)) != k.Lower(i) || es[0].Code != k.Code(i) {
				t.Fatalf("key %q: code %q, first entry %q", k.Lower(i), k.Code(i), es[0].Code)
			}
			if k.Search(k.Lower(i)) != i {
				t.Fatalf("Search(%q) != %d", k.Lower(i), i)
			}
		}
		if n != c.Len() {
			t.Errorf("the keys hold %d entries, the catalog %d", n, c.Len())
		}
	}
}

// Entries are built on first use from several goroutines at once (run with
// -race): each position yields one *Entry.
func TestConcurrentBuild(t *testing.T) {
	c := newDefault()
	codes := []string{"InternalError", "FailedOperation.ServiceIsolate", "AuthFailure.SignatureExpire", "InvalidParameter"}
	got := make([][]*Entry, 8)
	var wg sync.WaitGroup
	for g := range got {
		wg.Go(func() {
			for _, code := range codes {
				got[g] = append(got[g], c.Find(code)...)
			}
		})
	}
	wg.Wait()
	for g := 1; g < len(got); g++ {
		if !slices.Equal(got[g], got[0]) {
			t.Fatalf("goroutine %d built other entries", g)
		}
	}
}

func TestHonestSummary(t *testing.T) {
	for _, tt := range []struct {
		code string
		in   Text
		want Text
	}{
		{"InvalidParameter.Foo", Text{Zh: "参数错误。", En: "Bad parameter."}, Text{Zh: "参数错误。", En: "Bad parameter."}},
		{"InvalidParameter.Foo", Text{Zh: "InvalidParameter.Foo"}, Text{}},
		{"InvalidParameter.Foo", Text{Zh: "Foo。", En: "foo"}, Text{}},
		{"InvalidParameter.Foo", Text{Zh: "The value is invalid."}, Text{En: "The value is invalid."}},
		{"InvalidParameter.Foo", Text{Zh: "The value is invalid.", En: "Invalid value."}, Text{En: "Invalid value."}},
		{"FailedOperation", Text{Zh: "FailedOperation", En: "Operation failed."}, Text{En: "Operation failed."}},
	} {
		if got := HonestSummary(tt.code, tt.in); got != tt.want {
			t.Errorf("HonestSummary(%s, %+v) = %+v, want %+v", tt.code, tt.in, got, tt.want)
		}
	}
}

// The source of an imported entry names the SDK each version of the code
// comes from.
func TestImportedSource(t *testing.T) {
	for _, tt := range []struct {
		e    Entry
		want string
	}{
		{Entry{Scope: "cvm", Versions: []string{"2017-03-12"}, Summary: Text{Zh: "甲", En: "A"}},
			"Tencent Cloud SDK error codes: tencentcloud-sdk-go cvm (API 2017-03-12) errors.go; en from tencentcloud-sdk-go-intl-en"},
		{Entry{Scope: "cvm", Versions: []string{"2017-03-12", "2023-01-01"}, Summary: Text{Zh: "甲"}, Solution: Text{Zh: "乙"}},
			"Tencent Cloud SDK error codes: tencentcloud-sdk-go cvm (API 2017-03-12, 2023-01-01) errors.go; solution from Tencent Cloud's error centre"},
		{Entry{Scope: "dms", Versions: []string{"2020-08-19"}, IntlVersions: []string{"2020-08-19"}, Summary: Text{En: "COS exception."}},
			"Tencent Cloud SDK error codes: tencentcloud-sdk-go-intl-en dms (API 2020-08-19) errors.go"},
		{Entry{Scope: "rce", Versions: []string{"2020-11-03", "2026-01-30"}, IntlVersions: []string{"2020-11-03"}, Summary: Text{Zh: "甲", En: "A"}},
			"Tencent Cloud SDK error codes: tencentcloud-sdk-go rce (API 2026-01-30) errors.go, tencentcloud-sdk-go-intl-en (API 2020-11-03) errors.go; en from tencentcloud-sdk-go-intl-en"},
	} {
		if got := importedSource(&tt.e); got != tt.want {
			t.Errorf("importedSource(%+v) =\n %q, want\n %q", tt.e, got, tt.want)
		}
	}
}

// Every imported entry reads in both languages: Tencent Cloud's text where it
// publishes one, errcode's translation (catalog/translations) where it does
// not. Exempt: entries without any description (provenance none: the SDK
// defines the code with no text, or only its own name), listed by count.
func TestImportedEntriesBilingual(t *testing.T) {
	c := Default()
	var none, translated, solutions int
	for _, e := range c.Entries() {
		if !e.Imported {
			continue
		}
		id := e.Scope + "/" + e.Code
		if e.Provenance == ProvenanceNone {
			none++
			if e.Summary != (Text{}) {
				t.Errorf("%s: provenance none, but summary %q", id, e.Summary)
			}
			continue
		}
		if e.Summary.En == "" || e.Summary.Zh == "" {
			t.Errorf("%s: summary %q is not in both languages (provenance %s): translate it: a row in catalog/translations/<lang>/<product>.yaml", id, e.Summary, e.Provenance)
		}
		if e.Solution != (Text{}) {
			solutions++
			if e.Solution.En == "" || e.Solution.Zh == "" {
				t.Errorf("%s: solution %q is not in both languages", id, e.Solution)
			}
		}
		if e.Translated != 0 {
			translated++
		}
		// A translation never hides the official text.
		if off := e.OfficialSummary(); off.En == "" && off.Zh == "" {
			t.Errorf("%s: no official summary left under the translation", id)
		}
	}
	if none > 600 || translated < 8000 {
		t.Errorf("%d entries without description, %d translated", none, translated)
	}
	t.Logf("%d imported entries without any description (exempt), %d with a translated text, %d solutions", none, translated, solutions)
}

// ScopePositions lists exactly the positions InScope builds, in any case.
func TestScopePositions(t *testing.T) {
	c := Default()
	for _, scope := range []string{"cvm", "CVM", "common", "tcr", "nope"} {
		ps := c.ScopePositions(scope)
		es := c.InScope(scope)
		if len(ps) != len(es) {
			t.Fatalf("%s: %d positions, %d entries", scope, len(ps), len(es))
		}
		for i, p := range ps {
			if c.EntryAt(p) != es[i] {
				t.Fatalf("%s: position %d is %s, want %s", scope, p, c.CodeAt(p), es[i].Code)
			}
		}
		if scope != "nope" && len(ps) == 0 {
			t.Errorf("%s: no positions", scope)
		}
	}
	// Several scopes: their positions merged, in catalog order.
	for _, scopes := range [][]string{{"cvm", "common"}, {"COMMON", "tcr", "cdb"}, {"nope", "tcr"}, {}} {
		var want []int
		for _, s := range scopes {
			want = append(want, c.ScopePositions(s)...)
		}
		slices.Sort(want)
		if got := c.ScopePositions(scopes...); !slices.Equal(got, want) {
			t.Errorf("%v: %d positions, want %d", scopes, len(got), len(want))
		}
	}
}

// CodeInScope agrees with FindScopes.
func TestCodeInScope(t *testing.T) {
	c := Default()
	for _, pos := range c.ScopePositions("common") {
		scopes := c.FindScopes(c.CodeAt(pos))
		for _, scope := range []string{"cvm", "CDB", "tcr", "common", "nope"} {
			want := slices.ContainsFunc(scopes, func(s string) bool { return strings.EqualFold(s, scope) })
			if got := c.CodeInScope(pos, scope); got != want {
				t.Errorf("CodeInScope(%s, %s) = %v, want %v", c.CodeAt(pos), scope, got, want)
			}
		}
	}
}

// ProductPositions is, for every product (in any case), the product's
// positions and the common ones whose code it does not define
// (CodeInScope), in catalog order; nil for a scope that is no product.
func TestProductPositions(t *testing.T) {
	c := Default()
	common := c.ScopePositions(ScopeCommon)
	checked := 0
	for _, p := range c.Products() {
		for _, scope := range []string{p.Scope, strings.ToUpper(p.Scope)} {
			want := c.ScopePositions(p.Scope)
			for _, pos := range common {
				if !c.CodeInScope(pos, p.Scope) {
					want = append(want, pos)
				}
			}
			slices.Sort(want)
			if got := c.ProductPositions(scope); !slices.Equal(got, want) {
				t.Fatalf("ProductPositions(%s): %d positions, want %d", scope, len(got), len(want))
			}
		}
		checked++
	}
	if checked < 200 {
		t.Errorf("%d products checked, want the catalog's 200 and more", checked)
	}
	// Some common codes are defined by cvm itself: those are left out.
	if n, all := len(c.ProductPositions("cvm")), len(c.ScopePositions("cvm", ScopeCommon)); n >= all {
		t.Errorf("cvm: %d positions, want fewer than its own and every common one (%d)", n, all)
	}
	for _, scope := range []string{"common", "COMMON", "sdk", "nope", ""} {
		if got := c.ProductPositions(scope); got != nil {
			t.Errorf("ProductPositions(%q) = %d positions, want nil", scope, len(got))
		}
	}
}
