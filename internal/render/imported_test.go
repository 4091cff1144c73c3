package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/explain"
)

// The long form of imported codes (catalog/products): the official
// description (marked when it exists only in the other language), the
// official solution, the guidance of its class, the other products that
// define the code.
func TestExplainImportedGolden(t *testing.T) {
	others := []OtherDef{
		{Scope: "asr", Name: "Automatic Speech Recognition", Summary: "Services are stopped due to overdue payments. Top up your Tencent Cloud account first."},
		{Scope: "tmt", Name: "Tencent Machine Translation", Summary: "The service is suspended due to overdue payments. Top up your account first."},
	}
	tests := []struct {
		name  string
		scope string
		code  string
		opt   ExplainOptions
	}{
		{"explain_imported_zhonly_en.golden", "aai", "FailedOperation.ServiceIsolate", ExplainOptions{Lang: catalog.English, Width: 80,
			OtherDefs: others, OthersHint: "3 definitions in all; pick one with --product, e.g. errcode explain FailedOperation.ServiceIsolate --product asr"}},
		{"explain_imported_zhonly_zh.golden", "aai", "FailedOperation.ServiceIsolate", ExplainOptions{Lang: catalog.Chinese, Width: 80, ProductName: "智能语音"}},
		{"explain_imported_solution_en.golden", "tdmq", "FailedOperation.OperateLater", ExplainOptions{Lang: catalog.English, Width: 80}},
		{"explain_imported_none_en.golden", "mdl", "InvalidParameter.Period", ExplainOptions{Lang: catalog.English, Width: 80}},
		{"explain_imported_enonly_zh.golden", "tmt", "UnsupportedOperation.TextTooLong", ExplainOptions{Lang: catalog.Chinese, Width: 60, ProductName: "机器翻译"}},
		// The one category no class fits keeps the general steps; a category
		// that is like a standard class (postgres DBError like InternalError) takes its steps.
		{"explain_imported_general_en.golden", "postgres", "VpcError", ExplainOptions{Lang: catalog.English, Width: 80, ProductName: "TencentDB for PostgreSQL"}},
		{"explain_imported_like_en.golden", "postgres", "DBError", ExplainOptions{Lang: catalog.English, Width: 80, ProductName: "TencentDB for PostgreSQL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Explain(&buf, entry(t, tt.scope, tt.code), tt.opt); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(buf.String(), "\x1b") {
				t.Error("colour off, but escape sequences in the output")
			}
			golden(t, tt.name, buf.Bytes())
		})
	}
}

// The other definitions of a code of some 200 products fit a 60-column
// terminal: the product names give way to the summary (issue 13).
func TestExplainOtherDefsNarrow(t *testing.T) {
	var others []OtherDef
	for _, d := range catalog.Default().Definitions("InternalError") {
		if d.Scope == catalog.ScopeCommon {
			continue
		}
		s := d.Summary.En
		if s == "" {
			s = "[zh] " + d.Summary.Zh
		}
		others = append(others, OtherDef{Scope: d.Scope, Name: catalog.OfficialProductName(d.Scope, catalog.English), Summary: s})
	}
	for _, width := range []int{60, 80} {
		var buf bytes.Buffer
		opt := ExplainOptions{Lang: catalog.English, Width: width, OtherDefs: others,
			OthersHint: "202 definitions in all; pick one with --product, e.g. errcode explain InternalError --product aai"}
		if err := Explain(&buf, entry(t, "common", "InternalError"), opt); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(buf.String(), "\n") {
			if w := stringWidth(line); w > width {
				t.Errorf("width %d: a line of %d cells: %q", width, w, line)
			}
		}
		if width == 60 {
			golden(t, "explain_internalerror_others_60.golden", buf.Bytes())
		}
	}
}

