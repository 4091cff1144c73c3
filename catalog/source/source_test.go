package source

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errcode-dev/errcode/catalog"
)

func TestDecodeRejectsUnknownFields(t *testing.T) {
	_, err := Decode([]byte("- code: X\n  scope: common\n  sumary: {en: a, zh: b}\n"))
	if err == nil || !strings.Contains(err.Error(), "sumary") {
		t.Fatalf("Decode with a misspelt field: err = %v, want an error naming it", err)
	}
	if _, err := Decode([]byte("code: X\n")); err == nil {
		t.Fatal("Decode of a mapping instead of a list: want an error")
	}
	if _, err := Decode([]byte("- null\n")); err == nil {
		t.Fatal("Decode of an empty entry: want an error")
	}
	for _, bad := range []string{"", "4xx", "A..B", "A.", "A B", "\f\r4", "签名"} {
		if _, err := Decode([]byte(fmt.Sprintf("- code: %q\n  scope: common\n", bad))); err == nil {
			t.Errorf("Decode accepted the code %q", bad)
		}
	}
	if e, err := Decode(nil); err != nil || e != nil {
		t.Fatalf("Decode(nil) = %v, %v; want nothing", e, err)
	}
}

// The embedded source decodes to the same entries, in the same order, as the
// curated layer that catalog.Default serves.
func TestEmbeddedSourceMatchesDefault(t *testing.T) {
	entries, err := Decode(catalog.CodesYAML)
	if err != nil {
		t.Fatalf("codes.yaml: %v", err)
	}
	def := catalog.Default().Curated()
	if len(entries) != len(def) {
		t.Fatalf("codes.yaml has %d entries, the compiled catalog %d: run make catalog", len(entries), len(def))
	}
	for i := range entries {
		if entries[i].Scope != def[i].Scope || entries[i].Code != def[i].Code {
			t.Fatalf("entry %d: codes.yaml has %s/%s, the catalog %s/%s (keep codes.yaml sorted by category, code, scope; then make catalog)",
				i, entries[i].Scope, entries[i].Code, def[i].Scope, def[i].Code)
		}
	}
}

// TestSourceOrder keeps codes.yaml in catalog order (category, code, scope
// with common first), so additions land in a predictable place and diffs stay small.
func TestSourceOrder(t *testing.T) {
	entries, err := Decode(catalog.CodesYAML)
	if err != nil {
		t.Fatal(err)
	}
	sorted := catalog.New(entries).Entries()
	for i := range entries {
		if entries[i] != sorted[i] {
			t.Fatalf("codes.yaml: %s/%s is out of order (want %s/%s there); keep entries sorted by category, code, scope (common first)",
				entries[i].Scope, entries[i].Code, sorted[i].Scope, sorted[i].Code)
		}
	}
}

// Every field has a yaml tag: a round trip keeps the entries.
func TestRoundTrip(t *testing.T) {
	entries, err := Decode(catalog.CodesYAML)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := yaml.NewEncoder(&buf).Encode(entries); err != nil {
		t.Fatal(err)
	}
	again, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatalf("re-decode: %v", err)
	}
	if len(again) != len(entries) {
		t.Fatalf("round trip: %d entries, want %d", len(again), len(entries))
	}
	for i := range entries {
		if again[i].Summary != entries[i].Summary || len(again[i].Remediation) != len(entries[i].Remediation) {
			t.Fatalf("round trip changed %s", entries[i].Code)
		}
	}
}

// fuzzEntry is a small entry with every field set: a seed that reaches each
// field's decoding without the cost of the whole codes.yaml per execution.
const fuzzEntry = `- code: AuthFailure.SignatureExpire
  scope: common
  summary: {en: Signature expired., zh: 签名过期。}
  causes:
    - {en: The clock is off., zh: 时钟偏差。}
  remediation:
    - en: "Run ` + "`date -u`" + `."
      zh: 运行 date -u。
  retryable: false
  retry: {en: Fix the clock first., zh: 先校准时钟。}
  related: [AuthFailure.SignatureFailure]
  actions: [DescribeInstances]
  messages: ["Signature expired"]
  docs: {en: "https://www.tencentcloud.com/document/product/213/33281", zh: ""}
  provenance: official
  source: API 3.0 common error codes
  solution: {en: Sync the clock., zh: 同步时钟。}
  versions: ["2017-03-12"]
- code: InternalError.DbError
  scope: tcr
  summary: {en: Database error, zh: 数据库错误}
`

// maxFuzzYAML bounds the documents FuzzDecode reads: a longer one reaches no
// code a shorter one would not, and slows every later mutation.
const maxFuzzYAML = 16 << 10

