package parse

import (
	"bytes"
	"math/rand"
	"testing"
)

// allPairs lists the candidate pairs of b with the byte tables, one at a time.
func allPairs(f *pairFilter, b []byte) []int {
	var out []int
	for i := 0; i+1 < len(b); i++ {
		if f.x[b[i]]&f.y[b[i+1]] != 0 {
			out = append(out, i)
		}
	}
	return out
}

// scannedPairs lists the candidate pairs of b with pairFilter.scan.
func scannedPairs(f *pairFilter, b []byte) []int {
	var out []int
	for i := 0; i+1 < len(b); {
		base, mask, width := f.scan(b[i:])
		if mask == 0 {
			break
		}
		for k := 0; k < width; k++ {
			if mask&(1<<k) != 0 && i+base+k+1 < len(b) {
				out = append(out, i+base+k)
			}
		}
		i += base + width
	}
	return out
}

func testFilters() map[string]*pairFilter {
	return map[string]*pairFilter{
		"lines": newPairFilter(true, true), "no prose": newPairFilter(false, true),
		"no essage": newPairFilter(true, false), "humps": humpPairs,
	}
}

func TestPairScan(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	alpha := []byte("aAzZ{}\n\r\t <>#$%cHhtu\xef\xbb\xbfodDKagS_[@`~09")
	for name, f := range testFilters() {
		for n := 0; n < 3000; n++ {
			b := make([]byte, rng.Intn(300))
			for i := range b {
				if rng.Intn(4) == 0 {
					b[i] = byte(rng.Intn(256))
				} else {
					b[i] = alpha[rng.Intn(len(alpha))]
				}
			}
			// shift the start to vary the alignment
			off := rng.Intn(8)
			b = append(make([]byte, off), b...)[off:]
			got, want := scannedPairs(f, b), allPairs(f, b)
			if len(got) != len(want) || (len(got) > 0 && !equalInts(got, want)) {
				t.Fatalf("%s: pairs of %q:\n got  %v\n want %v", name, b, got, want)
			}
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestPairClasses checks the byte-pair classes against their definitions.
func TestPairClasses(t *testing.T) {
	f := newPairFilter(true, true)
	for x := range 256 {
		for y := range 256 {
			cx, cy := byte(x), byte(y)
			got := f.x[cx]&f.y[cy] != 0
			must := cx == '{' || isLower(cx) && isUpper(cy) || cx == 'o' && cy == 'd' || cx == 'D' && cy == 'K' ||
				cx == 'a' && cy == 'g' || cx == '\n' && bytes.IndexByte([]byte("<>Hhctu \t$#%\xef"), cy) >= 0
			if must && !got {
				t.Errorf("pair %q %q is not a candidate", cx, cy)
			}
			if hump := isLower(cx) && isUpper(cy); (humpPairs.x[cx]&humpPairs.y[cy] != 0) != hump {
				t.Errorf("humpPairs: pair %q %q", cx, cy)
			}
		}
	}
}

func TestSearch(t *testing.T) {
	rng := rand.New(rand.NewSource(6))
	pats := [][]byte{markOde, markSDK, markRuby, []byte(", RequestId="), []byte(" requestId:"), []byte("x"), []byte("\n")}
	alpha := []byte("odeTKSD, RequestId=: rqx\n")
	for n := 0; n < 20000; n++ {
		b := make([]byte, rng.Intn(80))
		for i := range b {
			b[i] = alpha[rng.Intn(len(alpha))]
		}
		p := pats[rng.Intn(len(pats))]
		if rng.Intn(2) == 0 && len(b) > len(p) {
			copy(b[rng.Intn(len(b)-len(p)):], p)
		}
		k := rng.Intn(len(p))
		if got, want := indexAt(b, p, k), bytes.Index(b, p); got != want {
			t.Fatalf("indexAt(%q, %q, %d) = %d, want %d", b, p, k, got, want)
		}
		if got, want := lastIndex(b, p), bytes.LastIndex(b, p); got != want {
			t.Fatalf("lastIndex(%q, %q) = %d, want %d", b, p, got, want)
		}
		c := alpha[rng.Intn(len(alpha))]
		if got, want := lastIndexByte(b, c), bytes.LastIndexByte(b, c); got != want {
			t.Fatalf("lastIndexByte(%q, %q) = %d, want %d", b, c, got, want)
		}
	}
}

func FuzzPairScan(f *testing.F) {
	f.Add([]byte("2024-01-01 INFO {\"a\":1} InternalError code SDK message\n\tat x\ncurl -v"), uint8(0))
	addParseSeeds(f, uint8(1))
	filters := []*pairFilter{newPairFilter(true, true), newPairFilter(false, false), humpPairs}
	f.Fuzz(func(t *testing.T, b []byte, k uint8) {
		if len(b) > maxFuzzInput {
			return
		}
		pf := filters[int(k)%len(filters)]
		if got, want := scannedPairs(pf, b), allPairs(pf, b); !equalInts(got, want) {
			t.Fatalf("pairs of %q:\n got  %v\n want %v", b, got, want)
		}
	})
}
