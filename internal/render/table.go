package render

import (
	"io"
	"strings"

	"github.com/fatih/color"
	"github.com/mattn/go-runewidth"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// TableOptions says how to lay out a table on a terminal.
type TableOptions struct {
	// Width is the terminal width; the last column is truncated (with "…") to fit it. 0 means no limit.
	Width int
	// Color makes the header row bold.
	Color bool
}

// Table writes an aligned table for a terminal: a header row, then rows,
// columns separated by two spaces, no borders. Cells are measured by display
// width, so Chinese text lines up. The last column is cut to fit the width.
// Every cell is passed through textsafe.Clean first.
func Table(w io.Writer, header []string, rows [][]string, opt TableOptions) error {
	header = cleanCells(header)
	clean := make([][]string, len(rows))
	for i, r := range rows {
		clean[i] = cleanCells(r)
	}
	rows = clean
	if opt.Width > 0 && len(header) > 0 {
		rows = fitLastColumn(header, rows, opt.Width)
	}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
	}
	var buf strings.Builder
	t := tablewriter.NewTable(&buf,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Symbols: tw.NewSymbols(tw.StyleNone),
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off, ShowHeader: tw.Off},
				Lines:      tw.Lines{ShowHeaderLine: tw.Off, ShowTop: tw.Off, ShowBottom: tw.Off},
			},
		})),
		tablewriter.WithConfig(tablewriter.Config{
			Header: tw.CellConfig{
				Formatting: tw.CellFormatting{AutoFormat: tw.Off, AutoWrap: tw.WrapNone},
				Alignment:  tw.CellAlignment{Global: tw.AlignLeft},
				Padding:    tw.CellPadding{Global: tw.Padding{Left: "", Right: "  ", Overwrite: true}},
			},
			Row: tw.CellConfig{
				Formatting: tw.CellFormatting{AutoWrap: tw.WrapNone},
				Alignment:  tw.CellAlignment{Global: tw.AlignLeft},
				Padding:    tw.CellPadding{Global: tw.Padding{Left: "", Right: "  ", Overwrite: true}},
			},
		}),
		tablewriter.WithTrimSpace(tw.Off),
	)
	t.Header(hdr...)
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	// tablewriter pads every cell, the last one too: drop trailing blanks.
	// The header is styled after layout, so escape codes never count as width.
	bold := color.New(color.Bold)
	if opt.Color {
		bold.EnableColor()
	} else {
		bold.DisableColor()
	}
	var out strings.Builder
	for i, line := range strings.SplitAfter(buf.String(), "\n") {
		if line == "" {
			continue
		}
		line = strings.TrimRight(line, " \n")
		if i == 0 {
			line = bold.Sprint(line)
		}
		out.WriteString(line)
		out.WriteByte('\n')
	}
	_, err := io.WriteString(w, out.String())
	return err
}

// fitLastColumn truncates the last cell of each row so that the table fits in width.
func fitLastColumn(header []string, rows [][]string, width int) [][]string {
	n := len(header)
	widths := make([]int, n)
	for i, h := range header {
		widths[i] = runewidth.StringWidth(h)
	}
	for _, r := range rows {
		for i := 0; i < n && i < len(r); i++ {
			if w := runewidth.StringWidth(r[i]); w > widths[i] {
				widths[i] = w
			}
		}
	}
	used := 0
	for i := 0; i < n-1; i++ {
		used += widths[i] + 2
	}
	avail := width - used - 2
	if avail < 10 {
		avail = 10
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		if len(r) == n && runewidth.StringWidth(r[n-1]) > avail {
			r = append([]string(nil), r...)
			r[n-1] = runewidth.Truncate(r[n-1], avail, "…")
		}
		out[i] = r
	}
	return out
}
