// Command catalogen compiles the catalog's YAML sources into what the binary
// embeds, so that start-up parses nothing:
//
//   - catalog/codes.yaml, the curated layer (about 500 entries with causes,
//     fix steps and retry advice), and catalog/classes.yaml, the curated
//     guidance for classes no curated entry describes, become
//     catalog/data/held.bin, one section of fields per entry (with the fix
//     steps that name product facts as written, placeholders and all),
//     decoded on first use (as bytes they hold no pointers: Go literals of
//     them would be static data the runtime scans for pointers at every
//     start);
//   - catalog/retry.yaml, the rules that decide retry verdicts, becomes Go
//     composite literals in catalog/codes_gen.go, which the linker lays out
//     as static data; so do the product names of catalog/products.yaml,
//     the scopes and the categories;
//   - catalog/products/*.yaml, the imported layer (about 17,000 codes of
//     every product), become compact tables under catalog/data/: the text of
//     each entry, eight lines, in catalog order (entries<N>.txt, so that the
//     definitions of one code lie together), fixed-size binary records
//     (records.bin) and the sorted action names (actions.txt, actions.bin),
//     from which the catalog builds an entry only when it is asked for;
//   - the lookup key index over both layers (keys.txt, keys.bin): the
//     distinct lower-cased codes, sorted, with the catalog positions of their
//     entries and a sample of every 64th key, searched by bisection;
//   - catalog/translations/{en,zh}/<product>.yaml, errcode's translations
//     of texts Tencent Cloud publishes in one language only, become extra
//     lines of each entry's text beside the official ones (translate.go); a
//     translation whose source is no longer the imported text is stale, left
//     out and named;
//   - the full-text index of internal/search over both layers
//     (internal/search/data/text*.bin), so that free text reads postings
//     instead of indexing every entry first.
//
// The layout is internal/catalogfmt's: this command writes it with
// catalogfmt's writers, package catalog reads it with catalogfmt's readers
// (catalog/store.go says what each table holds).
//
// Where both layers define the same (scope, code) the curated entry wins; it
// takes the imported entry's actions and versions only when it has none. An
// imported entry carries the remediation and retry advice of the nearest
// curated entry along its code and parent classes (same scope, then common),
// else of the class guidance in classes.yaml, else the general guidance "*";
// its retry verdict comes from the first clue of retry.yaml found in its
// official text or its name, else from that guide (the record stores the
// clue).
//
// Run it with `make catalog` (or `go generate ./catalog`) after editing any of
// the YAML files. A test fails when the generated files are stale. It
// validates what it decodes: unknown fields are rejected.
//
// It builds from the YAML alone: `make catalog` runs it with the build tag
// catalogen, under which the catalog package leaves out the files this
// command generates (catalog/nodata.go declares them empty), and so does
// internal/search its generated index. A schema change that breaks
// codes_gen.go, or a missing catalog/data, does not stop it.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/catalog/source"
	"github.com/errcode-dev/errcode/internal/catalogfmt"
	"github.com/errcode-dev/errcode/internal/guidance"
	"github.com/errcode-dev/errcode/internal/search"
)

// maxFileSize is the size no generated file may reach (the repository keeps
// every committed file under 2 MB).
const maxFileSize = 2 << 20

