package catalog

import (
	"sort"
	"strings"
)

// Product is one product scope of the catalog: a Tencent Cloud product whose
// API error codes the catalog holds.
type Product struct {
	// Scope is the product's short name, as in its API host
	// (cvm.tencentcloudapi.com) and tccli: "cvm".
	Scope string `json:"product" yaml:"product"`
	// Name is the product's official Chinese name and its English name:
	// Tencent Cloud's own, or errcode's translation of the Chinese one where
	// Tencent Cloud publishes none (EnTranslated).
	Name Text `json:"name" yaml:"name"`
	// Codes is the number of entries the catalog holds in this scope.
	Codes int `json:"codes" yaml:"codes"`
	// EnTranslated is true when Name.En is errcode's translation of
	// Name.Zh, not a name Tencent Cloud publishes (en_source "errcode" in
	// catalog/products.yaml). NameIn and Title mark such a name wherever it
	// is shown.
	EnTranslated bool `json:"en_translated,omitempty" yaml:"en_translated,omitempty"`
}

// EnSourceErrcode is the en_source of catalog/products.yaml for an English
// product name that is errcode's translation of the official Chinese name,
// for a product Tencent Cloud names in Chinese only.
const EnSourceErrcode = "errcode"

// TranslationMark follows, in parentheses, an English product name that is
// errcode's translation (Product.EnTranslated) wherever the name is shown.
const TranslationMark = "errcode's translation"

// TranslationMarkShort is TranslationMark where a narrow table has no room
// for it.
const TranslationMarkShort = "transl."

// Title names the product in lang: "云服务器 (cvm)" in Chinese,
// "Cloud Virtual Machine (cvm)" in English, and "Smart Insurance Assistant
// (cii, errcode's translation)" for an English name that is errcode's
// translation. Without a name in lang it falls back to the English name in
// Chinese, and to the short name alone in English (no Chinese is shown as an
// English name).
func (p Product) Title(lang Lang) string {
	if lang == Chinese && p.Name.Zh != "" {
		return p.Name.Zh + " (" + p.Scope + ")"
	}
	switch {
	case p.Name.En == "":
		return p.Scope
	case p.EnTranslated:
		return p.Name.En + " (" + p.Scope + ", " + TranslationMark + ")"
	}
	return p.Name.En + " (" + p.Scope + ")"
}

// NameIn returns the product's name in lang: in Chinese the Chinese name,
// else the English one; in English only the English name (never Chinese
// presented as English), followed by " (errcode's translation)" when it is
// errcode's (EnTranslated); "" when there is none.
func (p Product) NameIn(lang Lang) string {
	if lang == Chinese && p.Name.Zh != "" {
		return p.Name.Zh
	}
	if p.EnTranslated && p.Name.En != "" {
		return p.Name.En + " (" + TranslationMark + ")"
	}
	return p.Name.En
}

// productInfo is one product of catalog/products.yaml, as catalogen compiles
// it into codes_gen.go.
type productInfo struct {
	scope, zh, en string
	enErrcode     bool   // en is errcode's translation (Product.EnTranslated)
	docs          string // documentation home
	describe      string // the Describe action most of its codes point at
	quota         string // its query action for quotas, "" when it has none
}

// productByScope returns the compiled product named scope (any case).
func productByScope(scope string) (productInfo, bool) {
	ls := scope
	for i := 0; i < len(ls); i++ {
		if c := ls[i]; 'A' <= c && c <= 'Z' {
			ls = strings.ToLower(scope)
			break
		}
	}
	i := sort.Search(len(productTable), func(i int) bool { return productTable[i].scope >= ls })
	if i < len(productTable) && productTable[i].scope == ls {
		return productTable[i], true
	}
	return productInfo{}, false
}

// product is info as a Product (without its number of codes).
func (info productInfo) product() Product {
	return Product{Scope: info.scope, Name: Text{Zh: info.zh, En: info.en}, EnTranslated: info.enErrcode}
}

// Products returns the catalog's product scopes (every scope but common and
// sdk) with their names and number of entries, sorted by short name.
func (c *Catalog) Products() []Product {
	var out []Product
	for i, s := range c.scopes {
		if s == ScopeCommon || s == ScopeSDK {
			continue
		}
		out = append(out, c.productAt(i))
	}
	return out
}

// productAt is the product of scope index i.
func (c *Catalog) productAt(i int) Product {
	s := c.scopes[i]
	p := Product{Scope: s}
	if info, ok := productByScope(s); ok {
		p = info.product()
	}
	p.Codes = c.scopeCounts[i]
	return p
}

// Product returns the product scope (any case) of the catalog, and false when
// the catalog has no such product. It reads that product only (lookup
// --product asks twice a run).
func (c *Catalog) Product(scope string) (Product, bool) {
	if scope == "" { // (every lookup asks, most with no --product)
		return Product{}, false
	}
	for i, s := range c.scopes {
		if strings.EqualFold(s, scope) {
			if s == ScopeCommon || s == ScopeSDK {
				break
			}
			return c.productAt(i), true
		}
	}
	return Product{}, false
}

// ProductName returns the name of product scope in lang as Product.NameIn
// does, and "" for a scope that is no known product.
func ProductName(scope string, lang Lang) string {
	info, ok := productByScope(scope)
	if !ok {
		return ""
	}
	return info.product().NameIn(lang)
}

// OfficialProductName returns ProductName(scope, lang) when that is a name
// Tencent Cloud publishes, and "" when it is errcode's translation: for a
// compact list (explain's "Also defined in") too narrow to show the mark,
// where an unmarked translation would pass for Tencent Cloud's name.
func OfficialProductName(scope string, lang Lang) string {
	info, ok := productByScope(scope)
	if !ok {
		return ""
	}
	p := info.product()
	if p.EnTranslated && (lang != Chinese || p.Name.Zh == "") {
		return ""
	}
	return p.NameIn(lang)
}
