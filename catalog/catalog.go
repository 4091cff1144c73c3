package catalog

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// Catalog is a read-only set of entries with case-insensitive lookup.
// The zero value is an empty catalog. A Catalog is safe for concurrent use.
//
// Every entry has a position: its index in catalog order, which is by
// category, then code, then scope (common first, then products
// alphabetically, then sdk). The catalog Default returns holds about 17,000
// entries, most of them in a compact generated form (see store.go): only the
// entries a caller asks for are built into *Entry values.
type Catalog struct {
	list []*Entry // New: every entry, in catalog order; Default: nil
	st   *store   // Default: the generated data
	keys keyIndex // lower-cased code -> positions

	scopes     []string // distinct scopes in catalog order (common, products, sdk)
	categories []string // distinct categories, sorted

	allOnce sync.Once
	all     []*Entry // Default: every entry, built on the first call of Entries
}

// New builds a catalog from entries, which it sorts and indexes. It does not
// validate them; see Validate.
func New(entries []*Entry) *Catalog {
	c := &Catalog{list: append([]*Entry(nil), entries...)}
	// The compiled catalog arrives sorted: checking is linear, sorting is not.
	if !sort.SliceIsSorted(c.list, func(i, j int) bool { return less(c.list[i], c.list[j]) }) {
		sort.SliceStable(c.list, func(i, j int) bool { return less(c.list[i], c.list[j]) })
	}
	lower := make([]string, len(c.list))
	seenScope := map[string]bool{}
	for i, e := range c.list {
		lower[i] = strings.ToLower(e.Code)
		if !seenScope[e.Scope] {
			seenScope[e.Scope] = true
			c.scopes = append(c.scopes, e.Scope)
		}
		if n := len(c.categories); n == 0 || c.categories[n-1] != e.Category() {
			c.categories = append(c.categories, e.Category())
		}
	}
	sortScopes(c.scopes)
	scopes := make([]string, len(c.list))
	for i, e := range c.list {
		scopes[i] = e.Scope
	}
	c.keys = buildKeyIndex(lower, scopes)
	return c
}

// buildKeyIndex returns the key index of the entries in catalog order whose
// lower-cased codes are lower and scopes are scopes: the distinct keys
// sorted, each with the positions of its entries ordered by scope (common
// first, then products alphabetically, then sdk) and then position, so that
// spellings of one code that differ in case stay in scope order.
// internal/catalogen writes the same tables for the embedded catalog (a test
// compares the two).
func buildKeyIndex(lower, scopes []string) keyIndex {
	idx := make([]int, len(lower))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if lower[i] != lower[j] {
			return lower[i] < lower[j]
		}
		if ri, rj := scopeRank(scopes[i]), scopeRank(scopes[j]); ri != rj {
			return ri < rj
		}
		return scopes[i] < scopes[j]
	})
	var text strings.Builder
	var off, post, pos, shape []uint32
	for j, i := range idx {
		if j == 0 || lower[i] != lower[idx[j-1]] {
			off = append(off, uint32(text.Len()))
			post = append(post, uint32(len(pos)))
			shape = append(shape, KeyShape(lower[i]))
			text.WriteString(lower[i])
			text.WriteByte('\n')
		}
		pos = append(pos, uint32(i))
	}
	off = append(off, uint32(text.Len()))
	post = append(post, uint32(len(pos)))
	return keyIndex{text: text.String(), off: packU32(off), post: packU32(post), pos: packU32(pos), shape: packU32(shape)}
}

// KeyShape packs what suggestions need to know of a code's layout without
// reading it: its length, the offsets of its first and last dots plus one (0
// for none) and its number of dots, a byte each (each at most 255).
// internal/catalogen generates it with the key index.
func KeyShape(code string) uint32 {
	first, last, dots := strings.IndexByte(code, '.')+1, strings.LastIndexByte(code, '.')+1, strings.Count(code, ".")
	return uint32(min(len(code), 255)) | uint32(min(first, 255))<<8 | uint32(min(last, 255))<<16 | uint32(min(dots, 255))<<24
}

