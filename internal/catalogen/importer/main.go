// Command importer is the one-off import of the official SDKs' error lists
// into errcode's catalog. It reads two TSV files of reference data:
//
//   - all_products.tsv: product, version (v20170312), code, zh, en,
//     solution_zh, actions (comma-separated), one row per (product, API
//     version, code) in the official Go SDK;
//   - products.tsv: product, name_zh;
//
// and writes catalog/products/<product>.yaml (one file per product, the
// schema of source.Code) and catalog/products.yaml (source.ProductName). The
// rows of several API versions of one (product, code) are merged: the text
// of the newest version wins, a field the newest version leaves empty comes
// from the newest version that has it, the actions are the union, and the
// versions are listed. English product names already in products.yaml are
// kept (they are curated by hand); nothing else is.
//
// The YAML it writes is the source of truth afterwards: review it, edit it by
// hand, and run `make catalog`. Re-run the importer only to take a new
// release of the reference data, then review the diff:
//
//	go run ./internal/catalogen/importer -ref ../shared/reference -out catalog
//	make catalog
package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/catalog/source"
)

func main() {
	ref := flag.String("ref", "../shared/reference", "the folder with all_products.tsv and products.tsv")
	out := flag.String("out", "catalog", "the catalog folder to write products.yaml and products/ into")
	flag.Parse()
	if err := run(*ref, *out); err != nil {
		fmt.Fprintln(os.Stderr, "importer:", err)
		os.Exit(1)
	}
}

func run(ref, out string) error {
	rows, err := readTSV(filepath.Join(ref, "all_products.tsv"), []string{"product", "version", "code", "zh", "en", "solution_zh", "actions"})
	if err != nil {
		return err
	}
	names, err := readTSV(filepath.Join(ref, "products.tsv"), []string{"product", "name_zh"})
	if err != nil {
		return err
	}
	byProduct, err := merge(rows)
	if err != nil {
		return err
	}
	products, err := productNames(names, filepath.Join(out, "products.yaml"))
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, p := range products {
		known[p.Product] = true
	}
	dir := filepath.Join(out, "products")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// A product gone from the reference data loses its file.
	old, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	for _, f := range old {
		if _, ok := byProduct[strings.TrimSuffix(filepath.Base(f), ".yaml")]; !ok {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	total := 0
	for p, codes := range byProduct {
		if !known[p] {
			return fmt.Errorf("product %q has codes but is not in products.tsv", p)
		}
		data, err := EncodeProduct(p, codes)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, p+".yaml"), data, 0o644); err != nil {
			return err
		}
		total += len(codes)
	}
	data, err := EncodeProducts(products)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "products.yaml"), data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "importer: %d rows -> %d codes in %d products\n", len(rows), total, len(byProduct))
	return nil
}

// readTSV reads a tab-separated file whose header row is want, and returns
// the other rows.
func readTSV(path string, want []string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = len(want)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !slices.Equal(head, want) {
		return nil, fmt.Errorf("%s: header %q, want %q", path, head, want)
	}
	var rows [][]string
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for i := range row {
			row[i] = strings.TrimSpace(row[i])
		}
		rows = append(rows, row)
	}
}

// merge groups the rows by product and code, merging API versions; each
// product's codes come out in catalog order.
func merge(rows [][]string) (map[string][]*source.Code, error) {
	type key struct{ product, code string }
	groups := map[key][][]string{}
	var order []key
	for _, r := range rows {
		k := key{r[0], r[2]}
		if k.product == "" || k.code == "" {
			return nil, fmt.Errorf("row without product or code: %q", r)
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	out := map[string][]*source.Code{}
	for _, k := range order {
		g := groups[k]
		sort.SliceStable(g, func(i, j int) bool { return g[i][1] < g[j][1] }) // v20170312 sorts by date
		c := &source.Code{Code: k.code}
		newest := func(col int) string {
			for i := len(g) - 1; i >= 0; i-- {
				if g[i][col] != "" {
					return g[i][col]
				}
			}
			return ""
		}
		c.Zh, c.En, c.Solution = newest(3), newest(4), newest(5)
		actions := map[string]bool{}
		for _, r := range g {
			v, err := version(r[1])
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", k.product, k.code, err)
			}
			if !slices.Contains(c.Versions, v) {
				c.Versions = append(c.Versions, v)
			}
			for _, a := range strings.Split(r[6], ",") {
				if a = strings.TrimSpace(a); a != "" {
					actions[a] = true
				}
			}
		}
		for a := range actions {
			c.Actions = append(c.Actions, a)
		}
		sort.Strings(c.Actions)
		out[k.product] = append(out[k.product], c)
	}
	for _, codes := range out {
		sort.SliceStable(codes, func(i, j int) bool {
			return catalog.Less(&catalog.Entry{Code: codes[i].Code}, &catalog.Entry{Code: codes[j].Code})
		})
	}
	return out, nil
}

// version turns the SDK's package version "v20170312" into "2017-03-12".
func version(v string) (string, error) {
	if len(v) != 9 || v[0] != 'v' || strings.Trim(v[1:], "0123456789") != "" {
		return "", fmt.Errorf("version %q is not vYYYYMMDD", v)
	}
	return v[1:5] + "-" + v[5:7] + "-" + v[7:], nil
}

// productNames returns the products of products.tsv, keeping what is
// curated by hand in the existing products.yaml at path: the English names
// with their sources, the Chinese names read elsewhere where products.tsv
// has none, and the documentation homes.
func productNames(rows [][]string, path string) ([]source.ProductName, error) {
	kept := map[string]source.ProductName{}
	if data, err := os.ReadFile(path); err == nil {
		old, err := source.DecodeProducts(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for _, p := range old {
			kept[p.Product] = p
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	var out []source.ProductName
	for _, r := range rows {
		k := kept[r[0]]
		p := source.ProductName{Product: r[0], Zh: r[1], En: k.En, EnSource: k.EnSource, Docs: k.Docs}
		if p.Zh == "" && k.ZhSource != "" { // a name read elsewhere by hand
			p.Zh, p.ZhSource = k.Zh, k.ZhSource
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Product < out[j].Product })
	return out, nil
}

// EncodeProduct returns the YAML of one product file.
func EncodeProduct(product string, codes []*source.Code) ([]byte, error) {
	var doc yaml.Node
	if err := doc.Encode(codes); err != nil {
		return nil, err
	}
	// Versions on one line; actions one per line, so that diffs stay small.
	for _, m := range doc.Content {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == "versions" {
				m.Content[i+1].Style = yaml.FlowStyle
			}
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s: the error codes of this product in the official SDKs (imported layer;\n", product)
	b.WriteString("# schema: source.Code). Imported by internal/catalogen/importer, then reviewed;\n")
	b.WriteString("# after editing run `make catalog`. catalog/codes.yaml wins where both define a code.\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// EncodeProducts returns the YAML of products.yaml.
func EncodeProducts(ps []source.ProductName) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# The products of the imported layer: short name (the scope of its codes in\n")
	b.WriteString("# catalog/products/<product>.yaml), official Chinese name, and an English\n")
	b.WriteString("# name only where it is certain (curated by hand; the importer keeps it).\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(ps); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
