// Command importer rebuilds the imported layer of errcode's catalog from
// Tencent Cloud's own sources, read as text (the SDKs are no dependencies of
// errcode):
//
//   - tencentcloud-sdk-go: tencentcloud/<product>/v<YYYYMMDD>/errors.go, every
//     code of every API version as a constant with its Chinese description in
//     the comment above it; client.go beside it, whose action doc comments
//     list the codes each action may return (after "可能返回的错误码:");
//     products.md, each product's Chinese name and documentation home; and
//     tencentcloud/common/http/request.go, which names the release;
//   - tencentcloud-sdk-go-intl-en: the same errors.go with English
//     descriptions (some empty);
//   - the error centre's data, zh-CN/error-codes.json of
//     teco-project/teco-api-models: the official solutions, most of them
//     placeholders ("业务正在更新中，请您耐心等待。", "None", "占位符", "无",
//     "暂无") that are dropped; and the descriptions of the common codes
//     (its PLATFORM group).
//
// It writes catalog/products/<product>.yaml (schema source.Code),
// catalog/products.yaml (source.ProductName), catalog/common_official.yaml
// (source.CommonCode: the official texts the curated common entries are
// written against) and catalog/provenance.yaml (source.Provenance: each
// source's release, commit and date), and prints what changed per product
// and in the common codes: codes added, removed and reworded. The curated
// layers (codes.yaml, classes.yaml, retry.yaml) are never touched.
//
// The codes of several API versions of one product merge into one entry: the
// text of the newest version wins, a text the newest version lacks comes from
// the newest version that has it, the actions are the union and the versions
// are listed; the versions only tencentcloud-sdk-go-intl-en defines the code
// in are listed again as intl_versions (the Source of the code names that
// SDK for them). A code that was in the catalog but is in no source any more is
// kept as it was, marked `removed: <release of tencentcloud-sdk-go>`. In
// products.yaml the Chinese name and docs come from products.md; a Chinese
// name products.md lacks is kept where it was read by hand (zh_source), else
// taken from the error centre; English names (en, en_source) are kept.
//
// Run it through make, with checkouts of the three repositories (they must be
// git work trees without local changes, so that their commits are recorded):
//
//	make import-catalog SDK=../tencentcloud-sdk-go INTL=../tencentcloud-sdk-go-intl-en \
//	    CENTER=../teco-api-models/zh-CN/error-codes.json
package main

import (
	"bytes"
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
	var in inputs
	flag.StringVar(&in.sdk, "sdk", "", "a git checkout of TencentCloud/tencentcloud-sdk-go")
	flag.StringVar(&in.intl, "intl", "", "a git checkout of TencentCloud/tencentcloud-sdk-go-intl-en")
	flag.StringVar(&in.center, "center", "", "zh-CN/error-codes.json in a git checkout of teco-project/teco-api-models")
	out := flag.String("out", "catalog", "the catalog folder: products/, products.yaml, common_official.yaml and provenance.yaml are written there")
	flag.Parse()
	if in.sdk == "" || in.intl == "" || in.center == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: importer -sdk DIR -intl DIR -center FILE [-out catalog]")
		flag.PrintDefaults()
		os.Exit(2)
	}
	err := in.resolve()
	if err == nil {
		err = Import(in, *out, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "importer:", err)
		os.Exit(1)
	}
}

// inputs are the three sources and where they were read.
type inputs struct {
	sdk, intl, center string
	prov              source.Provenance
}

// resolve records the commit and date of each source's checkout.
func (in *inputs) resolve() error {
	for _, s := range []struct {
		path string
		o    *source.Origin
		repo string
	}{{in.sdk, &in.prov.SDK, sdkRepo}, {in.intl, &in.prov.Intl, intlRepo}, {in.center, &in.prov.Center, centerRepo}} {
		if _, err := os.Stat(s.path); err != nil {
			return fmt.Errorf("%s: %w: it should be a git checkout of %s (see README.md, \"Rebuilding the imported layer\")", s.path, errors.Unwrap(err), s.repo)
		}
		commit, date, rel, err := gitCommit(s.path)
		if err != nil {
			return err
		}
		*s.o = source.Origin{Repo: s.repo, Commit: commit, Date: date}
		if s.o == &in.prov.Center {
			s.o.Path = rel
		}
	}
	return nil
}

