package parse

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// refLineReader and refScan are Scan as it was before the fast path: it
// reads line by line with bufio and scans every line. They are the reference
// the fast path must agree with.
type refLineReader struct {
	br  *bufio.Reader
	acc []byte
	max int
}

func (lr *refLineReader) next() (line []byte, n int, cut bool, err error) {
	frag, err := lr.br.ReadSlice('\n')
	n = len(frag)
	if err == nil {
		line = frag[:len(frag)-1]
		if len(line) > lr.max {
			line, cut = line[:lr.max], true
		}
		return line, n, cut, nil
	}
	if !errors.Is(err, bufio.ErrBufferFull) {
		if n == 0 {
			return nil, 0, false, err
		}
		if len(frag) > lr.max {
			frag, cut = frag[:lr.max], true
		}
		if errors.Is(err, io.EOF) {
			err = nil
		}
		return frag, n, cut, err
	}
	lr.acc = lr.acc[:0]
	take := min(len(frag), lr.max)
	lr.acc = append(lr.acc, frag[:take]...)
	cut = take < len(frag)
	for {
		frag, err = lr.br.ReadSlice('\n')
		n += len(frag)
		body := frag
		if err == nil {
			body = frag[:len(frag)-1]
		}
		if room := lr.max - len(lr.acc); room > 0 {
			take := min(room, len(body))
			lr.acc = append(lr.acc, body[:take]...)
			if take < len(body) {
				cut = true
			}
		} else if len(body) > 0 {
			cut = true
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) {
			err = nil
		}
		return lr.acc, n, cut, err
	}
}

func refScan(r io.Reader, opt Options, emit func(Finding) error) (Stats, error) {
	if opt.MaxRecord <= 0 {
		opt.MaxRecord = DefaultMaxRecord
	}
	s := &scanner{opt: opt, emit: emit}
	lr := refLineReader{br: bufio.NewReaderSize(r, 64<<10), max: s.opt.MaxRecord}
	for {
		line, n, cut, rerr := lr.next()
		if n == 0 {
			if rerr != nil && !errors.Is(rerr, io.EOF) {
				s.finish()
				return s.st, rerr
			}
			break
		}
		s.lineNo++
		s.st.Lines++
		s.st.Bytes += int64(n)
		s.processLine(line, cut)
		s.lineOff += int64(n)
		if err := s.flush(); err != nil {
			return s.st, err
		}
		if rerr != nil {
			s.finish()
			return s.st, rerr
		}
	}
	err := s.finish()
	return s.st, err
}

type scanResult struct {
	fs  []Finding
	st  Stats
	err string
}

func runScan(scan func(io.Reader, Options, func(Finding) error) (Stats, error), r io.Reader, opt Options) scanResult {
	var res scanResult
	st, err := scan(r, opt, func(f Finding) error { res.fs = append(res.fs, f); return nil })
	res.st = st
	if err != nil {
		res.err = err.Error()
	}
	return res
}

// equivOptions are the option sets the fast path is checked with.
func equivOptions() map[string]Options {
	small := testOptions()
	small.MaxRecord = 100
	return map[string]Options{
		"test":       testOptions(),
		"bench":      benchOptions(),
		"none":       {},
		"known only": {KnownCode: testKnown},
		"infer only": {InferCode: testInfer},
		"small":      small,
	}
}

// checkEquiv scans data with Scan (with several buffer sizes) and with
// refScan and fails when they differ.
func checkEquiv(t *testing.T, name string, data []byte, opt Options) {
	t.Helper()
	want := runScan(refScan, bytes.NewReader(data), opt)
	defer func(n, m, p int) { readBufSize, pipelineMode, prescanMode = n, m, p }(readBufSize, pipelineMode, prescanMode)
	for _, mode := range []int{-1, 1, 2} {
		pipelineMode, prescanMode = min(mode, 1), mode-1
		for _, size := range []int{64 << 10, 4096, 97, 16} {
			readBufSize = size
			for _, r := range []io.Reader{bytes.NewReader(data), &chunkReader{data: data, rng: rand.New(rand.NewSource(int64(size)))}} {
				got := runScan(Scan, r, opt)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s (pipeline %d, buffer %d, %T): Scan and the reference differ\n%s", name, mode, size, r, diffResults(got, want))
				}
			}
		}
	}
	// the block reader without the fast path
	fastPath = false
	defer func() { fastPath = true }()
	for _, size := range []int{4096, 16} {
		readBufSize = size
		if got := runScan(Scan, bytes.NewReader(data), opt); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s (no fast path, buffer %d): Scan and the reference differ\n%s", name, size, diffResults(got, want))
		}
	}
}

