package search

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// The full-text index of the embedded catalog is generated with the catalog
// (internal/catalogen, `make catalog`) into data/textwords.bin and
// data/textbigrams.bin, so that a free-text query reads postings where they
// lie instead of indexing 17,000 entries first (some 80 ms and 30 MB). It is
// exactly what buildText builds for catalog.Default (a test compares them),
// and carries the catalog's fingerprint (catalog.Catalog.Fingerprint): an
// Index over a catalog with another fingerprint, or none (catalog.New),
// builds its own.
//
// Layout (little-endian; both files are catalogfmt containers, read with
// catalogfmt.Sections):
//
//	textwords.bin    0: the number of documents (uint32)
//	                 5: the fingerprint of the catalog indexed
//	                 1: the stems, sorted, each followed by '\n'
//	                 2: their offsets in section 1 (one more than stems)
//	                 3: where each stem's postings start in section 4 (one more)
//	                 4: postings (uint32: summaryPositions << 24 | document
//	                    << 8 | fields, lastSegment where the stem is the
//	                    code's last segment, inSecond)
//	                 6: the curated common entries (uint32 documents, in order)
//	                 7: the stems with a residual prefix list (uint32 indexes in
//	                    section 1, in order; see residualLists)
//	                 8: where each residual list starts in section 9 (one more)
//	                 9: residual postings, as in section 4 (no positions)
//	textbigrams.bin  0: the bigrams (uint64: rune << 32 | rune), sorted
//	                 1: where each bigram's postings start in section 2 (one more)
//	                 2: postings, as above (no positions, nor lastSegment)

// encodedText is a full-text index read from its generated tables.
type encodedText struct {
	vocab, vocabOff, wordStart, wordPost string
	keys, bigramStart, bigramPost        string
	common                               catalogfmt.U32s
	resStems                             catalogfmt.U32s
	resStart, resPost                    string
}

func u32at(s string, i int) uint32 { return catalogfmt.U32s(s).At(i) }

func u64at(s string, i int) uint64 { return uint64(u32at(s, 2*i)) | uint64(u32at(s, 2*i+1))<<32 }

// loadText returns the generated index when it belongs to c (same
// fingerprint, same number of documents), else nil.
func loadText(c *catalog.Catalog, words, bigrams string) *textIndex {
	w, err1 := catalogfmt.Sections(words)
	b, err2 := catalogfmt.Sections(bigrams)
	if err1 != nil || err2 != nil || len(w) != 10 || len(b) != 3 || len(w[0]) != 4 || int(u32at(w[0], 0)) != c.Len() ||
		c.Fingerprint() == "" || w[5] != c.Fingerprint() {
		return nil
	}
	return &textIndex{n: c.Len(), cat: c, enc: &encodedText{
		vocab: w[1], vocabOff: w[2], wordStart: w[3], wordPost: w[4],
		keys: b[0], bigramStart: b[1], bigramPost: b[2], common: catalogfmt.U32s(w[6]),
		resStems: catalogfmt.U32s(w[7]), resStart: w[8], resPost: w[9],
	}}
}

func (e *encodedText) stems() int { return len(e.vocabOff)/4 - 1 }

func (e *encodedText) stem(i int) string {
	return e.vocab[u32at(e.vocabOff, i) : u32at(e.vocabOff, i+1)-1]
}

// postingsInto decodes the postings of entry i into buf (reused when it has
// room), without those whose document is not in only (unless only is nil):
// a broad query decodes thousands of postings, word after word.
func postingsInto(buf []posting, post, start string, i int, only bitset) []posting {
	p := postingBytes(post, start, i)
	if only != nil {
		out := buf[:0]
		for ; len(p) >= 4; p = p[4:] {
			x := le32(p)
			if doc := postDoc(x); only.has(doc) {
				out = append(out, posting{doc: doc, fields: uint8(x) & fieldBits})
			}
		}
		return out
	}
	out := slices.Grow(buf[:0], len(p)/4)
	for ; len(p) >= 4; p = p[4:] {
		x := le32(p)
		out = append(out, posting{doc: postDoc(x), fields: uint8(x) & fieldBits})
	}
	return out
}

