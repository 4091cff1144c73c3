package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportRules keeps the layout honest (see STYLE.md): only cmd wires
// cobra; the domain and parser packages print nothing and know no terminal;
// render writes only to the writer it is given; nothing in the binary can
// open a network connection.
func TestImportRules(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const mod = "github.com/errcode-dev/errcode"
	forbidden := map[string][]string{
		mod + "/catalog":            {"github.com/spf13/cobra", "github.com/fatih/color", "os", "go.yaml.in/yaml/v3"},
		mod + "/catalog/source":     {"github.com/spf13/cobra", "github.com/fatih/color", "os"},
		mod + "/internal/search":    {"github.com/spf13/cobra", "github.com/fatih/color", "os"},
		mod + "/internal/parse":     {"github.com/spf13/cobra", "github.com/fatih/color", "os", mod + "/catalog"},
		mod + "/internal/redact":    {"github.com/spf13/cobra", "github.com/fatih/color", "os"},
		mod + "/internal/evidence":  {"github.com/spf13/cobra", "github.com/fatih/color", "os", mod + "/catalog"},
		mod + "/internal/diagnose":  {"github.com/spf13/cobra", "github.com/fatih/color", "os"},
		mod + "/internal/textsafe":  {"github.com/spf13/cobra", "github.com/fatih/color", "os"},
		mod + "/internal/guidance":  {"github.com/spf13/cobra", "github.com/fatih/color", "os", mod + "/catalog"},
		mod + "/internal/explain":   {"github.com/spf13/cobra", "github.com/fatih/color", "os", mod + "/internal/render", mod + "/internal/iostreams"},
		mod + "/internal/render":    {"github.com/spf13/cobra", "os"},
		mod + "/internal/prefetch":  {"github.com/spf13/cobra", "github.com/fatih/color", mod + "/internal/render", mod + "/internal/iostreams"},
		mod + "/internal/iostreams": {"github.com/spf13/cobra"},
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		for _, imp := range strings.Fields(imports) {
			if imp == "github.com/spf13/cobra" && !strings.HasPrefix(pkg, mod+"/cmd") && pkg != mod+"/internal/gendoc" && !strings.HasPrefix(pkg, mod+"/internal/benchmark/") {
				t.Errorf("%s imports cobra: only cmd may", pkg)
			}
			for _, f := range forbidden[pkg] {
				if imp == f {
					t.Errorf("%s must not import %s", pkg, f)
				}
			}
		}
	}
}

// TestOffline: the errcode binary links no HTTP or TLS client, and none of
// its own packages imports a networking package, so no code path can reach
// the network. ("net" itself is linked: pflag parses IP-address flags with it.)
func TestOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch {
		case dep == "net/http", dep == "crypto/tls", dep == "net/rpc", dep == "net/smtp", strings.HasPrefix(dep, "net/http/"):
			t.Errorf("the binary links %s: errcode must not be able to open a network connection", dep)
		case dep == "golang.org/x/sys/cpu":
			// Its package init executes CPUID several times, which traps
			// to the hypervisor on a virtual machine: 40-90 µs of every
			// start (internal/parse asks the CPU on first scan instead).
			t.Errorf("the binary links %s: its init slows every start", dep)
		}
	}
	own, err := exec.Command("go", "list", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(own)), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		for _, imp := range strings.Fields(imports) {
			if imp == "net" || strings.HasPrefix(imp, "net/") && imp != "net/url" {
				t.Errorf("%s imports %s", pkg, imp)
			}
		}
	}
}
