package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/internal/goldentest"
	"github.com/errcode-dev/errcode/internal/iostreams"
)

// corpusFinding is the reviewed part of one parse finding: what the issue 9
// corpus holds each input to.
type corpusFinding struct {
	Code            string   `json:"code"`
	Shape           string   `json:"shape"`
	Confidence      string   `json:"confidence"`
	Product         string   `json:"product"`
	ProductEvidence string   `json:"product_evidence"`
	Known           bool     `json:"known"`
	ExplainedAs     string   `json:"explained_as"`
	RetryVerdict    string   `json:"retry_verdict"`
	RetryEvidence   string   `json:"retry_evidence"`
	LegacyMeaning   string   `json:"legacy_meaning,omitempty"`
	Suggestions     []string `json:"suggestions,omitempty"`
}

// corpusResult is a corpus input's expected outcome: the exit status, the
// findings, and the set-aside note on stderr (empty when none).
type corpusResult struct {
	Exit     int             `json:"exit"`
	Findings []corpusFinding `json:"findings"`
	Aside    string          `json:"aside,omitempty"`
}

// TestParseCorpus runs `errcode parse -o json` on each input of
// testdata/parse/corpus (one per evidence source, other cloud and shape of
// issue 9) and compares code, shape, confidence, product and its evidence,
// the explanation and the retry verdict with the reviewed <name>.json.
// `go test -run TestParseCorpus -update` rewrites them: review the diff.
func TestParseCorpus(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "parse", "corpus", "*.txt"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no corpus inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			ios, _, stdout, stderr := iostreams.Test()
			ios.SetEnv(func(string) string { return "" })
			got := corpusResult{Exit: cmd.Main([]string{"parse", "-o", "json", in}, ios), Findings: []corpusFinding{}}
			if err := json.Unmarshal(stdout.Bytes(), &got.Findings); err != nil {
				t.Fatalf("parse -o json: %v\n%s", err, stdout)
			}
			for _, l := range strings.Split(stderr.String(), "\n") {
				if strings.HasPrefix(l, "errcode: note: ") {
					got.Aside = strings.TrimPrefix(l, "errcode: note: ")
				}
			}
			goldentest.JSON(t, strings.TrimSuffix(in, ".txt")+".json", got, *update)
		})
	}
}

// TestParseSummaryAgreesWithFindings holds --summary, which skips the
// product evidence search where it cannot change a row, to the findings:
// each row's summary and known flag are its code's first finding's.
func TestParseSummaryAgreesWithFindings(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "parse", "corpus", "*.txt"))
	inputs = append(inputs, filepath.Join("testdata", "readme", "app.log"), filepath.Join("testdata", "readme", "curl-v.txt"))
	run := func(args ...string) []byte {
		ios, _, stdout, _ := iostreams.Test()
		ios.SetEnv(func(string) string { return "" })
		cmd.Main(append([]string{"parse", "-o", "json"}, args...), ios)
		return stdout.Bytes()
	}
	var findings []struct {
		Code    string `json:"code"`
		Known   bool   `json:"known"`
		Summary string `json:"summary"`
	}
	var rows []struct {
		Code    string `json:"code"`
		Known   bool   `json:"known"`
		Summary string `json:"summary"`
		Count   int    `json:"count"`
	}
	if err := json.Unmarshal(run(inputs...), &findings); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(run(append([]string{"--summary"}, inputs...)...), &rows); err != nil {
		t.Fatal(err)
	}
	first := map[string]int{}
	count := map[string]int{}
	for i := len(findings) - 1; i >= 0; i-- {
		first[strings.ToLower(findings[i].Code)] = i
		count[strings.ToLower(findings[i].Code)]++
	}
	if len(rows) != len(first) || len(rows) < 10 {
		t.Fatalf("%d summary rows for %d distinct codes", len(rows), len(first))
	}
	for _, r := range rows {
		f := findings[first[strings.ToLower(r.Code)]]
		if r.Known != f.Known || r.Summary != f.Summary || r.Count != count[strings.ToLower(r.Code)] {
			t.Errorf("--summary row %s: known %v, %d, %q; first finding: known %v, %d, %q", r.Code, r.Known, r.Count, r.Summary, f.Known, count[strings.ToLower(r.Code)], f.Summary)
		}
	}
}
