//go:build !purego

package parse

import (
	"testing"

	"golang.org/x/sys/cpu"
)

// withSIMD runs fn with the AVX2 line filter on or off (on only where the
// CPU has it) and restores the setting.
func withSIMD(on bool, fn func()) {
	defer func(v bool) { useAVX2.Store(v) }(avx2On())
	useAVX2.Store(on && avx2On())
	fn()
}

// TestHasAVX2 checks errcode's own CPUID test against golang.org/x/sys/cpu
// (a test dependency only: the binary must not run its package init).
func TestHasAVX2(t *testing.T) {
	if got, want := hasAVX2(), cpu.X86.HasAVX2; got != want {
		t.Fatalf("hasAVX2() = %v, golang.org/x/sys/cpu says %v", got, want)
	}
	if !cpu.X86.HasAVX2 {
		t.Log("this CPU has no AVX2: the generic filter is the one tested")
	}
}
