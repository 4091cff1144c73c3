// Package catalogfmt is the one definition of the catalog's compact data
// layout: how it is written (by internal/catalogen for the embedded catalog,
// by catalog.New for any other) and how it is read (by package catalog and,
// for the full-text index, internal/search). Everything is little-endian
// and read where it lies: a table is a string (an embedded file or one
// built in memory), never copied or parsed at start-up.
//
// The pieces:
//
//   - [U32s]: a table of uint32 values.
//   - [Container]: sections in one file: a uint32 count n, n+1 uint32 byte
//     offsets of the sections from the start, then the sections.
//   - [Records]: one fixed-size record per catalog position.
//   - entry texts: the [NumLines] lines of an imported entry ([AppendEntryText]).
//   - [Actions]: the distinct API action names, sorted ignoring case.
//   - [KeyIndex]: the distinct lower-cased codes, sorted, with the catalog
//     positions of their entries in scope order ([ScopeRank]).
package catalogfmt

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// U32s is a table of little-endian uint32 values, kept as a string so that
// an embedded table is used where it lies, read-only, without a copy.
type U32s string

// Len returns the number of values.
func (a U32s) Len() int { return len(a) / 4 }

// At returns value i.
func (a U32s) At(i int) uint32 {
	s := a[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// U16s is a table of little-endian uint16 values, as U32s.
type U16s string

// Len returns the number of values.
func (a U16s) Len() int { return len(a) / 2 }

// At returns value i.
func (a U16s) At(i int) uint32 { return uint32(a[2*i]) | uint32(a[2*i+1])<<8 }

// Uints is a table of unsigned values, two bytes each when every value is
// below 65,536, else four: [KeyIndex]'s key numbers and catalog positions,
// which number some 17,000 in the embedded catalog.
type Uints struct {
	u16 U16s
	u32 U32s
}

// NewUints returns the table of xs.
func NewUints(xs []uint32) Uints {
	if slices.ContainsFunc(xs, func(x uint32) bool { return x > 0xFFFF }) {
		return Uints{u32: U32s(AppendU32(nil, xs...))}
	}
	b := make([]byte, 0, 2*len(xs))
	for _, x := range xs {
		b = append(b, byte(x), byte(x>>8))
	}
	return Uints{u16: U16s(b)}
}

// decodeUints reads a table of n values that bytes wrote.
func decodeUints(s string, n int) (Uints, error) {
	switch {
	case len(s) == 2*n:
		return Uints{u16: U16s(s)}, nil
	case len(s) == 4*n:
		return Uints{u32: U32s(s)}, nil
	}
	return Uints{}, fmt.Errorf("a table of %d bytes for %d values", len(s), n)
}

// bytes returns the table as decodeUints reads it.
func (t Uints) bytes() []byte { return []byte(string(t.u16) + string(t.u32)) }

// Len returns the number of values.
func (t Uints) Len() int { return t.u16.Len() + t.u32.Len() }

// At returns value i.
func (t Uints) At(i int) uint32 {
	if t.u16 != "" { // written out so that Keys.Of inlines: ranking asks it of every hit
		return uint32(t.u16[2*i]) | uint32(t.u16[2*i+1])<<8
	}
	return t.u32.At(i)
}

// AppendU32 appends the values xs to b, as U32s reads them.
func AppendU32(b []byte, xs ...uint32) []byte {
	for _, x := range xs {
		b = append(b, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
	}
	return b
}

// Container joins sections as [Sections] reads them.
func Container(secs ...[]byte) []byte {
	at := 4 * (len(secs) + 2)
	out := AppendU32(nil, uint32(len(secs)))
	for _, s := range secs {
		out = AppendU32(out, uint32(at))
		at += len(s)
	}
	out = AppendU32(out, uint32(at))
	for _, s := range secs {
		out = append(out, s...)
	}
	return out
}

// Sections splits a container written by [Container]. It fails on a
// damaged container rather than panic.
func Sections(b string) ([]string, error) {
	if len(b) < 4 {
		return nil, fmt.Errorf("short container")
	}
	h := U32s(b)
	n := int(h.At(0))
	if n < 0 || h.Len() < n+2 {
		return nil, fmt.Errorf("short container header")
	}
	out := make([]string, n)
	for i := range out {
		a, z := h.At(1+i), h.At(2+i)
		if a > z || int(z) > len(b) {
			return nil, fmt.Errorf("bad section %d", i)
		}
		out[i] = b[a:z]
	}
	return out, nil
}

// Records is records.bin: one record of RecordSize bytes per catalog
// position. A record says where the entry is (its text, or with FlagHeld
// the index of an entry kept whole), its scope, its guide and its retry
// clue.
type Records string

// Each entry has a fixed-size record.
const (
	RecordSize = 12 // bytes per record
	RecText    = 0  // uint32: offset of the entry's text lines; with FlagHeld, the index of the held entry
	RecScope   = 4  // uint16: index of the scope name
	RecGuide   = 6  // uint16: index of the curated guidance, or NoGuide
	RecFlags   = 8  // uint16: FlagHeld, ...
	RecRetry   = 10 // uint16: an imported entry's retry clue (source.RetryRules.Clue), 0 for none

	// FlagHeld marks an entry kept whole (the curated layer of the embedded
	// catalog; every entry of a catalog built by New) rather than as text.
	FlagHeld = 1
	// FlagCurated is FlagHeld's name in the embedded catalog, whose held
	// entries are its curated layer.
	FlagCurated = FlagHeld
	NoGuide     = 0xFFFF // no guidance applies
)

// Record is one record's fields.
type Record struct {
	Text                       uint32
	Scope, Guide, Flags, Retry int
}

// AppendRecord appends r to b. It panics when a field does not fit.
func AppendRecord(b []byte, r Record) []byte {
	b = AppendU32(b, r.Text)
	for _, x := range []int{r.Scope, r.Guide, r.Flags, r.Retry} {
		if x < 0 || x > 0xFFFF {
			panic(fmt.Sprintf("catalogfmt: %d does not fit a uint16 field", x))
		}
		b = append(b, byte(x), byte(x>>8))
	}
	return b
}

// Len returns the number of records.
func (r Records) Len() int { return len(r) / RecordSize }

func (r Records) u16(pos, field int) int {
	i := pos*RecordSize + field
	return int(r[i]) | int(r[i+1])<<8
}

// Text returns the RecText field of record pos.
func (r Records) Text(pos int) uint32 { return U32s(r[pos*RecordSize+RecText:]).At(0) }

// Scope returns the RecScope field of record pos.
func (r Records) Scope(pos int) int { return r.u16(pos, RecScope) }

// WithScope returns the positions, in order, of the records whose scope
// index is one of scopes: one pass over the records, as tight as it can be
// (a product's entries lie all over the catalog): a record's scope is
// compared with at most two indexes (a product's and common), or looked up
// in a table of more.
func (r Records) WithScope(scopes []int) []int {
	var out []int
	switch len(scopes) {
	case 0:
	case 1, 2:
		a, b := uint16(scopes[0]), uint16(scopes[len(scopes)-1])
		for off := r.nextScope(RecScope, a, b); off >= 0; off = r.nextScope(off+RecordSize, a, b) {
			out = append(out, off/RecordSize)
		}
	default:
		in := make([]bool, slices.Max(scopes)+1)
		for _, s := range scopes {
			in[s] = true
		}
		for pos, off := 0, RecScope; off+1 < len(r); pos, off = pos+1, off+RecordSize {
			if s := int(r[off]) | int(r[off+1])<<8; s < len(in) && in[s] {
				out = append(out, pos)
			}
		}
	}
	return out
}

// nextScope returns the offset of the scope field of the first record, at
// or after offset off (of a scope field), whose scope index is a or b, or
// -1. (The loop appends nothing: its registers stay its own.)
func (r Records) nextScope(off int, a, b uint16) int {
	for ; off+1 < len(r); off += RecordSize {
		if s := uint16(r[off]) | uint16(r[off+1])<<8; s == a || s == b {
			return off
		}
	}
	return -1
}

// Guide returns the RecGuide field of record pos.
func (r Records) Guide(pos int) int { return r.u16(pos, RecGuide) }

// Flags returns the RecFlags field of record pos.
func (r Records) Flags(pos int) int { return r.u16(pos, RecFlags) }

// Retry returns the RecRetry field of record pos.
func (r Records) Retry(pos int) int { return r.u16(pos, RecRetry) }

// Held returns the index of the held entry of record pos, if it is one.
func (r Records) Held(pos int) (int, bool) {
	if r.Flags(pos)&FlagHeld == 0 {
		return 0, false
	}
	return int(r.Text(pos)), true
}

// The lines of an imported entry's text, each followed by '\n': code, zh,
// en, solution (the official texts, as imported), errcode's translations of
// the summary to English and to Chinese and of the solution to English and
// to Chinese (catalog/translations; "" where none applies), versions (joined by ","), actions (joined by ","), the
// product's Describe action that shows the code's resource, with
// ",QuotaAction" when a quota action of its resource is known, the release
// that removed the code upstream, and the versions only the international
// SDK defines the code in (joined by ","); each "" when none is known.
const (
	LineCode = iota
	LineZh
	LineEn
	LineSolution
	LineTrEn
	LineTrZh
	LineTrSolutionEn
	LineTrSolutionZh
	LineVersions
	LineActions
	LineDescribe
	LineRemoved
	LineIntl
	NumLines
)

// AppendEntryText appends an entry's text, its lines l, to b. A line may
// not hold a line break.
func AppendEntryText(b []byte, l [NumLines]string) ([]byte, error) {
	for i, s := range l {
		if strings.ContainsAny(s, "\n\r") {
			return b, fmt.Errorf("line %d holds a line break", i)
		}
	}
	for _, s := range l {
		b = append(append(b, s...), '\n')
	}
	return b, nil
}

// EntryLines splits the first n lines of an entry's text t.
func EntryLines(t string, n int) (out [NumLines]string) {
	for i := 0; i < n; i++ {
		j := strings.IndexByte(t, '\n')
		out[i], t = t[:j], t[j+1:]
	}
	return out
}

// Actions is the table of distinct API action names: Names holds them
// sorted ignoring case (then by bytes), each followed by '\n'; Off their
// offsets in Names, one more than there are names.
type Actions struct {
	Names string
	Off   U32s
}

// BuildActions returns the table of the distinct names in names.
func BuildActions(names []string) (text, off []byte) {
	names = slices.Clone(names)
	slices.SortFunc(names, CompareFold)
	names = slices.Compact(names)
	for _, a := range names {
		off = AppendU32(off, uint32(len(text)))
		text = append(append(text, a...), '\n')
	}
	return text, AppendU32(off, uint32(len(text)))
}

// CompareFold orders strings ignoring case, then by their bytes.
func CompareFold(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// Len returns the number of names.
func (a Actions) Len() int {
	if a.Off == "" {
		return 0
	}
	return a.Off.Len() - 1
}

// Name returns name id.
func (a Actions) Name(id int) string { return a.Names[a.Off.At(id) : a.Off.At(id+1)-1] }

// Search returns the first id whose lower-cased name is >= lower.
func (a Actions) Search(lower string) int {
	return sort.Search(a.Len(), func(i int) bool { return strings.ToLower(a.Name(i)) >= lower })
}

// The scopes that are not products, and their place in scope order.
const (
	ScopeCommon = "common"
	ScopeSDK    = "sdk"
)

// ScopeRank orders scopes: common first, then products (alphabetically
// among themselves), then sdk.
func ScopeRank(s string) int {
	switch s {
	case ScopeCommon:
		return 0
	case ScopeSDK:
		return 2
	}
	return 1
}

// CompareScopes orders scopes: common, the products alphabetically, sdk.
func CompareScopes(a, b string) int {
	if ra, rb := ScopeRank(a), ScopeRank(b); ra != rb {
		return ra - rb
	}
	return strings.Compare(a, b)
}

// SampleEvery is the spacing of the sampled keys of a [KeyIndex].
const SampleEvery = 64

// KeyIndex finds entries by lower-cased code without building a map: the
// distinct keys are one sorted text, searched by bisection, so a lookup
// touches a few pages instead of every code string in the binary. It is
// written as keys.txt (Text) and keys.bin (a [Container] of Off, Post, Pos,
// Shape, SampleOff, SampleText, Letters, KeyOf and Grams).
type KeyIndex struct {
	Text string // the distinct lower-cased codes in sorted order, each followed by '\n'
	Off  U32s   // key i is Text[Off[i] : Off[i+1]-1]; one more than keys
	Post Uints  // the positions of key i are Pos[Post[i] : Post[i+1]]
	Pos  Uints  // catalog positions, in scope order within each key (see BuildKeyIndex)
	// Shape of key i ([KeyShape]), so that suggestions can skip most keys
	// without reading them.
	Shape U32s
	// A sample of every SampleEvery-th key (keys 0, SampleEvery, ...), kept
	// together so that a bisection first narrows to a block of keys touching
	// two pages instead of one page per step.
	SampleOff  U32s
	SampleText string
	// Letters of key i's last segment ([KeyLetters]), so that suggestions
	// rule out most last segments without reading them.
	Letters U32s
	// KeyOf is the key of each catalog position, Pos inverted, so that
	// free-text ranking reads a hit's lower-cased code here, once per
	// distinct code, instead of in the entry's text.
	KeyOf Uints
	// Grams of key i ([KeyGrams]), so that free-text ranking rules out
	// most codes that cannot hold the query without reading them.
	Grams U32s
}

// BuildKeyIndex returns the key index of the entries in catalog order whose
// lower-cased codes are lower and scopes are scopes: the distinct keys
// sorted, each with the positions of its entries ordered by scope
// ([CompareScopes]) and then position, so that spellings of one code that
// differ in case stay in scope order.
func BuildKeyIndex(lower, scopes []string) KeyIndex {
	idx := make([]int, len(lower))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		if c := strings.Compare(lower[i], lower[j]); c != 0 {
			return c
		}
		return CompareScopes(scopes[i], scopes[j])
	})
	var text, sample []byte
	var off, shape, sampleOff, letters, grams []byte
	var post, pos []uint32
	keyOf := make([]uint32, len(lower))
	keys := 0
	for j, i := range idx {
		if j == 0 || lower[i] != lower[idx[j-1]] {
			if keys%SampleEvery == 0 {
				sampleOff = AppendU32(sampleOff, uint32(len(sample)))
				sample = append(append(sample, lower[i]...), '\n')
			}
			keys++
			off = AppendU32(off, uint32(len(text)))
			post = append(post, uint32(len(pos)))
			shape = AppendU32(shape, KeyShape(lower[i]))
			letters = AppendU32(letters, KeyLetters(lower[i][strings.LastIndexByte(lower[i], '.')+1:]))
			grams = AppendU32(grams, KeyGrams(lower[i]))
			text = append(append(text, lower[i]...), '\n')
		}
		pos = append(pos, uint32(i))
		keyOf[i] = uint32(keys - 1)
	}
	off = AppendU32(off, uint32(len(text)))
	post = append(post, uint32(len(pos)))
	sampleOff = AppendU32(sampleOff, uint32(len(sample)))
	return KeyIndex{Text: string(text), Off: U32s(off), Post: NewUints(post), Pos: NewUints(pos), Shape: U32s(shape),
		SampleOff: U32s(sampleOff), SampleText: string(sample), Letters: U32s(letters), KeyOf: NewUints(keyOf), Grams: U32s(grams)}
}

// Encode returns keys.txt and keys.bin.
func (k KeyIndex) Encode() (text, bin []byte) {
	return []byte(k.Text), Container([]byte(k.Off), k.Post.bytes(), k.Pos.bytes(), []byte(k.Shape), []byte(k.SampleOff), []byte(k.SampleText), []byte(k.Letters),
		k.KeyOf.bytes(), []byte(k.Grams))
}

// DecodeKeyIndex reads the key index that Encode wrote.
func DecodeKeyIndex(text, bin string) (KeyIndex, error) {
	s, err := Sections(bin)
	if err != nil {
		return KeyIndex{}, err
	}
	if len(s) != 9 {
		return KeyIndex{}, fmt.Errorf("keys.bin has %d sections, want 9", len(s))
	}
	k := KeyIndex{Text: text, Off: U32s(s[0]), Shape: U32s(s[3]), SampleOff: U32s(s[4]), SampleText: s[5],
		Letters: U32s(s[6]), Grams: U32s(s[8])}
	keys := max(k.Off.Len()-1, 0)
	if k.Post, err = decodeUints(s[1], keys+1); err != nil {
		return KeyIndex{}, fmt.Errorf("keys.bin: Post: %v", err)
	}
	positions := 0
	if k.Post.Len() > 0 {
		positions = int(k.Post.At(keys))
	}
	if k.Pos, err = decodeUints(s[2], positions); err != nil {
		return KeyIndex{}, fmt.Errorf("keys.bin: Pos: %v", err)
	}
	if k.KeyOf, err = decodeUints(s[7], positions); err != nil {
		return KeyIndex{}, fmt.Errorf("keys.bin: key table: %v", err)
	}
	if k.Grams.Len() != keys {
		return KeyIndex{}, fmt.Errorf("keys.bin: grams of %d keys, want %d", k.Grams.Len(), keys)
	}
	return k, nil
}

// KeyGrams returns the trigrams of s (three letters or digits in a row,
// either case), hashed to a bit each of 32. A string that contains t has
// every bit of KeyGrams(t): free-text ranking rules out, without reading
// it, most codes that cannot hold the query as one word ("invalid value":
// InvalidParameterValue.InvalidValue may, InvalidParameterValue.Foo not).
func KeyGrams(s string) uint32 {
	var m, t uint32 // t: the last three letters or digits, a byte each
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			run = 0
			continue
		}
		t = t<<8&0xFFFF00 | uint32(c)
		if run++; run >= 3 {
			m |= 1 << (t * gramsHash >> 27)
		}
	}
	return m
}

