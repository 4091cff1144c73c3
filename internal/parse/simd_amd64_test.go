//go:build !purego

package parse

// withSIMD runs fn with the AVX2 line filter on or off (on only where the
// CPU has it) and restores the setting.
func withSIMD(on bool, fn func()) {
	defer func(v bool) { useAVX2 = v }(useAVX2)
	useAVX2 = on && useAVX2
	fn()
}