// keyIndex finds entries by lower-cased code without building a map at
// start-up: the distinct keys are one sorted text, searched by bisection, so
// a lookup touches a few pages instead of every code string in the binary.
type keyIndex struct {
	text string // the distinct lower-cased codes in sorted order, each followed by '\n'
	off  u32s   // key i is text[off[i] : off[i+1]-1]; len(keys)+1 values
	post u32s   // the positions of key i are pos[post[i] : post[i+1]]
	pos  u32s   // catalog positions, in scope order within each key (see buildKeyIndex)
	// shape of key i (KeyShape), so that suggestions can skip most keys
	// without reading them
	shape u32s
	// A sample of every sampleEvery-th key (keys 0, sampleEvery, ...), kept
	// together so that a bisection first narrows to a block of keys touching
	// two pages instead of one page per step. Optional (New has none).
	sampleOff  u32s
	sampleText string
}

// sampleEvery is the spacing of the sampled keys.
const sampleEvery = catalogfmt.SampleEvery

func (k *keyIndex) len() int {
	if len(k.off) == 0 {
		return 0
	}
	return k.off.len() - 1
}

func (k *keyIndex) key(i int) string { return k.text[k.off.at(i) : k.off.at(i+1)-1] }

// search returns the first key index whose key is >= key.
func (k *keyIndex) search(key string) int {
	lo, hi := 0, k.len()
	if n := k.sampleOff.len() - 1; n > 0 {
		// The first sampled key >= key bounds the answer from above, the one
		// before it from below.
		j := sort.Search(n, func(j int) bool { return k.sampleText[k.sampleOff.at(j):k.sampleOff.at(j+1)-1] >= key })
		if j > 0 {
			lo = (j-1)*sampleEvery + 1
		}
		hi = min(hi, j*sampleEvery)
	}
	return lo + sort.Search(hi-lo, func(i int) bool { return k.key(lo+i) >= key })
}

// lookup returns the index of key, or -1.
func (k *keyIndex) lookup(key string) int {
	if i := k.search(key); i < k.len() && k.key(i) == key {
		return i
	}
	return -1
}

// positions returns the catalog positions of key i's entries, in scope order.
func (k *keyIndex) positions(i int) []int {
	a, b := int(k.post.at(i)), int(k.post.at(i+1))
	out := make([]int, b-a)
	for j := range out {
		out[j] = int(k.pos.at(a + j))
	}
	return out
}

// u32s is a table of little-endian uint32 values, kept as a string so that an
// embedded table is used where it lies, read-only, without a copy.
type u32s string

func packU32(xs []uint32) u32s {
	b := make([]byte, 4*len(xs))
	for i, x := range xs {
		b[4*i], b[4*i+1], b[4*i+2], b[4*i+3] = byte(x), byte(x>>8), byte(x>>16), byte(x>>24)
	}
	return u32s(b)
}

func (a u32s) len() int { return len(a) / 4 }

