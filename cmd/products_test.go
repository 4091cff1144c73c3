package cmd

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/iostreams"
	"github.com/errcode-dev/errcode/internal/parse"
)

func TestProductsShapes(t *testing.T) {
	// Piped: product, codes, Chinese name, English name.
	code, out, _ := run(t, false, nil, "products")
	if code != ExitOK || !strings.Contains(out, "cvm\t") || strings.Contains(out, "PRODUCT") {
		t.Fatalf("piped products: exit %d\n%s", code, out)
	}
	if n := strings.Count(out, "\n"); n != 261 {
		t.Errorf("piped products: %d rows, want 261", n)
	}
	// Terminal: a header and aligned columns.
	_, out, _ = run(t, true, map[string]string{"NO_COLOR": "1"}, "products")
	if !strings.HasPrefix(out, "PRODUCT ") || strings.Contains(out, "\t") {
		t.Errorf("tty products = %q", out[:min(len(out), 200)])
	}
	// JSON: the stable fields.
	_, out, _ = run(t, false, nil, "products", "-o", "json")
	var ps []explain.Product
	if err := json.Unmarshal([]byte(out), &ps); err != nil || len(ps) != 261 {
		t.Fatalf("products -o json: %v, %d products", err, len(ps))
	}
	i := slices.IndexFunc(ps, func(p explain.Product) bool { return p.Product == "cvm" })
	if i < 0 || ps[i].NameZh != "云服务器" || ps[i].NameEn != "Cloud Virtual Machine" || ps[i].Codes < 400 {
		t.Errorf("cvm = %+v", ps[i])
	}
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
	ios := testStreams()
	p := &parser{a: &Factory{ios: ios}}
	for _, tt := range tests {
		got := p.pickScope(tt.f)
		if got.scope != tt.scope || !slices.Equal(got.candidates, tt.cands) {
			t.Errorf("%s: pickScope = %q %q, want %q %q", tt.name, got.scope, got.candidates, tt.scope, tt.cands)
		}
	}
}

// Codes in prose: dotted codes of any product, undotted ones only when they are
// more than a word some product happens to use.
func TestKnownCode(t *testing.T) {
	p := &parser{a: &Factory{ios: testStreams()}}
	for code, want := range map[string]bool{
		"InternalError":                  true,  // common
		"ResourcesSoldOut":               true,  // 49 products
		"FailedOperation.ServiceIsolate": true,  // dotted
		"failedoperation.serviceisolate": true,  // any case
		"SystemError":                    false, // one product: a Python exception name in logs
		"InternalServerError":            false, // two products: an HTTP phrase
		"Nope.Nothing":                   false,
	} {
		if got := p.knownCode(code); got != want {
			t.Errorf("knownCode(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestParseNamesCandidates(t *testing.T) {
	ios, in, out, _ := testStreamsIO()
	in.WriteString("[TencentCloudSDKError] Code=FailedOperation.ServiceIsolate, Message=x, RequestId=r\n")
	if code := Main([]string{"parse", "-o", "jsonl"}, ios); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var rec parseRecord
	if err := json.Unmarshal(out.Bytes(), &rec); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rec.Candidates, []string{"aai", "asr", "tmt"}) || rec.Scope != "aai" || len(rec.Notes) != 1 || !strings.Contains(rec.Notes[0], "3 products define") {
		t.Errorf("record = %+v", rec)
	}
}

// testStreams returns piped test streams with an empty environment.
func testStreams() *iostreams.IOStreams {
	ios, _, _, _ := testStreamsIO()
	return ios
}

func testStreamsIO() (*iostreams.IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	ios, in, out, errOut := iostreams.Test()
	ios.SetEnv(func(string) string { return "" })
	return ios, in, out, errOut
}
