package catalog

import (
	"regexp"
	"strings"
	"testing"
)

// The guidance of the common entries and of classes.yaml is written once for
// every product (issue 8): these tests keep one product's words from
// reaching another's codes.

// borrowedTCR matches a mention of TCR in either language: the name, also
// inside a policy name (QcloudTCRFullAccess) but not after a capital (trtc's
// DescribeTRTCRealTimeQualityData), and the short name as a word (`tccli
// tcr`, `tcr:CreateNamespace`).
var borrowedTCR = regexp.MustCompile(`(?:^|[^A-Z])TCR|(?i:\btcr\b)|容器镜像服务`)

// errcode's own words (causes, fix steps, retry advice) mention TCR only in
// TCR's entries.
func TestNoTCRAdviceOutsideTCR(t *testing.T) {
	for _, e := range Default().Entries() {
		if e.Scope == "tcr" {
			continue
		}
		id := e.Scope + "/" + e.Code
		var texts []Text
		texts = append(texts, e.Causes...)
		texts = append(texts, e.Remediation...)
		texts = append(texts, e.Retry)
		for _, x := range texts {
			for _, s := range []string{x.En, x.Zh} {
				if m := borrowedTCR.FindString(s); m != "" {
					t.Errorf("%s mentions %q: %s", id, m, s)
				}
			}
		}
	}
}

// productsWithoutActions lists the products none of whose codes lists an API
// action: their steps may have no tccli command to name them by. (Steps name
// the product by its short name whatever facts it has, so none is needed at
// present; a product added here must really have no actions.)
var productsWithoutActions = map[string]bool{}

// wordRE returns a regexp matching word as a whole word (short names are
// lower-case letters and digits: "as" must not match "has").
func wordRE(word string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^A-Za-z0-9])` + regexp.QuoteMeta(word) + `([^A-Za-z0-9]|$)`)
}

// Every imported code's fix steps name its own product, in both languages.
func TestImportedStepsNameTheirProduct(t *testing.T) {
	c := Default()
	hasActions := map[string]bool{}
	bad := map[string]int{}
	example := map[string]string{}
	for _, e := range c.Entries() {
		if !e.Imported {
			continue
		}
		if len(e.Actions) > 0 {
			hasActions[e.Scope] = true
		}
		re := wordRE(e.Scope)
		var en, zh []string
		for _, r := range e.Remediation {
			en, zh = append(en, r.En), append(zh, r.Zh)
		}
		if !re.MatchString(strings.Join(en, "\n")) || !re.MatchString(strings.Join(zh, "\n")) {
			if bad[e.Scope] == 0 {
				example[e.Scope] = e.Code + " (class " + e.Class + ")"
			}
			bad[e.Scope]++
		}
	}
	for p, n := range bad {
		if !productsWithoutActions[p] {
			t.Errorf("%s: the steps of %d codes do not name %s, e.g. %s", p, n, p, example[p])
		}
	}
	for p := range productsWithoutActions {
		if hasActions[p] {
			t.Errorf("productsWithoutActions lists %s, which has actions", p)
		}
	}
}

// unplacedCategories lists the categories whose codes errcode cannot place on
// any standard class, so that they keep the general guidance "*"; each with
// the reason.
var unplacedCategories = map[string]string{
	// postgres VpcError: "VPC error" (VPC 错误) of RebalanceReadOnlyGroup, with
	// no solution: nothing says whether it is the caller's VPC setting or
	// the backend's.
	"VpcError": "postgres: a bare 'VPC error'",
}

// Every category is placed: its codes carry the guidance of a curated entry
// or of a class of classes.yaml (a like names the standard class), never
// the general guidance, except the categories listed above.
func TestEveryCategoryIsPlaced(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Default().Entries() {
		if !e.Imported || e.Class != ClassAny {
			continue
		}
		seen[e.Category()] = true
		if _, ok := unplacedCategories[e.Category()]; !ok {
			t.Errorf("%s/%s: category %s has only the general guidance; add it to classes.yaml (like: <standard class>, why)", e.Scope, e.Code, e.Category())
		}
	}
	for c := range unplacedCategories {
		if !seen[c] {
			t.Errorf("unplacedCategories lists %s, whose codes are placed now (or gone): remove it", c)
		}
	}
	// A class that is like another says why, in both languages.
	for _, l := range classLikes {
		if l.why.En == "" || !hasHan(l.why.Zh) {
			t.Errorf("class %s like %s: why is not in both languages", heldCode(numCurated+l.class), l.like)
		}
	}
}

// standIns are what a placeholder shows for a product fact that is unknown
// (internal/guidance); for a product that has the fact none may show.
var standIns = []string{"<product>", "<产品>", "Describe…", "Describe...", "the product", "该产品", "the product's API documentation", "该产品的 API 文档"}

// A common code explained for a product names that product and its facts,
// not the stand-ins.
func TestCommonEntriesForProduct(t *testing.T) {
	c := Default()
	cvm := wordRE("cvm")
	n := 0
	for _, e := range c.Entries() {
		if e.Scope != ScopeCommon {
			continue
		}
		n++
		p := c.ForProduct(e, "cvm", Call{})
		for lang, steps := range map[string][]string{"en": textsIn(p.Remediation, English), "zh": textsIn(p.Remediation, Chinese)} {
			all := strings.Join(steps, "\n")
			if !cvm.MatchString(all) {
				t.Errorf("%s for cvm (%s): no step names cvm:\n%s", e.Code, lang, all)
			}
			for _, s := range standIns {
				if strings.Contains(all, s) {
					t.Errorf("%s for cvm (%s): a step shows the stand-in %q:\n%s", e.Code, lang, s, all)
				}
			}
		}
	}
	if n < 38 {
		t.Errorf("only %d common entries", n)
	}
}

func textsIn(ts []Text, lang Lang) []string {
	out := make([]string, len(ts))
	for i, x := range ts {
		out[i] = x.In(lang)
	}
	return out
}

func TestClassGuide(t *testing.T) {
	c := Default()
	for _, tt := range []struct {
		class, product string
		ok             bool
		summary, step  string // a part of the summary, of the steps
	}{
		{"InvalidKeyPair", "cvm", true, "InvalidKeyPair codes (cvm) report that the number of key pairs exceeds the limit", ""},
		{"InvalidFilter", "cvm", true, "", "Cloud Virtual Machine"},
		{"InvalidFilter", "", true, "", "the product"},
		{"NoSuchClass", "cvm", false, "", ""},
		{ClassAny, "cvm", false, "", ""},
	} {
		e, ok := c.ClassGuide(tt.class, tt.product, Call{})
		if ok != tt.ok {
			t.Errorf("ClassGuide(%q, %q): ok = %v, want %v", tt.class, tt.product, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if e.Code != tt.class || len(e.Remediation) == 0 || e.Retry.En == "" || e.Verdict == "" || !strings.Contains(e.RetryEvidence.En, tt.class) {
			t.Errorf("ClassGuide(%q, %q) = %+v: code, steps, retry, verdict or evidence missing", tt.class, tt.product, e)
		}
		if !strings.Contains(e.Summary.En, tt.summary) {
			t.Errorf("ClassGuide(%q, %q): summary %q, want it to hold %q", tt.class, tt.product, e.Summary.En, tt.summary)
		}
		steps := strings.Join(e.Steps(English), "\n")
		if !strings.Contains(steps, tt.step) || strings.Contains(steps, "{{") {
			t.Errorf("ClassGuide(%q, %q): steps %q, want them to hold %q and no placeholder", tt.class, tt.product, steps, tt.step)
		}
	}
}
