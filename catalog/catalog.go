package catalog

import (
	"sort"
	"strings"
)

// Catalog is a read-only set of entries with case-insensitive lookup.
// The zero value is an empty catalog. A Catalog is safe for concurrent use.
type Catalog struct {
	entries []*Entry            // sorted by (category, code, scope rank)
	byCode  map[string][]*Entry // New: lower-cased code -> entries, common scope first
	keys    *keyIndex           // Default: the same lookup, generated with the data
}

// keyIndex finds entries by lower-cased code without building a map at
// start-up: the keys are one sorted string, searched by bisection, so a
// lookup touches a few pages instead of every code string in the binary.
type keyIndex struct {
	text  string   // the lower-cased codes, concatenated in sorted order
	off   []uint32 // key i is text[off[i]:off[i+1]]
	entry []uint32 // index in entries of key i's entry; equal keys in catalog order
}

func (k *keyIndex) key(i int) string { return k.text[k.off[i]:k.off[i+1]] }

func (k *keyIndex) find(entries []*Entry, key string) []*Entry {
	n := len(k.entry)
	i := sort.Search(n, func(i int) bool { return k.key(i) >= key })
	var out []*Entry
	for ; i < n && k.key(i) == key; i++ {
		out = append(out, entries[k.entry[i]])
	}
	return out
}

// New builds a catalog from entries, which it sorts and indexes. It does not validate them; see Validate.
func New(entries []*Entry) *Catalog {
	c := &Catalog{entries: append([]*Entry(nil), entries...), byCode: make(map[string][]*Entry, len(entries))}
	// The compiled catalog arrives sorted (a test keeps codes.yaml in order):
	// checking is linear, sorting is not.
	if !sort.SliceIsSorted(c.entries, func(i, j int) bool { return less(c.entries[i], c.entries[j]) }) {
		sort.SliceStable(c.entries, func(i, j int) bool { return less(c.entries[i], c.entries[j]) })
	}
	for _, e := range c.entries {
		k := strings.ToLower(e.Code)
		c.byCode[k] = append(c.byCode[k], e)
	}
	return c
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

func less(a, b *Entry) bool {
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

// Entries returns every entry, ordered by category, code and scope (common first).
// The caller must not modify them.
func (c *Catalog) Entries() []*Entry { return c.entries }

// Len returns the number of entries.
func (c *Catalog) Len() int { return len(c.entries) }

// Find returns every entry whose code equals code, ignoring case, common scope
// first. It returns nil when there is none.
func (c *Catalog) Find(code string) []*Entry {
	key := strings.ToLower(strings.TrimSpace(code))
	if c.keys != nil {
		return c.keys.find(c.entries, key)
	}
	return c.byCode[key]
}

// Get returns the entry for code in scope (ignoring case), or nil.
// An empty scope means the first match: the common entry when there is one.
func (c *Catalog) Get(scope, code string) *Entry {
	for _, e := range c.Find(code) {
		if scope == "" || strings.EqualFold(e.Scope, scope) {
			return e
		}
	}
	return nil
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

// Scopes returns the distinct scopes in catalog order (common first).
func (c *Catalog) Scopes() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range c.entries {
		if !seen[e.Scope] {
			seen[e.Scope] = true
			out = append(out, e.Scope)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ri, rj := scopeRank(out[i]), scopeRank(out[j]); ri != rj {
			return ri < rj
		}
		return out[i] < out[j]
	})
	return out
}

// Categories returns the distinct categories, sorted.
func (c *Catalog) Categories() []string {
	var out []string
	for _, e := range c.entries { // entries are sorted by category
		if n := len(out); n == 0 || out[n-1] != e.Category() {
			out = append(out, e.Category())
		}
	}
	return out
}
