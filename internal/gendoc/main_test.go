package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Man pages are reproducible: the same tree gives the same bytes, dated by
// SOURCE_DATE_EPOCH, and every command has a page.
func TestManPagesReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	a, b := t.TempDir(), t.TempDir()
	if err := run(a); err != nil {
		t.Fatal(err)
	}
	if err := run(b); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"errcode.1", "errcode-lookup.1", "errcode-list.1", "errcode-explain.1", "errcode-products.1", "errcode-parse.1", "errcode-completion.1"} {
		pa, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatalf("no man page %s: %v", name, err)
		}
		pb, _ := os.ReadFile(filepath.Join(b, name))
		if !bytes.Equal(pa, pb) {
			t.Errorf("%s differs between two runs", name)
		}
		if !strings.Contains(string(pa), `"Jan 2026"`) {
			t.Errorf("%s is not dated by SOURCE_DATE_EPOCH", name)
		}
	}
}
