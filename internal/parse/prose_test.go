package parse

import (
	"bytes"
	"math/rand"
	"testing"
)

func naiveHump(b []byte, i int) int {
	for ; i+1 < len(b); i++ {
		if isLower(b[i]) && isUpper(b[i+1]) {
			return i
		}
	}
	return -1
}

func TestNextHump(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	alpha := []byte("aZ`@{[_^~. \x7f\xc0\xe0zA09")
	for n := 0; n < 20000; n++ {
		b := make([]byte, rng.Intn(40))
		for i := range b {
			if rng.Intn(3) == 0 {
				b[i] = byte(rng.Intn(256))
			} else {
				b[i] = alpha[rng.Intn(len(alpha))]
			}
		}
		from := 0
		if len(b) > 0 {
			from = rng.Intn(len(b))
		}
		if got, want := nextHump(b, from), naiveHump(b, from); got != want {
			t.Fatalf("nextHump(%q, %d) = %d, want %d", b, from, got, want)
		}
	}
}

func FuzzNextHump(f *testing.F) {
	f.Add([]byte("aBcDeF"), 0)
	f.Add([]byte("failed: RequestLimitExceeded, retrying"), 9)
	f.Add([]byte("com.example.InternalErrorHandler x"), 3)
	f.Fuzz(func(t *testing.T, b []byte, from int) {
		if len(b) > maxFuzzInput || from < 0 || from > len(b) {
			return
		}
		if got, want := nextHump(b, from), naiveHump(b, from); got != want {
			t.Fatalf("nextHump(%q, %d) = %d, want %d", b, from, got, want)
		}
	})
}

func TestLastNewline(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	for n := 0; n < 20000; n++ {
		b := make([]byte, rng.Intn(40))
		for i := range b {
			switch rng.Intn(4) {
			case 0:
				b[i] = '\n'
			case 1:
				b[i] = byte(rng.Intn(256))
			default:
				b[i] = "\x0b\x09\x8a\x0a\x8b\x01a"[rng.Intn(7)]
			}
		}
		if got, want := lastNewline(b), bytes.LastIndexByte(b, '\n'); got != want {
			t.Fatalf("lastNewline(%q) = %d, want %d", b, got, want)
		}
	}
}
