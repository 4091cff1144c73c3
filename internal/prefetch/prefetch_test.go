package prefetch

import (
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// TestStart: a resolution starts for a lookup or explain of one query that
// is costly to resolve, and for nothing else.
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
		{[]string{"errcode", "lookup", "rate limit", "--product", "cvm"}, true},
		{[]string{"errcode", "lookup", "-o", "json", "rate limit"}, true},
		{[]string{"errcode", "lookup", "AuthFailure.SignatureExpire", "-o", "json"}, false},
		{[]string{"errcode", "lookup", "rate limit", "quota"}, false},
		{[]string{"errcode", "lookup", "rate limit", "-h"}, false},
		{[]string{"errcode", "explain", "rate limit"}, true},
		{[]string{"errcode", "explain", "AuthFailure.SignatureExpird", "--product", "cvm"}, true},
		{[]string{"errcode", "explain", "AuthFailure.SignatureExpire"}, false},
		{[]string{"errcode", "explain", "InternalError", "--lang", "zh"}, false},
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
		if asked && (len(tt.args) < 3 || tt.args[1] != "lookup" && tt.args[1] != "explain") {
			t.Errorf("start(%q) loaded the catalog for another command", tt.args)
		}
	}
}

// TestStartedInTests: the test binary's command line is no lookup.
func TestStartedInTests(t *testing.T) {
	if Started() != nil {
		t.Errorf("Started() = %v for the test binary's command line", Started())
	}
}

// TestQueryArgs: the query and scope of a lookup or explain command line,
// read as cobra reads their flags, or not ok for anything else.
func TestQueryArgs(t *testing.T) {
	tests := []struct {
		args     []string
		q, scope string
		ok       bool
	}{
		{[]string{"errcode", "lookup", "rate limit"}, "rate limit", "", true},
		{[]string{"errcode", "lookup", "rate limit", "--product", "cvm"}, "rate limit", "cvm", true},
		{[]string{"errcode", "lookup", "--product=cvm", "rate limit"}, "rate limit", "cvm", true},
		{[]string{"errcode", "lookup", "--scope", "tcr", "x"}, "x", "tcr", true},
		{[]string{"errcode", "lookup", "--product", "cvm", "--scope", "tcr", "x"}, "x", "tcr", true}, // the last one counts
		{[]string{"errcode", "lookup", "--product=", "x"}, "x", "", true},
		{[]string{"errcode", "lookup", "-o", "json", "x"}, "x", "", true},
		{[]string{"errcode", "lookup", "-ojson", "x"}, "x", "", true},
		{[]string{"errcode", "lookup", "-o=json", "x"}, "x", "", true},
		{[]string{"errcode", "lookup", "x", "--output", "yaml", "--lang", "zh", "--color=never"}, "x", "", true},
		{[]string{"errcode", "lookup", "--", "-x"}, "-x", "", true},
		{[]string{"errcode", "lookup", "-", "--lang", "zh"}, "-", "", true},
		{[]string{"errcode", "lookup", "--product", "cvm", "--", "rate limit"}, "rate limit", "cvm", true},
		{[]string{"errcode", "lookup", "x", "--product"}, "", "", false}, // no value
		{[]string{"errcode", "lookup", "x", "-o"}, "", "", false},
		{[]string{"errcode", "lookup", "x", "-h"}, "", "", false},
		{[]string{"errcode", "lookup", "x", "--help"}, "", "", false},
		{[]string{"errcode", "lookup", "x", "--version"}, "", "", false},
		{[]string{"errcode", "lookup", "x", "-p", "cvm"}, "", "", false}, // no such shorthand
		{[]string{"errcode", "lookup", "x", "--nope", "y"}, "", "", false},
		{[]string{"errcode", "lookup", "x", "--o", "json"}, "", "", false}, // no long flag o
		{[]string{"errcode", "lookup", "x", "-product", "cvm"}, "", "", false},
		{[]string{"errcode", "lookup", "-1"}, "", "", false},
		{[]string{"errcode", "lookup", "x", "y"}, "", "", false},
		{[]string{"errcode", "lookup", "--", "x", "y"}, "", "", false},
		{[]string{"errcode", "lookup", "--lang", "zh"}, "", "", false}, // no query
		{[]string{"errcode", "lookup"}, "", "", false},
		{[]string{"errcode", "--lang", "zh", "lookup", "x"}, "", "", false},
		{[]string{"errcode", "explain", "x", "--scope=cvm"}, "x", "cvm", true},
		{[]string{"errcode", "explain", "x", "y"}, "", "", false},
		{[]string{"errcode", "parse", "x"}, "", "", false},
		{[]string{"errcode", "list", "--product", "cvm"}, "", "", false},
	}
	for _, tt := range tests {
		q, scope, ok := queryArgs(tt.args)
		if q != tt.q || scope != tt.scope || ok != tt.ok {
			t.Errorf("queryArgs(%q) = %q, %q, %v; want %q, %q, %v", tt.args, q, scope, ok, tt.q, tt.scope, tt.ok)
		}
	}
}
