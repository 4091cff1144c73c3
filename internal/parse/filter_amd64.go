//go:build !purego

package parse

import (
	"sync/atomic"

	"golang.org/x/sys/cpu"
)

// useAVX2 turns the AVX2 filter on; tests turn it off. Atomic: the reader
// goroutine of a scan that stopped early may still be filtering when a test
// sets it.
var useAVX2 = func() *atomic.Bool {
	var b atomic.Bool
	b.Store(cpu.X86.HasAVX2)
	return &b
}()

// pairScanAVX2 classifies b 64 pairs at a time with the nibble tables t. It
// returns the first i (a multiple of 64) whose pairs hold a candidate, with
// bit k of mask set when pair i+k is one; or, with mask 0, where it stopped:
// fewer than 65 bytes remain from there.
//
//go:noescape
func pairScanAVX2(b []byte, t *[64]byte) (i int, mask uint64)

// scan finds the candidate pairs of b: there are none before base, and bit
// k of mask tells whether pair base+k is one, for k < width. mask is 0 when b
// holds none.
func (f *pairFilter) scan(b []byte) (base int, mask uint64, width int) {
	if len(b) >= 65 && useAVX2.Load() {
		i, m := pairScanAVX2(b, &f.nib)
		if m != 0 {
			return i, m, 64
		}
		base = i
	}
	if k := f.indexGeneric(b[base:]); k >= 0 {
		return base + k, 1, 1
	}
	return len(b), 0, 0
}
