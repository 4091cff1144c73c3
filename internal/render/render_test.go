package render

import (
	"bytes"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/explain"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it; review the diff):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func entry(t *testing.T, scope, code string) *catalog.Entry {
	t.Helper()
	e := catalog.Default().Get(scope, code)
	if e == nil {
		t.Fatalf("%s/%s not in the catalog", scope, code)
	}
	return e
}

func TestExplainGolden(t *testing.T) {
	tests := []struct {
		name  string
		scope string
		code  string
		opt   ExplainOptions
	}{
		{"explain_signatureexpire_en.golden", "common", "AuthFailure.SignatureExpire", ExplainOptions{Lang: catalog.English, Width: 80}},
		{"explain_signatureexpire_zh.golden", "common", "AuthFailure.SignatureExpire", ExplainOptions{Lang: catalog.Chinese, Width: 80}},
		{"explain_internalerror_en.golden", "common", "InternalError", ExplainOptions{Lang: catalog.English, Width: 80}},
		{"explain_errnorepo_zh.golden", "tcr", "ResourceNotFound.ErrNoRepo", ExplainOptions{Lang: catalog.Chinese, Width: 60}},
		{"explain_inferred_en.golden", "tcr", "InternalError.ErrGitApi", ExplainOptions{Lang: catalog.English, Width: 80}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Explain(&buf, entry(t, tt.scope, tt.code), tt.opt); err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(buf.String(), "\n") {
				// Only a word wider than the line (a URL, a long code) may overflow it.
				if w := runewidth.StringWidth(line); w > tt.opt.Width && !overlongWord(line, tt.opt.Width) {
					t.Errorf("line %d is %d columns wide (> %d): %q", i+1, w, tt.opt.Width, line)
				}
			}
			if strings.Contains(buf.String(), "\x1b") {
				t.Error("colour off, but escape sequences in the output")
			}
			golden(t, tt.name, buf.Bytes())
		})
	}
}

