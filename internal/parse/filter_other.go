//go:build !amd64 || purego

package parse

// scan finds the candidate pairs of b: there are none before base, and bit
// k of mask tells whether pair base+k is one, for k < width. mask is 0 when b
// holds none.
func (f *pairFilter) scan(b []byte) (base int, mask uint64, width int) {
	if k := f.indexGeneric(b); k >= 0 {
		return k, 1, 1
	}
	return len(b), 0, 0
}
