package catalog

// Translated says which texts of an imported entry are errcode's own
// translation (catalog/translations, issue 11) rather than Tencent Cloud's
// words: a summary or solution that Tencent Cloud publishes in one language
// only is translated into the other. The official text stays in the other
// language of the same Text.
type Translated uint8

// The translated texts.
const (
	TrSummaryEn  Translated = 1 << iota // Summary.En translates the official Summary.Zh
	TrSummaryZh                         // Summary.Zh translates the official Summary.En
	TrSolutionEn                        // Solution.En translates the official Solution.Zh
	TrSolutionZh                        // Solution.Zh translates the official Solution.En
)

// Summary reports whether the summary in lang is errcode's translation.
func (t Translated) Summary(lang Lang) bool {
	if lang == Chinese {
		return t&TrSummaryZh != 0
	}
	return t&TrSummaryEn != 0
}

// Solution reports whether the solution in lang is errcode's translation.
func (t Translated) Solution(lang Lang) bool {
	if lang == Chinese {
		return t&TrSolutionZh != 0
	}
	return t&TrSolutionEn != 0
}

// Fields names the texts translated into lang, as JSON shows them:
// "summary", "solution"; empty (never nil) for none.
func (t Translated) Fields(lang Lang) []string {
	out := []string{}
	if t.Summary(lang) {
		out = append(out, "summary")
	}
	if t.Solution(lang) {
		out = append(out, "solution")
	}
	return out
}

// translate applies the translation lines of an imported entry (summary to
// English and Chinese, solution to English and Chinese) to its honest
// official summary and its official solution, and returns what it applied.
// An official solution without Chinese characters is English.
func translate(sum, sol *Text, trEn, trZh, solEn, solZh string) Translated {
	var t Translated
	if trEn != "" && sum.En == "" {
		sum.En, t = trEn, t|TrSummaryEn
	}
	if trZh != "" && sum.Zh == "" {
		sum.Zh, t = trZh, t|TrSummaryZh
	}
	if sol.Zh != "" && !hasHan(sol.Zh) && solZh != "" {
		sol.En, sol.Zh, t = sol.Zh, solZh, t|TrSolutionZh
	} else if solEn != "" && sol.En == "" {
		sol.En, t = solEn, t|TrSolutionEn
	}
	return t
}

// translatedProvenance is the Provenance of an imported entry whose
// official summary has provenance p once translations t apply.
func translatedProvenance(p string, t Translated) string {
	switch {
	case p == ProvenanceOfficialZhOnly && t&TrSummaryEn != 0:
		return ProvenanceOfficialZh
	case p == ProvenanceOfficialEnOnly && t&TrSummaryZh != 0:
		return ProvenanceOfficialEn
	}
	return p
}

// OfficialSummary returns Tencent Cloud's own summary of e: Summary without
// errcode's translations.
func (e *Entry) OfficialSummary() Text {
	return official(e.Summary, e.Translated, TrSummaryEn, TrSummaryZh)
}

// OfficialSolution returns Tencent Cloud's own solution of e: Solution
// without errcode's translations.
func (e *Entry) OfficialSolution() Text {
	return official(e.Solution, e.Translated, TrSolutionEn, TrSolutionZh)
}

func official(t Text, tr, en, zh Translated) Text {
	if tr&en != 0 {
		t.En = ""
	}
	if tr&zh != 0 {
		t.Zh = ""
	}
	return t
}
