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
//	                 4: postings (uint32: document << 8 | fields)
//	textbigrams.bin  0: the bigrams (uint64: rune << 32 | rune), sorted
//	                 1: where each bigram's postings start in section 2 (one more)
//	                 2: postings, as above

// encodedText is a full-text index read from its generated tables.
type encodedText struct {
	vocab, vocabOff, wordStart, wordPost string
	keys, bigramStart, bigramPost        string
}

func u32at(s string, i int) uint32 { return catalogfmt.U32s(s).At(i) }

func u64at(s string, i int) uint64 { return uint64(u32at(s, 2*i)) | uint64(u32at(s, 2*i+1))<<32 }

// loadText returns the generated index when it belongs to c (same
// fingerprint, same number of documents), else nil.
func loadText(c *catalog.Catalog, words, bigrams string) *textIndex {
	w, err1 := catalogfmt.Sections(words)
	b, err2 := catalogfmt.Sections(bigrams)
	if err1 != nil || err2 != nil || len(w) != 6 || len(b) != 3 || len(w[0]) != 4 || int(u32at(w[0], 0)) != c.Len() ||
		c.Fingerprint() == "" || w[5] != c.Fingerprint() {
		return nil
	}
	return &textIndex{n: c.Len(), cat: c, enc: &encodedText{
		vocab: w[1], vocabOff: w[2], wordStart: w[3], wordPost: w[4],
		keys: b[0], bigramStart: b[1], bigramPost: b[2],
	}}
}

func (e *encodedText) stems() int { return len(e.vocabOff)/4 - 1 }

func (e *encodedText) stem(i int) string {
	return e.vocab[u32at(e.vocabOff, i) : u32at(e.vocabOff, i+1)-1]
}

func postings(post, start string, i int) []posting {
	return postingsInto(nil, post, start, i)
}

// postingsInto is postings decoded into buf (reused when it has room): a
// broad query decodes thousands of postings, word after word.
func postingsInto(buf []posting, post, start string, i int) []posting {
	a, z := int(u32at(start, i)), int(u32at(start, i+1))
	out := slices.Grow(buf[:0], z-a)[:z-a]
	for j := range out {
		x := u32at(post, a+j)
		out[j] = posting{doc: int32(x >> 8), fields: uint8(x)}
	}
	return out
}

// wordInto returns the postings of the stem st, decoded into buf (see
// postingsInto).
func (e *encodedText) wordInto(buf []posting, st string) []posting {
	n := e.stems()
	i := sort.Search(n, func(i int) bool { return e.stem(i) >= st })
	if i < n && e.stem(i) == st {
		return postingsInto(buf, e.wordPost, e.wordStart, i)
	}
	return nil
}

func (e *encodedText) eachWordFrom(p string, f func(string)) {
	n := e.stems()
	for i := sort.Search(n, func(i int) bool { return e.stem(i) >= p }); i < n && strings.HasPrefix(e.stem(i), p); i++ {
		f(e.stem(i))
	}
}

func (e *encodedText) bigram(k uint64) []posting {
	n := len(e.keys) / 8
	i := sort.Search(n, func(i int) bool { return u64at(e.keys, i) >= k })
	if i < n && u64at(e.keys, i) == k {
		return postings(e.bigramPost, e.bigramStart, i)
	}
	return nil
}

// EncodeText returns the generated tables of the full-text index of c:
// data/textwords.bin and data/textbigrams.bin. internal/catalogen calls it
// with the catalog it generates, whose positions are those of
// catalog.Default, and that catalog's fingerprint.
func EncodeText(c *catalog.Catalog, fingerprint string) (words, bigrams []byte, err error) {
	t := buildText(c)
	if t.n >= 1<<24 {
		return nil, nil, fmt.Errorf("%d documents do not fit a posting", t.n)
	}
	pack := func(ps []posting) []uint32 {
		out := make([]uint32, len(ps))
		for i, p := range ps {
			out[i] = uint32(p.doc)<<8 | uint32(p.fields)
		}
		return out
	}
	var vocab []byte
	var vocabOff, wordStart, wordPost []uint32
	for _, w := range t.vocab {
		vocabOff = append(vocabOff, uint32(len(vocab)))
		vocab = append(append(vocab, w...), '\n')
		wordStart = append(wordStart, uint32(len(wordPost)))
		wordPost = append(wordPost, pack(t.words[w])...)
	}
	vocabOff = append(vocabOff, uint32(len(vocab)))
	wordStart = append(wordStart, uint32(len(wordPost)))

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
	words = catalogfmt.Container(u32le([]uint32{uint32(t.n)}), vocab, u32le(vocabOff), u32le(wordStart), u32le(wordPost), []byte(fingerprint))
	bigrams = catalogfmt.Container(keyBytes, u32le(bigramStart), u32le(bigramPost))
	return words, bigrams, nil
}
