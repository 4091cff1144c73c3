package search

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// The full embedded catalog: about 17,000 entries of 262 scopes.
func fullIndex() *Index { return New(catalog.Default()) }

func TestFullSuggest(t *testing.T) {
	ix := fullIndex()
	tests := []struct{ q, first string }{
		{"AuthFailure.SignatureExpird", "AuthFailure.SignatureExpire"},
		{"ErrNoRepo", "ResourceNotFound.ErrNoRepo"},
		{"FailedOperation.ServiceIsolat", "FailedOperation.ServiceIsolate"},
		{"InvalidInstanceId.Malformd", "InvalidInstanceId.Malformed"},
		{"LimitExceeded.AddressQuotaLimitExceded", "LimitExceeded.AddressQuotaLimitExceeded"},
	}
	for _, tt := range tests {
		if got := ix.Suggest(tt.q, 0); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Suggest(%q) = %q, want %s first", tt.q, got, tt.first)
		}
	}
	if got := ix.Suggest("Xyzzy.PlughFrobnicateQuux", 0); got != nil {
		t.Errorf("Suggest(nonsense) = %q", got)
	}
}

// A crowded segment is offered as stems, never thousands of names at once.
func TestFullComplete(t *testing.T) {
	ix := fullIndex()
	for _, p := range []string{"", "FailedOperation.", "failedoperation.a", "InvalidParameterValue.", "InvalidParameterValue.Inv", "i"} {
		got := ix.Complete(p)
		if len(got) == 0 || len(got) > MaxCompletions {
			t.Errorf("Complete(%q): %d candidates", p, len(got))
		}
		for i, c := range got {
			if !strings.HasPrefix(strings.ToLower(c.Value), strings.ToLower(p)) {
				t.Errorf("Complete(%q) offers %q", p, c.Value)
			}
			if (c.Entry == nil) != c.More {
				t.Errorf("Complete(%q): %q has entry %v, more %v", p, c.Value, c.Entry != nil, c.More)
			}
			if i > 0 && strings.ToLower(got[i-1].Value) > strings.ToLower(c.Value) {
				t.Errorf("Complete(%q) out of order at %q", p, c.Value)
			}
		}
	}
	// Stems of FailedOperation.: one letter each, and every sub-code is under one of them.
	var stems []string
	for _, c := range ix.Complete("FailedOperation.") {
		stems = append(stems, c.Value)
	}
	if !slices.Contains(stems, "FailedOperation.A") || !slices.Contains(stems, "FailedOperation.S") {
		t.Errorf("Complete(FailedOperation.) = %q", stems)
	}
	// A narrow prefix completes to whole codes with their entries.
	got := ix.Complete("FailedOperation.ServiceIsol")
	if len(got) != 1 || got[0].Value != "FailedOperation.ServiceIsolate" || got[0].Entry == nil {
		t.Errorf("Complete(FailedOperation.ServiceIsol) = %+v", got)
	}
	// One scope: only its codes, with its entry.
	for _, c := range ix.CompleteScope("FailedOperation.Service", "tmt") {
		if c.Entry != nil && c.Entry.Scope != "tmt" {
			t.Errorf("CompleteScope(tmt) offers %s/%s", c.Entry.Scope, c.Entry.Code)
		}
	}
	if got := ix.CompleteScope("", "tmt"); len(got) == 0 || len(got) > 20 {
		t.Errorf("CompleteScope(\"\", tmt): %d classes", len(got))
	}
}

func TestFullPattern(t *testing.T) {
	ix := fullIndex()
	got := ix.Pattern("FailedOperation.ServiceIsolate")
	if len(got) != 3 {
		t.Fatalf("Pattern = %d entries, want 3 (aai, asr, tmt)", len(got))
	}
	all := ix.Pattern("AuthFailure.*")
	for i := 1; i < len(all); i++ {
		if catalog.Less(all[i], all[i-1]) {
			t.Fatalf("Pattern(AuthFailure.*) not in catalog order at %s/%s", all[i].Scope, all[i].Code)
		}
	}
	if len(all) < 100 || !slices.ContainsFunc(all, func(e *catalog.Entry) bool { return e.Scope == "common" && e.Code == "AuthFailure.SignatureExpire" }) {
		t.Errorf("Pattern(AuthFailure.*) = %d entries", len(all))
	}
}

