//go:build !purego

package parse

// withSIMD runs fn with the AVX2 line filter on or off (on only where the
// CPU has it) and restores the setting.
func withSIMD(on bool, fn func()) {
	defer func(v bool) { useAVX2.Store(v) }(useAVX2.Load())
	useAVX2.Store(on && useAVX2.Load())
	fn()
}
