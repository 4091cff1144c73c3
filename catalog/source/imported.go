package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errcode-dev/errcode/catalog"
)

// Code is one code of a product file, catalog/products/<product>.yaml: the
// imported layer's schema. The importer (internal/catalogen/importer) writes
// these files from Tencent Cloud's own sources (`make import-catalog`); they
// are not edited by hand: a fix goes into the importer or the curated layer.
type Code struct {
	// Code is the error code as the API returns it.
	Code string `yaml:"code"`
	// Zh is the official Chinese description ("" when the SDK has none).
	Zh string `yaml:"zh"`
	// En is the official English description from the international SDK, ""
	// when it has none: errcode does not translate imported codes.
	En string `yaml:"en"`
	// Solution is the official solution text (Chinese), only where Tencent
	// Cloud published a real one.
	Solution string `yaml:"solution,omitempty"`
	// Actions lists the API actions documented to return the code (the union
	// over the API versions).
	Actions []string `yaml:"actions,omitempty"`
	// Versions lists the API versions whose SDK defines the code, oldest
	// first, as X-TC-Version spells them ("2017-03-12").
	Versions []string `yaml:"versions"`
	// IntlVersions lists the versions of Versions whose errors.go in
	// tencentcloud-sdk-go lacks the code: only tencentcloud-sdk-go-intl-en
	// defines it there (all of Versions for a product or code only the
	// international SDK has). Omitted when the Go SDK defines every one.
	IntlVersions []string `yaml:"intl_versions,omitempty"`
	// Removed is the release of tencentcloud-sdk-go ("v1.3.170") whose
	// import no longer found the code in any source: the code is kept, with
	// what the last release that had it said, because logs keep showing it
	// for years. "" for a current code.
	Removed string `yaml:"removed,omitempty"`
}

// Provenance is catalog/provenance.yaml: where the imported layer was read,
// written by the importer.
type Provenance struct {
	// SDK is tencentcloud-sdk-go: errors.go (zh), client.go (actions),
	// products.md (product names and documentation homes).
	SDK Origin `yaml:"sdk"`
	// Intl is tencentcloud-sdk-go-intl-en: errors.go (en), and client.go for
	// the actions of a code in the versions only this SDK defines it in.
	Intl Origin `yaml:"intl"`
	// Center is the error centre's data, zh-CN/error-codes.json of
	// teco-project/teco-api-models: the solutions, and the descriptions of
	// the common codes (its PLATFORM group) in common_official.yaml.
	Center Origin `yaml:"center"`
}

// Origin is one source of the imported layer.
type Origin struct {
	Repo string `yaml:"repo"`
	// Path is the file read, for a source that is one file.
	Path string `yaml:"path,omitempty"`
	// Release is the source's own release name ("v1.3.166"), where it has
	// one.
	Release string `yaml:"release,omitempty"`
	Commit  string `yaml:"commit"`
	// Date is the commit's date, YYYY-MM-DD.
	Date string `yaml:"date"`
}

// releaseRE is an SDK release.
var releaseRE = regexp.MustCompile(`^v\d+\.\d+\.\d+$`)

// DecodeProvenance reads catalog/provenance.yaml.
func DecodeProvenance(data []byte) (Provenance, error) {
	var p Provenance
	if err := strict(data, &p); err != nil {
		return p, err
	}
	for _, o := range []struct {
		name string
		o    Origin
		rel  bool
	}{{"sdk", p.SDK, true}, {"intl", p.Intl, true}, {"center", p.Center, false}} {
		if !strings.HasPrefix(o.o.Repo, "https://github.com/") || len(o.o.Commit) != 40 || !versionRE.MatchString(o.o.Date) {
			return p, fmt.Errorf("%s: needs a GitHub repo, a 40-digit commit and a YYYY-MM-DD date: %+v", o.name, o.o)
		}
		if o.rel != releaseRE.MatchString(o.o.Release) {
			return p, fmt.Errorf("%s: release %q", o.name, o.o.Release)
		}
	}
	return p, nil
}

// CommonCode is one code of catalog/common_official.yaml: a common code of
// API 3.0 with its official Chinese description as the error centre's
// PLATFORM group holds it (Markdown included: `x` for code, [text](url) for
// a link), written by the importer. The curated common entries of
// codes.yaml are written against these texts; no machine-readable source of
// the English ones exists.
type CommonCode struct {
	Code string `yaml:"code"`
	Zh   string `yaml:"zh"`
	// Removed is the date (YYYY-MM-DD) of the error centre's data whose
	// import no longer found the code: it is kept, with its last text, so
	// that the curated entry written against it shows up for review.
	Removed string `yaml:"removed,omitempty"`
}