func diffResults(got, want scanResult) string {
	var b strings.Builder
	if got.st != want.st || got.err != want.err {
		fmt.Fprintf(&b, "stats %+v err %q\nwant  %+v err %q\n", got.st, got.err, want.st, want.err)
	}
	for i := 0; i < max(len(got.fs), len(want.fs)); i++ {
		var g, w Finding
		if i < len(got.fs) {
			g = got.fs[i]
		}
		if i < len(want.fs) {
			w = want.fs[i]
		}
		if !reflect.DeepEqual(g, w) {
			fmt.Fprintf(&b, "finding %d:\n got  %+v\n want %+v\n", i, g, w)
			break
		}
	}
	return b.String()
}

// chunkReader returns data in reads of random sizes.
type chunkReader struct {
	data []byte
	rng  *rand.Rand
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), 1+r.rng.Intn(200), len(r.data))
	copy(p, r.data[:n])
	r.data = r.data[n:]
	return n, nil
}

func TestFastPathCorpus(t *testing.T) {
	var all []byte
	for _, in := range corpusFiles(t) {
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, data...)
		for name, opt := range equivOptions() {
			checkEquiv(t, in+" "+name, data, opt)
		}
	}
	for name, opt := range equivOptions() {
		checkEquiv(t, "whole corpus "+name, all, opt)
	}
}

func TestFastPathLogs(t *testing.T) {
	for name, opt := range equivOptions() {
		checkEquiv(t, "genLog "+name, genLog(1<<20), opt)
		checkEquiv(t, "throughput "+name, genThroughputLog(1<<20), opt)
	}
}

// TestFastPathMixed interleaves corpus lines with log lines at random, and
// with lines built to trip the candidate search at its edges.
func TestFastPathMixed(t *testing.T) {
	var lines []string
	for _, in := range corpusFiles(t) {
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.SplitAfter(string(data), "\n")...)
	}
	lines = append(lines, strings.SplitAfter(string(genLog(64<<10)), "\n")...)
	lines = append(lines, edgeLines...)
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 60; n++ {
		var b strings.Builder
		for k := rng.Intn(400); k >= 0; k-- {
			l := lines[rng.Intn(len(lines))]
			if rng.Intn(8) == 0 {
				l = strings.TrimSuffix(l, "\n") // join two lines
			}
			b.WriteString(l)
		}
		for name, opt := range equivOptions() {
			checkEquiv(t, fmt.Sprintf("mix %d %s", n, name), []byte(b.String()), opt)
		}
	}
}

var edgeLines = []string{
	"{\n", "}\n", "{{}\n", "{", "a{\n", "x\n{\n", "\ufeffcurl -H 'X-TC-Action: A' https://cvm.tencentcloudapi.com\n",
	"HTTP/1.1 400 Bad Request\n", "http/2 200\n", "Date: Mon\n", "\n", "\r\n", "> POST / HTTP/1.1\n", "< HTTP/1.1 500\n",
	"* Connected\n", "$ tccli cvm DescribeInstances\n", "usage: tccli\n", "  curl \\\n", "  -H 'Host: x'\n",
	"tccli: [TencentCloudSDKException] code:AuthFailure message:m requestId:r\n", "xRequestLimitExceeded\n",
	"RequestLimitExceeded\n", "see RequestLimitExceeded.\n", "a\\nInternalError b\n", "code\n", "Code: X\n",
	"mode\n", "odd\n", "SDK\n", "DK\n", "message\n", "Message: Signature expired\n", "The SecretId is not found\n",
	"TencentCloudSDKHttpException [Error]: Signature expired\n", "    at foo (bar.js:1:2)\n", "{ code: 'InternalError' }\n",
	"aB\n", "AbC\n", "InternalError.AbC\n", "x InternalError", "essage", "ode", "\"Code\"", "AuthFailure\r\n",
	"{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"x\"}}}\n", "{\"a\":\n", "1,\n",
}

