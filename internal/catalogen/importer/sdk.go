package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog/source"
)

// A key names one code of one API version of one product.
type key struct{ product, version, code string }

// versionDirRE is an SDK package version folder, v20170312.
var versionDirRE = regexp.MustCompile(`^v\d{8}$`)

// apiVersion turns the SDK's package version "v20170312" into "2017-03-12",
// as X-TC-Version spells it.
func apiVersion(v string) (string, error) {
	if !versionDirRE.MatchString(v) {
		return "", fmt.Errorf("version %q is not vYYYYMMDD", v)
	}
	return v[1:5] + "-" + v[5:7] + "-" + v[7:], nil
}

// packages lists the API version folders of an SDK checkout,
// tencentcloud/<product>/v<YYYYMMDD>, that hold an errors.go; the common
// package is no product.
func packages(sdk string) ([]key, error) {
	root := filepath.Join(sdk, "tencentcloud")
	products, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("%s is not a checkout of a Tencent Cloud Go SDK: %w", sdk, err)
	}
	var out []key
	for _, p := range products {
		if !p.IsDir() || p.Name() == "common" {
			continue
		}
		if !source.ProductRE.MatchString(p.Name()) {
			return nil, fmt.Errorf("%s: %q is not a product short name", root, p.Name())
		}
		versions, err := os.ReadDir(filepath.Join(root, p.Name()))
		if err != nil {
			return nil, err
		}
		for _, v := range versions {
			if !v.IsDir() || !versionDirRE.MatchString(v.Name()) {
				continue
			}
			if _, err := os.Stat(filepath.Join(root, p.Name(), v.Name(), "errors.go")); errors.Is(err, fs.ErrNotExist) {
				continue
			}
			out = append(out, key{product: p.Name(), version: v.Name()})
		}
	}
	return out, nil
}

// errorsGo reads an SDK's errors.go: each string constant is a code, the
// comment right above it its description (the lines of a multi-line comment
// joined by spaces; "" for none or an empty comment). A comment separated from the constant by a blank line
// (the SDK's "// 此产品的特有错误码" heading) describes nothing.
func errorsGo(path string) (codes []string, text map[string]string, err error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, err
	}
	text = map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			if len(vs.Names) != 1 || len(vs.Values) != 1 {
				return nil, nil, fmt.Errorf("%s: a constant that is not NAME = \"Code\"", path)
			}
			lit, ok := vs.Values[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return nil, nil, fmt.Errorf("%s: %s is not a string constant", path, vs.Names[0].Name)
			}
			code, err := strconv.Unquote(lit.Value)
			if err != nil || code == "" || strings.ContainsAny(code, " \t\r\n") {
				return nil, nil, fmt.Errorf("%s: %s = %s is no error code", path, vs.Names[0].Name, lit.Value)
			}
			if _, dup := text[code]; dup {
				return nil, nil, fmt.Errorf("%s: %s is defined twice", path, code)
			}
			codes = append(codes, code)
			text[code] = joinLines(vs.Doc.Text()) // Text of a nil group is ""
		}
	}
	return codes, text, nil
}

// joinLines joins the lines of a comment with single spaces; the text of a
// line is kept as written (a doubled space inside it is Tencent Cloud's).
func joinLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, " ")
}

// clean collapses the white space of an official text (line breaks of a
// multi-line comment or of the error centre's JSON, doubled spaces) into
// single spaces.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// The lines that open the list of codes in an action's doc comment, in
// tencentcloud-sdk-go and in tencentcloud-sdk-go-intl-en.
const (
	mayReturn     = "可能返回的错误码:"
	mayReturnIntl = "error code that may be returned:"
)

// codeLineRE is one line of that list: `//  NAME = "Code"`.
var codeLineRE = regexp.MustCompile(`^//\s*[A-Za-z0-9_]+\s*=\s*"([^"]+)"\s*$`)

// funcRE is the declaration of an action of the SDK client.
var funcRE = regexp.MustCompile(`^func \(c \*Client\) ([A-Z][A-Za-z0-9]*)\(`)

// clientGo reads an SDK's client.go: for each action (the method and its
// ...WithContext twin), the codes its doc comment lists after the line
// heading (mayReturn, mayReturnIntl). It returns the actions of each code.
func clientGo(path, heading string) (map[string][]string, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]bool{}
	var doc []string // the comment lines right above the current line
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "//") {
			doc = append(doc, line)
			continue
		}
		if m := funcRE.FindStringSubmatch(line); m != nil {
			action := strings.TrimSuffix(m[1], "WithContext")
			in, listed := false, false
			for _, d := range doc {
				t := strings.TrimSpace(strings.TrimPrefix(d, "//"))
				if t == heading {
					in = true
					continue
				}
				if !in || t == "" && !listed { // gofmt puts an empty line before the list
					continue
				}
				cm := codeLineRE.FindStringSubmatch(d)
				if cm == nil {
					break
				}
				listed = true
				if out[cm[1]] == nil {
					out[cm[1]] = map[string]bool{}
				}
				out[cm[1]][action] = true
			}
		}
		doc = doc[:0]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	actions := map[string][]string{}
	for code, set := range out {
		for a := range set {
			actions[code] = append(actions[code], a)
		}
		sort.Strings(actions[code])
	}
	return actions, nil
}

// releaseRE finds the SDK release in tencentcloud/common/http/request.go,
// which sends it as RequestClient ("SDK_GO_1.3.166").
var releaseRE = regexp.MustCompile(`"SDK_GO_(\d+\.\d+\.\d+)"`)

// release returns the release of an SDK checkout ("v1.3.166"), as the SDK
// itself states it.
func release(sdk string) (string, error) {
	path := filepath.Join(sdk, "tencentcloud", "common", "http", "request.go")
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("the SDK's release: %w", err)
	}
	m := releaseRE.FindSubmatch(data)
	if m == nil {
		return "", fmt.Errorf("%s: no \"SDK_GO_<release>\"", path)
	}
	return "v" + string(m[1]), nil
}

// productRowRE is one row of the Go SDK's products.md:
// | cvm | [云服务器](https://cloud.tencent.com/document/product/213) | [查看](...) | 2026-08-20 01:08:56 |
var productRowRE = regexp.MustCompile(`^\|\s*([a-z][a-z0-9]*)\s*\|\s*\[([^\]]*)\]\(([^)]*)\)\s*\|`)

// docsRE is a product's documentation home (source.ProductName.Docs).
var docsRE = regexp.MustCompile(`^https://cloud\.tencent\.com/document/product/\d+$`)

// productsMD reads the Go SDK's products.md: each product's Chinese name
// and documentation home ("" where the table has a placeholder, such as a
// link to /document/product without an id).
func productsMD(path string) (map[string]source.ProductName, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]source.ProductName{}
	for _, line := range strings.Split(string(data), "\n") {
		m := productRowRE.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		p := source.ProductName{Product: m[1], Zh: clean(m[2])}
		if docsRE.MatchString(m[3]) {
			p.Docs = m[3]
		}
		if _, dup := out[p.Product]; dup {
			return nil, fmt.Errorf("%s: %s is listed twice", path, p.Product)
		}
		out[p.Product] = p
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no product rows (| name | [中文名](docs) | ...)", path)
	}
	return out, nil
}
