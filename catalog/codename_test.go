package catalog

import (
	"testing"

	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// The quick test of isCodeName rules out no description that the full test
// takes for the code's name: every summary of the catalog, and the hard cases.
func TestIsCodeNameQuickTest(t *testing.T) {
	c := newDefault()
	type pair struct{ s, code string }
	cases := []pair{
		{"SignatureExpire", "AuthFailure.SignatureExpire"},
		{"  authfailure.signatureexpire 。", "AuthFailure.SignatureExpire"},
		{"\u212aeyNotFound", "KeyNotFound"},                     // Kelvin sign
		{"\u017fignatureExpire", "AuthFailure.SignatureExpire"}, // long s
		{"\u3000SignatureExpire", "AuthFailure.SignatureExpire"},
		{"\u00a0InternalError.", "InternalError"},
		{"InternalError", "InternalError."},
		{"Signature expired.", "AuthFailure.SignatureExpire"},
		{"签名过期", "AuthFailure.SignatureExpire"},
		{"", "InternalError"},
		{".", "InternalError"},
	}
	for i := range c.Len() {
		d := c.DefinitionAt(i)
		if _, curated := c.rec.Held(i); curated {
			cases = append(cases, pair{d.Summary.Zh, d.Code}, pair{d.Summary.En, d.Code})
			continue
		}
		l := catalogfmt.EntryLines(c.text(i), catalogfmt.LineEn+1) // as the SDKs hold them
		cases = append(cases, pair{l[catalogfmt.LineZh], d.Code}, pair{l[catalogfmt.LineEn], d.Code})
	}
	named := 0
	for _, p := range cases {
		want := sameAsCodeName(p.s, p.code)
		if got := isCodeName(p.s, p.code); got != want {
			t.Errorf("isCodeName(%q, %q) = %v, want %v", p.s, p.code, got, want)
		}
		if want {
			named++
		}
	}
	if named < 100 {
		t.Errorf("only %d descriptions are the code's name: the test no longer sees the imported texts", named)
	}
}
