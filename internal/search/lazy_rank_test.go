package search

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/catalog"
)

// Ranking with a limit stops early (TextPositions, TextCodes): its results
// are the first of the full ranking, and TextCodes' are the full ranking's
// first definition of each code.
func TestRankWithLimitIsFullRankingCut(t *testing.T) {
	checkLimitCut(t, []string{
		"rate limit", "signature expire", "签名过期", "timeout", "too many requests", "instance not found",
		"quota", "频率", "unbind the key from the instance", "permission denied", "database", "x",
		"repository does not exist", "insufficient balance", "LimitExceeded", "资源不足",
		// Broad: narrow keeps only the hits matching every term.
		"operation denied", "数据库 不存在", "rate 频率", "签名 expired", "limit exceeded", "数据 存在",
		// Broad English words only: their cursors in step (rankWords).
		"invalid parameter", "failed operation", "not found", "resource not found", "invalid parameter value",
		"invalid value", "internal error", "user id", "missing parameter", "parameter error",
		// Chinese runs of three characters and more: hits on a bound.
		"参数错误", "不存在", "实例不存在", "余额不足", "参数错误 limit", "签名过期 签名", "错 参数错误",
		// One broad word: thousands of hits, read in document order
		// (topWord), with synonyms that are words and Chinese phrases.
		"invalid", "missing", "error", "failed", "resources", "signature", "expired", "permission", "db",
		// One Chinese character (topWord too).
		"错", "库", "的", "限", "龘",
	})
}

// rankWords keeps the best hits it reads; when the ranking needs more, it
// reads them again keeping more: with room for one, every ranking does.
func TestRankWordsKeepsMore(t *testing.T) {
	defer func(k int) { wordsKeep = k }(wordsKeep)
	wordsKeep = 1
	checkLimitCut(t, []string{"invalid parameter", "invalid value", "operation denied", "failed operation", "not found", "user id"})
}

// Random queries of two and three everyday words, most of them broad
// enough to be narrowed (rankWords), ranked with a limit and in full;
// and again with room for few hits, so that rankWords reads them again.
func TestRankWordsRandomQueries(t *testing.T) {
	words := strings.Fields(`invalid parameter value operation failed denied resource not found
		limit exceeded instance internal error request permission quota missing unsupported
		unauthorized insufficient balance timeout user id network disk image auth failure
		signature expired status state exist already in use busy`)
	r := rand.New(rand.NewPCG(13, 29))
	var qs []string
	for len(qs) < 200 {
		n := 2 + r.IntN(2)
		q := make([]string, n)
		for i := range q {
			q[i] = words[r.IntN(len(words))]
		}
		qs = append(qs, strings.Join(q, " "))
	}
	checkLimitCut(t, qs)
	defer func(k int) { wordsKeep = k }(wordsKeep)
	wordsKeep = 1
	checkLimitCut(t, qs[:50])
}

// checkLimitCut checks that the rankings of qs with a limit are the first
// of the full ranking, and their codes' the first of each code.
func checkLimitCut(t *testing.T, qs []string) {
	t.Helper()
	cat := catalog.Default()
	ix := New(cat)
	for _, q := range qs {
		full := ix.TextPositions(q, 0)
		var codes []PosHit
		seen := map[string]bool{}
		for _, h := range full {
			if c := strings.ToLower(cat.CodeAt(h.Pos)); !seen[c] {
				seen[c] = true
				codes = append(codes, h)
			}
		}
		for _, k := range []int{1, 3, 10, 80} {
			if got, want := ix.TextPositions(q, k), full[:min(k, len(full))]; !slices.Equal(got, want) {
				t.Errorf("%q limit %d: got %v, want the first of the full ranking %v", q, k, got, want)
			}
			if got, want := ix.TextCodes(q, k), codes[:min(k, len(codes))]; !slices.Equal(got, want) {
				t.Errorf("%q codes limit %d: got %v, want %v", q, k, got, want)
			}
		}
		for i := 1; i < len(full); i++ {
			if a, b := full[i-1], full[i]; a.Score < b.Score || a.Score == b.Score && a.Pos > b.Pos {
				t.Fatalf("%q: the full ranking is out of order at %d: %v then %v", q, i, a, b)
			}
		}
	}
}

