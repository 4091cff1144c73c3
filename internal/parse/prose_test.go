package parse

import (
	"bytes"
	"math/rand"
	"testing"
)

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