func TestFullText(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the text index of the full catalog")
	}
	ix := fullIndex()
	for _, tt := range []struct{ q, code string }{
		{"签名过期", "AuthFailure.SignatureExpire"},
		{"signature expire", "AuthFailure.SignatureExpire"},
		{"欠费停止服务", "FailedOperation.ServiceIsolate"},
	} {
		hits := ix.Text(tt.q, 10)
		found := false
		for _, h := range hits {
			found = found || h.Entry.Code == tt.code
		}
		if !found {
			t.Errorf("Text(%q) lacks %s: %q", tt.q, tt.code, hitKeys(hits))
		}
	}
}

func BenchmarkFullSuggestMiss(b *testing.B) {
	ix := fullIndex()
	for _, q := range []string{"AuthFailure.SignatureExpird", "Xyzzy.PlughFrobnicate", "InstanceLocekd"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				ix.Suggest(q, 0)
			}
		})
	}
}

func BenchmarkFullComplete(b *testing.B) {
	ix := fullIndex()
	for _, p := range []string{"", "FailedOperation.", "AuthFailure.Sig"} {
		b.Run(p, func(b *testing.B) {
			for b.Loop() {
				ix.Complete(p)
			}
		})
	}
}

func BenchmarkFullTextBuild(b *testing.B) {
	c := catalog.Default()
	for b.Loop() {
		buildText(c)
	}
}

// The generated full-text index answers exactly as the one built in memory.
func TestGeneratedTextIndex(t *testing.T) {
	c := catalog.Default()
	gen := loadText(c, textWords, textBigrams)
	if gen == nil {
		t.Fatal("the generated text index does not belong to catalog.Default: run make catalog")
	}
	bt := buildText(c)
	// Posting for posting, what buildText builds.
	if len(bt.vocab) != gen.enc.stems() || len(bt.bigrams) != len(gen.enc.keys)/8 {
		t.Fatalf("%d stems and %d pairs built, %d and %d generated", len(bt.vocab), len(bt.bigrams), gen.enc.stems(), len(gen.enc.keys)/8)
	}
	for i, w := range bt.vocab {
		if gen.enc.stem(i) != w {
			t.Fatalf("stem %d is %q built, %q generated", i, w, gen.enc.stem(i))
		}
		// Encoded alike, positions and lastSegment too.
		if got, want := postingBytes(gen.enc.wordPost, gen.enc.wordStart, i), string(bt.encodeWord(nil, w)); got != want {
			t.Errorf("stem %q: %d postings built, %d generated (or other fields)", w, len(want)/4, len(got)/4)
		}
	}
	for k, want := range bt.bigrams {
		if got := gen.bigramIn(nil, k, nil); !slices.Equal(got, want) {
			t.Errorf("pair %q: %d postings built, %d generated (or other fields)", string([]rune{rune(k >> 32), rune(k)}), len(want), len(got))
		}
	}
	built := &Index{cat: c, keys: c.Keys()}
	built.textOnce.Do(func() { built.text = bt })
	loaded := &Index{cat: c, keys: c.Keys()}
	loaded.textOnce.Do(func() { loaded.text = gen })
	for _, q := range []string{"签名", "签名过期", "rate limit", "signature expire", "timeout", "欠费停止服务", "配额", "sig", "the",
		"instance not found", "实例", "费", "db", "password invalid", "ResourceNotFound", "限频 rate",
		"operation denied", "limit", "参数错误", "不存在", "错", "invalid", "failed", "resources", "error", "missing"} {
		if x, y := built.TextCodes(q, 10), loaded.TextCodes(q, 10); !slices.Equal(x, y) {
			t.Errorf("TextCodes(%q, 10): %v built, %v generated", q, x, y)
		}
		a, b := built.Text(q, 0), loaded.Text(q, 0)
		if len(a) != len(b) {
			t.Errorf("Text(%q): %d hits built, %d generated", q, len(a), len(b))
			continue
		}
		for i := range a {
			if a[i].Entry != b[i].Entry || a[i].Score != b[i].Score {
				t.Errorf("Text(%q)[%d] = %s/%s %v generated, %s/%s %v built", q, i, b[i].Entry.Scope, b[i].Entry.Code, b[i].Score, a[i].Entry.Scope, a[i].Entry.Code, a[i].Score)
				break
			}
		}
	}
	for doc := range int32(c.Len()) {
		if gen.curatedCommon(doc) != c.CuratedCommonAt(int(doc)) || built.text.curatedCommon(doc) != c.CuratedCommonAt(int(doc)) {
			t.Fatalf("document %d (%s): curatedCommon differs from the catalog's CuratedCommonAt", doc, c.CodeAt(int(doc)))
		}
	}
	if gen.enc.common.Len() < 30 { // 38 on 2026-11-29
		t.Errorf("%d curated common entries, expected some 40", gen.enc.common.Len())
	}
	if loadText(c, textWords[:len(textWords)-4], textBigrams) != nil || loadText(catalog.New(nil), textWords, textBigrams) != nil {
		t.Error("loadText accepted a damaged or foreign index")
	}
	// It is found by the catalog's fingerprint: a catalog built by New from
	// the same entries has none, and builds its own.
	if New(c).textIndex().enc == nil {
		t.Error("the index of catalog.Default does not use the generated index")
	}
	if c.Fingerprint() == "" || New(catalog.New(c.Curated())).textIndex().enc != nil {
		t.Error("a catalog built by New took the generated index")
	}
}

