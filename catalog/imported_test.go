package catalog_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/catalog/source"
)

// TestEveryImportedCodeResolves decodes every product file and checks that
// each of its codes resolves through Default with its product, its official
// description, its actions and versions, and the remediation of its class in
// both languages. Where codes.yaml defines the same (scope, code), the
// curated entry must be what resolves.
func TestEveryImportedCodeResolves(t *testing.T) {
	byProduct := productFiles(t)
	if len(byProduct) < 250 {
		t.Fatalf("products/*.yaml: %d files", len(byProduct))
	}
	c := catalog.Default()
	n := 0
	for product, entries := range byProduct {
		for _, want := range entries {
			n++
			id := product + "/" + want.Code
			got := c.Get(product, want.Code)
			if got == nil || got.Scope != product || got.Code != want.Code {
				t.Errorf("%s does not resolve (got %v)", id, got)
				continue
			}
			if !got.Imported { // the curated layer won
				if slices.Contains(c.Curated(), got) {
					continue
				}
				t.Errorf("%s: neither imported nor curated", id)
				continue
			}
			want.Summary = catalog.HonestSummary(want.Code, want.Summary)
			want.Provenance = got.Provenance // checked against the summary by TestImportedEntriesAreComplete
			gotSol := got.OfficialSolution()
			if got.Translated&catalog.TrSolutionZh != 0 { // an English official solution, held in the Chinese field
				gotSol = catalog.Text{Zh: gotSol.En}
			}
			if got.OfficialSummary() != want.Summary || gotSol != want.Solution {
				t.Errorf("%s: official summary %q solution %q provenance %s; want %q %q %s", id, got.OfficialSummary(), gotSol, got.Provenance, want.Summary, want.Solution, want.Provenance)
			}
			if !slices.Equal(got.Actions, want.Actions) || !slices.Equal(got.Versions, want.Versions) || !slices.Equal(got.IntlVersions, want.IntlVersions) {
				t.Errorf("%s: actions/versions differ from the source", id)
			}
			// The Source names the SDK of each version, and names tencentcloud-sdk-go
			// only when it defines the code.
			goSDK := len(want.IntlVersions) < len(want.Versions)
			if strings.Contains(got.Source, "tencentcloud-sdk-go ") != goSDK || strings.Contains(got.Source, "tencentcloud-sdk-go-intl-en ") != (len(want.IntlVersions) > 0) {
				t.Errorf("%s: source %q, but intl_versions %q of %q", id, got.Source, want.IntlVersions, want.Versions)
			}
			for _, lang := range []catalog.Lang{catalog.English, catalog.Chinese} {
				steps := got.Steps(lang)
				if len(steps) == 0 || got.Retry.In(lang) == "" {
					t.Errorf("%s: no remediation or retry advice in %s", id, lang)
				}
				if want.Summary != (catalog.Text{}) && got.Summary.In(lang) == "" {
					t.Errorf("%s: no description in %s", id, lang)
				}
			}
			// Every code is found in any case, and its product is among the scopes that define it.
			if !slices.Contains(c.FindScopes(strings.ToUpper(want.Code)), product) {
				t.Errorf("%s: FindScopes does not name its product", id)
			}
		}
	}
	if n != 16847 {
		t.Errorf("%d codes in products/*.yaml, want the 16,847 of the import of catalog/provenance.yaml", n)
	}
}

