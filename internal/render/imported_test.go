package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
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
		{"explain_imported_solution_en.golden", "clb", "FailedOperation.ResourceInOperating", ExplainOptions{Lang: catalog.English, Width: 80, ProductName: "Cloud Load Balancer"}},
		{"explain_imported_none_en.golden", "tsf", "UnauthorizedOperation.NoLicense", ExplainOptions{Lang: catalog.English, Width: 80}},
		{"explain_imported_enonly_zh.golden", "tmt", "UnsupportedOperation.TextTooLong", ExplainOptions{Lang: catalog.Chinese, Width: 60, ProductName: "机器翻译"}},
		// The one category no class fits keeps the general steps; a category
		// that is like a standard class (CdbError like InternalError) takes its steps.
		{"explain_imported_general_en.golden", "postgres", "VpcError", ExplainOptions{Lang: catalog.English, Width: 80, ProductName: "TencentDB for PostgreSQL"}},
		{"explain_imported_like_en.golden", "cdb", "CdbError", ExplainOptions{Lang: catalog.English, Width: 80, ProductName: "TencentDB for MySQL"}},
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

func TestViewImported(t *testing.T) {
	e := entry(t, "tsf", "UnauthorizedOperation.NoLicense")
	v := View(e, catalog.Chinese)
	if v.ProductName != "TSF-应用管理&Consul" || v.Solution == "" || v.Class != "UnauthorizedOperation" || len(v.Versions) != 1 || len(v.Remediation) == 0 {
		t.Errorf("View = %+v", v)
	}
	v.Versions[0] = "changed"
	if e.Versions[0] == "changed" {
		t.Error("View shares the entry's Versions")
	}
	if v := View(e, catalog.English); v.ProductName != "Tencent Service Framework" {
		t.Errorf("English product name %q, want tsf's", v.ProductName)
	}
	if v := View(entry(t, "aai", "FailedOperation.ServiceIsolate"), catalog.English); v.ProductName != "" {
		t.Errorf("English product name %q: aai has none", v.ProductName)
	}
}