// gramsHash is KeyGrams' multiplier, the best of 300 random odd constants
// for the fewest codes let through on 30 everyday queries
// (catalog.TestKeyGramsFilters: 11,529 of 367,710, from 17,493 with the
// golden ratio's).
const gramsHash = 0xF5627D99

// KeyLetters returns the set of characters of s by class, a bit each: the
// letters a to z (either case) bits 0 to 25, then any digit, '.', '_', '-'
// and anything else. A string within d edits of s (insertions, deletions,
// substitutions, transpositions) lacks at most d of the classes of s and has
// at most d classes s lacks, as one edit brings in or takes away at most one
// character.
func KeyLetters(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
			m |= 1 << (c - 'a')
		case 'A' <= c && c <= 'Z':
			m |= 1 << (c - 'A')
		case '0' <= c && c <= '9':
			m |= 1 << 26
		case c == '.':
			m |= 1 << 27
		case c == '_':
			m |= 1 << 28
		case c == '-':
			m |= 1 << 29
		default:
			m |= 1 << 30
		}
	}
	return m
}

// KeyShape packs what suggestions need to know of a code's layout without
// reading it: its length, the offsets of its first and last dots plus one (0
// for none) and its number of dots, a byte each (each at most 255).
func KeyShape(code string) uint32 {
	first, last, dots := strings.IndexByte(code, '.')+1, strings.LastIndexByte(code, '.')+1, strings.Count(code, ".")
	return uint32(min(len(code), 255)) | uint32(min(first, 255))<<8 | uint32(min(last, 255))<<16 | uint32(min(dots, 255))<<24
}

