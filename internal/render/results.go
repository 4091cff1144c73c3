package render

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/explain"
)

// The shapes of errcode's results: one per result, for every format it has.
// A new output format is a case in Exporter plus its name in the formats of
// the results that have it, listed here (a command checks -o against them
// before it does any work).
var (
	ProductsFormats = []Format{FormatTable, FormatPlain, FormatJSON, FormatYAML, FormatCSV, FormatMarkdown}
	LookupFormats   = []Format{FormatTable, FormatPlain, FormatJSON, FormatYAML}
	ListFormats     = []Format{FormatTable, FormatPlain, FormatJSON, FormatYAML, FormatCSV, FormatMarkdown}
	ExplainFormats  = []Format{FormatTable, FormatPlain, FormatJSON, FormatYAML}
	FindingFormats  = []Format{FormatTable, FormatPlain, FormatJSON, FormatJSONL, FormatYAML}
	SummaryFormats  = []Format{FormatTable, FormatPlain, FormatJSON, FormatYAML}
)

// ProductsShape is the shape of `errcode products` in lang. The terminal
// table ends with the name in lang, which is cut last; on a narrow terminal
// the other language's name goes first. A cut English name keeps its mark of
// errcode's translation.
func ProductsShape(lang catalog.Lang) *Shape[explain.Product] {
	row := make([]string, 4)
	trow := make([]string, 4)
	mark := " (" + catalog.TranslationMark + ")"
	header, theader := []string{"PRODUCT", "CODES", "NAME (ZH)", "NAME (EN)"}, []string{"PRODUCT", "CODES", "NAME (ZH)", "NAME (EN)"}
	// The other name goes when an English name would keep less than 8 cells
	// besides its mark; a Chinese name is never cut while it can go.
	dropBelow := 8 + len(mark) + 2
	if lang == catalog.Chinese {
		theader[2], theader[3] = theader[3], theader[2]
		dropBelow = 0
	}
	return &Shape[explain.Product]{
		Formats: ProductsFormats,
		Rows: Columns[explain.Product]{
			Header: header,
			Row: func(p explain.Product) []string {
				row[0], row[1], row[2], row[3] = p.Product, strconv.Itoa(p.Codes), p.NameZh, p.NameEn
				return row
			},
		},
		Table: &Columns[explain.Product]{
			Header: theader,
			Row: func(p explain.Product) []string {
				trow[0], trow[1], trow[2], trow[3] = p.Product, strconv.Itoa(p.Codes), p.NameZh, p.NameEn
				if lang == catalog.Chinese {
					trow[2], trow[3] = trow[3], trow[2]
				}
				return trow
			},
		},
		TableOptions: TableOptions{Drop: []int{2}, DropBelow: dropBelow, KeepSuffix: []string{mark},
			ShortSuffix: map[string]string{mark: " (" + catalog.TranslationMarkShort + ")"}},
	}
}

// LookupShape is the shape of `errcode lookup`: a row per code, and its
// full entry in JSON and YAML, built only for them.
func LookupShape(x *explain.Explainer) *Shape[explain.Hit] {
	row := make([]string, 4)
	return &Shape[explain.Hit]{
		Formats: LookupFormats,
		Record:  func(h explain.Hit) any { return x.HitRecord(h) },
		Rows: Columns[explain.Hit]{
			Header: []string{"CODE", "CATEGORY", "SCOPE", "SUMMARY"},
			Row: func(h explain.Hit) []string {
				row[0], row[1], row[2], row[3] = h.Code, h.Category, h.Scope, h.Summary
				return row
			},
		},
		// On a narrow terminal the CATEGORY column goes first: the code starts with it.
		TableOptions: TableOptions{Drop: []int{1}, LongFirst: true},
		Marked:       func(h explain.Hit) bool { return h.Translated },
		Mark:         explain.TranslatedMark(x.Lang()),
		Legend:       explain.TranslatedLegend(x.Lang()),
		MarkedColumn: "TRANSLATED",
	}
}

// ListShape is the shape of `errcode list`; scoped is true under --product.
// The terminal table is grouped: the category heads its group once,
// instead of a column.
func ListShape(x *explain.Explainer, scoped bool) *Shape[explain.Row] {
	row, trow := make([]string, 5), make([]string, 5)
	// Before the summary is cut, the category goes (the code starts with
	// it), then under --product the scope (the same on every row). The code
	// is never cut.
	drop := []int{0}
	if scoped {
		drop = append(drop, 2)
	}
	return &Shape[explain.Row]{
		Formats: ListFormats,
		Record:  func(r explain.Row) any { return x.RowRecord(r) },
		Rows: Columns[explain.Row]{
			Header: []string{"CODE", "CATEGORY", "SCOPE", "RETRYABLE", "SUMMARY"},
			Row: func(r explain.Row) []string {
				row[0], row[1], row[2], row[3], row[4] = r.Code, r.Category, r.Scope, r.Retry, r.Summary
				return row
			},
		},
		Table: &Columns[explain.Row]{
			Header: []string{"CATEGORY", "CODE", "SCOPE", "RETRY", "SUMMARY"},
			Row: func(r explain.Row) []string {
				trow[0], trow[1], trow[2], trow[3], trow[4] = r.Category, r.Code, r.Scope, r.Retry, r.Summary
				return trow
			},
		},
		GroupFirst:   true,
		TableOptions: TableOptions{Drop: drop, LongFirst: true},
		Marked:       func(r explain.Row) bool { return r.Translated },
		Mark:         explain.TranslatedMark(x.Lang()),
		Legend:       explain.TranslatedLegend(x.Lang()),
		MarkedColumn: "TRANSLATED",
	}
}

