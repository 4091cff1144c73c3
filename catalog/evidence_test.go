package catalog

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The evidence lists of issue 15 (catalog/evidence/<product>.yaml): which
// product codes developers meet, with public sources. They are reviewable
// data, not compiled in; these tests keep them well-formed and true to the
// catalog.

type evidence struct {
	Code    string   `yaml:"code"`
	Count   int      `yaml:"count"`
	Sources []string `yaml:"sources"`
}

func readEvidence(t *testing.T) map[string][]evidence {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("evidence", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]evidence{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("#")) {
			t.Errorf("%s: the file must open with a comment describing its format", f)
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		var list []evidence
		if err := dec.Decode(&list); err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		out[strings.TrimSuffix(filepath.Base(f), ".yaml")] = list
	}
	return out
}

func TestEvidenceLists(t *testing.T) {
	c := Default()
	lists := readEvidence(t)
	if len(lists) == 0 {
		t.Fatal("no evidence lists under catalog/evidence")
	}
	for product, list := range lists {
		if _, ok := c.Product(product); !ok {
			t.Errorf("evidence/%s.yaml: %q is not a product", product, product)
			continue
		}
		if len(list) == 0 {
			t.Errorf("evidence/%s.yaml: empty", product)
		}
		seen := map[string]bool{}
		for i, ev := range list {
			id := "evidence/" + product + ".yaml: " + ev.Code
			if seen[ev.Code] {
				t.Errorf("%s: listed twice", id)
			}
			seen[ev.Code] = true
			if e := c.Get(product, ev.Code); e == nil {
				t.Errorf("%s: not a code of %s", id, product)
			}
			if len(ev.Sources) == 0 || len(ev.Sources) > 3 {
				t.Errorf("%s: %d sources, want 1 to 3", id, len(ev.Sources))
			}
			if ev.Count < len(ev.Sources) {
				t.Errorf("%s: count %d is below the %d sources listed", id, ev.Count, len(ev.Sources))
			}
			for _, s := range ev.Sources {
				if !strings.HasPrefix(s, "https://") || strings.ContainsAny(s, " \t") {
					t.Errorf("%s: source %q is not an https URL", id, s)
				}
			}
			if i > 0 && list[i-1].Count < ev.Count {
				t.Errorf("%s: keep the list sorted by count, highest first", id)
			}
		}
	}
}

// A curated entry of a product (issue 15) is held to more than the general
// completeness rules: causes as they happen (at least two), at least three
// ordered steps, and a code the product really defines.
func TestCuratedProductEntries(t *testing.T) {
	n := 0
	for _, e := range Default().Curated() {
		if e.Scope == ScopeCommon || e.Scope == ScopeSDK {
			continue
		}
		if e.Scope == "tcr" {
			continue // the TCR seed predates these rules (some of its entries have two steps)
		}
		n++
		id := e.Scope + "/" + e.Code
		if len(e.Causes) < 2 {
			t.Errorf("%s: %d causes, want at least 2", id, len(e.Causes))
		}
		if len(e.Remediation) < 3 {
			t.Errorf("%s: %d steps, want at least 3", id, len(e.Remediation))
		}
		b, err := os.ReadFile(filepath.Join("products", e.Scope+".yaml"))
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		if !bytes.Contains(b, []byte("\n- code: "+e.Code+"\n")) {
			t.Errorf("%s: products/%s.yaml does not define the code", id, e.Scope)
		}
		if len(e.Versions) == 0 {
			t.Errorf("%s: no API versions (taken from the import when the code is defined there)", id)
		}
	}
	if n == 0 {
		t.Error("no curated product entries")
	}
}
