package render

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/fatih/color"
	"github.com/mattn/go-runewidth"

	"github.com/errcode-dev/errcode/internal/textsafe"
)

// RowWriter writes table rows one at a time, so that a listing of the whole
// catalog never holds it in memory. Flush writes what is buffered; call it
// once, after the last row.
type RowWriter interface {
	Row(cells []string) error
	Flush() error
}

// NewTSV returns a RowWriter of the rows TSV writes.
func NewTSV(w io.Writer) RowWriter { return &tsvWriter{w: bufio.NewWriterSize(w, 64<<10)} }

type tsvWriter struct{ w *bufio.Writer }

func (t *tsvWriter) Row(cells []string) error {
	for i, c := range cells {
		if i > 0 {
			t.w.WriteByte('\t')
		}
		t.w.WriteString(textsafe.Clean(c))
	}
	return t.w.WriteByte('\n')
}

func (t *tsvWriter) Flush() error { return t.w.Flush() }

// NewCSV returns a RowWriter of the CSV that CSV writes: header first.
func NewCSV(w io.Writer, header []string) (RowWriter, error) {
	cw := &csvWriter{w: csv.NewWriter(w)}
	return cw, cw.Row(header)
}

type csvWriter struct{ w *csv.Writer }

func (c *csvWriter) Row(cells []string) error { return c.w.Write(cleanCells(cells)) }

func (c *csvWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// NewMarkdown returns a RowWriter of the table Markdown writes: header and
// rule first.
func NewMarkdown(w io.Writer, header []string) RowWriter {
	m := &markdownWriter{w: bufio.NewWriterSize(w, 64<<10)}
	m.Row(header)
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = "---"
	}
	m.Row(sep)
	return m
}

type markdownWriter struct{ w *bufio.Writer }

