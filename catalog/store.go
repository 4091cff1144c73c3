package catalog

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// store serves the embedded catalog from the tables internal/catalogen
// generates (catalog/data/*, codes_gen.go), building an *Entry only when one
// is asked for. Nothing is parsed or copied at start-up: the tables are
// embedded strings, read where they lie, and laid out so that what one
// lookup needs is close together (every page touched costs a fault).
//
// The layout, shared with internal/catalogen (which writes it):
//
//   - records.bin: one record of catalogfmt.RecordSize bytes per catalog position,
//     little-endian: the entry's text (uint32 offset in the entry texts),
//     its scope (uint16 index in scopeTable), its guide, flags and retry
//     clue (uint16 each). A curated record has catalogfmt.FlagCurated set and its text field is its
//     index in codes.
//   - entries0.txt, entries1.txt, ...: the texts of the imported entries in
//     catalog order, so that the definitions of one code lie together. An
//     entry's text is nine lines: code, zh, en, solution, versions (joined by
//     ","), actions (joined by ","), the product's Describe action that
//     shows the code's resource, with ",QuotaAction" when a quota action of
//     its resource is known ("" when none is known), the release that
//     removed the code upstream ("" for a current code), and the versions
//     only the international SDK defines the code in (joined by ","). The
//     files are one sequence of offsets; entryFileStarts (codes_gen.go)
//     says where each file starts.
//   - actions.txt: the distinct action names sorted ignoring case, each
//     followed by '\n'; actions.bin: their offsets (one more than names).
//   - keys.txt and keys.bin: the key index (see keyIndex); keys.bin holds
//     its offset, posting, position and shape tables and a sample of every
//     sampleEvery-th key (offsets, then text) as sections 0 to 5.
//   - retry clue: the evidence of catalog/retry.yaml that decides an
//     imported entry's retry verdict (source.RetryRules.Clue), 0 when its
//     guide decides (see setRetry).
//   - guide: the entry whose Remediation, Retryable and Retry an imported
//     record carries: codes[guide] when guide < len(codes), else
//     classes[guide-len(codes)]; catalogfmt.NoGuide for none.
type store struct {
	rec        string
	texts      []string // the entry text files
	starts     []uint32 // the offset at which each text file starts
	actNames   string
	actOff     u32s
	scopeNames []string

	mu    sync.RWMutex
	built map[int]*Entry // imported entries built so far, by position
}

// The lines of an entry's text.
const (
	lineCode = iota
	lineZh
	lineEn
	lineSolution
	lineVersions
	lineActions
	lineDescribe
	lineRemoved
	lineIntl
	numLines
)

// sections splits a container of the generated data: a uint32 count n, then
// n+1 uint32 byte offsets from the start of the container, then the data.
func sections(b string) []string {
	h := u32s(b)
	n := int(h.at(0))
	out := make([]string, n)
	for i := range out {
		out[i] = b[h.at(1+i):h.at(2+i)]
	}
	return out
}

func (s *store) len() int { return len(s.rec) / catalogfmt.RecordSize }

func (s *store) u16(pos, field int) int {
	i := pos*catalogfmt.RecordSize + field
	return int(s.rec[i]) | int(s.rec[i+1])<<8
}

func (s *store) u32(pos, field int) uint32 {
	i := pos*catalogfmt.RecordSize + field
	return u32s(s.rec[i : i+4]).at(0)
}

func (s *store) scope(pos int) string { return s.scopeNames[s.u16(pos, catalogfmt.RecScope)] }

func (s *store) curatedIndex(pos int) (int, bool) {
	if s.u16(pos, catalogfmt.RecFlags)&catalogfmt.FlagCurated == 0 {
		return 0, false
	}
	return int(s.u32(pos, catalogfmt.RecText)), true
}

// text returns the text of the imported entry at pos: its numLines lines,
// each followed by '\n'.
func (s *store) text(pos int) string {
	off := s.u32(pos, catalogfmt.RecText)
	f := len(s.starts) - 1
	for f > 0 && s.starts[f] > off {
		f--
	}
	return s.texts[f][off-s.starts[f]:]
}

// lines splits the first n lines of an entry's text.
func lines(t string, n int) (out [numLines]string) {
	for i := 0; i < n; i++ {
		j := strings.IndexByte(t, '\n')
		out[i], t = t[:j], t[j+1:]
	}
	return out
}

func (s *store) code(pos int) string {
	if i, ok := s.curatedIndex(pos); ok {
		return codes[i].Code
	}
	t := s.text(pos)
	return t[:strings.IndexByte(t, '\n')]
}

// definition returns what a listing shows of the entry at pos, without
// building it.
func (s *store) definition(pos int) Definition {
	if i, ok := s.curatedIndex(pos); ok {
		e := &codes[i]
		return Definition{Code: e.Code, Scope: e.Scope, Summary: e.Summary, Solution: e.Solution}
	}
	l := lines(s.text(pos), lineSolution+1)
	return Definition{Code: l[lineCode], Scope: s.scope(pos), Summary: HonestSummary(l[lineCode], Text{Zh: l[lineZh], En: l[lineEn]}), Solution: Text{Zh: l[lineSolution]}, Imported: true}
}

