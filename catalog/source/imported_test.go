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
