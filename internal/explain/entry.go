package explain

import (
	"slices"

	"github.com/errcode-dev/errcode/catalog"
)

// Entry is the record of a catalog entry in one language: the stable shape
// of every entry of lookup, list and explain in JSON and YAML output. Field names are part of
// errcode's interface; add fields, never rename them.
type Entry struct {
	Code        string   `json:"code" yaml:"code"`
	Category    string   `json:"category" yaml:"category"`
	Scope       string   `json:"scope" yaml:"scope"`
	Summary     string   `json:"summary" yaml:"summary"`
	Retryable   bool     `json:"retryable" yaml:"retryable"`
	Retry       string   `json:"retry" yaml:"retry"`
	Causes      []string `json:"causes" yaml:"causes"`
	Remediation []string `json:"remediation" yaml:"remediation"`
	// A field tagged section is shown by explain's long form as a section
	// of its own, under the heading the tag gives in English and Chinese
	// ("English|中文"), after the retry advice and in field order: a list
	// joined with commas, a string as it is. So a new field shown that way
	// is this struct's field and View's line, and nothing else.
	Related    []string `json:"related" yaml:"related" section:"Related codes|相关错误码"`
	Actions    []string `json:"actions" yaml:"actions" section:"API actions that may return it|可能返回此错误码的接口"`
	Docs       string   `json:"docs" yaml:"docs"`
	Provenance string   `json:"provenance" yaml:"provenance"`
	Source     string   `json:"source" yaml:"source"`
	// ProductName names the entry's product in the language ("" for common
	// and sdk, and for a product without a name in that language).
	ProductName string `json:"product_name,omitempty" yaml:"product_name,omitempty"`
	// Imported entries only: the official solution (Chinese), the API
	// versions, and the class whose remediation and retry advice they carry
	// ("*" for errcode's general guidance).
	Solution string   `json:"solution,omitempty" yaml:"solution,omitempty"`
	Versions []string `json:"versions,omitempty" yaml:"versions,omitempty"`
	Class    string   `json:"class,omitempty" yaml:"class,omitempty"`
	// Removed is the tencentcloud-sdk-go release whose import no longer
	// found the code upstream ("v1.3.170"); absent for a current code.
	Removed string `json:"removed,omitempty" yaml:"removed,omitempty"`
	// ExplainedFor is the product a common entry is explained for
	// (explain --product P of a common code P does not define itself): its
	// remediation names that product.
	ExplainedFor string `json:"explained_for,omitempty" yaml:"explained_for,omitempty"`
	// Query and Match say how a lookup found the entry: Match is "exact",
	// "pattern", "text" or "parent" (an unknown sub-code resolved to its
	// class); both are empty outside lookup and explain.
	Query string `json:"query,omitempty" yaml:"query,omitempty"`
	Match string `json:"match,omitempty" yaml:"match,omitempty"`

	// RetryVerdict is the three-valued retry verdict: "yes" (retry with
	// backoff), "after" (a later identical request can succeed once a
	// condition clears) or "no"; Retryable is false only for "no".
	// RetryEvidence says what decided it, in the language.
	RetryVerdict  string `json:"retry_verdict" yaml:"retry_verdict"`
	RetryEvidence string `json:"retry_evidence" yaml:"retry_evidence"`

	// Translated names the fields of this record ("summary", "solution")
	// that are errcode's translation of Tencent Cloud's text in the other
	// language, not official words; absent when none is. OfficialSummary and
	// OfficialSolution then hold the official text each translates.
	Translated       []string `json:"translated,omitempty" yaml:"translated,omitempty"`
	OfficialSummary  string   `json:"official_summary,omitempty" yaml:"official_summary,omitempty"`
	OfficialSolution string   `json:"official_solution,omitempty" yaml:"official_solution,omitempty"`
}

// View returns the view of e in lang. Slices are never nil, so JSON shows [] rather than null.
func View(e *catalog.Entry, lang catalog.Lang) Entry {
	v := Entry{
		Code:        e.Code,
		Category:    e.Category(),
		Scope:       e.Scope,
		Summary:     e.Summary.In(lang),
		Retryable:   e.Retryable,
		Retry:       e.Retry.In(lang),
		Causes:      texts(e.Causes, lang),
		Remediation: texts(e.Remediation, lang),
		Related:     nonNil(e.Related),
		Actions:     nonNil(e.Actions),
		Docs:        e.Docs.In(lang),
		Provenance:  e.Provenance,
		Source:      e.Source,
		Solution:    e.Solution.In(lang),
		Versions:    slices.Clone(e.Versions),
		Class:       e.Class,
		Removed:     e.Removed,
		ProductName: catalog.ProductName(e.Scope, lang),
	}
	v.RetryVerdict, v.RetryEvidence = string(e.Verdict), e.RetryEvidence.In(lang)
	if e.Translated != 0 {
		v.Translated = e.Translated.Fields(lang)
		if len(v.Translated) == 0 {
			v.Translated = nil
		}
		other := catalog.English
		if lang != catalog.Chinese {
			other = catalog.Chinese
		}
		if e.Translated.Summary(lang) {
			v.OfficialSummary = e.Summary.In(other)
		}
		if e.Translated.Solution(lang) {
			v.OfficialSolution = e.Solution.In(other)
		}
	}
	return v
}

func texts(ts []catalog.Text, lang catalog.Lang) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.In(lang)
	}
	return out
}

// nonNil returns a copy of s that is never nil, so callers may edit it.
func nonNil(s []string) []string {
	return append([]string{}, s...)
}

// HitRecord is the record of a lookup hit: its entry, and how it was found.
func (x *Explainer) HitRecord(h Hit) Entry {
	v := View(x.Entry(h.Match), x.Lang())
	v.Query, v.Match, v.ExplainedFor = h.Query, h.Match.How, h.ForProduct
	return v
}

// RowRecord is the record of a list row: its entry, built now.
func (x *Explainer) RowRecord(r Row) Entry { return View(x.EntryAt(r.Pos), x.Lang()) }

// Records are the records of an explained code: its entry, then each
// other definition's.
func (x *Explainer) Records(ex Explained) []Entry {
	all := append([]*catalog.Entry{ex.Entry}, x.OtherEntries(ex)...)
	out := make([]Entry, len(all))
	for i, e := range all {
		v := View(e, x.Lang())
		v.Query, v.Match = ex.Query, ex.Match
		if e.Scope == catalog.ScopeCommon {
			v.ExplainedFor = ex.ForProduct
		}
		out[i] = v
	}
	return out
}
