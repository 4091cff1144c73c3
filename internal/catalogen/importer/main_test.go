package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog/source"
)

// Rows of several API versions of one (product, code) become one code: the
// newest text, a field the newest lacks from the newest that has it, the
// union of the actions, the versions listed.
func TestMerge(t *testing.T) {
	rows := [][]string{
		{"cvm", "v20170312", "InvalidParameter.Foo", "旧说明", "Old text", "旧方案", "RunInstances,DescribeInstances"},
		{"cvm", "v20230101", "InvalidParameter.Foo", "新说明", "", "", "RunInstances,StopInstances"},
		{"cvm", "v20170312", "AuthFailure", "鉴权错误", "", "", ""},
		{"tmt", "v20180321", "InternalError", "内部错误", "Internal error.", "", "TextTranslate"},
	}
	got, err := merge(rows)
	if err != nil {
		t.Fatal(err)
	}
	cvm := got["cvm"]
	if len(cvm) != 2 || cvm[0].Code != "AuthFailure" || cvm[1].Code != "InvalidParameter.Foo" {
		t.Fatalf("cvm = %+v (want catalog order)", cvm)
	}
	foo := cvm[1]
	if foo.Zh != "新说明" || foo.En != "Old text" || foo.Solution != "旧方案" {
		t.Errorf("texts = %q %q %q", foo.Zh, foo.En, foo.Solution)
	}
	if !slices.Equal(foo.Actions, []string{"DescribeInstances", "RunInstances", "StopInstances"}) || !slices.Equal(foo.Versions, []string{"2017-03-12", "2023-01-01"}) {
		t.Errorf("actions %q versions %q", foo.Actions, foo.Versions)
	}
	if cvm[0].Actions != nil {
		t.Errorf("no actions: %q", cvm[0].Actions)
	}
	if _, err := merge([][]string{{"cvm", "2017-03-12", "A", "", "", "", ""}}); err == nil || !strings.Contains(err.Error(), "vYYYYMMDD") {
		t.Errorf("a bad version: err = %v", err)
	}
}

// What the importer writes, the catalog's reader reads back unchanged.
func TestEncodeRoundTrip(t *testing.T) {
	codes := []*source.Code{
		{Code: "AuthFailure", Zh: "CAM签名/鉴权错误。", Versions: []string{"2017-03-12"}},
		{Code: "InvalidParameter.Foo", Zh: "参数: `x` 错误", En: "Parameter `x`: wrong. #1", Solution: "请检查。", Actions: []string{"A", "B"}, Versions: []string{"2017-03-12", "2023-01-01"}},
	}
	data, err := EncodeProduct("cvm", codes)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `versions: ["2017-03-12", "2023-01-01"]`) || !strings.Contains(string(data), "\n    - A\n    - B\n") {
		t.Errorf("layout:\n%s", data)
	}
	entries, err := source.DecodeProduct("cvm", data)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range entries {
		c := codes[i]
		if e.Code != c.Code || e.Summary.Zh != c.Zh || e.Summary.En != c.En || e.Solution.Zh != c.Solution || !slices.Equal(e.Actions, c.Actions) || !slices.Equal(e.Versions, c.Versions) {
			t.Errorf("round trip changed %s: %+v", c.Code, e)
		}
	}
}

// The importer keeps the hand-curated English product names.
func TestProductNamesKeepCurated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "products.yaml")
	old := "- product: cvm\n  zh: 旧名\n  en: Cloud Virtual Machine\n  en_source: somewhere\n  docs: https://cloud.tencent.com/document/product/213\n"
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := productNames([][]string{{"tmt", "机器翻译"}, {"cvm", "云服务器"}}, path)
	if err != nil {
		t.Fatal(err)
	}
	want := []source.ProductName{
		{Product: "cvm", Zh: "云服务器", En: "Cloud Virtual Machine", EnSource: "somewhere", Docs: "https://cloud.tencent.com/document/product/213"},
		{Product: "tmt", Zh: "机器翻译"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("productNames = %+v, want %+v", got, want)
	}
}