// retry returns the verdict of the entry at pos and whether it is
// retryable, without building it.
func (s *store) retry(pos int) (RetryVerdict, bool) {
	if i, ok := s.curatedIndex(pos); ok {
		return codes[i].Verdict, codes[i].Retryable
	}
	return retryOf(guideEntry(s.u16(pos, catalogfmt.RecGuide)), s.u16(pos, catalogfmt.RecRetry))
}

// entry returns the entry at pos, building it on first use.
func (s *store) entry(pos int) *Entry {
	if i, ok := s.curatedIndex(pos); ok {
		return &codes[i]
	}
	s.mu.RLock()
	e := s.built[pos]
	s.mu.RUnlock()
	if e != nil {
		return e
	}
	e = s.build(pos)
	s.mu.Lock()
	defer s.mu.Unlock()
	if old := s.built[pos]; old != nil {
		return old
	}
	if s.built == nil {
		s.built = map[int]*Entry{}
	}
	s.built[pos] = e
	return e
}

// build decodes the imported record at pos into an Entry.
func (s *store) build(pos int) *Entry {
	l := lines(s.text(pos), numLines)
	e := &Entry{
		Code:     l[lineCode],
		Scope:    s.scope(pos),
		Summary:  Text{Zh: l[lineZh], En: l[lineEn]},
		Solution: Text{Zh: l[lineSolution]},
		Imported: true,
	}
	if l[lineVersions] != "" {
		e.Versions = strings.Split(l[lineVersions], ",")
	}
	if l[lineActions] != "" {
		e.Actions = strings.Split(l[lineActions], ",")
	}
	e.describe = l[lineDescribe]
	e.Removed = l[lineRemoved]
	if l[lineIntl] != "" {
		e.IntlVersions = strings.Split(l[lineIntl], ",")
	}
	gi := s.u16(pos, catalogfmt.RecGuide)
	g := guideEntry(gi)
	if g != nil {
		e.guide = gi + 1
		e.Remediation = g.Remediation
		if t := templateOf(gi); t != nil {
			e.Remediation = expandSteps(t, factsFor(e.Scope, e, e.describe, Call{}))
		}
	}
	setRetry(e, g, s.u16(pos, catalogfmt.RecRetry))
	if info, ok := productByScope(e.Scope); ok && info.docs != "" {
		e.Docs = Text{Zh: info.docs} // the product's documentation home (Chinese site)
	}
	e.Source = importedSource(e) // of the texts as the SDKs hold them
	e.Summary = HonestSummary(e.Code, e.Summary)
	e.Provenance = importedProvenance(e.Summary)
	return e
}

// guideEntry returns the guide with index g (see store), or nil.
func guideEntry(g int) *Entry {
	switch {
	case g == catalogfmt.NoGuide:
		return nil
	case g < len(codes):
		return &codes[g]
	case g-len(codes) < len(classes):
		return &classes[g-len(codes)]
	}
	return nil
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

func (s *store) actionName(id int) string {
	t := s.actNames[s.actOff.at(id):]
	return t[:strings.IndexByte(t, '\n')]
}

func (s *store) numActions() int { return s.actOff.len() - 1 }

// actionSearch returns the first action id whose lower-cased name is >= lower.
func (s *store) actionSearch(lower string) int {
	lo, hi := 0, s.numActions()
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if strings.ToLower(s.actionName(m)) < lower {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// byAction returns the positions of the records whose actions include action
// (any case), in catalog order.
func (s *store) byAction(action string) []int {
	la := strings.ToLower(action)
	var names []string // the spellings of action in the catalog
	for id := s.actionSearch(la); id < s.numActions() && strings.ToLower(s.actionName(id)) == la; id++ {
		names = append(names, s.actionName(id))
	}
	if len(names) == 0 {
		return nil
	}
	var out []int
	for pos, n := 0, s.len(); pos < n; pos++ {
		if i, ok := s.curatedIndex(pos); ok {
			for _, a := range codes[i].Actions {
				if strings.EqualFold(a, action) {
					out = append(out, pos)
					break
				}
			}
			continue
		}
		acts := lines(s.text(pos), numLines)[lineActions]
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

// actions returns the action names starting with prefix (any case), sorted,
// at most limit (all when limit <= 0).
func (s *store) actions(prefix string, limit int) []string {
	lp := strings.ToLower(prefix)
	var out []string
	for id := s.actionSearch(lp); id < s.numActions(); id++ {
		name := s.actionName(id)
		if !strings.HasPrefix(strings.ToLower(name), lp) || (limit > 0 && len(out) == limit) {
			break
		}
		out = append(out, name)
	}
	return out
}

// curated returns the curated entries in catalog order, which is the order
// of codes (catalogen keeps codes.yaml sorted).
func (s *store) curated() []*Entry {
	out := make([]*Entry, len(codes))
	for i := range codes {
		out[i] = &codes[i]
	}
	return out
}