// Spot checks verified by hand against the sources (tencentcloud-sdk-go
// v1.3.166, tencentcloud-sdk-go-intl-en v3.0.1474, the error centre's data of
// 2026-08-21), in both languages.
func TestImportedSpotChecks(t *testing.T) {
	c := catalog.Default()
	tests := []struct {
		scope, code  string
		zh, en       string // "" where the SDK has none
		solution     string
		versions     string
		class        string
		action       string // one of its actions ("" for none to check)
		provenance   string
		englishShown string // what English mode shows as the summary
	}{
		{"aai", "FailedOperation.ServiceIsolate", "账号因为欠费停止服务，请在腾讯云账户充值。", "", "", "2018-05-22", "FailedOperation", "SentenceRecognition", catalog.ProvenanceOfficialZhOnly, "账号因为欠费停止服务，请在腾讯云账户充值。"},
		{"cvm", "InvalidInstanceId.Malformed", "无效实例`ID`。指定的实例`ID`格式错误。例如实例`ID`长度错误`ins-1122`。", "Invalid instance `ID`. The specified instance `ID` has an invalid format. For example, `ins-1122` has an invalid `ID` length.", "", "2017-03-12", "InvalidInstanceId", "", catalog.ProvenanceOfficial, ""},
		{"tdmq", "FailedOperation.OperateLater", "任务进行中，请稍后重试", "Task in progress. please try again later.", "请稍后重试，或者工单联系我们", "2020-02-17", "FailedOperation", "", catalog.ProvenanceOfficial, ""},
		{"tmt", "UnsupportedOperation.TextTooLong", "", "The text length limit (2,000 characters) for a request is reached.", "", "2018-03-21", "UnsupportedOperation", "", catalog.ProvenanceOfficialEnOnly, ""},
		// Two spellings in one product: both kept; the newer version gave the second its English.
		{"sms", "InvalidParameterValue.SdkAppidNotExist", "", "The `SdkAppid` does not exist.", "", "2019-07-11", "InvalidParameterValue", "", catalog.ProvenanceOfficialEnOnly, ""},
		{"sms", "InvalidParameterValue.SdkAppIdNotExist", "SdkAppId 不存在。", "The `SdkAppId` does not exist.", "请检查该应用ID是否属于该账号。", "2019-07-11,2021-01-11", "InvalidParameterValue", "", catalog.ProvenanceOfficial, ""},
		// Two versions: the newest text wins.
		{"essbasic", "InternalError.Pdf", "Pdf合成错误。", "", "请稍后重试，若仍未解决，请联系工作人员 ，并提供有报错的requestid。", "2020-12-22,2021-05-26", "InternalError", "", catalog.ProvenanceOfficialZhOnly, ""},
		{"tms", "UnauthorizedOperation.Unauthorized", "未开通权限/无有效套餐包/账号已欠费。", "Operation not authorized/No valid package/The account is overdue", "", "2020-07-13,2020-12-29", "UnauthorizedOperation", "", catalog.ProvenanceOfficial, ""},
		{"ags", "FailedOperation.StorageMount", "沙箱实例存储配置挂载失败", "", "请检查存储配置是否填写正确或者是否有权限进行挂载", "2025-09-20", "FailedOperation", "", catalog.ProvenanceOfficialZhOnly, ""},
		// A description that mentions License, and one that starts with 此产品,
		// are descriptions (the derived table of the first import dropped them).
		{"tsf", "UnauthorizedOperation.NoLicense", "缺少License，请参考购买指南购买TSF资源后重试。", "", "缺少License，请参考购买指南购买TSF资源后重试。", "2018-03-26", "UnauthorizedOperation", "", catalog.ProvenanceOfficialZhOnly, ""},
		{"vpc", "UnsupportedOperation.OfflineChargeType", "此产品计费方式已下线，请尝试其他计费方式。", "This billing mode is disused. Please try another billing mode.", "", "2017-03-12", "UnsupportedOperation", "", catalog.ProvenanceOfficial, ""},
		// A short solution is a solution; only the placeholders are dropped.
		{"tdmq", "FailedOperation.StorageSizeError", "存储规格选择错误，请选择正确存储规格", "Storage specification selection error. Choose the correct storage specification.", "请重试", "", "FailedOperation", "", catalog.ProvenanceOfficial, ""},
		// No description at all.
		{"mdl", "InvalidParameter.Period", "", "", "", "2020-03-26", "InvalidParameter", "", catalog.ProvenanceNone, ""},
		// A trailing dot, as the SDK spells it.
		{"cpdp", "InternalError.", "系统错误。", "", "", "2019-08-20", "InternalError", "", catalog.ProvenanceOfficialZhOnly, ""},
		{"car", "AuthFailure", "", "CAM signature/authentication error.", "", "2022-01-10", "AuthFailure", "", catalog.ProvenanceOfficialEnOnly, ""},
		{"vpc", "LimitExceeded.AddressQuotaLimitExceeded", "租户申请的弹性IP超过上限。", "The number of EIPs applied for exceeds the upper limit.", "", "2017-03-12", "LimitExceeded", "", catalog.ProvenanceOfficial, ""},
		{"cdb", "CdbError.BackupError", "备份错误。", "Backup error.", "", "2017-03-20", "CdbError", "", catalog.ProvenanceOfficial, ""}, // guided by the curated cdb CdbError
		{"lighthouse", "ResourcesSoldOut.BundleSoldOut", "套餐已售罄。", "Plan sold out.", "", "2020-03-24", "ResourcesSoldOut", "", catalog.ProvenanceOfficial, ""},
		{"scf", "ResourceNotFound.Layer", "layer不存在。", "The layer does not exist.", "", "2018-04-16", "ResourceNotFound", "", catalog.ProvenanceOfficial, ""},
		{"ckafka", "RegionError", "地域错误", "Region error", "", "2019-08-19", "RegionError", "", catalog.ProvenanceOfficial, ""},
		{"cam", "InvalidParameter.PolicyNameError", "PolicyName字段不合法。", "`PolicyName` field invalid.", "", "2019-01-16", "InvalidParameter", "", catalog.ProvenanceOfficial, ""},
		// Three versions merged into one entry.
		{"iotvideo", "InternalError", "内部错误。", "", "", "2019-11-26,2020-12-15,2021-11-25", "InternalError", "", catalog.ProvenanceOfficialZhOnly, ""},
	}
	for _, tt := range tests {
		e := c.Get(tt.scope, tt.code)
		if e == nil {
			t.Errorf("%s/%s is missing", tt.scope, tt.code)
			continue
		}
		id := tt.scope + "/" + tt.code
		if sum := e.OfficialSummary(); sum.Zh != tt.zh || sum.En != tt.en || e.OfficialSolution().Zh != tt.solution {
			t.Errorf("%s: zh %q en %q solution %q", id, sum.Zh, sum.En, e.OfficialSolution().Zh)
		}
		// errcode's translation of a one-language text makes it bilingual.
		switch {
		case tt.provenance == catalog.ProvenanceOfficialZhOnly && e.Translated.Summary(catalog.English):
			tt.provenance = catalog.ProvenanceOfficialZh
		case tt.provenance == catalog.ProvenanceOfficialEnOnly && e.Translated.Summary(catalog.Chinese):
			tt.provenance = catalog.ProvenanceOfficialEn
		}
		if tt.versions != "" && strings.Join(e.Versions, ",") != tt.versions {
			t.Errorf("%s: versions %q, want %s", id, e.Versions, tt.versions)
		}
		if e.Class != tt.class || e.Provenance != tt.provenance {
			t.Errorf("%s: class %q provenance %q, want %q %q", id, e.Class, e.Provenance, tt.class, tt.provenance)
		}
		if tt.action != "" && !slices.Contains(e.Actions, tt.action) {
			t.Errorf("%s: actions %q lack %s", id, e.Actions, tt.action)
		}
		if tt.englishShown != "" && !e.Translated.Summary(catalog.English) && e.Summary.In(catalog.English) != tt.englishShown {
			t.Errorf("%s: English mode shows %q", id, e.Summary.In(catalog.English))
		}
	}
	// The curated layer wins for TCR, keeping the imported versions it lacked.
	if e := c.Get("tcr", "ResourceNotFound.ErrNoRepo"); e == nil || e.Imported || len(e.Causes) == 0 || !slices.Equal(e.Versions, []string{"2019-09-24"}) {
		t.Errorf("tcr/ResourceNotFound.ErrNoRepo = %+v", e)
	}
	// The same code in three products, none of them first by accident: catalog order.
	if got := c.FindScopes("FailedOperation.ServiceIsolate"); !slices.Equal(got, []string{"aai", "asr", "tmt"}) {
		t.Errorf("FindScopes(FailedOperation.ServiceIsolate) = %q", got)
	}
	// A product spelling a common code in another case does not push the common entry back.
	if e, exact := catalog.Lookup("AuthFailure.UnAuthorizedOperation"); e == nil || !exact || e.Scope != catalog.ScopeCommon {
		t.Errorf("Lookup(AuthFailure.UnAuthorizedOperation) = %v", e)
	}
	if es := c.Find("authfailure.unauthorizedoperation"); len(es) < 2 || es[0].Scope != catalog.ScopeCommon {
		t.Errorf("Find(authfailure.unauthorizedoperation) starts with %v", es)
	}
	if got := c.FindScopes("InternalError"); len(got) < 150 || got[0] != catalog.ScopeCommon {
		t.Errorf("FindScopes(InternalError) = %d scopes, first %q", len(got), got[0])
	}
}

