package explain

import "github.com/errcode-dev/errcode/catalog"

// Product is one product of `errcode products`. Field names are part of
// errcode's interface: add fields, never rename them.
type Product struct {
	Product string `json:"product" yaml:"product"`
	NameZh  string `json:"name_zh" yaml:"name_zh"`
	NameEn  string `json:"name_en" yaml:"name_en"`
	Codes   int    `json:"codes" yaml:"codes"`
	// NameEnTranslated: name_en is errcode's translation of name_zh (and
	// says so), not a name Tencent Cloud publishes.
	NameEnTranslated bool `json:"name_en_translated" yaml:"name_en_translated"`
}

// Products returns the catalog's products, in its order.
func (x *Explainer) Products() []Product {
	ps := x.Cat.Products()
	out := make([]Product, len(ps))
	for i, p := range ps {
		// NameIn marks an English name that is errcode's translation.
		out[i] = Product{Product: p.Scope, NameZh: p.Name.Zh, NameEn: p.NameIn(catalog.English), Codes: p.Codes, NameEnTranslated: p.EnTranslated}
	}
	return out
}
