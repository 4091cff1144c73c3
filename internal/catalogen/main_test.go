package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// TestGeneratedIsFresh fails when catalog/codes_gen.go or a table under
// catalog/data was not regenerated after a YAML source changed, or when a
// stray file sits in catalog/data. Fix: make catalog.
func TestGeneratedIsFresh(t *testing.T) {
	in, err := ReadInput("../../catalog/codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range want {
		got, err := os.ReadFile(filepath.Join("../..", name))
		if err != nil {
			t.Fatalf("%v: run `make catalog`", err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s is stale: run `make catalog` and commit the result", name)
		}
	}
	for _, dir := range []string{"catalog/data", "internal/search/data"} {
		files, _ := filepath.Glob("../../" + dir + "/*")
		for _, f := range files {
			if _, ok := want[dir+"/"+filepath.Base(f)]; !ok {
				t.Errorf("%s/%s is not generated: remove it", dir, filepath.Base(f))
			}
		}
	}
}

// input is a small catalog source: two curated codes, the general guidance
// and one product.
func input(product string) *Input {
	return &Input{
		Codes: []byte(`- code: InternalError
  scope: common
  summary: {en: Internal error., zh: 内部错误。}
  causes: [{en: c, zh: 原因}]
  remediation: [{en: r, zh: 步骤}]
  retry: {en: n, zh: 否}
  docs: {en: "https://a", zh: "https://b"}
  provenance: official
  source: s
`),
		Classes:  []byte("- class: \"*\"\n  remediation: [{en: any, zh: 任何}]\n  retry: {en: no, zh: 否}\n"),
		Products: []byte("- product: cvm\n  zh: 云服务器\n"),
		API2:     []byte("source: s\ncodes:\n  - {code: \"4100\", zh: 鉴权失败, en: Authentication failed.}\n"),
		Retry: []byte(`evidence:
  curated: {en: c, zh: 条目}
  guide: {en: "g %s", zh: "类 %s"}
  general: {en: g, zh: 一般}
  text: {en: "t %s", zh: "文 %s"}
  name: {en: "n %s", zh: "名 %s"}
  message: {en: "m %s", zh: "消 %s"}
rules:
  - rule: wait
    verdict: after
    after: {en: a wait, zh: 稍后}
    text: [稍后重试]
    retry: {en: w, zh: 等}
`),
		Product: map[string][]byte{"cvm": []byte(product)},
	}
}

func TestGenerate(t *testing.T) {
	files, err := Generate(input(`- code: InternalError
  zh: 内部错误
  en: ""
  versions: ["2017-03-12"]
- code: InternalError.Foo
  zh: 甲
  en: Foo
  actions: [RunInstances]
  versions: ["2017-03-12"]
`))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	want := []string{"catalog/codes_gen.go", "catalog/data/actions.bin", "catalog/data/actions.txt", "catalog/data/entries0.txt", "catalog/data/entries1.txt",
		"catalog/data/entries2.txt", "catalog/data/entries3.txt", "catalog/data/held.bin", "catalog/data/keys.bin", "catalog/data/keys.txt", "catalog/data/records.bin",
		"internal/search/data/textbigrams.bin", "internal/search/data/textwords.bin"}
	if !slices.Equal(names, want) {
		t.Fatalf("files %q, want %q", names, want)
	}
	if got := string(files["catalog/data/keys.txt"]); got != "internalerror\ninternalerror.foo\n" {
		t.Errorf("keys.txt = %q", got)
	}
	// The entries in catalog order, nine lines each; the curated one is in codes_gen.go.
	if got, want := string(files["catalog/data/entries0.txt"]), "InternalError\n内部错误\n\n\n\n\n\n\n2017-03-12\n\n\n\n\nInternalError.Foo\n甲\nFoo\n\n\n\n\n\n2017-03-12\nRunInstances\n\n\n\n"; got != want {
		t.Errorf("entries0.txt = %q, want %q", got, want)
	}
	if got := string(files["catalog/data/actions.txt"]); got != "RunInstances\n" {
		t.Errorf("actions.txt = %q", got)
	}
	if n := len(files["catalog/data/records.bin"]); n != 3*catalogfmt.RecordSize {
		t.Errorf("records.bin has %d bytes, want 3 records", n)
	}
	if !bytes.Contains(files["catalog/codes_gen.go"], []byte(`{"cvm", "云服务器", "", false, "", "", ""}`)) {
		t.Errorf("codes_gen.go lacks the product table:\n%s", files["catalog/codes_gen.go"])
	}
	if !bytes.Contains(files["catalog/codes_gen.go"], []byte(`var scopeCounts = []int{1, 2}`)) {
		t.Errorf("codes_gen.go: scopeCounts is wrong:\n%s", files["catalog/codes_gen.go"])
	}
	if !bytes.Contains(files["catalog/codes_gen.go"], []byte(`var entryFileStarts = [...]uint32{0, 106, 106, 106}`)) {
		t.Errorf("codes_gen.go: entryFileStarts is wrong:\n%s", files["catalog/codes_gen.go"])
	}
}

func TestGenerateRejects(t *testing.T) {
	good := "- code: A.B\n  zh: 甲\n  en: \"\"\n  versions: [\"2017-03-12\"]\n"
	tests := []struct {
		name string
		in   *Input
		want string
	}{
		{"unknown field in codes.yaml", func() *Input { in := input(good); in.Codes = []byte("- code: X\n  bogus: 1\n"); return in }(), "bogus"},
		{"unknown field in a product", input("- code: A\n  bogus: 1\n"), "bogus"},
		{"bad version", input("- code: A\n  zh: 甲\n  en: \"\"\n  versions: [v20170312]\n"), "YYYY-MM-DD"},
		{"line break", input("- code: A\n  zh: \"甲\\n乙\"\n  en: \"\"\n  versions: [\"2017-03-12\"]\n"), "line break"},
		{"comma in an action", input("- code: A\n  zh: 甲\n  en: \"\"\n  actions: [\"A,B\"]\n  versions: [\"2017-03-12\"]\n"), "comma"},
		{"out of order", input("- code: B\n  zh: 乙\n  en: \"\"\n  versions: [\"2017-03-12\"]\n" + good), "out of order"},
		{"repeated", input(good + good), "out of order or repeated"},
		{"unknown product", func() *Input { in := input(good); in.Product["nosuch"] = []byte(good); return in }(), "not in products.yaml"},
		{"no general guidance", func() *Input {
			in := input(good)
			in.Classes = []byte("- class: AuthFailure\n  remediation: [{en: a, zh: 甲}]\n  retry: {en: n, zh: 否}\n")
			return in
		}(), "general guidance"},
	}
	for _, tt := range tests {
		_, err := Generate(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", tt.name, err, tt.want)
		}
	}
}

// A code removed upstream keeps its release in its entry text, as the
// versions only the international SDK defines it in; a curated entry of the
// same scope and code takes Removed from its imported twin.
func TestGenerateRemoved(t *testing.T) {
	in := input(`- code: InternalError.Gone
  zh: 旧
  en: ""
  versions: ["2017-03-12", "2020-01-01"]
  intl_versions: ["2020-01-01"]
  removed: v1.3.170
- code: InternalError.Kept
  zh: 乙
  en: ""
  versions: ["2017-03-12"]
  removed: v1.3.171
`)
	in.Codes = append(in.Codes, []byte(`- code: InternalError.Kept
  scope: cvm
  summary: {en: Kept., zh: 乙}
  causes: [{en: c, zh: 原因}]
  remediation: [{en: r, zh: 步骤}]
  retry: {en: n, zh: 否}
  docs: {en: "https://a", zh: "https://b"}
  provenance: official-zh
  source: s
`)...)
	files, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(files["catalog/data/entries0.txt"]), "InternalError.Gone\n旧\n\n\n\n\n\n\n2017-03-12,2020-01-01\n\n\nv1.3.170\n2020-01-01\n"; got != want {
		t.Errorf("entries0.txt = %q, want %q", got, want)
	}
	held, found := string(files["catalog/data/held.bin"]), false
	for i := range catalogfmt.SectionCount(held) {
		if catalogfmt.HeldCodeOf(catalogfmt.Section(held, i)) == "InternalError.Kept" {
			found = true
			if got := heldField(held, i, catalogfmt.HeldRemoved); !slices.Equal(got, []string{"v1.3.171"}) {
				t.Errorf("held.bin: the curated twin's Removed is %q", got)
			}
		}
	}
	if !found {
		t.Error("held.bin lacks the curated InternalError.Kept")
	}
}

// heldField returns field f of held entry i of held.bin.
func heldField(held string, i, f int) []string {
	h := catalogfmt.NewHeld(catalogfmt.Section(held, i))
	for range f {
		for n := h.Len(); n > 0; n-- {
			h.Str()
		}
	}
	var out []string
	for n := h.Len(); n > 0; n-- {
		out = append(out, h.Str())
	}
	return out
}

func TestDescribeFor(t *testing.T) {
	acts := map[string]bool{
		"DescribeInstances": true, "DescribeClusters": true, "DescribeLoadBalancers": true, "GetFunction": true,
		"ModifyClusterMachine": true, "RunInstances": true, "ModifyLoadBalancerAttributes": true, "UpdateFunctionCode": true,
		"DescribeDisks": true,
	}
	for _, tt := range []struct {
		actions []string
		want    string
	}{
		{[]string{"RunInstances"}, "DescribeInstances"},
		{[]string{"ModifyLoadBalancerAttributes"}, "DescribeLoadBalancers"},
		{[]string{"ModifyClusterMachine"}, "DescribeClusters"}, // less its last word
		{[]string{"UpdateFunctionCode"}, "GetFunction"},
		{[]string{"DescribeDisks", "RunInstances", "DescribeDisks"}, "DescribeDisks"}, // most votes
		{[]string{"CreateSomethingElse"}, ""},
	} {
		if got := describeFor(tt.actions, acts); got != tt.want {
			t.Errorf("describeFor(%v) = %q, want %q", tt.actions, got, tt.want)
		}
	}
}

// The generator builds with the tag catalogen, under which catalog/nodata.go
// and internal/search/nodata.go stand in for what it generates: they must
// declare the same names, or the generator stops building (or the package,
// when a name is left in both).
func TestNoDataDeclaresGenerated(t *testing.T) {
	for _, tt := range []struct {
		stub      string
		generated []string
	}{
		{"../../catalog/nodata.go", []string{"../../catalog/codes_gen.go", "../../catalog/data.go"}},
		{"../../internal/search/nodata.go", []string{"../../internal/search/textembed.go"}},
	} {
		var want []string
		for _, f := range tt.generated {
			want = append(want, topNames(t, f)...)
		}
		slices.Sort(want)
		if got := topNames(t, tt.stub); !slices.Equal(got, want) {
			t.Errorf("%s declares %q; the files it stands in for declare %q", tt.stub, got, want)
		}
	}
}

// topNames returns the names a Go file declares at top level, sorted.
func topNames(t *testing.T, path string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok {
			out = append(out, d.(*ast.FuncDecl).Name.Name)
			continue
		}
		for _, s := range g.Specs {
			switch s := s.(type) {
			case *ast.ValueSpec:
				for _, n := range s.Names {
					out = append(out, n.Name)
				}
			case *ast.TypeSpec:
				out = append(out, s.Name.Name)
			}
		}
	}
	slices.Sort(out)
	return out
}
