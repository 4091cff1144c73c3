// Package render writes errcode's results in every output format: an aligned
// table or tab-separated rows, the long text of explain and of parse's
// findings (embedded text/template layouts), JSON, JSON Lines, YAML, CSV and
// Markdown. Every command hands its records (internal/explain) to one
// Exporter, keyed by format, of the result's Shape (results.go). It writes
// only to the io.Writer it is given; whether that is a terminal and whether
// to colour is decided by the caller (internal/iostreams) and passed in.
package render

import (
	"bufio"
	"fmt"
	"io"
	"slices"
)

// Format is an output format, as -o names it.
type Format string

// The output formats. A new format is one more case in Exporter.
const (
	FormatTable    Format = "table"    // an aligned table (or a long-form block) for a terminal
	FormatPlain    Format = "plain"    // tab-separated rows with no header (or the block), for pipes
	FormatJSON     Format = "json"     // one indented JSON array of records
	FormatJSONL    Format = "jsonl"    // one compact JSON record a line, flushed as it is written
	FormatYAML     Format = "yaml"     // one YAML list of records
	FormatCSV      Format = "csv"      // RFC 4180, header first
	FormatMarkdown Format = "markdown" // a GitHub-flavoured Markdown table
)

// Formats lists every format, in the order --output's help names them.
var Formats = []Format{FormatTable, FormatPlain, FormatJSON, FormatJSONL, FormatYAML, FormatCSV, FormatMarkdown}

// Columns are the columns of a result's rows: the header and the cells of
// one value, in the header's order. Row may reuse the slice it returns.
type Columns[T any] struct {
	Header []string
	Row    func(v T) []string
}

// Shape says how one kind of result is written in every format it has. It
// is the whole of a result's output: commands hand their values to an
// Exporter of their Shape and know no format.
type Shape[T any] struct {
	// Formats are the formats the result has; the first is its default.
	Formats []Format
	// Record is a value's JSON, JSONL and YAML record (a struct with json
	// and yaml tags); nil means the value itself.
	Record func(v T) any
	// Rows are the columns of plain, csv and markdown rows, and of the
	// table when Table is nil.
	Rows Columns[T]
	// Table, when set, are the terminal table's own columns.
	Table *Columns[T]
	// GroupFirst leaves blank, in the table, a first cell that repeats the
	// row above's: the rows come grouped by it, and it heads its group once.
	GroupFirst bool
	// TableOptions lays the table out (Drop, DropBelow, LongFirst); its
	// Width and Color come from the Term.
	TableOptions TableOptions
	// Block, when set, writes a value's long form, which table and plain
	// show instead of rows; n is the number of values written before it.
	Block func(w io.Writer, v T, n int) error
	// CompactJSON writes -o json with one compact record a line, as parse
	// streams its findings.
	CompactJSON bool
	// Marked tells whether a value's row carries Mark, which Legend
	// explains (errcode's translation): in the table, plain and Markdown the
	// last cell of such a row starts with Mark, and the table and Markdown
	// end with the legend when a row was marked; CSV keeps the cell as it
	// is and has a last column, MarkedColumn, "yes" on such rows. Nil: no
	// row is ever marked.
	Marked       func(v T) bool
	Mark         string
	Legend       string
	MarkedColumn string
}

// marked returns cells with the shape's mark before the last cell when v is
// marked. cells is changed in place: a Row function builds its cells anew
// each call.
func (s *Shape[T]) marked(v T, cells []string) []string {
	if s.Marked != nil && len(cells) > 0 && s.Marked(v) {
		cells[len(cells)-1] = s.Mark + cells[len(cells)-1]
	}
	return cells
}

// Many is a Record of several records: each is an element of the output.
type Many []any

// Term is what the exporter knows of the terminal: its width (0: no limit)
// and whether to colour.
type Term struct {
	Width int
	Color bool
}

// Has reports whether the shape has format f.
func (s *Shape[T]) Has(f Format) bool { return slices.Contains(s.Formats, f) }

// Exporter writes values of one result in one format as they come: JSON,
// JSONL, YAML, plain, CSV and Markdown stream; a table holds its rows to
// measure them (Export sizes a replayable sequence without holding it).
// Every string is escaped for a terminal, whatever the format.
type Exporter[T any] struct {
	f     Format
	s     *Shape[T]
	term  Term
	w     *bufio.Writer
	n     int
	arr   *ArrayWriter
	rows  RowWriter
	held  [][]string
	table Columns[T]
	prev  string // the first cell of the table row above, for GroupFirst
	// marked is true once a marked row is written (Shape.Marked).
	marked bool
	csvRow []string
}

// NewExporter returns the exporter of shape s in format f, writing to w.
func NewExporter[T any](w io.Writer, f Format, s *Shape[T], term Term) (*Exporter[T], error) {
	if !s.Has(f) {
		return nil, fmt.Errorf("render: this result has no %s form", f)
	}
	e := &Exporter[T]{f: f, s: s, term: term, w: bufio.NewWriterSize(w, 64<<10), table: s.Rows}
	if s.Table != nil {
		e.table = *s.Table
	}
	var err error
	switch {
	case f == FormatJSON && s.CompactJSON:
		e.w.WriteString("[")
	case f == FormatJSON:
		e.arr = NewJSONArray(e.w)
	case f == FormatYAML:
		e.arr = NewYAMLList(e.w)
	case s.Block != nil && (f == FormatTable || f == FormatPlain):
	case f == FormatPlain:
		e.rows = NewTSV(e.w)
	case f == FormatCSV && s.Marked != nil:
		e.rows, err = NewCSV(e.w, append(slices.Clone(s.Rows.Header), s.MarkedColumn))
	case f == FormatCSV:
		e.rows, err = NewCSV(e.w, s.Rows.Header)
	case f == FormatMarkdown:
		e.rows = NewMarkdown(e.w, s.Rows.Header)
	}
	return e, err
}

