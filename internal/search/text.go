package search

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// The fields of an entry that Text searches, and their weights.
const (
	fieldCode = iota
	fieldSummary
	fieldCauses
	fieldMessages
	fieldRemediation
	numFields
)

// lastSegment is a bit of a word posting's fields, past the fields, in the
// generated index only: the stem is the whole last segment of the entry's
// code ("invalid" in InvalidParameter.Invalid), the only place a code can
// be the query word or end in "."+it (codeFacts' isCode). Decoding masks
// it off (fieldBits); wordCursor reports it.
const (
	fieldBits   = 1<<numFields - 1
	lastSegment = 1 << numFields
	// inSecond is a bit of a word posting, past lastSegment, in the
	// generated index only: the whole word is in the summary's second
	// text (Chinese): see summaryPositions.
	inSecond = 1 << (numFields + 1)
)

var fieldWeight = [numFields]float64{fieldCode: 3, fieldSummary: 2, fieldCauses: 1, fieldMessages: 1, fieldRemediation: 0.5}

// weighted is the sum of q's qualities by fieldWeight, unrolled: it runs
// for every hit of every term of a query. (It names five fields: the
// assignment below stops the build if numFields changes.)
var _ [5]struct{} = [numFields]struct{}{}

func weighted(q *[numFields]float32) float64 {
	return fieldWeight[0]*float64(q[0]) + fieldWeight[1]*float64(q[1]) + fieldWeight[2]*float64(q[2]) +
		fieldWeight[3]*float64(q[3]) + fieldWeight[4]*float64(q[4])
}

// How well a query term matches a field, by the way it matched.
const (
	qualityExact   = 1.0 // the same word (stem), or the whole Chinese phrase
	qualityPrefix  = 0.6 // a word the query word starts
	qualitySynonym = 0.5 // a synonym from synonymTable
	qualityBigram  = 0.8 // times the share of a Chinese phrase's bigrams found

	relSaturation = 6.0 // relevance at which a hit gets half of the relevance part of its score
	codeBonus     = 4.0 // added to the relevance when the query, spaces removed, is part of the code

	maxTerms   = 32 // query terms searched (a bit each, in a uint32); the rest of a long pasted text is ignored
	maxBigrams = 64 // bigrams of one Chinese term used to find partial matches
)

// A candidate's pending terms are bits of a uint32: the build stops if
// maxTerms outgrows it.
var _ [32 - maxTerms]struct{}

// synonymTable maps query words (any form: they are stemmed like the text)
// to other words and Chinese phrases that also answer them. Keep it small,
// and keep the package documentation and synonymStems in step with it
// (TestSynonymTableDocumented and TestSynonymStems say what to write).
var synonymTable = []struct{ words, alts string }{
	{"rate", "frequency 频率"},
	{"throttle throttled throttling", "frequency 频率 限频 限流"},
	{"quota", "limit 配额"},
	{"signature sign", "签名"},
	{"clock", "timestamp time 时间 时钟"},
	{"time", "timestamp clock 时间"},
	{"timestamp", "time clock 时间"},
	{"expire expired expiry", "过期"},
	{"permission permissions", "unauthorized cam 权限 授权"},
	{"unauthorized forbidden denied", "permission cam 权限 授权"},
	{"key secret", "密钥"},
	{"missing", "exist 不存在"},
	{"database db", "db database 数据库"},
	{"repository repo", "repo repository 仓库"},
	{"timeout", "超时"},
}

// synonymStems is synonymTable keyed by stem, sorted by it: the
// alternatives are stems or CJK phrases, in the table's order, never the
// key itself. It is written out, not built at run time (building it cost a
// free-text lookup 100k instructions and a map); TestSynonymStems derives
// it from synonymTable and prints it when they differ.
var synonymStems = []struct {
	stem string
	alts []string
}{
	{"clock", []string{"timestamp", "tim", "时间", "时钟"}},
	{"databas", []string{"db", "数据库"}},
	{"db", []string{"databas", "数据库"}},
	{"deny", []string{"permission", "cam", "权限", "授权"}},
	{"expir", []string{"过期"}},
	{"expiry", []string{"过期"}},
	{"forbidden", []string{"permission", "cam", "权限", "授权"}},
	{"key", []string{"密钥"}},
	{"miss", []string{"exist", "不存在"}},
	{"permission", []string{"unauthoriz", "cam", "权限", "授权"}},
	{"quota", []string{"limit", "配额"}},
	{"rat", []string{"frequency", "频率"}},
	{"repo", []string{"repository", "仓库"}},
	{"repository", []string{"repo", "仓库"}},
	{"secret", []string{"密钥"}},
	{"sign", []string{"签名"}},
	{"signatur", []string{"签名"}},
	{"throttl", []string{"frequency", "频率", "限频", "限流"}},
	{"tim", []string{"timestamp", "clock", "时间"}},
	{"timeout", []string{"超时"}},
	{"timestamp", []string{"tim", "clock", "时间"}},
	{"unauthoriz", []string{"permission", "cam", "权限", "授权"}},
}

// synonymsOf returns the alternatives of stem st (see synonymStems).
func synonymsOf(st string) []string {
	i := sort.Search(len(synonymStems), func(i int) bool { return synonymStems[i].stem >= st })
	if i < len(synonymStems) && synonymStems[i].stem == st {
		return synonymStems[i].alts
	}
	return nil
}

// stopWord reports whether w is an English query word too common to
// search for. (A switch: no table is built at run time.)
func stopWord(w string) bool {
	switch w {
	case "a", "an", "the", "of", "to", "in", "on", "at", "for", "from", "by", "with", "as", "and", "or",
		"is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "my", "your", "i", "me", "we", "you",
		"do", "does", "did", "how", "why", "what", "when", "which", "can", "could", "should", "would", "please":
		return true
	}
	return false
}

// particles are Chinese particles that separate query terms like spaces do.
const particles = "的了吗呢吧啊"

// Hit is one result of [Index.Text].
type Hit struct {
	Entry *catalog.Entry
	// Score orders hits, higher first. Its integer part is the number of
	// query terms the entry matches in full; the fraction grows with the
	// relevance and with Chinese terms matched only in part. Scores compare
	// hits of one query, not across queries.
	Score float64
}

// posting records that a document has a word (or bigram) in some fields.
type posting struct {
	doc    int32
	fields uint8 // bit f set: found in field f
	// spos is, for a word's posting in an index built in memory, where
	// it is in the summary (summaryPositions); 0 in decoded postings.
	spos uint16
}

// textIndex is the full-text part of an Index. Its documents are the
// catalog's entries by position. It is either built in memory (buildText)
// or read from the tables generated with the embedded catalog (enc, see
// textdata.go); the accessors below serve both.
type textIndex struct {
	n   int
	cat *catalog.Catalog

	// Built in memory.
	words   map[string][]posting // stem -> postings in document order
	vocab   []string             // keys of words, sorted, for prefix search
	bigrams map[uint64][]posting // pair of CJK runes -> postings in document order
	cjk     [][numFields]string  // per document and field: the texts that have CJK, joined
	common  []int32              // the curated common entries, in order
	last    map[string][]int32   // stem -> the documents whose code's last segment it is (lastSegment), in order

	commonOnce sync.Once
	commonSet  bitset // the curated common entries (curatedCommon)

	// Generated.
	enc *encodedText

	mem sync.Pool // of *rankMem
}

// wordInto returns the postings of the stem st, without those outside
// h.only; with h.mark set, it marks their documents there and returns none.
// The embedded index decodes them into h's scratch buffer, reused word after
// word.
func (t *textIndex) wordInto(h *hits, st string) []posting {
	if t.enc != nil {
		i := t.enc.word(st)
		if i < 0 {
			return nil
		}
		return h.decode(t.enc.wordPost, t.enc.wordStart, i)
	}
	return h.filter(t.words[st])
}

// bigramInto is wordInto for a pair of CJK runes.
func (t *textIndex) bigramInto(h *hits, k uint64) []posting {
	if t.enc != nil {
		i := t.enc.bigramAt(k)
		if i < 0 {
			return nil
		}
		return h.decode(t.enc.bigramPost, t.enc.bigramStart, i)
	}
	return h.filter(t.bigrams[k])
}

// eachKeyWith calls f with the postings, as wordInto returns them, of each
// key (pair of CJK runes, or lone character: loneKey) that has r: every
// field that has r has one of them.
func (t *textIndex) eachKeyWith(h *hits, r rune, f func(ps []posting)) {
	if e := t.enc; e != nil {
		e.eachKeyWith(r, func(i int) { f(h.decode(e.bigramPost, e.bigramStart, i)) })
		return
	}
	for k, ps := range t.bigrams {
		if rune(k>>32) == r || rune(k) == r {
			f(h.filter(ps))
		}
	}
}

// eachKeyWith calls f with the index of each key that has r.
func (e *encodedText) eachKeyWith(r rune, f func(i int)) {
	// The keys are sorted: those that start with r (loneKey(r) too) are
	// one range; those that end with it are looked for in the rest, by
	// their low half.
	n := len(e.keys) / 8
	lo := sort.Search(n, func(i int) bool { return u64at(e.keys, i) >= uint64(r)<<32 })
	hi := lo + sort.Search(n-lo, func(i int) bool { return u64at(e.keys, lo+i) >= uint64(r+1)<<32 })
	for i := lo; i < hi; i++ {
		f(i)
	}
	// A key's low half is its first four bytes (little-endian): the keys
	// are searched for them as a string (strings.Index reads 28,000 keys
	// many bytes at a time), a match counting where it starts a key
	// outside the range.
	low := string([]byte{byte(r), byte(r >> 8), byte(r >> 16), byte(r >> 24)})
	for j, keys := 0, e.keys; ; {
		k := strings.Index(keys[j:], low)
		if k < 0 {
			break
		}
		if j += k; j%8 == 0 && (j/8 < lo || j/8 >= hi) {
			f(j / 8)
		}
		j++
	}
}

// collectKeysWith collects (see collect), at quality index qi, the
// documents and fields of every key that has r: an encoded index's lists
// read where they lie (错: 6,300 postings in 200 lists).
func (t *textIndex) collectKeysWith(h *hits, r rune, qi int) {
	e := t.enc
	if e == nil {
		t.eachKeyWith(h, r, func(ps []posting) { h.collect(t.n, ps, qi) })
		return
	}
	b := h.collector(t.n, qi)
	e.eachKeyWith(r, func(i int) {
		for x := postingBytes(e.bigramPost, e.bigramStart, i); len(x) >= 4; x = x[4:] {
			v := le32(x)
			if doc := postDoc(v); h.only == nil || h.only.has(doc) {
				h.collectOne(b, doc, uint8(v)&fieldBits)
			}
		}
	})
}

// bigramOf returns the fields in which document doc has the pair of CJK
// runes k, and whether it has it.
func (t *textIndex) bigramOf(k uint64, doc int32) (uint8, bool) {
	if e := t.enc; e != nil {
		i := e.bigramAt(k)
		if i < 0 {
			return 0, false
		}
		return postingOf(e.bigramPost, e.bigramStart, i, doc)
	}
	ps := t.bigrams[k]
	j, ok := slices.BinarySearchFunc(ps, doc, func(p posting, d int32) int { return cmp.Compare(p.doc, d) })
	if !ok {
		return 0, false
	}
	return ps[j].fields, true
}

// wordLen and bigramLen return the number of postings of a stem and of a
// pair of CJK runes, decoding none.
func (t *textIndex) wordLen(st string) int {
	if e := t.enc; e != nil {
		return listLen(e.wordStart, e.word(st))
	}
	return len(t.words[st])
}

func (t *textIndex) bigramLen(k uint64) int {
	if e := t.enc; e != nil {
		return listLen(e.bigramStart, e.bigramAt(k))
	}
	return len(t.bigrams[k])
}

// listLen returns the length of posting list i (none when i < 0) of an
// encoded table whose lists start as start says.
func listLen(start string, i int) int {
	if i < 0 {
		return 0
	}
	return int(u32at(start, i+1) - u32at(start, i))
}

// bigramBytes returns the postings of a pair of CJK runes encoded (see
// EncodeText): read where they lie, or, for an index built in memory,
// encoded here.
func (t *textIndex) bigramBytes(k uint64) string {
	if e := t.enc; e != nil {
		if j := e.bigramAt(k); j >= 0 {
			return postingBytes(e.bigramPost, e.bigramStart, j)
		}
		return ""
	}
	var b []byte
	for _, p := range t.bigrams[k] {
		b = binary.LittleEndian.AppendUint32(b, uint32(p.doc)<<8|uint32(p.fields))
	}
	return string(b)
}

// residualInto returns, as wordInto does, the residual prefix list of the
// stem st (see residualLists), and whether the index has one: what the
// stems st starts add to st's own postings at qualityPrefix.
func (t *textIndex) residualInto(h *hits, st string) ([]posting, bool) {
	e := t.enc
	if e == nil || e.resStems.Len() == 0 {
		return nil, false
	}
	i := e.word(st)
	if i < 0 {
		return nil, false
	}
	j := e.residual(i)
	if j < 0 {
		return nil, false
	}
	return h.decode(e.resPost, e.resStart, j), true
}

// eachWordFrom calls f with the postings, as wordInto returns them, of each
// indexed stem that starts with p, other than skip, in order.
func (t *textIndex) eachWordFrom(h *hits, p, skip string, f func(ps []posting)) {
	if e := t.enc; e != nil {
		e.eachWordFrom(p, func(i int, w string) {
			if w != skip {
				f(h.decode(e.wordPost, e.wordStart, i))
			}
		})
		return
	}
	i, _ := slices.BinarySearch(t.vocab, p)
	for ; i < len(t.vocab) && strings.HasPrefix(t.vocab[i], p); i++ {
		if w := t.vocab[i]; w != skip {
			f(h.filter(t.words[w]))
		}
	}
}

// curatedCommon reports whether document doc is a curated common entry
// (catalog.Catalog.CuratedCommonAt): ranking asks it of every strong hit, and
// a few hundred positions in one list answer without reading the catalog's
// record of each.
func (t *textIndex) curatedCommon(doc int32) bool { return t.commonDocs().has(doc) }

