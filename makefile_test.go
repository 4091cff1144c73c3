package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Every make target has its line in `make help` (a `## ` comment) and is
// .PHONY (none of them is a file).
func TestMakefileTargetsHaveHelp(t *testing.T) {
	data, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	target := regexp.MustCompile(`^([a-z][a-z-]*):([^=]|$)`)
	var phony []string
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, ".PHONY:"); ok {
			phony = append(phony, strings.Fields(rest)...)
		}
	}
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		m := target.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n++
		if _, help, ok := strings.Cut(line, " ## "); !ok || strings.TrimSpace(help) == "" {
			t.Errorf("make %s has no `## ` comment: make help does not list it", m[1])
		}
		if !slices.Contains(phony, m[1]) {
			t.Errorf("make %s is not .PHONY", m[1])
		}
	}
	if n < 10 {
		t.Errorf("found %d targets: the test no longer reads the Makefile's rules", n)
	}
}
