package search

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// The prefilters of Suggest never rule out a string within the edit bound:
// for every last segment of the catalog's codes and strings a few random
// edits away from it (and from other segments of its length), lettersNear
// and near accept whatever the distance accepts, and the letters the key
// index holds are those of the segment.
func TestPrefiltersKeepEveryCodeWithinBound(t *testing.T) {
	keys := catalog.Default().Keys()
	rng := rand.New(rand.NewPCG(13, 17))
	alphabet := "abcdefghijklmnopqrstuvwxyz0123456789._-é"
	edit := func(s string) string {
		b := []byte(s)
		switch i := rng.IntN(len(b) + 1); rng.IntN(4) {
		case 0: // insert
			b = append(b[:i], append([]byte{alphabet[rng.IntN(len(alphabet))]}, b[i:]...)...)
		case 1: // delete
			if i < len(b) {
				b = append(b[:i], b[i+1:]...)
			}
		case 2: // substitute
			if i < len(b) {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
		default: // transpose
			if i+1 < len(b) {
				b[i], b[i+1] = b[i+1], b[i]
			}
		}
		return string(b)
	}
	var o osa
	o.init(64)
	checked, within := 0, 0
	prev := ""
	for i := range keys.Len() {
		lower := keys.Lower(i)
		seg := lower[strings.LastIndexByte(lower, '.')+1:]
		if got := catalogfmt.KeyLetters(seg); keys.LastLetters(i) != got {
			t.Fatalf("LastLetters(%q) = %#x, want %#x", lower, keys.LastLetters(i), got)
		}
		for _, from := range []string{seg, prev} {
			if from == "" {
				continue
			}
			q := from
			for range rng.IntN(6) {
				q = edit(q)
			}
			for _, k := range []int{1, 2, 3, 4} {
				checked++
				if o.dist(q, seg, k) > k {
					continue
				}
				within++
				qb := bagOf(q)
				if !lettersNear(catalogfmt.KeyLetters(q), keys.LastLetters(i), k) || !near(q, &qb, seg, k) {
					t.Fatalf("%q is within %d edits of %q, but a prefilter rules it out", q, k, seg)
				}
			}
		}
		prev = seg
	}
	if within < checked/4 {
		t.Errorf("only %d of %d checks were within the bound", within, checked)
	}
}

// The slots of a free-text search hold any index a search can reach: a
// uint16 each below 65536 documents, an int32 each from there on, the k
// arrays apart.
func TestSlots(t *testing.T) {
	for _, n := range []int{3, 1<<16 - 1, 1 << 16} {
		sl := makeSlots(n, 3)
		if wide := sl[0].s32 != nil; wide != (n >= 1<<16) {
			t.Errorf("%d documents: int32 slots %v", n, wide)
		}
		for i, s := range sl {
			s.set(int32(n-1), int32(n-i))
		}
		for i, s := range sl {
			if got := s.at(int32(n - 1)); got != int32(n-i) {
				t.Errorf("%d documents: slot array %d holds %d, want %d", n, i, got, n-i)
			}
			if got := s.at(0); n > 1 && got != 0 {
				t.Errorf("%d documents: slot array %d, document 0 holds %d", n, i, got)
			}
		}
	}
}