// commonDocs returns the curated common entries' documents (curatedCommon).
func (t *textIndex) commonDocs() bitset {
	t.commonOnce.Do(func() {
		t.commonSet = newBitset(t.n)
		if e := t.enc; e != nil {
			for i := range e.common.Len() {
				t.commonSet.set(int32(e.common.At(i)))
			}
			return
		}
		for _, d := range t.common {
			t.commonSet.set(d)
		}
	})
	return t.commonSet
}

// cjkTexts returns, by field, the texts of document doc that have CJK,
// joined.
func (t *textIndex) cjkTexts(doc int32) [numFields]string {
	if t.enc != nil {
		return docCJK(t.cat, int(doc))
	}
	return t.cjk[doc]
}

// codeHas reports whether code (lower-cased) contains f's string, and
// whether it is it or ends in "."+it.
func codeHas(code string, f *finder) (contains, is bool) {
	lower := f.pat
	if !f.in(code) {
		return false, false
	}
	return true, code == lower || strings.HasSuffix(code, lower) && code[len(code)-len(lower)-1] == '.'
}

// finder looks for one string in many (a ranking reads thousands of codes
// for its compact query) by the Boyer-Moore-Horspool rule: a step compares
// the last byte of the window and skips by it, so a code is passed over in
// a few steps, where strings.Contains compares at every byte.
type finder struct {
	pat  string
	skip [256]uint8 // by byte: how far the window moves when it ends in it
}

// newFinder returns a finder of pat (not empty).
func newFinder(pat string) *finder {
	f := &finder{pat: pat}
	m := min(len(pat), 255)
	for i := range f.skip {
		f.skip[i] = uint8(m)
	}
	for i := max(0, len(pat)-m); i < len(pat)-1; i++ {
		f.skip[pat[i]] = uint8(min(len(pat)-1-i, m))
	}
	return f
}

// in reports whether s contains f's string.
func (f *finder) in(s string) bool {
	m := len(f.pat)
	if m > 255 {
		return strings.Contains(s, f.pat)
	}
	last := f.pat[m-1]
	for i := 0; i+m <= len(s); {
		c := s[i+m-1]
		if c == last && s[i:i+m-1] == f.pat[:m-1] {
			return true
		}
		i += int(f.skip[c])
	}
	return false
}

// hasPhrase reports whether s, lower-cased, holds phrase (which is) as
// words: where it starts with a letter or digit, not right after one, and
// where it ends with one, not right before one ("invalid id" is not in
// "Invalid identifier", nor "not a" in "cannot add"). A summary holding the
// phrase thus holds each of its words: ranking reads only those summaries.
func hasPhrase(s, phrase string) bool {
	if !isASCII(phrase) {
		s = strings.ToLower(s)
	}
	if phrase == "" {
		return true
	}
	c0, u0 := phrase[0], upperASCII(phrase[0])
	for i := 0; i+len(phrase) <= len(s); i++ {
		if c := s[i]; c != c0 && c != u0 {
			continue
		}
		if i > 0 && isASCIIAlnumByte(phrase[0]) && isASCIIAlnumByte(s[i-1]) {
			continue
		}
		if e := i + len(phrase); e < len(s) && isASCIIAlnumByte(phrase[len(phrase)-1]) && isASCIIAlnumByte(s[e]) {
			continue
		}
		if equalFoldASCII(s[i:i+len(phrase)], phrase) {
			return true
		}
	}
	return false
}

// isASCIIAlnumByte reports whether c is an ASCII letter or digit.
func isASCIIAlnumByte(c byte) bool { return c < 0x80 && isASCIIAlnum(rune(c)) }

// upperASCII is c upper-cased if it is an ASCII lower-case letter.
func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// equalFoldASCII reports whether a, lower-cased in ASCII, is lower.
func equalFoldASCII(a, lower string) bool {
	for i := 0; i < len(a); i++ {
		c := a[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// docCJK returns, by field, the texts of the entry at position doc of c that
// have CJK, joined by "\n", as buildText keeps them.
func docCJK(c *catalog.Catalog, doc int) (out [numFields]string) {
	var parts [numFields][]string
	eachText(c, doc, c.DefinitionAt(doc), func(f int, s string) {
		if hasCJK(s) {
			parts[f] = append(parts[f], s)
		}
	})
	for f := range out {
		out[f] = strings.Join(parts[f], "\n")
	}
	return out
}

// buildText indexes the entries of c. It reads an imported entry's texts
// without building the entry: a search builds only the entries it returns.
func buildText(c *catalog.Catalog) *textIndex {
	n := c.Len()
	t := &textIndex{
		n:       n,
		cat:     c,
		words:   make(map[string][]posting, n/2+64),
		bigrams: make(map[uint64][]posting, n/2+64),
		cjk:     make([][numFields]string, n),
		last:    map[string][]int32{},
	}
	words := map[string]uint8{}
	spos := map[string]uint16{} // by stem: summaryPositions
	grams := map[uint64]uint8{}
	stems := map[string][]string{} // word as written -> wordStems(word); words repeat a lot
	var cjkParts []string
	for doc := range n {
		if c.CuratedCommonAt(doc) {
			t.common = append(t.common, int32(doc))
		}
		d := c.DefinitionAt(doc)
		clear(words)
		clear(spos)
		clear(grams)
		cur := -1
		summaries := 0    // summary texts read: the first's positions are kept, the next's presence (summaryPositions)
		flush := func() { // the CJK text of field cur is complete
			if cur >= 0 && len(cjkParts) > 0 {
				t.cjk[doc][cur] = strings.Join(cjkParts, "\n")
			}
			cjkParts = cjkParts[:0]
		}
		eachText(c, doc, d, func(f int, s string) {
			if f != cur {
				flush()
				cur = f
			}
			bit := uint8(1) << f
			hasC := false
			pos, second := 0, false // the run's position in s; whether s is the summary's second text
			if f == fieldSummary {
				second = summaries > 0
				summaries++
			}
			scan(s, false, func(w string) {
				st, ok := stems[w]
				if !ok {
					st = wordStems(w)
					stems[w] = st
				}
				for _, x := range st {
					words[x] |= bit
				}
				switch { // the whole word's stem only: a phrase is whole words
				case f == fieldSummary && second:
					spos[st[0]] |= sposSecond
				case f == fieldSummary:
					spos[st[0]] |= 1 << (pos & 7)
				}
				pos++
				if f == fieldCode && w == s[strings.LastIndexByte(s, '.')+1:] {
					t.last[st[0]] = append(t.last[st[0]], int32(doc)) // st[0]: the whole word's stem
				}
			}, func(run string) {
				pos++
				hasC = true
				if r, n := utf8.DecodeRuneInString(run); n == len(run) {
					grams[loneKey(r)] |= bit // a run of one character has no pair
				}
				forBigrams(run, func(k uint64) { grams[k] |= bit })
			})
			if hasC { // CJK has no case: the text is kept as written
				cjkParts = append(cjkParts, s)
			}
		})
		flush()
		for w, fields := range words {
			t.words[w] = append(t.words[w], posting{doc: int32(doc), fields: fields, spos: spos[w]})
		}
		for k, fields := range grams {
			t.bigrams[k] = append(t.bigrams[k], posting{doc: int32(doc), fields: fields})
		}
	}
	t.vocab = make([]string, 0, len(t.words))
	for w := range t.words {
		t.vocab = append(t.vocab, w)
	}
	slices.Sort(t.vocab)
	return t
}

// eachText calls f with each text of the entry at position doc of c, whose
// definition is d, and its field, field by field. An imported entry gives its
// code, description and solution (as remediation: the official texts and
// errcode's translations of them, catalog.Translated), read
// without building it: the guidance it borrows from its class is searched
// through the class's own entry, not once per product code.
func eachText(c *catalog.Catalog, doc int, d catalog.Definition, f func(field int, s string)) {
	f(fieldCode, d.Code)
	f(fieldSummary, d.Summary.En)
	f(fieldSummary, d.Summary.Zh)
	if d.Imported {
		if d.Solution.Zh != "" {
			f(fieldRemediation, d.Solution.Zh)
		}
		if d.Solution.En != "" {
			f(fieldRemediation, d.Solution.En)
		}
		return
	}
	e := c.EntryAt(doc)
	for _, c := range e.Causes {
		f(fieldCauses, c.En)
		f(fieldCauses, c.Zh)
	}
	for _, m := range e.Messages {
		f(fieldMessages, m)
	}
	for _, r := range e.Remediation {
		f(fieldRemediation, r.En)
		f(fieldRemediation, r.Zh)
	}
}

// wordStems returns the stems a word (as written) is indexed under: its own,
// and those of its CamelCase parts.
func wordStems(w string) []string {
	out := []string{stem(strings.ToLower(w))}
	camelParts(w, func(p string) {
		if st := stem(strings.ToLower(p)); !slices.Contains(out, st) {
			out = append(out, st)
		}
	})
	return out
}

// scan calls word for each run of letters and digits and cjk for each run of
// CJK characters in s; everything else separates them. With query set, the
// Chinese particles separate runs too.
func scan(s string, query bool, word, cjk func(string)) {
	start, kind := 0, 0 // kind: 0 separator, 1 word, 2 CJK
	for i, r := range s {
		k := 0
		switch {
		case r < 0x80:
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
				k = 1
			}
		case isCJK(r):
			k = 2
			if query && strings.ContainsRune(particles, r) {
				k = 0
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			k = 1
		}
		if k != kind {
			emit(s[start:i], kind, word, cjk)
			start, kind = i, k
		}
	}
	emit(s[start:], kind, word, cjk)
}

func emit(s string, kind int, word, cjk func(string)) {
	switch {
	case s == "":
	case kind == 1:
		word(s)
	case kind == 2:
		cjk(s)
	}
}

// isASCIIAlnum reports whether r is an ASCII letter or digit.
func isASCIIAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// isCJK reports whether r is a Han, kana or Hangul character.
func isCJK(r rune) bool {
	if 0x4E00 <= r && r <= 0x9FFF { // CJK Unified Ideographs: most of the Chinese text
		return true
	}
	return r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}

func hasCJK(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 { // ASCII, most of an English text
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isCJK(r) {
			return true
		}
		i += n - 1
	}
	return false
}

// loneKey is the key under which the index records a run of the one CJK
// character r, which has no pair: r with rune 0, which no text pairs with
// it. With it, every character of a text is in some key (see matchRune).
func loneKey(r rune) uint64 { return uint64(r) << 32 }

// forBigrams calls f with each pair of adjacent runes in run, packed.
func forBigrams(run string, f func(uint64)) {
	prev := rune(-1)
	for _, r := range run {
		if prev >= 0 {
			f(uint64(prev)<<32 | uint64(r))
		}
		prev = r
	}
}

// camelParts calls f with each CamelCase part of an ASCII word with more
// than one part: "IPLimitExceeded" gives IP, Limit, Exceeded; "Err404" gives
// Err, 404. Other words give nothing.
func camelParts(w string, f func(string)) {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return
		}
	}
	start, split := 0, false
	for i := 1; i < len(w); i++ {
		p, c := w[i-1], w[i]
		if isLower(p) && isUpper(c) || isDigit(p) != isDigit(c) ||
			isUpper(p) && isUpper(c) && i+1 < len(w) && isLower(w[i+1]) {
			f(w[start:i])
			start, split = i, true
		}
	}
	if split {
		f(w[start:])
	}
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// stem reduces a lower-cased English word to a crude stem so that the usual
// inflections meet: "expires", "expired", "expire" -> "expir"; "exceeds",
// "exceeded", "exceeding", "exceed" -> "exceed"; "frequencies" ->
// "frequency"; "limitation" -> "limit". Words of three letters or fewer, and
// words with digits, are kept as they are.
func stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if isDigit(w[i]) {
			return w
		}
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	switch {
	case strings.HasSuffix(w, "ation") && len(w) >= 9:
		w = w[:len(w)-5]
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ing") && len(w) >= 7:
		w = undouble(w[:len(w)-3])
	case strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && len(w) >= 5:
		w = undouble(w[:len(w)-2])
	}
	if strings.HasSuffix(w, "e") && len(w) >= 4 {
		w = w[:len(w)-1]
	}
	return w
}

// undouble drops the last letter of a doubled final consonant ("stopp" ->
// "stop"), except l, s and z ("call", "pass").
func undouble(w string) string {
	if n := len(w); n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeioulsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// qterm is one term of a text query.
type qterm struct {
	text string // lower-cased word, or CJK run
	stem string // stem of an English word
	cjk  bool
}

// parseQuery splits q into distinct terms: English words (without stop words
// and single letters, which match nearly everything and so rank nothing) and
// CJK runs; at most maxTerms of them. A query of only such words has no terms.
func parseQuery(q string) []qterm {
	var terms []qterm
	seen := map[string]bool{}
	scan(q, true, func(w string) {
		lw := strings.ToLower(w)
		t := qterm{text: lw, stem: stem(lw)}
		if seen["w:"+t.stem] {
			return
		}
		seen["w:"+t.stem] = true
		if !stopWord(lw) && len(lw) > 1 {
			terms = append(terms, t)
		}
	}, func(run string) {
		if !seen["c:"+run] {
			seen["c:"+run] = true
			terms = append(terms, qterm{text: run, cjk: true})
		}
	})
	if len(terms) > maxTerms {
		terms = terms[:maxTerms]
	}
	return terms
}

// compactQuery returns q lower-cased without white space when what is left
// looks like (part of) a code, and "" otherwise.
func compactQuery(q string) string {
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		case isCodeByte(c) || c == '.':
			b.WriteByte(c)
		default:
			return ""
		}
	}
	if b.Len() < 4 {
		return ""
	}
	return strings.ToLower(b.String())
}

// termHit is how one query term matched one document.
type termHit struct {
	q       [numFields]float32 // best quality by field
	cov     float32            // 1 when the term matched in full, the share matched otherwise
	pending bool               // on a bound: see matchCJK
}