// staleCurated returns the curated entries written against an official text
// that the imported layer no longer holds: an "official" entry carries both
// of the imported descriptions, an "official-zh" entry the Chinese one (its
// English is errcode's translation of it), an "inferred" entry none (once
// Tencent Cloud describes the code, the inference gives way). imported maps
// scope/code to the imported entry.
func staleCurated(curated []*catalog.Entry, imported map[string]*catalog.Entry) []string {
	var out []string
	for _, e := range curated {
		im := imported[e.Scope+"/"+e.Code]
		if im == nil {
			continue // no imported twin: nothing the import can reword
		}
		var why string
		switch e.Provenance {
		case catalog.ProvenanceOfficial:
			if e.Summary != im.Summary {
				why = fmt.Sprintf("written against %q / %q; the official text is now %q / %q", e.Summary.Zh, e.Summary.En, im.Summary.Zh, im.Summary.En)
			}
		case catalog.ProvenanceOfficialZh:
			if e.Summary.Zh != im.Summary.Zh {
				why = fmt.Sprintf("written (and translated) against %q; the official text is now %q", e.Summary.Zh, im.Summary.Zh)
			}
			if im.Summary.En != "" {
				why = fmt.Sprintf("translated by errcode, but Tencent Cloud now publishes English: %q", im.Summary.En)
			}
		case catalog.ProvenanceInferred:
			// A "description" that only repeats the code's name is none.
			if catalog.HonestSummary(e.Code, im.Summary) != (catalog.Text{}) {
				why = fmt.Sprintf("inferred from the name, but Tencent Cloud now describes it: %q / %q", im.Summary.Zh, im.Summary.En)
			}
		}
		if why != "" {
			out = append(out, e.Scope+"/"+e.Code+": "+why)
		}
	}
	return out
}