// narrow keeps only the documents matching every term in full when they hold
// enough results, and gives up otherwise: both cases occur among everyday
// queries (TestRankWithLimitIsFullRankingCut checks the results of both).
func TestNarrow(t *testing.T) {
	ix := New(catalog.Default())
	tx := ix.textIndex()
	for _, tt := range []struct {
		q       string
		limit   int
		narrows bool
	}{
		{"operation denied", 10, true}, // 1,164 hits of 6,572 match both words
		{"rate limit", 10, true},
		{"rate limit", 80, false},       // 157 hits match both, of fewer than 80 codes
		{"signature expire", 10, false}, // 6 hits match both
		{"数据 存在", 10, true},
		// Runs of three characters match on a bound (pending) until their
		// text is read: narrow reads enough of them to count ten codes.
		{"数据库 不存在", 10, true},
		{"参数错误", 10, true}, // one term: 750 of 4,000 hits have its four characters
		{"签名过期", 10, false},
		{"签名 expired", 10, false},
		// Words with Chinese synonyms (missing: 不存在; key: 密钥), marked
		// by their pairs' sets.
		{"missing parameter", 10, true},
		{"secret key invalid", 10, true},
		{"database timeout", 10, false},
	} {
		m := tx.rankMem(ix.keys.Len())
		terms := parseQuery(tt.q)
		only, df := tx.narrow(&m.h, terms, tt.limit, true, ix.keys)
		tx.release(m)
		if (only != nil) != tt.narrows {
			t.Errorf("%q limit %d: narrowed to %d documents, want narrowing %v", tt.q, tt.limit, only.count(), tt.narrows)
		}
		// df counts every document a term matches, as the full ranking
		// does, and termSets marks those.
		for i, term := range terms {
			m := tx.rankMem(ix.keys.Len())
			tx.match(&m.h, term)
			want := newBitset(tx.n)
			for _, doc := range m.h.docs {
				want.set(doc)
			}
			tx.release(m)
			if df[i] != want.count() {
				t.Errorf("%q: term %q: df %d, want %d", tt.q, term.text, df[i], want.count())
			}
			m = tx.rankMem(ix.keys.Len())
			found, _, _ := tx.termSets(&m.h, term)
			tx.release(m)
			if !slices.Equal(found, want) {
				t.Errorf("%q: term %q: termSets found %d documents, match %d", tt.q, term.text, found.count(), want.count())
			}
		}
	}
}

// Narrowing is tried only for broad queries (a term with a long posting
// list), where it pays.
func TestBroad(t *testing.T) {
	tx := New(catalog.Default()).textIndex()
	for q, want := range map[string]bool{
		"operation denied": true, "rate limit": true, "参数错误": true, "不存在": true,
		"permission denied": true, // with their synonyms (unauthorized, cam, 权限, 授权)
		"signature expire":  false, "签名过期": false, "unbind key": false,
	} {
		if got := tx.broad(parseQuery(q)); got != want {
			t.Errorf("broad(%q) = %v, want %v", q, got, want)
		}
	}
}

// A ranking reuses the memory of the one before (rankMem): results do not
// depend on what ran before, in one goroutine or several (run with -race).
func TestRankReusesMemory(t *testing.T) {
	queries := []string{"operation denied", "签名过期", "rate limit", "x", "limit", "数据库 不存在", "signature expire", "频率"}
	want := map[string][]PosHit{}
	for _, q := range queries {
		want[q] = New(catalog.Default()).TextCodes(q, 10)
	}
	ix := New(catalog.Default())
	check := func(who string, q string) {
		if got := ix.TextCodes(q, 10); !slices.Equal(got, want[q]) {
			t.Errorf("%s: %q = %v, want %v", who, q, got, want[q])
		}
	}
	for i := range queries {
		check("in order", queries[i])
		check("reversed", queries[len(queries)-1-i])
		ix.TextPositions(queries[i], 0)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 3 * len(queries) {
				check(fmt.Sprintf("goroutine %d", g), queries[(g+i)%len(queries)])
			}
		})
	}
	wg.Wait()
}

