package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

// centerRow is one row of the error centre's data
// (https://cloud.tencent.com/api/error-center, mirrored daily as
// zh-CN/error-codes.json in teco-project/teco-api-models).
type centerRow struct {
	ProductName    string `json:"productName"`
	ProductVersion string `json:"productVersion"`
	Code           string `json:"code"`
	Description    string `json:"description"`
	Solution       string `json:"solution"`
	ProductCNName  string `json:"productCNName"`
}

// placeholders are the error centre's solutions that say nothing: most
// codes carry one of them instead of a solution.
var placeholders = map[string]bool{
	"业务正在更新中，请您耐心等待。": true, // "being updated, please wait"
	"None": true,
	"占位符":  true, // "placeholder"
	"无":    true, // "none"
	"暂无":   true, // "none yet"
}

// noWordRE is a solution without a letter or a CJK character ("1", "-").
var noWordRE = regexp.MustCompile(`^[\p{N}\p{P}\p{S}\s]*$`)

// solution returns the solution of a centre row, "" for a placeholder.
func solution(s string) string {
	s = clean(s)
	if placeholders[s] || noWordRE.MatchString(s) {
		return ""
	}
	return s
}

// center is what errcode takes from the error centre: the solution of each
// (product, API version, code), each product's Chinese name, and the
// descriptions of the common codes.
type center struct {
	solution map[key]string
	names    map[string]string // product -> its Chinese name, where the rows agree on one
	common   map[string]string // code -> its description in the PLATFORM group
}

// platform is the group of the error centre's data that holds the common
// codes of API 3.0 (productCNName 公共错误码), without a version.
const platform = "PLATFORM"

// readCenter reads error-codes.json. It takes no description of a
// product's code from it: those come from the SDKs (the centre renders the
// same texts as HTML, `x` as <code>x</code>). The common codes, which no
// SDK describes, it takes from the PLATFORM group, Markdown as written.
func readCenter(path string) (*center, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []centerRow
	if err := json.Unmarshal(data, &rows); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c := &center{solution: map[key]string{}, names: map[string]string{}, common: map[string]string{}}
	names := map[string]map[string]bool{}
	for i, r := range rows {
		if r.ProductVersion == "" && strings.ToUpper(r.ProductName) == r.ProductName {
			// A group of common codes, no product's: the PLATFORM group's
			// descriptions are the official texts of the common codes.
			if r.ProductName != platform {
				continue
			}
			d := clean(r.Description)
			if r.Code == "" || strings.ContainsAny(r.Code, " \t\r\n") || d == "" {
				return nil, fmt.Errorf("%s: row %d: a %s row without a code or description: %+v", path, i+1, platform, r)
			}
			if old, ok := c.common[r.Code]; ok && old != d {
				return nil, fmt.Errorf("%s: %s %s has two descriptions", path, platform, r.Code)
			}
			c.common[r.Code] = d
			continue
		}
		if r.ProductName == "" || r.Code == "" || !versionRE.MatchString(r.ProductVersion) {
			return nil, fmt.Errorf("%s: row %d: no product, code or YYYY-MM-DD version: %+v", path, i+1, r)
		}
		k := key{r.ProductName, r.ProductVersion, r.Code}
		if s := solution(r.Solution); s != "" {
			if old, ok := c.solution[k]; ok && old != s {
				return nil, fmt.Errorf("%s: %s %s %s has two solutions", path, k.product, k.version, k.code)
			}
			c.solution[k] = s
		}
		if n := clean(r.ProductCNName); n != "" {
			if names[r.ProductName] == nil {
				names[r.ProductName] = map[string]bool{}
			}
			names[r.ProductName][n] = true
		}
	}
	for p, set := range names {
		if len(set) == 1 {
			for n := range set {
				c.names[p] = n
			}
		}
	}
	return c, nil
}

// versionRE is an API version as X-TC-Version spells it.
var versionRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
