package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Catalog is a read-only set of entries with case-insensitive lookup.
// The zero value is an empty catalog. A Catalog is safe for concurrent use.
type Catalog struct {
	entries []*Entry            // sorted by (category, code, scope rank)
	byCode  map[string][]*Entry // lower-cased code -> entries, common scope first
}

// New builds a catalog from entries, which it sorts and indexes. It does not validate them; see Validate.
func New(entries []*Entry) *Catalog {
	c := &Catalog{entries: append([]*Entry(nil), entries...), byCode: make(map[string][]*Entry, len(entries))}
	sort.SliceStable(c.entries, func(i, j int) bool { return less(c.entries[i], c.entries[j]) })
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

// Decode reads a YAML list of entries, rejecting unknown fields.
func Decode(data []byte) ([]*Entry, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var entries []*Entry
	if err := dec.Decode(&entries); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, err
	}
	for i, e := range entries {
		if e == nil {
			return nil, fmt.Errorf("entry %d is empty", i+1)
		}
	}
	return entries, nil
}

// Entries returns every entry, ordered by category, code and scope (common first).
// The caller must not modify them.
func (c *Catalog) Entries() []*Entry { return c.entries }

// Len returns the number of entries.
func (c *Catalog) Len() int { return len(c.entries) }

// Find returns every entry whose code equals code, ignoring case, common scope
// first. It returns nil when there is none.
func (c *Catalog) Find(code string) []*Entry {
	return c.byCode[strings.ToLower(strings.TrimSpace(code))]
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
// with exact == false. Scope narrows the search as in Get, but when code is
// unknown in that scope the common entry of the parent still answers.
func (c *Catalog) Resolve(scope, code string) (e *Entry, exact bool) {
	if e := c.Get(scope, code); e != nil {
		return e, true
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
