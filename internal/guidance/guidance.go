// Package guidance expands the placeholders of errcode's curated fix steps.
//
// Class guidance (catalog/classes.yaml) and the curated common entries
// (catalog/codes.yaml) are written once for every product. Their steps name
// the product's facts through placeholders, so that a code of CVM reads
// "`tccli cvm DescribeInstances --region <region>`" and the same step,
// shown without a product, reads "`tccli <product> Describe… --region
// <region>`". The facts come from the catalog (the product's names, its API
// actions and versions, its documentation home); this package only fills
// them in.
//
// Syntax, inside a step's English or Chinese text:
//
//	{{name}}            the fact, or the default stand-in for the language when it is unknown
//	{{name|text}}       the fact, or text when it is unknown
//	{{?name}}...{{/}}   the text between, only when the fact is known
//	{{!name}}...{{/}}   the text between, only when the fact is unknown
//
// Conditional blocks do not nest; placeholders may stand inside them. An
// unknown name is an error at generation time (Check), never at run time.
package guidance

import "strings"

// The facts a step may name.
const (
	// Product is the product's name and short name: "Cloud Virtual Machine
	// (cvm)", "云服务器 (cvm)", or the short name alone without a name.
	Product = "product"
	// Short is the product's short name as in tccli and its API host: "cvm".
	Short = "p"
	// Action is the API action that failed (or the code's only action).
	Action = "action"
	// Actions lists some of the API actions that may return the code.
	Actions = "actions"
	// Version is the API version, as X-TC-Version spells it: "2017-03-12".
	Version = "version"
	// PkgVersion is the version as the SDK packages spell it: "v20170312".
	PkgVersion = "pkgversion"
	// Describe is a Describe action of the product that shows the resource
	// the code is about: "DescribeInstances".
	Describe = "describe"
	// Quota is an action of the product that shows a quota or limit.
	Quota = "quota"
	// Explorer is the API Explorer URL of the action.
	Explorer = "explorer"
	// Docs is the product's documentation home.
	Docs = "docs"
)

// Names lists every fact, for Check.
var Names = []string{Product, Short, Action, Actions, Version, PkgVersion, Describe, Quota, Explorer, Docs}

// stand-ins for an unknown fact, by language.
var standIn = map[string][2]string{ // [en, zh]
	Product:    {"the product", "该产品"},
	Short:      {"<product>", "<产品>"},
	Action:     {"<Action>", "<接口>"},
	Actions:    {"the failing action", "出错的接口"},
	Version:    {"<Version>", "<版本>"},
	PkgVersion: {"v<YYYYMMDD>", "v<YYYYMMDD>"},
	Describe:   {"Describe…", "Describe…"},
	Quota:      {"the quota page of the console", "控制台的配额页面"},
	Explorer:   {"https://console.cloud.tencent.com/api/explorer", "https://console.cloud.tencent.com/api/explorer"},
	Docs:       {"the product's API documentation", "该产品的 API 文档"},
}

// Facts maps a fact's name to its value; a missing or empty value is unknown.
type Facts map[string]string

// Has reports whether s holds any placeholder.
func Has(s string) bool { return strings.Contains(s, "{{") }

// Expand fills in the placeholders of s with facts, in Chinese when zh is
// true. Text without placeholders is returned as it is.
func Expand(s string, zh bool, facts Facts) string {
	if !Has(s) {
		return s
	}
	lang := 0
	if zh {
		lang = 1
	}
	var b strings.Builder
	b.Grow(len(s) + 32)
	skip := false // inside a conditional block whose condition failed
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			break
		}
		if !skip {
			b.WriteString(s[:i])
		}
		tag := s[i+2 : i+j]
		s = s[i+j+2:]
		switch {
		case tag == "/":
			skip = false
		case strings.HasPrefix(tag, "?"):
			skip = facts[tag[1:]] == ""
		case strings.HasPrefix(tag, "!"):
			skip = facts[tag[1:]] != ""
		case skip:
		default:
			name, alt, hasAlt := strings.Cut(tag, "|")
			switch v := facts[name]; {
			case v != "":
				b.WriteString(v)
			case hasAlt:
				b.WriteString(alt)
			default:
				b.WriteString(standIn[name][lang])
			}
		}
	}
	if !skip {
		b.WriteString(s)
	}
	return b.String()
}

// Check reports the first malformed or unknown placeholder of s, or "".
func Check(s string) string {
	open := false
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			if open {
				return "a {{?…}} or {{!…}} block is not closed with {{/}}"
			}
			if strings.Contains(s, "}}") {
				return "a }} without {{"
			}
			return ""
		}
		if strings.Contains(s[:i], "}}") {
			return "a }} without {{"
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			return "a {{ without }}"
		}
		tag := s[i+2 : i+j]
		s = s[i+j+2:]
		if strings.Contains(tag, "{{") {
			return "a {{ inside a placeholder: {{" + tag + "}}"
		}
		switch {
		case tag == "/":
			if !open {
				return "a {{/}} without a block to close"
			}
			open = false
			continue
		case strings.HasPrefix(tag, "?"), strings.HasPrefix(tag, "!"):
			if open {
				return "blocks do not nest: {{" + tag + "}}"
			}
			open = true
			tag = tag[1:]
		default:
			var alt string
			tag, alt, _ = strings.Cut(tag, "|")
			if strings.ContainsAny(alt, "{}") {
				return "braces in a placeholder's alternative: " + alt
			}
		}
		if _, ok := standIn[tag]; !ok {
			return "unknown placeholder {{" + tag + "}}"
		}
	}
}
