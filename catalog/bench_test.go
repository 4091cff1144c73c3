package catalog

import "testing"

// newDefault returns a fresh copy of the embedded catalog, with nothing built yet.
func newDefault() *Catalog {
	d := Default()
	return &Catalog{rec: d.rec, held: d.held, embedded: d.embedded, texts: d.texts, starts: d.starts, acts: d.acts, keys: d.keys,
		scopes: d.scopes, scopeCounts: d.scopeCounts, categories: d.categories}
}

// Start-up work of a lookup in a fresh process: nothing built yet.
func BenchmarkFindCold(b *testing.B) {
	for _, code := range []string{"AuthFailure.SignatureExpire", "FailedOperation.ServiceIsolate", "InternalError", "Nope.Nothing"} {
		b.Run(code, func(b *testing.B) {
			for b.Loop() {
				newDefault().Find(code)
			}
		})
	}
}

func BenchmarkDefinitions(b *testing.B) {
	for _, code := range []string{"AuthFailure.SignatureExpire", "InternalError"} {
		b.Run(code, func(b *testing.B) {
			for b.Loop() {
				newDefault().Definitions(code)
			}
		})
	}
}

func BenchmarkGetImported(b *testing.B) {
	for b.Loop() {
		newDefault().Get("aai", "FailedOperation.ServiceIsolate")
	}
}

func BenchmarkEntries(b *testing.B) {
	for b.Loop() {
		newDefault().Entries()
	}
}

func BenchmarkByAction(b *testing.B) {
	c := Default()
	for b.Loop() {
		c.ByAction("RunInstances")
	}
}
