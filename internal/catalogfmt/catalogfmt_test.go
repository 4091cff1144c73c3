package catalogfmt

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestContainer(t *testing.T) {
	b := string(Container([]byte("ab"), nil, []byte("cde")))
	got, err := Sections(b)
	if err != nil || !slices.Equal(got, []string{"ab", "", "cde"}) {
		t.Fatalf("Sections = %q, %v", got, err)
	}
	for _, bad := range []string{"", b[:3], b[:8], b[:len(b)-1]} {
		if _, err := Sections(bad); err == nil {
			t.Errorf("Sections(%q) accepted a damaged container", bad)
		}
	}
}

func TestRecords(t *testing.T) {
	var b []byte
	b = AppendRecord(b, Record{Text: 70000, Scope: 3, Guide: NoGuide, Retry: 2})
	b = AppendRecord(b, Record{Text: 5, Scope: 1, Guide: NoGuide, Flags: FlagHeld})
	r := Records(b)
	if r.Len() != 2 || r.Text(0) != 70000 || r.Scope(0) != 3 || r.Guide(0) != NoGuide || r.Retry(0) != 2 {
		t.Errorf("record 0 reads back wrong")
	}
	if _, ok := r.Held(0); ok {
		t.Error("record 0 is not held")
	}
	if h, ok := r.Held(1); !ok || h != 5 {
		t.Errorf("Held(1) = %d, %v", h, ok)
	}
}

func TestEntryText(t *testing.T) {
	var l [NumLines]string
	l[LineCode], l[LineActions] = "A.B", "X,Y"
	b, err := AppendEntryText(nil, l)
	if err != nil {
		t.Fatal(err)
	}
	if got := EntryLines(string(b), NumLines); got != l {
		t.Errorf("EntryLines = %q", got)
	}
	l[LineZh] = "a\nb"
	if _, err := AppendEntryText(nil, l); err == nil {
		t.Error("a line break was accepted")
	}
}

func TestActions(t *testing.T) {
	text, off := BuildActions([]string{"RunInstances", "describeInstances", "DescribeInstances", "RunInstances"})
	a := Actions{Names: string(text), Off: U32s(off)}
	var got []string
	for i := range a.Len() {
		got = append(got, a.Name(i))
	}
	if want := []string{"DescribeInstances", "describeInstances", "RunInstances"}; !slices.Equal(got, want) {
		t.Errorf("names %q, want %q", got, want)
	}
	if i := a.Search("run"); i != 2 {
		t.Errorf("Search(run) = %d", i)
	}
}

// The key index: keys sorted, positions in scope order, the sampled
// bisection finding every key, and Encode/DecodeKeyIndex a round trip.
func TestKeyIndex(t *testing.T) {
	var lower, scopes []string
	for i := range 300 {
		code := string(rune('a'+i%26)) + string(rune('a'+i/26))
		lower = append(lower, code, code)
		scopes = append(scopes, "sdk", "cvm")
	}
	lower = append(lower, "zz")
	scopes = append(scopes, ScopeCommon)
	k := BuildKeyIndex(lower, scopes)
	text, bin := k.Encode()
	d, err := DecodeKeyIndex(string(text), string(bin))
	if err != nil || d != k {
		t.Fatalf("DecodeKeyIndex: %v", err)
	}
	if k.Len() != 301 {
		t.Fatalf("%d keys, want 301", k.Len())
	}
	for i := range k.Len() {
		key := k.Key(i)
		if i > 0 && k.Key(i-1) >= key {
			t.Fatalf("keys out of order at %d", i)
		}
		if k.Lookup(key) != i {
			t.Fatalf("Lookup(%q) = %d, want %d", key, k.Lookup(key), i)
		}
		ps := k.Positions(i)
		if key != "zz" && (len(ps) != 2 || scopes[ps[0]] != "cvm" || scopes[ps[1]] != "sdk") {
			t.Fatalf("Positions(%q) = %v: want cvm before sdk", key, ps)
		}
		if k.First(i) != ps[0] {
			t.Fatalf("First(%d) = %d", i, k.First(i))
		}
		for _, p := range ps {
			if int(k.KeyOf.At(p)) != i {
				t.Fatalf("KeyOf(%d) = %d, want %d", p, k.KeyOf.At(p), i)
			}
		}
	}
	if k.KeyOf.Len() != len(lower) {
		t.Fatalf("KeyOf has %d positions, want %d", k.KeyOf.Len(), len(lower))
	}
	if k.Lookup("a") != -1 || k.Search("zzz") != k.Len() {
		t.Error("a missing key was found")
	}
	if n, f, l, dots := KeyShape("a.bc.d"), 2, 5, 2; n != uint32(6|f<<8|l<<16|dots<<24) {
		t.Errorf("KeyShape = %x", n)
	}
}

func TestCompareScopes(t *testing.T) {
	s := []string{"sdk", "cvm", ScopeCommon, "aai"}
	slices.SortFunc(s, CompareScopes)
	if want := []string{"common", "aai", "cvm", "sdk"}; !slices.Equal(s, want) {
		t.Errorf("%q, want %q", s, want)
	}
}

