package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// Ranking with a limit stops early (TextPositions, TextCodes): its results
// are the first of the full ranking, and TextCodes' are the full ranking's
// first definition of each code.
func TestRankWithLimitIsFullRankingCut(t *testing.T) {
	cat := catalog.Default()
	ix := New(cat)
	for _, q := range []string{
		"rate limit", "signature expire", "签名过期", "timeout", "too many requests", "instance not found",
		"quota", "频率", "unbind the key from the instance", "permission denied", "database", "x",
		"repository does not exist", "insufficient balance", "LimitExceeded", "资源不足",
	} {
		full := ix.TextPositions(q, 0)
		var codes []PosHit
		seen := map[string]bool{}
		for _, h := range full {
			if c := strings.ToLower(cat.CodeAt(h.Pos)); !seen[c] {
				seen[c] = true
				codes = append(codes, h)
			}
		}
		for _, k := range []int{1, 3, 10, 80} {
			if got, want := ix.TextPositions(q, k), full[:min(k, len(full))]; !slices.Equal(got, want) {
				t.Errorf("%q limit %d: got %v, want the first of the full ranking %v", q, k, got, want)
			}
			if got, want := ix.TextCodes(q, k), codes[:min(k, len(codes))]; !slices.Equal(got, want) {
				t.Errorf("%q codes limit %d: got %v, want %v", q, k, got, want)
			}
		}
		for i := 1; i < len(full); i++ {
			if a, b := full[i-1], full[i]; a.Score < b.Score || a.Score == b.Score && a.Pos > b.Pos {
				t.Fatalf("%q: the full ranking is out of order at %d: %v then %v", q, i, a, b)
			}
		}
	}
}
