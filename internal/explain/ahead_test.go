package explain

import (
	"reflect"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/search"
)

// TestResolveAhead: a resolution started ahead is taken for its own query
// and scope only, once, and is what Resolve finds itself, in either
// language (the ahead one is resolved in English).
func TestResolveAhead(t *testing.T) {
	cat := catalog.Default()
	tests := []struct{ q, scope string }{
		{"rate limit", ""},
		{"参数错误", ""},
		{"operation denied", ""},
		{"limit", ""},
		{"AuthFailure.SignatureExpird", ""},
		{"InvalidInstanceId.Malformd", ""},
		{"InternalError.Nope", ""},
		{"AuthFailure.SignatureExpire", ""},
		{"AuthFailure.*", ""},
		{"参数错误", "cvm"},
		{"InternalError.Nope", "sts"},
	}
	for _, tt := range tests {
		for _, lang := range []catalog.Lang{catalog.English, catalog.Chinese} {
			want := New(cat, search.New(cat), lang).Resolve(tt.q, tt.scope)
			a := ResolveAhead(cat, " "+tt.q+" ", tt.scope) // trimmed, as Resolve trims
			x := New(cat, search.New(cat), lang)
			x.UseAhead(a)
			got := x.Resolve(tt.q, tt.scope)
			if !a.taken {
				t.Errorf("Resolve(%q, %q) did not take the resolution started for it", tt.q, tt.scope)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Resolve(%q, %q) in %s: ahead %+v, itself %+v", tt.q, tt.scope, lang, got, want)
			}
			if again := x.Resolve(tt.q, tt.scope); !reflect.DeepEqual(again, want) {
				t.Errorf("Resolve(%q, %q) again: %+v, want %+v", tt.q, tt.scope, again, want)
			}
		}
	}
}

// TestResolveAheadOthers: a resolution is not taken for another query,
// scope or catalog, and a nil one for none.
func TestResolveAheadOthers(t *testing.T) {
	cat := catalog.Default()
	other := catalog.New(nil)
	for _, tt := range []struct {
		name     string
		cat      *catalog.Catalog
		q, scope string
	}{
		{"another query", cat, "rate limits", ""},
		{"another scope", cat, "rate limit", "cvm"},
		{"another catalog", other, "rate limit", ""},
	} {
		a := ResolveAhead(cat, "rate limit", "")
		x := New(tt.cat, search.New(tt.cat), catalog.English)
		x.UseAhead(a)
		got := x.Resolve(tt.q, tt.scope)
		if a.taken {
			t.Errorf("%s: the resolution of \"rate limit\" was taken", tt.name)
		}
		if want := New(tt.cat, search.New(tt.cat), catalog.English).Resolve(tt.q, tt.scope); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Resolve(%q, %q) = %+v, want %+v", tt.name, tt.q, tt.scope, got, want)
		}
	}
	x := New(cat, search.New(cat), catalog.English)
	x.UseAhead(nil)
	if r := x.Resolve("rate limit", ""); len(r.Matches) == 0 {
		t.Errorf("with no resolution ahead, Resolve(\"rate limit\") found nothing")
	}
}