// ExplainShape is the shape of `errcode explain`: the long form on a
// terminal and when piped; the entry and each other definition in JSON and YAML.
func ExplainShape(x *explain.Explainer, term Term) *Shape[explain.Explained] {
	return &Shape[explain.Explained]{
		Formats: ExplainFormats,
		Record: func(ex explain.Explained) any {
			var many Many
			for _, r := range x.Records(ex) {
				many = append(many, r)
			}
			return many
		},
		Block: func(w io.Writer, ex explain.Explained, _ int) error {
			if ex.Index > 0 {
				io.WriteString(w, "\n")
			}
			lang := x.Lang()
			opt := ExplainOptions{Lang: lang, Width: term.Width, Color: term.Color, ProductName: catalog.ProductName(ex.Entry.Scope, lang)}
			if pr, ok := x.Cat.Product(ex.ForProduct); ok && ex.ForProduct != "" {
				opt.ForProduct = pr.Title(lang)
			}
			for _, o := range ex.Others {
				sum := explain.OneLineSummary(o.Summary, lang)
				if o.Translated.Summary(lang) {
					sum = explain.TranslatedMark(lang) + sum
					opt.OthersLegend = explain.TranslatedLegend(lang)
				}
				opt.OtherDefs = append(opt.OtherDefs, OtherDef{Scope: o.Scope, Name: catalog.OfficialProductName(o.Scope, lang), Summary: sum})
			}
			opt.OthersHint = x.OthersHint(ex)
			return Explain(w, ex.Entry, opt)
		},
	}
}

// FindingShape is the shape of `errcode parse`: a text block per finding
// on a terminal and when piped; a compact JSON record a line in -o json and
// -o jsonl (which streams); a YAML list.
func FindingShape(opt FindingOptions) *Shape[explain.Finding] {
	return &Shape[explain.Finding]{
		Formats:     FindingFormats,
		CompactJSON: true,
		Block: func(w io.Writer, rec explain.Finding, n int) error {
			if n > 0 {
				io.WriteString(w, "\n")
			}
			return Finding(w, rec, opt)
		},
	}
}

// SummaryShape is the shape of `errcode parse --summary`, a row per code;
// multiFile is true when the findings came from several inputs (a location
// then names its file).
func SummaryShape(multiFile bool, maxCount int) *Shape[explain.CodeCount] {
	loc := func(file string, line int) string {
		if multiFile {
			return file + ":" + strconv.Itoa(line)
		}
		return strconv.Itoa(line)
	}
	row, trow := make([]string, 5), make([]string, 6)
	return &Shape[explain.CodeCount]{
		Formats: SummaryFormats,
		Rows: Columns[explain.CodeCount]{
			Header: []string{"CODE", "COUNT", "FIRST", "LAST", "SUMMARY"},
			Row: func(r explain.CodeCount) []string {
				row[0], row[1], row[2], row[3], row[4] = r.Code, strconv.Itoa(r.Count), loc(r.FirstFile, r.FirstLine), loc(r.LastFile, r.LastLine), r.Summary
				return row
			},
		},
		// Base names: the table is for a terminal, and the paths were given.
		Table: &Columns[explain.CodeCount]{
			Header: []string{"CODE", "COUNT", "", "FIRST", "LAST", "SUMMARY"},
			Row: func(r explain.CodeCount) []string {
				trow[0], trow[1], trow[2] = r.Code, strconv.Itoa(r.Count), bar(r.Count, maxCount, 20)
				trow[3], trow[4], trow[5] = loc(filepath.Base(r.FirstFile), r.FirstLine), loc(filepath.Base(r.LastFile), r.LastLine), r.Summary
				return trow
			},
		},
		// The bar goes before the summary is cut below MinLast.
		TableOptions: TableOptions{Drop: []int{2}, DropBelow: MinLast, LongFirst: true},
	}
}

// bar draws n/max as a proportional bar of at most width cells (at least one).
func bar(n, max, width int) string {
	cells := n * width * 8 / max
	if cells < 1 {
		cells = 1
	}
	full, part := cells/8, cells%8
	s := strings.Repeat("█", full)
	if part > 0 {
		s += string([]rune("▏▎▍▌▋▊▉")[part-1])
	}
	return s
}
