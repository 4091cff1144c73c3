// Package search answers queries against the error-code catalog, offline.
//
// An [Index] is built once from a [catalog.Catalog] with [New] and is safe for
// concurrent use. It offers:
//
//   - [Classify]: what a query is: a glob pattern, a code, or free text.
//   - [Index.Pattern]: codes matching a glob such as "AuthFailure.*".
//   - [Index.Text]: entries ranked for free text in English and Chinese.
//   - [Index.Suggest]: "did you mean" codes for a mistyped or partial code.
//   - [Index.Complete]: shell completion of a code, one dotted segment at a time.
//
// # What a query is
//
// After surrounding white space is trimmed, a query that contains * or ? and
// otherwise only code characters (ASCII letters, digits, '_', '-', '.') is a
// pattern. A query shaped like a code — a letter, then letters, digits, '_'
// or '-', in dot-separated segments, with no spaces — is a code. Anything
// else (spaces, Chinese, other punctuation, a trailing dot) is text. A single
// English word such as "signature" is code-shaped: callers that find no such
// code should fall back to [Index.Text] or [Index.Suggest].
//
// # Patterns
//
// A pattern must match the whole code, ignoring case: * matches any run of
// characters, dots included, and ? exactly one character. There are no
// character classes. "*NotFound*" finds every code with NotFound anywhere,
// "*.ErrNo*" every sub-code starting with ErrNo.
//
// # Text search
//
// Text looks at the code, the summary, the likely causes, the known server
// messages and, with a lower weight, the remediation steps, in both languages.
// In decreasing weight: code (3), summary (2), causes and messages (1),
// remediation (0.5).
//
// English is split into words of letters and digits and matched without case.
// Words are reduced to a simple stem ("expired", "expires" and "expire" are
// one word; so are "exceeds" and "exceeded", "limits" and "limitation"); a
// query word of three letters or more also matches longer words it starts
// ("sig" finds "signature", at a lower weight). Codes count as words too,
// split at dots and at CamelCase ("SignatureExpire" is "signature" and
// "expire", and also "signatureexpire"). Common words such as "the", "is",
// "why", and single letters, are ignored; a query of only those matches nothing.
//
// Chinese (and other CJK scripts) is matched as a substring of the text;
// when the whole run of characters is not found, the entry still matches in
// part by the overlapping character pairs (bigrams) it shares with the query.
// The particles 的 了 吗 呢 吧 啊 separate query terms like spaces do.
//
// A query word also matches its synonyms, at a lower weight (a Chinese
// synonym where a field has each of its character pairs). The table
// (query words in any inflection, then what they also match):
//
//	rate                              frequency, 频率
//	throttle, throttled, throttling   frequency, 频率, 限频, 限流
//	quota                             limit, 配额
//	signature, sign                   签名
//	clock                             timestamp, time, 时间, 时钟
//	time                              timestamp, clock, 时间
//	timestamp                         time, clock, 时间
//	expire, expired, expiry           过期
//	permission, permissions           unauthorized, cam, 权限, 授权
//	unauthorized, forbidden, denied   permission, cam, 权限, 授权
//	key, secret                       密钥
//	missing                           exist, 不存在
//	database, db                      db, database, 数据库
//	repository, repo                  repo, repository, 仓库
//	timeout                           超时
//
// A query is searched for its first 32 distinct terms.
//
// Every query term should match: an entry that matches more terms always
// ranks above one that matches fewer. Among entries matching as many terms,
// the relevance decides: where each term matched (field weights above), how
// well (exact word, prefix, synonym, part of a Chinese phrase), and how rare
// the term is in the catalog. A query that is a contiguous part of the code
// once spaces are removed ("signature expire") gets a bonus, and so does
// a summary that holds the query's words as one phrase, whole words ("invalid
// id" is in "Invalid ID format", not in "Invalid identifier"). Ties keep
// catalog order, so results are deterministic. [Index.TextCodesIn] ranks
// among given entries only (lookup --product): a term's rarity still counts
// the whole catalog, and the bonuses go to the best of those entries.
//
// # Suggestions
//
// Suggest compares the lower-cased query with every distinct code using the
// Damerau–Levenshtein distance (optimal string alignment: insertions,
// deletions, substitutions and swaps of adjacent characters), allowing about
// one edit per five characters (at most four). It also considers the query as
// the last dotted segments of a code ("SignatureExpire", "ErrNoRepo"), as the
// sub-code under a wrong class ("InvalidParameter.SignatureExpire"), and as a
// prefix of a code or of one of its dotted segments ("AuthFailure.Sig",
// "ErrNo"), with a mistyped class allowed before the dot. Results are ranked
// by that distance, then by catalog order.
//
// # Completion
//
// Complete offers one dotted segment at a time. A segment with more than
// [MaxCompletions] candidates (FailedOperation has thousands of sub-codes
// across the products) is offered in steps: the longest stems that split
// the candidates into at most 100 groups ("FailedOperation.A",
// "FailedOperation.B", ...), so that a TAB never prints thousands of names.
package search

