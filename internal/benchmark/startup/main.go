// Command startup times whole-process runs of errcode side by side with two
// baselines, interleaved in one run so that machine noise hits all alike,
// in a new random order each round (from a fixed seed), so that no command
// always runs after the same one (list, which reads the whole catalog,
// slows whatever runs next by a few tenths of a millisecond):
//
//	(a) hello:    a Go binary that prints one line
//	(b) libsonly: a binary that links cobra, color and tablewriter and prints one line
//
// It prints the median wall time and peak RSS of each, and the ratios
// errcode/(a) and errcode/(b). The budgets against (b): 1.3 for every
// everyday command (explain of any code; lookup of a hit, a miss, a typo,
// free text, a code of 200 products); 10 for list of the whole catalog,
// which must also peak under 20 MiB (it streams).
//
//	go run ./internal/benchmark/startup -errcode bin/errcode [-n 200] [-markdown] [-also 'lookup;invalid value']...
//
// With -markdown it prints, after the report, the rows of the README's
// Performance table (| command | wall | vs (b) | peak RSS | budget |), so
// the table is pasted from a run, never typed. Each -also adds a command
// of its own, its arguments separated by semicolons, timed like the others
// against the everyday budget but left out of the table: a way to try a
// query before it earns a row.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

type subject struct {
	name     string
	readme   string // the command as the README's table names it
	argv     []string
	limit    float64 // the budget of the ratio to (b); 0 for none
	rssLimit int64   // the budget of the median peak RSS in KiB; 0 for none
	wall     []time.Duration
	rss      []int64 // KiB
}

func main() {
	bin := flag.String("errcode", "bin/errcode", "the errcode binary to time")
	n := flag.Int("n", 200, "runs of each command")
	md := flag.Bool("markdown", false, "also print the rows of the README's Performance table")
	var also []string
	flag.Func("also", "another errcode command to time, its arguments separated by semicolons (repeatable)", func(v string) error {
		if strings.Trim(v, "; ") == "" {
			return fmt.Errorf("no command: want its arguments separated by semicolons, e.g. 'lookup;invalid value'")
		}
		also = append(also, v)
		return nil
	})
	flag.Parse()
	if err := run(*bin, *n, *md, also); err != nil {
		fmt.Fprintln(os.Stderr, "startup:", err)
		os.Exit(1)
	}
}

