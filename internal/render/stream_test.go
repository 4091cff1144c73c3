package render

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// A table written in two passes (TableSizer) is the table Table writes, for
// every shape the commands use: dropped columns, long first cells on lines
// of their own, a cut summary, Chinese and unsafe text, colour.
func TestTableSizerMatchesTable(t *testing.T) {
	words := []string{"AuthFailure", "InvalidParameter", "FailedOperation", "ResourceNotFound", "X", "签名过期", "请求的次数超过了频率限制", "the request", "…", "“quoted”", "\x1b[31mred", "tab\there", "ａｂ", "é"}
	r := rand.New(rand.NewPCG(13, 1))
	cell := func(n int) string {
		var b strings.Builder
		for range r.IntN(n) + 1 {
			if b.Len() > 0 {
				b.WriteString([]string{".", " ", ""}[r.IntN(3)])
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		return b.String()
	}
	opts := []TableOptions{
		{},
		{Width: 80, Drop: []int{0}, LongFirst: true},
		{Width: 60, Drop: []int{0, 2}, LongFirst: true, Color: true},
		{Width: 120, Drop: []int{1}, LongFirst: true},
		{Width: 40, Drop: []int{2}, DropBelow: MinLast, LongFirst: true},
		{Width: 200},
		{Width: 30, LongFirst: true},
	}
	for trial := range 300 {
		header := []string{"CATEGORY", "CODE", "SCOPE", "RETRY", "SUMMARY"}[:2+r.IntN(4)]
		rows := make([][]string, r.IntN(40))
		for i := range rows {
			rows[i] = make([]string, len(header))
			for j := range rows[i] {
				rows[i][j] = cell([]int{2, 6, 1, 1, 12}[j])
			}
		}
		for _, opt := range opts {
			var want, got bytes.Buffer
			if err := Table(&want, header, rows, opt); err != nil {
				t.Fatal(err)
			}
			s := NewTableSizer(header)
			for _, row := range rows {
				s.Add(row)
			}
			rw, err := s.Writer(&got, opt)
			if err != nil {
				t.Fatal(err)
			}
			if err := writeRows(rw, rows); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Fatalf("trial %d, %+v, rows %q:\nTable:\n%s\nTableSizer:\n%s", trial, opt, rows, want.String(), got.String())
			}
		}
	}
}

// The row writers write what TSV, CSV and Markdown write, row by row.
func TestRowWritersStream(t *testing.T) {
	var b bytes.Buffer
	w := NewTSV(&b)
	for i := range 10000 {
		if err := w.Row([]string{fmt.Sprint(i), "x"}); err != nil {
			t.Fatal(err)
		}
	}
	if b.Len() == 0 {
		t.Error("NewTSV holds every row until Flush; it should write as its buffer fills")
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), "9999\tx\n") {
		t.Errorf("last row: %q", b.String()[b.Len()-20:])
	}
}