// A single Chinese character is found through the keys that hold it (pairs,
// and lone characters: loneKey) in exactly the fields whose text has it, as
// a scan of every text finds it.
func TestSingleCharacter(t *testing.T) {
	ix := New(catalog.Default())
	tx := ix.textIndex()
	for _, run := range []string{"错", "库", "的", "限", "请", "龘"} {
		m := tx.rankMem(ix.keys.Len())
		tx.matchCJK(&m.h, run, 1, true)
		got := map[int32]uint8{}
		for i, doc := range m.h.docs {
			for f := range numFields {
				if m.h.h[i].q[f] > 0 {
					got[doc] |= 1 << f
				}
			}
			if m.h.h[i].cov != 1 {
				t.Errorf("%q: document %d matched in part", run, doc)
			}
		}
		tx.release(m)
		n := 0
		for doc := range int32(tx.n) {
			texts := tx.cjkTexts(doc)
			var want uint8
			for f := range numFields {
				if strings.Contains(texts[f], run) {
					want |= 1 << f
				}
			}
			if want != 0 {
				n++
			}
			if got[doc] != want {
				t.Fatalf("%q: document %d (%s): fields %05b, want %05b", run, doc, ix.cat.CodeAt(int(doc)), got[doc], want)
			}
		}
		if n == 0 && run != "龘" {
			t.Errorf("%q: no document has it: the test tests nothing", run)
		}
	}
}

// Chinese runs matched on a bound and settled near the top (matchCJK,
// rank's settle) rank every hit as reading every text first does, with its
// score (settling corrects a hit's relevance by a difference, so the last
// bits of a score may differ).
func TestSettleIsReadingFirst(t *testing.T) {
	cat := catalog.Default()
	queries := []string{"参数错误", "不存在", "实例不存在", "余额不足", "数据库 不存在", "参数错误 limit", "签名过期 签名",
		"错 参数错误", "资源不足", "请求频率超限", "没有权限 访问", "操作 不支持", "missing", "database not found"}
	lazy := map[string][]PosHit{}
	for _, q := range queries {
		lazy[q] = New(cat).TextPositions(q, 0)
	}
	readTextsFirst = true
	defer func() { readTextsFirst = false }()
	for _, q := range queries {
		want := New(cat).TextPositions(q, 0)
		if len(want) == 0 {
			t.Errorf("%q: no hits: the test tests nothing", q)
		}
		same := len(lazy[q]) == len(want)
		for i := 0; same && i < len(want); i++ {
			same = lazy[q][i].Pos == want[i].Pos && math.Abs(lazy[q][i].Score-want[i].Score) < 1e-12
		}
		if !same {
			t.Errorf("%q: ranked on a bound differs from reading texts first (%d and %d hits)", q, len(lazy[q]), len(want))
		}
	}
}