// A held entry reads back field by field, strings of any length included.
func TestHeldRoundTrip(t *testing.T) {
	var f [NumHeldFields][]string
	f[HeldCode] = []string{"AuthFailure"}
	f[HeldSummary] = []string{"", "签名"}
	f[HeldCauses] = []string{strings.Repeat("x", 300), "原因", "a", ""}
	b := Container(AppendHeld(nil, f), AppendHeld(nil, [NumHeldFields][]string{}))
	if SectionCount(string(b)) != 2 {
		t.Fatalf("SectionCount = %d", SectionCount(string(b)))
	}
	h := NewHeld(Section(string(b), 0))
	for i, want := range f {
		var got []string
		for n := h.Len(); n > 0; n-- {
			got = append(got, h.Str())
		}
		if !slices.Equal(got, want) {
			t.Errorf("field %d = %q, want %q", i, got, want)
		}
	}
	if got := HeldCodeOf(Section(string(b), 0)); got != "AuthFailure" {
		t.Errorf("HeldCodeOf = %q", got)
	}
	if got := HeldCodeOf(Section(string(b), 1)); got != "" {
		t.Errorf("HeldCodeOf(empty) = %q", got)
	}
}

// KeyOf takes two bytes a position while the keys number 65,536 or fewer,
// four beyond; Pos and Post two while the positions do; all read back the
// same through Encode and DecodeKeyIndex.
func TestUintsWidths(t *testing.T) {
	for _, keys := range []int{3, 1 << 16, 1<<16 + 1} {
		lower := make([]string, 0, keys+1)
		scopes := make([]string, 0, keys+1)
		for i := range keys {
			lower = append(lower, fmt.Sprintf("k%06d", keys-1-i))
			scopes = append(scopes, "cvm")
		}
		lower, scopes = append(lower, "k000000"), append(scopes, "sdk") // a key with two positions
		k := BuildKeyIndex(lower, scopes)
		text, bin := k.Encode()
		d, err := DecodeKeyIndex(string(text), string(bin))
		if err != nil {
			t.Fatalf("%d keys: %v", keys, err)
		}
		width := 2
		if keys > 1<<16 {
			width = 4
		}
		if got := len(d.KeyOf.u16) + len(d.KeyOf.u32); got != width*len(lower) {
			t.Errorf("%d keys: a key table of %d bytes for %d positions, want %d a position", keys, got, len(lower), width)
		}
		for p, code := range lower {
			if got := d.Key(int(d.KeyOf.At(p))); got != code {
				t.Fatalf("%d keys: KeyOf(%d) is key %q, want %q", keys, p, got, code)
			}
		}
		width = 2
		if len(lower) > 1<<16 {
			width = 4
		}
		if got := len(d.Pos.bytes()); got != width*len(lower) {
			t.Errorf("%d keys: Pos of %d bytes for %d positions, want %d a position", keys, got, len(lower), width)
		}
		if got := len(d.Post.bytes()); got != width*(keys+1) {
			t.Errorf("%d keys: Post of %d bytes for %d keys, want %d a key", keys, got, keys, width)
		}
		for i := range d.Len() {
			for _, p := range d.Positions(i) {
				if lower[p] != d.Key(i) {
					t.Fatalf("%d keys: key %d (%q) lists position %d (%q)", keys, i, d.Key(i), p, lower[p])
				}
			}
		}
		if got := d.Positions(0); len(got) != 2 {
			t.Errorf("%d keys: key %q has positions %v, want two", keys, d.Key(0), got)
		}
	}
	if _, err := DecodeKeyIndex("", string(Container(nil, []byte{0, 0}, nil, nil, nil, nil, nil, []byte{1, 2, 3}, nil))); err == nil {
		t.Error("a key table of the wrong length was accepted")
	}
}

// A string that contains t has every bit of KeyGrams(t), in any case:
// random code-like strings and parts of them.
func TestKeyGramsSound(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	const alphabet = "abcdefgABCDEFG0189._-"
	for range 20000 {
		b := make([]byte, 1+r.IntN(40))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(b)
		i := r.IntN(len(s))
		j := i + r.IntN(len(s)-i+1)
		sub := strings.ToLower(s[i:j])
		if g, sg := KeyGrams(sub), KeyGrams(s); g&^sg != 0 {
			t.Fatalf("KeyGrams(%q) = %#x has bits KeyGrams(%q) = %#x lacks", sub, g, s, sg)
		}
	}
	for _, tt := range []struct {
		s    string
		want int // bits set
	}{{"", 0}, {"ab", 0}, {"a.bc", 0}, {"abc", 1}, {"ABC", 1}, {"abc.abc", 1}} {
		if got := bits.OnesCount32(KeyGrams(tt.s)); got != tt.want {
			t.Errorf("KeyGrams(%q) has %d bits, want %d", tt.s, got, tt.want)
		}
	}
}