// hits collects the termHits of one term, in order of first match. A
// frequent word matches thousands of documents: they are found through
// arrays indexed by document, not maps.
type hits struct {
	slot slots // by document: its index in docs plus one, 0 when not hit
	docs []int32
	h    []termHit

	// With mark set, the documents matched are only marked in it (a bit
	// each), not collected. With only set, documents outside it (a bit
	// each) are skipped. See rank.
	mark, only bitset
	// With mark set, matchCJK also marks the documents it matches in full
	// (or may: see matchCJK) in markFull, and those on a bound in
	// markPending, when these are set.
	markFull, markPending bitset

	cjkSlot   slots   // scratch for matchCJK, by document; all 0 between calls
	cjkDocs   []int32 // scratch for matchCJK (countCJK)
	cjkCounts []cjkCount
	cjkRun    string                       // the run cjkDocs and cjkCounts count in every document, if any
	buf       []posting                    // scratch for decoded postings
	texts     map[int32]*[numFields]string // texts read in this ranking (textsOf)

	// A word's postings but its stem's own (see gatherWord): the fields
	// of each document by quality (index in packedQuality), all 0 but
	// between first and last while collecting; then packed.
	byDoc       [len(packedQuality)][]uint8
	first, last int32
	touched     []int32 // the documents collected, once per quality, while few (see collectOne)
	collected   int     // how many pairs of document and quality were collected
	usedQ       uint8   // the qualities collected, a bit each
	packed      []uint64
	ownBytes    []byte // gatherWord's scratch, over an index built in memory
}

// reset empties h.
func (h *hits) reset() {
	for _, d := range h.docs {
		h.slot.set(d, 0)
	}
	h.docs, h.h = h.docs[:0], h.h[:0]
}

func (h *hits) get(doc int32) *termHit {
	th, _ := h.getNew(doc)
	return th
}

// getNew is get, and whether doc is new to h: its termHit all zero.
func (h *hits) getNew(doc int32) (*termHit, bool) {
	j := h.slot.index(doc)
	i := h.slot.atIndex(j)
	if i != 0 {
		return &h.h[i-1], false
	}
	h.docs = append(h.docs, doc)
	h.h = append(h.h, termHit{})
	i = int32(len(h.docs))
	h.slot.setIndex(j, i)
	return &h.h[i-1], true
}

// bitset is a set of documents, a bit each.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) set(doc int32)      { b[doc>>6] |= 1 << (doc & 63) }
func (b bitset) has(doc int32) bool { return b[doc>>6]&(1<<(doc&63)) != 0 }

// from returns the first document of b at or after doc, or -1.
func (b bitset) from(doc int32) int32 {
	i := int(doc >> 6)
	if i >= len(b) {
		return -1
	}
	for w := b[i] >> (doc & 63) << (doc & 63); ; w = b[i] {
		if w != 0 {
			return int32(i<<6 | bits.TrailingZeros64(w))
		}
		if i++; i == len(b) {
			return -1
		}
	}
}

// leap drops the encoded postings of list (in document order; the first,
// of document doc, not in b) before b's next document after doc: all of
// them when b has none.
func (b bitset) leap(list string, doc int32) string {
	next := b.from(doc + 1)
	if next < 0 {
		return ""
	}
	return postingsFrom(list, next)
}

// count returns the number of documents in b.
func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// slots maps a document to an index plus one (0 for none) in a list of the
// documents a search found. While the catalog has fewer than 65536
// documents no index exceeds a uint16, and a slot is one: the arrays span
// every document, so their size is most of the memory a search touches.
type slots struct {
	s16 []uint16
	s32 []int32 // with 65536 documents or more
	// With dense set, the arrays span only its documents, by their
	// number in it: a narrowed ranking's (see rankIn).
	dense *denseIndex
}

// denseIndex numbers the documents of a set 0, 1, 2... in order, so that
// arrays over a narrowed ranking's documents span those only: arrays over
// every document are faulted in page by page wherever a hit lies, and
// that is most of the cost of a ranking in a fresh process.
type denseIndex struct {
	set    bitset
	before []int32 // by word of set: the documents of the words before it
	n      int
}

func newDenseIndex(set bitset) *denseIndex {
	d := &denseIndex{set: set, before: make([]int32, len(set))}
	for i, w := range set {
		d.before[i] = int32(d.n)
		d.n += bits.OnesCount64(w)
	}
	return d
}

// pos returns the number of doc, which must be in the set.
func (d *denseIndex) pos(doc int32) int32 {
	w := doc >> 6
	return d.before[w] + int32(bits.OnesCount64(d.set[w]&(1<<(doc&63)-1)))
}

// makeSlots returns k slot arrays of n documents each, in one allocation.
func makeSlots(n, k int) []slots {
	out := make([]slots, k)
	if n < 1<<16 {
		buf := make([]uint16, k*n)
		for i := range out {
			out[i].s16 = buf[i*n : (i+1)*n : (i+1)*n]
		}
		return out
	}
	buf := make([]int32, k*n)
	for i := range out {
		out[i].s32 = buf[i*n : (i+1)*n : (i+1)*n]
	}
	return out
}

func (s slots) at(doc int32) int32 { return s.atIndex(s.index(doc)) }

func (s slots) set(doc, v int32) { s.setIndex(s.index(doc), v) }

// index is where doc's slot lies: at, set, atIndex and setIndex.
func (s slots) index(doc int32) int32 {
	if s.dense != nil {
		return s.dense.pos(doc)
	}
	return doc
}

func (s slots) atIndex(i int32) int32 {
	if s.s16 != nil {
		return int32(s.s16[i])
	}
	return s.s32[i]
}

func (s slots) setIndex(i, v int32) {
	if s.s16 != nil {
		s.s16[i] = uint16(v)
		return
	}
	s.s32[i] = v
}

// decode returns the postings of entry i of an encoded table (see
// postingsInto) as wordInto does: in h.buf, without those outside h.only,
// or none, marked in h.mark.
func (h *hits) decode(post, start string, i int) []posting {
	if h.mark != nil {
		markPostings(h.mark, post, start, i)
		return nil
	}
	h.buf = postingsInto(h.buf, post, start, i, h.only)
	return h.buf
}

// filter returns ps as wordInto does: without those outside h.only, or
// none, marked in h.mark.
func (h *hits) filter(ps []posting) []posting {
	switch {
	case h.mark != nil:
		for _, p := range ps {
			h.mark.set(p.doc)
		}
		return nil
	case h.only != nil:
		h.buf = h.buf[:0]
		for _, p := range ps {
			if h.only.has(p.doc) {
				h.buf = append(h.buf, p)
			}
		}
		return h.buf
	}
	return ps
}

// add collects the documents of ps (from wordInto or bigramInto, so
// already filtered) with quality q in the fields each is found in.
func (h *hits) add(ps []posting, q float32) {
	for _, p := range ps {
		th := h.get(p.doc)
		// The fields the word is in, lowest first: usually one or two.
		for m := p.fields; m != 0; m &= m - 1 {
			f := bits.TrailingZeros8(m)
			th.q[f] = max(th.q[f], q)
		}
	}
}

// matchWord collects the documents matching an English word: by stem, by
// prefix (raw or stem), and by synonym. Every match counts in full.
func (t *textIndex) matchWord(h *hits, raw, st string) {
	h.add(t.wordInto(h, st), qualityExact)
	t.otherLists(h, raw, st, h.add)
	for _, alt := range synonymsOf(st) {
		if hasCJK(alt) {
			t.matchCJK(h, alt, qualitySynonym, false)
		}
	}
	for i := range h.h {
		h.h[i].cov = 1
	}
}

// otherLists calls f with each posting list (as wordInto returns it) that
// an English word matches through besides its stem's own (qualityExact),
// and the quality its postings count at: those of the words the word
// starts, then of its synonyms that are words (not those that are Chinese
// phrases: see matchWord).
func (t *textIndex) otherLists(h *hits, raw, st string, f func(ps []posting, q float32)) {
	// Words the query word starts, as typed and as stemmed ("expire" -> "expir"
	// also starts "expiry"). The ranges may overlap: add keeps the best quality.
	// The words raw starts also start st when st is a prefix of raw
	// ("operation" -> "oper"): then one range holds both.
	stemRange := len(st) >= 4 && st != raw
	prefix := func(ps []posting) { f(ps, qualityPrefix) }
	switch {
	case st == raw && len(raw) >= 3 || stemRange && strings.HasPrefix(raw, st):
		// One range: the words st starts. Its residual list, where the
		// generated index has one, holds just what the range adds.
		if ps, ok := t.residualInto(h, st); ok {
			prefix(ps)
		} else {
			t.eachWordFrom(h, st, st, prefix)
		}
	default:
		if len(raw) >= 3 {
			t.eachWordFrom(h, raw, st, prefix)
		}
		if stemRange {
			t.eachWordFrom(h, st, st, prefix)
		}
	}
	for _, alt := range synonymsOf(st) {
		if !hasCJK(alt) {
			f(t.wordInto(h, alt), qualitySynonym)
		}
	}
}

// The qualities of packed postings (see gatherWord), by their index.
var packedQuality = [...]float32{qualityExact, qualityPrefix, qualitySynonym}

// gatherWord prepares a wordCursor over the documents matchWord would
// collect for an English word, without h's arrays indexed by document or a
// record per hit (most of the memory a search touches: invalid has 6,500
// documents): the stem's own postings are read where they lie, the others
// (prefixes, synonyms: see residualLists, packPhrase) collected and packed
// in document order (collect, pack).
func (t *textIndex) gatherWord(h *hits, raw, st string) wordCursor {
	h.first, h.last = math.MaxInt32, -1
	for _, alt := range synonymsOf(st) {
		if hasCJK(alt) {
			t.packPhrase(h, alt)
		}
	}
	t.otherLists(h, raw, st, func(ps []posting, q float32) {
		h.collect(t.n, ps, slices.Index(packedQuality[:], q))
	})
	var own string
	if e := t.enc; e != nil {
		if i := e.word(st); i >= 0 {
			own = postingBytes(e.wordPost, e.wordStart, i)
		}
	} else { // built in memory: encoded here, as the generated index holds it
		own = string(t.encodeWord(h.ownBytes[:0], st))
	}
	return wordCursor{own: own, only: h.only, rest: h.pack(), w: cursorWeights()}
}

// lastSegmentDocs returns the documents whose code's last segment has the
// stem st (lastSegment), or an empty set.
func (t *textIndex) lastSegmentDocs(st string) bitset {
	set := newBitset(t.n)
	if e := t.enc; e != nil {
		if i := e.word(st); i >= 0 {
			for p := postingBytes(e.wordPost, e.wordStart, i); len(p) >= 4; p = p[4:] {
				if x := le32(p); x&lastSegment != 0 {
					set.set(postDoc(x))
				}
			}
		}
		return set
	}
	for _, doc := range t.last[st] {
		set.set(doc)
	}
	return set
}

// encodeWord appends the postings of stem st of an index built in memory
// to b, as the generated index holds them (uint32: summary positions << 24
// | document << 8 | fields, lastSegment included).
func (t *textIndex) encodeWord(b []byte, st string) []byte {
	last := t.last[st]
	for _, p := range t.words[st] {
		f := uint32(p.fields)
		for len(last) > 0 && last[0] < p.doc {
			last = last[1:]
		}
		if len(last) > 0 && last[0] == p.doc {
			f |= lastSegment
		}
		if p.spos&sposSecond != 0 {
			f |= inSecond
		}
		b = binary.LittleEndian.AppendUint32(b, uint32(p.spos&0xFF)<<24|uint32(p.doc)<<8|f)
	}
	return b
}

// collect ORs the fields of ps (at quality index qi of packedQuality) into
// h.byDoc, a byte a document, for pack. A word's lists overlap and come
// in any order (hundreds of them for a prefix: "inval" starts 1,000
// words): ORing them by document costs a step a posting, where sorting or
// merging them cost more than the rest of the ranking.
func (h *hits) collect(n int, ps []posting, qi int) {
	if len(ps) == 0 {
		return
	}
	b := h.collector(n, qi)
	for _, p := range ps {
		h.collectOne(b, p.doc, p.fields)
	}
}

// collector returns the array of quality index qi that collect ORs into,
// for n documents, counted as used.
func (h *hits) collector(n, qi int) []uint8 {
	b := h.byDoc[qi]
	if len(b) != n {
		b = make([]uint8, n)
		h.byDoc[qi] = b
	}
	h.usedQ |= 1 << qi
	return b
}

// collectOne ORs fields into document doc of b, an array of collector's.
// It lists the documents in touched only while pack may sort them (see
// sparseShare).
func (h *hits) collectOne(b []uint8, doc int32, fields uint8) {
	if b[doc] == 0 {
		h.collected++
		if sparseShare*len(h.touched) < len(b) {
			h.touched = append(h.touched, doc)
		}
	}
	b[doc] |= fields
	h.first, h.last = min(h.first, doc), max(h.last, doc)
}

// sparseShare: pack sorts the documents collected when they are fewer
// than this share of their range, and reads the arrays otherwise (a sort
// costs some ten steps a document, the arrays a step for eight).
const sparseShare = 64

// onlyShare: pack reads the documents of hits.only, when set, rather than
// the arrays eight at a time, when they are fewer than this share of the
// range collected (a document costs about as much as two steps of eight).
const onlyShare = 4

// pack returns what collect gathered since h.first was reset, packed
// (document << 16 | quality index << 8 | fields) in document order, and
// clears it. A few documents are sorted; many (their lists can lie
// anywhere in the catalog) are read from the arrays eight at a time.
func (h *hits) pack() []uint64 {
	h.packed = slices.Grow(h.packed[:0], h.collected) // room up front: doubling faults in pages twice
	switch {
	case h.last < 0:
	case sparseShare*len(h.touched) < int(h.last-h.first):
		slices.Sort(h.touched)
		for i, doc := range h.touched {
			if i == 0 || doc != h.touched[i-1] {
				h.emit(int(doc))
			}
		}
	case h.only != nil && onlyShare*h.only.count() < int(h.last-h.first):
		// Collected through h.only (decode, packPhrase), so in it: its
		// documents read, not the arrays' whole range ("permission
		// denied": 1,700 documents, some 4,000 steps of eight).
		for w := int(h.first) >> 6; w <= int(h.last)>>6; w++ {
			for x := h.only[w]; x != 0; x &= x - 1 {
				h.emit(w<<6 | bits.TrailingZeros64(x))
			}
		}
	default:
		for lo := int(h.first) &^ 7; lo <= int(h.last); lo += 8 {
			var any uint64 // a byte a document: not 0 where one was collected
			for q := h.usedQ; q != 0; q &= q - 1 {
				b := h.byDoc[bits.TrailingZeros8(q)]
				if lo+8 <= len(b) {
					any |= binary.LittleEndian.Uint64(b[lo:])
				} else {
					for i := lo; i < len(b); i++ {
						any |= uint64(b[i]) << (8 * (i - lo))
					}
				}
			}
			for any != 0 {
				i := bits.TrailingZeros64(any) / 8
				h.emit(lo + i)
				any &^= 0xFF << (8 * i)
			}
		}
	}
	h.first, h.last, h.touched, h.collected, h.usedQ = math.MaxInt32, -1, h.touched[:0], 0, 0
	return h.packed
}

