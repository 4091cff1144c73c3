package source

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errcode-dev/errcode/catalog"
)

func TestDecodeRejectsUnknownFields(t *testing.T) {
	_, err := Decode([]byte("- code: X\n  scope: common\n  sumary: {en: a, zh: b}\n"))
	if err == nil || !strings.Contains(err.Error(), "sumary") {
		t.Fatalf("Decode with a misspelt field: err = %v, want an error naming it", err)
	}
	if _, err := Decode([]byte("code: X\n")); err == nil {
		t.Fatal("Decode of a mapping instead of a list: want an error")
	}
	if _, err := Decode([]byte("- null\n")); err == nil {
		t.Fatal("Decode of an empty entry: want an error")
	}
	for _, bad := range []string{"", "4xx", "A..B", "A.", "A B", "\f\r4", "签名"} {
		if _, err := Decode([]byte(fmt.Sprintf("- code: %q\n  scope: common\n", bad))); err == nil {
			t.Errorf("Decode accepted the code %q", bad)
		}
	}
	if e, err := Decode(nil); err != nil || e != nil {
		t.Fatalf("Decode(nil) = %v, %v; want nothing", e, err)
	}
}

// The embedded source decodes to the same entries, in the same order, as the
// curated layer that catalog.Default serves.
func TestEmbeddedSourceMatchesDefault(t *testing.T) {
	entries, err := Decode(catalog.CodesYAML)
	if err != nil {
		t.Fatalf("codes.yaml: %v", err)
	}
	def := catalog.Default().Curated()
	if len(entries) != len(def) {
		t.Fatalf("codes.yaml has %d entries, the compiled catalog %d: run make catalog", len(entries), len(def))
	}
	for i := range entries {
		if entries[i].Scope != def[i].Scope || entries[i].Code != def[i].Code {
			t.Fatalf("entry %d: codes.yaml has %s/%s, the catalog %s/%s (keep codes.yaml sorted by category, code, scope; then make catalog)",
				i, entries[i].Scope, entries[i].Code, def[i].Scope, def[i].Code)
		}
	}
}

// TestSourceOrder keeps codes.yaml in catalog order (category, code, scope
// with common first), so additions land in a predictable place and diffs stay small.
func TestSourceOrder(t *testing.T) {
	entries, err := Decode(catalog.CodesYAML)
	if err != nil {
		t.Fatal(err)
	}
	sorted := catalog.New(entries).Entries()
	for i := range entries {
		if entries[i] != sorted[i] {
			t.Fatalf("codes.yaml: %s/%s is out of order (want %s/%s there); keep entries sorted by category, code, scope (common first)",
				entries[i].Scope, entries[i].Code, sorted[i].Scope, sorted[i].Code)
		}
	}
}

// Every field has a yaml tag: a round trip keeps the entries.
func TestRoundTrip(t *testing.T) {
	entries, err := Decode(catalog.CodesYAML)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := yaml.NewEncoder(&buf).Encode(entries); err != nil {
		t.Fatal(err)
	}
	again, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatalf("re-decode: %v", err)
	}
	if len(again) != len(entries) {
		t.Fatalf("round trip: %d entries, want %d", len(again), len(entries))
	}
	for i := range entries {
		if again[i].Summary != entries[i].Summary || len(again[i].Remediation) != len(entries[i].Remediation) {
			t.Fatalf("round trip changed %s", entries[i].Code)
		}
	}
}

// FuzzDecode: the loader never panics, and whatever it accepts survives
// catalog.New and a lookup of every entry.
func FuzzDecode(f *testing.F) {
	f.Add(catalog.CodesYAML[:4096])
	f.Add([]byte("- code: A.B\n  scope: common\n  summary: {en: a, zh: 签名}\n"))
	f.Add([]byte("- null\n"))
	f.Add([]byte("&a [*a, *a]"))
	f.Add([]byte("- code: !!binary aGVsbG8=\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := Decode(data)
		if err != nil {
			return
		}
		c := catalog.New(entries)
		for _, e := range c.Entries() {
			if len(c.Find(e.Code)) == 0 {
				t.Fatalf("entry %q not found after decoding", e.Code)
			}
			_ = e.Category()
			_, _ = c.Resolve(e.Scope, e.Code+".X")
		}
	})
}