// A synonym's Chinese phrase matches a field that has every pair of its
// characters (matchCJK reads no text for it: "missing" would otherwise read
// 1,300 entries for 不存在). In the embedded catalog every such field has the
// phrase itself, so the pairs find exactly what reading the texts would.
func TestSynonymPairsMeanPhrase(t *testing.T) {
	ix := New(catalog.Default())
	tx := ix.textIndex()
	checked := 0
	for _, syn := range synonymStems {
		for _, run := range syn.alts {
			if !hasCJK(run) || utf8.RuneCountInString(run) <= 2 {
				continue
			}
			keys := cjkKeys(run)
			counts := map[int32]cjkCount{}
			for _, k := range keys {
				for _, p := range tx.bigramIn(nil, k, nil) {
					c := counts[p.doc]
					c.add(p.fields)
					counts[p.doc] = c
				}
			}
			for doc, c := range counts {
				texts := tx.cjkTexts(doc)
				for f := range numFields {
					if c.field(f) == len(keys) {
						checked++
						if !strings.Contains(texts[f], run) {
							t.Errorf("%q: %s has its pairs in field %d but not the phrase", run, ix.cat.CodeAt(int(doc)), f)
						}
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no synonym phrase of three characters or more: the test tests nothing")
	}
}

// TextCodesIn ranks a product's entries as the full ranking within them
// does, cut to the first distinct codes; where the product has hits
// matching as many terms as the best of all, that is the whole catalog's
// ranking with every other entry left out.
func TestTextCodesIn(t *testing.T) {
	cat := catalog.Default()
	ix := New(cat)
	for _, tt := range []struct {
		q, scope  string
		sameAsAll bool
	}{
		{"rate limit", "cvm", true},
		{"operation denied", "cvm", true},
		{"参数错误", "cdb", true},
		{"不存在", "tcr", true},
		{"频率", "common", true},
		{"签名过期 实例", "cvm", false},
	} {
		among := cat.ScopePositions(tt.scope)
		in := map[int]bool{}
		for _, p := range among {
			in[p] = true
		}
		codes := func(hits []PosHit, k int) []PosHit {
			var out []PosHit
			seen := map[string]bool{}
			for _, h := range hits {
				if c := strings.ToLower(cat.CodeAt(h.Pos)); in[h.Pos] && !seen[c] && len(out) < k {
					seen[c] = true
					out = append(out, h)
				}
			}
			return out
		}
		got := ix.TextCodesIn(tt.q, 10, among)
		if len(got) == 0 {
			t.Errorf("%q in %s: no hits", tt.q, tt.scope)
		}
		if want := codes(ix.rankIn(tt.q, 0, false, among), 10); !slices.Equal(got, want) {
			t.Errorf("%q in %s: %v, want the full ranking among its entries %v", tt.q, tt.scope, got, want)
		}
		if tt.sameAsAll {
			if want := codes(ix.TextPositions(tt.q, 0), 10); !slices.Equal(got, want) {
				t.Errorf("%q in %s: %v, want the whole catalog's ranking without other entries %v", tt.q, tt.scope, got, want)
			}
		}
	}
	if ix.TextCodesIn("rate limit", 10, nil) != nil || ix.TextCodesIn("rate limit", 10, []int{}) != nil {
		t.Error("no documents, yet hits")
	}
}

// relFloorFor: every relevance below the floor of a key gives a bound below
// it (ranker.bound, for a hit of every term with neither bonus), and the
// floor is not far below the relevance that reaches the key.
func TestRelFloor(t *testing.T) {
	for _, r := range []*ranker{
		{n: 2, maxFull: 2, compact: "invalidparameter", phrase: "invalid parameter"},
		{n: 2, maxFull: 2, phrase: "资源 不存在"},
		{n: 3, maxFull: 3, compact: "resourcenotfound", phrase: "resource not found"},
		{n: 1, maxFull: 1, compact: "x"},
	} {
		r.terms = make([]qterm, int(r.n))
		r.mayBeCode, r.common = newBitset(1), newBitset(1) // neither bonus
		// Each kind of hit relFloorFor tells: whose code may hold the
		// compact query or not, that may have the phrase or not.
		for _, hold := range []bool{true, false} {
			for _, phrase := range []bool{true, false} {
				var summary uint8 // every term in the summary: the phrase may be there
				switch {
				case hold && r.compact == "", phrase && r.phrase == "":
					continue // no such hit
				case !phrase && r.phrase != "" && (r.compact == "" || hold):
					continue // its phrase may always be found
				case phrase && !hold:
					summary = uint8(r.n)
				}
				bound := func(rel float64) float64 {
					return r.boundHeld(0, &cand{rel: rel, full: uint8(r.n), summary: summary}, hold)
				}
				checkRelFloor(t, fmt.Sprintf("%+v hold %v phrase %v", r, hold, phrase), bound,
					func(key float64) float64 { return r.relFloorFor(key, hold, phrase) })
			}
		}
	}
}

// checkRelFloor checks floor against bound (see TestRelFloor).
func checkRelFloor(t *testing.T, name string, bound, floorOf func(float64) float64) {
	t.Helper()
	finite := 0
	for _, rel0 := range []float64{0.01, 0.3, 1, 2.5, 4, 7, 12, 30, 80, 400, 1e4} {
		key := bound(rel0)
		floor := floorOf(key)
		if math.IsInf(floor, 0) {
			continue
		}
		finite++
		if floor > rel0 || floor < rel0*0.999 {
			t.Errorf("%s: relFloorFor(bound(%v)) = %v", name, rel0, floor)
		}
		for _, f := range []float64{0, 0.5, 0.9, 0.999, 1 - 1e-12} {
			if rel := floor * f; bound(rel) >= key {
				t.Errorf("%s: relevance %v below the floor %v of %v bounds %v", name, rel, floor, key, bound(rel))
			}
		}
	}
	if finite < 5 {
		t.Errorf("%s: %d finite floors", name, finite)
	}
	// A key no hit without a bonus reaches: all of them are below it.
	if f := floorOf(bound(1e9) + 0.125); !math.IsInf(f, 1) {
		t.Errorf("%s: relFloorFor above every bound = %v", name, f)
	}
}

// A summary holds a query's phrase only where it holds each of its terms
// (a full hit in the summary field), which ranking assumes so that it reads
// only those summaries for the phrase (refineCand: cand.summary). Checked
// on phrases of two and three words taken from the summaries themselves,
// and on everyday queries.
func TestPhraseNeedsEveryTermInSummary(t *testing.T) {
	cat := catalog.Default()
	ix := New(cat)
	tx := ix.textIndex()
	r := rand.New(rand.NewPCG(7, 11))
	phrases := []string{"invalid id", "invalid value", "operation failed", "not found", "does not exist",
		"invalid parameter", "rate limit", "too many requests", "签名 过期", "参数 错误"}
	for len(phrases) < 400 {
		d := cat.DefinitionAt(r.IntN(cat.Len()))
		f := strings.Fields(d.Summary.En)
		if len(f) < 3 {
			continue
		}
		i := r.IntN(len(f) - 2)
		phrases = append(phrases, strings.Join(f[i:i+2+r.IntN(2)], " "))
	}
	summaries := make([]catalog.Text, cat.Len())
	for doc := range summaries {
		summaries[doc] = cat.DefinitionAt(doc).Summary
	}
	checked, ruledOut := 0, 0
	for _, p := range phrases {
		terms := parseQuery(p)
		phrase := phraseOf(p)
		if len(terms) == 0 || phrase == "" {
			continue
		}
		inSummary := make([]map[int32]bool, len(terms)) // by term: documents with a full hit in the summary
		for ti, term := range terms {
			m := tx.rankMem(cat.Keys().Len())
			tx.match(&m.h, term)
			inSummary[ti] = map[int32]bool{}
			for i, doc := range m.h.docs {
				th := m.h.h[i]
				if th.pending { // matched on a bound: read the texts
					_, th = tx.settleCJK(doc, term.text, tx.textsOf(&m.h, doc))
				}
				if th.cov >= 1 && th.q[fieldSummary] > 0 {
					inSummary[ti][doc] = true
				}
			}
			tx.release(m)
		}
		// The terms' summaryPositions (phraseCheck) allow every summary
		// holding the phrase, and rule out some of those holding every
		// term.
		check := newPhraseCheck(phrase, terms)
		blocks := make([]weighedBlock, len(terms))
		mayHold := func(doc int32) bool {
			if check == nil {
				return true
			}
			for ti, term := range terms {
				blocks[ti].own[0] = ownOf(tx, term.stem, doc)
			}
			return check.may(blocks, 0)
		}
		for doc, sum := range summaries {
			if !hasPhrase(sum.En, phrase) && !hasPhrase(sum.Zh, phrase) {
				if check != nil && allTerms(inSummary, int32(doc)) && !mayHold(int32(doc)) {
					ruledOut++
				}
				continue
			}
			checked++
			for ti, term := range terms {
				if !inSummary[ti][int32(doc)] {
					t.Errorf("%q: the summary of %s (%d) holds the phrase but term %q has no full hit in it: %q",
						p, cat.CodeAt(doc), doc, term.text, sum.En)
				}
			}
			if !mayHold(int32(doc)) {
				t.Errorf("%q: the summary of %s (%d) holds the phrase but the terms' positions rule it out: %q",
					p, cat.CodeAt(doc), doc, sum.En)
			}
		}
	}
	if checked < 400 {
		t.Errorf("only %d summaries hold a phrase", checked)
	}
	if ruledOut < 1000 {
		t.Errorf("the positions rule out only %d summaries holding every term but not the phrase", ruledOut)
	}
	t.Logf("%d summaries hold a phrase; positions rule out %d that hold its terms only", checked, ruledOut)
}

// allTerms reports whether doc is in every set.
func allTerms(sets []map[int32]bool, doc int32) bool {
	for _, s := range sets {
		if !s[doc] {
			return false
		}
	}
	return true
}

// ownOf returns the posting of stem st in document doc, as the generated
// index encodes it (0 for none).
func ownOf(tx *textIndex, st string, doc int32) uint32 {
	i := tx.enc.word(st)
	if i < 0 {
		return 0
	}
	for p := postingBytes(tx.enc.wordPost, tx.enc.wordStart, i); len(p) >= 4; p = p[4:] {
		if x := le32(p); postDoc(x) == doc {
			return x
		}
	}
	return 0
}
