package explain

import (
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/search"
)

// Ahead is a resolution started before it was asked for (ResolveAhead),
// for an Explainer to take instead of resolving the query itself
// (UseAhead).
type Ahead struct {
	cat      *catalog.Catalog
	q, scope string
	done     chan struct{}
	r        Resolution
	taken    bool // by Resolve: once
}

// ResolveAhead starts Resolve(q, scope) over cat in a goroutine of its
// own, with a search index of its own (an Index is not safe for concurrent
// use; a Catalog is). A resolution does not depend on the language, so any
// Explainer of cat may take it.
//
// It is how errcode overlaps the costly part of `lookup QUERY` (ranking
// free text over 17,000 entries, suggestions for a code that is not one)
// with the rest of its start-up (internal/prefetch).
func ResolveAhead(cat *catalog.Catalog, q, scope string) *Ahead {
	a := &Ahead{cat: cat, q: strings.TrimSpace(q), scope: scope, done: make(chan struct{})}
	go func() {
		defer close(a.done)
		a.r = New(cat, search.New(cat), catalog.English).Resolve(a.q, scope)
	}()
	return a
}

// UseAhead makes x take a's resolution (once) when it resolves the same
// query in the same scope over the same catalog; a may be nil.
func (x *Explainer) UseAhead(a *Ahead) { x.ahead = a }

// take returns a's resolution of q (trimmed) in scope over cat, waiting
// for it, if a is that resolution and was not taken yet.
func (a *Ahead) take(cat *catalog.Catalog, q, scope string) (Resolution, bool) {
	if a == nil || a.taken || a.cat != cat || a.q != q || a.scope != scope {
		return Resolution{}, false
	}
	<-a.done
	a.taken = true
	return a.r, true
}
