package source

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

func TestDecodeProduct(t *testing.T) {
	es, err := DecodeProduct("cvm", []byte("- code: A.B\n  zh: 甲\n  en: \"\"\n  solution: 乙\n  actions: [RunInstances]\n  versions: [\"2017-03-12\"]\n- code: C\n  zh: \"\"\n  en: \"\"\n  versions: [\"2017-03-12\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if e := es[0]; e.Scope != "cvm" || !e.Imported || e.Summary.Zh != "甲" || e.Solution.Zh != "乙" || e.Provenance != catalog.ProvenanceOfficialZhOnly {
		t.Errorf("entry = %+v", e)
	}
	if es, err := DecodeProduct("dms", []byte("- code: A\n  zh: \"\"\n  en: B\n  versions: [\"2020-08-19\"]\n  intl_versions: [\"2020-08-19\"]\n")); err != nil || !slices.Equal(es[0].IntlVersions, []string{"2020-08-19"}) {
		t.Errorf("intl_versions: %+v, %v", es, err)
	}
	if es[1].Provenance != catalog.ProvenanceNone {
		t.Errorf("no description: provenance %q", es[1].Provenance)
	}
	for _, tt := range []struct{ product, src, want string }{
		{"cvm", "- code: A\n  sumary: x\n  versions: [\"2017-03-12\"]\n", "sumary"},
		{"cvm", "- code: A\n  zh: 甲\n  en: \"\"\n", "no versions"},
		{"cvm", "- zh: 甲\n  versions: [\"2017-03-12\"]\n", "no code"},
		{"cvm", "- code: A\n  versions: [\"2017-03-12\"]\n  intl_versions: [\"2020-01-01\"]\n", "intl_versions"},
		{"cvm", "- code: A\n  versions: [\"2017-03-12\", \"2020-01-01\"]\n  intl_versions: [\"2020-01-01\", \"2017-03-12\"]\n", "intl_versions"},
		{"CVM", "", "not a product short name"},
		{"common", "", "not a product short name"},
	} {
		if _, err := DecodeProduct(tt.product, []byte(tt.src)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("DecodeProduct(%s, %q): err = %v, want %q", tt.product, tt.src, err, tt.want)
		}
	}
}

func TestDecodeProductsAndClasses(t *testing.T) {
	if _, err := DecodeProducts([]byte("- product: tmt\n  zh: 机器翻译\n- product: cvm\n  zh: 云服务器\n")); err == nil {
		t.Error("products out of order: want an error")
	}
	if _, err := DecodeClasses([]byte("- class: A.B\n  remediation: [{en: a, zh: 甲}]\n  retry: {en: n, zh: 否}\n")); err == nil {
		t.Error("a dotted class: want an error")
	}
	if _, err := DecodeClasses([]byte("- class: A\n  remediation: []\n  retry: {en: n, zh: 否}\n")); err == nil {
		t.Error("a class without remediation: want an error")
	}
	// The committed files decode.
	for name, decode := range map[string]func([]byte) error{
		"../products.yaml": func(b []byte) error { _, err := DecodeProducts(b); return err },
		"../classes.yaml":  func(b []byte) error { _, err := DecodeClasses(b); return err },
	} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := decode(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Every en_source names where its English name was read (an https URL or
// a repo file at a commit) or says the name is errcode's translation; and
// every committed product has both names (issue 8: every product named in
// both languages, with the source recorded).
func TestProductNameSources(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want bool
	}{
		{"https://www.tencentcloud.com/document/product/213", true},
		{"https://cloud.tencent.com/document/api/1547/72820 (API 简介: \"应用云渲染(Cloud Application Rendering, CAR)\")", true},
		{"tencentyun/intlcloud-documents@02ec31c2626e18091982c1934bd4aded84cf5043:yehe_doc/a b/c_intl_en.md (note)", true},
		{"errcode", true},
		{"", false},
		{"http://example.com/a", false},
		{"https:// no host", false},
		{"tencentyun/intlcloud-documents:yehe_doc/a.md", false},         // no commit
		{"tencentyun/intlcloud-documents@02ec31c:yehe_doc/a.md", false}, // short commit
		{"errcode's translation", false},
		{"a page read by hand", false},
	} {
		if got := ValidEnSource(tt.src); got != tt.want {
			t.Errorf("ValidEnSource(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
	if _, err := DecodeProducts([]byte("- product: cvm\n  zh: 云服务器\n  en: Cloud Virtual Machine\n  en_source: a page read by hand\n")); err == nil {
		t.Error("an en_source that names no source: want an error")
	}
	data, err := os.ReadFile("../products.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ps, err := DecodeProducts(data)
	if err != nil {
		t.Fatal(err)
	}
	var official, translated int
	for _, p := range ps {
		switch {
		case p.Zh == "" || p.En == "":
			t.Errorf("%s: zh %q, en %q: every product needs both names", p.Product, p.Zh, p.En)
		case p.EnSource == catalog.EnSourceErrcode:
			translated++
		default:
			official++
		}
		if strings.Contains(p.En, "errcode") || strings.ContainsAny(p.En, "（）") {
			t.Errorf("%s: en %q: the name alone (errcode adds its own mark), in ASCII parentheses", p.Product, p.En)
		}
	}
	// What was found; a drop means a verified name was lost.
	if official < 179 {
		t.Errorf("%d products with Tencent Cloud's English name, want at least 179 (and %d translated)", official, translated)
	}
}

func TestDecodeCommonOfficial(t *testing.T) {
	cs, err := DecodeCommonOfficial([]byte("- code: A\n  zh: 甲\n- code: B\n  zh: '[乙](https://x) 错误。'\n  removed: \"2026-09-02\"\n"))
	if err != nil || len(cs) != 2 || cs[1].Zh != "[乙](https://x) 错误。" || cs[1].Removed != "2026-09-02" {
		t.Errorf("DecodeCommonOfficial = %+v, %v", cs, err)
	}
	for _, tt := range []struct{ src, want string }{
		{"- code: B\n  zh: 乙\n- code: A\n  zh: 甲\n", "sorted"},
		{"- code: A\n  zh: 甲\n- code: A\n  zh: 甲\n", "sorted"},
		{"- code: A\n  zh: \"\"\n", "needs a code and its zh"},
		{"- code: A\n  zh: 甲\n  removed: v1.3.170\n", "YYYY-MM-DD"},
		{"- code: A\n  zh: 甲\n  en: A\n", "en"},
	} {
		if _, err := DecodeCommonOfficial([]byte(tt.src)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("DecodeCommonOfficial(%q): err = %v, want %q", tt.src, err, tt.want)
		}
	}
}
