// Package catalog is errcode's catalog of Tencent Cloud API error codes and a
// small API for classifying errors in-process.
//
// The data lives in YAML files beside this source and is compiled into the
// binary, so a program that imports this package needs no network and no
// files at run time. It has two layers: codes.yaml, the curated one (causes,
// fix steps and retry advice in English and Chinese for the common, SDK and
// TCR codes), and products/<product>.yaml, the imported one (every code of
// every product in the official SDKs, with Tencent Cloud's own description;
// see Entry.Imported). Entries of both layers are built only when asked
// for.
//
// A code is identified by its scope and its code string: the same string (for
// example InternalError) may be defined both as a common API 3.0 code and by a
// product such as TCR, with different wording.
package catalog

import (
	"strings"

	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// Lang selects the language of human-readable text.
type Lang string

// The supported languages.
const (
	English Lang = "en"
	Chinese Lang = "zh"
)

// Scopes that are not product short names.
const (
	// ScopeCommon is the scope of the API 3.0 common codes every product may return.
	ScopeCommon = catalogfmt.ScopeCommon
	// ScopeSDK is the scope of codes raised on the client side by the official SDKs.
	ScopeSDK = catalogfmt.ScopeSDK
)

// Provenance values: where an entry's summary comes from.
const (
	// Official: both the Chinese and the English summary are Tencent Cloud's own words.
	ProvenanceOfficial = "official"
	// OfficialZh: the Chinese summary is official; the English one is errcode's translation.
	ProvenanceOfficialZh = "official-zh"
	// OfficialEn: the English summary is official; the Chinese one is errcode's translation.
	ProvenanceOfficialEn = "official-en"
	// Inferred: no official description exists; the summary is inferred from the code's name.
	ProvenanceInferred = "inferred"
	// OfficialZhOnly: an imported entry whose only official description is
	// Chinese; there is no English text (Summary.En is empty), and errcode
	// does not invent one.
	ProvenanceOfficialZhOnly = "official-zh-only"
	// OfficialEnOnly: an imported entry whose only official description is
	// English (Summary.Zh is empty).
	ProvenanceOfficialEnOnly = "official-en-only"
	// None: an imported entry that the official SDK defines without any
	// description (or whose only "description" is the code's own name);
	// Summary is empty.
	ProvenanceNone = "none"
	// Errcode: the summary is errcode's own description of a code that no
	// official text describes: the SDKs' client-side codes, whose source
	// holds only the code and a message format.
	ProvenanceErrcode = "errcode"
)

// Text is a piece of human-readable text in both supported languages.
type Text struct {
	En string `yaml:"en" json:"en"`
	Zh string `yaml:"zh" json:"zh"`
}

// In returns the text in lang, falling back to the other language when it is empty.
func (t Text) In(lang Lang) string {
	if lang == Chinese {
		if t.Zh != "" {
			return t.Zh
		}
		return t.En
	}
	if t.En != "" {
		return t.En
	}
	return t.Zh
}

// Entry is one error code of one scope.
type Entry struct {
	// Code is the error code as the API returns it, e.g. "AuthFailure.SignatureExpire".
	Code string `yaml:"code" json:"code"`
	// Scope is "common", "sdk", or a product short name such as "tcr".
	Scope string `yaml:"scope" json:"scope"`
	// Summary is a one-line meaning: the official wording where one exists.
	Summary Text `yaml:"summary" json:"summary"`
	// Causes lists the likely reasons the code is returned.
	Causes []Text `yaml:"causes" json:"causes"`
	// Remediation lists ordered steps that fix the cause.
	Remediation []Text `yaml:"remediation" json:"remediation"`
	// Retryable tells whether sending the same request again may succeed
	// (now or later): Verdict.Retryable().
	Retryable bool `yaml:"retryable" json:"retryable"`
	// Retry says how (or why not) to retry; it agrees with Verdict.
	Retry Text `yaml:"retry" json:"retry"`
	// Verdict is the three-valued retry verdict (see RetryVerdict). In
	// codes.yaml it is optional: without it, retryable decides (yes or no).
	Verdict RetryVerdict `yaml:"verdict,omitempty" json:"verdict,omitempty"`
	// RetryAfter names, for RetryAfter, the condition that must clear
	// before the same request can succeed ("the running operation
	// finishes").
	RetryAfter Text `yaml:"after,omitempty" json:"after,omitempty"`
	// RetryEvidence says what decided Verdict: the curated entry, Tencent
	// Cloud's text ("Tencent Cloud's text says “请稍后重试”"), the code's
	// name, or the guidance of its class (catalog/retry.yaml has the order).
	RetryEvidence Text `yaml:"-" json:"-"`
	// Related lists codes worth reading next; each resolves in the catalog.
	Related []string `yaml:"related,omitempty" json:"related,omitempty"`
	// Actions lists the API actions documented to return this code.
	Actions []string `yaml:"actions,omitempty" json:"actions,omitempty"`
	// Messages lists literal server Message texts (or templates, with `xxx`
	// standing for a variable part) known to come with this code.
	Messages []string `yaml:"messages,omitempty" json:"messages,omitempty"`
	// Docs links to the official documentation page for the code.
	Docs Text `yaml:"docs" json:"docs"`
	// Provenance is "official", "official-zh" or "inferred" (see the Provenance constants).
	Provenance string `yaml:"provenance" json:"provenance"`
	// Source names where the official text was taken from.
	Source string `yaml:"source" json:"source"`

	// The fields below are set on entries of the imported layer (one file per
	// product under catalog/products/): codes that every official SDK
	// defines, with Tencent Cloud's own description and little else. An
	// imported entry borrows the remediation and retry advice of its class
	// from the curated layer (Class names it); its Causes, Related, Messages
	// and Docs are empty.

	// Solution is Tencent Cloud's official solution text for the code, where
	// one was published (Chinese only so far).
	Solution Text `yaml:"solution,omitempty" json:"solution,omitempty"`
	// Versions lists the API versions whose SDKs define the code, oldest
	// first, as X-TC-Version spells them ("2017-03-12").
	Versions []string `yaml:"versions,omitempty" json:"versions,omitempty"`
	// IntlVersions lists the versions of Versions that only the
	// international SDK (tencentcloud-sdk-go-intl-en) defines the code in;
	// Source names the SDK of each.
	IntlVersions []string `yaml:"-" json:"-"`
	// Removed is the tencentcloud-sdk-go release ("v1.3.170") whose import
	// no longer found the code upstream; "" for a current code. Set from the
	// imported layer only (a curated entry takes its imported twin's).
	Removed string `yaml:"-" json:"removed,omitempty"`
	// Imported is true for an entry of the imported layer.
	Imported bool `yaml:"-" json:"-"`
	// Translated says which of an imported entry's Summary and Solution
	// texts are errcode's translation of the official text in the other
	// language (catalog/translations); Provenance says so too.
	Translated Translated `yaml:"-" json:"-"`
	// Class is, for an imported entry, the code of the curated entry (or of
	// the class guidance in catalog/classes.yaml) whose Remediation it
	// carries, and its Retryable, Retry and Verdict unless Tencent Cloud's
	// text or the code's name says otherwise (see RetryEvidence): the same
	// code in the common scope when there is one
	// ("AuthFailure.SignatureExpire"), else its nearest class
	// ("InvalidParameter"). It is "*" when only errcode's general guidance
	// applies, and "" for curated entries.
	Class string `yaml:"-" json:"-"`

	// guide is one more than the index of the guide an imported entry
	// carries (see store.go), 0 for none; describe is its Describe action
	// (a guidance fact).
	guide    int
	describe string
}

// ClassAny is the Class of an imported entry for which the curated layer has
// neither its code nor any of its classes: it carries the general guidance.
const ClassAny = "*"

// Category returns the class of the code: the part before the first dot
// ("AuthFailure" for "AuthFailure.SignatureExpire"), or the whole code.
func (e *Entry) Category() string { return Category(e.Code) }

// Category returns the class of code: the part before the first dot.
func Category(code string) string {
	if i := strings.IndexByte(code, '.'); i >= 0 {
		return code[:i]
	}
	return code
}

// Parent returns the code one dotted level up ("A.B" for "A.B.C"), and false for a code without a dot.
func Parent(code string) (string, bool) {
	i := strings.LastIndexByte(code, '.')
	if i <= 0 {
		return "", false
	}
	return code[:i], true
}
