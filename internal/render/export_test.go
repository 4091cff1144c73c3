package render

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

type exportRec struct {
	Code    string `json:"code" yaml:"code"`
	Summary string `json:"summary" yaml:"summary"`
}

var exportRecs = []exportRec{{"A.B", "first"}, {"A.C", "second \x1b[2J"}, {"D", "third"}}

func exportShape() *Shape[exportRec] {
	return &Shape[exportRec]{
		Formats: Formats,
		Rows: Columns[exportRec]{
			Header: []string{"CODE", "SUMMARY"},
			Row:    func(r exportRec) []string { return []string{r.Code, r.Summary} },
		},
	}
}

func exportRows() [][]string {
	var rows [][]string
	for _, r := range exportRecs {
		rows = append(rows, []string{r.Code, r.Summary})
	}
	return rows
}

// Every format writes what the whole-result writer writes for the same
// records, whether the values are pushed (NewExporter) or replayed (Export).
func TestExporterFormats(t *testing.T) {
	term := Term{Width: 40}
	want := map[Format]func(w io.Writer) error{
		FormatTable: func(w io.Writer) error {
			return Table(w, []string{"CODE", "SUMMARY"}, exportRows(), TableOptions{Width: 40})
		},
		FormatPlain:    func(w io.Writer) error { return TSV(w, exportRows()) },
		FormatCSV:      func(w io.Writer) error { return CSV(w, []string{"CODE", "SUMMARY"}, exportRows()) },
		FormatMarkdown: func(w io.Writer) error { return Markdown(w, []string{"CODE", "SUMMARY"}, exportRows()) },
		FormatJSON:     func(w io.Writer) error { return JSON(w, exportRecs) },
		FormatYAML:     func(w io.Writer) error { return YAML(w, exportRecs) },
		FormatJSONL: func(w io.Writer) error {
			for _, r := range exportRecs {
				if err := JSONLine(w, r); err != nil {
					return err
				}
			}
			return nil
		},
	}
	for _, f := range Formats {
		var exp bytes.Buffer
		if err := want[f](&exp); err != nil {
			t.Fatal(err)
		}
		var pushed bytes.Buffer
		e, err := NewExporter(&pushed, f, exportShape(), term)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range exportRecs {
			if err := e.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := e.Close(); err != nil {
			t.Fatal(err)
		}
		var replayed bytes.Buffer
		n, err := Export(&replayed, f, exportShape(), term, SliceSeq(exportRecs))
		if err != nil || n != len(exportRecs) {
			t.Fatalf("%s: Export = %d, %v", f, n, err)
		}
		for how, got := range map[string]string{"pushed": pushed.String(), "replayed": replayed.String()} {
			if got != exp.String() {
				t.Errorf("%s %s:\n%s\nwant\n%s", f, how, got, exp.String())
			}
			if strings.Contains(got, "\x1b") {
				t.Errorf("%s %s: an escape sequence reached the output", f, how)
			}
		}
	}
}

func TestExporterShapes(t *testing.T) {
	// A format the shape does not have is refused.
	s := exportShape()
	s.Formats = []Format{FormatPlain}
	if _, err := NewExporter(io.Discard, FormatJSON, s, Term{}); err == nil {
		t.Error("NewExporter: a format the shape lacks is accepted")
	}
	// GroupFirst blanks a first cell that repeats the row above's.
	s = exportShape()
	s.GroupFirst = true
	s.Rows.Row = func(r exportRec) []string { return []string{r.Code[:1], r.Summary} }
	var buf bytes.Buffer
	if _, err := Export(&buf, FormatTable, s, Term{}, SliceSeq(exportRecs)); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(buf.String(), "\n"); len(lines) < 4 || !strings.HasPrefix(lines[1], "A ") || !strings.HasPrefix(lines[2], "  ") || !strings.HasPrefix(lines[3], "D ") {
		t.Errorf("grouped table:\n%s", buf.String())
	}
	// Many writes several elements for one value; CompactJSON one line each.
	s = exportShape()
	s.Record = func(r exportRec) any { return Many{r, r} }
	buf.Reset()
	if _, err := Export(&buf, FormatJSON, s, Term{}, SliceSeq(exportRecs[:1])); err != nil {
		t.Fatal(err)
	}
	if strings.Count(buf.String(), `"code": "A.B"`) != 2 {
		t.Errorf("Many:\n%s", buf.String())
	}
	s = exportShape()
	s.CompactJSON = true
	buf.Reset()
	if _, err := Export(&buf, FormatJSON, s, Term{}, SliceSeq(exportRecs[:2])); err != nil {
		t.Fatal(err)
	}
	if want := "[\n{\"code\":\"A.B\",\"summary\":\"first\"}\n,\n{\"code\":\"A.C\",\"summary\":\"second \\u001b[2J\"}\n\n]\n"; buf.String() != want {
		t.Errorf("compact JSON %q, want %q", buf.String(), want)
	}
	// A block replaces rows in table and plain output.
	s = exportShape()
	s.Block = func(w io.Writer, r exportRec, n int) error {
		_, err := io.WriteString(w, strings.Repeat("-", n)+r.Code+"\n")
		return err
	}
	buf.Reset()
	if _, err := Export(&buf, FormatPlain, s, Term{}, SliceSeq(exportRecs)); err != nil || buf.String() != "A.B\n-A.C\n--D\n" {
		t.Errorf("blocks %q, %v", buf.String(), err)
	}
}

// A failed write ends a stream at the next value, not at Close.
func TestExporterWriteError(t *testing.T) {
	e, err := NewExporter(failWriter{}, FormatJSONL, exportShape(), Term{})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Write(exportRecs[0]); err == nil {
		t.Error("JSONL: a failed write is not reported")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, io.ErrShortWrite }

// A shape whose rows may be marked (errcode's translations): the table and
// Markdown end with the legend when a row is marked, and only then; CSV has
// the mark column; plain rows carry only the mark in their cells.
func TestExporterMarkedRows(t *testing.T) {
	shape := func() *Shape[exportRec] {
		s := exportShape()
		s.Marked = func(r exportRec) bool { return strings.HasPrefix(r.Summary, "[tr] ") }
		s.Legend, s.MarkedColumn = "[tr]: translated.", "TRANSLATED"
		return s
	}
	marked := []exportRec{{"A.B", "[tr] first"}, {"A.C", "second"}}
	run := func(f Format, recs []exportRec, push bool) string {
		var b bytes.Buffer
		if push {
			e, err := NewExporter(&b, f, shape(), Term{Width: 60})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range recs {
				if err := e.Write(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := e.Close(); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
		if _, err := Export(&b, f, shape(), Term{Width: 60}, SliceSeq(recs)); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, push := range []bool{false, true} {
		for _, f := range []Format{FormatTable, FormatMarkdown} {
			if got := run(f, marked, push); !strings.HasSuffix(got, "[tr]: translated.\n") || !strings.Contains(got, "[tr] first") {
				t.Errorf("%s (push %v): no legend after a marked row:\n%s", f, push, got)
			}
			if got := run(f, exportRecs, push); strings.Contains(got, "translated.") {
				t.Errorf("%s (push %v): a legend without a marked row:\n%s", f, push, got)
			}
		}
		if got, want := run(FormatCSV, marked, push), "CODE,SUMMARY,TRANSLATED\nA.B,[tr] first,yes\nA.C,second,\n"; got != want {
			t.Errorf("csv (push %v) = %q, want %q", push, got, want)
		}
		if got, want := run(FormatPlain, marked, push), "A.B\t[tr] first\nA.C\tsecond\n"; got != want {
			t.Errorf("plain (push %v) = %q, want %q", push, got, want)
		}
	}
}
