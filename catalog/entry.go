// Package catalog is errcode's catalog of Tencent Cloud API error codes and a
// small API for classifying errors in-process.
//
// The data lives in YAML files beside this source (codes.yaml is the curated,
// bilingual layer) and is embedded into the binary, so a program that imports
// this package needs no network and no files at run time.
//
// A code is identified by its scope and its code string: the same string (for
// example InternalError) may be defined both as a common API 3.0 code and by a
// product such as TCR, with different wording.
package catalog

import "strings"

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
	ScopeCommon = "common"
	// ScopeSDK is the scope of codes raised on the client side by the official SDKs.
	ScopeSDK = "sdk"
)

// Provenance values: where an entry's summary comes from.
const (
	// Official: both the Chinese and the English summary are Tencent Cloud's own words.
	ProvenanceOfficial = "official"
	// OfficialZh: the Chinese summary is official; the English one is errcode's translation.
	ProvenanceOfficialZh = "official-zh"
	// Inferred: no official description exists; the summary is inferred from the code's name.
	ProvenanceInferred = "inferred"
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
	// Retryable tells whether sending the same request again may succeed.
	Retryable bool `yaml:"retryable" json:"retryable"`
	// Retry says how (or why not) to retry.
	Retry Text `yaml:"retry" json:"retry"`
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
}

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
