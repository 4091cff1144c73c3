package catalog

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// evidenceRow is one row of catalog/evidence/<product>.yaml (issue 15): how
// often developers meet a code in public, with up to three sources.
type evidenceRow struct {
	Code    string   `yaml:"code"`
	Count   int      `yaml:"count"`
	Sources []string `yaml:"sources"`
}

// Every evidence file parses strictly, names codes of its own product, and
// keeps its rows complete and sorted by count (then code).
func TestEvidenceFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("evidence", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no evidence files under catalog/evidence")
	}
	c := Default()
	for _, f := range files {
		product := strings.TrimSuffix(filepath.Base(f), ".yaml")
		if _, ok := c.Product(product); !ok {
			t.Errorf("%s: %q is not a product of the catalog", f, product)
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		var rows []evidenceRow
		if err := dec.Decode(&rows); err != nil && !errors.Is(err, io.EOF) {
			t.Errorf("%s: %v", f, err)
			continue
		}
		seen := map[string]bool{}
		for i, r := range rows {
			id := f + ": " + r.Code
			if seen[r.Code] {
				t.Errorf("%s: listed twice", id)
			}
			seen[r.Code] = true
			if c.Get(product, r.Code) == nil {
				t.Errorf("%s: not a code of %s", id, product)
			}
			if r.Count < 1 || len(r.Sources) == 0 || len(r.Sources) > 3 || len(r.Sources) > r.Count {
				t.Errorf("%s: count %d with %d sources (want count ≥ 1 and 1–3 sources, no more than count)", id, r.Count, len(r.Sources))
			}
			for _, s := range r.Sources {
				if !strings.HasPrefix(s, "https://") {
					t.Errorf("%s: source %q is not an https URL", id, s)
				}
			}
			if i > 0 {
				p := rows[i-1]
				if p.Count < r.Count {
					t.Errorf("%s: out of order after %s (keep rows sorted by count, highest first)", id, p.Code)
				}
			}
		}
	}
}

// The curated entries of products (issue 15) meet the bar of the TCR
// entries: at least two causes and three ordered steps, sources, no
// placeholders (a product entry names its product), related codes that
// resolve in the product or the common scope, and docs in both languages.
func TestCuratedProductEntries(t *testing.T) {
	c := Default()
	n := 0
	for _, e := range c.Curated() {
		if e.Scope == ScopeCommon || e.Scope == ScopeSDK || e.Scope == "tcr" {
			continue
		}
		n++
		id := e.Scope + "/" + e.Code
		if _, ok := c.Product(e.Scope); !ok {
			t.Errorf("%s: scope is not a product", id)
		}
		if len(e.Causes) < 2 {
			t.Errorf("%s: %d causes, want at least 2", id, len(e.Causes))
		}
		if len(e.Remediation) < 3 {
			t.Errorf("%s: %d steps, want at least 3", id, len(e.Remediation))
		}
		if e.Source == "" || e.Docs.En == "" || e.Docs.Zh == "" {
			t.Errorf("%s: source or docs missing", id)
		}
		texts := []Text{e.Summary, e.Retry, e.RetryAfter}
		texts = append(texts, e.Causes...)
		texts = append(texts, e.Remediation...)
		for _, tx := range texts {
			if strings.Contains(tx.En, "{{") || strings.Contains(tx.Zh, "{{") {
				t.Errorf("%s: a product entry has no placeholders: %q", id, tx.En)
			}
		}
		for _, r := range e.Related {
			if c.Get(e.Scope, r) == nil && c.Get(ScopeCommon, r) == nil {
				t.Errorf("%s: related %s is neither a code of %s nor a common code", id, r, e.Scope)
			}
		}
	}
	if n == 0 {
		t.Fatal("no curated product entries outside TCR")
	}
}
