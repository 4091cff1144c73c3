// Command gendoc writes errcode's man pages (one per command) with cobra/doc.
// The date in the pages comes from SOURCE_DATE_EPOCH (the Makefile fixes it)
// so that the output is reproducible.
//
//	go run ./internal/gendoc -man dist/man
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra/doc"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/internal/iostreams"
)

func main() {
	dir := flag.String("man", "dist/man", "directory for the man pages")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "gendoc:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	date := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return fmt.Errorf("SOURCE_DATE_EPOCH: %w", err)
		}
		date = time.Unix(sec, 0).UTC()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ios, _, _, _ := iostreams.Test()
	root := cmd.NewRootCmd(ios)
	root.DisableAutoGenTag = true
	return doc.GenManTree(root, &doc.GenManHeader{
		Title:   "ERRCODE",
		Section: "1",
		Source:  "errcode",
		Manual:  "errcode manual",
		Date:    &date,
	}, dir)
}