// emit packs what collect gathered of document doc, and clears it.
func (h *hits) emit(doc int) {
	for q := h.usedQ; q != 0; q &= q - 1 {
		qi := bits.TrailingZeros8(q)
		if b := h.byDoc[qi]; b[doc] != 0 {
			h.packed = append(h.packed, uint64(doc)<<16|uint64(qi)<<8|uint64(b[doc]))
			b[doc] = 0
		}
	}
}

// packPhrase collects (see collect), at qualitySynonym, the documents (in
// h.only, if set) and fields that have every pair of the Chinese phrase
// run: what matchCJK collects for a synonym, which its pairs decide
// (TestSynonymPairsMeanPhrase); for a single character, the documents of
// every key that has it, as for one typed (gatherChar).
func (t *textIndex) packPhrase(h *hits, run string) {
	qi := slices.Index(packedQuality[:], qualitySynonym)
	keys := cjkKeys(run)
	if len(keys) == 0 {
		r, _ := utf8.DecodeRuneInString(run)
		t.collectKeysWith(h, r, qi)
		return
	}
	// The pairs' lists, encoded (see EncodeText), read where they lie:
	// 不存在's are 3,000 postings each.
	lists := make([]string, len(keys))
	short := 0
	for i, k := range keys {
		lists[i] = t.bigramBytes(k)
		if len(lists[i]) < len(lists[short]) {
			short = i
		}
	}
	// The shortest list's documents, with the fields every other list has.
	b := h.collector(t.n, qi)
	for x := lists[short]; len(x) >= 4; x = x[4:] {
		v := le32(x)
		doc, fields := postDoc(v), uint8(v)
		if h.only != nil && !h.only.has(doc) {
			continue
		}
		for i := range lists {
			if i == short || fields == 0 {
				continue
			}
			y := lists[i]
			for len(y) >= 4 && postDoc(le32(y)) < doc {
				y = y[4:]
			}
			lists[i] = y
			if len(y) >= 4 && postDoc(le32(y)) == doc {
				fields &= y[0]
			} else {
				fields = 0
			}
		}
		if fields != 0 {
			h.collectOne(b, doc, fields)
		}
	}
}

// gatherChar is gatherWord for a single Chinese character r: the documents
// of every index key that has it (see eachKeyWith; 6,300 postings in 200
// lists for 错), in full, as matchCJK collects them.
func (t *textIndex) gatherChar(h *hits, r rune) wordCursor {
	h.first, h.last = math.MaxInt32, -1
	qi := slices.Index(packedQuality[:], qualityExact) // matchCJK's scale 1
	t.collectKeysWith(h, r, qi)
	return wordCursor{only: h.only, rest: h.pack(), w: cursorWeights()}
}

// wordCursor reads, in document order, the documents gatherWord found and
// their best quality by field, as matchWord collects them.
type wordCursor struct {
	own  string   // the stem's own postings, encoded (see EncodeText)
	only bitset   // if not nil, the documents of own to read
	rest []uint64 // the other postings, packed, sorted
	// last is whether the document next returned last has the stem as the
	// whole last segment of its code (lastSegment); ownPost, its own
	// posting as encoded (0 for none: see summaryPositions).
	last    bool
	ownPost uint32
	w       *weightTable // cursorWeights
}

// ownDoc returns the document of c's next own posting in only, and the
// posting, dropping those before it, or -1.
func (c *wordCursor) ownDoc() (int32, uint32) {
	if len(c.own) < 4 { // (a single character's cursor has none)
		return -1, 0
	}
	return c.ownDocSkip()
}

// ownDocSkip is ownDoc where own has postings left.
func (c *wordCursor) ownDocSkip() (int32, uint32) {
	own, only := c.own, c.only // locals: a step writes no field
	for len(own) >= 4 {
		x := le32(own)
		doc := postDoc(x)
		if only == nil || only.has(doc) {
			c.own = own
			return doc, x
		}
		// A narrowed ranking keeps a few of a broad word's postings
		// ("operation": 1,200 of 6,600).
		own = only.leap(own, doc)
	}
	c.own = own
	return -1, 0
}

// postingsFrom drops the encoded postings of list (in document order)
// before document doc, galloping: a step, two, four... then halving. Its
// first posting must be below doc.
func postingsFrom(list string, doc int32) string {
	n := len(list) / 4
	lo, hi := 0, 1 // postDoc of posting lo is below doc
	for hi < n && postDoc(le32(list[4*hi:])) < doc {
		lo, hi = hi, 2*hi
	}
	hi = min(hi, n)
	for lo+1 < hi { // posting lo below doc, posting hi (if any) at or after it
		mid := int(uint(lo+hi) >> 1)
		if postDoc(le32(list[4*mid:])) < doc {
			lo = mid
		} else {
			hi = mid
		}
	}
	return list[4*hi:]
}

// next returns the next document, with its qualities in q, or false at the
// end.
func (c *wordCursor) next(q *[numFields]float32) (int32, bool) {
	doc, x := c.ownDoc()
	if len(c.rest) > 0 && (doc < 0 || int32(c.rest[0]>>16) < doc) {
		doc, x = int32(c.rest[0]>>16), 0
	} else if doc < 0 {
		return 0, false
	} else {
		c.own = c.own[4:]
	}
	fields := uint8(x)
	c.last, c.ownPost = fields&lastSegment != 0, x
	*q = [numFields]float32{}
	for m := fields & fieldBits; m != 0; m &= m - 1 {
		q[bits.TrailingZeros8(m)] = qualityExact
	}
	for ; len(c.rest) > 0 && int32(c.rest[0]>>16) == doc; c.rest = c.rest[1:] {
		x := c.rest[0]
		v := packedQuality[x>>8&0xFF]
		for m := uint8(x); m != 0; m &= m - 1 {
			i := bits.TrailingZeros8(m)
			q[i] = max(q[i], v)
		}
	}
	return doc, true
}

// nextWeight is next for a caller that needs of a document's qualities
// only weighted(q) and kindOf(q): where the stem's own posting is all the
// document has (the usual case) they come from a table of its fields
// (weightTable), computed with the same operations. nextWeightSlow is
// the rest, apart so that the usual case makes no call.
func (c *wordCursor) nextWeight() (doc int32, w float64, kind uint16, ok bool) {
	if len(c.own) >= 4 {
		x := le32(c.own)
		doc = postDoc(x)
		if (c.only == nil || c.only.has(doc)) && (len(c.rest) == 0 || int32(c.rest[0]>>16) > doc) {
			c.own = c.own[4:]
			c.last, c.ownPost = x&lastSegment != 0, x
			f := uint8(x) & fieldBits
			return doc, c.w.exact[f], c.w.kind[f], true
		}
	}
	return c.nextWeightSlow()
}

func (c *wordCursor) nextWeightSlow() (doc int32, w float64, kind uint16, ok bool) {
	doc, x := c.ownDoc()
	if doc >= 0 && (len(c.rest) == 0 || int32(c.rest[0]>>16) > doc) {
		c.own = c.own[4:]
		c.last, c.ownPost = x&lastSegment != 0, x
		f := uint8(x) & fieldBits
		return doc, c.w.exact[f], c.w.kind[f], true
	}
	// A document with one other posting and no own one (a synonym's, a
	// longer word's): a table of its quality and fields too.
	if len(c.rest) > 0 {
		x := c.rest[0]
		if rd := int32(x >> 16); (doc < 0 || rd < doc) && (len(c.rest) == 1 || int32(c.rest[1]>>16) != rd) {
			c.rest = c.rest[1:]
			c.last, c.ownPost = false, 0
			f := uint8(x) & fieldBits
			return rd, c.w.rest[x>>8&0xFF][f], c.w.kind[f], true
		}
	}
	var q [numFields]float32
	doc, ok = c.next(&q)
	return doc, weighted(&q), kindOf(&q), ok
}

// weighedBlock is up to blockLen documents of a wordCursor, read in order
// by fill, as nextWeight returns them.
type weighedBlock struct {
	doc  [blockLen]int32
	w    [blockLen]float64
	kind [blockLen]uint16 // kindOf
	own  [blockLen]uint32 // the own posting, as encoded (0 for none): its summaryPositions
}

const blockLen = 128

// fill reads the next documents of c into b, as many as b holds or c has
// left, and returns how many: nextWeight's usual case in a loop over
// locals, which a call a document spends most of its time saving and
// reloading. (It leaves c.last as it finds it.)
func (c *wordCursor) fill(b *weighedBlock) int {
	own, only, w := c.own, c.only, c.w
	restDoc := int32(math.MaxInt32)
	if len(c.rest) > 0 {
		restDoc = int32(c.rest[0] >> 16)
	}
	n := 0
	for n < blockLen {
		if len(own) >= 4 {
			x := le32(own)
			if doc := postDoc(x); doc < restDoc && (only == nil || only.has(doc)) {
				own = own[4:]
				f := uint8(x) & fieldBits
				b.doc[n], b.w[n], b.kind[n], b.own[n] = doc, w.exact[f], w.kind[f], x
				n++
				continue
			}
		}
		c.own = own
		doc, w, kind, ok := c.nextWeightSlow()
		own = c.own
		if !ok {
			break
		}
		restDoc = math.MaxInt32
		if len(c.rest) > 0 {
			restDoc = int32(c.rest[0] >> 16)
		}
		b.doc[n], b.w[n], b.kind[n], b.own[n] = doc, w, kind, c.ownPost
		n++
	}
	c.own = own
	return n
}

// strongFields are the fields of a strong hit (see strong), a bit each.
const strongFields = 1<<fieldCode | 1<<fieldSummary

// A term hit's kind (kindOf): one of these for a strong hit, and one for a
// hit in the summary, as counts that add up term by term (rankWords sums
// the kinds of a document's hits: cand.strong and cand.summary).
const (
	kindStrong  = 1
	kindSummary = 1 << 8
)

// kindOf returns the kind of a term hit with qualities q.
func kindOf(q *[numFields]float32) uint16 { return kindOfFields(fieldsOf(q)) }

// fieldsOf returns the fields in which q has a quality, a bit each.
func fieldsOf(q *[numFields]float32) uint8 {
	var m uint8
	for f := range numFields {
		if q[f] > 0 {
			m |= 1 << f
		}
	}
	return m
}

// kindOfFields is kindOf by the fields of a hit, a bit each.
func kindOfFields(m uint8) uint16 {
	var k uint16
	if m&strongFields != 0 {
		k |= kindStrong
	}
	if m&(1<<fieldSummary) != 0 {
		k |= kindSummary
	}
	return k
}

// weightTable is weighted (and kindOf) by set of fields (a bit each) with
// one quality in those fields: what nextWeight and fill read instead of
// building a document's qualities. Built on first use (cursorWeights): a
// run that searches no text never computes it.
type weightTable struct {
	exact [1 << numFields]float64                     // qualityExact
	rest  [len(packedQuality)][1 << numFields]float64 // by quality index (packedQuality)
	kind  [1 << numFields]uint16                      // kindOfFields
}

var cursorWeights = sync.OnceValue(func() *weightTable {
	w := &weightTable{exact: weightsAt(qualityExact)}
	for qi, v := range packedQuality {
		w.rest[qi] = weightsAt(v)
	}
	for m := range w.kind {
		w.kind[m] = kindOfFields(uint8(m))
	}
	return w
})

// weightsAt is weighted by set of fields (a bit each) with quality v in
// those fields.
func weightsAt(v float32) (t [1 << numFields]float64) {
	for m := range t {
		var q [numFields]float32
		for f := range numFields {
			if m&(1<<f) != 0 {
				q[f] = v
			}
		}
		t[m] = weighted(&q)
	}
	return t
}

// count returns the number of documents c has left, reading none.
func (c wordCursor) count() int {
	n := 0
	for {
		doc, _ := c.ownDoc()
		switch {
		case len(c.rest) > 0 && (doc < 0 || int32(c.rest[0]>>16) <= doc):
			d := int32(c.rest[0] >> 16)
			for len(c.rest) > 0 && int32(c.rest[0]>>16) == d {
				c.rest = c.rest[1:]
			}
			if d == doc {
				c.own = c.own[4:]
			}
		case doc >= 0:
			c.own = c.own[4:]
		default:
			return n
		}
		n++
	}
}

// matchCJK collects the documents containing run (scaled by scale), and,
// with partial, those sharing at least a third of its bigrams.
//
// A field that has every bigram of a run of three characters or more may
// still lack the run ("不存" and "存在" apart): only its text can tell, and
// texts lie all over the catalog ("参数错误" has 750 such documents). So no
// text is read here. With partial (a Chinese term of the query, h holding
// only its hits), such a document is collected on a bound, as if the field
// had the run, and marked pending: rank settles it, reading its text, only
// if it comes near the top. Without partial (a synonym's phrase), the
// bigrams decide: in the embedded catalog every field with all the bigrams
// of a synonym has the phrase (TestSynonymPairsMeanPhrase).
func (t *textIndex) matchCJK(h *hits, run string, scale float32, partial bool) {
	keys := cjkKeys(run)
	if len(keys) == 1 && utf8.RuneCountInString(run) == 2 {
		// A run of two characters is its one bigram: a field that has the
		// bigram has the run, in full.
		n := len(h.h)
		h.add(t.bigramInto(h, keys[0]), scale)
		for i := n; i < len(h.h); i++ {
			h.h[i].cov = 1
		}
		return
	}
	if len(keys) == 0 { // a single character
		n := len(h.h)
		t.eachKeyWith(h, []rune(run)[0], func(ps []posting) { h.add(ps, scale) })
		for i := n; i < len(h.h); i++ {
			h.h[i].cov = 1
		}
		return
	}
	if h.mark != nil && h.markFull == nil && h.only == nil && !partial && !readTextsFirst {
		// Only marking (narrow: a word's Chinese synonym), where a field
		// has every pair: sets, not counts.
		t.cjkSets(h, keys, nil, h.mark)
		return
	}
	docs, counts := t.countCJK(h, run, keys)
	t.matchCJKCounted(h, run, keys, docs, counts, scale, partial)
}