func TestExplainColor(t *testing.T) {
	var buf bytes.Buffer
	if err := Explain(&buf, entry(t, "common", "AuthFailure.SignatureExpire"), ExplainOptions{Width: 80, Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\x1b[1mAuthFailure.SignatureExpire\x1b[22m") {
		t.Errorf("want the code in bold:\n%q", buf.String()[:80])
	}
}

// TestExplainSanitizes: text from the entry reaches the writer with its control characters escaped.
func TestExplainSanitizes(t *testing.T) {
	e := &catalog.Entry{
		Code: "X.Y", Scope: "common",
		Summary:     catalog.Text{En: "evil \x1b]0;title\x07 \u202eabc"},
		Causes:      []catalog.Text{{En: "c\x1b[2J"}},
		Remediation: []catalog.Text{{En: "r"}},
		Related:     []string{"A\x1bB"},
	}
	var buf bytes.Buffer
	if err := Explain(&buf, e, ExplainOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.ContainsAny(out, "\x1b\x07\u202e") {
		t.Errorf("control characters reached the output: %q", out)
	}
	if !strings.Contains(out, `\x1b]0;title\x07`) {
		t.Errorf("want the escape shown, got %q", out)
	}
	if e.Related[0] != "A\x1bB" {
		t.Error("Explain modified the entry it was given")
	}
}

func TestTableGolden(t *testing.T) {
	rows := [][]string{
		{"AuthFailure", "AuthFailure.SignatureExpire", "common", "否", "签名过期。Timestamp 和服务器时间相差不得超过五分钟，请检查本地时间是否和标准时间同步。"},
		{"", "AuthFailure.TokenFailure", "common", "否", "token 错误。"},
		{"InternalError", "InternalError", "tcr", "否", "内部错误。"},
		{"", "InternalError.ErrorTcrInvalidMediaType", "tcr", "否", "Tcr实例请求无效的Hearder类型。"},
	}
	var buf bytes.Buffer
	if err := Table(&buf, []string{"CATEGORY", "CODE", "SCOPE", "RETRY", "SUMMARY"}, rows, TableOptions{Width: 100}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(rows)+1 {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(rows)+1, buf.String())
	}
	// Columns line up by display width: SUMMARY starts at the same column on every line.
	col := -1
	for i, line := range lines {
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %d has trailing blanks", i+1)
		}
		if w := runewidth.StringWidth(line); w > 100 {
			t.Errorf("line %d is %d columns, wider than 100", i+1, w)
		}
		cells := []string{"CATEGORY", "CODE", "SCOPE", "RETRY", "SUMMARY"}
		if i > 0 {
			cells = rows[i-1]
		}
		if !strings.Contains(line, cells[1]) {
			t.Errorf("line %d: no CODE cell %q: %q", i+1, cells[1], line)
		}
		idx := strings.Index(line, "  "+cells[3]+"  ")
		if idx < 0 {
			t.Fatalf("line %d: no RETRY cell %q: %q", i+1, cells[3], line)
		}
		c := runewidth.StringWidth(line[:idx])
		if col >= 0 && c != col {
			t.Errorf("line %d: RETRY column at %d, want %d", i+1, c, col)
		}
		col = c
	}
	golden(t, "table_zh.golden", buf.Bytes())
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text          string
		width         int
		first, indent string
		want          string
	}{
		{"one two three four", 30, "- ", "  ", "- one two three four"},
		{"one two three four five six seven eight nine ten eleven", 30, "- ", "  ", "- one two three four five six\n  seven eight nine ten eleven"},
		{"签名过期。请检查本地时间是否和标准时间同步，并开启时间同步。", 24, "", "", "签名过期。请检查本地时间\n是否和标准时间同步，并开\n启时间同步。"},
		{"see https://cloud.tencent.com/document/api/213/30435/very/long/path now", 24, "", "", "see\nhttps://cloud.tencent.com/document/api/213/30435/very/long/path\nnow"},
		{"", 20, "  ", "  ", ""},
		// Closing punctuation after a Latin word stays with it.
		{"如需强行删除请传强制校验参数ForceDelete为true。然后重试", 30, "", "", "如需强行删除请传强制校验参数\nForceDelete为true。然后重试"},
		{"请传参数ForceDelete为abcdefghijklmnopqrst。", 20, "", "", "请传参数ForceDelete\n为\nabcdefghijklmnopqrst。"},
		// … and a line may break after it, between two Latin words.
		{"接口（`CreateListener`、`RegisterTargets`、`CreateRule`）", 30, "", "", "接口（`CreateListener`、\n`RegisterTargets`、\n`CreateRule`）"},
	}
	for _, tt := range tests {
		if got := Wrap(tt.text, tt.width, tt.first, tt.indent); got != tt.want {
			t.Errorf("Wrap(%q, %d) =\n%s\nwant\n%s", tt.text, tt.width, got, tt.want)
		}
	}
}

func TestRuneWidthAgreesWithRunewidth(t *testing.T) {
	for _, s := range []string{"签名过期。", "Timestamp", "（不是云 API 密钥类型）", "ｈｅｌｌｏ", "カタカナ", "한국어", "“quoted”", "é", "→ …"} {
		if got, want := stringWidth(s), runewidth.StringWidth(s); got != want {
			t.Errorf("stringWidth(%q) = %d, go-runewidth says %d", s, got, want)
		}
	}
}

func TestMarkdownEscapesCells(t *testing.T) {
	var buf bytes.Buffer
	if err := Markdown(&buf, []string{"A"}, [][]string{{"x|y\nz"}}); err != nil {
		t.Fatal(err)
	}
	// The newline becomes the text \n (textsafe.Clean), whose backslash
	// Markdown then escapes, so the rendered cell reads x|y\nz.
	if got, want := buf.String(), "| A |\n| --- |\n| x\\|y\\\\nz |\n"; got != want {
		t.Errorf("Markdown = %q, want %q", got, want)
	}
}

func TestViewNeverNil(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, explain.View(&catalog.Entry{Code: "A.B", Scope: "common"}, catalog.English)); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{`"causes": []`, `"related": []`, `"actions": []`, `"category": "A"`} {
		if !strings.Contains(buf.String(), f) {
			t.Errorf("JSON view lacks %s:\n%s", f, buf.String())
		}
	}
}

// TestTableWidths: the same table at 60, 80 and 120 columns (issue 13). The
// category goes before the summary is cut, a code is never cut, and a code
// too long for its column takes a line of its own.
func TestTableWidths(t *testing.T) {
	header := []string{"CODE", "CATEGORY", "SCOPE", "SUMMARY"}
	rows := [][]string{
		{"RequestLimitExceeded", "RequestLimitExceeded", "common", "The number of requests exceeds the frequency limit."},
		{"RequestLimitExceeded.GlobalRegionUinLimitExceeded", "RequestLimitExceeded", "common", "Uin exceeds the frequency limit."},
		{"LimitExceeded.RateLimitExceeded", "LimitExceeded", "teo", "Reached the API rate limit."},
	}
	want := map[int]string{
		60: `CODE  SCOPE   SUMMARY
RequestLimitExceeded
      common  The number of requests exceeds the frequenc…
RequestLimitExceeded.GlobalRegionUinLimitExceeded
      common  Uin exceeds the frequency limit.
LimitExceeded.RateLimitExceeded
      teo     Reached the API rate limit.
`,
		80: `CODE                             SCOPE   SUMMARY
RequestLimitExceeded             common  The number of requests exceeds the f…
RequestLimitExceeded.GlobalRegionUinLimitExceeded
                                 common  Uin exceeds the frequency limit.
LimitExceeded.RateLimitExceeded  teo     Reached the API rate limit.
`,
		120: `CODE                                               SCOPE   SUMMARY
RequestLimitExceeded                               common  The number of requests exceeds the frequency limit.
RequestLimitExceeded.GlobalRegionUinLimitExceeded  common  Uin exceeds the frequency limit.
LimitExceeded.RateLimitExceeded                    teo     Reached the API rate limit.
`,
	}
	for _, w := range []int{60, 80, 120} {
		var b strings.Builder
		if err := Table(&b, header, rows, TableOptions{Width: w, Drop: []int{1}, LongFirst: true}); err != nil {
			t.Fatal(err)
		}
		if b.String() != want[w] {
			t.Errorf("width %d:\n%s\nwant:\n%s", w, b.String(), want[w])
		}
		for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			if n := runewidth.StringWidth(line); n > w && !strings.HasPrefix(line, "RequestLimitExceeded.Global") {
				t.Errorf("width %d: a line of %d columns: %q", w, n, line)
			}
		}
		for _, r := range rows {
			if !strings.Contains(b.String(), r[0]+"\n") && !strings.Contains(b.String(), r[0]+" ") {
				t.Errorf("width %d: code %s cut", w, r[0])
			}
		}
	}
}