// TestCuratedTextIsCurrent is the stale check: after an import rewords an
// official text, the curated entries of codes.yaml that depend on it (their
// summary, their translation, their causes and steps written for it) are
// named here until a person reviews them and copies the new text.
func TestCuratedTextIsCurrent(t *testing.T) {
	imported := map[string]*catalog.Entry{}
	for product, entries := range productFiles(t) {
		for _, e := range entries {
			imported[product+"/"+e.Code] = e
		}
	}
	curated := catalog.Default().Curated()
	twins := 0
	for _, e := range curated {
		if imported[e.Scope+"/"+e.Code] != nil {
			twins++
		}
	}
	if twins < 80 {
		t.Errorf("only %d curated entries have an imported twin; the check would see little", twins)
	}
	for _, s := range staleCurated(curated, imported) {
		t.Errorf("stale curated entry %s: review its summary, translation and advice in codes.yaml", s)
	}
	// The common entries, against the error centre's PLATFORM group.
	data, err := os.ReadFile("common_official.yaml")
	if err != nil {
		t.Fatal(err)
	}
	official, err := source.DecodeCommonOfficial(data)
	if err != nil {
		t.Fatalf("common_official.yaml: %v", err)
	}
	checked := 0
	for _, e := range curated {
		if e.Scope == catalog.ScopeCommon && slices.ContainsFunc(official, func(o source.CommonCode) bool { return o.Code == e.Code }) {
			checked++
		}
	}
	if checked < 30 {
		t.Errorf("only %d curated common entries have an official text in common_official.yaml; the check would see little", checked)
	}
	for _, s := range staleCommon(curated, official) {
		t.Errorf("stale curated entry %s: review its summary, translation and advice in codes.yaml", s)
	}
}

// mdLinkRE is a Markdown link of the error centre's texts, [text](url).
var mdLinkRE = regexp.MustCompile(`\[([^\]]*)\]\([^)\s]*\)`)

// rendered returns an official text of the error centre as the
// documentation renders it (cloud.tencent.com/document/api/213/30435, the
// page the curated common entries cite): a link as its text, a code span
// as its content.
func rendered(s string) string {
	return strings.ReplaceAll(mdLinkRE.ReplaceAllString(s, "$1"), "`", "")
}

