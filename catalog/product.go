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
	// Name is the product's official Chinese name (empty for the few
	// products that have none in the SDK) and its English name where errcode
	// knows it for certain.
	Name Text `json:"name" yaml:"name"`
	// Codes is the number of entries the catalog holds in this scope.
	Codes int `json:"codes" yaml:"codes"`
}

// Title names the product in lang: "云服务器 (cvm)" in Chinese,
// "Cloud Virtual Machine (cvm)" in English. Without a name in lang it falls
// back to the English name in Chinese, and to the short name alone in
// English (no Chinese is shown as an English name).
func (p Product) Title(lang Lang) string {
	name := p.NameIn(lang)
	if name == "" {
		return p.Scope
	}
	return name + " (" + p.Scope + ")"
}

// NameIn returns the product's name in lang: in Chinese the Chinese name,
// else the English one; in English only the English name (never Chinese
// presented as English); "" when there is none.
func (p Product) NameIn(lang Lang) string {
	if lang == Chinese && p.Name.Zh != "" {
		return p.Name.Zh
	}
	return p.Name.En
}

// productInfo is one product of catalog/products.yaml, as catalogen compiles
// it into codes_gen.go.
type productInfo struct {
	scope, zh, en string
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

// Products returns the catalog's product scopes (every scope but common and
// sdk) with their names and number of entries, sorted by short name.
func (c *Catalog) Products() []Product {
	var out []Product
	for i, s := range c.scopes {
		if s == ScopeCommon || s == ScopeSDK {
			continue
		}
		p := Product{Scope: s, Codes: c.scopeCounts[i]}
		if info, ok := productByScope(s); ok {
			p.Name = Text{Zh: info.zh, En: info.en}
		}
		out = append(out, p)
	}
	return out
}

// Product returns the product scope (any case) of the catalog, and false when
// the catalog has no such product.
func (c *Catalog) Product(scope string) (Product, bool) {
	s := c.canonScope(scope)
	if s == "" || s == ScopeCommon || s == ScopeSDK {
		return Product{}, false
	}
	for _, p := range c.Products() {
		if p.Scope == s {
			return p, true
		}
	}
	return Product{}, false
}

// ProductTitle names scope in lang as Product.Title does ("云服务器 (cvm)"),
// for any product errcode knows; other scopes (common, sdk) are returned as
// they are.
func ProductTitle(scope string, lang Lang) string {
	info, ok := productByScope(scope)
	if !ok {
		return scope
	}
	return Product{Scope: info.scope, Name: Text{Zh: info.zh, En: info.en}}.Title(lang)
}

// ProductName returns the name of product scope in lang as Product.NameIn
// does, and "" for a scope that is no known product.
func ProductName(scope string, lang Lang) string {
	info, ok := productByScope(scope)
	if !ok {
		return ""
	}
	return Product{Scope: info.scope, Name: Text{Zh: info.zh, En: info.en}}.NameIn(lang)
}