import (
	"strconv"
	"strings"
	"sync"

	"github.com/errcode-dev/errcode/catalog"
)

// DefaultSuggestions is the number of suggestions [Index.Suggest] returns when
// its limit is zero or negative.
const DefaultSuggestions = 5

// Index is a search index over one catalog. [New] costs nothing: patterns,
// suggestions and completion walk the catalog's sorted key view
// ([catalog.Catalog.Keys]) and build only the entries they return, so a
// lookup miss over the full catalog stays cheap. The full-text part of the
// embedded catalog is generated with it (textdata.go) and found by the
// catalog's fingerprint; for any other catalog it is built on the first
// [Index.Text] call. An Index is safe for
// concurrent use.
type Index struct {
	cat  *catalog.Catalog
	keys catalog.Keys

	textOnce sync.Once
	text     *textIndex

	tmplOnce sync.Once
	tmpl     []messageTemplate // known server messages, for InferCode
	words    map[string]bool   // their CamelCase words, for MessageWord
}

// New returns an index over c. A nil catalog gives an empty index.
func New(c *catalog.Catalog) *Index {
	if c == nil {
		c = &catalog.Catalog{}
	}
	return &Index{cat: c, keys: c.Keys()}
}

// textIndex returns the full-text index, building it on first use.
func (ix *Index) textIndex() *textIndex {
	ix.textOnce.Do(func() {
		// The generated index, if it was generated for this catalog.
		if ix.text = loadText(ix.cat, textWords, textBigrams); ix.text == nil {
			ix.text = buildText(ix.cat)
		}
	})
	return ix.text
}

// Kind tells what a query was taken to be; see [Classify].
type Kind int

// The kinds of query.
const (
	// KindExact is a code-shaped query, to look up as a code (ignoring case).
	KindExact Kind = iota
	// KindPattern is a glob over codes; see [Index.Pattern].
	KindPattern
	// KindText is free text; see [Index.Text].
	KindText
)

// String returns "exact", "pattern" or "text".
func (k Kind) String() string {
	switch k {
	case KindExact:
		return "exact"
	case KindPattern:
		return "pattern"
	case KindText:
		return "text"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Classify tells what q is, after trimming surrounding white space:
//
//   - KindPattern when it contains * or ? and otherwise only code characters
//     (ASCII letters, digits, '_', '-', '.'), e.g. "AuthFailure.*", "*NotFound*";
//   - KindExact when it is shaped like a code: it matches
//     ^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$, e.g. "authfailure.signatureexpire";
//   - KindText for anything else: spaces, CJK, other punctuation, a trailing
//     dot, or an empty query. A question such as "why expired?" is text, not
//     a pattern, because of its space.
func Classify(q string) Kind {
	q = strings.TrimSpace(q)
	if q == "" {
		return KindText
	}
	wild := false
	for i := 0; i < len(q); i++ {
		switch c := q[i]; {
		case c == '*' || c == '?':
			wild = true
		case !isCodeByte(c) && c != '.':
			return KindText
		}
	}
	if wild {
		return KindPattern
	}
	if !isLetterByte(q[0]) {
		return KindText
	}
	for i := 1; i < len(q); i++ {
		if q[i] == '.' && (q[i-1] == '.' || i == len(q)-1) {
			return KindText
		}
	}
	return KindExact
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isCodeByte reports whether c may appear in a code segment.
func isCodeByte(c byte) bool {
	return isLetterByte(c) || '0' <= c && c <= '9' || c == '_' || c == '-'
}