// Import reads the sources of in, rewrites the imported layer under out and
// prints the change summary to w.
func Import(in inputs, out string, w io.Writer) error {
	var err error
	if in.prov.SDK.Release, err = release(in.sdk); err != nil {
		return err
	}
	if in.prov.Intl.Release, err = release(in.intl); err != nil {
		return err
	}
	names, err := productsMD(filepath.Join(in.sdk, "products.md"))
	if err != nil {
		return err
	}
	cen, err := readCenter(in.center)
	if err != nil {
		return err
	}
	rows, err := readSDKs(in.sdk, in.intl, cen)
	if err != nil {
		return err
	}
	fresh := merge(rows)

	dir := filepath.Join(out, "products")
	old, err := readProducts(dir)
	if err != nil {
		return err
	}
	products := map[string]bool{}
	for p := range fresh {
		products[p] = true
	}
	for p := range old {
		products[p] = true // a product gone upstream keeps its codes, marked removed
	}
	list, err := productNames(sortedKeys(products), names, cen.names, filepath.Join(out, "products.yaml"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var sum summary
	for _, p := range sortedKeys(products) {
		codes, ch := reconcile(old[p], fresh[p], in.prov.SDK.Release)
		ch.product = p
		sum.add(ch, len(codes))
		data, err := EncodeProduct(p, codes)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, p+".yaml"), data, 0o644); err != nil {
			return err
		}
	}
	data, err := EncodeProducts(list)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "products.yaml"), data, 0o644); err != nil {
		return err
	}
	common, cch, err := reconcileCommon(filepath.Join(out, commonFile), cen.common, in.prov.Center.Date)
	if err != nil {
		return err
	}
	if data, err = EncodeCommon(common); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, commonFile), data, 0o644); err != nil {
		return err
	}
	sum.common = cch
	if data, err = EncodeProvenance(in.prov); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "provenance.yaml"), data, 0o644); err != nil {
		return err
	}
	sum.write(w, in.prov)
	return nil
}

// row is one code of one API version of one product, from all sources.
type row struct {
	key
	zh, en, solution string
	actions          []string
	inGo             bool     // tencentcloud-sdk-go's errors.go of the version defines the code
	intlActions      []string // the actions of tencentcloud-sdk-go-intl-en's client.go
}

// readSDKs reads every errors.go and client.go of both SDKs and the
// solutions of the error centre into one row per (product, API version,
// code) that either SDK defines. The actions of a row are those of the Go
// SDK's client.go; those of the international SDK's only where the Go SDK
// does not define the code in that version (where both define it, their
// lists differ: each site has actions of its own).
func readSDKs(sdk, intl string, cen *center) (map[key]*row, error) {
	rows := map[key]*row{}
	get := func(k key) *row {
		r := rows[k]
		if r == nil {
			r = &row{key: k}
			rows[k] = r
		}
		return r
	}
	for _, s := range []struct {
		dir     string
		en      bool
		heading string
	}{{sdk, false, mayReturn}, {intl, true, mayReturnIntl}} {
		pkgs, err := packages(s.dir)
		if err != nil {
			return nil, err
		}
		for _, pk := range pkgs {
			folder := filepath.Join(s.dir, "tencentcloud", pk.product, pk.version)
			codes, text, err := errorsGo(filepath.Join(folder, "errors.go"))
			if err != nil {
				return nil, err
			}
			v, _ := apiVersion(pk.version)
			actions, err := clientGo(filepath.Join(folder, "client.go"), s.heading)
			if err != nil {
				return nil, err
			}
			for _, c := range codes {
				r := get(key{pk.product, v, c})
				if s.en {
					r.en, r.intlActions = text[c], actions[c]
				} else {
					r.zh, r.actions, r.inGo = text[c], actions[c], true
				}
			}
		}
	}
	for k, r := range rows {
		r.solution = cen.solution[k]
		if !r.inGo {
			r.actions = r.intlActions
		}
	}
	return rows, nil
}

