package explain

import (
	"slices"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/parse"
	"github.com/errcode-dev/errcode/internal/search"
)

func testExplainer() *Explainer {
	cat := catalog.Default()
	return New(cat, search.New(cat), catalog.English)
}

// The product that explains a parsed error comes from the evidence in the input.
func TestPickScope(t *testing.T) {
	tests := []struct {
		name  string
		f     parse.Finding
		scope string
		cands []string
	}{
		{"no evidence, several products", parse.Finding{Code: "FailedOperation.ServiceIsolate"}, "aai", []string{"aai", "asr", "tmt"}},
		{"the host names the product", parse.Finding{Code: "FailedOperation.ServiceIsolate", Service: "tmt"}, "tmt", nil},
		{"tccli's service, any case", parse.Finding{Code: "FailedOperation.ServiceIsolate", Service: "ASR"}, "asr", nil},
		{"the action narrows to one", parse.Finding{Code: "FailedOperation.ServiceIsolate", Action: "ImageTranslateLLM"}, "tmt", nil},
		{"the action and version", parse.Finding{Code: "FailedOperation.ServiceIsolate", Action: "SentenceRecognition", Version: "2019-06-14"}, "asr", nil},
		{"a common code explains itself", parse.Finding{Code: "InternalError"}, "", nil},
		{"a common code with a product host", parse.Finding{Code: "InternalError", Service: "cvm"}, "cvm", nil},
		{"the curated entry first, the others named", parse.Finding{Code: "ResourceNotFound.ErrNoRepo"}, "tcr", []string{"tcr", "tsf"}},
		{"one product only", parse.Finding{Code: "InvalidInstanceId.Malformed"}, "", nil},
		{"an unknown service is no evidence", parse.Finding{Code: "InvalidInstanceId.Malformed", Service: "nosuch"}, "", nil},
		{"an unknown code", parse.Finding{Code: "Nope.Nothing"}, "", nil},
	}
	fs, err := testExplainer().Findings(FindingsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		got := fs.pickScope(tt.f)
		if got.scope != tt.scope || !slices.Equal(got.candidates, tt.cands) {
			t.Errorf("%s: pickScope = %q %q, want %q %q", tt.name, got.scope, got.candidates, tt.scope, tt.cands)
		}
	}
}

// Codes in prose: dotted codes of any product, undotted ones only when they are
// more than a word some product happens to use.
func TestKnownCode(t *testing.T) {
	x := testExplainer()
	for code, want := range map[string]bool{
		"InternalError":                  true,  // common
		"ResourcesSoldOut":               true,  // 49 products
		"FailedOperation.ServiceIsolate": true,  // dotted
		"failedoperation.serviceisolate": true,  // any case
		"SystemError":                    false, // one product: a Python exception name in logs
		"InternalServerError":            false, // two products: an HTTP phrase
		"Nope.Nothing":                   false,
	} {
		if got := x.knownCode(code); got != want {
			t.Errorf("knownCode(%q) = %v, want %v", code, got, want)
		}
	}
}