// overlongWord reports whether line holds a word that, with the line's
// indent and list marker, is wider than width: Wrap leaves such a word whole.
func overlongWord(line string, width int) bool {
	lead := len(line) - len(strings.TrimLeft(line, " "))
	for i, w := range strings.Fields(line) {
		if i == 0 && (w == "-" || strings.HasSuffix(w, ".") && len(w) <= 3) {
			lead += len(w) + 1 // a list marker: "- ", "1. "
			continue
		}
		if lead+runewidth.StringWidth(w) > width {
			return true
		}
	}
	return false
}

func TestTruncateKeeping(t *testing.T) {
	mark := " (errcode's translation)"
	short := map[string]string{mark: " (transl.)"} // its short form
	for _, tt := range []struct {
		cell      string
		width     int
		withShort bool
		want      string
	}{
		{"Smart Insurance Assistant" + mark, 40, false, "Smart Insurance… (errcode's translation)"},
		{"Smart Insurance Assistant" + mark, 26, false, "S… (errcode's translation)"},
		// Too narrow for the mark and a cell of text: cut as any cell.
		{"Smart Insurance Assistant" + mark, 25, false, "Smart Insurance Assistan…"},
		{"Cloud Virtual Machine", 10, false, "Cloud Vir…"},
		{"云服务器" + mark, 28, false, "云… (errcode's translation)"},
		// With a short form, a narrow cell keeps more of its text and a mark.
		{"Smart Insurance Assistant" + mark, 40, true, "Smart Insurance… (errcode's translation)"},
		{"Smart Insurance Assistant" + mark, 31, true, "Smart Insurance Assi… (transl.)"},
		{"Smart Insurance Assistant" + mark, 13, true, "Sm… (transl.)"},
		{"Intelligent Speech" + mark, 28, true, "Intelligent Speech (transl.)"},
		{"Smart Insurance Assistant" + mark, 11, true, "Smart Insu…"},
	} {
		var sh map[string]string
		if tt.withShort {
			sh = short
		}
		if got := truncateKeeping(tt.cell, tt.width, []string{mark}, sh); got != tt.want {
			t.Errorf("truncateKeeping(%q, %d, short %v) = %q, want %q", tt.cell, tt.width, tt.withShort, got, tt.want)
		}
	}
}

