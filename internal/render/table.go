package render

import (
	"io"
	"slices"
	"strconv"
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
	// Drop lists the columns (by index) that may be left out, first to last,
	// when the table is wider than Width: columns that repeat what another
	// says (a code's category is the start of the code). They are dropped
	// while the last column, the summary, would be cut (to less than
	// DropBelow cells when that is set): it is cut last.
	Drop      []int
	DropBelow int
	// LongFirst lets a first cell (a code: never cut) too long for its
	// column take a line of its own, the rest of its row on the next line,
	// rather than squeeze the summary below MinLast.
	LongFirst bool
	// KeepSuffix lists endings of a last cell that cutting it to fit never
	// cuts: the cell is shortened before such an ending (a mark such as
	// " (errcode's translation)" stays whole), or, when even the ending
	// does not fit, cut as any cell.
	KeepSuffix []string
	// ShortSuffix gives a KeepSuffix ending a shorter form, shown instead
	// when the ending would leave less than minHead cells of the text
	// before it (" (errcode's translation)" becomes " (transl.)" on a
	// narrow terminal rather than be cut).
	ShortSuffix map[string]string
}

// minHead is the fewest cells of text a cut cell keeps before its
// KeepSuffix ending while a ShortSuffix form would keep more.
const minHead = 8

// MinLast is the width the last column (the summary) keeps when the first
// (the code, never cut) is long: a longer code gets a line of its own.
const MinLast = 30

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
	var long []string // first cells too long for their column, by marker
	if opt.Width > 0 && len(header) > 0 {
		header, rows = dropColumns(header, rows, opt.Width, opt.Drop, opt.DropBelow)
		if opt.LongFirst {
			header, rows, long = overflowFirst(header, rows, opt.Width)
		}
		rows = fitLastColumn(header, rows, opt.Width, opt.KeepSuffix, opt.ShortSuffix)
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
		if k, ok := strings.CutPrefix(line, overflowMark); ok {
			n, _ := strconv.Atoi(k)
			line = long[n] // the whole code, on a line of its own
		}
		if i == 0 {
			line = bold.Sprint(line)
		}
		out.WriteString(line)
		out.WriteByte('\n')
	}
	_, err := io.WriteString(w, out.String())
	return err
}

// columnWidths returns the display width of each column of the table.
func columnWidths(header []string, rows [][]string) []int {
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = runewidth.StringWidth(h)
	}
	for _, r := range rows {
		for i := 0; i < len(widths) && i < len(r); i++ {
			if w := runewidth.StringWidth(r[i]); w > widths[i] {
				widths[i] = w
			}
		}
	}
	return widths
}

// dropColumns leaves out the droppable columns, in order, while the last
// column would be cut.
func dropColumns(header []string, rows [][]string, width int, drop []int, below int) ([]string, [][]string) {
	n := len(header)
	gone := droppedColumns(columnWidths(header, rows), width, drop, below)
	if !slices.Contains(gone, true) {
		return header, rows
	}
	keep := func(r []string) []string {
		out := make([]string, 0, n)
		for i, c := range r {
			if i >= n || !gone[i] {
				out = append(out, c)
			}
		}
		return out
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = keep(r)
	}
	return keep(header), out
}

// droppedColumns says which columns of the given widths to leave out: the
// droppable ones (drop, in order; never the last column) while the last
// column would be cut at width, or, with below > 0, narrowed under below.
// Table and the streaming TableSizer share it.
func droppedColumns(widths []int, width int, drop []int, below int) []bool {
	n := len(widths)
	gone := make([]bool, n)
	fits := func() bool {
		used := 0
		for i := 0; i < n-1; i++ {
			if !gone[i] {
				used += widths[i] + 2
			}
		}
		avail := width - used - 2 // as fitLastColumn counts it
		return avail >= widths[n-1] || below > 0 && avail >= below
	}
	for _, c := range drop {
		if fits() {
			break
		}
		if c >= 0 && c < n-1 {
			gone[c] = true
		}
	}
	return gone
}

// overflowMark starts the placeholder of a first cell too long for its
// column; the cells were cleaned (textsafe.Clean), so none contains it.
const overflowMark = "\x00"

// overflowFirst keeps a too-wide first column (a code: never cut) from
// squeezing the summary: when the table is wider than width, the first
// column is narrowed to what leaves the last one MinLast cells, and a row
// whose first cell is longer puts that cell on a line of its own, the rest of
// the row on the next line. It returns the long cells by marker number.
func overflowFirst(header []string, rows [][]string, width int) ([]string, [][]string, []string) {
	n := len(header)
	if n < 2 {
		return header, rows, nil
	}
	widths := columnWidths(header, rows)
	used := 0
	for i := 0; i < n; i++ {
		used += widths[i] + 2
	}
	if used-2 <= width {
		return header, rows, nil
	}
	others := 0
	for i := 1; i < n-1; i++ {
		others += widths[i] + 2
	}
	limit := max(width-others-MinLast-2-2, runewidth.StringWidth(header[0]), 12)
	if widths[0] <= limit {
		return header, rows, nil
	}
	var long []string
	out := make([][]string, 0, len(rows))
	for _, r := range rows {
		if len(r) == n && runewidth.StringWidth(r[0]) > limit {
			mark := make([]string, n)
			mark[0] = overflowMark + strconv.Itoa(len(long))
			long = append(long, r[0])
			rest := append([]string{""}, r[1:]...)
			out = append(out, mark, rest)
			continue
		}
		out = append(out, r)
	}
	return header, out, long
}

// truncateKeeping cuts cell to width cells with "…", before the first of
// keep it ends with when at least one cell of the text before it fits; the
// ending's short form (short) replaces it when the ending itself would
// leave less than minHead cells and the short one leaves room.
func truncateKeeping(cell string, width int, keep []string, short map[string]string) string {
	for _, k := range keep {
		head, ok := strings.CutSuffix(cell, k)
		if !ok {
			continue
		}
		room := width - runewidth.StringWidth(k)
		if sk, ok := short[k]; ok && room < minHead {
			if sroom := width - runewidth.StringWidth(sk); sroom >= 2 {
				if runewidth.StringWidth(head) <= sroom {
					return head + sk
				}
				return runewidth.Truncate(head, sroom, "…") + sk
			}
		}
		if room >= 2 {
			return runewidth.Truncate(head, room, "…") + k
		}
		break
	}
	return runewidth.Truncate(cell, width, "…")
}

// fitLastColumn truncates the last cell of each row so that the table fits in width.
func fitLastColumn(header []string, rows [][]string, width int, keep []string, short map[string]string) [][]string {
	n := len(header)
	widths := columnWidths(header, rows)
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
			r[n-1] = truncateKeeping(r[n-1], avail, keep, short)
		}
		out[i] = r
	}
	return out
}
