package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/internal/iostreams"
)

// TestReadmeExamples runs every example in README.md's ```console blocks and
// compares its output with what the README shows, so no example can rot.
// `go test -run TestReadmeExamples -update` rewrites the blocks (review the
// diff). The commands are a small shell subset:
//
//	$ [VAR=value ...] errcode ARGS... [< FILE] [| head -N]   [# on a terminal[, N columns]]
//	$ echo 'TEXT' | errcode ARGS...
//
// FILEs live in testdata/readme. The expected text is stderr then stdout;
// a line "..." ends the comparison early (the README shows a prefix).
func TestReadmeExamples(t *testing.T) {
	src, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	var out []string
	changed := false
	n := 0
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		if strings.TrimSpace(lines[i]) != "```console" {
			continue
		}
		// The block: commands and their outputs up to the closing fence.
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) != "```" {
			j++
		}
		block := lines[i+1 : j]
		var rewritten []string
		for k := 0; k < len(block); {
			if !strings.HasPrefix(block[k], "$ ") {
				t.Fatalf("README.md:%d: a console block must start with a $ command", i+2+k)
			}
			command := block[k]
			end := k + 1
			for end < len(block) && !strings.HasPrefix(block[end], "$ ") {
				end++
			}
			want := block[k+1 : end]
			// Blank lines separate examples; they are not output.
			for len(want) > 0 && want[len(want)-1] == "" {
				want = want[:len(want)-1]
			}
			n++
			got, err := runExample(strings.TrimPrefix(command, "$ "))
			if err != nil {
				t.Fatalf("README.md:%d: %v", i+2+k, err)
			}
			gotLines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
			if got == "" {
				gotLines = nil
			}
			cut := len(want)
			for x, w := range want {
				if strings.TrimSpace(w) == "..." {
					cut = x
					break
				}
			}
			ok := cut <= len(gotLines) && equalLines(want[:cut], gotLines[:cut]) && (cut < len(want) || len(gotLines) == len(want))
			if !ok {
				if !*update {
					t.Errorf("README.md:%d: %s\n--- README shows\n%s\n--- errcode prints\n%s", i+2+k, command, strings.Join(want, "\n"), got)
				}
				changed = true
			}
			rewritten = append(rewritten, command)
			if cut < len(want) && cut <= len(gotLines) {
				rewritten = append(rewritten, gotLines[:cut]...)
				rewritten = append(rewritten, want[cut:]...)
			} else {
				rewritten = append(rewritten, gotLines...)
			}
			if end < len(block) {
				rewritten = append(rewritten, "")
			}
			k = end
		}
		out = append(out, rewritten...)
		i = j - 1
	}
	if n == 0 {
		t.Fatal("no console examples found in README.md")
	}
	if *update && changed {
		if err := os.WriteFile("README.md", []byte(strings.Join(out, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func equalLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.TrimRight(a[i], " ") != strings.TrimRight(b[i], " ") {
			return false
		}
	}
	return true
}

// runExample runs one README command line in-process and returns stderr then stdout.
func runExample(line string) (string, error) {
	env := map[string]string{}
	tty, width := false, 80
	if c := strings.Index(line, "# on a terminal"); c >= 0 {
		tty = true
		if _, after, ok := strings.Cut(line[c:], ", "); ok {
			if w, err := strconv.Atoi(strings.Fields(after)[0]); err == nil {
				width = w
			}
		} else {
			width = 100
		}
		line = strings.TrimSpace(line[:c])
	}
	var stdin []byte
	if strings.HasPrefix(line, "echo ") {
		echo, rest, ok := strings.Cut(line, " | ")
		if !ok {
			return "", fmt.Errorf("echo without a pipe: %s", line)
		}
		words, err := shellWords(strings.TrimPrefix(echo, "echo "))
		if err != nil {
			return "", err
		}
		stdin = []byte(strings.Join(words, " ") + "\n")
		line = rest
	}
	head := -1
	if before, after, ok := strings.Cut(line, " | head -"); ok {
		h, err := strconv.Atoi(strings.TrimSpace(after))
		if err != nil {
			return "", fmt.Errorf("bad head: %s", line)
		}
		head, line = h, before
	}
	if before, after, ok := strings.Cut(line, " < "); ok {
		data, err := os.ReadFile(filepath.Join("testdata", "readme", strings.TrimSpace(after)))
		if err != nil {
			return "", err
		}
		stdin, line = data, before
	}
	words, err := shellWords(line)
	if err != nil {
		return "", err
	}
	for len(words) > 0 && strings.Contains(words[0], "=") {
		k, v, _ := strings.Cut(words[0], "=")
		env[k] = v
		words = words[1:]
	}
	if len(words) == 0 || words[0] != "errcode" {
		return "", fmt.Errorf("not an errcode command: %s", line)
	}
	args := words[1:]
	// File arguments are read from testdata/readme.
	for i, a := range args {
		if _, err := os.Stat(filepath.Join("testdata", "readme", a)); err == nil && !strings.HasPrefix(a, "-") {
			args[i] = filepath.Join("testdata", "readme", a)
		}
	}
	ios, in, stdout, stderr := iostreams.Test()
	in.Write(stdin)
	ios.SetEnv(func(k string) string { return env[k] })
	if tty {
		ios.SetStdoutTTY(true, width)
		if _, set := env["NO_COLOR"]; !set {
			env["NO_COLOR"] = "1" // the README shows no colour
		}
	}
	cmd.Main(args, ios)
	so := strings.ReplaceAll(stdout.String(), filepath.Join("testdata", "readme")+"/", "")
	if head >= 0 {
		ls := strings.SplitAfter(so, "\n")
		if len(ls) > head {
			ls = ls[:head]
		}
		so = strings.Join(ls, "")
	}
	var b bytes.Buffer
	b.WriteString(stderr.String())
	b.WriteString(so)
	return b.String(), nil
}

// shellWords splits s like a POSIX shell: spaces separate words; single and
// double quotes group (no escapes inside single quotes).
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("unclosed quote: %s", s)
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				return nil, fmt.Errorf("unclosed quote: %s", s)
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

// TestReadmeCounts holds the numbers the README gives of the catalog to the
// catalog: the curated entries, the product codes among them, and the
// products whose English name is Tencent Cloud's or errcode's translation.
func TestReadmeCounts(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := strings.Join(strings.Fields(string(data)), " ")
	c := catalog.Default()
	curated := c.Curated()
	products := 0
	for _, e := range curated {
		if e.Scope != catalog.ScopeCommon && e.Scope != catalog.ScopeSDK && e.Scope != "tcr" {
			products++
		}
	}
	official, translated := 0, 0
	for _, p := range c.Products() {
		if p.EnTranslated {
			translated++
		} else if p.Name.En != "" {
			official++
		}
	}
	all := len(c.Products())
	for _, want := range []string{
		fmt.Sprintf("and %d codes of the products developers use most", products),
		fmt.Sprintf("the curated layer (above): %d entries", len(curated)),
		fmt.Sprintf("publishes one (%d of %d products", official, all),
		fmt.Sprintf("for the %d products for which no English name", translated),
		fmt.Sprintf("for %d of %d products; for the other %d,", official, all, translated),
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.md does not say %q", want)
		}
	}
}
