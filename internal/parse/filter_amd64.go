//go:build !purego

package parse

import (
	"sync"
	"sync/atomic"
)

// useAVX2 turns the AVX2 filter on; tests turn it off. Atomic: the reader
// goroutine of a scan that stopped early may still be filtering when a test
// sets it. avx2Once sets it from the CPU on first use (avx2On).
var (
	useAVX2  atomic.Bool
	avx2Once sync.Once
)

// avx2On reports whether the AVX2 filter is on, asking the CPU the first
// time. The question waits for the first scan on purpose: CPUID traps to
// the hypervisor on a virtual machine, and golang.org/x/sys/cpu, which asked
// at package init, cost every errcode process 40-90 µs on the 2-core
// CI machine (lookup and explain included, which never scan).
func avx2On() bool {
	avx2Once.Do(func() { useAVX2.Store(hasAVX2()) })
	return useAVX2.Load()
}

// hasAVX2 reports whether the CPU has AVX2 and the OS saves its registers
// (the test golang.org/x/sys/cpu and the runtime make: CPUID leaf 7's AVX2
// bit, leaf 1's AVX and OSXSAVE bits, and XCR0's SSE and AVX state bits).
func hasAVX2() bool {
	maxID, _, _, _ := cpuid(0, 0)
	if maxID < 7 {
		return false
	}
	_, _, ecx1, _ := cpuid(1, 0)
	const osxsave, avx = 1 << 27, 1 << 28
	if ecx1&osxsave == 0 || ecx1&avx == 0 {
		return false
	}
	if xcr0, _ := xgetbv(); xcr0&6 != 6 { // XMM and YMM state
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	return ebx7&(1<<5) != 0
}

// cpuid executes CPUID with EAX=leaf and ECX=sub.
func cpuid(leaf, sub uint32) (eax, ebx, ecx, edx uint32)

// xgetbv executes XGETBV with ECX=0 (XCR0); callers check OSXSAVE first.
func xgetbv() (eax, edx uint32)

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
	if len(b) >= 65 && avx2On() {
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