func BenchmarkFullTextQueryGenerated(b *testing.B) {
	for _, q := range []string{"签名", "rate limit", "timeout"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				New(catalog.Default()).Text(q, 10) // a fresh index each time, as in a new process
			}
		})
	}
}

// A word whose stem has a residual prefix list matches, through it, exactly
// the documents and qualities that walking the words it starts gives: for
// every such stem of the generated index, typed as the stem and as a word
// that stems to it, compared with the index buildText builds (which walks).
func TestResidualLists(t *testing.T) {
	c := catalog.Default()
	gen := New(c).textIndex()
	if gen.enc == nil {
		t.Fatal("no generated index")
	}
	built := buildText(c)
	matched := func(tx *textIndex, raw string) map[int32][numFields]float32 {
		m := tx.rankMem(c.Keys().Len())
		defer tx.release(m)
		tx.matchWord(&m.h, raw, stem(raw))
		out := make(map[int32][numFields]float32, len(m.h.docs))
		for i, doc := range m.h.docs {
			out[doc] = m.h.h[i].q
		}
		return out
	}
	n := gen.enc.resStems.Len()
	if n < 10 { // 21 on 2026-11-30
		t.Fatalf("%d stems with a residual list, expected some 20", n)
	}
	forms := map[string]bool{"failed": true, "operation": true, "resources": true, "limits": true}
	for j := range n {
		forms[gen.enc.stem(int(gen.enc.resStems.At(j)))] = true
	}
	used := 0
	for raw := range forms {
		st := stem(raw)
		if i := gen.enc.word(st); i < 0 || gen.enc.residual(i) < 0 {
			if raw == st {
				t.Errorf("%q: listed but not found", raw)
			}
			continue
		}
		used++
		a, b := matched(gen, raw), matched(built, raw)
		if len(a) != len(b) {
			t.Errorf("%q (stem %q): %d documents through the residual list, %d walking", raw, st, len(a), len(b))
			continue
		}
		for doc, q := range b {
			if a[doc] != q {
				t.Errorf("%q: document %d (%s): qualities %v through the residual list, %v walking", raw, doc, c.CodeAt(int(doc)), a[doc], q)
				break
			}
		}
	}
	if used < n {
		t.Errorf("%d of %d residual stems compared", used, n)
	}
}

