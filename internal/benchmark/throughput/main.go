// Command throughput measures `errcode parse` on a generated log, side by
// side with `grep -c '"Code"'` on the same file, and prints MB/s for both,
// their ratio, and errcode's peak RSS.
//
//	go run ./internal/benchmark/throughput -errcode bin/errcode [-mb 100]
//
// The log is deterministic: application lines of varied shapes with an
// error (API 3.0 JSON, Go and Python SDK strings) about every 50 lines.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"syscall"
	"time"
)

func main() {
	bin := flag.String("errcode", "bin/errcode", "the errcode binary")
	mb := flag.Int("mb", 100, "size of the generated log in MB")
	runs := flag.Int("runs", 3, "runs of each command; the median counts")
	flag.Parse()
	if err := run(*bin, *mb, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "throughput:", err)
		os.Exit(1)
	}
}

func run(bin string, mb, runs int) error {
	dir, err := os.MkdirTemp("", "errcode-throughput")
	if err != nil {
		return err
	}
	if os.Getenv("KEEP") == "" {
		defer os.RemoveAll(dir)
	} else {
		fmt.Println("log kept in", dir)
	}
	path := filepath.Join(dir, "app.log")
	size, errs, err := generate(path, int64(mb)<<20)
	if err != nil {
		return err
	}
	fmt.Printf("parse throughput on a generated %d MB log (%d errors, one every ~50 lines), median of %d runs\n", size>>20, errs, runs)
	grep := measure(runs, "grep", "-c", `"Code"`, path)
	ec := measure(runs, bin, "parse", "--summary", "-o", "json", path)
	for _, m := range []struct {
		name string
		r    result
	}{{`grep -c '"Code"'`, grep}, {"errcode parse --summary", ec}} {
		if m.r.err != nil {
			return fmt.Errorf("%s: %v", m.name, m.r.err)
		}
		fmt.Printf("  %-26s %8.0f MB/s  %7.2f s  peak RSS %6.1f MiB\n", m.name, float64(size)/(1<<20)/m.r.wall.Seconds(), m.r.wall.Seconds(), float64(m.r.rssKiB)/1024)
	}
	fmt.Printf("  errcode / grep speed: %.2f (target >= 0.50); errcode peak RSS target < 50 MiB\n", grep.wall.Seconds()/ec.wall.Seconds())
	return nil
}

type result struct {
	wall   time.Duration
	rssKiB int64
	err    error
}

func measure(runs int, name string, args ...string) result {
	var walls []time.Duration
	var rss int64
	for i := 0; i < runs; i++ {
		cmd := exec.Command(name, args...)
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		// A pipe, not /dev/null: GNU grep stops at the first match when its
		// output is /dev/null, which would make it look 100x faster.
		cmd.Stdout = io.Discard
		start := time.Now()
		err := cmd.Run()
		d := time.Since(start)
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			return result{err: err}
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > rss {
			rss = ru.Maxrss
		}
		walls = append(walls, d)
	}
	sort.Slice(walls, func(i, j int) bool { return walls[i] < walls[j] })
	return result{wall: walls[len(walls)/2], rssKiB: rss}
}

var appLines = []string{
	`2024-05-01T10:00:%02d.123Z INFO  http: GET /api/v1/instances 200 12ms user=alice trace=4bf92f3577b34da6`,
	`2024-05-01T10:00:%02d.456Z DEBUG cache: hit key=instances:ap-guangzhou ttl=30s size=2048`,
	`2024-05-01T10:00:%02d.789Z INFO  worker: processed batch 1842 of 90000 in 3.2ms (queue depth 17)`,
	`{"level":"info","ts":"2024-05-01T10:00:%02d.001Z","msg":"request done","path":"/healthz","status":200}`,
	`2024-05-01T10:00:%02d.321Z WARN  pool: connection idle for 30s, closing (pool size 8, in use 3)`,
}

var errorLines = []string{
	`2024-05-01T10:00:%02d.555Z ERROR cvm: {"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"Your current request times in a second exceeds the frequency limit. Please reduce the frequency of calls."},"RequestId":"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}`,
	`2024-05-01T10:00:%02d.666Z ERROR tcr: [TencentCloudSDKError] Code=ResourceNotFound.ErrNoRepo, Message=仓库不存在。, RequestId=9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d`,
	`2024-05-01T10:00:%02d.777Z ERROR py: [TencentCloudSDKException] code:AuthFailure.SignatureExpire message:Signature expired. requestId:1e2f3a4b-5c6d-4e7f-9a8b-9c0d1e2f3a4b`,
}

func generate(path string, size int64) (int64, int, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	var n int64
	errs := 0
	for i := 0; n < size; i++ {
		var line string
		if i%50 == 49 {
			line = fmt.Sprintf(errorLines[errs%len(errorLines)], i%60)
			errs++
		} else {
			line = fmt.Sprintf(appLines[i%len(appLines)], i%60)
		}
		k, _ := w.WriteString(line + "\n")
		n += int64(k)
	}
	if err := w.Flush(); err != nil {
		return 0, 0, err
	}
	return n, errs, f.Close()
}