// Len returns the number of keys.
func (k *KeyIndex) Len() int {
	if k.Off == "" {
		return 0
	}
	return k.Off.Len() - 1
}

// Key returns key i.
func (k *KeyIndex) Key(i int) string { return k.Text[k.Off.At(i) : k.Off.At(i+1)-1] }

// Search returns the first key index whose key is >= key.
func (k *KeyIndex) Search(key string) int {
	lo, hi := 0, k.Len()
	if n := k.SampleOff.Len() - 1; n > 0 {
		// The first sampled key >= key bounds the answer from above, the one
		// before it from below.
		j := sort.Search(n, func(j int) bool { return k.SampleText[k.SampleOff.At(j):k.SampleOff.At(j+1)-1] >= key })
		if j > 0 {
			lo = (j-1)*SampleEvery + 1
		}
		hi = min(hi, j*SampleEvery)
	}
	return lo + sort.Search(hi-lo, func(i int) bool { return k.Key(lo+i) >= key })
}

// Lookup returns the index of key, or -1.
func (k *KeyIndex) Lookup(key string) int {
	if i := k.Search(key); i < k.Len() && k.Key(i) == key {
		return i
	}
	return -1
}

// Positions returns the catalog positions of key i's entries, in scope order.
func (k *KeyIndex) Positions(i int) []int {
	a, b := int(k.Post.At(i)), int(k.Post.At(i+1))
	out := make([]int, b-a)
	for j := range out {
		out[j] = int(k.Pos.At(a + j))
	}
	return out
}

