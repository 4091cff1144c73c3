package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errcode-dev/errcode/catalog"
)

// Translation is one row of catalog/translations/<lang>/<product>.yaml:
// errcode's translation Text of the official Source text of one field
// ("summary" or "solution") of one imported code. The import never writes
// these files: they are edited by hand (README, "Translations").
type Translation struct {
	Code   string `yaml:"code"`
	Field  string `yaml:"field"`
	Source string `yaml:"source"`
	Text   string `yaml:"text"`
}

// The fields a translation may translate.
const (
	FieldSummary  = "summary"
	FieldSolution = "solution"
)

// DecodeTranslations reads one translation file, strictly.
func DecodeTranslations(data []byte) ([]Translation, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var rows []Translation
	if err := dec.Decode(&rows); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	for i, r := range rows {
		if r.Code == "" || r.Source == "" || strings.TrimSpace(r.Text) == "" {
			return nil, fmt.Errorf("row %d (%s): code, source and text are required", i+1, r.Code)
		}
		if r.Field != FieldSummary && r.Field != FieldSolution {
			return nil, fmt.Errorf("row %d (%s): field %q is neither summary nor solution", i+1, r.Code, r.Field)
		}
		if strings.ContainsAny(r.Text, "\n\r") {
			return nil, fmt.Errorf("row %d (%s %s): the text holds a line break", i+1, r.Code, r.Field)
		}
		if i > 0 && (rows[i-1].Code > r.Code || rows[i-1].Code == r.Code && rows[i-1].Field >= r.Field) {
			return nil, fmt.Errorf("row %d (%s %s): out of order or repeated: keep rows sorted by code, then field", i+1, r.Code, r.Field)
		}
	}
	return rows, nil
}

// readTranslations reads catalog/translations/{en,zh}/*.yaml beside dir's
// codes.yaml, keyed "en/<product>" and "zh/<product>".
func readTranslations(dir string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, lang := range []string{"en", "zh"} {
		if err := readYAMLDir(filepath.Join(dir, "translations", lang), lang+"/", out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readYAMLDir reads every *.yaml file of dir into out, keyed by prefix and
// the file's name without .yaml.
func readYAMLDir(dir, prefix string, out map[string][]byte) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return err
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		out[prefix+strings.TrimSuffix(filepath.Base(f), ".yaml")] = data
	}
	return nil
}

// trText is what applies to one imported entry: its translations by line.
type trText struct{ en, zh, solEn, solZh string }

// Stale is a translation that does not apply: its source is no longer the
// imported text (or the code is gone, or the text now has official words
// in that language).
type Stale struct {
	Lang, Product, Code, Field, Why string
}

func (s Stale) String() string {
	return fmt.Sprintf("translations/%s/%s.yaml: %s %s: %s", s.Lang, s.Product, s.Code, s.Field, s.Why)
}

// applyTranslations matches every translation to its imported entry: one
// whose source equals the official text of that field, which has no
// official text in the translation's language, applies (m.tr); any other
// is stale (m.stale), never applied.
func (m *model) applyTranslations(files map[string][]byte) error {
	m.tr = map[*catalog.Entry]*trText{}
	type sc struct{ scope, code string }
	imported := map[sc]*catalog.Entry{}
	for _, e := range m.all {
		if e.Imported {
			imported[sc{e.Scope, e.Code}] = e
		}
	}
	keys := make([]string, 0, len(files))
	for k := range files {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		lang, p, _ := strings.Cut(k, "/")
		rows, err := DecodeTranslations(files[k])
		if err != nil {
			return fmt.Errorf("translations/%s.yaml: %w", k, err)
		}
		for _, r := range rows {
			stale := func(why string) { m.stale = append(m.stale, Stale{lang, p, r.Code, r.Field, why}) }
			e := imported[sc{p, r.Code}]
			if e == nil {
				stale("no imported code of that name")
				continue
			}
			t := m.tr[e]
			if t == nil {
				t = &trText{}
			}
			sum := catalog.HonestSummary(e.Code, e.Summary)
			var official, other string
			var dst *string
			switch {
			case r.Field == FieldSummary && lang == "en":
				official, other, dst = sum.Zh, sum.En, &t.en
			case r.Field == FieldSummary:
				official, other, dst = sum.En, sum.Zh, &t.zh
			case lang == "en":
				// A Chinese official solution (held in Solution.Zh).
				official, dst = e.Solution.Zh, &t.solEn
				if !hasHan(official) {
					other = official
				}
			default:
				// An English official solution (also held in Solution.Zh).
				official, dst = e.Solution.Zh, &t.solZh
				if hasHan(official) {
					other = official
				}
			}
			switch {
			case official != r.Source:
				stale(fmt.Sprintf("the source is no longer the official text %q", official))
			case other != "":
				stale("the official text now has this language")
			default:
				*dst = r.Text
				m.tr[e] = t
			}
		}
	}
	return nil
}

func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x2e80 && r <= 0x9fff || r >= 0xf900 && r <= 0xfaff })
}

// translated returns a copy of imported entry e as the catalog serves it:
// the honest summary with its translations applied (catalog.Translated).
func (m *model) served(e *catalog.Entry) *catalog.Entry {
	c := *e
	c.Summary = catalog.HonestSummary(e.Code, e.Summary)
	if t := m.tr[e]; t != nil {
		if c.Summary.En == "" && t.en != "" {
			c.Summary.En, c.Translated = t.en, c.Translated|catalog.TrSummaryEn
		}
		if c.Summary.Zh == "" && t.zh != "" {
			c.Summary.Zh, c.Translated = t.zh, c.Translated|catalog.TrSummaryZh
		}
		if t.solZh != "" {
			c.Solution, c.Translated = catalog.Text{En: e.Solution.Zh, Zh: t.solZh}, c.Translated|catalog.TrSolutionZh
		} else if t.solEn != "" {
			c.Solution.En, c.Translated = t.solEn, c.Translated|catalog.TrSolutionEn
		}
	}
	return &c
}
