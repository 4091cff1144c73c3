package explain

import (
	"errors"
	"slices"
	"strings"
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

// Scan keeps Tencent Cloud's errors, explained for the product the input
// names, and sets aside another cloud's and a common word without Tencent
// Cloud evidence.
func TestFindingsScan(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		codes   []string
		scopes  []string
		aside   bool
		unknown int
	}{
		{"a JSON body with its host", "POST https://cvm.tencentcloudapi.com/\n" + `{"Response":{"Error":{"Code":"InternalError","Message":"x"},"RequestId":"r"}}` + "\n",
			[]string{"InternalError"}, []string{"cvm"}, false, 0},
		{"an SDK string, several products", "[TencentCloudSDKError] Code=FailedOperation.ServiceIsolate, Message=x, RequestId=r\n",
			[]string{"FailedOperation.ServiceIsolate"}, []string{"aai"}, false, 0},
		{"an unknown code is kept and counted", "[TencentCloudSDKError] Code=Nope.Nothing, Message=x, RequestId=r\n",
			[]string{"Nope.Nothing"}, []string{""}, false, 1},
		{"another cloud's error", "botocore.exceptions.ClientError: An error occurred (AuthFailure) when calling the DescribeInstances operation: x\n",
			nil, nil, true, 0},
		{"nothing", "all good\n", nil, nil, false, 0},
	}
	for _, tt := range tests {
		fs, err := testExplainer().Findings(FindingsOptions{Tally: true})
		if err != nil {
			t.Fatal(err)
		}
		var codes, scopes []string
		st, err := fs.Scan(strings.NewReader(tt.in), "-", nil, func(f Finding) error {
			codes, scopes = append(codes, f.Code), append(scopes, f.Scope)
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !slices.Equal(codes, tt.codes) || !slices.Equal(scopes, tt.scopes) {
			t.Errorf("%s: codes %q scopes %q, want %q %q", tt.name, codes, scopes, tt.codes, tt.scopes)
		}
		if got := fs.Aside() != ""; got != tt.aside {
			t.Errorf("%s: set aside %v, want %v (%q)", tt.name, got, tt.aside, fs.Aside())
		}
		if fs.Total != len(tt.codes) || fs.Unknown != tt.unknown || fs.Files != 1 || st.Lines != strings.Count(tt.in, "\n") {
			t.Errorf("%s: total %d unknown %d files %d lines %d", tt.name, fs.Total, fs.Unknown, fs.Files, st.Lines)
		}
	}
	// An error from emit ends the scan and comes back as it is.
	fs, _ := testExplainer().Findings(FindingsOptions{})
	stop := errors.New("stop")
	n := 0
	_, err := fs.Scan(strings.NewReader(strings.Repeat("[TencentCloudSDKError] Code=InternalError, Message=x, RequestId=r\n", 2)), "-", nil, func(Finding) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("emit's error: got %v after %d findings", err, n)
	}
}