// No wrapped line of the curated Chinese text starts with closing
// punctuation, at any width (after a Latin word too: "…为true。").
func TestWrapNeverStartsWithClosingPunct(t *testing.T) {
	for _, e := range catalog.Default().Curated() {
		texts := []string{e.Summary.Zh, e.Retry.Zh}
		for _, c := range e.Causes {
			texts = append(texts, c.Zh)
		}
		for _, s := range e.Remediation {
			texts = append(texts, s.Zh)
		}
		for _, text := range texts {
			for _, w := range []int{40, 60, 80, 100} {
				for _, line := range strings.Split(Wrap(text, w, "  ", "  "), "\n") {
					if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(line, " ")); isClosingPunct(r) && runeWidth(r) == 2 {
						t.Fatalf("%s/%s at width %d: a line starts with %q:\n%s", e.Scope, e.Code, w, r, Wrap(text, w, "  ", "  "))
					}
				}
			}
		}
	}
}

// nextTokenRef is nextToken's definition, rune by rune, over the runes
// decoded first (an invalid byte is one RuneError of one byte): a run of
// white space is " "; a wide rune takes the closing punctuation after it;
// other runes make a word up to white space or a wide rune, and a wide
// rune that is closing punctuation ends the word after itself, with any
// wide closing punctuation that follows it.
func nextTokenRef(s string) (tok string, width, n int) {
	type dr struct {
		r    rune
		size int
	}
	var rs []dr
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		rs = append(rs, dr{r, size})
		i += size
	}
	bytesOf := func(k int) int { // the bytes of the first k runes
		b := 0
		for _, x := range rs[:k] {
			b += x.size
		}
		return b
	}
	wideClosing := func(x dr) bool { return isClosingPunct(x.r) && runeWidth(x.r) == 2 }
	k := 0
	switch {
	case unicode.IsSpace(rs[0].r):
		for k < len(rs) && unicode.IsSpace(rs[k].r) {
			k++
		}
		return " ", 1, bytesOf(k)
	case runeWidth(rs[0].r) == 2:
		width, k = 2, 1
		for ; k < len(rs) && isClosingPunct(rs[k].r); k++ {
			width += runeWidth(rs[k].r)
		}
	default:
		for ; k < len(rs) && !unicode.IsSpace(rs[k].r) && runeWidth(rs[k].r) != 2; k++ {
			width += runeWidth(rs[k].r)
		}
		for ; k < len(rs) && wideClosing(rs[k]); k++ {
			width += 2
		}
	}
	n = bytesOf(k)
	return s[:n], width, n
}

// nextToken's ASCII fast path tokenizes as the rune-at-a-time reference
// does, over random text of ASCII (every control and space byte too),
// wide runes, wide and narrow closing punctuation, non-ASCII spaces,
// combining marks and invalid bytes.
func TestNextTokenMatchesReference(t *testing.T) {
	pieces := []string{"a", "Z", "9", ".", ",", "`", "-", " ", "\t", "\n", "\v", "\f", "\r", "\x00", "\x1f", "\x7f",
		"\u0085", "\u00a0", "\u3000", "é", "e\u0301", "\u200b", "签", "名", "。", "，", "、", "）", "」", "ｘ", "\xff", "\xe7\xad"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for s != "" {
			tok, w, n := nextToken(s)
			rtok, rw, rn := nextTokenRef(s)
			if tok != rtok || w != rw || n != rn {
				t.Fatalf("nextToken(%q) = %q, %d, %d; want %q, %d, %d", s, tok, w, n, rtok, rw, rn)
			}
			s = s[n:]
		}
	}
}