// merge groups the rows by product and code, merging API versions.
func merge(rows map[key]*row) map[string]map[string]*source.Code {
	type pc struct{ product, code string }
	groups := map[pc][]*row{}
	for _, r := range rows {
		k := pc{r.product, r.code}
		groups[k] = append(groups[k], r)
	}
	out := map[string]map[string]*source.Code{}
	for k, g := range groups {
		sort.Slice(g, func(i, j int) bool { return g[i].version < g[j].version })
		newest := func(f func(*row) string) string {
			for i := len(g) - 1; i >= 0; i-- {
				if t := f(g[i]); t != "" {
					return t
				}
			}
			return ""
		}
		c := &source.Code{
			Code:     k.code,
			Zh:       newest(func(r *row) string { return r.zh }),
			En:       newest(func(r *row) string { return r.en }),
			Solution: newest(func(r *row) string { return r.solution }),
		}
		for _, r := range g {
			c.Versions = append(c.Versions, r.version)
			if !r.inGo {
				c.IntlVersions = append(c.IntlVersions, r.version)
			}
			for _, a := range r.actions {
				if !slices.Contains(c.Actions, a) {
					c.Actions = append(c.Actions, a)
				}
			}
		}
		sort.Strings(c.Actions)
		if out[k.product] == nil {
			out[k.product] = map[string]*source.Code{}
		}
		out[k.product][k.code] = c
	}
	return out
}

// readProducts reads the product files the catalog holds now.
func readProducts(dir string) (map[string]map[string]*source.Code, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]*source.Code{}
	for _, f := range files {
		p := strings.TrimSuffix(filepath.Base(f), ".yaml")
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if _, err := source.DecodeProduct(p, data); err != nil { // the catalog's own checks
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		var codes []*source.Code
		if err := yaml.Unmarshal(data, &codes); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out[p] = map[string]*source.Code{}
		for _, c := range codes {
			out[p][c.Code] = c
		}
	}
	return out, nil
}

// change is what an import changed in one product.
type change struct {
	product                  string
	added, removed, reworded []string
	restored                 []string // removed before, back upstream
	other                    int      // codes whose actions or versions changed
	rewordedWhat             map[string][]string
	keptRemoved              int // codes removed by an earlier import
}

// reconcile returns the codes of one product after the import, in catalog
// order: the fresh ones, and the old ones no source has any more, marked
// removed in release (or when they were first found missing).
func reconcile(old, fresh map[string]*source.Code, release string) ([]*source.Code, change) {
	ch := change{rewordedWhat: map[string][]string{}}
	var out []*source.Code
	for _, code := range sortedKeys(fresh) {
		c := fresh[code]
		out = append(out, c)
		o := old[code]
		switch {
		case o == nil:
			ch.added = append(ch.added, code)
			continue
		case o.Removed != "":
			ch.restored = append(ch.restored, code)
			continue
		}
		var what []string
		for _, f := range []struct{ name, old, new string }{{"zh", o.Zh, c.Zh}, {"en", o.En, c.En}, {"solution", o.Solution, c.Solution}} {
			if f.old != f.new {
				what = append(what, f.name)
			}
		}
		if len(what) > 0 {
			ch.reworded = append(ch.reworded, code)
			ch.rewordedWhat[code] = what
		} else if !slices.Equal(o.Actions, c.Actions) || !slices.Equal(o.Versions, c.Versions) || !slices.Equal(o.IntlVersions, c.IntlVersions) {
			ch.other++
		}
	}
	for _, code := range sortedKeys(old) {
		if fresh[code] != nil {
			continue
		}
		o := *old[code]
		if o.Removed == "" {
			o.Removed = release
			ch.removed = append(ch.removed, code)
		} else {
			ch.keptRemoved++
		}
		out = append(out, &o)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return catalog.Less(&catalog.Entry{Code: out[i].Code}, &catalog.Entry{Code: out[j].Code})
	})
	return out, ch
}

