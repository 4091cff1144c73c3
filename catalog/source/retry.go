package source

import (
	"fmt"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// RetryRules is catalog/retry.yaml: how errcode decides a code's retry
// verdict from the evidence (see the file's header).
type RetryRules struct {
	Evidence RetryEvidence `yaml:"evidence"`
	Rules    []RetryRule   `yaml:"rules"`
}

// RetryEvidence holds the sentences that say what decided a verdict; %s
// stands for the class, the phrase or the part of the name.
type RetryEvidence struct {
	Curated catalog.Text `yaml:"curated"` // the curated entry
	Guide   catalog.Text `yaml:"guide"`   // the advice of the class %s
	General catalog.Text `yaml:"general"` // errcode's general advice (class "*")
	Text    catalog.Text `yaml:"text"`    // Tencent Cloud's text says %s
	Name    catalog.Text `yaml:"name"`    // the code's name contains %s
	Message catalog.Text `yaml:"message"` // the finding's own message says %s (parse)
}

// RetryRule is one kind of evidence: phrases of Tencent Cloud's text, parts
// of a code's name, the verdict they give and the advice that goes with it.
type RetryRule struct {
	Rule    string               `yaml:"rule"`
	Verdict catalog.RetryVerdict `yaml:"verdict"`
	After   catalog.Text         `yaml:"after,omitempty"`
	Text    []string             `yaml:"text,omitempty"`
	Name    []string             `yaml:"name,omitempty"`
	Except  []string             `yaml:"except,omitempty"`
	Retry   catalog.Text         `yaml:"retry"`
}

// DecodeRetry reads catalog/retry.yaml, rejecting unknown fields, rules
// without evidence or advice in both languages, English phrases that are
// not lower-case (they match any case), and evidence sentences without %s
// where they need it.
func DecodeRetry(data []byte) (*RetryRules, error) {
	var r RetryRules
	if err := strict(data, &r); err != nil {
		return nil, err
	}
	ev := r.Evidence
	for _, t := range []struct {
		name string
		text catalog.Text
		arg  bool
	}{{"curated", ev.Curated, false}, {"guide", ev.Guide, true}, {"general", ev.General, false}, {"text", ev.Text, true}, {"name", ev.Name, true}, {"message", ev.Message, true}} {
		for _, s := range []string{t.text.En, t.text.Zh} {
			if s == "" || strings.Contains(s, "%s") != t.arg {
				return nil, fmt.Errorf("evidence %s: needs both languages, with %%s exactly where the sentence names something", t.name)
			}
		}
	}
	if len(r.Rules) == 0 {
		return nil, fmt.Errorf("no rules")
	}
	seen := map[string]bool{}
	for i, rule := range r.Rules {
		if rule.Rule == "" || seen[rule.Rule] {
			return nil, fmt.Errorf("rule %d: needs a name of its own", i+1)
		}
		seen[rule.Rule] = true
		if err := CheckVerdict(rule.Verdict, rule.After, rule.Verdict != catalog.RetryNo); err != nil {
			return nil, fmt.Errorf("rule %s: %w", rule.Rule, err)
		}
		if len(rule.Text)+len(rule.Name) == 0 {
			return nil, fmt.Errorf("rule %s: no text phrase and no name part", rule.Rule)
		}
		if rule.Retry.En == "" || rule.Retry.Zh == "" {
			return nil, fmt.Errorf("rule %s: needs retry advice in both languages", rule.Rule)
		}
		for _, p := range rule.Text {
			if p == "" || p != strings.ToLower(p) {
				return nil, fmt.Errorf("rule %s: text phrase %q: write phrases in lower case (they match any case)", rule.Rule, p)
			}
		}
		for _, p := range append(append([]string{}, rule.Name...), rule.Except...) {
			if p == "" {
				return nil, fmt.Errorf("rule %s: an empty name part", rule.Rule)
			}
		}
	}
	return &r, nil
}

// CheckVerdict checks a verdict given in a source file against its
// retryable flag: "" (retryable decides), "yes" or "after" with retryable
// true, "no" with retryable false; "after" needs its condition in both
// languages, and only "after" has one.
func CheckVerdict(v catalog.RetryVerdict, after catalog.Text, retryable bool) error {
	switch v {
	case "":
		if after != (catalog.Text{}) {
			return fmt.Errorf("after is only for verdict after")
		}
		return nil
	case catalog.RetryYes, catalog.RetryAfter, catalog.RetryNo:
	default:
		return fmt.Errorf("verdict %q is not yes, after or no", v)
	}
	if v.Retryable() != retryable {
		return fmt.Errorf("verdict %s contradicts retryable: %v", v, retryable)
	}
	if (v == catalog.RetryAfter) != (after.En != "" && after.Zh != "") || v != catalog.RetryAfter && after != (catalog.Text{}) {
		return fmt.Errorf("verdict after needs its condition (after) in both languages, and only after has one")
	}
	return nil
}

// Clue returns the evidence that decides the retry verdict of code, whose
// official texts (descriptions and solution, in any language) are official:
// the number of the first clue found, plus one, where the clues are
// numbered in the order they are tried: every rule's text phrases, rule by
// rule, then every rule's name parts, which (like the except parts) are
// looked for in the code after its first dot (the whole code when it has
// none). It is 0 when neither Tencent Cloud's
// text nor the code's name gives any, and the code's guide decides.
// Chinese phrases match as written, English ones in any case.
// internal/catalogen stores it with each imported entry, and the catalog
// reads the clue back by the same numbering.
func (r *RetryRules) Clue(code string, official ...string) int {
	lower := make([]string, len(official))
	for i, t := range official {
		lower[i] = strings.ToLower(t)
	}
	n := 0
	for _, rule := range r.Rules {
		for _, p := range rule.Text {
			n++
			for _, t := range lower {
				if strings.Contains(t, p) {
					return n
				}
			}
		}
	}
	// The name is the sub-code: "Failed" in FailedOperation says nothing.
	if i := strings.IndexByte(code, '.'); i >= 0 {
		code = code[i+1:]
	}
	for _, rule := range r.Rules {
		skip := false
		for _, x := range rule.Except {
			skip = skip || strings.Contains(code, x)
		}
		for _, p := range rule.Name {
			n++
			if !skip && strings.Contains(code, p) {
				return n
			}
		}
	}
	return 0
}

// API2Codes is catalog/api2.yaml: what the legacy API 2.0 numeric codes
// mean, in Tencent Cloud's words, and where they were read.
type API2Codes struct {
	Source string     `yaml:"source"`
	Codes  []API2Code `yaml:"codes"`
}

// API2Code is one numeric code: its meaning in Chinese and English (one of
// them may be missing where the documentation has none), and a note.
type API2Code struct {
	Code string `yaml:"code"`
	Zh   string `yaml:"zh,omitempty"`
	En   string `yaml:"en,omitempty"`
	Note string `yaml:"note,omitempty"`
}

// DecodeAPI2 reads catalog/api2.yaml, rejecting unknown fields, a missing
// source, codes that are not numbers or repeat, and codes with no meaning.
func DecodeAPI2(data []byte) (*API2Codes, error) {
	var a API2Codes
	if err := strict(data, &a); err != nil {
		return nil, err
	}
	if a.Source == "" {
		return nil, fmt.Errorf("no source")
	}
	seen := map[string]bool{}
	for i, c := range a.Codes {
		if c.Code == "" || strings.Trim(c.Code, "0123456789") != "" || seen[c.Code] {
			return nil, fmt.Errorf("code %d: %q is not a number of its own", i+1, c.Code)
		}
		seen[c.Code] = true
		if c.Zh == "" && c.En == "" {
			return nil, fmt.Errorf("code %s: no meaning in either language", c.Code)
		}
	}
	return &a, nil
}
