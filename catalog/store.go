package catalog

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// The embedded catalog is served from the tables internal/catalogen
// generates (catalog/data/*, codes_gen.go), building an *Entry only when
// one is asked for. Nothing is parsed or copied at start-up: the tables are
// embedded strings, read where they lie, and laid out so that what one
// lookup needs is close together (every page touched costs a fault).
//
// The layout is internal/catalogfmt's, which catalogen writes and this file
// reads:
//
//   - records.bin (catalogfmt.Records): one record per catalog position. A
//     curated record is held (catalogfmt.FlagHeld): its text field is its
//     index in held.bin (held.go). An imported record's text field is the offset of its
//     text; its guide and retry clue are described below.
//   - entries0.txt, entries1.txt, ...: the texts of the imported entries in
//     catalog order (catalogfmt.NumLines lines each), so that the
//     definitions of one code lie together. The files are one sequence of
//     offsets; entryFileStarts (codes_gen.go) says where each file starts.
//   - held.bin: the curated entries, then the class guidance, one section
//     of catalogfmt.AppendHeld fields each (held.go).
//   - actions.txt and actions.bin (catalogfmt.Actions): the distinct
//     action names sorted ignoring case, and their offsets.
//   - keys.txt and keys.bin (catalogfmt.KeyIndex): the key index.
//   - retry clue: the evidence of catalog/retry.yaml that decides an
//     imported entry's retry verdict (source.RetryRules.Clue), 0 when its
//     guide decides (see setRetry).
//   - guide: the entry whose Remediation, Retryable and Retry an imported
//     record carries: held entry guide (held.go), a curated entry when
//     guide < numCurated, else the guidance of class guide-numCurated;
//     catalogfmt.NoGuide for none.

// scopeAt returns the scope of the entry at pos without building it.
func (c *Catalog) scopeAt(pos int) string { return c.scopes[c.rec.Scope(pos)] }

// text returns the text of the imported entry at pos: its
// catalogfmt.NumLines lines, each followed by '\n'.
func (c *Catalog) text(pos int) string {
	off := c.rec.Text(pos)
	f := len(c.starts) - 1
	for f > 0 && c.starts[f] > off {
		f--
	}
	return c.texts[f][off-c.starts[f]:]
}

// codeAt returns the code of the entry at pos without building it.
func (c *Catalog) codeAt(pos int) string {
	if h, ok := c.rec.Held(pos); ok {
		if c.embedded {
			return heldCode(h)
		}
		return c.held[h].Code
	}
	t := c.text(pos)
	return t[:strings.IndexByte(t, '\n')]
}

// definition returns what a listing shows of the entry at pos, without
// building it.
func (c *Catalog) definition(pos int) Definition {
	if h, ok := c.rec.Held(pos); ok {
		if c.embedded {
			return heldDefinition(h)
		}
		e := c.held[h]
		return Definition{Code: e.Code, Scope: e.Scope, Summary: e.Summary, Solution: e.Solution, Imported: e.Imported, Translated: e.Translated}
	}
	l := catalogfmt.EntryLines(c.text(pos), catalogfmt.LineTrSolutionZh+1)
	code := l[catalogfmt.LineCode]
	d := Definition{Code: code, Scope: c.scopeAt(pos), Summary: HonestSummary(code, Text{Zh: l[catalogfmt.LineZh], En: l[catalogfmt.LineEn]}),
		Solution: Text{Zh: l[catalogfmt.LineSolution]}, Imported: true}
	d.Translated = translate(&d.Summary, &d.Solution, l[catalogfmt.LineTrEn], l[catalogfmt.LineTrZh], l[catalogfmt.LineTrSolutionEn], l[catalogfmt.LineTrSolutionZh])
	return d
}

// retry returns the verdict of the entry at pos and whether it is
// retryable, without building it.
func (c *Catalog) retry(pos int) (RetryVerdict, bool) {
	if h, ok := c.rec.Held(pos); ok {
		if c.embedded {
			return heldRetry(h)
		}
		return c.held[h].Verdict, c.held[h].Retryable
	}
	g := c.rec.Guide(pos)
	if g == catalogfmt.NoGuide || g >= heldCount() {
		g = -1
	}
	return retryOf(g, c.rec.Retry(pos))
}