// DecodeCommonOfficial reads catalog/common_official.yaml: codes sorted,
// unique, each with its text.
func DecodeCommonOfficial(data []byte) ([]CommonCode, error) {
	var cs []CommonCode
	if err := strict(data, &cs); err != nil {
		return nil, err
	}
	for i, c := range cs {
		if c.Code == "" || c.Zh == "" || strings.ContainsAny(c.Code, " \t\n") {
			return nil, fmt.Errorf("entry %d: needs a code and its zh: %+v", i+1, c)
		}
		if i > 0 && cs[i-1].Code >= c.Code {
			return nil, fmt.Errorf("%s: keep common_official.yaml sorted by code, without duplicates", c.Code)
		}
		if c.Removed != "" && !versionRE.MatchString(c.Removed) {
			return nil, fmt.Errorf("%s: removed %q is not a YYYY-MM-DD date", c.Code, c.Removed)
		}
	}
	return cs, nil
}

// ProductName is one product of catalog/products.yaml. Zh and Docs come
// from the official Go SDK's products.md; En and EnSource are curated by
// hand, each English name with its source: Tencent Cloud's own English name
// where it publishes one, else errcode's translation of the Chinese name,
// marked so (EnSource catalog.EnSourceErrcode).
type ProductName struct {
	// Product is the short name: the scope of its codes, the first label of
	// its API host, tccli's service name.
	Product string `yaml:"product"`
	// Zh is the official Chinese name ("" when no source gives one).
	Zh string `yaml:"zh"`
	// ZhSource says where Zh was read when it is not the Go SDK's
	// products.md.
	ZhSource string `yaml:"zh_source,omitempty"`
	// En is the English name, only where it is known for certain.
	En string `yaml:"en,omitempty"`
	// EnSource says where the English name was read: an https URL or a
	// file of an official repository at a commit (owner/repo@commit:path),
	// optionally followed by what the page says; or
	// catalog.EnSourceErrcode ("errcode") when Tencent Cloud publishes no
	// English name and En is errcode's translation of Zh. Required with En.
	EnSource string `yaml:"en_source,omitempty"`
	// Docs is the product's documentation home on cloud.tencent.com, as the
	// official Go SDK's products.md lists it ("" where it lists none).
	Docs string `yaml:"docs,omitempty"`
}

// Class is one entry of catalog/classes.yaml: curated guidance for a class
// of codes that no curated entry describes (AuthFailure and OperationDenied
// are defined by most products but are no API 3.0 common code), and the
// general guidance (class "*") for imported codes of any other unknown
// class. Imported entries carry it as their remediation and retry advice.
//
// A class that is no standard one (InvalidDisk, CdbError) may instead name
// the standard class it behaves like, with the reason: its codes then carry
// that class's guidance, and explain says why.
type Class struct {
	Class       string         `yaml:"class"`
	Remediation []catalog.Text `yaml:"remediation,omitempty"`
	Retryable   bool           `yaml:"retryable,omitempty"`
	Retry       catalog.Text   `yaml:"retry,omitempty"`
	// Verdict and After: as in codes.yaml (catalog.Entry.Verdict and
	// RetryAfter); without a verdict, retryable decides.
	Verdict catalog.RetryVerdict `yaml:"verdict,omitempty"`
	After   catalog.Text         `yaml:"after,omitempty"`
	// Like is the class (a curated common code or another class of this
	// file) whose guidance this class's codes carry; Why says why, in both
	// languages. A class has either Like or its own guidance.
	Like string       `yaml:"like,omitempty"`
	Why  catalog.Text `yaml:"why,omitempty"`
}

// enSourceRE is an en_source that names where the English name was read:
// an https URL or owner/repo@<40-hex commit>:path, each optionally followed
// by a note.
var enSourceRE = regexp.MustCompile(`^(https://[^\s/]+/\S*|[\w.-]+/[\w.-]+@[0-9a-f]{40}:\S.*)(\s.*)?$`)

// ValidEnSource reports whether s is an en_source of products.yaml: an
// https URL, a repo@commit:path (each optionally followed by what it says),
// or catalog.EnSourceErrcode for errcode's own translation.
func ValidEnSource(s string) bool {
	return s == catalog.EnSourceErrcode || enSourceRE.MatchString(s)
}

// versionRE is an API version as X-TC-Version spells it.
var versionRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// docsRE is a product's documentation home.
var docsRE = regexp.MustCompile(`^https://cloud\.tencent\.com/document/product/\d+$`)

// ProductRE is a product short name.
var ProductRE = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

// strict decodes data into v, rejecting unknown fields; an empty document
// leaves v alone.
func strict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