func (a u32s) at(i int) uint32 {
	s := a[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// scopeRank orders scopes: common first, then products alphabetically, then sdk.
func scopeRank(s string) int {
	switch s {
	case ScopeCommon:
		return 0
	case ScopeSDK:
		return 2
	}
	return 1
}

func sortScopes(s []string) {
	sort.SliceStable(s, func(i, j int) bool {
		if ri, rj := scopeRank(s[i]), scopeRank(s[j]); ri != rj {
			return ri < rj
		}
		return s[i] < s[j]
	})
}

func less(a, b *Entry) bool { return Less(a, b) }

// Less reports whether a comes before b in catalog order: by category, then
// code, then scope (common first, then products alphabetically, then sdk).
func Less(a, b *Entry) bool {
	if ca, cb := a.Category(), b.Category(); ca != cb {
		return ca < cb
	}
	if a.Code != b.Code {
		return a.Code < b.Code
	}
	if ra, rb := scopeRank(a.Scope), scopeRank(b.Scope); ra != rb {
		return ra < rb
	}
	return a.Scope < b.Scope
}

// Len returns the number of entries.
func (c *Catalog) Len() int {
	if c.st != nil {
		return c.st.len()
	}
	return len(c.list)
}

// entry returns the entry at catalog position i.
func (c *Catalog) entry(i int) *Entry {
	if c.st != nil {
		return c.st.entry(i)
	}
	return c.list[i]
}

// scopeAt returns the scope of the entry at position i without building it.
func (c *Catalog) scopeAt(i int) string {
	if c.st != nil {
		return c.st.scope(i)
	}
	return c.list[i].Scope
}

// codeAt returns the code of the entry at position i without building it.
func (c *Catalog) codeAt(i int) string {
	if c.st != nil {
		return c.st.code(i)
	}
	return c.list[i].Code
}

// Definition is what a listing shows of one entry: its code, scope and
// summary (and its official solution). Catalog.Definitions reads it without
// building the entry.
type Definition struct {
	Code, Scope string
	Summary     Text
	Solution    Text
	// Imported is true for an entry of the imported layer.
	Imported bool
}

// EntryAt returns the entry at catalog position i (0 <= i < Len()), building
// it if need be. Positions are catalog order: Entries()[i] is EntryAt(i).
func (c *Catalog) EntryAt(i int) *Entry { return c.entry(i) }

// DefinitionAt returns the definition of the entry at catalog position i
// without building the entry.
func (c *Catalog) DefinitionAt(i int) Definition {
	if c.st != nil {
		return c.st.definition(i)
	}
	e := c.list[i]
	return Definition{Code: e.Code, Scope: e.Scope, Summary: e.Summary, Solution: e.Solution, Imported: e.Imported}
}

// Definitions returns the definition of every entry whose code equals code,
// ignoring case, in the order of Find. It builds no entry: use it to list
// the products that define a code (InternalError has about 200).
func (c *Catalog) Definitions(code string) []Definition {
	k := c.keys.lookup(strings.ToLower(strings.TrimSpace(code)))
	if k < 0 {
		return nil
	}
	ps := c.keys.positions(k)
	out := make([]Definition, len(ps))
	for j, p := range ps {
		out[j] = c.DefinitionAt(p)
	}
	return out
}

// Entries returns every entry, ordered by category, code and scope (common
// first). The caller must not modify them. For the embedded catalog this
// builds all of its entries: to look codes up, use Find, Get or Resolve.
func (c *Catalog) Entries() []*Entry {
	if c.st == nil {
		return c.list
	}
	c.allOnce.Do(func() {
		c.all = make([]*Entry, c.st.len())
		for i := range c.all {
			c.all[i] = c.st.entry(i)
		}
	})
	return c.all
}

// Curated returns the entries of the curated layer (catalog/codes.yaml) in
// catalog order: those with causes, fix steps and known server messages. For
// a catalog built by New it returns every entry that is not Imported.
func (c *Catalog) Curated() []*Entry {
	if c.st != nil {
		return c.st.curated()
	}
	var out []*Entry
	for _, e := range c.list {
		if !e.Imported {
			out = append(out, e)
		}
	}
	return out
}

// Find returns every entry whose code equals code, ignoring case: the common
// scope first, then products alphabetically, then sdk (within a scope that
// spells the code two ways, in catalog order). It returns nil when there is
// none.
func (c *Catalog) Find(code string) []*Entry {
	k := c.keys.lookup(strings.ToLower(strings.TrimSpace(code)))
	if k < 0 {
		return nil
	}
	ps := c.keys.positions(k)
	out := make([]*Entry, len(ps))
	for j, p := range ps {
		out[j] = c.entry(p)
	}
	return out
}

// Has reports whether code (any case) is in the catalog, in any scope. It
// builds no entry.
func (c *Catalog) Has(code string) bool {
	return c.keys.lookup(strings.ToLower(strings.TrimSpace(code))) >= 0
}

// FindScopes returns the scopes that define code (any case), in catalog
// order, without building their entries. A scope appears once even when it
// defines the code in two spellings.
func (c *Catalog) FindScopes(code string) []string {
	k := c.keys.lookup(strings.ToLower(strings.TrimSpace(code)))
	if k < 0 {
		return nil
	}
	var out []string
	for _, p := range c.keys.positions(k) {
		// Positions are in scope order: a scope's two spellings are adjacent.
		if s := c.scopeAt(p); len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	return out
}

// Get returns the entry for code in scope (ignoring case), or nil.
// An empty scope means the first match: the common entry when there is one.
// Where the scope defines the code in two spellings (sms has both
// SdkAppidNotExist and SdkAppIdNotExist), the one spelled as code wins.
func (c *Catalog) Get(scope, code string) *Entry {
	code = strings.TrimSpace(code)
	k := c.keys.lookup(strings.ToLower(code))
	if k < 0 {
		return nil
	}
	first := -1
	for _, p := range c.keys.positions(k) {
		if scope != "" && !strings.EqualFold(c.scopeAt(p), scope) {
			continue
		}
		if first >= 0 && scope == "" && c.scopeAt(p) != c.scopeAt(first) {
			break // only spellings within the first scope compete
		}
		if c.codeAt(p) == code {
			return c.entry(p)
		}
		if first < 0 {
			first = p
		}
	}
	if first < 0 {
		return nil
	}
	return c.entry(first)
}

// Resolve finds code, falling back to its parent classes for an unknown
// sub-code: "InternalError.SomethingNew" resolves to the InternalError entry
// with exact == false. Scope says which scope to prefer: the code in that
// scope, else the code in any scope (common first), else its parent in that
// scope, else the parent's common entry.
func (c *Catalog) Resolve(scope, code string) (e *Entry, exact bool) {
	if e := c.Get(scope, code); e != nil {
		return e, true
	}
	if scope != "" {
		if e := c.Get("", code); e != nil {
			return e, true
		}
	}
	for p, ok := Parent(strings.TrimSpace(code)); ok; p, ok = Parent(p) {
		if e := c.Get(scope, p); e != nil {
			return e, false
		}
		if scope != "" {
			if e := c.Get(ScopeCommon, p); e != nil {
				return e, false
			}
		}
	}
	return nil, false
}

// Scopes returns the distinct scopes in catalog order: common, then the
// products alphabetically, then sdk.
func (c *Catalog) Scopes() []string { return slices.Clone(c.scopes) }

// HasScope reports whether scope (any case) is one of the catalog's scopes.
func (c *Catalog) HasScope(scope string) bool {
	return c.canonScope(scope) != ""
}

// canonScope returns the catalog's spelling of scope, or "".
func (c *Catalog) canonScope(scope string) string {
	for _, s := range c.scopes {
		if strings.EqualFold(s, scope) {
			return s
		}
	}
	return ""
}

// Categories returns the distinct categories, sorted.
func (c *Catalog) Categories() []string { return slices.Clone(c.categories) }

// InScope returns the entries of one scope (any case), in catalog order. For
// the embedded catalog it builds only that scope's entries.
func (c *Catalog) InScope(scope string) []*Entry {
	var out []*Entry
	for i, n := 0, c.Len(); i < n; i++ {
		if strings.EqualFold(c.scopeAt(i), scope) {
			out = append(out, c.entry(i))
		}
	}
	return out
}

// ByAction returns the entries whose Actions include action (any case), in
// catalog order: the codes that API action is documented to return.
func (c *Catalog) ByAction(action string) []*Entry {
	pos := c.ActionPositions(action)
	if pos == nil {
		return nil
	}
	out := make([]*Entry, len(pos))
	for i, p := range pos {
		out[i] = c.entry(p)
	}
	return out
}

// Actions returns the distinct API actions (of any scope) that start with
// prefix, ignoring case, sorted, at most limit of them (all when limit <= 0).
func (c *Catalog) Actions(prefix string, limit int) []string {
	if c.st != nil {
		return c.st.actions(prefix, limit)
	}
	seen := map[string]bool{}
	var out []string
	lp := strings.ToLower(prefix)
	for _, e := range c.list {
		for _, a := range e.Actions {
			if !seen[a] && strings.HasPrefix(strings.ToLower(a), lp) {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	slices.SortFunc(out, compareFold)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// compareFold orders strings ignoring case, then by their bytes.
func compareFold(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// Keys returns a view of the catalog's distinct codes (ignoring case), sorted
// by lower-cased code. Completion, patterns and suggestions walk it without
// building entries.
func (c *Catalog) Keys() Keys { return Keys{c} }

// Keys is a read-only view of a catalog's distinct codes, ignoring case,
// sorted by lower-cased code. See Catalog.Keys.
type Keys struct{ c *Catalog }

// Len returns the number of distinct codes.
func (k Keys) Len() int { return k.c.keys.len() }

// Lower returns the lower-cased code i.
func (k Keys) Lower(i int) string { return k.c.keys.key(i) }

// Search returns the first i whose Lower(i) >= lower (Len() when there is none).
func (k Keys) Search(lower string) int { return k.c.keys.search(lower) }

// Shape returns the length of code i, the offsets of its first and last dots
// (-1 when it has none) and its number of dots, without reading the code.
func (k Keys) Shape(i int) (n, firstDot, lastDot, dots int) {
	x := k.c.keys.shape.at(i)
	return int(x & 0xFF), int(x>>8&0xFF) - 1, int(x>>16&0xFF) - 1, int(x >> 24)
}

// Rank returns the catalog position of code i's first entry (as Find orders
// them): ordering codes by Rank is, but for codes spelled in several cases,
// catalog order.
func (k Keys) Rank(i int) int { return int(k.c.keys.pos.at(int(k.c.keys.post.at(i)))) }

// Code returns code i as its first entry (as Find orders them) spells it.
func (k Keys) Code(i int) string { return k.c.codeAt(k.Rank(i)) }

// Entries returns the entries of code i, as Find orders them.
func (k Keys) Entries(i int) []*Entry {
	ps := k.c.keys.positions(i)
	out := make([]*Entry, len(ps))
	for j, p := range ps {
		out[j] = k.c.entry(p)
	}
	return out
}

// Entry returns the first entry of code i in scope (any case), or nil. With
// scope "" it prefers a curated entry (richer, bilingual) to an imported one.
func (k Keys) Entry(i int, scope string) *Entry {
	if scope == "" {
		var first *Entry
		for _, p := range k.c.keys.positions(i) {
			e := k.c.entry(p)
			if !e.Imported {
				return e
			}
			if first == nil {
				first = e
			}
		}
		return first
	}
	for _, p := range k.c.keys.positions(i) {
		if scope == "" || strings.EqualFold(k.c.scopeAt(p), scope) {
			return k.c.entry(p)
		}
	}
	return nil
}

// InScope reports whether code i has an entry in scope (any case; "" for any).
func (k Keys) InScope(i int, scope string) bool {
	if scope == "" {
		return true
	}
	for _, p := range k.c.keys.positions(i) {
		if strings.EqualFold(k.c.scopeAt(p), scope) {
			return true
		}
	}
	return false
}

// Positions returns the catalog positions of the entries whose code equals
// code, ignoring case, in the order of Find. It builds no entry: read them
// with DefinitionAt, RetryAt or EntryAt.
func (c *Catalog) Positions(code string) []int {
	k := c.keys.lookup(strings.ToLower(strings.TrimSpace(code)))
	if k < 0 {
		return nil
	}
	return c.keys.positions(k)
}

// RetryAt returns the retry verdict of the entry at catalog position i and
// whether it is retryable (Entry.Verdict and Entry.Retryable), without
// building the entry.
func (c *Catalog) RetryAt(i int) (RetryVerdict, bool) {
	if c.st != nil {
		return c.st.retry(i)
	}
	return c.list[i].Verdict, c.list[i].Retryable
}

// BuildAt returns the entry at catalog position i like EntryAt, but an
// imported entry is built anew and not kept: walking the whole catalog with
// it holds one entry at a time, where EntryAt (and Entries) keep all 17,000.
func (c *Catalog) BuildAt(i int) *Entry {
	if c.st == nil {
		return c.list[i]
	}
	if _, ok := c.st.curatedIndex(i); ok {
		return c.st.entry(i)
	}
	c.st.mu.RLock()
	e := c.st.built[i]
	c.st.mu.RUnlock()
	if e != nil {
		return e
	}
	return c.st.build(i)
}

// ActionPositions returns the catalog positions of the entries whose Actions
// include action (any case), in catalog order, as ByAction orders its
// entries.
func (c *Catalog) ActionPositions(action string) []int {
	action = strings.TrimSpace(action)
	if action == "" {
		return nil
	}
	if c.st != nil {
		return c.st.byAction(action)
	}
	var out []int
	for i, e := range c.list {
		for _, a := range e.Actions {
			if strings.EqualFold(a, action) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// Positions returns the catalog positions of code i's entries, as Find
// orders them.
func (k Keys) Positions(i int) []int { return k.c.keys.positions(i) }

// CodeAt returns the code of the entry at catalog position i, reading no
// more than the code.
func (c *Catalog) CodeAt(i int) string { return c.codeAt(i) }
