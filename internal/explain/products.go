package explain

// Product is one product of `errcode products`. Field names are part of
// errcode's interface: add fields, never rename them.
type Product struct {
	Product string `json:"product" yaml:"product"`
	NameZh  string `json:"name_zh" yaml:"name_zh"`
	NameEn  string `json:"name_en" yaml:"name_en"`
	Codes   int    `json:"codes" yaml:"codes"`
}

// Products returns the catalog's products, in its order.
func (x *Explainer) Products() []Product {
	ps := x.Cat.Products()
	out := make([]Product, len(ps))
	for i, p := range ps {
		out[i] = Product{Product: p.Scope, NameZh: p.Name.Zh, NameEn: p.Name.En, Codes: p.Codes}
	}
	return out
}