// markPostings marks in set the documents of the postings of entry i.
// They come in document order: the bits of one word of set are gathered
// and written once (a write a posting waits on the one before).
func markPostings(set bitset, post, start string, i int) {
	w, bits := -1, uint64(0) // the word being gathered, and its bits
	for p := postingBytes(post, start, i); len(p) >= 4; p = p[4:] {
		doc := int(postDoc(le32(p)))
		if doc>>6 != w {
			if w >= 0 {
				set[w] |= bits
			}
			w, bits = doc>>6, 0
		}
		bits |= 1 << (doc & 63)
	}
	if w >= 0 {
		set[w] |= bits
	}
}

// postingOf returns the fields of document doc in the postings of entry i
// (in document order), and whether it is there.
func postingOf(post, start string, i int, doc int32) (uint8, bool) {
	a, z := int(u32at(start, i)), int(u32at(start, i+1))
	j := a + sort.Search(z-a, func(j int) bool { return postDoc(u32at(post, a+j)) >= doc })
	if j < z {
		if x := u32at(post, j); postDoc(x) == doc {
			return uint8(x), true
		}
	}
	return 0, false
}

// postDoc returns the document of an encoded posting x: its bits 8 to 23.
// (Bits 0 to 7 are its fields, lastSegment and inSecond; a word's bits 24
// to 31 are the rest of its summaryPositions.)
func postDoc(x uint32) int32 { return int32(x >> 8 & 0xFFFF) }

// postSpos returns the summaryPositions of an encoded word posting x.
func postSpos(x uint32) uint16 { return uint16(x>>24) | uint16(x&inSecond)<<(8-numFields-1) }

// le32 returns the little-endian uint32 that p (4 bytes or more) starts
// with: an encoded posting. Small enough to inline in the loops that read
// thousands of them.
func le32(p string) uint32 {
	_ = p[3]
	return uint32(p[0]) | uint32(p[1])<<8 | uint32(p[2])<<16 | uint32(p[3])<<24
}

// postingBytes returns the encoded postings of entry i: uint32s (see
// EncodeText), read in the loops above without a bounds check each.
func postingBytes(post, start string, i int) string {
	return post[4*u32at(start, i) : 4*u32at(start, i+1)]
}

// word returns the index of the stem st, or -1.
func (e *encodedText) word(st string) int {
	n := e.stems()
	i := sort.Search(n, func(i int) bool { return e.stem(i) >= st })
	if i < n && e.stem(i) == st {
		return i
	}
	return -1
}

// eachWordFrom calls f with the index of each stem that starts with p, and
// the stem, in order.
func (e *encodedText) eachWordFrom(p string, f func(i int, w string)) {
	n := e.stems()
	for i := sort.Search(n, func(i int) bool { return e.stem(i) >= p }); i < n; i++ {
		w := e.stem(i)
		if !strings.HasPrefix(w, p) {
			return
		}
		f(i, w)
	}
}

// residual returns the index of the residual prefix list of stem i, or -1.
func (e *encodedText) residual(i int) int {
	n := e.resStems.Len()
	j := sort.Search(n, func(j int) bool { return int(e.resStems.At(j)) >= i })
	if j < n && int(e.resStems.At(j)) == i {
		return j
	}
	return -1
}

// When a query word is a stem, matchWord adds the stems it starts at
// qualityPrefix. For the most frequent stems nearly every such posting
// repeats a field in which the document has the stem itself, and adds
// nothing: CamelCase parts index InvalidParameterValue under invalid too,
// so the 7,550 postings of the 1,063 stems that start with "invalid" add
// one document. The generated index keeps, for a stem whose range reads
// residualMinSaved postings more than matter and at most 1/residualMaxShare
// of them matter, only those that do (its residual list): per document,
// the fields where a stem of the range is and the stem itself is not.
const (
	residualMinSaved = 128
	residualMaxShare = 4
)