// DecodeProduct reads a product file of product (its short name, which is
// the scope of its codes) into imported entries: Code, Scope, Summary (Zh,
// En), Solution (Zh), Actions, Versions, Removed, Provenance and Imported. The
// remediation and retry advice they borrow from the curated layer are
// filled in by the catalog, not here. It rejects unknown fields, entries
// without a code or version, and malformed versions.
func DecodeProduct(product string, data []byte) ([]*catalog.Entry, error) {
	if !ProductRE.MatchString(product) || product == catalog.ScopeCommon || product == catalog.ScopeSDK {
		return nil, fmt.Errorf("%q is not a product short name", product)
	}
	var codes []*Code
	if err := strict(data, &codes); err != nil {
		return nil, err
	}
	out := make([]*catalog.Entry, len(codes))
	for i, c := range codes {
		if c == nil || c.Code == "" {
			return nil, fmt.Errorf("entry %d has no code", i+1)
		}
		if len(c.Versions) == 0 {
			return nil, fmt.Errorf("%s: no versions", c.Code)
		}
		for _, v := range c.Versions {
			if !versionRE.MatchString(v) {
				return nil, fmt.Errorf("%s: version %q is not YYYY-MM-DD", c.Code, v)
			}
		}
		for i, v := range c.IntlVersions {
			if !slices.Contains(c.Versions, v) || i > 0 && c.IntlVersions[i-1] >= v {
				return nil, fmt.Errorf("%s: intl_versions %q: each one of versions, oldest first", c.Code, c.IntlVersions)
			}
		}
		if c.Removed != "" && !releaseRE.MatchString(c.Removed) {
			return nil, fmt.Errorf("%s: removed %q is not a release (v1.3.170)", c.Code, c.Removed)
		}
		e := &catalog.Entry{
			Code:         c.Code,
			Scope:        product,
			Summary:      catalog.Text{Zh: c.Zh, En: c.En},
			Solution:     catalog.Text{Zh: c.Solution},
			Actions:      c.Actions,
			Versions:     c.Versions,
			IntlVersions: c.IntlVersions,
			Removed:      c.Removed,
			Imported:     true,
		}
		switch {
		case c.Zh != "" && c.En != "":
			e.Provenance = catalog.ProvenanceOfficial
		case c.Zh != "":
			e.Provenance = catalog.ProvenanceOfficialZhOnly
		case c.En != "":
			e.Provenance = catalog.ProvenanceOfficialEnOnly
		default:
			e.Provenance = catalog.ProvenanceNone
		}
		out[i] = e
	}
	return out, nil
}

// DecodeProducts reads catalog/products.yaml.
func DecodeProducts(data []byte) ([]ProductName, error) {
	var ps []ProductName
	if err := strict(data, &ps); err != nil {
		return nil, err
	}
	for i, p := range ps {
		if !ProductRE.MatchString(p.Product) {
			return nil, fmt.Errorf("entry %d: %q is not a product short name", i+1, p.Product)
		}
		if i > 0 && ps[i-1].Product >= p.Product {
			return nil, fmt.Errorf("%s: keep products.yaml sorted by product, without duplicates", p.Product)
		}
		if (p.En == "") != (p.EnSource == "") {
			return nil, fmt.Errorf("%s: an English name needs its en_source, and en_source its name", p.Product)
		}
		if p.EnSource != "" && !ValidEnSource(p.EnSource) {
			return nil, fmt.Errorf("%s: en_source %q is neither an https URL, a repo@commit:path nor %q", p.Product, p.EnSource, catalog.EnSourceErrcode)
		}
		if p.Docs != "" && !docsRE.MatchString(p.Docs) {
			return nil, fmt.Errorf("%s: docs %q is not a cloud.tencent.com/document/product/<id> page", p.Product, p.Docs)
		}
	}
	return ps, nil
}

// DecodeClasses reads catalog/classes.yaml.
func DecodeClasses(data []byte) ([]Class, error) {
	var cs []Class
	if err := strict(data, &cs); err != nil {
		return nil, err
	}
	for i, c := range cs {
		if c.Class == "" || strings.ContainsAny(c.Class, ". ") && c.Class != catalog.ClassAny {
			return nil, fmt.Errorf("entry %d: class %q is not a class name", i+1, c.Class)
		}
		if c.Like != "" {
			if len(c.Remediation) > 0 || c.Retry != (catalog.Text{}) || c.Retryable || c.Verdict != "" || c.After != (catalog.Text{}) {
				return nil, fmt.Errorf("%s: a class with like takes its guidance from %s; give no remediation or retry advice of its own", c.Class, c.Like)
			}
			if c.Why.En == "" || c.Why.Zh == "" {
				return nil, fmt.Errorf("%s: like %s needs a why in both languages", c.Class, c.Like)
			}
			continue
		}
		if len(c.Remediation) == 0 || c.Retry.En == "" || c.Retry.Zh == "" {
			return nil, fmt.Errorf("%s: needs remediation and retry advice in both languages", c.Class)
		}
		if err := CheckVerdict(c.Verdict, c.After, c.Retryable); err != nil {
			return nil, fmt.Errorf("%s: %w", c.Class, err)
		}
	}
	return cs, nil
}
