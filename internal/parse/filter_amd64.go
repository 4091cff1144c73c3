//go:build !purego

package parse

import "golang.org/x/sys/cpu"

var useAVX2 = cpu.X86.HasAVX2

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
	if useAVX2 && len(b) >= 65 {
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