func (m *markdownWriter) Row(cells []string) error {
	m.w.WriteString("|")
	for _, c := range cells {
		c = textsafe.Clean(c)
		c = strings.ReplaceAll(c, `\`, `\\`)
		c = strings.ReplaceAll(c, "|", `\|`)
		m.w.WriteString(" ")
		m.w.WriteString(c)
		m.w.WriteString(" |")
	}
	return m.w.WriteByte('\n')
}

func (m *markdownWriter) Flush() error { return m.w.Flush() }

// TableSizer measures the rows of a table that is written in two passes:
// Add every row, then write them again, in the same order, to the RowWriter
// that Writer returns. The result is the table Table writes for the same
// header, rows and options, without holding the rows.
type TableSizer struct {
	header []string
	widths []int   // the widest cell of each column, header included
	hist   [][]int // hist[i][w]: how many rows have a cell w wide in column i (but the last)
	rows   int
}

// NewTableSizer starts measuring a table with this header.
func NewTableSizer(header []string) *TableSizer {
	header = cleanCells(header)
	s := &TableSizer{header: header, widths: make([]int, len(header)), hist: make([][]int, max(len(header)-1, 0))}
	for i, h := range header {
		s.widths[i] = runewidth.StringWidth(h)
	}
	return s
}

// Add measures one row; it must have as many cells as the header.
func (s *TableSizer) Add(cells []string) {
	s.rows++
	for i, c := range cells {
		if i >= len(s.widths) {
			break
		}
		w := runewidth.StringWidth(textsafe.Clean(c))
		s.widths[i] = max(s.widths[i], w)
		if i < len(s.hist) {
			for len(s.hist[i]) <= w {
				s.hist[i] = append(s.hist[i], 0)
			}
			s.hist[i][w]++
		}
	}
}

// Writer returns the writer of the measured rows, laid out as Table lays
// them out with opt, the header written first.
func (s *TableSizer) Writer(w io.Writer, opt TableOptions) (RowWriter, error) {
	n := len(s.header)
	t := &tableWriter{w: bufio.NewWriterSize(w, 64<<10), keep: make([]bool, n), pad: make([]int, n), avail: -1, limit: -1, keepSuffix: opt.KeepSuffix, shortSuffix: opt.ShortSuffix}
	for i := range t.keep {
		t.keep[i] = true
	}
	widths := append([]int(nil), s.widths...)
	if opt.Width > 0 && n > 0 {
		gone := droppedColumns(widths, opt.Width, opt.Drop, opt.DropBelow)
		var kept []int
		for i := range n {
			t.keep[i] = !gone[i]
			if !gone[i] {
				kept = append(kept, widths[i])
			}
		}
		widths = kept
		col0 := 0 // the first column shown
		for !t.keep[col0] {
			col0++
		}
		m := len(widths)
		// overflowFirst
		if opt.LongFirst && m >= 2 {
			used := 0
			for i := range m {
				used += widths[i] + 2
			}
			if used-2 > opt.Width {
				others := 0
				for i := 1; i < m-1; i++ {
					others += widths[i] + 2
				}
				hw := runewidth.StringWidth(s.header[col0])
				limit := max(opt.Width-others-MinLast-2-2, hw, 12)
				if widths[0] > limit {
					t.limit = limit
					long := 0
					w0 := hw
					for w, k := range s.hist[col0] {
						if k == 0 {
							continue
						}
						if w > limit {
							long += k
						} else {
							w0 = max(w0, w)
						}
					}
					// The placeholder of a long cell counts as wide as its number.
					w0 = max(w0, len(strconv.Itoa(long-1)))
					widths[0] = w0
				}
			}
		}
		// fitLastColumn
		used := 0
		for i := 0; i < m-1; i++ {
			used += widths[i] + 2
		}
		t.avail = max(opt.Width-used-2, 10)
	}
	j := 0
	for i := range n {
		if t.keep[i] {
			t.pad[i] = widths[j]
			j++
		}
	}
	t.bold = color.New(color.Bold)
	if opt.Color {
		t.bold.EnableColor()
	} else {
		t.bold.DisableColor()
	}
	t.header = true
	err := t.Row(s.header)
	t.header = false
	return t, err
}

type tableWriter struct {
	w     *bufio.Writer
	keep  []bool // the columns shown
	pad   []int  // the width of each column shown
	avail int    // the width the last column is cut to; -1 for none
	// keepSuffix are the endings of a last cell that cutting never cuts (TableOptions.KeepSuffix).
	keepSuffix  []string
	shortSuffix map[string]string // TableOptions.ShortSuffix
	limit       int               // a first cell wider than this takes a line of its own; -1 for none
	header      bool
	bold        *color.Color
	line        []byte
}

func (t *tableWriter) Row(cells []string) error {
	cells = cleanCells(cells)
	last := -1
	for i := range t.keep {
		if t.keep[i] {
			last = i
		}
	}
	first := true
	if !t.header && t.limit >= 0 {
		for i := range t.keep {
			if t.keep[i] {
				if runewidth.StringWidth(cells[i]) > t.limit {
					t.w.WriteString(cells[i])
					t.w.WriteByte('\n')
					cells = append([]string(nil), cells...)
					cells[i] = ""
				}
				break
			}
		}
	}
	t.line = t.line[:0]
	for i, c := range cells {
		if i >= len(t.keep) || !t.keep[i] {
			continue
		}
		if !first {
			t.line = append(t.line, ' ', ' ')
		}
		first = false
		if i == last {
			if !t.header && t.avail >= 0 && runewidth.StringWidth(c) > t.avail {
				c = truncateKeeping(c, t.avail, t.keepSuffix, t.shortSuffix)
			}
			t.line = append(t.line, c...)
			break
		}
		t.line = append(t.line, c...)
		for k := runewidth.StringWidth(c); k < t.pad[i]; k++ {
			t.line = append(t.line, ' ')
		}
	}
	line := strings.TrimRight(string(t.line), " ")
	if t.header {
		line = t.bold.Sprint(line)
	}
	t.w.WriteString(line)
	return t.w.WriteByte('\n')
}

func (t *tableWriter) Flush() error { return t.w.Flush() }

// ArrayWriter writes a JSON array or YAML list one element at a time: the
// text JSON or YAML writes for the whole slice, without holding it.
type ArrayWriter struct {
	w    *bufio.Writer
	yaml bool
	n    int
	buf  bytes.Buffer
}

// NewJSONArray returns an ArrayWriter of indented JSON, as JSON writes a slice.
func NewJSONArray(w io.Writer) *ArrayWriter {
	return &ArrayWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

// NewYAMLList returns an ArrayWriter of a YAML list, as YAML writes a slice.
func NewYAMLList(w io.Writer) *ArrayWriter {
	return &ArrayWriter{w: bufio.NewWriterSize(w, 64<<10), yaml: true}
}

// Add writes v as the next element.
func (a *ArrayWriter) Add(v any) error {
	a.n++
	if a.yaml {
		return YAML(a.w, []any{v})
	}
	a.buf.Reset()
	if err := JSONIndent(&a.buf, v, "  "); err != nil {
		return err
	}
	if a.n == 1 {
		a.w.WriteString("[\n  ")
	} else {
		a.w.WriteString(",\n  ")
	}
	_, err := a.w.Write(bytes.TrimSuffix(a.buf.Bytes(), []byte("\n")))
	return err
}

// Close ends the array and flushes it.
func (a *ArrayWriter) Close() error {
	switch {
	case a.n == 0:
		a.w.WriteString("[]\n")
	case !a.yaml:
		a.w.WriteString("\n]\n")
	}
	return a.w.Flush()
}
