package prefetch

import (
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// TestStart: a resolution starts for exactly `lookup QUERY` whose QUERY is
// costly to resolve, and for nothing else.
func TestStart(t *testing.T) {
	tests := []struct {
		args  []string
		start bool
	}{
		{[]string{"errcode", "lookup", "rate limit"}, true},
		{[]string{"errcode", "lookup", " 参数错误 "}, true},
		{[]string{"errcode", "lookup", "limit"}, true},                       // a plain word: text
		{[]string{"errcode", "lookup", "AuthFailure.SignatureExpird"}, true}, // a typo: suggestions
		{[]string{"errcode", "lookup", "InternalError.Nope"}, true},          // a miss
		{[]string{"errcode", "lookup", "AuthFailure.SignatureExpire"}, false},
		{[]string{"errcode", "lookup", "authfailure.signatureexpire"}, false}, // a code in any case
		{[]string{"errcode", "lookup", "InternalError"}, false},
		{[]string{"errcode", "lookup", "AuthFailure.*"}, false},
		{[]string{"errcode", "lookup", "  "}, false},
		{[]string{"errcode", "lookup", "--help"}, false},
		{[]string{"errcode", "lookup", "-o"}, false},
		{[]string{"errcode", "lookup"}, false},
		{[]string{"errcode", "lookup", "rate limit", "--product", "cvm"}, false},
		{[]string{"errcode", "lookup", "rate limit", "quota"}, false},
		{[]string{"errcode", "explain", "rate limit"}, false},
		{[]string{"errcode", "parse", "rate limit"}, false},
		{[]string{"errcode", "Lookup", "rate limit"}, false},
		{[]string{"errcode"}, false},
		{nil, false},
	}
	for _, tt := range tests {
		asked := false
		cat := func() *catalog.Catalog { asked = true; return catalog.Default() }
		if got := start(tt.args, cat) != nil; got != tt.start {
			t.Errorf("start(%q) started: %v, want %v", tt.args, got, tt.start)
		}
		if asked && (len(tt.args) != 3 || tt.args[1] != "lookup") {
			t.Errorf("start(%q) loaded the catalog for another command", tt.args)
		}
	}
}

// TestLookupInTests: the test binary's command line is no lookup.
func TestLookupInTests(t *testing.T) {
	if Lookup() != nil {
		t.Errorf("Lookup() = %v for the test binary's command line", Lookup())
	}
}