// staleCommon returns the curated common entries that do not carry the
// official text of common_official.yaml (official: the error centre's
// PLATFORM group) as the documentation renders it: a reworded text, a code
// the group dropped, an inferred entry the group now describes, an entry
// that cites the group for a code it does not hold; and the codes of the
// group that no curated common entry carries. Only the Chinese is checked:
// no machine-readable source of the English exists.
func staleCommon(curated []*catalog.Entry, official []source.CommonCode) []string {
	byCode := map[string]source.CommonCode{}
	for _, o := range official {
		byCode[o.Code] = o
	}
	var out []string
	carried := map[string]bool{}
	for _, e := range curated {
		if e.Scope != catalog.ScopeCommon {
			continue
		}
		carried[e.Code] = true
		o, ok := byCode[e.Code]
		var why string
		switch {
		case !ok:
			if strings.Contains(e.Source, "PLATFORM") {
				why = "cites the error centre's PLATFORM group, which does not hold the code"
			}
		case o.Removed != "":
			why = fmt.Sprintf("the error centre's PLATFORM group dropped it (import of %s); its last text was %q", o.Removed, o.Zh)
		case e.Provenance == catalog.ProvenanceInferred:
			why = fmt.Sprintf("inferred from the name, but Tencent Cloud now describes it: %q", o.Zh)
		case e.Summary.Zh != rendered(o.Zh):
			why = fmt.Sprintf("written against %q; the official text is now %q (rendered: %q)", e.Summary.Zh, o.Zh, rendered(o.Zh))
		}
		if why != "" {
			out = append(out, catalog.ScopeCommon+"/"+e.Code+": "+why)
		}
	}
	for _, o := range official {
		if !carried[o.Code] && o.Removed == "" {
			out = append(out, catalog.ScopeCommon+"/"+o.Code+": the error centre's PLATFORM group defines it as "+strconv.Quote(o.Zh)+", and codes.yaml has no common entry for it")
		}
	}
	return out
}

// The common check finds a reworded text, a dropped code, a described
// inferred entry, a wrong citation and an uncurated common code; Markdown
// alone is no rewording.
func TestStaleCommon(t *testing.T) {
	cite := "API 3.0 common error codes (zh Tencent Cloud error center, PLATFORM group)"
	curated := []*catalog.Entry{
		{Scope: "common", Code: "A", Provenance: catalog.ProvenanceOfficial, Summary: catalog.Text{Zh: "请求未授权。请参考 CAM 文档。", En: "A"}, Source: cite},
		{Scope: "common", Code: "B", Provenance: catalog.ProvenanceOfficial, Summary: catalog.Text{Zh: "内部错误。", En: "B"}, Source: cite},
		{Scope: "common", Code: "C", Provenance: catalog.ProvenanceOfficial, Summary: catalog.Text{Zh: "丙", En: "C"}, Source: cite},
		{Scope: "common", Code: "D", Provenance: catalog.ProvenanceInferred, Summary: catalog.Text{Zh: "丁（推断）", En: "D"}, Source: "the code's name"},
		{Scope: "common", Code: "E", Provenance: catalog.ProvenanceOfficial, Summary: catalog.Text{Zh: "戊", En: "E"}, Source: cite},
		{Scope: "common", Code: "F", Provenance: catalog.ProvenanceOfficial, Summary: catalog.Text{Zh: "己", En: "F"}, Source: "cloud.tencent.com/document/api/213/30435"},
		{Scope: "cvm", Code: "G", Provenance: catalog.ProvenanceOfficial, Summary: catalog.Text{Zh: "庚", En: "G"}, Source: cite},
	}
	official := []source.CommonCode{
		{Code: "A", Zh: "请求未授权。请参考 [CAM](https://cloud.tencent.com/document/product/598) 文档。"}, // Markdown only
		{Code: "B", Zh: "内部错误，请稍后重试。"},                                                         // reworded
		{Code: "C", Zh: "丙", Removed: "2026-09-02"},                                            // dropped
		{Code: "D", Zh: "丁"},                        // described now
		{Code: "H", Zh: "辛"},                        // not curated
		{Code: "I", Zh: "壬", Removed: "2026-01-01"}, // dropped, not curated
	}
	var codes []string
	for _, s := range staleCommon(curated, official) {
		codes = append(codes, s[:strings.IndexByte(s, ':')])
	}
	if want := []string{"common/B", "common/C", "common/D", "common/E", "common/H"}; !slices.Equal(codes, want) {
		t.Errorf("stale = %q, want %q", codes, want)
	}
	if got, want := rendered("密钥不存在。请在 [控制台](https://console.cloud.tencent.com/cam/capi) 检查 `SecretId`。"), "密钥不存在。请在 控制台 检查 SecretId。"; got != want {
		t.Errorf("rendered = %q, want %q", got, want)
	}
}