// countCJK counts, by document, the bigrams keys of run that documents have
// (in h.only, when set). A count over every document is kept in h
// (cjkRun): a long run that narrow counted is matched again in h.only from
// its counts.
func (t *textIndex) countCJK(h *hits, run string, keys []uint64) ([]int32, []cjkCount) {
	if h.cjkRun == run {
		return h.cjkDocs, h.cjkCounts
	}
	h.cjkRun = ""
	slot := h.cjkSlot // by document: its index in docs plus one
	docs, counts := h.cjkDocs[:0], h.cjkCounts[:0]
	if h.only != nil { // room for them all up front: doubling faults pages in twice
		n := h.only.count()
		docs, counts = slices.Grow(docs, n), slices.Grow(counts, n)
	}
	for _, k := range keys {
		// Read where they lie (an index built in memory encodes them).
		x := t.bigramBytes(k)
		for len(x) >= 4 {
			v := le32(x)
			doc := postDoc(v)
			if h.only != nil && !h.only.has(doc) {
				// Most of a pair's postings lie outside a product's
				// entries (lookup --product).
				x = h.only.leap(x, doc)
				continue
			}
			x = x[4:]
			j := slot.index(doc)
			i := slot.atIndex(j)
			if i == 0 {
				docs = append(docs, doc)
				counts = append(counts, 0)
				i = int32(len(docs))
				slot.setIndex(j, i)
			}
			counts[i-1].add(uint8(v) & fieldBits)
		}
	}
	for _, doc := range docs {
		slot.set(doc, 0)
	}
	h.cjkDocs, h.cjkCounts = docs, counts
	if h.only == nil {
		h.cjkRun = run // counted in every document
	}
	return docs, counts
}

// matchCJK's main part, with counts of the bigrams of run in docs.
func (t *textIndex) matchCJKCounted(h *hits, run string, keys []uint64, docs []int32, counts []cjkCount, scale float32, partial bool) {
	need := len(keys)
	if partial {
		need = max(1, len(keys)/3)
	}
	for i, doc := range docs {
		c := &counts[i]
		if c.any() < need || h.only != nil && !h.only.has(doc) {
			continue
		}
		every := c.every(len(keys))
		if h.mark != nil && !readTextsFirst {
			// Found (with partial, any document with its share of the
			// bigrams is), in full or may be (every), on a bound (pending).
			if partial || every {
				h.mark.set(doc)
			}
			if every && h.markFull != nil {
				h.markFull.set(doc)
			}
			if every && partial && h.markPending != nil {
				h.markPending.set(doc)
			}
			continue
		}
		var texts *[numFields]string // nil: by the bigrams
		if readTextsFirst && every {
			x := t.cjkTexts(doc)
			texts = &x
		}
		hit, found := cjkHit(run, c, len(keys), scale, partial, texts)
		if !found {
			continue
		}
		if h.mark != nil {
			h.mark.set(doc)
			if h.markFull != nil && hit.cov >= 1 {
				h.markFull.set(doc)
			}
			if h.markPending != nil && partial && hit.pending {
				h.markPending.set(doc)
			}
			continue
		}
		th, isNew := h.getNew(doc)
		if isNew {
			th.q, th.cov = hit.q, hit.cov
		} else {
			for f := range numFields {
				th.q[f] = max(th.q[f], hit.q[f])
			}
			th.cov = max(th.cov, hit.cov)
		}
		th.pending = th.pending || partial && hit.pending // a synonym's bigrams decide
	}
}

// readTextsFirst makes matchCJK read texts instead of deciding by the
// bigrams: the test that deciding so changes no result sets it.
var readTextsFirst = false

// cjkKeys returns the distinct bigrams of run, at most maxBigrams.
func cjkKeys(run string) []uint64 {
	var keys []uint64
	forBigrams(run, func(k uint64) {
		if len(keys) < maxBigrams && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	})
	return keys
}

// cjkCount counts the bigrams of a run (up to maxBigrams) that a document
// has, in any field (byte 0) and by field f (byte 1+f): one word, so that
// counting a posting is one addition (cjkInc).
type cjkCount uint64

// cjkInc is what a posting found in the fields of its index adds.
var cjkInc = func() (inc [1 << numFields]cjkCount) {
	for m := range inc {
		inc[m] = 1
		for f := range numFields {
			if m&(1<<f) != 0 {
				inc[m] += 1 << (8 * (f + 1))
			}
		}
	}
	return inc
}()

func (c *cjkCount) add(fields uint8) { *c += cjkInc[fields&(1<<numFields-1)] }

// any is the number of bigrams found in any field.
func (c cjkCount) any() int { return int(c & 0xFF) }

// field is the number found in field f.
func (c cjkCount) field(f int) int { return int(c >> (8 * (f + 1)) & 0xFF) }

// every reports whether some field has all nb bigrams.
func (c cjkCount) every(nb int) bool {
	for f := range numFields {
		if c.field(f) == nb {
			return true
		}
	}
	return false
}

// cjkHit is how a run with nb distinct bigrams (scaled by scale) matches a
// document that has c of them, its texts by field given. With texts nil, a
// field that has every bigram counts as having the run, and the hit is
// pending if any does: a bound of the hit its texts give, never below it.
func cjkHit(run string, c *cjkCount, nb int, scale float32, partial bool, texts *[numFields]string) (th termHit, found bool) {
	full := false
	for f := range numFields {
		n := c.field(f)
		switch {
		case n == 0: // (most fields)
		case n == nb && (texts == nil || strings.Contains(texts[f], run)):
			th.q[f], full, found = scale, true, true
			th.pending = th.pending || texts == nil
		case partial:
			th.q[f], found = scale*qualityBigram*float32(n)/float32(nb), true
		}
	}
	if full {
		th.cov = 1
	} else {
		th.cov = qualityBigram * float32(c.any()) / float32(nb)
	}
	return th, found
}

// settleCJK returns how the Chinese term run matches document doc on a
// bound, as matchCJK collects it, and exactly, from the document's texts.
func (t *textIndex) settleCJK(doc int32, run string, texts *[numFields]string) (bound, exact termHit) {
	keys := cjkKeys(run)
	cnt := t.cjkCountOf(doc, keys)
	bound, _ = cjkHit(run, &cnt, len(keys), 1, true, nil)
	exact, _ = cjkHit(run, &cnt, len(keys), 1, true, texts)
	exact.pending = bound.pending
	return bound, exact
}

// cjkCountOf counts the bigrams keys that document doc has.
func (t *textIndex) cjkCountOf(doc int32, keys []uint64) cjkCount {
	var c cjkCount
	for _, k := range keys {
		if fields, ok := t.bigramOf(k, doc); ok {
			c.add(fields)
		}
	}
	return c
}

// match collects the documents matching term into h.
func (t *textIndex) match(h *hits, term qterm) {
	if term.cjk {
		t.matchCJK(h, term.text, 1, true)
	} else {
		t.matchWord(h, term.text, term.stem)
	}
}

// narrow returns the documents that match every term in full, when they
// hold at least limit results (limit distinct codes, with distinct), and
// the number of documents each term matches (for its idf). Every other
// document matches fewer terms in full and so scores below all of them
// (see rank), so rank need score only those: a broad query ("operation
// denied": "operation" is in the code of 6,200 FailedOperation
// definitions; "参数错误": 4,000 entries have some of its pairs) then builds
// records for a thousand hits instead of six. Finding them costs a bit per
// posting, and the texts of a few documents that match on a bound (see
// matchCJK): enough of them to tell that limit results match in full. It
// returns a nil set when they are too few.
func (t *textIndex) narrow(h *hits, terms []qterm, limit int, distinct bool, keys catalog.Keys) (bitset, []int) {
	df := make([]int, len(terms))
	pending := make([]bitset, len(terms)) // by term: documents matched on a bound
	var all, unsure bitset
	for i, term := range terms {
		found, set, pend := t.termSets(h, term)
		df[i], pending[i] = found.count(), pend
		if pend != nil {
			if unsure == nil {
				unsure = newBitset(t.n)
			}
			for j, w := range pend {
				unsure[j] |= w
			}
		}
		if all == nil {
			all = slices.Clone(set)
			continue
		}
		for j := range all {
			all[j] &= set[j]
		}
	}
	found := 0
	seen := map[int]bool{}
	for j, w := range all {
		for ; w != 0 && found < limit; w &= w - 1 {
			doc := int32(j<<6 | bits.TrailingZeros64(w))
			k := 0
			if distinct {
				if k = keys.Of(int(doc)); seen[k] {
					continue
				}
			}
			if unsure != nil && unsure.has(doc) && !t.fullOnRead(h, doc, terms, pending) {
				continue
			}
			if distinct {
				seen[k] = true
			}
			found++
		}
	}
	if found < limit {
		return nil, df
	}
	return all, df
}

// broadPostings is the size of a posting list from which narrowing pays:
// below it, ranking every hit costs less than finding those that match
// every term (signature expire, 签名过期: a few hundred hits).
const broadPostings = 1000

// broad reports whether some term's own word or bigram has broadPostings
// postings or more, a word's with its synonyms' ("permission":
// unauthorized, cam, 权限, 授权): a cheap sign that the query has thousands
// of hits.
func (t *textIndex) broad(terms []qterm) bool {
	for _, term := range terms {
		if term.cjk {
			for _, k := range cjkKeys(term.text) {
				if t.bigramLen(k) >= broadPostings {
					return true
				}
			}
			continue
		}
		if t.wordLen(term.stem)+t.synonymPostings(term.stem) >= broadPostings {
			return true
		}
	}
	return false
}

// termSets returns the documents term matches (found), those it matches in
// full or, pending, may (full), and those of full matched on a bound
// (pending; nil for a word, which always matches in full).
func (t *textIndex) termSets(h *hits, term qterm) (found, full, pending bitset) {
	found = newBitset(t.n)
	defer func() { h.mark, h.markFull, h.markPending = nil, nil, nil }()
	if !term.cjk {
		// Every match of a word counts in full.
		h.mark = found
		t.match(h, term)
		return found, found, nil
	}
	// A Chinese term may match in part. A pair or one character matches
	// wherever it is found, in full.
	full = newBitset(t.n)
	if keys := cjkKeys(term.text); len(keys) >= 2 && len(keys) <= 5 {
		// Found by any bigram (matchCJK needs a third of them), in full
		// (on a bound, pending) where one field has all: sets, not counts.
		t.cjkSets(h, keys, found, full)
		return found, full, full
	}
	h.mark, h.markFull, h.markPending = found, full, newBitset(t.n)
	t.match(h, term)
	if utf8.RuneCountInString(term.text) <= 2 {
		full = found
	}
	return found, full, h.markPending
}

// cjkSets marks in found (unless nil) the documents that have any of the
// bigrams keys, and in every those with all of them in one field.
func (t *textIndex) cjkSets(h *hits, keys []uint64, found, every bitset) {
	var acc, cur [numFields]bitset
	for f := range numFields {
		acc[f], cur[f] = newBitset(t.n), newBitset(t.n)
	}
	for i, k := range keys {
		for f := range numFields {
			clear(cur[f])
		}
		// Read where they lie: 参数错误's pairs have 3,000 postings each.
		// They come in document order: the bits of one word of the sets
		// are gathered (by fields: a handful of masks) and written once
		// (see markPostings).
		w := int32(-1)
		var any uint64
		var byMask [fieldBits + 1]uint64 // by fields: the word's documents
		var used uint32                  // the masks of byMask set
		flush := func() {
			if w < 0 {
				return
			}
			if found != nil {
				found[w] |= any
			}
			for ; used != 0; used &= used - 1 {
				m := bits.TrailingZeros32(used)
				for fs := uint8(m); fs != 0; fs &= fs - 1 {
					cur[bits.TrailingZeros8(fs)][w] |= byMask[m]
				}
				byMask[m] = 0
			}
		}
		for x := t.bigramBytes(k); len(x) >= 4; x = x[4:] {
			v := le32(x)
			doc := postDoc(v)
			if doc>>6 != w {
				flush()
				w, any = doc>>6, 0
			}
			bit := uint64(1) << (doc & 63)
			m := uint8(v) & fieldBits
			any |= bit
			byMask[m] |= bit
			used |= 1 << m
		}
		flush()
		for f := range numFields {
			if i == 0 {
				copy(acc[f], cur[f])
				continue
			}
			for j := range acc[f] {
				acc[f][j] &= cur[f][j]
			}
		}
	}
	for f := range numFields {
		for j, w := range acc[f] {
			every[j] |= w
		}
	}
}

// textsOf is cjkTexts, read once in a ranking: narrow reads the texts of
// documents that rank settles again.
func (t *textIndex) textsOf(h *hits, doc int32) *[numFields]string {
	if x, ok := h.texts[doc]; ok {
		return x
	}
	if h.texts == nil {
		h.texts = map[int32]*[numFields]string{}
	}
	x := t.cjkTexts(doc)
	h.texts[doc] = &x
	return &x
}

// fullOnRead reports whether document doc, which matches each of its
// pending terms on a bound, matches them in full, its texts read.
func (t *textIndex) fullOnRead(h *hits, doc int32, terms []qterm, pending []bitset) bool {
	texts := t.textsOf(h, doc)
	for i, term := range terms {
		if pending[i] != nil && pending[i].has(doc) {
			if _, exact := t.settleCJK(doc, term.text, texts); exact.cov < 1 {
				return false
			}
		}
	}
	return true
}

// cand is a document that a query's terms hit, being scored (see rank).
type cand struct {
	partial, rel float64
	pending      uint32 // bit i: term i matched on a bound (see matchCJK)
	full, strong uint8  // terms matched in full (maxTerms at most); of those, in the code or summary
	summary      uint8  // of the terms matched in full, those in the summary
	// noPhrase is set where the terms' summaryPositions show that the
	// summary cannot hold the phrase (phraseCheck).
	noPhrase bool
}