// First returns the catalog position of key i's first entry.
func (k *KeyIndex) First(i int) int { return int(k.Pos.At(int(k.Post.At(i)))) }

// The fields of an entry held whole in the embedded catalog (data/held.bin:
// the curated entries of codes.yaml, then the class guidance of
// classes.yaml), in the order [AppendHeld] writes them. Each field is a list
// of strings: a text is its English and Chinese (none when both are empty),
// a list of texts the pairs one after the other, a flag one string "1" when
// set, a string one string when not empty. What a listing shows comes
// first, so that it is read without skipping the long fields.
const (
	HeldCode = iota
	HeldScope
	HeldSummary
	HeldSolution
	HeldRetryable
	HeldVerdict
	HeldRetry
	HeldRetryAfter
	HeldRetryEvidence
	HeldCauses
	HeldRemediation
	HeldRelated
	HeldActions
	HeldMessages
	HeldDocs
	HeldProvenance
	HeldSource
	HeldVersions
	HeldRemoved
	HeldTemplate // the fix steps with their placeholders, when they name product facts
	NumHeldFields
)

// AppendHeld appends an entry held whole, its fields f, to b: for each
// field the number of its strings, then each string's length and bytes,
// all numbers as uvarints. A table of them is a [Container], read with
// [Section].
func AppendHeld(b []byte, f [NumHeldFields][]string) []byte {
	for _, ss := range f {
		b = appendUvarint(b, uint64(len(ss)))
		for _, s := range ss {
			b = append(appendUvarint(b, uint64(len(s))), s...)
		}
	}
	return b
}

