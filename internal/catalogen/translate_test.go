package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// A translation applies where its source is the official text; one whose
// source changed, or whose code is gone, is stale: left out and named.
func TestTranslationsStale(t *testing.T) {
	in := input(`- code: InternalError
  zh: 内部错误
  en: ""
  versions: ["2017-03-12"]
- code: InternalError.Bar
  zh: ""
  en: Bar failed.
  solution: 请重试
  versions: ["2017-03-12"]
- code: InternalError.Foo
  zh: 甲
  en: ""
  versions: ["2017-03-12"]
`)
	in.Translations = map[string][]byte{
		"en/cvm": []byte(`- {code: InternalError, field: summary, source: 内部错误, text: Internal error.}
- {code: InternalError.Bar, field: solution, source: 请重试, text: Please try again.}
- {code: InternalError.Foo, field: summary, source: 乙, text: B.}
- {code: InternalError.Gone, field: summary, source: 丙, text: C.}
`),
		"zh/cvm": []byte(`- {code: InternalError, field: summary, source: Internal error, text: 内部错误。}
- {code: InternalError.Bar, field: summary, source: Bar failed., text: Bar 失败，请稍后重试。}
`),
	}
	files, stale, err := GenerateStale(in)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range stale {
		got = append(got, s.Lang+" "+s.Product+" "+s.Code+" "+s.Field)
	}
	want := []string{"en cvm InternalError.Foo summary", "en cvm InternalError.Gone summary", "zh cvm InternalError summary"}
	if !slices.Equal(got, want) {
		t.Errorf("stale %q, want %q", got, want)
	}
	text := string(files["catalog/data/entries0.txt"])
	for _, s := range []string{"\n内部错误\n\n\nInternal error.\n\n\n\n", "\nBar failed.\n请重试\n\nBar 失败，请稍后重试。\nPlease try again.\n\n", "InternalError.Foo\n甲\n\n\n\n\n\n\n"} {
		if !strings.Contains(text, s) {
			t.Errorf("entries0.txt lacks %q:\n%q", s, text)
		}
	}
	if strings.Contains(text, "B.\n") || strings.Contains(text, "C.\n") {
		t.Errorf("a stale translation was applied:\n%q", text)
	}
	// Retry verdicts read the official text only: the translation's
	// 稍后重试 is no clue (records: common InternalError, then cvm's
	// InternalError, InternalError.Bar, InternalError.Foo).
	rec := catalogfmt.Records(files["catalog/data/records.bin"])
	if rec.Len() != 4 || rec.Retry(2) != 0 {
		t.Errorf("InternalError.Bar: retry clue %d from errcode's translation", rec.Retry(2))
	}
}