// count counts a term's hit th among c's matches: in full (and strong, in
// the code or summary), or in part.
func (c *cand) count(th *termHit) {
	if th.cov >= 1 {
		c.full++
		if th.strong() {
			c.strong++
		}
		if th.q[fieldSummary] > 0 {
			c.summary++
		}
	} else {
		c.partial += float64(th.cov)
	}
}

// strong reports whether th matched in the code or the summary.
func (th *termHit) strong() bool { return strong(&th.q) }

// strong reports whether qualities q are in the code or the summary.
func strong(q *[numFields]float32) bool { return q[fieldCode] > 0 || q[fieldSummary] > 0 }

// rankMem is the memory of one ranking: slot arrays over every document
// (or, narrowed, over its documents: denseIndex) and records reserved for
// its hits (reserve). A ranking leaves them as it found them (slots all
// zero) for the next one, which a long-lived process then runs without
// allocating or clearing them again.
type rankMem struct {
	slots    []slots // by document: candidates, a term's hits, matchCJK's scratch
	docs     []int32 // the candidates, in order of first hit
	cands    []cand
	h        hits
	items    []rankItem
	keyInfo  []uint8 // by key (see rank), all 0 between rankings
	keysUsed bool    // keyInfo may be written
	dense    bool    // the ranking's slots are dense (over h.only), not slots
	slotted  bool    // slots[0] holds docs (not with one term)
}

// rankMem returns the memory of a ranking over t, with keys codes.
func (t *textIndex) rankMem(keys int) *rankMem {
	if m, ok := t.mem.Get().(*rankMem); ok && len(m.keyInfo) == keys {
		return m
	}
	sl := makeSlots(t.n, 3)
	return &rankMem{slots: sl, h: hits{slot: sl[1], cjkSlot: sl[2]}, keyInfo: make([]uint8, keys)}
}

// reserve makes room in m for the records of k hits, unless it has it. Room
// up front: growing an array by doubling copies, and clears, each larger
// one, pages a fresh process faults in one by one. But not room for every
// document: the runtime counts an allocation in full, touched or not, and
// a few megabytes start a garbage collection, which in a process of a few
// milliseconds slows everything after it (lookup --product ranked 2-4x
// slower).
func (m *rankMem) reserve(k int) {
	if cap(m.docs) < k {
		m.docs = make([]int32, 0, k)
		m.cands = make([]cand, 0, k)
		m.h.docs = make([]int32, 0, k)
		m.h.h = make([]termHit, 0, k)
		m.items = make([]rankItem, 0, k)
	}
}

// release clears what m's ranking wrote and keeps m for the next.
func (t *textIndex) release(m *rankMem) {
	if !m.dense && m.slotted {
		for _, doc := range m.docs {
			m.slots[0].set(doc, 0)
		}
	}
	m.docs = m.docs[:0]
	if m.dense { // h's slots are the ranking's own, dropped: not cleared
		m.h.docs, m.h.h = m.h.docs[:0], m.h.h[:0]
	} else {
		m.h.reset()
	}
	m.h.slot, m.h.cjkSlot, m.dense, m.slotted = m.slots[1], m.slots[2], false, false
	m.h.mark, m.h.only, m.h.cjkRun = nil, nil, ""
	clear(m.h.texts)
	if m.keysUsed {
		clear(m.keyInfo)
		m.keysUsed = false
	}
	t.mem.Put(m)
}

// What is known of each distinct code (ignoring case) that hits share
// (InternalError is a code of some 200 products), by key (see
// catalog.Keys.Of), in rankMem.keyInfo: whether it holds the compact
// query, and whether a result has it.
const (
	keyRead = 1 << iota // keyIn and keyIs are known
	keyIn               // the code contains the compact query
	keyIs               // the code is it or ends in "."+it
	keySeen             // a result has this code (distinct)
	keyKept             // rankWords kept a hit of this code with a score (bestOf)
)

// codeFacts reports whether code k (see catalog.Keys.Of) holds compact
// (the compact query's finder), and whether it is it or ends in "."+it, reading the
// code (from the keys' compact table) once per distinct code; info is
// keyInfo.
func (ix *Index) codeFacts(info []uint8, k int, compact *finder) (inCode, isCode bool) {
	x := info[k]
	if x&keyRead == 0 {
		x |= keyRead
		if in, is := codeHas(ix.keys.Lower(k), compact); in {
			x |= keyIn
			if is {
				x |= keyIs
			}
		}
		info[k] = x
	}
	return x&keyIn != 0, x&keyIs != 0
}

// mayHold reports whether the code of document doc may contain the string
// whose catalogfmt.KeyGrams are grams (it does not when it lacks one of
// them), reading its key's grams, not the code.
func (ix *Index) mayHold(grams uint32, doc int32) bool {
	return ix.keys.Grams(ix.keys.Of(int(doc)))&grams == grams
}

// scoreOf is a hit's score from its base (terms matched), relevance and the
// bonuses (see rank): one expression, so that every path computes a score
// with the same floating-point operations.
func scoreOf(base, rel float64, inCode bool, common, exact, phr float64) float64 {
	if inCode {
		rel += codeBonus
	}
	g := (4*common + 2*exact + phr + rel/(rel+relSaturation)) / 8
	return base + 0.5*g
}

// scoreSlack is how far below the last kept score a bound must lie to drop
// a hit (topWord): scores are near 1, their rounding errors near 1e-16.
const scoreSlack = 1e-9

// maxTopWord is the largest limit topWord keeps its results for in a list
// it scans.
const maxTopWord = 64

// topWord is rankIn for a query of one word (English, or one Chinese
// character) with no phrase, distinct codes and a small limit. Every hit
// matches the word, in full, so a hit's score needs only its own term hit
// and code: each is scored as it comes, and only the best definition of
// the best limit codes is kept, by the order of the full ranking (score,
// then catalog order). The hits are read in document order from the
// word's postings (gatherWord, gatherChar, wordCursor).
// A broad word (invalid: 6,500 hits) thus writes no record per hit and
// touches no array indexed by document. Scores are computed with the same
// operations as rank's (scoreOf).
func (ix *Index) topWord(t *textIndex, m *rankMem, term qterm, df []int, compact string, limit int) []PosHit {
	h := &m.h
	h.reset()
	var cur wordCursor
	if term.cjk {
		r, _ := utf8.DecodeRuneInString(term.text)
		cur = t.gatherChar(h, r)
	} else {
		cur = t.gatherWord(h, term.text, term.stem)
	}
	nd := cur.count()
	if nd == 0 {
		return nil
	}
	if df != nil {
		nd = df[0] // only the hits in h.only are read
	}
	idf := math.Log(1 + float64(t.n)/float64(nd))
	m.keysUsed = true
	type best struct {
		key   int
		doc   int32
		score float64
	}
	// before is the full ranking's order: higher score, then catalog order.
	before := func(a, b *best) bool { return a.score > b.score || a.score == b.score && a.doc < b.doc }
	top := make([]best, 0, limit)
	worst := 0                            // index in top of the last in order, once top is full
	compactIsWord := compact == term.text // the query is the word as typed
	var find *finder                      // compact's, once a code is read
	consider := func(doc int32, w float64, strongHit bool) {
		var rel float64
		rel += float64(idf * w) // as rank adds it to a candidate
		var exact, common float64
		if strongHit && t.curatedCommon(doc) {
			common = 1
		}
		if len(top) == limit {
			// A hit that cannot beat the last kept is dropped before its
			// code is read, by a bound: the code may hold the query, and
			// may be it (or end in "."+it) only where the word is its last
			// segment (lastSegment; when the compact query is the word, as
			// typed, else it may anywhere). (The margin keeps the bound
			// above the score whatever the rounding.)
			mayBe := 0.0
			if compact != "" && (!compactIsWord || cur.last) {
				mayBe = 1
			}
			if scoreOf(1, rel/1, compact != "", common, mayBe, 0) < top[worst].score-scoreSlack {
				return
			}
		}
		key := ix.keys.Of(int(doc))
		var inCode, isCode bool
		if compact != "" {
			if find == nil {
				find = newFinder(compact)
			}
			inCode, isCode = ix.codeFacts(m.keyInfo, key, find)
		}
		if isCode {
			exact = 1
		}
		b := best{key: key, doc: doc, score: scoreOf(1, rel/1, inCode, common, exact, 0)}
		if len(top) == limit && !before(&b, &top[worst]) {
			return
		}
		j := slices.IndexFunc(top, func(x best) bool { return x.key == b.key })
		switch {
		case j >= 0:
			if !before(&b, &top[j]) {
				return
			}
			top[j] = b
		case len(top) < limit:
			top = append(top, b)
		default:
			top[worst] = b
		}
		if len(top) == limit {
			worst = 0
			for j := range top {
				if before(&top[worst], &top[j]) {
					worst = j
				}
			}
		}
	}
	for {
		doc, w, kind, ok := cur.nextWeight()
		if !ok {
			break
		}
		consider(doc, w, kind&kindStrong != 0)
	}
	slices.SortFunc(top, func(a, b best) int {
		if before(&a, &b) {
			return -1
		}
		return 1
	})
	out := make([]PosHit, len(top))
	for i, b := range top {
		out[i] = PosHit{Pos: int(b.doc), Score: b.score}
	}
	return out
}

// Where a word is in a summary, its summaryPositions: by its position in
// the summary's first (English) text, the number of runs of letters and
// digits, or of CJK characters, before it as scan reads the text, modulo
// 8, a bit each (bits 0 to 7: bits 24 to 31 of its postings in the
// generated index), and whether it is in the second (Chinese) text at all
// (sposSecond: the posting's inSecond bit). Only the whole word's stem has
// them, not its CamelCase parts'. A summary holds a phrase as whole words
// (hasPhrase) only where its terms are as many positions apart in the
// first text as in the phrase, or all in the second: this rules out most
// summaries that hold every word but not as the phrase ("invalid id":
// "Invalid instance ID"; "parameter is invalid": "Invalid input
// parameter"), which would otherwise be read (TestPhraseNeedsEveryTermIn
// Summary checks the rule on the catalog).

// sposSecond is the summaryPositions bit of a word in the second text.
const sposSecond = 1 << 8

// phraseCheck tells from the terms' summaryPositions whether a summary may
// hold the phrase: by the terms that are one run of it, each at its
// offset (0 to 7: the run's position modulo 8).
type phraseCheck struct {
	terms []int   // indexes of the terms checked
	offs  []uint8 // their offsets
}

// newPhraseCheck returns the check of phrase for terms (English words), or
// nil where fewer than two terms are one run each of it (nothing to tell).
func newPhraseCheck(phrase string, terms []qterm) *phraseCheck {
	if phrase == "" {
		return nil
	}
	var runs []string // the phrase's runs, as scan reads a text ("" for CJK)
	scan(phrase, false, func(w string) { runs = append(runs, stem(strings.ToLower(w))) },
		func(string) { runs = append(runs, "") })
	var c phraseCheck
	for ti, term := range terms {
		at, n := 0, 0
		for i, st := range runs {
			if !term.cjk && st == term.stem {
				at, n = i, n+1
			}
		}
		if n == 1 {
			c.terms, c.offs = append(c.terms, ti), append(c.offs, uint8(at&7))
		}
	}
	if len(c.terms) < 2 {
		return nil
	}
	return &c
}

// may reports whether the summary of the i-th document of blocks (one a
// term, in step) may hold the phrase: some start position agrees with
// every checked term's positions.
func (c *phraseCheck) may(blocks []weighedBlock, i int) bool {
	first, second := uint8(0xFF), true // the start positions every term allows; all in the second text
	for k, ti := range c.terms {
		x := postSpos(blocks[ti].own[i])
		first &= bits.RotateLeft8(uint8(x), -int(c.offs[k]))
		second = second && x&sposSecond != 0
	}
	return first != 0 || second
}

// wordsOnly reports whether every term is an English word.
func wordsOnly(terms []qterm) bool {
	return !slices.ContainsFunc(terms, func(x qterm) bool { return x.cjk })
}

