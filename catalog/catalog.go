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
// alphabetically, then sdk).
//
// Every catalog has one representation, the compact layout of
// internal/catalogfmt: a record per position, a key index and an action
// table. A record points either to an entry held whole (every entry of a
// catalog built by New; the curated layer of Default) or to the text of an
// imported entry (Default's other 17,000), built into an *Entry only when
// a caller asks for it. Default reads the tables internal/catalogen
// generated where they lie (see store.go); New writes the same tables in
// memory.
type Catalog struct {
	rec  catalogfmt.Records
	held []*Entry // the entries held whole, by the index their records hold (see heldAt)
	// embedded is set for Default, whose held entries are held.bin's,
	// decoded on first use (held.go), rather than held.
	embedded bool
	texts    []string // the imported entries' text files (Default)
	starts   []uint32 // the offset at which each text file starts
	acts     catalogfmt.Actions
	keys     catalogfmt.KeyIndex // lower-cased code -> positions

	scopes      []string // distinct scopes in catalog order (common, products, sdk); a record's scope indexes it
	scopeCounts []int    // the number of entries of each scope
	categories  []string // distinct categories, sorted

	fingerprint string // see Fingerprint

	mu    sync.RWMutex
	built map[int]*Entry // imported entries built so far, by position

	allOnce sync.Once
	all     []*Entry // every entry, built on the first call of Entries
}

// New builds a catalog from entries, which it sorts and indexes. It does not
// validate them; see Validate. The entries are held whole: Find and the
// other lookups return them, not copies.
func New(entries []*Entry) *Catalog {
	list := slices.Clone(entries)
	// The compiled catalog arrives sorted: checking is linear, sorting is not.
	if !sort.SliceIsSorted(list, func(i, j int) bool { return Less(list[i], list[j]) }) {
		sort.SliceStable(list, func(i, j int) bool { return Less(list[i], list[j]) })
	}
	c := &Catalog{held: list}
	lower := make([]string, len(list))
	scopes := make([]string, len(list))
	var actions []string
	for i, e := range list {
		lower[i], scopes[i] = strings.ToLower(e.Code), e.Scope
		if !slices.Contains(c.scopes, e.Scope) {
			c.scopes = append(c.scopes, e.Scope)
		}
		if n := len(c.categories); n == 0 || c.categories[n-1] != e.Category() {
			c.categories = append(c.categories, e.Category())
		}
		actions = append(actions, e.Actions...)
	}
	slices.SortStableFunc(c.scopes, catalogfmt.CompareScopes)
	scopeID := make(map[string]int, len(c.scopes))
	for i, s := range c.scopes {
		scopeID[s] = i
	}
	c.scopeCounts = make([]int, len(c.scopes))
	rec := make([]byte, 0, catalogfmt.RecordSize*len(list))
	for i, e := range list {
		c.scopeCounts[scopeID[e.Scope]]++
		rec = catalogfmt.AppendRecord(rec, catalogfmt.Record{Text: uint32(i), Scope: scopeID[e.Scope], Guide: catalogfmt.NoGuide, Flags: catalogfmt.FlagHeld})
	}
	c.rec = catalogfmt.Records(rec)
	c.keys = catalogfmt.BuildKeyIndex(lower, scopes)
	names, off := catalogfmt.BuildActions(actions)
	c.acts = catalogfmt.Actions{Names: string(names), Off: catalogfmt.U32s(off)}
	c.allOnce.Do(func() { c.all = list })
	return c
}

// KeyShape packs what suggestions need to know of a code's layout without
// reading it (see Keys.Shape).
func KeyShape(code string) uint32 { return catalogfmt.KeyShape(code) }

// Less reports whether a comes before b in catalog order: by category, then
// code, then scope (common first, then products alphabetically, then sdk).
func Less(a, b *Entry) bool {
	if ca, cb := a.Category(), b.Category(); ca != cb {
		return ca < cb
	}
	if a.Code != b.Code {
		return a.Code < b.Code
	}
	return catalogfmt.CompareScopes(a.Scope, b.Scope) < 0
}

// Fingerprint names the sources the catalog's tables were generated from
// (a hash of catalog/*.yaml that internal/catalogen computes), so that a
// table generated with them, such as internal/search's full-text index,
// can tell that it belongs to this catalog. It is "" for a catalog built by
// New.
func (c *Catalog) Fingerprint() string { return c.fingerprint }

// Len returns the number of entries.
func (c *Catalog) Len() int { return c.rec.Len() }

// Definition is what a listing shows of one entry: its code, scope and
// summary (and its official solution). Catalog.Definitions reads it without
// building the entry.
type Definition struct {
	Code, Scope string
	Summary     Text
	Solution    Text
	// Imported is true for an entry of the imported layer.
	Imported bool
	// Translated says which texts are errcode's translation (Entry.Translated).
	Translated Translated
}

// EntryAt returns the entry at catalog position i (0 <= i < Len()), building
// it if need be. Positions are catalog order: Entries()[i] is EntryAt(i).
func (c *Catalog) EntryAt(i int) *Entry { return c.entry(i) }

