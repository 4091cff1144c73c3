package parse

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/internal/goldentest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/corpus")

// golden is the reviewed form of a finding: zero fields are left out.
type golden struct {
	Line       int    `json:"line"`
	Offset     int64  `json:"offset"`
	Shape      Shape  `json:"shape"`
	Confidence string `json:"confidence"`
	Code       string `json:"code"`
	LegacyCode string `json:"legacy_code,omitempty"`
	Message    string `json:"message,omitempty"`
	RequestID  string `json:"request_id,omitempty"`
	HTTPStatus int    `json:"http_status,omitempty"`
	Host       string `json:"host,omitempty"`
	Action     string `json:"action,omitempty"`
	Version    string `json:"version,omitempty"`
	Service    string `json:"service,omitempty"`
	Date       string `json:"date,omitempty"`
	Timestamp  int64  `json:"timestamp,omitempty"`
	Inferred   bool   `json:"inferred,omitempty"`
	Truncated  bool   `json:"truncated,omitempty"`
	Cut        bool   `json:"cut,omitempty"`
}

func toGolden(f Finding) golden {
	return golden{
		Line: f.Line, Offset: f.Offset, Shape: f.Shape, Confidence: string(f.Confidence), Code: f.Code,
		LegacyCode: f.LegacyCode, Message: f.Message, RequestID: f.RequestID, HTTPStatus: f.HTTPStatus,
		Host: f.Host, Action: f.Action, Version: f.Version, Service: f.Service, Date: f.Date,
		Timestamp: f.Timestamp, Inferred: f.Inferred, Truncated: f.Truncated, Cut: f.Cut,
	}
}

func corpusFiles(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	return files
}

// TestCorpus compares the findings of each corpus input with its reviewed
// golden file. Run with -update to rewrite them, then review the diff.
func TestCorpus(t *testing.T) {
	for _, in := range corpusFiles(t) {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			fs, st := scanString(t, string(data), testOptions())
			got := []golden{}
			for _, f := range fs {
				got = append(got, toGolden(f))
			}
			if st.Findings != len(fs) {
				t.Errorf("Stats.Findings = %d, emitted %d", st.Findings, len(fs))
			}
			if st.Bytes != int64(len(data)) {
				t.Errorf("Stats.Bytes = %d, want %d", st.Bytes, len(data))
			}
			goldentest.JSON(t, strings.TrimSuffix(in, ".txt")+".golden.json", got, *update)
		})
	}
}
