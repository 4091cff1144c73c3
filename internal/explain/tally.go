package explain

import (
	"sort"
	"strings"
)

// MaxUnknownCodes is how many distinct codes that are not in the catalog
// parse tracks one by one. Known codes are bounded by the catalog; unknown
// ones are whatever the input says, so without a cap a log of a million
// distinct codes would hold a million rows. Past the cap, findings with a
// new unknown code are counted together, as one "other codes" row.
const MaxUnknownCodes = 1000

// otherCode is the code of the "other codes" row in --summary -o json|yaml.
// It cannot be a code: codes have no parentheses.
const otherCode = "(other)"

// Tally counts the distinct codes of a parse, in memory bounded by the
// catalog's size plus MaxUnknownCodes, however many distinct codes arrive.
// Codes are compared without case and surrounding space (as the catalog
// compares them); a row shows the first spelling seen.
type Tally struct {
	// rows says, for each code (folded), its row; with keep false (only the
	// distinct count is wanted) the rows are nil.
	rows           map[string]*CodeCount
	keep           bool
	order          []*CodeCount
	known, unknown int // distinct codes tracked
	// other counts the findings whose unknown code came after the cap.
	other CodeCount
}

func newTally(keep bool) *Tally {
	return &Tally{rows: map[string]*CodeCount{}, keep: keep,
		other: CodeCount{Code: otherCode, Other: true}}
}

// add counts one finding.
// has reports whether code has been counted already (its row, with its
// summary, is then settled).
func (t *Tally) has(code string) bool {
	_, ok := t.rows[strings.ToLower(strings.TrimSpace(code))]
	return ok
}

func (t *Tally) add(code, file string, line int, known bool, summary string) {
	key := strings.ToLower(strings.TrimSpace(code))
	r, ok := t.rows[key]
	if !ok {
		switch {
		case known:
			t.known++
		case t.unknown < MaxUnknownCodes:
			t.unknown++
		default:
			r = &t.other
		}
		if r == nil {
			if t.keep {
				r = &CodeCount{Code: code, FirstLine: line, FirstFile: file, Known: known, Summary: summary}
				t.order = append(t.order, r)
			}
			t.rows[key] = r
		}
	}
	if r == nil {
		return
	}
	if r.Count == 0 {
		r.FirstLine, r.FirstFile = line, file
	}
	r.Count++
	r.LastLine, r.LastFile = line, file
}

// distinct returns the number of distinct codes counted; more is true when
// there were more than that (unknown codes past the cap).
func (t *Tally) distinct() (n int, more bool) {
	return t.known + t.unknown, t.other.Count > 0
}

// sorted returns the rows, most frequent first (ties in order of first
// appearance), then the "other codes" row when there is one.
func (t *Tally) sorted() []*CodeCount {
	rows := append([]*CodeCount(nil), t.order...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Count > rows[j].Count })
	if t.other.Count > 0 {
		rows = append(rows, &t.other)
	}
	return rows
}

// CodeCount is one row of --summary.
type CodeCount struct {
	Code      string `json:"code" yaml:"code"`
	Count     int    `json:"count" yaml:"count"`
	FirstLine int    `json:"first_line" yaml:"first_line"`
	LastLine  int    `json:"last_line" yaml:"last_line"`
	FirstFile string `json:"first_file" yaml:"first_file"`
	LastFile  string `json:"last_file" yaml:"last_file"`
	Known     bool   `json:"known" yaml:"known"`
	Summary   string `json:"summary" yaml:"summary"`
	// Other marks the last row, "(other)": the errors whose code is one of
	// the unknown codes past the first MaxUnknownCodes, counted together.
	Other bool `json:"other,omitempty" yaml:"other,omitempty"`
}