// A wordCursor reads, in document order, exactly the documents and
// qualities matchWord collects (prefixes, residual lists, synonyms that are
// words and Chinese phrases), on the generated index and on one built in
// memory, with and without a set of documents to keep (lookup --product;
// a sparse one, which pack reads instead of its arrays).
func TestWordCursor(t *testing.T) {
	c := catalog.Default()
	only, sparse := newBitset(c.Len()), newBitset(c.Len())
	for doc := int32(0); doc < int32(c.Len()); doc += 3 {
		only.set(doc)
		if doc%33 == 0 {
			sparse.set(doc)
		}
	}
	for _, tx := range []*textIndex{New(c).textIndex(), buildText(c)} {
		for _, raw := range []string{"invalid", "error", "failed", "resource", "operations", "limit", "quota",
			"permission", "param", "signature", "xyzzy", "db", "unsupported", "auth", "retries", "missing", "expired",
			"timeout", "throttled", "key", "repo", "clock", "inval", "exist"} {
			for _, set := range []bitset{nil, only, sparse} {
				m := tx.rankMem(c.Keys().Len())
				m.h.only = set
				st := stem(raw)
				tx.matchWord(&m.h, raw, st)
				want := map[int32][numFields]float32{}
				for i, doc := range m.h.docs {
					want[doc] = m.h.h[i].q
				}
				m.h.reset()
				cur := tx.gatherWord(&m.h, raw, st)
				weighed := cur // nextWeight reads what next does, weighed
				for doc, w, kind, ok := weighed.nextWeight(); ok; doc, w, kind, ok = weighed.nextWeight() {
					q := want[doc]
					if w != weighted(&q) || kind != kindOf(&q) || (kind&kindStrong != 0) != strong(&q) {
						t.Errorf("%q (enc %v, only %v): document %d: nextWeight %v %#x, want %v %#x", raw, tx.enc != nil, set != nil, doc, w, kind, weighted(&q), kindOf(&q))
						break
					}
				}
				if n := cur.count(); n != len(want) {
					t.Errorf("%q (enc %v, only %v): count %d, matchWord %d documents", raw, tx.enc != nil, set != nil, n, len(want))
				}
				var q [numFields]float32
				last, n := int32(-1), 0
				for doc, ok := cur.next(&q); ok; doc, ok = cur.next(&q) {
					if doc <= last {
						t.Fatalf("%q: document %d after %d", raw, doc, last)
					}
					if w, found := want[doc]; !found || w != q {
						t.Errorf("%q (enc %v, only %v): document %d: %v, matchWord %v (found %v)", raw, tx.enc != nil, set != nil, doc, q, w, found)
						break
					}
					last = doc
					n++
				}
				if n != len(want) {
					t.Errorf("%q (enc %v, only %v): %d documents read, matchWord %d", raw, tx.enc != nil, set != nil, n, len(want))
				}
				tx.release(m)
			}
		}
	}
}

// rankWords reads the cursors of a narrowed query's words in step: each
// reads every document narrow kept, in order.
func TestWordCursorsInStep(t *testing.T) {
	c := catalog.Default()
	ix := New(c)
	for _, tx := range []*textIndex{ix.textIndex(), buildText(c)} {
		for _, q := range []string{"invalid parameter", "invalid value", "failed operation", "operation denied",
			"resource not found", "internal error", "rate limit", "missing parameter", "not exist", "user id"} {
			m := tx.rankMem(c.Keys().Len())
			terms := parseQuery(q)
			only, _ := tx.narrow(&m.h, terms, 10, true, ix.keys)
			if only == nil {
				t.Errorf("%q: not narrowed", q)
				tx.release(m)
				continue
			}
			var want []int32
			for j, w := range only {
				for ; w != 0; w &= w - 1 {
					want = append(want, int32(j<<6|bits.TrailingZeros64(w)))
				}
			}
			m.h.only = only
			for _, term := range terms {
				m.h.reset()
				cur := tx.gatherWord(&m.h, term.text, term.stem)
				var got []int32
				for doc, _, _, ok := cur.nextWeight(); ok; doc, _, _, ok = cur.nextWeight() {
					got = append(got, doc)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%q (enc %v): %q reads %d documents, narrow kept %d", q, tx.enc != nil, term.text, len(got), len(want))
				}
			}
			tx.release(m)
		}
	}
}

// packPhrase collects for a Chinese synonym what matchCJK does (one
// character, one pair, several pairs), on both kinds of index.
func TestPackPhrase(t *testing.T) {
	c := catalog.Default()
	for _, tx := range []*textIndex{New(c).textIndex(), buildText(c)} {
		for _, run := range []string{"错", "超时", "不存在", "数据库", "签名", "龘龘"} {
			m := tx.rankMem(c.Keys().Len())
			tx.matchCJK(&m.h, run, qualitySynonym, false)
			want := map[int32][numFields]float32{}
			for i, doc := range m.h.docs {
				want[doc] = m.h.h[i].q
			}
			m.h.reset()
			m.h.first, m.h.last = math.MaxInt32, -1
			tx.packPhrase(&m.h, run)
			cur := wordCursor{rest: m.h.pack()}
			var q [numFields]float32
			n := 0
			for doc, ok := cur.next(&q); ok; doc, ok = cur.next(&q) {
				if w, found := want[doc]; !found || w != q {
					t.Errorf("%q (enc %v): document %d: %v, matchCJK %v (found %v)", run, tx.enc != nil, doc, q, w, found)
					break
				}
				n++
			}
			if n != len(want) {
				t.Errorf("%q (enc %v): %d documents, matchCJK %d", run, tx.enc != nil, n, len(want))
			}
			tx.release(m)
		}
	}
}