// rankWords is rankIn for a query of English words narrowed to the
// documents with every word (h.only). Each word's hits come from a
// wordCursor in document order, all in step (each reads every document of
// h.only), a block at a time (fill), and each document is weighed as it
// comes, with the sums rankIn's loop makes, to the bound that reads
// nothing (ranker.bound: the code's grams tell whether it may hold the
// compact query, mayHold, and the words' summary positions whether the
// summary may hold the phrase, phraseCheck); one that can have no bonus is
// dropped on its relevance alone (relFloorFor), most before a record is
// made for it. Only the best keep are kept (in a heap, the
// worst on top), refined to the bound that reads the code as they are, and
// with distinct codes only those that may beat the best score of their
// code kept before them; so a broad query (invalid parameter: 6,061
// documents, InvalidParameter of 200 products) writes no record per hit.
// The first of the hits not kept (by before) bounds them all; when the
// ranking reaches it, it runs again keeping more. It reports false, having
// ranked nothing, if the cursors are not in step (they are:
// TestWordCursorsInStep).
func (ix *Index) rankWords(r *ranker, m *rankMem, df []int, limit int, distinct bool) ([]PosHit, bool) {
	t, h, terms := r.t, r.h, r.terms
	start := make([]wordCursor, len(terms))
	for ti, term := range terms {
		h.reset()
		start[ti] = t.gatherWord(h, term.text, term.stem)
		start[ti].rest = slices.Clone(start[ti].rest) // h's buffer serves the next word
		if df[ti] > 0 {
			r.idfs[ti] = math.Log(1 + float64(t.n)/float64(df[ti]))
		}
	}
	r.maxFull = len(terms)
	curs := make([]wordCursor, len(terms))
	blocks := make([]weighedBlock, len(terms))
	check := newPhraseCheck(r.phrase, terms)
	var rel [blockLen]float64
	var kinds [blockLen]uint16
	var bestOf map[int]float64 // by code (distinct, keyKept): the best score kept
	if distinct {
		bestOf = make(map[int]float64, 256) // room up front: growing it cost more than filling it
	}
	for keep := max(wordsKeep, 4*limit); ; keep *= 8 {
		copy(curs, start)
		for k := range bestOf {
			r.keyInfo[k] &^= keyKept
		}
		clear(bestOf)
		if cap(m.items) < keep {
			m.items = make([]rankItem, 0, keep)
		}
		if cap(m.cands) < keep {
			m.cands = make([]cand, 0, keep)
		}
		kept, cands := rankHeap(m.items[:0]), m.cands[:0]
		// The first, by before, of the hits not kept.
		outside := rankItem{key: math.Inf(-1)}
		notKept := func(key float64, doc int32) {
			if x := (rankItem{key: key, doc: doc}); x.before(&outside) {
				outside = x
			}
		}
		// relFloorFor(worst, ...) for hits whose code may hold the compact
		// query, for the others that may have the phrase, and for the
		// rest: each computed when the worst kept changed (its key was
		// another).
		var floors [3]struct{ key, floor float64 }
		for i := range floors {
			floors[i].key = math.NaN()
		}
		floorFor := func(i int, worst float64) float64 {
			if f := &floors[i]; f.key != worst {
				f.key, f.floor = worst, r.relFloorFor(worst, i == 0 && r.compact != "", i <= 1 && r.phrase != "")
			}
			return floors[i].floor
		}
		// Most hits fall below the floor for any hit (floorFor(0)) of the
		// worst kept (worst0, once kept is full) when they are read: they
		// are counted once (dropped: the worst only rises, so the last hit
		// dropped was below the highest) rather than each passed to
		// notKept.
		floor0, worst0, dropped := math.Inf(-1), math.Inf(-1), math.Inf(-1)
		for {
			n := curs[0].fill(&blocks[0])
			for ti := 1; ti < len(curs); ti++ {
				if curs[ti].fill(&blocks[ti]) != n {
					return nil, false
				}
			}
			if n == 0 {
				break
			}
			// The block's sums, term by term, in rankIn's order.
			b0 := &blocks[0]
			for i := range n {
				rel[i] = float64(r.idfs[0] * b0.w[i]) // rounded: never fused (as rankIn adds)
				kinds[i] = b0.kind[i]
			}
			for ti := 1; ti < len(blocks); ti++ {
				b, idf := &blocks[ti], r.idfs[ti]
				for i := range n {
					if b.doc[i] != b0.doc[i] {
						return nil, false
					}
					rel[i] += float64(idf * b.w[i])
					kinds[i] += b.kind[i]
				}
			}
			for i := range n {
				doc := b0.doc[i]
				// A hit whose bound that reads nothing cannot beat the worst
				// kept is not kept (nor its code read); one kept is refined
				// to the bound that reads its code, or its score. Most hits
				// can have no bonus, and their relevance tells (relFloorFor):
				// first by the floor of any hit, before a record is made.
				strong := uint8(kinds[i])
				if rel[i] < floor0 && !r.mayBeExact(doc) && !r.mayBeCommonBy(doc, strong) {
					dropped = worst0
					continue
				}
				// Every word in full (cand.count).
				c := cand{rel: rel[i], full: uint8(len(terms)), strong: strong, summary: uint8(kinds[i] >> 8)}
				// Then, for a hit whose code cannot hold the compact query
				// (mayHold), by the floor of those, knowing whether the
				// words' positions let its summary hold the phrase
				// (phraseCheck: asked otherwise only of a hit that would be
				// kept).
				hold := r.mayHold(doc)
				checked := check == nil || int(c.summary) != len(terms)
				if len(kept) == keep && r.compact != "" && !hold {
					if !checked {
						c.noPhrase, checked = !check.may(blocks, i), true
					}
					fl := 2
					if r.mayPhrase(&c, false) {
						fl = 1
					}
					if c.rel < floorFor(fl, worst0) && !r.mayBeExact(doc) && !r.mayBeCommon(doc, &c) {
						dropped = worst0
						continue
					}
				}
				key := r.boundHeld(doc, &c, hold)
				if len(kept) == keep && key <= kept[0].key {
					notKept(key, doc)
					continue
				}
				// Where the words' positions do not let the summary hold
				// the phrase, the bound is lower.
				if !checked && !check.may(blocks, i) {
					c.noPhrase = true
					if key = r.boundHeld(doc, &c, hold); len(kept) == keep && key <= kept[0].key {
						notKept(key, doc)
						continue
					}
				}
				it := rankItem{doc: doc, key: key, level: 1}
				r.refineCand(&it, &c)
				k := -1
				if distinct {
					// A code is listed once: a hit whose bound is at most
					// the score of a hit of its code kept before it can
					// never be listed. (A kept hit later dropped for
					// better ones leaves its score: what it beats is below
					// them too.)
					k = r.ix.keys.Of(int(doc))
					if r.keyInfo[k]&keyKept != 0 && it.key <= bestOf[k] {
						continue
					}
				}
				switch {
				case len(kept) < keep:
					it.c = int32(len(cands))
					cands = append(cands, c)
					kept = append(kept, it)
					kept.upWorst(len(kept) - 1)
				case it.key > kept[0].key:
					notKept(kept[0].key, kept[0].doc)
					it.c = kept[0].c
					cands[it.c] = c
					kept[0] = it
					kept.downWorst(0)
				default:
					notKept(it.key, doc)
					continue
				}
				if len(kept) == keep {
					worst0 = kept[0].key
					floor0 = floorFor(0, worst0)
				}
				if k >= 0 && it.level == 3 {
					bestOf[k] = it.key
					r.keyInfo[k] |= keyKept
				}
			}
		}
		if !math.IsInf(dropped, -1) {
			notKept(dropped, math.MaxInt32) // below its floor: after it whatever their document
		}
		r.cands = cands
		kept.init()
		if out, ok := r.run(kept, nil, outside, limit, distinct); ok {
			return out, true
		}
	}
}

// wordsKeep is the fewest hits rankWords keeps. (A variable: a test lowers
// it, so that rankings read their hits again.)
var wordsKeep = 64

// postingsOf returns the number of postings matching term reads (its
// word's, those of the words it starts and of its synonyms; or its
// pairs'), decoding none: a bound of its hits.
func (t *textIndex) postingsOf(term qterm) int {
	n := 0
	if term.cjk {
		for _, k := range cjkKeys(term.text) {
			n += t.bigramLen(k)
		}
		return n
	}
	n += t.wordLen(term.stem)
	words := func(p string) {
		if e := t.enc; e != nil {
			e.eachWordFrom(p, func(i int, _ string) { n += listLen(e.wordStart, i) })
			return
		}
		i, _ := slices.BinarySearch(t.vocab, p)
		for ; i < len(t.vocab) && strings.HasPrefix(t.vocab[i], p); i++ {
			n += len(t.words[t.vocab[i]])
		}
	}
	if len(term.text) >= 3 {
		words(term.text)
	}
	if len(term.stem) >= 4 && term.stem != term.text {
		words(term.stem)
	}
	return n + t.synonymPostings(term.stem)
}

// synonymPostings returns the number of postings of the synonyms of stem
// st (their words', or their pairs'), decoding none.
func (t *textIndex) synonymPostings(st string) int {
	n := 0
	for _, alt := range synonymsOf(st) {
		if hasCJK(alt) {
			for _, k := range cjkKeys(alt) {
				n += t.bigramLen(k)
			}
		} else {
			n += t.wordLen(alt)
		}
	}
	return n
}

// rankItem is a hit being ranked (see rank): its key is an upper bound of
// its score until level 2, when it is the score.
type rankItem struct {
	doc   int32
	c     int32   // index in cands
	key   float64 // bound, or score when level is 3 (see refine)
	level uint8
}

// before reports whether a comes before b: higher key, then catalog order.
func (a *rankItem) before(b *rankItem) bool {
	if a.key != b.key {
		return a.key > b.key
	}
	return a.doc < b.doc
}

// rankHeap is a binary heap of rankItems, the first (before) at the top;
// fix restores the order after the top's key is lowered.
type rankHeap []rankItem

func newRankHeap(s []rankItem) rankHeap {
	h := rankHeap(s)
	h.init()
	return h
}

// init orders the whole heap, after any keys changed.
func (h rankHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *rankHeap) pop() {
	s := *h
	n := len(s) - 1
	s[0] = s[n]
	*h = s[:n]
	if n > 0 {
		h.down(0)
	}
}

// upWorst and downWorst restore a heap of the worst key first (rankWords'
// kept hits) after item i is added or its key raised.
func (h rankHeap) upWorst(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if h[p].key <= h[i].key {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func (h rankHeap) downWorst(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		if r := l + 1; r < len(h) && h[r].key < h[l].key {
			l = r
		}
		if h[i].key <= h[l].key {
			return
		}
		h[i], h[l] = h[l], h[i]
		i = l
	}
}

func (h rankHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		if r := l + 1; r < len(h) && h[r].before(&h[l]) {
			l = r
		}
		if !h[l].before(&h[i]) {
			return
		}
		h[i], h[l] = h[l], h[i]
		i = l
	}
}

// phraseOf is q as a phrase to look for in a summary: lower-cased, its words
// joined by single spaces; "" for a query of one word, which has no phrase.
func phraseOf(q string) string {
	f := strings.Fields(strings.ToLower(q))
	if len(f) < 2 {
		return ""
	}
	return strings.Join(f, " ")
}

// Text searches the code, summary, causes, messages and remediation of every
// entry, in English and Chinese, for the free-text query q, and returns up to
// limit hits (all when limit <= 0), best first; equal scores keep catalog
// order. An entry matching every term ranks above any entry matching fewer.
// See the package documentation for tokenising, stemming, Chinese matching
// and synonyms. It returns nil for an empty query or when nothing matches.
func (ix *Index) Text(q string, limit int) []Hit {
	ranked := ix.TextPositions(q, limit)
	if ranked == nil {
		return nil
	}
	out := make([]Hit, len(ranked))
	for i, r := range ranked {
		out[i] = Hit{Entry: ix.cat.EntryAt(r.Pos), Score: r.Score}
	}
	return out
}

// PosHit is a Text hit by catalog position, its entry not built.
type PosHit struct {
	Pos   int
	Score float64
}

// TextPositions is Text without building the entries it finds: their
// catalog positions (see [catalog.Catalog.EntryAt]), best first.
func (ix *Index) TextPositions(q string, limit int) []PosHit { return ix.rank(q, limit, false) }

// TextCodes is TextPositions with one hit per code (ignoring case): the best
// definition of each of up to limit codes (all when limit <= 0), best first.
// A code that several products define counts once, so a limit of 10 gives
// ten codes however many products share the best ones.
func (ix *Index) TextCodes(q string, limit int) []PosHit { return ix.rank(q, limit, true) }

// TextCodesIn is TextCodes over the documents at catalog positions docs
// only (a product's entries, say), which is much cheaper than ranking every
// hit and keeping docs' (lookup --product). A term's weight still counts
// every entry that has it; the bonuses of the hits matching the most terms
// (see rank) go to the best among docs.
func (ix *Index) TextCodesIn(q string, limit int, docs []int) []PosHit {
	if len(docs) == 0 {
		return nil
	}
	return ix.rankIn(q, limit, true, docs)
}

// rank is TextPositions and TextCodes (distinct).
func (ix *Index) rank(q string, limit int, distinct bool) []PosHit {
	return ix.rankIn(q, limit, distinct, nil)
}