// DefinitionAt returns the definition of the entry at catalog position i
// without building the entry.
func (c *Catalog) DefinitionAt(i int) Definition { return c.definition(i) }

// CuratedCommonAt reports whether the entry at catalog position i is a
// curated common code (scope common, not imported), reading neither its
// code nor its text: free-text ranking asks it of every strong hit.
func (c *Catalog) CuratedCommonAt(i int) bool {
	if _, held := c.rec.Held(i); !held {
		return false
	}
	return c.scopeAt(i) == ScopeCommon
}

// Definitions returns the definition of every entry whose code equals code,
// ignoring case, in the order of Find. It builds no entry: use it to list
// the products that define a code (InternalError has about 200).
func (c *Catalog) Definitions(code string) []Definition {
	k := c.keys.Lookup(strings.ToLower(strings.TrimSpace(code)))
	if k < 0 {
		return nil
	}
	ps := c.keys.Positions(k)
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
	c.allOnce.Do(func() {
		c.all = make([]*Entry, c.Len())
		for i := range c.all {
			c.all[i] = c.entry(i)
		}
	})
	return c.all
}

// Curated returns the entries of the curated layer (catalog/codes.yaml) in
// catalog order: those with causes, fix steps and known server messages. For
// a catalog built by New it returns every entry that is not Imported.
func (c *Catalog) Curated() []*Entry {
	var out []*Entry
	if c.embedded {
		for h := range numCurated {
			out = append(out, heldEntry(h))
		}
		return out
	}
	for _, e := range c.held { // held in catalog order
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
	k := c.keys.Lookup(strings.ToLower(strings.TrimSpace(code)))
	if k < 0 {
		return nil
	}
	ps := c.keys.Positions(k)
	out := make([]*Entry, len(ps))
	for j, p := range ps {
		out[j] = c.entry(p)
	}
	return out
}

// Has reports whether code (any case) is in the catalog, in any scope. It
// builds no entry.
func (c *Catalog) Has(code string) bool {
	return c.keys.Lookup(strings.ToLower(strings.TrimSpace(code))) >= 0
}

// FindScopes returns the scopes that define code (any case), in catalog
// order, without building their entries. A scope appears once even when it
// defines the code in two spellings.
func (c *Catalog) FindScopes(code string) []string {
	k := c.keys.Lookup(strings.ToLower(strings.TrimSpace(code)))
	if k < 0 {
		return nil
	}
	var out []string
	for _, p := range c.keys.Positions(k) {
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
	k := c.keys.Lookup(strings.ToLower(code))
	if k < 0 {
		return nil
	}
	first := -1
	for _, p := range c.keys.Positions(k) {
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

// ScopePositions returns the catalog positions of the entries of any of
// scopes (any case), in catalog order, building none: free-text search
// under --product ranks only these (the product's and the common codes).
// A scope's entries lie all over the catalog: one pass over the records
// finds them all.
func (c *Catalog) ScopePositions(scopes ...string) []int {
	var idx []int // the scope indexes wanted
	for i, s := range c.scopes {
		if slices.ContainsFunc(scopes, func(x string) bool { return strings.EqualFold(s, x) }) {
			idx = append(idx, i)
		}
	}
	return c.rec.WithScope(idx)
}

// ProductPositions returns the catalog positions of the entries of product
// scope (any case) and of the common entries whose code that product does
// not define (ignoring case), in catalog order, building none: what lookup
// --product ranks free text among (a common code applies to every product
// that does not define it). It reads the records once, and the product's
// codes' keys, instead of asking CodeInScope of every common entry (whose
// code may have 200 definitions to read through). Nil for a scope that is
// no product.
func (c *Catalog) ProductPositions(scope string) []int {
	pi, ci := -1, -1
	for i, s := range c.scopes {
		switch {
		case s == ScopeCommon:
			ci = i
		case s != ScopeSDK && strings.EqualFold(s, scope):
			pi = i
		}
	}
	if pi < 0 {
		return nil
	}
	if ci < 0 {
		return c.rec.WithScope([]int{pi})
	}
	pos := c.rec.WithScope([]int{ci, pi})
	defined := make([]uint64, (c.keys.Len()+63)/64) // by key: the product defines it
	for _, p := range pos {
		if int(c.rec.Scope(p)) == pi {
			k := c.keys.KeyOf.At(p)
			defined[k/64] |= 1 << (k % 64)
		}
	}
	out := pos[:0]
	for _, p := range pos {
		if k := c.keys.KeyOf.At(p); int(c.rec.Scope(p)) == pi || defined[k/64]&(1<<(k%64)) == 0 {
			out = append(out, p)
		}
	}
	return out
}

// CodeInScope reports whether scope (any case) has an entry with the code
// of the entry at position pos (ignoring case), reading no code: lookup
// --product keeps a common code only where the product does not define it.
func (c *Catalog) CodeInScope(pos int, scope string) bool {
	for _, p := range c.keys.Positions(int(c.keys.KeyOf.At(pos))) {
		if strings.EqualFold(c.scopeAt(p), scope) {
			return true
		}
	}
	return false
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
	lp := strings.ToLower(prefix)
	var out []string
	for id := c.acts.Search(lp); id < c.acts.Len(); id++ {
		name := c.acts.Name(id)
		if !strings.HasPrefix(strings.ToLower(name), lp) || (limit > 0 && len(out) == limit) {
			break
		}
		out = append(out, name)
	}
	return out
}

// Keys returns a view of the catalog's distinct codes (ignoring case), sorted
// by lower-cased code. Completion, patterns and suggestions walk it without
// building entries.
func (c *Catalog) Keys() Keys { return Keys{c} }

// Keys is a read-only view of a catalog's distinct codes, ignoring case,
// sorted by lower-cased code. See Catalog.Keys.
type Keys struct{ c *Catalog }

// Len returns the number of distinct codes.
func (k Keys) Len() int { return k.c.keys.Len() }

// Lower returns the lower-cased code i.
func (k Keys) Lower(i int) string { return k.c.keys.Key(i) }

// Search returns the first i whose Lower(i) >= lower (Len() when there is none).
func (k Keys) Search(lower string) int { return k.c.keys.Search(lower) }

// Shape returns the length of code i, the offsets of its first and last dots
// (-1 when it has none) and its number of dots, without reading the code.
func (k Keys) Shape(i int) (n, firstDot, lastDot, dots int) {
	x := k.c.keys.Shape.At(i)
	return int(x & 0xFF), int(x>>8&0xFF) - 1, int(x>>16&0xFF) - 1, int(x >> 24)
}

// Grams returns catalogfmt.KeyGrams of code i, without reading the code.
func (k Keys) Grams(i int) uint32 { return k.c.keys.Grams.At(i) }

// LastLetters returns catalogfmt.KeyLetters of code i's last dotted segment
// (the whole code when it has no dot), without reading the code.
func (k Keys) LastLetters(i int) uint32 { return k.c.keys.Letters.At(i) }

// Rank returns the catalog position of code i's first entry (as Find orders
// them): ordering codes by Rank is, but for codes spelled in several cases,
// catalog order.
func (k Keys) Rank(i int) int { return k.c.keys.First(i) }

// Code returns code i as its first entry (as Find orders them) spells it.
func (k Keys) Code(i int) string { return k.c.codeAt(k.Rank(i)) }

// Entries returns the entries of code i, as Find orders them.
func (k Keys) Entries(i int) []*Entry {
	ps := k.c.keys.Positions(i)
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
		for _, p := range k.c.keys.Positions(i) {
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
	for _, p := range k.c.keys.Positions(i) {
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
	for _, p := range k.c.keys.Positions(i) {
		if strings.EqualFold(k.c.scopeAt(p), scope) {
			return true
		}
	}
	return false
}

// Of returns the code of the entry at catalog position pos, as a key:
// Lower(Of(pos)) is its code lower-cased, read from the keys' own compact
// table rather than from the entry.
func (k Keys) Of(pos int) int { return int(k.c.keys.KeyOf.At(pos)) }

// Positions returns the catalog positions of the entries whose code equals
// code, ignoring case, in the order of Find. It builds no entry: read them
// with DefinitionAt, RetryAt or EntryAt.
func (c *Catalog) Positions(code string) []int {
	k := c.keys.Lookup(strings.ToLower(strings.TrimSpace(code)))
	if k < 0 {
		return nil
	}
	return c.keys.Positions(k)
}

// RetryAt returns the retry verdict of the entry at catalog position i and
// whether it is retryable (Entry.Verdict and Entry.Retryable), without
// building the entry.
func (c *Catalog) RetryAt(i int) (RetryVerdict, bool) { return c.retry(i) }

// BuildAt returns the entry at catalog position i like EntryAt, but an
// imported entry is built anew and not kept: walking the whole catalog with
// it holds one entry at a time, where EntryAt (and Entries) keep all 17,000.
func (c *Catalog) BuildAt(i int) *Entry {
	if e := c.kept(i); e != nil {
		return e
	}
	return c.build(i)
}

// ActionPositions returns the catalog positions of the entries whose Actions
// include action (any case), in catalog order, as ByAction orders its
// entries.
func (c *Catalog) ActionPositions(action string) []int {
	action = strings.TrimSpace(action)
	if action == "" {
		return nil
	}
	return c.byAction(action)
}

// Positions returns the catalog positions of code i's entries, as Find
// orders them.
func (k Keys) Positions(i int) []int { return k.c.keys.Positions(i) }

// CodeAt returns the code of the entry at catalog position i, reading no
// more than the code.
func (c *Catalog) CodeAt(i int) string { return c.codeAt(i) }

// ScopeAt returns the scope of the entry at position i, building none.
func (c *Catalog) ScopeAt(i int) string { return c.scopeAt(i) }
