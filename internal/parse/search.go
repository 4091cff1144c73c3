package parse

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// Searches for the markers of the text forms. bytes.Index looks for the
// first byte of the pattern, which in log text (a 'T', an 'o') is common;
// these look for a rarer byte of it instead.

// indexAt returns the index of the first pat in b, searching for pat[k].
func indexAt(b, pat []byte, k int) int {
	for i := k; i < len(b); {
		j := bytes.IndexByte(b[i:], pat[k])
		if j < 0 {
			return -1
		}
		i += j
		if st := i - k; st+len(pat) <= len(b) && bytes.Equal(b[st:st+len(pat)], pat) {
			return st
		}
		i++
	}
	return -1
}

// indexODE is bytes.Index(b, "ode"), searching for the 'd'.
func indexODE(b []byte) int { return indexAt(b, markOde, 1) }

// indexSDK is bytes.Index(b, "TencentCloudSDK"), searching for the 'K'.
func indexSDK(b []byte) int { return indexAt(b, markSDK, len(markSDK)-1) }

// lastIndexByte is bytes.LastIndexByte, eight bytes at a time.
func lastIndexByte(b []byte, c byte) int {
	const ones, low7 = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	i := len(b)
	for ; i >= 8; i -= 8 {
		x := binary.LittleEndian.Uint64(b[i-8:]) ^ (uint64(c) * ones)
		// the high bit of each byte of z is set when that byte of x is 0
		z := ^((x&low7 + low7) | x | low7)
		if z != 0 {
			return i - 8 + (63-bits.LeadingZeros64(z))/8
		}
	}
	for i--; i >= 0; i-- {
		if b[i] == c {
			return i
		}
	}
	return -1
}

// lastNewline is bytes.LastIndexByte(b, '\n').
func lastNewline(b []byte) int { return lastIndexByte(b, '\n') }

// lastIndex is bytes.LastIndex(b, pat) for a non-empty pat, searching
// backwards for its last byte.
func lastIndex(b, pat []byte) int {
	n := len(pat)
	c := pat[n-1]
	for end := len(b); end >= n; {
		k := lastIndexByte(b[n-1:end], c)
		if k < 0 {
			return -1
		}
		if bytes.Equal(b[k:k+n], pat) {
			return k
		}
		end = k + n - 1
	}
	return -1
}