// kept returns the entry at pos if it needs no building: a held entry, or
// an imported one built and kept before; nil otherwise.
func (c *Catalog) kept(pos int) *Entry {
	if h, ok := c.rec.Held(pos); ok {
		return c.heldAt(h)
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.built[pos]
}

// entry returns the entry at pos, building it on first use.
func (c *Catalog) entry(pos int) *Entry {
	if e := c.kept(pos); e != nil {
		return e
	}
	e := c.build(pos)
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.built[pos]; old != nil {
		return old
	}
	if c.built == nil {
		c.built = map[int]*Entry{}
	}
	c.built[pos] = e
	return e
}

// build decodes the imported record at pos into an Entry.
func (c *Catalog) build(pos int) *Entry {
	l := catalogfmt.EntryLines(c.text(pos), catalogfmt.NumLines)
	e := &Entry{
		Code:     l[catalogfmt.LineCode],
		Scope:    c.scopeAt(pos),
		Summary:  Text{Zh: l[catalogfmt.LineZh], En: l[catalogfmt.LineEn]},
		Solution: Text{Zh: l[catalogfmt.LineSolution]},
		Imported: true,
	}
	if l[catalogfmt.LineVersions] != "" {
		e.Versions = strings.Split(l[catalogfmt.LineVersions], ",")
	}
	if l[catalogfmt.LineActions] != "" {
		e.Actions = strings.Split(l[catalogfmt.LineActions], ",")
	}
	e.describe = l[catalogfmt.LineDescribe]
	e.Removed = l[catalogfmt.LineRemoved]
	if l[catalogfmt.LineIntl] != "" {
		e.IntlVersions = strings.Split(l[catalogfmt.LineIntl], ",")
	}
	gi := c.rec.Guide(pos)
	g := guideEntry(gi)
	if g != nil {
		e.guide = gi + 1
		e.Remediation = g.Remediation
		if t := templateOf(gi); t != nil {
			e.Remediation = expandSteps(t, factsFor(e.Scope, e, e.describe, Call{}))
		}
	}
	setRetry(e, g, c.rec.Retry(pos))
	if info, ok := productByScope(e.Scope); ok && info.docs != "" {
		e.Docs = Text{Zh: info.docs} // the product's documentation home (Chinese site)
	}
	e.Source = importedSource(e) // of the texts as the SDKs hold them
	e.Summary = HonestSummary(e.Code, e.Summary)
	p := importedProvenance(e.Summary)
	e.Translated = translate(&e.Summary, &e.Solution, l[catalogfmt.LineTrEn], l[catalogfmt.LineTrZh], l[catalogfmt.LineTrSolutionEn], l[catalogfmt.LineTrSolutionZh])
	e.Provenance = translatedProvenance(p, e.Translated)
	return e
}

// heldAt returns the entry held whole with index h.
func (c *Catalog) heldAt(h int) *Entry {
	if c.embedded {
		return heldEntry(h)
	}
	return c.held[h]
}

// guideEntry returns the guide with index g (see store.go), or nil: the
// guide indexes are those of held.bin.
func guideEntry(g int) *Entry {
	if g == catalogfmt.NoGuide || g >= heldCount() {
		return nil
	}
	return heldEntry(g)
}

// HonestSummary returns the official summary t of code as what it is: a
// "description" that only repeats the code's name (the SDK lists the code
// and nothing else) is no description, and English text found in the
// Chinese field (the Chinese SDK holds some) is English.
func HonestSummary(code string, t Text) Text {
	if isCodeName(t.Zh, code) {
		t.Zh = ""
	}
	if isCodeName(t.En, code) {
		t.En = ""
	}
	if t.Zh != "" && !hasHan(t.Zh) {
		if t.En == "" {
			t.En = t.Zh
		}
		t.Zh = ""
	}
	return t
}

// isCodeName reports whether s is only code, or its last segment, give or
// take case, spaces and a final full stop.
func isCodeName(s, code string) bool {
	return maybeCodeName(s, code) && sameAsCodeName(s, code)
}

// sameAsCodeName is isCodeName without its quick test.
func sameAsCodeName(s, code string) bool {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".。"))
	if s == "" {
		return false
	}
	last := code
	if i := strings.LastIndexByte(code, '.'); i >= 0 {
		last = code[i+1:]
	}
	return strings.EqualFold(s, code) || strings.EqualFold(s, last)
}

