package catalog

import (
	"strings"

	"github.com/errcode-dev/errcode/internal/guidance"
)

// Call is what is known of the request that failed: its API action and
// version (from an X-TC-Action header, a tccli command line, ...). Either may
// be empty.
type Call struct {
	Action  string
	Version string
}

// classLike records that the class of classes.yaml with index class
// (classEntry) behaves like the class like (classes.yaml's like and why).
type classLike struct {
	class int
	like  string
	why   Text
}

// templateOf returns the steps of guide g (held entry g, see held.go) with
// their placeholders, or nil when they name no product fact.
func templateOf(g int) []Text {
	if g < 0 || g >= heldCount() {
		return nil
	}
	return heldTemplate(g)
}

// ClassLike returns, for a class that is no standard one (InvalidDisk,
// CdbError), the standard class whose guidance its codes carry and why; ok
// is false for any other class.
func ClassLike(class string) (like string, why Text, ok bool) {
	for _, l := range classLikes {
		if heldCode(numCurated+l.class) == class {
			return l.like, l.why, true
		}
	}
	return "", Text{}, false
}

// factsFor returns the product facts that guidance names, in English and in
// Chinese, for entry e explained as a code of product scope: describe is the
// Describe action that shows e's resource ("" for the product's main one),
// followed by "," and the quota action of that resource when one is known;
// call is the failing request where it is known.
func factsFor(scope string, e *Entry, describe string, call Call) [2]guidance.Facts {
	info, ok := productByScope(scope)
	if !ok {
		return [2]guidance.Facts{}
	}
	f := guidance.Facts{guidance.Short: info.scope, guidance.Docs: info.docs, guidance.Quota: info.quota}
	describe, quota, _ := strings.Cut(describe, ",")
	if isQueryAction(call.Action) {
		describe = call.Action // the failing call itself shows the resource
	}
	if describe == "" {
		describe = info.describe
	}
	if quota != "" {
		f[guidance.Quota] = quota
	}
	f[guidance.Describe] = describe
	action, version := call.Action, call.Version
	if action == "" && len(e.Actions) == 1 {
		action = e.Actions[0]
	}
	if version == "" && len(e.Versions) > 0 {
		version = e.Versions[len(e.Versions)-1]
	}
	if action != "" {
		f[guidance.Action] = action
		f[guidance.Actions] = "`" + action + "`"
	} else if n := len(e.Actions); n > 0 {
		shown := e.Actions[:min(n, 3)]
		list := "`" + strings.Join(shown, "`, `") + "`"
		if n > len(shown) {
			list += ", …"
		}
		f[guidance.Actions] = list
	}
	if version != "" {
		f[guidance.Version] = version
		f[guidance.PkgVersion] = "v" + strings.ReplaceAll(version, "-", "")
	}
	if action != "" && version != "" {
		f[guidance.Explorer] = "https://console.cloud.tencent.com/api/explorer?Product=" + info.scope + "&Version=" + version + "&Action=" + action
	}
	p := info.product()
	en, zh := guidance.Facts{}, guidance.Facts{}
	for k, v := range f {
		en[k], zh[k] = v, v
	}
	en[guidance.Product], zh[guidance.Product] = p.Title(English), p.Title(Chinese)
	return [2]guidance.Facts{en, zh}
}

// expandSteps fills in the placeholders of steps with facts (English, Chinese).
func expandSteps(steps []Text, facts [2]guidance.Facts) []Text {
	out := make([]Text, len(steps))
	for i, t := range steps {
		out[i] = Text{En: guidance.Expand(t.En, false, facts[0]), Zh: guidance.Expand(t.Zh, true, facts[1])}
	}
	return out
}

// ForProduct returns e explained for product: the same entry, with fix steps
// that name the product's facts (its name, tccli command, Describe and
// quota actions, API Explorer link, documentation) where e's guidance has
// placeholders for them. It serves a common code explained for a product
// (explain --product cvm, or a product that parse found evidence of), and
// an imported code whose failing call is known. e itself is returned when
// nothing changes; e is never modified.
func (c *Catalog) ForProduct(e *Entry, product string, call Call) *Entry {
	if e == nil {
		return nil
	}
	info, ok := productByScope(product)
	if !ok {
		return e
	}
	var steps []Text
	describe := ""
	switch {
	case e.Imported:
		if e.guide == 0 {
			return e
		}
		if call == (Call{}) && strings.EqualFold(e.Scope, info.scope) {
			return e
		}
		steps, describe = templateOf(e.guide-1), e.describe
	case e.Scope == ScopeCommon:
		for i := range numCurated { // e, if curated, is decoded already
			if heldDecoded(i) == e {
				steps = templateOf(i)
				break
			}
		}
	}
	if steps == nil {
		return e
	}
	out := *e
	out.Remediation = expandSteps(steps, factsFor(info.scope, e, describe, call))
	return &out
}

// Generic returns e with fix steps that name no product: an imported entry's
// guidance with the stand-ins of a product-neutral reading ("`tccli
// <product> Describe…`"), for a code several products define when none was
// chosen. Any other entry is returned as it is.
func (c *Catalog) Generic(e *Entry) *Entry {
	if e == nil || !e.Imported || e.guide == 0 {
		return e
	}
	steps := templateOf(e.guide - 1)
	if steps == nil {
		return e
	}
	out := *e
	out.Remediation = expandSteps(steps, [2]guidance.Facts{})
	return &out
}

// ClassGuide returns errcode's guidance (classes.yaml) for the codes of
// class that no entry describes, explained for product when it is one
// ("" for none): the steps, filled in with the product's facts where they
// have placeholders, the retry advice and verdict, and as Summary the
// sentence that says which standard class its codes are like (empty when
// classes.yaml gives none). It serves a code that is not in the catalog
// (InvalidKeyPair.NotSupported: class InvalidKeyPair). ok is false when
// classes.yaml has no guidance for class; the general guidance "*" is no
// class's.
func (c *Catalog) ClassGuide(class, product string, call Call) (e *Entry, ok bool) {
	if class == ClassAny {
		return nil, false
	}
	for i := range classCount() {
		if heldCode(numCurated+i) != class {
			continue
		}
		out := *classEntry(i)
		out.RetryEvidence = fill(retryEvidenceGuide, class)
		if _, why, ok := ClassLike(class); ok {
			out.Summary = why
		}
		if info, ok := productByScope(product); ok {
			if steps := templateOf(numCurated + i); steps != nil {
				out.Remediation = expandSteps(steps, factsFor(info.scope, &out, "", call))
			}
		}
		return &out, true
	}
	return nil, false
}

// isQueryAction reports whether action only reads (Describe…, Get…, List…,
// Query…), as the generator's choice of Describe actions does.
func isQueryAction(action string) bool {
	for _, p := range []string{"Describe", "Get", "List", "Query"} {
		if strings.HasPrefix(action, p) && len(action) > len(p) && action[len(p)] >= 'A' && action[len(p)] <= 'Z' {
			return true
		}
	}
	return false
}