func run(bin string, n int, md bool, also []string) error {
	dir, err := os.MkdirTemp("", "errcode-startup")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	// Every program timed is the linker's output as it wrote it (make
	// build, go build). How a file was written decides how the kernel
	// caches and maps it: a copy written with cp starts some tenths of a
	// millisecond faster and maps more of itself (peak RSS), so compare
	// binaries only in the same state.
	build := func(pkg, out string) (string, error) {
		path := filepath.Join(dir, out)
		cmd := exec.Command("go", "build", "-trimpath", "-o", path, pkg)
		cmd.Stderr = os.Stderr
		return path, cmd.Run()
	}
	hello, err := build("./internal/benchmark/hello", "hello")
	if err != nil {
		return err
	}
	libs, err := build("./internal/benchmark/libsonly", "libsonly")
	if err != nil {
		return err
	}
	subjects := []*subject{
		{name: "(a) hello", readme: "(a) hello", argv: []string{hello}},
		{name: "(b) libsonly", readme: "(b) libsonly", argv: []string{libs}},
		{name: "explain AuthFailure.SignatureExpire", readme: "`explain AuthFailure.SignatureExpire` (curated)", argv: []string{bin, "explain", "AuthFailure.SignatureExpire"}, limit: 1.3},
		// A code of the imported layer (catalog/products).
		{name: "explain FailedOperation.ServiceIsolate --product aai", readme: "`explain FailedOperation.ServiceIsolate --product aai` (imported)", argv: []string{bin, "explain", "FailedOperation.ServiceIsolate", "--product", "aai"}, limit: 1.3},
		{name: "explain InternalError (202 definitions)", readme: "`explain InternalError` (202 definitions listed)", argv: []string{bin, "explain", "InternalError"}, limit: 1.3},
		{name: "lookup AuthFailure.SignatureExpire (hit)", readme: "`lookup AuthFailure.SignatureExpire` (hit)", argv: []string{bin, "lookup", "AuthFailure.SignatureExpire"}, limit: 1.3},
		{name: "lookup InternalError (202 definitions)", readme: "`lookup InternalError` (202 definitions)", argv: []string{bin, "lookup", "InternalError"}, limit: 1.3},
		// Misses: suggestions over the curated codes, and over every product's.
		{name: "lookup AuthFailure.SignatureExpird (typo)", readme: "`lookup AuthFailure.SignatureExpird` (typo, suggestions)", argv: []string{bin, "lookup", "AuthFailure.SignatureExpird"}, limit: 1.3},
		{name: "lookup InvalidInstanceId.Malformd (miss)", readme: "`lookup InvalidInstanceId.Malformd` (miss, suggestions)", argv: []string{bin, "lookup", "InvalidInstanceId.Malformd"}, limit: 1.3},
		// Free text over the full catalog (the generated text index).
		{name: "lookup 签名过期 (free text)", readme: "`lookup 签名过期` (free text)", argv: []string{bin, "lookup", "签名过期"}, limit: 1.3},
		{name: "lookup \"rate limit\" (free text)", readme: "`lookup \"rate limit\"` (free text)", argv: []string{bin, "lookup", "rate limit"}, limit: 1.3},
		// Broad free text: "operation" is in the code of every
		// FailedOperation (6,200 definitions), "limit" in 1,500.
		{name: "lookup \"operation denied\" (broad)", readme: "`lookup \"operation denied\"` (free text, 6,600 hits)", argv: []string{bin, "lookup", "operation denied"}, limit: 1.3},
		{name: "lookup \"invalid parameter\" (broad)", readme: "`lookup \"invalid parameter\"` (free text, 6,000 hits with both words)", argv: []string{bin, "lookup", "invalid parameter"}, limit: 1.3},
		{name: "lookup limit (broad)", readme: "`lookup limit` (free text, 2,200 hits)", argv: []string{bin, "lookup", "limit"}, limit: 1.3},
		// A Chinese phrase whose pairs are everywhere (750 entries have all
		// three; only their texts tell which hold the phrase).
		{name: "lookup 参数错误 (broad)", readme: "`lookup 参数错误` (free text, 4,000 hits)", argv: []string{bin, "lookup", "参数错误"}, limit: 1.3},
		// One broad word: every hit matches it, nothing narrows them.
		{name: "lookup invalid (broad word)", readme: "`lookup invalid` (free text, 6,500 hits)", argv: []string{bin, "lookup", "invalid"}, limit: 1.3},
		{name: "lookup error (broad word)", readme: "`lookup error` (free text, 3,800 hits)", argv: []string{bin, "lookup", "error"}, limit: 1.3},
		// A word with a Chinese synonym (不存在), and one Chinese character.
		{name: "lookup missing (synonym)", readme: "`lookup missing` (free text, a Chinese synonym)", argv: []string{bin, "lookup", "missing"}, limit: 1.3},
		{name: "lookup 错 (one character)", readme: "`lookup 错` (free text, one character, 3,100 hits)", argv: []string{bin, "lookup", "错"}, limit: 1.3},
		// Free text under --product: ranked among the product's entries.
		{name: "lookup 参数错误 --product cvm", readme: "`lookup 参数错误 --product cvm` (free text in a product)", argv: []string{bin, "lookup", "参数错误", "--product", "cvm"}, limit: 1.3},
		// The whole catalog, piped: streamed, so memory stays flat.
		{name: "list (whole catalog)", readme: "`list` (whole catalog, piped)", argv: []string{bin, "list"}, limit: 10, rssLimit: 20 << 10},
	}
	tabled := len(subjects)
	for _, a := range also {
		args := strings.Split(a, ";")
		subjects = append(subjects, &subject{name: "also: " + strings.Join(args, " "), argv: append([]string{bin}, args...), limit: 1.3})
	}
	// Warm up the page cache, then interleave.
	for _, s := range subjects {
		for i := 0; i < 5; i++ {
			if _, _, err := once(s.argv); err != nil {
				return fmt.Errorf("%s: %v", s.name, err)
			}
		}
	}
	order := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < n; i++ {
		for _, j := range order.Perm(len(subjects)) {
			s := subjects[j]
			d, rss, err := once(s.argv)
			if err != nil {
				return fmt.Errorf("%s: %v", s.name, err)
			}
			s.wall = append(s.wall, d)
			s.rss = append(s.rss, rss)
		}
	}
	fmt.Printf("start-up, %d interleaved runs each (median wall time, median peak RSS)\n", n)
	for _, s := range subjects {
		fmt.Printf("  %-62s %8.2f ms  %6.1f MiB\n", s.name, ms(median(s.wall)), float64(medianInt(s.rss))/1024)
	}
	a, b := median(subjects[0].wall), median(subjects[1].wall)
	for _, s := range subjects[2:] {
		e := median(s.wall)
		verdict := ""
		if s.limit > 0 {
			verdict = fmt.Sprintf("   budget %.2fx: %s", s.limit, okOver(float64(e)/float64(b) <= s.limit))
		}
		if s.rssLimit > 0 {
			verdict += fmt.Sprintf("   peak RSS under %d MiB: %s", s.rssLimit>>10, okOver(medianInt(s.rss) < s.rssLimit))
		}
		fmt.Printf("  %-62s vs (a) %5.2fx   vs (b) %5.2fx%s\n", s.name, float64(e)/float64(a), float64(e)/float64(b), verdict)
	}
	if md {
		fmt.Println()
		fmt.Println("| command | wall | vs (b) | peak RSS | budget |")
		fmt.Println("|---|---|---|---|---|")
		for _, s := range subjects[:tabled] {
			e := median(s.wall)
			budget := ""
			if s.limit > 0 {
				ok := float64(e)/float64(b) <= s.limit
				budget = fmt.Sprintf("%gx %s", s.limit, map[bool]string{true: "ok", false: "**over**"}[ok])
				if s.rssLimit > 0 {
					rssOK := medianInt(s.rss) < s.rssLimit
					budget = fmt.Sprintf("%gx, %d MiB %s", s.limit, s.rssLimit>>10, map[bool]string{true: "ok", false: "**over**"}[ok && rssOK])
				}
			}
			fmt.Printf("| %s | %.2f ms | %.2fx | %.1f MiB | %s |\n", s.readme, ms(e), float64(e)/float64(b), float64(medianInt(s.rss))/1024, budget)
		}
	}
	return nil
}

// once runs argv with output discarded; a non-zero exit status is expected
// for a miss and is not an error.
func once(argv []string) (time.Duration, int64, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "LANG=C", "NO_COLOR=1")
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		return 0, 0, err
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return d, rss, nil
}

func okOver(ok bool) string {
	if ok {
		return "ok"
	}
	return "OVER"
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func medianInt(xs []int64) int64 {
	s := append([]int64(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}
