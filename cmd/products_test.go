package cmd

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/internal/explain"
)

func TestProductsShapes(t *testing.T) {
	// Piped: product, codes, Chinese name, English name.
	code, out, _ := run(t, false, nil, "products")
	if code != ExitOK || !strings.Contains(out, "cvm\t") || strings.Contains(out, "PRODUCT") {
		t.Fatalf("piped products: exit %d\n%s", code, out)
	}
	if n := strings.Count(out, "\n"); n != 261 {
		t.Errorf("piped products: %d rows, want 261", n)
	}
	// Terminal: a header and aligned columns.
	_, out, _ = run(t, true, map[string]string{"NO_COLOR": "1"}, "products")
	if !strings.HasPrefix(out, "PRODUCT ") || strings.Contains(out, "\t") {
		t.Errorf("tty products = %q", out[:min(len(out), 200)])
	}
	// JSON: the stable fields.
	_, out, _ = run(t, false, nil, "products", "-o", "json")
	var ps []explain.Product
	if err := json.Unmarshal([]byte(out), &ps); err != nil || len(ps) != 261 {
		t.Fatalf("products -o json: %v, %d products", err, len(ps))
	}
	i := slices.IndexFunc(ps, func(p explain.Product) bool { return p.Product == "cvm" })
	if i < 0 || ps[i].NameZh != "云服务器" || ps[i].NameEn != "Cloud Virtual Machine" || ps[i].Codes < 400 {
		t.Errorf("cvm = %+v", ps[i])
	}
}