func (e *Exporter[T]) record(v T) any {
	if e.s.Record == nil {
		return v
	}
	return e.s.Record(v)
}

// Write writes one value. An error of the output is returned at once (the
// first write that fails, or a later one), so that a long scan stops.
func (e *Exporter[T]) Write(v T) error {
	var err error
	mark := e.s.Marked != nil && e.s.Marked(v)
	e.marked = e.marked || mark
	switch {
	case e.rows != nil && e.f == FormatCSV && e.s.Marked != nil:
		e.csvRow = append(append(e.csvRow[:0], e.s.Rows.Row(v)...), "")
		if mark {
			e.csvRow[len(e.csvRow)-1] = "yes"
		}
		err = e.rows.Row(e.csvRow)
	case e.f == FormatJSONL:
		if err = JSONLine(e.w, e.record(v)); err == nil {
			err = e.w.Flush() // a reader sees each record as it is found
		}
	case e.f == FormatJSON && e.s.CompactJSON:
		if e.n > 0 {
			e.w.WriteString(",")
		}
		e.w.WriteString("\n")
		err = JSONLine(e.w, e.record(v))
	case e.arr != nil:
		rec := e.record(v)
		if many, ok := rec.(Many); ok {
			for _, r := range many {
				if err = e.arr.Add(r); err != nil {
					break
				}
			}
			break
		}
		err = e.arr.Add(rec)
	case e.s.Block != nil && (e.f == FormatTable || e.f == FormatPlain):
		err = e.s.Block(e.w, v, e.n)
	case e.rows != nil:
		err = e.rows.Row(e.s.marked(v, e.s.Rows.Row(v)))
	default: // a table: measured once every row is in
		e.held = append(e.held, grouped(e.s, e.s.marked(v, e.table.Row(v)), &e.prev))
	}
	e.n++
	if err == nil {
		_, err = e.w.Write(nil) // the buffer keeps a failed write's error
	}
	return err
}

// Close ends the output (the JSON array's bracket, the table) and flushes it.
func (e *Exporter[T]) Close() error {
	var err error
	switch {
	case e.f == FormatJSON && e.s.CompactJSON:
		if e.n > 0 {
			e.w.WriteString("\n")
		}
		e.w.WriteString("]\n")
	case e.arr != nil:
		err = e.arr.Close()
	case e.rows != nil:
		if err = e.rows.Flush(); err == nil && e.f == FormatMarkdown && e.marked {
			_, err = io.WriteString(e.w, "\n"+e.s.Legend+"\n")
		}
	case e.f == FormatTable && e.s.Block == nil && len(e.held) > 0:
		if err = Table(e.w, e.table.Header, e.held, e.tableOptions()); err == nil && e.marked {
			_, err = io.WriteString(e.w, e.s.Legend+"\n")
		}
	}
	if ferr := e.w.Flush(); err == nil {
		err = ferr
	}
	return err
}

func (e *Exporter[T]) tableOptions() TableOptions {
	o := e.s.TableOptions
	o.Width, o.Color = e.term.Width, e.term.Color
	return o
}

// Seq is a sequence of values that can be run more than once, each run
// yielding the same values: each calls yield with every value in turn and
// stops at the first error yield returns.
type Seq[T any] func(yield func(T) error) error

// Export writes every value of seq in format f and returns how many there
// were. A table runs seq twice, once to measure the columns and once to
// write them, so that a listing of the whole catalog is never held.
func Export[T any](w io.Writer, f Format, s *Shape[T], term Term, seq Seq[T]) (int, error) {
	if f == FormatTable && s.Block == nil {
		return exportTable(w, s, term, seq)
	}
	e, err := NewExporter(w, f, s, term)
	if err != nil {
		return 0, err
	}
	if err := seq(e.Write); err != nil {
		return e.n, err
	}
	return e.n, e.Close()
}

func exportTable[T any](w io.Writer, s *Shape[T], term Term, seq Seq[T]) (int, error) {
	cols := s.Rows
	if s.Table != nil {
		cols = *s.Table
	}
	sizer := NewTableSizer(cols.Header)
	n := 0
	prev := ""
	marked := false
	if err := seq(func(v T) error {
		sizer.Add(grouped(s, s.marked(v, cols.Row(v)), &prev))
		n++
		marked = marked || s.Marked != nil && s.Marked(v)
		return nil
	}); err != nil || n == 0 {
		return n, err
	}
	o := s.TableOptions
	o.Width, o.Color = term.Width, term.Color
	rw, err := sizer.Writer(w, o)
	if err != nil {
		return n, err
	}
	prev = ""
	if err := seq(func(v T) error { return rw.Row(grouped(s, s.marked(v, cols.Row(v)), &prev)) }); err != nil {
		return n, err
	}
	if err := rw.Flush(); err != nil || !marked {
		return n, err
	}
	_, err = io.WriteString(w, s.Legend+"\n")
	return n, err
}

// grouped returns a copy of the table row cells, its first cell blank when
// the shape groups by it and it repeats *prev, the row above's.
func grouped[T any](s *Shape[T], cells []string, prev *string) []string {
	cells = slices.Clone(cells)
	if s.GroupFirst && len(cells) > 0 {
		first := cells[0]
		if first == *prev {
			cells[0] = ""
		}
		*prev = first
	}
	return cells
}

// SliceSeq is the sequence of the values of s.
func SliceSeq[T any](s []T) Seq[T] {
	return func(yield func(T) error) error {
		for _, v := range s {
			if err := yield(v); err != nil {
				return err
			}
		}
		return nil
	}
}
