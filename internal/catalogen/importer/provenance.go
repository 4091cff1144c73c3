package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errcode-dev/errcode/catalog/source"
)

// The official repositories the sources are read from.
const (
	sdkRepo    = "https://github.com/TencentCloud/tencentcloud-sdk-go"
	intlRepo   = "https://github.com/TencentCloud/tencentcloud-sdk-go-intl-en"
	centerRepo = "https://github.com/teco-project/teco-api-models"
)

var commitRE = regexp.MustCompile(`^[0-9a-f]{40}$`)

// gitCommit returns the commit checked out in the git work tree that holds
// path, its date (YYYY-MM-DD, as the committer's clock read it) and path's
// name inside the repository. It fails when the files under path differ
// from the commit: the provenance would lie.
func gitCommit(path string) (commit, date, rel string, err error) {
	dir, base := path, "."
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
		dir, base = filepath.Dir(path), filepath.Base(path)
	}
	git := func(args ...string) (string, error) {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return "", fmt.Errorf("git %s in %s: %v: %s", strings.Join(args, " "), dir, err, strings.TrimSpace(stderr.String()))
		}
		return strings.TrimSpace(string(out)), nil
	}
	log, err := git("log", "-1", "--format=%H %cs", "HEAD")
	if err != nil {
		return "", "", "", fmt.Errorf("%s must be a git checkout of its repository, to record the commit it was read at: %w", path, err)
	}
	commit, date, _ = strings.Cut(log, " ")
	if !commitRE.MatchString(commit) || !versionRE.MatchString(date) {
		return "", "", "", fmt.Errorf("git log in %s: unexpected %q", dir, log)
	}
	dirty, err := git("status", "--porcelain", "--untracked-files=no", "--", base)
	if err != nil {
		return "", "", "", err
	}
	if dirty != "" {
		return "", "", "", fmt.Errorf("%s has local changes (git status): check out a clean release", path)
	}
	if rel, err = git("ls-files", "--full-name", "--", base); err != nil {
		return "", "", "", err
	}
	if base == "." {
		rel = ""
	}
	return commit, date, rel, nil
}

// EncodeProvenance returns the YAML of catalog/provenance.yaml.
func EncodeProvenance(p source.Provenance) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# Where the imported layer (catalog/products/*.yaml, the zh and docs of\n")
	b.WriteString("# catalog/products.yaml, catalog/common_official.yaml) was read: each\n")
	b.WriteString("# source's repository, release and commit, and the commit's date. What is\n")
	b.WriteString("# read from each:\n")
	b.WriteString("#   sdk: errors.go (zh), client.go (actions), products.md (names, docs);\n")
	b.WriteString("#   intl: errors.go (en), client.go (the actions of a code in the API\n")
	b.WriteString("#     versions whose errors.go only this SDK defines it in);\n")
	b.WriteString("#   center: the solutions; the descriptions of the common codes (its\n")
	b.WriteString("#     PLATFORM group: common_official.yaml).\n")
	b.WriteString("# Written by internal/catalogen/importer (`make import-catalog`); do not\n")
	b.WriteString("# edit. Schema: source.Provenance.\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
