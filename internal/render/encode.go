package render

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/errcode-dev/errcode/internal/textsafe"
)

// CSV writes a header and rows as RFC 4180 CSV. Every cell is passed through
// textsafe.Clean, so no control character, bidi control or invalid byte is
// written raw and a cell is always one line.
func CSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(cleanCells(header)); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(cleanCells(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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
	var b strings.Builder
	line := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			c = textsafe.Clean(c)
			c = strings.ReplaceAll(c, `\`, `\\`)
			c = strings.ReplaceAll(c, "|", `\|`)
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	line(header)
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = "---"
	}
	line(sep)
	for _, r := range rows {
		line(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// TSV writes rows as tab-separated lines with no header: the piped shape of
// tables, for cut, awk and sort. Every cell is passed through textsafe.Clean:
// a tab becomes a space, a newline \n, and no control character is written raw.
func TSV(w io.Writer, rows [][]string) error {
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(textsafe.Clean(c))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