// FuzzDecode: the loader never panics; whatever it accepts survives
// catalog.New and a lookup of every entry, and reads back the same after
// being written out as YAML.
func FuzzDecode(f *testing.F) {
	if len(fuzzEntry) >= 1<<10 {
		f.Fatalf("the seed entry has %d bytes, want under 1 KiB", len(fuzzEntry))
	}
	f.Add([]byte(fuzzEntry))
	f.Add([]byte("- code: A.B\n  scope: common\n  summary: {en: a, zh: 签名}\n"))
	f.Add([]byte("- null\n"))
	f.Add([]byte("&a [*a, *a]"))
	f.Add([]byte("- code: !!binary aGVsbG8=\n"))
	f.Add([]byte("- {code: X, scope: s, related: &r [A, B], actions: *r}\n---\n- code: Y\n"))
	f.Add([]byte("- code: \"A.\\u202e\"\n  summary: {en: \"\\x1b[2J\", zh: '\\t'}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzYAML {
			return
		}
		entries, err := Decode(data)
		if err != nil {
			return
		}
		c := catalog.New(entries)
		if len(c.Entries()) != len(entries) {
			t.Fatalf("catalog.New kept %d of %d entries", len(c.Entries()), len(entries))
		}
		for _, e := range c.Entries() {
			if !codeShaped(e.Code) {
				t.Fatalf("accepted the code %q", e.Code)
			}
			if len(c.Find(e.Code)) == 0 {
				t.Fatalf("entry %q not found after decoding", e.Code)
			}
			_ = e.Category()
			_, _ = c.Resolve(e.Scope, e.Code+".X")
		}
		var buf bytes.Buffer
		if err := yaml.NewEncoder(&buf).Encode(entries); err != nil {
			t.Fatalf("encode: %v", err)
		}
		if !yamlReadsItsOwn(buf.Bytes()) {
			// yaml.v3's emitter writes some strings in a form its parser
			// reads otherwise: " \n0" at the top of a literal block (an
			// error), "\n#0" in a list with an indentation indicator that
			// counts from the wrong column (read as ""). Both found by
			// this target. The property is Decode's, for what the
			// library itself reads back.
			return
		}
		again, err := Decode(buf.Bytes())
		if err != nil {
			t.Fatalf("re-decode of\n%s: %v", buf.Bytes(), err)
		}
		// Written out again, they read the same (an encoding, not the
		// structs, is compared: a nil list is written as [] and read back
		// empty, not nil).
		var buf2 bytes.Buffer
		if err := yaml.NewEncoder(&buf2).Encode(again); err != nil {
			t.Fatalf("encode: %v", err)
		}
		if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
			t.Fatalf("round trip changed the entries:\n%s\nread back as\n%s", buf.Bytes(), buf2.Bytes())
		}
	})
}

// yamlReadsItsOwn reports whether yaml.v3 reads b, a document it wrote, as
// the same document: parsed into nodes (which keep each scalar's style) and
// written again, it gives b back.
func yamlReadsItsOwn(b []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(b, &doc) != nil {
		return false
	}
	var again bytes.Buffer
	if yaml.NewEncoder(&again).Encode(&doc) != nil {
		return false
	}
	return bytes.Equal(b, again.Bytes())
}

func TestYAMLReadsItsOwn(t *testing.T) {
	for _, tt := range []struct {
		v    any
		want bool
	}{
		{[]map[string]string{{"en": "plain"}}, true},
		{[]map[string]string{{"en": "two\nlines"}}, true},
		{[]map[string]string{{"en": "\"quoted\" 签名"}}, true},
		{"\n#0", true}, // at the top the indicator counts right
		{[]map[string]any{{"r": []map[string]string{{"en": "\n#0"}}}}, false},
		{[]string{"\n#0"}, false},
	} {
		b, err := yaml.Marshal(tt.v)
		if err != nil {
			t.Fatal(err)
		}
		if got := yamlReadsItsOwn(b); got != tt.want {
			t.Errorf("yamlReadsItsOwn(%q) = %v, want %v", b, got, tt.want)
		}
	}
}

func TestDecodeAPI2(t *testing.T) {
	for _, tt := range []struct {
		name, yaml string
		ok         bool
	}{
		{"good", "source: s\ncodes:\n  - {code: \"4100\", zh: 鉴权失败}\n", true},
		{"no source", "codes:\n  - {code: \"4100\", zh: 鉴权失败}\n", false},
		{"not a number", "source: s\ncodes:\n  - {code: AuthFailure, zh: 鉴权失败}\n", false},
		{"repeated", "source: s\ncodes:\n  - {code: \"4100\", zh: a}\n  - {code: \"4100\", en: b}\n", false},
		{"no meaning", "source: s\ncodes:\n  - {code: \"4100\"}\n", false},
		{"unknown field", "source: s\ncodes:\n  - {code: \"4100\", zh: a, fix: b}\n", false},
	} {
		_, err := DecodeAPI2([]byte(tt.yaml))
		if (err == nil) != tt.ok {
			t.Errorf("%s: err = %v, want ok %v", tt.name, err, tt.ok)
		}
	}
}
