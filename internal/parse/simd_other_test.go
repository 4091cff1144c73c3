//go:build !amd64 || purego

package parse

// withSIMD runs fn: this build has no SIMD line filter to turn off.
func withSIMD(_ bool, fn func()) { fn() }
