package render

import (
	"io"

	"github.com/errcode-dev/errcode/internal/textsafe"
)

// CSV writes a header and rows as RFC 4180 CSV. Every cell is passed through
// textsafe.Clean, so no control character, bidi control or invalid byte is
// written raw and a cell is always one line.
func CSV(w io.Writer, header []string, rows [][]string) error {
	cw, err := NewCSV(w, header)
	if err != nil {
		return err
	}
	return writeRows(cw, rows)
}

// writeRows writes rows to rw and flushes it.
func writeRows(rw RowWriter, rows [][]string) error {
	for _, r := range rows {
		if err := rw.Row(r); err != nil {
			return err
		}
	}
	return rw.Flush()
}

// cleanCells returns cells through textsafe.Clean, copying only when one changes.
func cleanCells(cells []string) []string {
	out, copied := cells, false
	for i, c := range cells {
		if cc := textsafe.Clean(c); cc != c {
			if !copied {
				out, copied = append([]string(nil), cells...), true
			}
			out[i] = cc
		}
	}
	return out
}

// Markdown writes a GitHub-flavoured Markdown table. Every cell is passed
// through textsafe.Clean (so it is one line with no control character), then
// backslashes and pipes are escaped so a cell cannot break the table.
func Markdown(w io.Writer, header []string, rows [][]string) error {
	return writeRows(NewMarkdown(w, header), rows)
}

// TSV writes rows as tab-separated lines with no header: the piped shape of
// tables, for cut, awk and sort. Every cell is passed through textsafe.Clean:
// a tab becomes a space, a newline \n, and no control character is written raw.
func TSV(w io.Writer, rows [][]string) error { return writeRows(NewTSV(w), rows) }
