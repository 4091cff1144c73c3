package search

import (
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// The work of one free-text lookup in a fresh process, over the embedded
// catalog: the text index is loaded, nothing is built yet but what earlier
// iterations built (the catalog keeps built entries). lookup asks for the
// ten best codes; "operation denied", "limit", "invalid parameter" and
// "invalid value" are broad (thousands of hits). Unlike a fresh process,
// each iteration here pays for clearing the ranking's arrays (rankMem),
// which are fresh from the system there: internal/benchmark/startup
// measures whole processes.
func BenchmarkTextDefault(b *testing.B) {
	for _, q := range []string{"rate limit", "签名过期", "signature", "operation denied", "limit", "signature expire", "invalid parameter", "invalid value"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				New(catalog.Default()).TextCodes(q, 10)
			}
		})
	}
}

// The same lookups in a long-lived process: one index, ranking after
// ranking (the ranking's memory is reused).
func BenchmarkTextDefaultWarm(b *testing.B) {
	ix := New(catalog.Default())
	for _, q := range []string{"rate limit", "签名过期", "signature", "operation denied", "limit", "signature expire", "参数错误", "invalid parameter", "invalid value"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				ix.TextCodes(q, 10)
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