// Codes of the most used products read as advice for that product, in both
// languages (issue 8): the product's name, tccli commands with its actions,
// its documentation; a common code explained for a product names it too.
func TestExplainProductGolden(t *testing.T) {
	for _, tt := range []struct{ scope, code string }{
		{"cvm", "InvalidInstanceId.NotFound"},
		{"vpc", "LimitExceeded.DailyChangeAddressQuota"},
		{"clb", "FailedOperation.ResourceInOperating"},
		{"cbs", "InvalidDisk.Busy"},
		{"scf", "ResourceInUse.FunctionName"},
		{"cam", "LimitExceeded.IdentityFull"},
	} {
		for _, lang := range []catalog.Lang{catalog.English, catalog.Chinese} {
			name := "explain_product_" + tt.scope + "_" + string(lang) + ".golden"
			t.Run(name, func(t *testing.T) {
				e := entry(t, tt.scope, tt.code)
				var buf bytes.Buffer
				if err := Explain(&buf, e, ExplainOptions{Lang: lang, Width: 80, ProductName: catalog.ProductName(tt.scope, lang)}); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(strings.Join(strings.Fields(buf.String()), " "), "tccli "+tt.scope+" ") { // across wrapped lines
					t.Errorf("the steps give no tccli %s command:\n%s", tt.scope, buf.String())
				}
				if tcrWord.MatchString(buf.String()) {
					t.Errorf("advice borrowed from TCR:\n%s", buf.String())
				}
				golden(t, name, buf.Bytes())
			})
		}
	}
	// A common code that dnspod does not define, explained for dnspod.
	c := catalog.Default()
	e := c.ForProduct(c.Get(catalog.ScopeCommon, "ResourceNotFound"), "dnspod", catalog.Call{Action: "DescribeRecordList", Version: "2021-03-23"})
	dnspod, _ := c.Product("dnspod")
	var buf bytes.Buffer
	if err := Explain(&buf, e, ExplainOptions{Lang: catalog.English, Width: 80, ForProduct: dnspod.Title(catalog.English)}); err != nil {
		t.Fatal(err)
	}
	if flat := strings.Join(strings.Fields(buf.String()), " "); !strings.Contains(flat, "tccli dnspod DescribeRecordList") {
		t.Errorf("the common entry explained for dnspod does not name it:\n%s", buf.String())
	}
	golden(t, "explain_common_for_dnspod_en.golden", buf.Bytes())
}

// tcrWord is TCR named as a word (not the "tCr" of SnapshotCreating).
var tcrWord = regexp.MustCompile(`(?i)\btcr\b`)

func TestViewImported(t *testing.T) {
	e := entry(t, "tsf", "UnauthorizedOperation.NoLicense")
	v := explain.View(e, catalog.Chinese)
	if v.ProductName != "TSF-应用管理&Consul" || v.Solution == "" || v.Class != "UnauthorizedOperation" || len(v.Versions) != 1 || len(v.Remediation) == 0 {
		t.Errorf("View = %+v", v)
	}
	v.Versions[0] = "changed"
	if e.Versions[0] == "changed" {
		t.Error("View shares the entry's Versions")
	}
	if v := explain.View(e, catalog.English); v.ProductName != "Tencent Service Framework" {
		t.Errorf("English product name %q, want tsf's", v.ProductName)
	}
	// aai's English name is errcode's translation, and product_name says so.
	if v := explain.View(entry(t, "aai", "FailedOperation.ServiceIsolate"), catalog.English); v.ProductName != "Intelligent Speech (errcode's translation)" {
		t.Errorf("English product name %q: want aai's, marked as errcode's translation", v.ProductName)
	}
}

// A code removed upstream says so in explain (both languages) and in the
// machine-readable view; a current code says nothing.
func TestExplainRemoved(t *testing.T) {
	e := *entry(t, "mdl", "InvalidParameter.Period")
	for _, tt := range []struct {
		lang catalog.Lang
		want string
	}{
		{catalog.English, "Removed upstream: tencentcloud-sdk-go v1.3.170 and later no longer define this code"},
		{catalog.Chinese, "上游已移除：tencentcloud-sdk-go v1.3.170 及以后的版本不再定义此错误码"},
	} {
		var cur bytes.Buffer
		if err := Explain(&cur, &e, ExplainOptions{Lang: tt.lang, Width: 200}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(cur.String(), "tencentcloud-sdk-go v1") {
			t.Errorf("a current code: %s", cur.String())
		}
		gone := e
		gone.Removed = "v1.3.170"
		var buf bytes.Buffer
		if err := Explain(&buf, &gone, ExplainOptions{Lang: tt.lang, Width: 200}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), tt.want) {
			t.Errorf("%s: explain lacks %q:\n%s", tt.lang, tt.want, buf.String())
		}
		hostile := e
		hostile.Removed = "v1.3.170\x1b[31m"
		buf.Reset()
		if err := Explain(&buf, &hostile, ExplainOptions{Lang: tt.lang, Width: 200}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), "\x1b") {
			t.Errorf("%s: the release is written raw:\n%q", tt.lang, buf.String())
		}
		if v := explain.View(&gone, tt.lang); v.Removed != gone.Removed {
			t.Errorf("View.Removed = %q", v.Removed)
		}
	}
}