// The stale check finds a reworded text, a new English text and a new
// description of an inferred entry (not a "description" that only repeats
// the code's name), and nothing else.
func TestStaleCurated(t *testing.T) {
	curated := []*catalog.Entry{
		{Scope: "tcr", Code: "A", Provenance: catalog.ProvenanceOfficial, Summary: catalog.Text{Zh: "甲", En: "A"}},
		{Scope: "tcr", Code: "B", Provenance: catalog.ProvenanceOfficialZh, Summary: catalog.Text{Zh: "乙", En: "B (ours)"}},
		{Scope: "tcr", Code: "C", Provenance: catalog.ProvenanceOfficialZh, Summary: catalog.Text{Zh: "丙", En: "C (ours)"}},
		{Scope: "tcr", Code: "D", Provenance: catalog.ProvenanceInferred, Summary: catalog.Text{Zh: "丁（推断）", En: "D (inferred)"}},
		{Scope: "tcr", Code: "E", Provenance: catalog.ProvenanceOfficial, Summary: catalog.Text{Zh: "戊", En: "E"}},
		{Scope: "tcr", Code: "InvalidParameter.FooNotFound", Provenance: catalog.ProvenanceInferred, Summary: catalog.Text{Zh: "未找到 Foo（推断）", En: "Foo not found (inferred)"}},
		{Scope: "common", Code: "A", Provenance: catalog.ProvenanceOfficial, Summary: catalog.Text{Zh: "甲", En: "A"}},
	}
	imported := map[string]*catalog.Entry{
		"tcr/A": {Summary: catalog.Text{Zh: "甲。", En: "A"}}, // reworded
		"tcr/B": {Summary: catalog.Text{Zh: "乙"}},           // current
		"tcr/C": {Summary: catalog.Text{Zh: "丙", En: "C."}}, // English appeared
		"tcr/D": {Summary: catalog.Text{Zh: "丁"}},           // described now
		"tcr/E": {Summary: catalog.Text{Zh: "戊", En: "E"}},  // current
		// Only the code's name: still no description, the inference stands.
		"tcr/InvalidParameter.FooNotFound": {Summary: catalog.Text{Zh: "InvalidParameter.FooNotFound", En: "FooNotFound"}},
	}
	got := staleCurated(curated, imported)
	var codes []string
	for _, s := range got {
		codes = append(codes, s[:strings.IndexByte(s, ':')])
	}
	if !slices.Equal(codes, []string{"tcr/A", "tcr/C", "tcr/D"}) {
		t.Errorf("stale = %q", got)
	}
}

// provenance.yaml names the sources the imported layer was read from, and
// the README's reproduction check names the same commits.
func TestProvenance(t *testing.T) {
	data, err := os.ReadFile("provenance.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := source.DecodeProvenance(data)
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []source.Origin{p.SDK, p.Intl, p.Center} {
		if !strings.Contains(string(readme), "checkout "+o.Commit) {
			t.Errorf("README's reproduction check does not check out %s at %s", o.Repo, o.Commit)
		}
	}
}

// productFiles decodes every catalog/products/<product>.yaml, by product.
func productFiles(t *testing.T) map[string][]*catalog.Entry {
	t.Helper()
	files, err := filepath.Glob("products/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("products/*.yaml: %v", err)
	}
	out := map[string][]*catalog.Entry{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		product := strings.TrimSuffix(filepath.Base(f), ".yaml")
		if out[product], err = source.DecodeProduct(product, data); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	return out
}