// The committed translations all apply: a re-import that changed an
// official text makes its translation stale, named here (product, code,
// field). Fix: translate the new text (edit the row's source and text) or remove the row.
func TestTranslationsCurrent(t *testing.T) {
	in, err := ReadInput("../../catalog/codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Translations) < 200 {
		t.Fatalf("%d translation files", len(in.Translations))
	}
	m, err := compile(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range m.stale {
		t.Errorf("stale translation: %s", s)
	}
	if len(m.tr) < 8000 {
		t.Errorf("only %d imported entries have a translation", len(m.tr))
	}
}

type trRow struct {
	lang, product string
	Translation
}

func committedTranslations(t *testing.T) []trRow {
	t.Helper()
	files, err := readTranslations("../../catalog")
	if err != nil {
		t.Fatal(err)
	}
	var out []trRow
	for k, data := range files {
		lang, p, _ := strings.Cut(k, "/")
		rows, err := DecodeTranslations(data)
		if err != nil {
			t.Fatalf("translations/%s.yaml: %v", k, err)
		}
		for _, r := range rows {
			out = append(out, trRow{lang, p, r})
		}
	}
	slices.SortFunc(out, func(a, b trRow) int {
		return strings.Compare(a.lang+a.product+a.Code+a.Field, b.lang+b.product+b.Code+b.Field)
	})
	return out
}

// tokenRE finds what a translation keeps verbatim: placeholders, URLs,
// identifiers (a word with a capital inside, a digit, a dot or an
// underscore), snake_case names and numbers (the translators' check.py
// uses the same rule).
var (
	tokenRE   = regexp.MustCompile(`%[-+ #0-9.]*[a-zA-Z]|\$\{[^}]*\}|\{[^}]*\}|https?://[^\s\p{Z}\p{Han}\x{3000}-\x{303f}\x{ff00}-\x{ffef}]+|[A-Za-z_][A-Za-z0-9_.\-]*[A-Z0-9_.][A-Za-z0-9_.\-]*|\b[a-z]+_[a-z_]+\b|\d+(?:\.\d+)?`)
	cjkPunct  = regexp.MustCompile(`[\x{3000}-\x{303f}\x{ff00}-\x{ffef}]`)
	plainWord = regexp.MustCompile(`^[A-Za-z][a-z]*(-[A-Za-z][a-z]*)*$`)
	plural    = regexp.MustCompile(`^[A-Z]{2,}s$`)
)

// sourceTokens returns the tokens of source a translation must keep.
func sourceTokens(source string) []string {
	var out []string
	for _, m := range tokenRE.FindAllString(source, -1) {
		m = strings.TrimRight(cjkPunct.Split(m, 2)[0], ".,;:)")
		// A plain word that matched only by a trailing period is no identifier.
		if m == "" || plainWord.MatchString(m) || slices.Contains(out, m) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// Identifiers, numbers and placeholders of the source appear in the
// translation; an English translation holds no Chinese, a Chinese one does.
func TestTranslationsKeepTokens(t *testing.T) {
	rows := committedTranslations(t)
	for _, r := range rows {
		id := r.lang + "/" + r.product + " " + r.Code + " " + r.Field
		// Placeholders are kept verbatim, Chinese ones too ({合同名称}).
		if r.lang == "en" && hasHan(regexp.MustCompile(`\{[^}]*\}`).ReplaceAllString(r.Text, "")) {
			t.Errorf("%s: Chinese left in %q", id, r.Text)
		}
		if r.lang == "zh" && !hasHan(r.Text) {
			t.Errorf("%s: no Chinese in %q", id, r.Text)
		}
		for _, tok := range sourceTokens(r.Source) {
			if plural.MatchString(tok) && strings.Contains(r.Text, tok[:len(tok)-1]) {
				continue // URLs -> URL
			}
			if !strings.Contains(r.Text, tok) {
				t.Errorf("%s: %q of the source is missing from %q", id, tok, r.Text)
			}
		}
	}
	if sourceTokens("参数%s不合法，请参考 https://x.y/a。 InstanceId 长度1-60") == nil {
		t.Error("sourceTokens found nothing")
	}
}

type glossaryTerm struct {
	Zh       string   `yaml:"zh"`
	En       string   `yaml:"en"`
	Also     []string `yaml:"also"`
	Evidence string   `yaml:"evidence"`
}

type glossaryExempt struct {
	Product string `yaml:"product"`
	Code    string `yaml:"code"`
	Field   string `yaml:"field"`
	Term    string `yaml:"term"`
	Why     string `yaml:"why"`
}

// termRE matches an English term in any inflection: each word may end
// differently from its last letter on (instance, instances; policy,
// policies), words joined by spaces or hyphens, case ignored.
func termRE(en string) *regexp.Regexp {
	var parts []string
	for _, w := range strings.Fields(strings.ToLower(en)) {
		if len(w) >= 4 {
			w = w[:len(w)-1]
		}
		parts = append(parts, regexp.QuoteMeta(w)+`\w*`)
	}
	return regexp.MustCompile(`(?i)\b` + strings.Join(parts, `[\s-]+`))
}

// The glossary's English is used wherever its Chinese term is in the
// source of an English translation, unless exempt.yaml names the row and
// the term, with why; an exemption that no longer applies fails too.
func TestTranslationsFollowGlossary(t *testing.T) {
	var terms []glossaryTerm
	data, err := os.ReadFile("../../catalog/translations/glossary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &terms); err != nil || len(terms) < 50 {
		t.Fatalf("glossary.yaml: %d terms, %v", len(terms), err)
	}
	var ex struct {
		Compounds map[string][]string `yaml:"compounds"`
		Rows      []glossaryExempt    `yaml:"rows"`
	}
	if data, err = os.ReadFile(filepath.Join("../../catalog/translations/exempt.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &ex); err != nil {
		t.Fatal(err)
	}
	exempt := ex.Rows
	used := make([]bool, len(exempt))
	res := map[string][]*regexp.Regexp{}
	for _, g := range terms {
		for _, e := range append([]string{g.En}, g.Also...) {
			res[g.Zh] = append(res[g.Zh], termRE(e))
		}
	}
	n := 0
	for _, r := range committedTranslations(t) {
		if r.lang != "en" {
			continue
		}
		for _, g := range terms {
			src := r.Source
			for _, c := range ex.Compounds[g.Zh] {
				src = strings.ReplaceAll(src, c, "")
			}
			if !strings.Contains(src, g.Zh) || slices.ContainsFunc(res[g.Zh], func(re *regexp.Regexp) bool { return re.MatchString(r.Text) }) {
				continue
			}
			if i := slices.IndexFunc(exempt, func(e glossaryExempt) bool {
				return e.Product == r.product && e.Code == r.Code && e.Field == r.Field && e.Term == g.Zh
			}); i >= 0 && exempt[i].Why != "" {
				used[i] = true
				continue
			}
			n++
			t.Errorf("en/%s %s %s: %s is %q (glossary.yaml), not in %q", r.product, r.Code, r.Field, g.Zh, g.En, r.Text)
		}
	}
	for i, e := range exempt {
		if !used[i] {
			t.Errorf("exempt.yaml: %s %s %s %s exempts nothing", e.Product, e.Code, e.Field, e.Term)
		}
	}
	if termRE("security group").FindString("two Security-Groups") == "" || !termRE("policy").MatchString("two policies") {
		t.Error("termRE misses an inflection")
	}
}