// residualLists returns the stems (indexes in t.vocab) with a residual
// prefix list, and their lists, in document order.
func residualLists(t *textIndex) (stems []uint32, lists [][]posting) {
	own := make([]uint8, t.n)   // by document: the fields with the stem
	extra := make([]uint8, t.n) // by document: the fields the range adds
	var touched []int32
	for i, w := range t.vocab {
		if len(w) < 3 {
			continue
		}
		for _, p := range t.words[w] {
			own[p.doc] = p.fields
		}
		read := 0
		touched = touched[:0]
		for j := i + 1; j < len(t.vocab) && strings.HasPrefix(t.vocab[j], w); j++ {
			for _, p := range t.words[t.vocab[j]] {
				read++
				if x := p.fields &^ own[p.doc]; x != 0 {
					if extra[p.doc] == 0 {
						touched = append(touched, p.doc)
					}
					extra[p.doc] |= x
				}
			}
		}
		if read-len(touched) >= residualMinSaved && len(touched)*residualMaxShare <= read {
			slices.Sort(touched)
			list := make([]posting, len(touched))
			for k, doc := range touched {
				list[k] = posting{doc: doc, fields: extra[doc]}
			}
			stems, lists = append(stems, uint32(i)), append(lists, list)
		}
		for _, doc := range touched {
			extra[doc] = 0
		}
		for _, p := range t.words[w] {
			own[p.doc] = 0
		}
	}
	return stems, lists
}

// bigramAt returns the index of the bigram k, or -1.
func (e *encodedText) bigramAt(k uint64) int {
	n := len(e.keys) / 8
	i := sort.Search(n, func(i int) bool { return u64at(e.keys, i) >= k })
	if i < n && u64at(e.keys, i) == k {
		return i
	}
	return -1
}

// EncodeText returns the generated tables of the full-text index of c:
// data/textwords.bin and data/textbigrams.bin. internal/catalogen calls it
// with the catalog it generates, whose positions are those of
// catalog.Default, and that catalog's fingerprint.
func EncodeText(c *catalog.Catalog, fingerprint string) (words, bigrams []byte, err error) {
	t := buildText(c)
	if t.n > 1<<16 {
		return nil, nil, fmt.Errorf("%d documents do not fit a posting (65,536 at most: see postDoc)", t.n)
	}
	pack := func(ps []posting) []uint32 {
		out := make([]uint32, len(ps))
		for i, p := range ps {
			out[i] = uint32(p.doc)<<8 | uint32(p.fields)
		}
		return out
	}
	var vocab []byte
	var vocabOff, wordStart []uint32
	var wordPost []byte
	for _, w := range t.vocab {
		vocabOff = append(vocabOff, uint32(len(vocab)))
		vocab = append(append(vocab, w...), '\n')
		wordStart = append(wordStart, uint32(len(wordPost)/4))
		wordPost = t.encodeWord(wordPost, w)
	}
	vocabOff = append(vocabOff, uint32(len(vocab)))
	wordStart = append(wordStart, uint32(len(wordPost)/4))

	keys := make([]uint64, 0, len(t.bigrams))
	for k := range t.bigrams {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	keyBytes := make([]byte, 8*len(keys))
	var bigramStart, bigramPost []uint32
	for i, k := range keys {
		binary.LittleEndian.PutUint64(keyBytes[8*i:], k)
		bigramStart = append(bigramStart, uint32(len(bigramPost)))
		bigramPost = append(bigramPost, pack(t.bigrams[k])...)
	}
	bigramStart = append(bigramStart, uint32(len(bigramPost)))

	u32le := func(xs []uint32) []byte { return catalogfmt.AppendU32(nil, xs...) }
	common := make([]uint32, len(t.common))
	for i, doc := range t.common {
		common[i] = uint32(doc)
	}
	resStems, resLists := residualLists(t)
	var resStart, resPost []uint32
	for _, l := range resLists {
		resStart = append(resStart, uint32(len(resPost)))
		resPost = append(resPost, pack(l)...)
	}
	resStart = append(resStart, uint32(len(resPost)))
	words = catalogfmt.Container(u32le([]uint32{uint32(t.n)}), vocab, u32le(vocabOff), u32le(wordStart), wordPost, []byte(fingerprint),
		u32le(common), u32le(resStems), u32le(resStart), u32le(resPost))
	bigrams = catalogfmt.Container(keyBytes, u32le(bigramStart), u32le(bigramPost))
	return words, bigrams, nil
}