func appendUvarint(b []byte, x uint64) []byte {
	for x >= 0x80 {
		b = append(b, byte(x)|0x80)
		x >>= 7
	}
	return append(b, byte(x))
}

// Section returns section i of a container written by [Container], without
// splitting the others (see [Sections]); the container is trusted.
func Section(b string, i int) string {
	h := U32s(b)
	return b[h.At(1+i):h.At(2+i)]
}

// SectionCount returns the number of sections of a container written by
// [Container]; 0 for an empty string.
func SectionCount(b string) int {
	if len(b) < 4 {
		return 0
	}
	return int(U32s(b).At(0))
}

// Held reads the fields of an entry that [AppendHeld] wrote, in order: Len
// the number of strings of the next field, then Str each of them.
type Held struct{ s string }

// NewHeld returns a reader of the fields in s.
func NewHeld(s string) *Held { return &Held{s} }

// Len returns the number of strings of the next field.
func (h *Held) Len() int { return int(h.uvarint()) }

// Str returns the next string.
func (h *Held) Str() string {
	n := int(h.uvarint())
	s := h.s[:n]
	h.s = h.s[n:]
	return s
}

func (h *Held) uvarint() uint64 {
	var x uint64
	for shift := 0; ; shift += 7 {
		c := h.s[0]
		h.s = h.s[1:]
		x |= uint64(c&0x7F) << shift
		if c < 0x80 {
			return x
		}
	}
}

// HeldCodeOf returns the code of the held entry s (its first field) without
// reading the others.
func HeldCodeOf(s string) string {
	h := Held{s}
	if h.Len() == 0 {
		return ""
	}
	return h.Str()
}
