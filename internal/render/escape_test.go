package render

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/textsafe/textsafetest"
)

// hostile strings: every character class the escaping rule covers, alone and
// mixed with text a reader must still see.
var hostile = []string{
	"\x1b[31mred\x1b[0m",
	"\x1b]0;title\x07",
	"a\u009d52;c;UFdORUQ=\u009c\u202e", // the OSC 52 clipboard write of issue 10, in C1 form
	"\u009b2J",
	"NEL\u0085here",
	"del\x7fete",
	"nul\x00byte",
	"tab\there",
	"multi\nline\r\n",
	"\u202eevil\u202c \u2066iso\u2069 \u200e\u200f\u061c \u202a\u202b\u202d",
	"line\u2028para\u2029",
	"\ufeffbom \ufffe \uffff",
	"AuthFailure.\xff\xfe\x9b",
	"签名\xe5\x90",   // a cut multi-byte sequence
	"\xc0\x80",     // an overlong NUL
	"\xed\xa0\x80", // a UTF-16 surrogate
	`back\slash "quoted" <html> & 'single'`,
	`\x1b is text`, // already looks escaped: must survive as this text
	"签名过期。",
	"",
	"- dash",
	"true",
	"#comment",
	"key: value",
	",",          // a flow indicator, once written plain (found by FuzzQuoted)
	"2017-03-12", // a date to YAML 1.1 readers
	"0x1F",
	"...",
}

type hostileRecord struct {
	Message  string   `json:"message" yaml:"message"`
	Notes    []string `json:"notes" yaml:"notes"`
	Optional string   `json:"optional,omitempty" yaml:"optional,omitempty"`
}

func TestJSONEscapesHostileStrings(t *testing.T) {
	for _, s := range hostile {
		rec := hostileRecord{Message: s, Notes: []string{s, "plain"}, Optional: s}
		for name, write := range map[string]func(io.Writer, any) error{"JSON": JSON, "JSONLine": JSONLine} {
			var buf bytes.Buffer
			if err := write(&buf, rec); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if bad := textsafetest.Raw(out, "\n"); bad != "" {
				t.Errorf("%s(%q): %s in %q", name, s, bad, out)
			}
			if name == "JSONLine" && strings.Count(out, "\n") != 1 {
				t.Errorf("JSONLine(%q) is not one line: %q", s, out)
			}
			var got hostileRecord
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatalf("%s(%q) is not valid JSON: %v\n%s", name, s, err, out)
			}
			if want := textsafetest.Decoded(s); got.Message != want || got.Notes[0] != want || got.Optional != want {
				t.Errorf("%s(%q) decodes to %q, want %q", name, s, got.Message, want)
			}
		}
	}
}