func main() {
	in := flag.String("in", "catalog/codes.yaml", "the curated catalog; classes.yaml, products.yaml and products/ are read beside it")
	out := flag.String("out", "catalog/codes_gen.go", "the Go file to write; the tables go to data/ beside it")
	flag.Parse()
	err := run(*in, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "catalogen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	src, err := ReadInput(in)
	if err != nil {
		return err
	}
	files, stale, err := GenerateStale(src)
	if err != nil {
		return err
	}
	for _, s := range stale {
		fmt.Fprintln(os.Stderr, "catalogen: stale translation, not applied:", s)
	}
	// out is catalog/codes_gen.go; the repository is one level up.
	root := filepath.Join(filepath.Dir(out), "..")
	for name, data := range files {
		path := filepath.Join(root, name)
		if name == GoFile {
			path = out
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// GoFile is the name of the generated Go file among Generate's outputs.
// The names are paths from the root of the repository.
const GoFile = "catalog/codes_gen.go"

// Input is the catalog's YAML source.
type Input struct {
	Codes    []byte            // codes.yaml
	Classes  []byte            // classes.yaml
	Retry    []byte            // retry.yaml
	API2     []byte            // api2.yaml
	Products []byte            // products.yaml
	Product  map[string][]byte // products/<product>.yaml by product
	// Translations is translations/<lang>/<product>.yaml by "<lang>/<product>"
	// (errcode's translations, never written by the import).
	Translations map[string][]byte
}

// Fingerprint names the sources: the first 16 hex digits of a SHA-256 over
// every file of in. The catalog generated from in and the full-text index
// generated with it carry it, so that search knows the index belongs to
// the catalog (Catalog.Fingerprint).
func (in *Input) Fingerprint() string {
	h := sha256.New()
	add := func(name string, data []byte) {
		fmt.Fprintf(h, "%s %d\n", name, len(data))
		h.Write(data)
	}
	add("codes.yaml", in.Codes)
	add("classes.yaml", in.Classes)
	add("retry.yaml", in.Retry)
	add("api2.yaml", in.API2)
	add("products.yaml", in.Products)
	names := make([]string, 0, len(in.Product))
	for p := range in.Product {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		add("products/"+p+".yaml", in.Product[p])
	}
	names = names[:0]
	for k := range in.Translations {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		add("translations/"+k+".yaml", in.Translations[k])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// ReadInput reads the source next to codes.yaml at path.
func ReadInput(path string) (*Input, error) {
	dir := filepath.Dir(path)
	in := &Input{Product: map[string][]byte{}}
	var err error
	if in.Codes, err = os.ReadFile(path); err != nil {
		return nil, err
	}
	if in.Classes, err = os.ReadFile(filepath.Join(dir, "classes.yaml")); err != nil {
		return nil, err
	}
	if in.Retry, err = os.ReadFile(filepath.Join(dir, "retry.yaml")); err != nil {
		return nil, err
	}
	if in.Products, err = os.ReadFile(filepath.Join(dir, "products.yaml")); err != nil {
		return nil, err
	}
	if in.API2, err = os.ReadFile(filepath.Join(dir, "api2.yaml")); err != nil {
		return nil, err
	}
	if err := readYAMLDir(filepath.Join(dir, "products"), "", in.Product); err != nil {
		return nil, err
	}
	if in.Translations, err = readTranslations(dir); err != nil {
		return nil, err
	}
	return in, nil
}

// Generate returns the generated files by their paths from the root of the
// repository: GoFile (gofmt-ed), the tables under catalog/data/, and the
// full-text index under internal/search/data/.
func Generate(in *Input) (map[string][]byte, error) {
	files, _, err := GenerateStale(in)
	return files, err
}

// GenerateStale is Generate, and also returns the stale translations, which
// it leaves out.
func GenerateStale(in *Input) (map[string][]byte, []Stale, error) {
	m, err := compile(in)
	if err != nil {
		return nil, nil, err
	}
	files, err := m.generate(in)
	return files, m.stale, err
}

func (m *model) generate(in *Input) (map[string][]byte, error) {
	var err error
	files := map[string][]byte{}
	tables, starts, err := m.tables()
	if err != nil {
		return nil, err
	}
	goSrc, err := m.goFile(starts, in.Fingerprint())
	if err != nil {
		return nil, err
	}
	files[GoFile] = goSrc
	for name, data := range tables {
		files["catalog/data/"+name] = data
	}
	// The full-text index, over the catalog as Default serves it (same
	// entries, same positions).
	served := make([]*catalog.Entry, len(m.all))
	for i, e := range m.all {
		served[i] = e
		switch {
		case e.Imported:
			// Summaries as the catalog builds them (catalog.HonestSummary),
			// and solutions, with errcode's translations applied.
			served[i] = m.served(e)
		case hasTemplate(e.Remediation):
			// Fix steps as the held table stores them: placeholders
			// filled in for no product. Indexed raw, "{{product}}" and
			// "{{?describe}}" made the common entries match "product"
			// and "describe".
			c := *e
			c.Remediation = generic(e.Remediation)
			served[i] = &c
		}
	}
	words, bigrams, err := search.EncodeText(catalog.New(served), in.Fingerprint())
	if err != nil {
		return nil, err
	}
	files["internal/search/data/textwords.bin"] = words
	files["internal/search/data/textbigrams.bin"] = bigrams
	for name, data := range files {
		if len(data) >= maxFileSize {
			return nil, fmt.Errorf("%s would be %d bytes: keep every generated file under %d (split the table)", name, len(data), maxFileSize)
		}
	}
	return files, nil
}

// model is the whole catalog, compiled.
type model struct {
	curated  []*catalog.Entry // codes.yaml, in order, with imported actions/versions merged in
	classes  []source.Class
	retry    *source.RetryRules
	api2     *source.API2Codes
	clue     map[*catalog.Entry]int // the retry clue of each imported entry (RetryRules.Clue)
	products []source.ProductName
	counts   map[string]int   // entries by scope
	all      []*catalog.Entry // both layers, in catalog order
	guide    map[*catalog.Entry]int
	scopes   []string
	// The product facts that guidance names (internal/guidance): each
	// imported entry's Describe action, each product's main Describe and
	// quota actions.
	describe map[*catalog.Entry]string
	main     map[string]string
	quota    map[string]string
	// errcode's translations that apply, by imported entry, and those that
	// are stale (applyTranslations).
	tr    map[*catalog.Entry]*trText
	stale []Stale
}

func compile(in *Input) (*model, error) {
	m := &model{counts: map[string]int{}, guide: map[*catalog.Entry]int{}, clue: map[*catalog.Entry]int{}}
	var err error
	if m.curated, err = source.Decode(in.Codes); err != nil {
		return nil, fmt.Errorf("codes.yaml: %w", err)
	}
	sorted := catalog.New(m.curated).Entries()
	for i := range m.curated {
		if m.curated[i] != sorted[i] {
			return nil, fmt.Errorf("codes.yaml: %s/%s is out of order: keep entries sorted by category, code, scope (common first)", m.curated[i].Scope, m.curated[i].Code)
		}
	}
	if m.classes, err = source.DecodeClasses(in.Classes); err != nil {
		return nil, fmt.Errorf("classes.yaml: %w", err)
	}
	if m.retry, err = source.DecodeRetry(in.Retry); err != nil {
		return nil, fmt.Errorf("retry.yaml: %w", err)
	}
	if m.api2, err = source.DecodeAPI2(in.API2); err != nil {
		return nil, fmt.Errorf("api2.yaml: %w", err)
	}
	for _, e := range m.curated {
		if e.Verdict == "" {
			e.Verdict = catalog.VerdictOf(e.Retryable)
		}
		e.RetryEvidence = m.retry.Evidence.Curated
	}
	for i := range m.classes {
		if m.classes[i].Verdict == "" {
			m.classes[i].Verdict = catalog.VerdictOf(m.classes[i].Retryable)
		}
	}
	if !slices.ContainsFunc(m.classes, func(c source.Class) bool { return c.Class == catalog.ClassAny }) {
		return nil, fmt.Errorf("classes.yaml: the general guidance (class %q) is missing", catalog.ClassAny)
	}
	if err := m.resolveLikes(); err != nil {
		return nil, fmt.Errorf("classes.yaml: %w", err)
	}
	if err := m.checkTemplates(); err != nil {
		return nil, err
	}
	if m.products, err = source.DecodeProducts(in.Products); err != nil {
		return nil, fmt.Errorf("products.yaml: %w", err)
	}
	known := map[string]bool{}
	for _, p := range m.products {
		known[p.Product] = true
	}

	type sc struct{ scope, code string }
	curatedBy := map[sc]*catalog.Entry{}
	curatedIdx := map[*catalog.Entry]int{}
	for i, e := range m.curated {
		curatedBy[sc{e.Scope, e.Code}] = e
		curatedIdx[e] = i
		if e.Scope != catalog.ScopeCommon && e.Scope != catalog.ScopeSDK && !known[e.Scope] {
			return nil, fmt.Errorf("codes.yaml: %s/%s: product %q is not in products.yaml", e.Scope, e.Code, e.Scope)
		}
	}
	m.all = append(m.all, m.curated...)
	names := make([]string, 0, len(in.Product))
	for p := range in.Product {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		if !known[p] {
			return nil, fmt.Errorf("products/%s.yaml: product %q is not in products.yaml", p, p)
		}
		entries, err := source.DecodeProduct(p, in.Product[p])
		if err != nil {
			return nil, fmt.Errorf("products/%s.yaml: %w", p, err)
		}
		for i, e := range entries {
			if i > 0 && !catalog.Less(entries[i-1], e) {
				return nil, fmt.Errorf("products/%s.yaml: %s is out of order or repeated: keep codes sorted by category, then code", p, e.Code)
			}
			if c := curatedBy[sc{e.Scope, e.Code}]; c != nil {
				// The curated layer wins; it keeps its own actions and versions when it has them.
				if len(c.Actions) == 0 {
					c.Actions = e.Actions
				}
				if len(c.Versions) == 0 {
					c.Versions = e.Versions
				}
				c.Removed = e.Removed // whether the code is still upstream is the import's to say
				continue
			}
			m.all = append(m.all, e)
		}
	}
	sort.SliceStable(m.all, func(i, j int) bool { return catalog.Less(m.all[i], m.all[j]) })
	for i, e := range m.all {
		if i > 0 && m.all[i-1].Scope == e.Scope && m.all[i-1].Code == e.Code {
			return nil, fmt.Errorf("%s/%s is defined twice", e.Scope, e.Code)
		}
		if len(e.Code) > 255 {
			return nil, fmt.Errorf("%s/%s: a code of more than 255 bytes does not fit the key shape", e.Scope, e.Code)
		}
		m.counts[e.Scope]++
		if !slices.Contains(m.scopes, e.Scope) {
			m.scopes = append(m.scopes, e.Scope)
		}
	}
	slices.SortStableFunc(m.scopes, catalogfmt.CompareScopes)

	// The product facts.
	acts := productActions(m.all)
	m.describe, m.main, m.quota = map[*catalog.Entry]string{}, map[string]string{}, map[string]string{}
	byScope := map[string][]*catalog.Entry{}
	for _, e := range m.all {
		byScope[e.Scope] = append(byScope[e.Scope], e)
		if e.Imported {
			m.describe[e] = describeFor(e.Actions, acts[e.Scope])
			if q := quotaFor(e.Actions, acts[e.Scope]); q != "" {
				m.describe[e] += "," + q
			}
		}
	}
	for _, p := range m.products {
		m.main[p.Product] = mainDescribe(byScope[p.Product], acts[p.Product])
		m.quota[p.Product] = quotaAction(acts[p.Product])
	}

	// The guide of each imported entry.
	classIdx := map[string]int{}
	for i, c := range m.classes {
		classIdx[c.Class] = len(m.curated) + i
	}
	for _, e := range m.all {
		if !e.Imported {
			continue
		}
		g := classIdx[catalog.ClassAny]
	chain:
		for code, ok := e.Code, true; ok; code, ok = catalog.Parent(code) {
			for _, s := range []string{e.Scope, catalog.ScopeCommon} {
				if c := curatedBy[sc{s, code}]; c != nil {
					g = curatedIdx[c]
					break chain
				}
			}
			if i, ok := classIdx[code]; ok {
				g = i
				break
			}
		}
		m.guide[e] = g
		// The official text decides, never a translation.
		m.clue[e] = m.retry.Clue(e.Code, e.Summary.Zh, e.Summary.En, e.Solution.Zh)
	}
	if err := m.applyTranslations(in.Translations); err != nil {
		return nil, err
	}
	return m, nil
}

// resolveLikes gives each class that is like another the guidance of that
// one: a curated common entry of that code, else a class of classes.yaml
// with guidance of its own.
func (m *model) resolveLikes() error {
	for i := range m.classes {
		c := &m.classes[i]
		if c.Like == "" {
			continue
		}
		if c.Class == catalog.ClassAny {
			return fmt.Errorf("the general guidance cannot be like another class")
		}
		if j := slices.IndexFunc(m.curated, func(e *catalog.Entry) bool { return e.Scope == catalog.ScopeCommon && e.Code == c.Like }); j >= 0 {
			t := m.curated[j]
			c.Remediation, c.Retryable, c.Retry, c.Verdict, c.After = t.Remediation, t.Retryable, t.Retry, t.Verdict, t.RetryAfter
			continue
		}
		j := slices.IndexFunc(m.classes, func(o source.Class) bool { return o.Class == c.Like })
		if j < 0 || m.classes[j].Like != "" {
			return fmt.Errorf("%s: like %s, which is neither a curated common code nor a class with guidance of its own", c.Class, c.Like)
		}
		t := m.classes[j]
		c.Remediation, c.Retryable, c.Retry, c.Verdict, c.After = t.Remediation, t.Retryable, t.Retry, t.Verdict, t.After
	}
	return nil
}

// checkTemplates checks the placeholders of every fix step of the guides
// (see internal/guidance); the curated entries of a product scope name their
// product themselves and may hold none.
func (m *model) checkTemplates() error {
	check := func(where string, steps []catalog.Text, allowed bool) error {
		for i, t := range steps {
			for _, s := range []string{t.En, t.Zh} {
				if !guidance.Has(s) {
					continue
				}
				if !allowed {
					return fmt.Errorf("%s: step %d: placeholders belong to the common entries and classes.yaml", where, i+1)
				}
				if msg := guidance.Check(s); msg != "" {
					return fmt.Errorf("%s: step %d: %s", where, i+1, msg)
				}
			}
		}
		return nil
	}
	for _, e := range m.curated {
		if err := check("codes.yaml: "+e.Scope+"/"+e.Code, e.Remediation, e.Scope == catalog.ScopeCommon); err != nil {
			return err
		}
	}
	for _, c := range m.classes {
		if err := check("classes.yaml: "+c.Class, c.Remediation, true); err != nil {
			return err
		}
	}
	return nil
}

// generic returns steps with their placeholders filled in for no product.
func generic(steps []catalog.Text) []catalog.Text {
	out := make([]catalog.Text, len(steps))
	for i, t := range steps {
		out[i] = catalog.Text{En: guidance.Expand(t.En, false, nil), Zh: guidance.Expand(t.Zh, true, nil)}
	}
	return out
}

func hasTemplate(steps []catalog.Text) bool {
	return slices.ContainsFunc(steps, func(t catalog.Text) bool { return guidance.Has(t.En) || guidance.Has(t.Zh) })
}

// goFile returns codes_gen.go; starts says where each entry text file starts.
func (m *model) goFile(starts [entryFiles]uint32, fingerprint string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by internal/catalogen from codes.yaml, classes.yaml and products.yaml; DO NOT EDIT.\n\n")
	b.WriteString("//go:build !catalogen\n\npackage catalog\n\n")
	b.WriteString("// fingerprint names the sources the embedded tables were generated from\n// (see Catalog.Fingerprint).\n")
	fmt.Fprintf(&b, "const fingerprint = %s\n\n", strconv.Quote(fingerprint))
	b.WriteString("// numCurated is the number of curated entries (codes.yaml) that lead\n// data/held.bin; the class guidance of classes.yaml follows them.\n")
	fmt.Fprintf(&b, "const numCurated = %d\n\n", len(m.curated))
	b.WriteString("// classLikes says, for each class of classLikes that is like another, which\n// and why (classes.yaml's like and why).\n")
	b.WriteString("var classLikes = []classLike{\n")
	for i, c := range m.classes {
		if c.Like != "" {
			fmt.Fprintf(&b, "{class: %d, like: %s, why: Text{En: %s, Zh: %s}},\n", i, strconv.Quote(c.Like), strconv.Quote(c.Why.En), strconv.Quote(c.Why.Zh))
		}
	}
	b.WriteString("}\n\n")
	m.retryRules(&b)
	b.WriteString("// api2Codes is catalog/api2.yaml: the API 2.0 numeric codes, in order.\n")
	fmt.Fprintf(&b, "const api2Source = %s\n\n", strconv.Quote(m.api2.Source))
	b.WriteString("var api2Codes = []API2Code{\n")
	for _, c := range m.api2.Codes {
		fmt.Fprintf(&b, "{Code: %s, Meaning: Text{En: %s, Zh: %s}", strconv.Quote(c.Code), strconv.Quote(c.En), strconv.Quote(c.Zh))
		if c.Note != "" {
			fmt.Fprintf(&b, ", Note: %s", strconv.Quote(c.Note))
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	b.WriteString("// scopeTable lists the scopes in catalog order; a record's scope indexes it.\n")
	fmt.Fprintf(&b, "var scopeTable = []string{%s}\n\n", quoteAll(m.scopes))
	b.WriteString("// scopeCounts holds the number of entries of each scope of scopeTable.\n")
	counts := make([]string, len(m.scopes))
	for i, sc := range m.scopes {
		counts[i] = strconv.Itoa(m.counts[sc])
	}
	fmt.Fprintf(&b, "var scopeCounts = []int{%s}\n\n", strings.Join(counts, ", "))
	var cats []string
	for _, e := range m.all {
		if n := len(cats); n == 0 || cats[n-1] != e.Category() {
			cats = append(cats, e.Category())
		}
	}
	b.WriteString("// categoryTable lists the categories, sorted.\n")
	fmt.Fprintf(&b, "var categoryTable = []string{%s}\n\n", quoteAll(cats))
	b.WriteString("// productTable is catalog/products.yaml, sorted by short name.\n")
	b.WriteString("var productTable = []productInfo{\n")
	for _, p := range m.products {
		fmt.Fprintf(&b, "{%s, %s, %s, %t, %s, %s, %s},\n", strconv.Quote(p.Product), strconv.Quote(p.Zh), strconv.Quote(p.En), p.EnSource == catalog.EnSourceErrcode, strconv.Quote(p.Docs),
			strconv.Quote(m.main[p.Product]), strconv.Quote(m.quota[p.Product]))
	}
	b.WriteString("}\n\n")
	b.WriteString("// entryFileStarts says at which offset of the entry texts each data/entries<N>.txt starts.\n")
	fmt.Fprintf(&b, "var entryFileStarts = [...]uint32{%s}\n", joinU32(starts[:]))
	return format.Source(b.Bytes())
}

// entryFiles is the number of files the entry texts are split into
// (catalog/embed.go embeds that many), and entryFileMax the size none of
// them may exceed.
const (
	entryFiles   = 4
	entryFileMax = 1_900_000
)

// tables returns the files of catalog/data by name, and where each entry
// text file starts.
func (m *model) tables() (map[string][]byte, [entryFiles]uint32, error) {
	var starts [entryFiles]uint32
	var actions []string
	for _, e := range m.all {
		actions = append(actions, e.Actions...)
	}
	actText, actOff := catalogfmt.BuildActions(actions)

	curatedIdx := map[*catalog.Entry]int{}
	for i, e := range m.curated {
		curatedIdx[e] = i
	}
	scopeID := map[string]int{}
	for i, s := range m.scopes {
		scopeID[s] = i
	}
	rec := make([]byte, 0, catalogfmt.RecordSize*len(m.all))
	texts := make([][]byte, entryFiles)
	file, total := 0, 0
	lower := make([]string, len(m.all))
	scopes := make([]string, len(m.all))
	for pos, e := range m.all {
		lower[pos], scopes[pos] = strings.ToLower(e.Code), e.Scope
		if !e.Imported {
			rec = catalogfmt.AppendRecord(rec, catalogfmt.Record{Text: uint32(curatedIdx[e]), Scope: scopeID[e.Scope], Guide: catalogfmt.NoGuide, Flags: catalogfmt.FlagCurated})
			continue
		}
		text, err := entryText(e, m.describe[e], m.tr[e])
		if err != nil {
			return nil, starts, err
		}
		if len(texts[file])+len(text) > entryFileMax {
			if file++; file == entryFiles {
				return nil, starts, fmt.Errorf("the entry texts need more than %d files: add data/entries%d.txt to catalog/data.go, raise entryFiles and nodata.go's entryFileStarts", entryFiles, entryFiles)
			}
			starts[file] = uint32(total)
		}
		rec = catalogfmt.AppendRecord(rec, catalogfmt.Record{Text: uint32(total), Scope: scopeID[e.Scope], Guide: m.guide[e], Retry: m.clue[e]})
		texts[file] = append(texts[file], text...)
		total += len(text)
	}
	for f := file + 1; f < entryFiles; f++ {
		starts[f] = uint32(total)
	}
	keyText, keyBin := catalogfmt.BuildKeyIndex(lower, scopes).Encode()
	files := map[string][]byte{
		"held.bin":    m.held(),
		"records.bin": rec,
		"actions.txt": actText,
		"actions.bin": actOff,
		"keys.txt":    keyText,
		"keys.bin":    keyBin,
	}
	for f, t := range texts {
		files[fmt.Sprintf("entries%d.txt", f)] = t
	}
	return files, starts, nil
}

// held returns data/held.bin: the curated entries, in catalog order, then
// the class guidance of classes.yaml, as catalogfmt.AppendHeld writes them
// (the fix steps with their placeholders stood in for, see generic; the
// steps as written, placeholders and all, as HeldTemplate when they have
// any).
func (m *model) held() []byte {
	var secs [][]byte
	for _, e := range m.curated {
		secs = append(secs, catalogfmt.AppendHeld(nil, heldFields(e)))
	}
	for _, c := range m.classes {
		secs = append(secs, catalogfmt.AppendHeld(nil, heldFields(&catalog.Entry{
			Code: c.Class, Remediation: c.Remediation, Retryable: c.Retryable, Retry: c.Retry, Verdict: c.Verdict, RetryAfter: c.After,
		})))
	}
	return catalogfmt.Container(secs...)
}

// heldFields returns the fields of e as data/held.bin holds them.
func heldFields(e *catalog.Entry) (f [catalogfmt.NumHeldFields][]string) {
	str := func(s string) []string {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	text := func(t catalog.Text) []string {
		if t == (catalog.Text{}) {
			return nil
		}
		return []string{t.En, t.Zh}
	}
	texts := func(ts []catalog.Text) (out []string) {
		for _, t := range ts {
			out = append(out, t.En, t.Zh)
		}
		return out
	}
	f[catalogfmt.HeldCode] = str(e.Code)
	f[catalogfmt.HeldScope] = str(e.Scope)
	f[catalogfmt.HeldSummary] = text(e.Summary)
	f[catalogfmt.HeldCauses] = texts(e.Causes)
	f[catalogfmt.HeldRemediation] = texts(generic(e.Remediation))
	if e.Retryable {
		f[catalogfmt.HeldRetryable] = []string{"1"}
	}
	f[catalogfmt.HeldRetry] = text(e.Retry)
	f[catalogfmt.HeldVerdict] = str(string(e.Verdict))
	f[catalogfmt.HeldRetryAfter] = text(e.RetryAfter)
	f[catalogfmt.HeldRetryEvidence] = text(e.RetryEvidence)
	f[catalogfmt.HeldRelated] = e.Related
	f[catalogfmt.HeldActions] = e.Actions
	f[catalogfmt.HeldMessages] = e.Messages
	f[catalogfmt.HeldDocs] = text(e.Docs)
	f[catalogfmt.HeldProvenance] = str(e.Provenance)
	f[catalogfmt.HeldSource] = str(e.Source)
	f[catalogfmt.HeldSolution] = text(e.Solution)
	f[catalogfmt.HeldVersions] = e.Versions
	f[catalogfmt.HeldRemoved] = str(e.Removed)
	if hasTemplate(e.Remediation) {
		f[catalogfmt.HeldTemplate] = texts(e.Remediation)
	}
	return f
}

// entryText is the text of imported entry e in the entry files: nine lines
// (code, zh, en, solution, versions and actions joined by ",", the
// Describe action that shows the code's resource and the quota action of
// its resource, joined by "," when there is one, the release that removed
// the code upstream, and the versions only the international SDK defines
// it in, joined by ","; each "" when none is known).
func entryText(e *catalog.Entry, describe string, tr *trText) ([]byte, error) {
	for _, t := range []string{e.Code, e.Summary.Zh, e.Summary.En, e.Solution.Zh, e.Removed} {
		if strings.ContainsAny(t, "\n\r") {
			return nil, fmt.Errorf("products/%s.yaml: %s: a text holds a line break", e.Scope, e.Code)
		}
	}
	for _, t := range slices.Concat(e.Versions, e.Actions, e.IntlVersions) {
		if t == "" || strings.ContainsAny(t, ",\n\r") {
			return nil, fmt.Errorf("products/%s.yaml: %s: version or action %q is empty or holds a comma or line break", e.Scope, e.Code, t)
		}
	}
	var l [catalogfmt.NumLines]string
	l[catalogfmt.LineCode], l[catalogfmt.LineZh], l[catalogfmt.LineEn], l[catalogfmt.LineSolution] = e.Code, e.Summary.Zh, e.Summary.En, e.Solution.Zh
	if tr != nil {
		l[catalogfmt.LineTrEn], l[catalogfmt.LineTrZh], l[catalogfmt.LineTrSolutionEn], l[catalogfmt.LineTrSolutionZh] = tr.en, tr.zh, tr.solEn, tr.solZh
	}
	l[catalogfmt.LineVersions], l[catalogfmt.LineActions] = strings.Join(e.Versions, ","), strings.Join(e.Actions, ",")
	l[catalogfmt.LineDescribe], l[catalogfmt.LineRemoved], l[catalogfmt.LineIntl] = describe, e.Removed, strings.Join(e.IntlVersions, ",")
	b, err := catalogfmt.AppendEntryText(nil, l)
	if err != nil {
		return nil, fmt.Errorf("products/%s.yaml: %s: %w", e.Scope, e.Code, err)
	}
	return b, nil
}

func joinU32(xs []uint32) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.FormatUint(uint64(x), 10)
	}
	return strings.Join(s, ", ")
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// verdict writes the Verdict and RetryAfter fields of an Entry literal.
func verdict(b *bytes.Buffer, v catalog.RetryVerdict, after catalog.Text) {
	fmt.Fprintf(b, "Verdict: %s,\n", verdictConst[v])
	text(b, "RetryAfter", after)
}

// verdictConst names the constant of each verdict.
var verdictConst = map[catalog.RetryVerdict]string{catalog.RetryYes: "RetryYes", catalog.RetryAfter: "RetryAfter", catalog.RetryNo: "RetryNo"}

// retryRules writes retry.yaml: the evidence sentences and the rules, by
// which the catalog reads the clue stored in each record.
func (m *model) retryRules(b *bytes.Buffer) {
	ev := m.retry.Evidence
	b.WriteString("// The sentences that say what decided a retry verdict (catalog/retry.yaml, evidence).\n")
	b.WriteString("var (\n")
	for _, v := range []struct {
		name string
		t    catalog.Text
	}{{"retryEvidenceGuide", ev.Guide}, {"retryEvidenceGeneral", ev.General}, {"retryEvidenceText", ev.Text}, {"retryEvidenceName", ev.Name}, {"retryEvidenceMessage", ev.Message}} {
		fmt.Fprintf(b, "%s = Text{En: %s, Zh: %s}\n", v.name, strconv.Quote(v.t.En), strconv.Quote(v.t.Zh))
	}
	b.WriteString(")\n\n")
	b.WriteString("// retryRules is catalog/retry.yaml's rules, in order.\n")
	b.WriteString("var retryRules = []retryRule{\n")
	for _, r := range m.retry.Rules {
		b.WriteString("{\n")
		str(b, "Rule", r.Rule)
		verdict(b, r.Verdict, r.After)
		text(b, "Retry", r.Retry)
		strs(b, "Text", r.Text)
		strs(b, "Name", r.Name)
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
}

func str(b *bytes.Buffer, field, s string) {
	if s != "" {
		fmt.Fprintf(b, "%s: %s,\n", field, strconv.Quote(s))
	}
}

func text(b *bytes.Buffer, field string, t catalog.Text) {
	if t != (catalog.Text{}) {
		fmt.Fprintf(b, "%s: Text{En: %s, Zh: %s},\n", field, strconv.Quote(t.En), strconv.Quote(t.Zh))
	}
}

func strs(b *bytes.Buffer, field string, ss []string) {
	if len(ss) == 0 {
		return
	}
	fmt.Fprintf(b, "%s: []string{", field)
	for i, s := range ss {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(s))
	}
	b.WriteString("},\n")
}