// maybeCodeName is a quick test that rules out most descriptions before
// isCodeName trims them: the first rune that is not a space must fold to the
// first letter of code or of its last segment. A code is ASCII, and the
// only runes outside ASCII that fold to ASCII letters are the Kelvin sign
// and the long s.
func maybeCodeName(s, code string) bool {
	if s == "" || code == "" {
		return false
	}
	c := s[0]
	if c >= utf8.RuneSelf || asciiSpace(c) {
		r, _ := utf8.DecodeRuneInString(s)
		return r == '\u212a' || r == '\u017f' || unicode.IsSpace(r)
	}
	last := code
	if i := strings.LastIndexByte(code, '.'); i >= 0 && i+1 < len(code) {
		last = code[i+1:]
	}
	return lowerASCII(c) == lowerASCII(code[0]) || lowerASCII(c) == lowerASCII(last[0])
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2e80 && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// importedProvenance is the Provenance of an imported entry with summary t.
func importedProvenance(t Text) string {
	switch {
	case t.En != "" && t.Zh != "":
		return ProvenanceOfficial
	case t.Zh != "":
		return ProvenanceOfficialZhOnly
	case t.En != "":
		return ProvenanceOfficialEnOnly
	}
	return ProvenanceNone
}

// importedSource names where the text of imported entry e comes from: the
// errors.go of tencentcloud-sdk-go for the versions it defines the code in,
// of tencentcloud-sdk-go-intl-en for the versions only that SDK defines it
// in (all of them for a product only the international SDK has).
func importedSource(e *Entry) string {
	var goV, intlV []string
	for _, v := range e.Versions {
		if slices.Contains(e.IntlVersions, v) {
			intlV = append(intlV, v)
		} else {
			goV = append(goV, v)
		}
	}
	var b strings.Builder
	b.WriteString("Tencent Cloud SDK error codes: ")
	sdk := func(name, product string, versions []string) {
		b.WriteString(name + product)
		if len(versions) > 0 {
			b.WriteString(" (API " + strings.Join(versions, ", ") + ")")
		}
		b.WriteString(" errors.go")
	}
	switch {
	case len(intlV) == 0:
		sdk("tencentcloud-sdk-go ", e.Scope, goV)
	case len(goV) == 0:
		sdk("tencentcloud-sdk-go-intl-en ", e.Scope, intlV)
	default:
		sdk("tencentcloud-sdk-go ", e.Scope, goV)
		sdk(", tencentcloud-sdk-go-intl-en", "", intlV)
	}
	if e.Summary.En != "" && len(goV) > 0 {
		b.WriteString("; en from tencentcloud-sdk-go-intl-en")
	}
	if e.Solution.Zh != "" {
		b.WriteString("; solution from Tencent Cloud's error centre")
	}
	return b.String()
}

// byAction returns the positions of the records whose actions include action
// (any case), in catalog order.
func (c *Catalog) byAction(action string) []int {
	la := strings.ToLower(action)
	var names []string // the spellings of action in the catalog
	for id := c.acts.Search(la); id < c.acts.Len() && strings.ToLower(c.acts.Name(id)) == la; id++ {
		names = append(names, c.acts.Name(id))
	}
	if len(names) == 0 {
		return nil
	}
	var out []int
	for pos, n := 0, c.Len(); pos < n; pos++ {
		if h, ok := c.rec.Held(pos); ok {
			for _, a := range c.heldAt(h).Actions {
				if strings.EqualFold(a, action) {
					out = append(out, pos)
					break
				}
			}
			continue
		}
		acts := catalogfmt.EntryLines(c.text(pos), catalogfmt.LineActions+1)[catalogfmt.LineActions]
		for _, name := range names {
			if hasToken(acts, name) {
				out = append(out, pos)
				break
			}
		}
	}
	return out
}

// hasToken reports whether the comma-separated list has tok as an element.
func hasToken(list, tok string) bool {
	for i := 0; ; {
		j := strings.Index(list[i:], tok)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(tok)
		if (j == 0 || list[j-1] == ',') && (end == len(list) || list[end] == ',') {
			return true
		}
		i = j + 1
	}
}