func TestQuotedEscapes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain 签名", `"plain 签名"`},
		{"a\u009d52;c;UFdORUQ=\u009c\u202e", `"a\u009d52;c;UFdORUQ=\u009c\u202e"`},
		{"\x1b[2J\x7f\x00", `"\u001b[2J\u007f\u0000"`},
		{"a\tb\nc\rd\be\ff", `"a\tb\nc\rd\be\ff"`},
		{`"\`, `"\"\\"`},
		{"<&>", `"<&>"`},
		{"\u2028\u2029\u0085\ufeff\u061c", `"\u2028\u2029\u0085\ufeff\u061c"`},
		{"AuthFailure.\xff\xfe\x9b", `"AuthFailure.\\xff\\xfe\\x9b"`},
		{"\ufffd", "\"\ufffd\""}, // a real U+FFFD is text
	}
	for _, tt := range tests {
		if got := string(appendQuoted(nil, tt.in)); got != tt.want {
			t.Errorf("appendQuoted(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// The JSON writer matches encoding/json byte for byte on everything that
// holds no escaped character: the whole catalog, in both languages, in
// every layout errcode writes.
func TestJSONMatchesEncodingJSON(t *testing.T) {
	type inner struct {
		N int     `json:"n"`
		F float64 `json:"f,omitempty"`
	}
	type odd struct {
		Name    string   `json:"name"`
		Nil     []string `json:"nil"`
		Empty   []string `json:"empty"`
		Omitted []string `json:"omitted,omitempty"`
		Ptr     *inner   `json:"ptr"`
		NilPtr  *inner   `json:"nil_ptr"`
		Any     any      `json:"any"`
		Structs []inner  `json:"structs"`
		Floats  []float64
		Uint    uint8 `json:"uint"`
		Skip    int   `json:"-"`
		private int
	}
	values := []any{
		[]odd{{Name: "x", Empty: []string{}, Ptr: &inner{N: -3, F: 0.5}, Any: "s", Structs: []inner{{}, {N: 1}},
			Floats: []float64{0, 1, -2.5, 1e-7, 1e21, 123456789, 3.14159}, Uint: 255, private: 1}},
		odd{},
		[]inner{},
		struct{}{},
		[]struct{}{{}},
	}
	var views, sample []explain.Entry
	for i, e := range catalog.Default().Entries() {
		views = append(views, explain.View(e, catalog.English), explain.View(e, catalog.Chinese))
		if i%20 == 0 {
			sample = append(sample, views[len(views)-2:]...)
		}
	}
	values = append(values, sample, views)
	for i, v := range values {
		for _, layout := range []struct {
			prefix string
			indent bool
		}{{"", true}, {"", false}, {"  ", true}} {
			if i == len(values)-1 && (layout.prefix != "" || !layout.indent) {
				continue // the whole catalog once; a sample in the other layouts
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if layout.indent {
				enc.SetIndent(layout.prefix, "  ")
			}
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			var err error
			switch {
			case !layout.indent:
				err = JSONLine(&got, v)
			case layout.prefix == "":
				err = JSON(&got, v)
			default:
				err = JSONIndent(&got, v, layout.prefix)
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				g, w := got.String(), want.String()
				n := 0
				for n < len(g) && n < len(w) && g[n] == w[n] {
					n++
				}
				t.Errorf("value %d, layout %+v: differs from encoding/json at byte %d:\ngot  %q\nwant %q", i, layout, n, g[max(0, n-80):min(len(g), n+80)], w[max(0, n-80):min(len(w), n+80)])
			}
		}
	}
}

type selfMarshal string

func (selfMarshal) MarshalText() ([]byte, error) { return []byte("x"), nil }

func TestJSONRefusesWhatItCannotWrite(t *testing.T) {
	for _, v := range []any{
		map[string]string{"a": "b"},
		[]byte("x"),
		struct{ S selfMarshal }{"s"},
		struct {
			N int `json:"n,string"`
		}{1},
		struct{ inner }{},
		make(chan int),
	} {
		if err := JSON(io.Discard, v); err == nil {
			t.Errorf("JSON(%T) wrote something; want an error", v)
		}
	}
}

type inner struct{ A string }

func TestYAMLHostileRoundTrip(t *testing.T) {
	var views []explain.Entry
	for _, s := range hostile {
		views = append(views, explain.Entry{Code: s, Summary: s, Causes: []string{s, "x"}, Query: s})
	}
	var buf bytes.Buffer
	if err := YAML(&buf, views); err != nil {
		t.Fatal(err)
	}
	if bad := textsafetest.Raw(buf.String(), "\n"); bad != "" {
		t.Fatalf("YAML output: %s\n%s", bad, buf.String())
	}
	var got []explain.Entry
	if err := yaml.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("output is not valid YAML: %v\n%s", err, buf.String())
	}
	if len(got) != len(views) {
		t.Fatalf("decoded %d entries, wrote %d", len(got), len(views))
	}
	for i, s := range hostile {
		want := textsafetest.Decoded(s)
		g := got[i]
		if g.Code != want || g.Summary != want || g.Causes[0] != want || (s != "" && g.Query != want) {
			t.Errorf("YAML of %q reads back as %q / %q / %q / %q, want %q", s, g.Code, g.Summary, g.Causes[0], g.Query, want)
		}
	}
}

// Every row format escapes the same characters visibly, as textsafe.Clean does.
func TestRowFormatsEscape(t *testing.T) {
	header := []string{"A\x1b", "B"}
	var rows [][]string
	for _, s := range hostile {
		rows = append(rows, []string{s, "x"})
	}
	formats := map[string]struct {
		write func(io.Writer) error
		allow string
	}{
		"csv":      {func(w io.Writer) error { return CSV(w, header, rows) }, "\n"},
		"markdown": {func(w io.Writer) error { return Markdown(w, header, rows) }, "\n"},
		"tsv":      {func(w io.Writer) error { return TSV(w, rows) }, "\n\t"},
		"table":    {func(w io.Writer) error { return Table(w, header, rows, TableOptions{Width: 60}) }, "\n"},
	}
	for name, f := range formats {
		var buf bytes.Buffer
		if err := f.write(&buf); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if bad := textsafetest.Raw(out, f.allow); bad != "" {
			t.Errorf("%s: %s in\n%s", name, bad, out)
		}
		lines := strings.Count(out, "\n")
		want := len(rows) + 2 // header, rows, Markdown's separator
		switch name {
		case "csv", "table":
			want = len(rows) + 1
		case "tsv":
			want = len(rows)
		}
		if lines != want {
			t.Errorf("%s: %d lines, want %d (a cell broke its row)\n%s", name, lines, want, out)
		}
		for _, s := range []string{`\x1b[31mred`, `\u202eevil`, `AuthFailure.\xff\xfe\x9b`, `\u0085`} {
			if !strings.Contains(out, s) && !strings.Contains(out, strings.ReplaceAll(s, `\`, `\\`)) {
				t.Errorf("%s: %s is not shown escaped\n%s", name, s, out)
			}
		}
	}
}

func FuzzQuoted(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := appendQuoted(nil, s)
		if bad := textsafetest.Raw(string(q), ""); bad != "" {
			t.Fatalf("appendQuoted(%q): %s", s, bad)
		}
		var fromJSON string
		if err := json.Unmarshal(q, &fromJSON); err != nil {
			t.Fatalf("appendQuoted(%q) = %s is not JSON: %v", s, q, err)
		}
		want := textsafetest.Decoded(s)
		if fromJSON != want {
			t.Fatalf("JSON %s decodes to %q, want %q", q, fromJSON, want)
		}
		if utf8.ValidString(s) && textsafetest.Raw(s, "") == "" {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(s); err != nil {
				t.Fatal(err)
			}
			if std := bytes.TrimSuffix(b.Bytes(), []byte("\n")); !bytes.Equal(q, std) {
				t.Fatalf("appendQuoted(%q) = %s, encoding/json writes %s", s, q, std)
			}
		}
		y := yamlString(s)
		if bad := textsafetest.Raw(y, ""); bad != "" {
			t.Fatalf("yamlString(%q): %s", s, bad)
		}
		var fromYAML struct {
			V string `yaml:"v"`
		}
		if err := yaml.Unmarshal([]byte("v: "+y+"\n"), &fromYAML); err != nil {
			t.Fatalf("yamlString(%q) = %s is not YAML: %v", s, y, err)
		}
		if fromYAML.V != want {
			t.Fatalf("YAML %s reads back as %q, want %q", y, fromYAML.V, want)
		}
	})
}

// BenchmarkJSONLine is the cost parse -o jsonl pays per finding; the
// encoding-json case is the baseline the hand-written writer must not lose to.
func BenchmarkJSONLine(b *testing.B) {
	e := catalog.Default().Get("common", "AuthFailure.SignatureExpire")
	v := explain.View(e, catalog.Chinese)
	v.Query = "a\u009d52;c;UFdORUQ=\u009c\u202e \xff"
	b.Run("errcode", func(b *testing.B) {
		for b.Loop() {
			if err := JSONLine(io.Discard, v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			enc := json.NewEncoder(io.Discard)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkQuoted(b *testing.B) {
	for name, s := range map[string]string{
		"ascii":   strings.Repeat("The request has expired; check the local clock. ", 4),
		"chinese": strings.Repeat("签名过期。请检查本地时间是否和标准时间同步。", 4),
		"hostile": strings.Repeat("a\u009d52;c;\x1b[2J\u202e\xff ", 8),
	} {
		b.Run(name, func(b *testing.B) {
			buf := make([]byte, 0, 1024)
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				buf = appendQuoted(buf[:0], s)
			}
		})
	}
}