func FuzzFastPath(f *testing.F) {
	addParseSeeds(f, uint8(0))
	for _, l := range edgeLines {
		f.Add([]byte(l+l+"aRequestLimitExceeded\n"), uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		if len(data) > maxFuzzInput {
			return
		}
		opt := testOptions()
		switch mode % 4 {
		case 1:
			opt.MaxRecord = 40
		case 2:
			opt.InferCode = nil
		case 3:
			opt.KnownCode = nil
		}
		want := runScan(refScan, bytes.NewReader(data), opt)
		defer func(n, m, p int) { readBufSize, pipelineMode, prescanMode = n, m, p }(readBufSize, pipelineMode, prescanMode)
		// A buffer that holds any input whole, and a tiny one.
		for _, size := range []int{maxFuzzInput + 1, 1 + int(mode)} {
			readBufSize = size
			pipelineMode = 1 - 2*int(mode&4>>2)
			prescanMode = int(mode & 8 >> 3)
			got := runScan(Scan, bytes.NewReader(data), opt)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("pipeline %d, buffer %d: Scan and the reference differ\n%s", pipelineMode, size, diffResults(got, want))
			}
		}
	})
}

// TestPrescan checks that the lines of the throughput log are prescanned.
func TestPrescan(t *testing.T) {
	data := genThroughputLog(256 << 10)
	data = data[:bytes.LastIndexByte(data, '\n')+1]
	opt := benchOptions()
	opt.MaxRecord = DefaultMaxRecord
	c := &chunk{data: data}
	c.marks, c.nl = newLineFilter(&opt).collect(data, nil)
	newPrescanner(opt).scan(c, 0, 0, maxPrescans)
	lines := 0
	for _, m := range c.marks {
		if m.a < 0 {
			lines++
		}
	}
	if lines == 0 || len(c.pre) != lines || len(c.found) != lines {
		t.Errorf("%d marked lines, %d prescans, %d findings", lines, len(c.pre), len(c.found))
	}
}

// TestEmitErrorOnPipe checks that a scan stopped by emit returns at once,
// without waiting for input that has not come (errcode parse -q on a pipe).
func TestEmitErrorOnPipe(t *testing.T) {
	for _, mode := range []int{-1, 1} {
		func() {
			defer func(m int) { pipelineMode = m }(pipelineMode)
			pipelineMode = mode
			pr, pw := io.Pipe()
			defer pw.Close()
			stop := errors.New("stop")
			done := make(chan error, 1)
			go func() {
				_, err := Scan(pr, testOptions(), func(Finding) error { return stop })
				done <- err
			}()
			if _, err := io.WriteString(pw, strings.Repeat("x\n", 1000)+errLine); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				if !errors.Is(err, stop) {
					t.Fatalf("pipeline %d: err = %v", mode, err)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("pipeline %d: Scan did not return after emit failed", mode)
			}
		}()
	}
}

type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("reader panic") }

// TestReaderPanic checks that a panic in the reader reaches the caller.
func TestReaderPanic(t *testing.T) {
	for _, mode := range []int{-1, 1} {
		func() {
			defer func(m int) { pipelineMode = m }(pipelineMode)
			pipelineMode = mode
			defer func() {
				if v := recover(); v != "reader panic" {
					t.Errorf("pipeline %d: recovered %v", mode, v)
				}
			}()
			Scan(panicReader{}, Options{}, func(Finding) error { return nil })
		}()
	}
}

// TestNoQuadraticFastPath is TestNoQuadratic with other patterns, in every
// pipeline mode: long lines full of candidates scan
// to the end (BenchmarkPathological measures how fast).
func TestNoQuadraticFastPath(t *testing.T) {
	pats := []string{
		"{", "{{{{}", "{}", `{"a":"`, "InternalError ", "InternalError.X ", "aBcD", "aB ", "x\\nInternalError ", "Code ",
		"ode", "SDK", "message ", "\n", "\n ", "\ncurl ", "\n{}", "\n<", "a_", "TencentCloudSDK",
	}
	for _, mode := range []int{-1, 1, 2} {
		func() {
			defer func(m, p int) { pipelineMode, prescanMode = m, p }(pipelineMode, prescanMode)
			pipelineMode, prescanMode = min(mode, 1), mode-1
			for _, p := range pats {
				in := strings.Repeat(strings.Repeat(p, 200000/len(p)+1)+"\n", 4)
				if _, st := scanString(t, in, testOptions()); st.Bytes != int64(len(in)) {
					t.Errorf("pipeline %d: %q: read %d of %d bytes", mode, p, st.Bytes, len(in))
				}
			}
		}()
	}
}