// lastSegment marks exactly the stem of each code's last segment (when it
// is one word: letters and digits), in the generated index and in one
// built in memory: topWord drops hits on it.
func TestLastSegment(t *testing.T) {
	c := catalog.Default()
	type mark struct {
		stem string
		doc  int32
	}
	want := map[mark]bool{}
	for doc := range c.Len() {
		code := c.CodeAt(doc)
		seg := code[strings.LastIndexByte(code, '.')+1:]
		if seg != "" && !strings.ContainsFunc(seg, func(r rune) bool { return !isASCIIAlnum(r) }) {
			want[mark{stem(strings.ToLower(seg)), int32(doc)}] = true
		}
	}
	gen := New(c).textIndex().enc
	got := map[mark]bool{}
	for i := range gen.stems() {
		for p := postingBytes(gen.wordPost, gen.wordStart, i); len(p) >= 4; p = p[4:] {
			if x := le32(p); x&lastSegment != 0 {
				got[mark{gen.stem(i), postDoc(x)}] = true
			}
		}
	}
	built := map[mark]bool{}
	for st, docs := range buildText(c).last {
		for _, doc := range docs {
			built[mark{st, doc}] = true
		}
	}
	if len(want) < c.Len()/2 {
		t.Fatalf("%d codes with a one-word last segment, expected most of %d", len(want), c.Len())
	}
	for name, m := range map[string]map[mark]bool{"generated": got, "built": built} {
		for k := range want {
			if !m[k] {
				t.Fatalf("%s: %q of document %d (%s) not marked", name, k.stem, k.doc, c.CodeAt(int(k.doc)))
			}
		}
		for k := range m {
			if !want[k] {
				t.Fatalf("%s: %q of document %d (%s) marked", name, k.stem, k.doc, c.CodeAt(int(k.doc)))
			}
		}
	}
}

// bigramIn returns the postings of a pair of CJK runes, decoded into buf
// (reused when it has room), without the documents outside only (if not
// nil): those are not decoded. (The tests' reading of a list; a ranking
// reads them where they lie: countCJK, cjkSets.)
func (t *textIndex) bigramIn(buf []posting, k uint64, only bitset) []posting {
	if e := t.enc; e != nil {
		if i := e.bigramAt(k); i >= 0 {
			return postingsInto(buf, e.bigramPost, e.bigramStart, i, only)
		}
		return buf[:0]
	}
	if only == nil {
		return t.bigrams[k]
	}
	var out []posting // not buf: it may hold the index's own list (returned above)
	for _, p := range t.bigrams[k] {
		if only.has(p.doc) {
			out = append(out, p)
		}
	}
	return out
}

// restShape, Suggest's inlined test of a code's layout, rules out only
// codes restMay rules out too: over every distinct code of the embedded
// catalog, for queries of every shape (typos of real codes, one to four
// segments, a missing class, a lone word) and every worst cost.
func TestRestShape(t *testing.T) {
	ix := New(catalog.Default())
	keys := ix.keys
	rng := rand.New(rand.NewPCG(5, 6))
	queries := []string{"authfailure.signatureexpird", "invalidinstanceid.malformd", "internalerror.nope",
		"resourcenotfound.instanc", "signatureexpire", "a.b.c.d", "failedoperation.", ".x", "limitexceeded.quota.cvm"}
	for range 40 {
		q := []byte(keys.Lower(rng.IntN(keys.Len())))
		for range 1 + rng.IntN(3) { // a typo or three
			if i := rng.IntN(len(q)); rng.IntN(2) == 0 {
				q[i] = byte('a' + rng.IntN(26))
			} else {
				q = append(q[:i], q[i+1:]...)
			}
			if len(q) == 0 {
				q = []byte("x")
			}
		}
		queries = append(queries, string(q))
	}
	ruledOut := 0
	for _, q := range queries {
		s := newSuggester(q)
		for _, worst := range []int{noMatch, costWrongClass + 3, costSuffix + 1, costPrefix + 1, 3, 1} {
			g := s.gate(worst)
			for i := range keys.Len() {
				var sh shape
				sh.n, sh.first, sh.last, sh.dots = keys.Shape(i)
				sh.letters = keys.LastLetters(i)
				if !g.restShape(sh) {
					ruledOut++
					if s.restMay(&g, sh) {
						t.Fatalf("query %q, worst %d: restShape rules out %q, restMay lets it through", q, worst, keys.Lower(i))
					}
				}
			}
		}
	}
	if ruledOut == 0 {
		t.Fatal("restShape ruled out nothing")
	}
	t.Logf("%d code-query pairs ruled out by shape", ruledOut)
}
