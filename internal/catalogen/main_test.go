package main

import (
	"bytes"
	"os"
	"testing"
)

// TestGeneratedIsFresh fails when catalog/codes_gen.go was not regenerated
// after codes.yaml changed. Fix: make catalog.
func TestGeneratedIsFresh(t *testing.T) {
	src, err := os.ReadFile("../../catalog/codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Generate(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../catalog/codes_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("catalog/codes_gen.go is stale: run `make catalog` and commit the result")
	}
}

func TestGenerateRejectsBadYAML(t *testing.T) {
	if _, err := Generate([]byte("- code: X\n  bogus: 1\n")); err == nil {
		t.Fatal("want an error for an unknown field")
	}
}