// productNames returns the entries of products.yaml for the products: the
// Chinese name and documentation home from products.md; where it has no
// Chinese name, the one kept from the existing products.yaml at path when it
// was read elsewhere by hand (zh_source), else the error centre's; for a
// product products.md no longer lists, the name and docs it had. The English
// names with their sources, curated by hand, are always kept.
func productNames(products []string, md map[string]source.ProductName, centre map[string]string, path string) ([]source.ProductName, error) {
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
	out := make([]source.ProductName, 0, len(products))
	for _, name := range products {
		k := kept[name]
		p, listed := md[name]
		if !listed {
			p.Docs = k.Docs
		}
		p.Product, p.En, p.EnSource = name, k.En, k.EnSource
		switch {
		case p.Zh != "":
		case k.ZhSource != "" && k.ZhSource != centreZhSource:
			p.Zh, p.ZhSource = k.Zh, k.ZhSource
		case centre[name] != "":
			p.Zh, p.ZhSource = centre[name], centreZhSource
		case !listed:
			p.Zh, p.ZhSource = k.Zh, k.ZhSource
		}
		out = append(out, p)
	}
	return out, nil
}

// centreZhSource is the zh_source of a Chinese product name taken from the
// error centre (its commit is in provenance.yaml).
const centreZhSource = "the error centre's data (error-codes.json, productCNName)"

