package parse

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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

// notInGolden are the fields of Finding that golden leaves out: the
// context lines around a record, which only product evidence reads.
var notInGolden = []string{"Context", "RecordStart", "RecordEnd"}

// toGolden copies every field of f that golden has, by name.
func toGolden(f Finding) golden {
	var g golden
	gv, fv := reflect.ValueOf(&g).Elem(), reflect.ValueOf(f)
	for i := range gv.NumField() {
		src := fv.FieldByName(gv.Type().Field(i).Name)
		gv.Field(i).Set(src.Convert(gv.Field(i).Type()))
	}
	return g
}

// Every field of Finding is in the golden files, or left out on purpose: a
// new field is reviewed with the corpus.
func TestGoldenHasEveryField(t *testing.T) {
	ft, gt := reflect.TypeFor[Finding](), reflect.TypeFor[golden]()
	for i := range ft.NumField() {
		name := ft.Field(i).Name
		if _, ok := gt.FieldByName(name); !ok && !slices.Contains(notInGolden, name) {
			t.Errorf("Finding.%s is not in the corpus golden files: add it to golden (and run -update), or to notInGolden", name)
		}
	}
	for i := range gt.NumField() {
		if _, ok := ft.FieldByName(gt.Field(i).Name); !ok {
			t.Errorf("golden.%s is no field of Finding", gt.Field(i).Name)
		}
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
