package search

import (
	"slices"
	"testing"
)

// kthLargest agrees with sorting, duplicates included.
func TestKthLargest(t *testing.T) {
	vals := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 0.5, 2, 2}
	sorted := slices.Clone(vals)
	slices.Sort(sorted)
	for k := 1; k <= len(vals); k++ {
		if got, want := kthLargest(len(vals), k, func(i int) float64 { return vals[i] }), sorted[len(sorted)-k]; got != want {
			t.Errorf("k=%d: got %v, want %v", k, got, want)
		}
	}
}