// EncodeProduct returns the YAML of one product file.
func EncodeProduct(product string, codes []*source.Code) ([]byte, error) {
	var doc yaml.Node
	if err := doc.Encode(codes); err != nil {
		return nil, err
	}
	// Versions on one line; actions one per line, so that diffs stay small.
	for _, m := range doc.Content {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if v := m.Content[i].Value; v == "versions" || v == "intl_versions" {
				m.Content[i+1].Style = yaml.FlowStyle
			}
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s: the error codes of this product in Tencent Cloud's sources (imported\n", product)
	b.WriteString("# layer; schema: source.Code), written by `make import-catalog` (sources:\n")
	b.WriteString("# provenance.yaml); do not edit. catalog/codes.yaml wins where both define a code.\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	if err := readsBack(b.Bytes(), codes); err != nil {
		return nil, fmt.Errorf("%s: %w", product, err)
	}
	return b.Bytes(), nil
}

// readsBack checks that data, a product file just written, reads back as
// codes: yaml.v3's emitter writes a few strings in a form its own parser
// reads otherwise (a multi-line text that starts with a line break, inside
// a list: the block's indentation indicator counts from the wrong column,
// and the text reads back as ""). An official text of that shape fails the
// import by name rather than landing changed.
func readsBack(data []byte, codes []*source.Code) error {
	var back []*source.Code
	if err := yaml.Unmarshal(data, &back); err != nil {
		return fmt.Errorf("yaml.v3 cannot read the file it wrote: %v", err)
	}
	if len(back) != len(codes) {
		return fmt.Errorf("yaml.v3 wrote %d codes and read back %d", len(codes), len(back))
	}
	for i, c := range codes {
		r := back[i]
		if r.Code != c.Code || r.Zh != c.Zh || r.En != c.En || r.Solution != c.Solution || r.Removed != c.Removed ||
			!slices.Equal(r.Actions, c.Actions) || !slices.Equal(r.Versions, c.Versions) || !slices.Equal(r.IntlVersions, c.IntlVersions) {
			return fmt.Errorf("%s: yaml.v3 writes one of its texts in a form it reads back otherwise; trim or rewrite that text in the importer", c.Code)
		}
	}
	return nil
}

// EncodeProducts returns the YAML of products.yaml.
func EncodeProducts(ps []source.ProductName) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# The products of the imported layer: short name (the scope of its codes in\n")
	b.WriteString("# catalog/products/<product>.yaml), official Chinese name and documentation\n")
	b.WriteString("# home (docs) from the official Go SDK's products.md (release: provenance.yaml),\n")
	b.WriteString("# and the English name with the source it was read from (en, en_source;\n")
	b.WriteString("# curated by hand). The importer rewrites zh and docs and keeps en and\n")
	b.WriteString("# en_source; a Chinese name products.md lacks is kept where it was read by\n")
	b.WriteString("# hand (zh_source), else taken from the error centre. Schema:\n")
	b.WriteString("# source.ProductName.\n")
	b.WriteString("#\n")
	b.WriteString("# en_source \"errcode\" marks an English name that is errcode's translation of\n")
	b.WriteString("# the Chinese one, in Tencent Cloud's own terms: Tencent Cloud publishes no\n")
	b.WriteString("# English name for the product in what was searched (tencentcloud.com product\n")
	b.WriteString("# and API pages, the CAM product list, tencentyun/intlcloud-documents,\n")
	b.WriteString("# tencentyun/qcloud-documents, cloud.tencent.com API and operation audit pages,\n")
	b.WriteString("# the Terraform provider). errcode shows such a name with \"(errcode's\n")
	b.WriteString("# translation)\".\n")
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

// commonFile holds the official texts of the common codes.
const commonFile = "common_official.yaml"

// reconcileCommon returns the common codes after the import: those of the
// error centre's PLATFORM group (fresh), and those of the file at path that
// it no longer has, kept and marked removed on date (the centre's data has
// no release).
func reconcileCommon(path string, fresh map[string]string, date string) ([]source.CommonCode, change, error) {
	ch := change{product: "common (error centre, " + platform + ")", rewordedWhat: map[string][]string{}}
	old := map[string]source.CommonCode{}
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		cs, err := source.DecodeCommonOfficial(data)
		if err != nil {
			return nil, ch, fmt.Errorf("%s: %w", path, err)
		}
		for _, c := range cs {
			old[c.Code] = c
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, ch, err
	}
	var out []source.CommonCode
	for _, code := range sortedKeys(fresh) {
		out = append(out, source.CommonCode{Code: code, Zh: fresh[code]})
		o, ok := old[code]
		switch {
		case !ok:
			ch.added = append(ch.added, code)
		case o.Removed != "":
			ch.restored = append(ch.restored, code)
		case o.Zh != fresh[code]:
			ch.reworded = append(ch.reworded, code)
			ch.rewordedWhat[code] = []string{"zh"}
		}
	}
	for _, code := range sortedKeys(old) {
		if _, ok := fresh[code]; ok {
			continue
		}
		o := old[code]
		if o.Removed == "" {
			o.Removed = date
			ch.removed = append(ch.removed, code)
		} else {
			ch.keptRemoved++
		}
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, ch, nil
}

// EncodeCommon returns the YAML of common_official.yaml.
func EncodeCommon(cs []source.CommonCode) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# The official Chinese descriptions of the common codes of API 3.0: the\n")
	b.WriteString("# PLATFORM group of the error centre's data (provenance.yaml: center),\n")
	b.WriteString("# Markdown as written there (`x`, [text](url)); a code the group no\n")
	b.WriteString("# longer has is kept, marked with the date of the import that missed it.\n")
	b.WriteString("# The curated common entries of codes.yaml carry these texts as the\n")
	b.WriteString("# documentation renders them; TestCuratedTextIsCurrent names the entry\n")
	b.WriteString("# whose text is reworded here. No machine-readable English source exists\n")
	b.WriteString("# (the curated English follows tencentcloud.com/document/product/213/33281).\n")
	b.WriteString("# Written by `make import-catalog`; do not edit. Schema: source.CommonCode.\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(cs); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
