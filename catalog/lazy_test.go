package catalog

import (
	"reflect"
	"slices"
	"testing"
)

// What is read without building an entry (DefinitionAt, RetryAt, BuildAt,
// Positions, ActionPositions) agrees with the built entry, at every position
// of the embedded catalog and of one built by New.
func TestReadWithoutBuilding(t *testing.T) {
	for name, c := range map[string]*Catalog{"default": newDefault(), "new": New(Default().Curated())} {
		t.Run(name, func(t *testing.T) {
			fresh := newDefault()
			if name == "new" {
				fresh = c
			}
			for i := range c.Len() {
				e := c.EntryAt(i)
				d := c.DefinitionAt(i)
				if d.Code != e.Code || d.Scope != e.Scope || d.Summary != e.Summary || d.Solution != e.Solution || d.Imported != e.Imported {
					t.Fatalf("position %d: DefinitionAt = %+v, entry %s/%s", i, d, e.Scope, e.Code)
				}
				if v, r := c.RetryAt(i); v != e.Verdict || r != e.Retryable {
					t.Fatalf("position %d (%s/%s): RetryAt = %s, %v; entry %s, %v", i, e.Scope, e.Code, v, r, e.Verdict, e.Retryable)
				}
				if b := fresh.BuildAt(i); !reflect.DeepEqual(b, e) {
					t.Fatalf("position %d (%s/%s): BuildAt differs from EntryAt", i, e.Scope, e.Code)
				}
			}
			if name == "default" && len(fresh.built) != 0 {
				t.Errorf("BuildAt kept %d entries", len(fresh.built))
			}
			for _, code := range []string{"InternalError", "authfailure.signatureexpire", "FailedOperation.ServiceIsolate", "Nope.Nothing"} {
				var want []int
				for _, e := range c.Find(code) {
					want = append(want, slices.Index(c.Entries(), e))
				}
				if got := c.Positions(code); !slices.Equal(got, want) {
					t.Errorf("Positions(%q) = %v, want %v", code, got, want)
				}
			}
			for _, action := range []string{"RunInstances", "describeinstances", "NoSuchAction", ""} {
				var want []int
				for _, e := range c.ByAction(action) {
					want = append(want, slices.Index(c.Entries(), e))
				}
				if got := c.ActionPositions(action); !slices.Equal(got, want) {
					t.Errorf("ActionPositions(%q) = %v, want %v", action, got, want)
				}
			}
		})
	}
}

// CuratedCommonAt agrees with the definition at every position.
func TestCuratedCommonAt(t *testing.T) {
	c := Default()
	n := 0
	for i := range c.Len() {
		d := c.DefinitionAt(i)
		want := d.Scope == ScopeCommon && !d.Imported
		if got := c.CuratedCommonAt(i); got != want {
			t.Fatalf("position %d (%s/%s): CuratedCommonAt = %v, want %v", i, d.Scope, d.Code, got, want)
		}
		if want {
			n++
		}
	}
	if n < 30 {
		t.Errorf("only %d curated common codes", n)
	}
}
