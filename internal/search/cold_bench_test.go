package search

import (
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// The work of one free-text lookup in a fresh process, over the embedded
// catalog: the text index is loaded, nothing is built yet but what earlier
// iterations built (the catalog keeps built entries).
func BenchmarkTextDefault(b *testing.B) {
	for _, q := range []string{"rate limit", "签名过期", "signature"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				New(catalog.Default()).Text(q, 80)
			}
		})
	}
}

// Suggestions for a typo and a miss over the embedded catalog's codes.
func BenchmarkSuggestDefault(b *testing.B) {
	ix := New(catalog.Default())
	for _, q := range []string{"AuthFailure.SignatureExpird", "InvalidInstanceId.Malformd"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				ix.Suggest(q, 5)
			}
		})
	}
}