// rankIn is rank over the documents among only, unless among is nil.
func (ix *Index) rankIn(q string, limit int, distinct bool, among []int) []PosHit {
	terms := parseQuery(q)
	if len(terms) == 0 || ix.cat.Len() == 0 {
		return nil
	}
	t := ix.textIndex()
	m := t.rankMem(ix.keys.Len())
	defer t.release(m)
	h := &m.h
	var df []int // by term: the documents it matches, when narrow counted them
	broad := t.broad(terms)
	// Narrowing pays where some hits match fewer terms in full than others:
	// with several terms, or a Chinese term that may match in part.
	switch {
	case among != nil:
		df = make([]int, len(terms)) // counted in every document
		for i, term := range terms {
			found, _, _ := t.termSets(h, term)
			df[i] = found.count()
		}
		h.only = newBitset(t.n)
		for _, p := range among {
			if p >= 0 && p < t.n {
				h.only.set(int32(p))
			}
		}
	case limit > 0 && (len(terms) > 1 || terms[0].cjk && utf8.RuneCountInString(terms[0].text) > 2) && broad:
		h.only, df = t.narrow(h, terms, limit, distinct, ix.keys)
	}
	if len(terms) == 1 && (!terms[0].cjk || utf8.RuneCountInString(terms[0].text) == 1) && distinct && limit > 0 && limit <= maxTopWord && phraseOf(q) == "" {
		return ix.topWord(t, m, terms[0], df, compactQuery(q), limit)
	}
	r := &ranker{ix: ix, t: t, h: h, terms: terms, n: float64(len(terms)), idfs: make([]float64, len(terms)),
		compact: compactQuery(q), phrase: phraseOf(q), keyInfo: m.keyInfo, common: t.commonDocs()}
	r.grams = catalogfmt.KeyGrams(r.compact)
	m.keysUsed = r.compact != "" || distinct
	// The hits whose code may be the compact query or end in "."+it: those
	// whose code's last segment it is (lastSegment), when it is one word
	// (nil: any may).
	if r.compact != "" && !strings.ContainsFunc(r.compact, func(r rune) bool { return !isASCIIAlnum(r) }) {
		r.mayBeCode = t.lastSegmentDocs(stem(r.compact))
	}
	// Narrowed to the hits with every word of a query of English words:
	// their hits come from cursors in document order, with no arrays
	// indexed by document (rankWords).
	if h.only != nil && among == nil && wordsOnly(terms) {
		if out, ok := ix.rankWords(r, m, df, limit, distinct); ok {
			return out
		}
	}
	m.reserve(min(t.n, 2048)) // most queries have fewer hits
	slot, docs, cands := m.slots[0], m.docs, m.cands
	if h.only != nil {
		// Arrays over the documents in h.only only.
		d := newDenseIndex(h.only)
		m.reserve(d.n)
		docs, cands = m.docs, m.cands
		ds := makeSlots(d.n, 3)
		for i := range ds {
			ds[i].dense = d
		}
		slot, h.slot, h.cjkSlot, m.dense = ds[0], ds[1], ds[2], true
	} else if broad {
		// Thousands of hits: room for them all (at most the postings the
		// terms read), so that no array grows (and is copied) on the way.
		total := 0
		for _, term := range terms {
			total += t.postingsOf(term)
		}
		m.reserve(min(t.n, total))
		docs, cands = m.docs, m.cands
	}
	for ti, term := range terms {
		h.reset()
		t.match(h, term)
		if len(h.docs) == 0 {
			continue
		}
		nd := len(h.docs)
		if df != nil {
			nd = df[ti] // h.docs holds only those in h.only
		}
		idf := math.Log(1 + float64(t.n)/float64(nd))
		r.idfs[ti] = idf
		for i, doc := range h.docs {
			th := &h.h[i]
			fs := weighted(&th.q)
			var j int32
			if len(terms) > 1 { // one term's documents are distinct: no slot needed
				j = slot.at(doc)
			}
			if j == 0 {
				docs = append(docs, doc)
				cands = append(cands, cand{})
				j = int32(len(docs))
				if len(terms) > 1 {
					slot.set(doc, j)
				}
			}
			c := &cands[j-1]
			c.count(th)
			c.rel += float64(idf * fs) // rounded: never fused (topWord adds alike)
			if th.pending {
				c.pending |= 1 << ti
			}
		}
	}
	m.docs, m.slotted = docs, len(terms) > 1 // for release to clear their slots
	if len(docs) == 0 {
		return nil
	}
	r.cands = cands
	// maxFull, the most terms any hit matches in full, is exact: settle hits
	// on a bound of that many until one keeps it.
	for i := range cands {
		r.maxFull = max(r.maxFull, int(cands[i].full))
	}
	for r.maxFull > 0 {
		sure := false
		for i := range cands {
			if c := &cands[i]; int(c.full) == r.maxFull {
				r.settle(docs[i], c)
				if int(c.full) == r.maxFull {
					sure = true
					break
				}
			}
		}
		if sure {
			break
		}
		r.maxFull--
	}
	// Hits whose first bound is not within a half of the best one (those
	// matching fewer terms) wait outside the heap, cold, until the heap's
	// top no longer leads the best of them: a broad query has a thousand
	// such hits, and most queries never need them.
	if cap(m.items) < len(docs) {
		m.items = make([]rankItem, len(docs))
	}
	items := m.items[:len(docs)]
	maxKey := math.Inf(-1)
	for i, doc := range docs {
		c := &cands[i]
		items[i] = rankItem{doc: doc, c: int32(i), key: float64(c.full) + 0.5*c.partial/r.n + 0.5}
		maxKey = max(maxKey, items[i].key)
	}
	hot, cold := 0, len(items) // items[:hot] hot, items[cold:] cold
	coldMax := math.Inf(-1)
	for hot < cold {
		if items[hot].key > maxKey-0.5 {
			hot++
			continue
		}
		cold--
		items[hot], items[cold] = items[cold], items[hot]
		coldMax = max(coldMax, items[cold].key)
	}
	// (doc -1: a hit of the heap leads the cold only with a key above all
	// of theirs.)
	out, _ := r.run(newRankHeap(items[:hot]), items[cold:], rankItem{key: coldMax, doc: -1}, limit, distinct)
	return out
}

// ranker scores the hits of one ranking (see rankIn), lazily.
//
// A hit scores its base (terms matched) plus less than a half, g/2:
//
//	g = (4*common + 2*exact + phrase + rel/(rel+relSaturation)) / 8
//
// Within the hits that match as many terms, in this order: the common
// code of the concept (every term in its code or summary: "rate limit"
// is RequestLimitExceeded, not teo's LimitExceeded.RateLimitExceeded), a
// code whose last segment is the query ("too many requests":
// LimitExceeded.TooManyRequests), a hit with the query's words as one
// phrase, then relevance.
//
// Scoring reads the catalog (the code of a hit; the summary, for the
// phrase), and a broad query has thousands of hits, so hits are scored
// lazily, best bound first: each starts with the bound base+1/2, is
// refined to a bound that reads nothing, then to one that reads only its
// code (the phrase counted as if found when only its summary can tell),
// then, if that bound still leads, to its score; a hit whose score leads
// every other's bound is the next result (run). Every step only lowers a
// hit's key and each key is computed from non-negative terms in the same
// order, so a bound is never below the score, in floating point too, and
// the results come in the order a full sort by score (then catalog order)
// gives.
type ranker struct {
	ix      *Index
	t       *textIndex
	h       *hits
	terms   []qterm
	n       float64   // len(terms)
	idfs    []float64 // by term
	cands   []cand    // the hits, as rankItem.c indexes them
	maxFull int       // the most terms a hit matches in full
	compact string    // compactQuery
	find    *finder   // compact's, once a code is read
	phrase  string    // phraseOf
	// mayBeCode holds the hits whose code may be the compact query or end
	// in "."+it (nil: any may).
	mayBeCode bitset
	common    bitset  // the curated common entries (textIndex.curatedCommon)
	keyInfo   []uint8 // rankMem.keyInfo
	grams     uint32  // catalogfmt.KeyGrams of compact (mayHold)
}

// settle reads the texts of a hit whose Chinese terms matched on a bound
// (see matchCJK) and makes its record exact; it reports whether that
// changed it (then its score is lower than the bound).
func (r *ranker) settle(doc int32, c *cand) bool {
	if c.pending == 0 {
		return false
	}
	texts := r.t.textsOf(r.h, doc)
	changed := false
	for p := c.pending; p != 0; p &= p - 1 {
		ti := bits.TrailingZeros32(p)
		bound, exact := r.t.settleCJK(doc, r.terms[ti].text, texts)
		if exact == bound {
			continue
		}
		changed = true
		c.full-- // the bound matched in full
		if bound.strong() {
			c.strong--
		}
		if bound.q[fieldSummary] > 0 {
			c.summary--
		}
		c.count(&exact)
		c.rel += r.idfs[ti] * (weighted(&exact.q) - weighted(&bound.q))
	}
	c.pending = 0
	return changed
}

// bound is refine's level 1 for the hit doc whose record is c: a bound
// of its score that reads nothing (the code may hold the query where its
// grams say, be it where mayBeCode says, and the phrase be found where
// the code may hold the query or the summary holds every term).
func (r *ranker) bound(doc int32, c *cand) float64 { return r.boundHeld(doc, c, r.mayHold(doc)) }

// boundHeld is bound for a hit whose code may hold the compact query or
// not (mayHold).
func (r *ranker) boundHeld(doc int32, c *cand, hold bool) float64 {
	base := float64(c.full)
	if c.partial != 0 {
		base += 0.5 * c.partial / r.n
	}
	var exact, common, phr float64
	if int(c.full) == r.maxFull && c.full > 0 {
		if r.mayBeExact(doc) {
			exact = 1
		}
		if r.mayPhrase(c, hold) {
			phr = 1
		}
		if r.mayBeCommon(doc, c) {
			common = 1
		}
	}
	return scoreOf(base, c.rel/r.n, hold, common, exact, phr)
}

// mayHold reports whether the code of hit doc may hold the compact query.
func (r *ranker) mayHold(doc int32) bool { return r.compact != "" && r.ix.mayHold(r.grams, doc) }

// mayPhrase reports whether a hit matching as many terms in full as any,
// whose record is c and whose code may hold the compact query or not, may
// have the phrase (see refineCand).
func (r *ranker) mayPhrase(c *cand, hold bool) bool {
	return r.phrase != "" && (r.compact == "" || hold || r.summaryMayHold(c))
}

// summaryMayHold reports whether the summary of a hit whose record is c may
// hold the phrase: it holds every term, where their positions allow.
func (r *ranker) summaryMayHold(c *cand) bool { return int(c.summary) == len(r.terms) && !c.noPhrase }

// mayBeExact reports whether the code of hit doc may be the compact query
// or end in "."+it (not read: see mayBeCode).
func (r *ranker) mayBeExact(doc int32) bool {
	return r.compact != "" && (r.mayBeCode == nil || r.mayBeCode.has(doc))
}

// mayBeCommon reports whether hit doc, whose record is c, is a curated
// common entry with every term in its code or summary.
func (r *ranker) mayBeCommon(doc int32, c *cand) bool { return r.mayBeCommonBy(doc, c.strong) }

// mayBeCommonBy is mayBeCommon for a hit with strong terms in its code or
// summary (cand.strong), before its record is made.
func (r *ranker) mayBeCommonBy(doc int32, strong uint8) bool {
	return int(strong) == len(r.terms) && r.common.has(doc)
}

// relFloorFor returns a relevance (cand.rel) below which the bound of a
// hit matching every term in full, that may be neither exact nor common
// (mayBeExact, mayBeCommon), whose code may hold the compact query or not
// (hold: mayHold) and that may have the phrase or not (mayPhrase), is below
// key: scoreOf solved for the relevance, less a margin, and checked (the
// bound rises with the relevance, and its rounding errors are far below
// scoreSlack). It returns -Inf where no relevance is sure to be: then
// every hit is weighed.
func (r *ranker) relFloorFor(key float64, hold, phrase bool) float64 {
	var phr float64
	if phrase {
		phr = 1
	}
	// The bound is n + (phr + y)/16 here, y = x/(x+relSaturation) of
	// x = rel/n (+ codeBonus): below key-scoreSlack while y < ymax.
	ymax := 16*(key-scoreSlack-r.n) - phr
	if ymax <= 0 {
		return math.Inf(-1)
	}
	if ymax >= 1 {
		return math.Inf(1)
	}
	x := relSaturation * ymax / (1 - ymax)
	if hold {
		x -= codeBonus
	}
	rel := x * r.n * (1 - 1e-9)
	if rel <= 0 || !(scoreOf(r.n, rel/r.n, hold, 0, 0, phr) < key-scoreSlack/2) {
		return math.Inf(-1)
	}
	return rel
}

// refine lowers a hit's key one level: to the bound that reads nothing
// (level 1), to one that reads only its code (level 2, the phrase counted
// as found when only its summary can tell), or to its score (level 3).
func (r *ranker) refine(it *rankItem) { r.refineCand(it, &r.cands[it.c]) }

// refineCand is refine for the hit whose record is c.
func (r *ranker) refineCand(it *rankItem, c *cand) {
	if it.level == 0 {
		it.key = r.bound(it.doc, c)
		it.level = 1
		return
	}
	base := float64(c.full) + 0.5*c.partial/r.n
	rel := c.rel / r.n
	// Whether the code holds the compact query, and is it or ends in
	// it, ignoring case: once per distinct code.
	var inCode, isCode bool
	if r.mayHold(it.doc) {
		if r.find == nil {
			r.find = newFinder(r.compact)
		}
		inCode, isCode = r.ix.codeFacts(r.keyInfo, r.ix.keys.Of(int(it.doc)), r.find)
	}
	var exact, common, phr float64
	pending := false // phr is a bound, the summary unread
	if int(c.full) == r.maxFull && c.full > 0 {
		if isCode {
			exact = 1
		}
		if r.phrase != "" && (r.compact == "" || inCode) {
			phr = 1
		}
		// The common code needs every term in its code or summary; the
		// phrase in the summary, every term in the summary (a summary
		// holds the phrase only where it holds each of its words: the
		// rest are never read).
		if int(c.strong) == len(r.terms) && r.common.has(it.doc) {
			common = 1
		}
		if phr == 0 && r.phrase != "" && r.summaryMayHold(c) {
			if it.level == 1 {
				phr, pending = 1, true // a bound: only the summary can tell
			} else {
				d := r.t.cat.DefinitionAt(int(it.doc))
				if hasPhrase(d.Summary.En, r.phrase) || hasPhrase(d.Summary.Zh, r.phrase) {
					phr = 1
				}
			}
		}
	}
	it.key = scoreOf(base, rel, inCode, common, exact, phr)
	it.level = 3
	if pending {
		it.level = 2
	}
}

// run returns the best limit hits of hp (all when limit <= 0), best
// first, refining their keys as they reach the top. The hits outside hp
// come after outside (by before: their keys are bounds of their scores;
// a key of -Inf when there are none): cold, which join hp when its top no
// longer leads outside, or, when cold is empty, hits that were not kept
// (see rankWords); then run reports false, having found fewer than it
// needs.
func (r *ranker) run(hp rankHeap, cold []rankItem, outside rankItem, limit int, distinct bool) (out []PosHit, ok bool) {
	keyInfo := r.keyInfo
	for limit <= 0 || len(out) < limit {
		if !math.IsInf(outside.key, -1) && (len(hp) == 0 || !hp[0].before(&outside)) {
			if len(cold) == 0 {
				for _, o := range out { // the next run lists them again
					keyInfo[r.ix.keys.Of(o.Pos)] &^= keySeen
				}
				return out, false
			}
			hp = append(hp, cold...) // the cold hits may lead now
			cold, outside = nil, rankItem{key: math.Inf(-1)}
			hp.init()
		}
		if len(hp) == 0 {
			break
		}
		it := &hp[0]
		switch it.level {
		case 0:
			// A hit's score is within a half of its first bound, so every
			// unrefined hit whose bound is within a half of the top's may
			// compete with it: refine them all at once, to the bound that
			// reads nothing, and rebuild the heap, rather than sift each
			// down in turn.
			low := it.key - 0.5
			for i := range hp {
				if hp[i].level == 0 && hp[i].key > low {
					r.refine(&hp[i])
				}
			}
			hp.init()
		case 1, 2:
			r.refine(it)
			hp.down(0)
		default:
			k := -1
			if distinct {
				if k = r.ix.keys.Of(int(it.doc)); keyInfo[k]&keySeen != 0 {
					hp.pop() // its code is listed: it need not be settled
					continue
				}
			}
			if r.settle(it.doc, &r.cands[it.c]) {
				// Not as good as its bound: rank it again.
				it.level = 0
				r.refine(it)
				hp.down(0)
				continue
			}
			if k >= 0 {
				keyInfo[k] |= keySeen
			}
			out = append(out, PosHit{Pos: int(it.doc), Score: it.key})
			hp.pop()
		}
	}
	return out, true
}
