package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/internal/iostreams"
	"github.com/errcode-dev/errcode/internal/textsafe"
	"github.com/errcode-dev/errcode/internal/textsafe/textsafetest"
)

// The escaping suite (issue 10, items 2 and 8) runs every command in every
// output format it accepts with hostile text on every path by which outside
// text reaches the output: a pasted message, a request id, HTTP header
// values, file names, query arguments, flag values and --product. It checks
// the README's promise: no textsafe.Unsafe rune and no invalid UTF-8 byte is
// ever written raw, on stdout or stderr; JSON and JSONL parse with
// encoding/json and YAML with yaml.v3, and both give back the original
// string, each invalid byte read as the four characters \xHH; and stderr
// escapes once (a payload with no backslash never shows "\\").

// escPayload holds one of each kind of character the rule covers, between
// X and Y so that trimming cannot hide a loss: an OSC 52 clipboard write in
// 7-bit and in C1 form, an 8-bit CSI, NEL, DEL, bidi overrides, isolates and
// marks, the separators, a BOM and invalid bytes (a lone 0x9B is an 8-bit
// CSI to some terminals). It has no backslash, quote or secret.
const escPayload = "X\x1b]52;c;UFdORUQ=\x07 \u009d52;c;UFdORUQ=\u009c \u009b2J \u0085 \x7f \u202e \u202a \u2066\u2069 \u200e\u200f\u061c \u2028\u2029 \ufeff \xff\xfe\x9bY"

// jsonEscapeAll writes s as the inside of a JSON string with every C0, C1,
// DEL and bidi control \u-escaped, as a server would send it; invalid bytes
// stay raw.
func jsonEscapeAll(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteByte(s[i])
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case textsafe.Unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

type escRun struct {
	status         int
	stdout, stderr string
}

func escRunCmd(t *testing.T, stdin string, tty bool, args ...string) escRun {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	if tty {
		ios.SetStdoutTTY(true, 100)
		ios.SetStderrTTY(true)
		// errcode's own colour codes are not what this suite looks for.
		ios.SetEnv(func(k string) string {
			if k == "NO_COLOR" {
				return "1"
			}
			return ""
		})
	}
	status := cmd.Main(args, ios)
	return escRun{status, out.String(), errOut.String()}
}

// escCheck asserts the rule on one run: nothing raw on either stream, stderr
// escaped once, and machine formats that parse back to want (field name to
// decoded value, checked in the first record).
func escCheck(t *testing.T, r escRun, format string, want map[string]string) {
	t.Helper()
	allow := "\n"
	if format == "plain" {
		allow = "\n\t" // tab-separated rows
	}
	if bad := textsafetest.Raw(r.stdout, allow); bad != "" {
		t.Errorf("stdout (%s): %s", format, bad)
	}
	if bad := textsafetest.Raw(r.stderr, "\n"); bad != "" {
		t.Errorf("stderr: %s", bad)
	}
	if strings.Contains(r.stderr, `\\`) {
		t.Errorf("stderr escapes twice:\n%s", r.stderr)
	}
	var records []map[string]any
	switch {
	case r.stdout == "": // an error: nothing to parse
	case format == "json":
		if err := json.Unmarshal([]byte(r.stdout), &records); err != nil {
			t.Fatalf("-o json is not a JSON array of objects: %v\n%s", err, r.stdout)
		}
	case format == "jsonl":
		for i, line := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
			var rec map[string]any
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatalf("-o jsonl line %d is not JSON: %v\n%q", i+1, err, line)
			}
			records = append(records, rec)
		}
	case format == "yaml":
		if err := yaml.Unmarshal([]byte(r.stdout), &records); err != nil {
			t.Fatalf("-o yaml is not YAML: %v\n%s", err, r.stdout)
		}
	default:
		return
	}
	if len(want) == 0 {
		return
	}
	if len(records) == 0 {
		t.Fatalf("-o %s: no record to check %v in:\n%s", format, want, r.stdout)
	}
	for k, v := range want {
		if got, _ := records[0][k].(string); got != v {
			t.Errorf("-o %s: %s reads back as %q, want %q", format, k, got, v)
		}
	}
}

var (
	escParseFormats = []string{"table", "plain", "json", "jsonl", "yaml"}
	escSummaryForms = []string{"table", "plain", "json", "yaml"}
	escEntryFormats = []string{"table", "plain", "json", "yaml"}
	escAllFormats   = []string{"table", "plain", "json", "yaml", "csv", "markdown"}
)

func TestEscapingParse(t *testing.T) {
	p := escPayload
	dp := textsafetest.Decoded(p)
	inputs := []struct {
		name, in string
		want     map[string]string // fields of the first finding
		visible  bool              // the payload shows in text output
	}{
		{
			name:    "message escaped in JSON, request id raw",
			in:      `{"Response":{"Error":{"Code":"InternalError","Message":"m` + jsonEscapeAll(p+"\n\t\rZ") + `"},"RequestId":"r` + p + `"}}` + "\n",
			want:    map[string]string{"message": "m" + dp + "\n\t\rZ", "code": "InternalError"},
			visible: true,
		},
		{
			name:    "message raw in a JSON body",
			in:      `{"Response":{"Error":{"Code":"InternalError","Message":"m` + p + `"},"RequestId":"r"}}` + "\n",
			want:    map[string]string{"message": "m" + dp},
			visible: true,
		},
		{
			name:    "SDK exception string",
			in:      "[TencentCloudSDKException] code:InternalError message:m" + p + " requestId:r" + p + "\n",
			want:    map[string]string{"message": "m" + dp},
			visible: true,
		},
		{
			name: "curl -v header values",
			in: "> POST / HTTP/1.1\n> Host: h\"o#s:t{[}]'\n> X-TC-Action: A" + p + "\n> X-TC-Version: 2017-03-12\n> \n" +
				"< HTTP/1.1 200 OK\n< Date: D" + p + "\n< \n" +
				`{"Response":{"Error":{"Code":"InternalError","Message":"m"},"RequestId":"r"}}` + "\n",
			// Header values that are not printable ASCII tokens are not
			// read; printable punctuation is, and must round-trip.
			want: map[string]string{"host": "h\"o#s:t{[}]'", "version": "2017-03-12"},
		},
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			for _, f := range escParseFormats {
				r := escRunCmd(t, in.in, f == "table", "parse", "-o", f)
				if r.status != 0 {
					t.Fatalf("-o %s: exit %d\n%s", f, r.status, r.stderr)
				}
				escCheck(t, r, f, in.want)
				if in.visible && (f == "table" || f == "plain") && !strings.Contains(r.stdout, `\u202e`) {
					t.Errorf("-o %s: the payload is not shown escaped:\n%s", f, r.stdout)
				}
			}
			for _, f := range escSummaryForms {
				r := escRunCmd(t, in.in, f == "table", "parse", "--summary", "-o", f)
				escCheck(t, r, f, map[string]string{"code": "InternalError"})
			}
		})
	}
}

func TestEscapingFileNames(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f"+escPayload)
	if err := os.WriteFile(name, []byte(`{"Response":{"Error":{"Code":"InternalError","Message":"m"},"RequestId":"r"}}`+"\n"), 0o644); err != nil {
		t.Skipf("the file system refuses the name: %v", err)
	}
	sub := filepath.Join(dir, "d"+escPayload)
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing"+escPayload)
	stdin := `{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"m"},"RequestId":"r"}}` + "\n"
	for _, f := range escParseFormats {
		// Two inputs, so that text output names the file of each finding.
		r := escRunCmd(t, stdin, f == "table", "parse", "-o", f, name, "-")
		if r.status != 0 {
			t.Fatalf("-o %s: exit %d\n%s", f, r.status, r.stderr)
		}
		escCheck(t, r, f, map[string]string{"file": textsafetest.Decoded(name)})
		if (f == "table" || f == "plain") && !strings.Contains(r.stdout, `\u202e`) {
			t.Errorf("-o %s: the file name is not shown escaped:\n%s", f, r.stdout)
		}
		for _, args := range [][]string{{missing}, {sub}, {missing, name}} {
			r := escRunCmd(t, "", true, append([]string{"parse", "-o", f}, args...)...)
			if r.status != 2 {
				t.Errorf("parse %q: exit %d, want 2", args, r.status)
			}
			escCheck(t, r, f, nil)
			if !strings.Contains(r.stderr, `\u202e`) {
				t.Errorf("parse %q: stderr does not name the file escaped:\n%s", args, r.stderr)
			}
		}
	}
	for _, f := range escSummaryForms {
		r := escRunCmd(t, stdin, f == "table", "parse", "--summary", "-o", f, name, "-")
		escCheck(t, r, f, map[string]string{"first_file": textsafetest.Decoded(name)})
	}
}

func TestEscapingArguments(t *testing.T) {
	p := escPayload
	tests := []struct {
		args    []string
		formats []string
		want    map[string]string // JSON/YAML fields of the first entry
	}{
		// Free text that matches codes: the query is echoed in JSON and YAML.
		{args: []string{"lookup", "AuthFailure." + p}, formats: escEntryFormats, want: map[string]string{"query": "AuthFailure." + textsafetest.Decoded(p)}},
		{args: []string{"lookup", "InternalError." + p, "AuthFailure.SignatureExpire"}, formats: escEntryFormats},
		{args: []string{"lookup", p}, formats: escEntryFormats},
		{args: []string{"lookup", "*" + p + "*"}, formats: escEntryFormats},
		{args: []string{"lookup", "--product", p, "AuthFailure"}, formats: escEntryFormats},
		{args: []string{"lookup", "--product", "cvm", p}, formats: escEntryFormats},
		{args: []string{"explain", "InternalError." + p}, formats: escEntryFormats},
		{args: []string{"explain", p}, formats: escEntryFormats},
		{args: []string{"explain", "Auth*" + p}, formats: escEntryFormats},
		{args: []string{"explain", "--product", p, "AuthFailure"}, formats: escEntryFormats},
		{args: []string{"list", "--category", p}, formats: escAllFormats},
		{args: []string{"list", "--action", p}, formats: escAllFormats},
		{args: []string{"list", "--retryable=" + p}, formats: escAllFormats},
		{args: []string{"list", "--product", p}, formats: escAllFormats},
		{args: []string{"list", "--product", "cvm"}, formats: escAllFormats},
		{args: []string{"products"}, formats: escAllFormats},
		{args: []string{"lookup", "--lang", p, "AuthFailure"}, formats: []string{"json"}},
		{args: []string{"products"}, formats: []string{p}},
		{args: []string{"parse", "--summary"}, formats: []string{"jsonl" + p}},
		{args: []string{"nosuch" + p}, formats: []string{"json"}},
		{args: []string{"lookup", "--nosuch" + p}, formats: []string{"json"}},
		// No output format: help, completion and flags that are not -o.
		{args: []string{"help", p}, formats: []string{""}},
		{args: []string{"help", "lookup", p}, formats: []string{""}},
		{args: []string{"completion", p}, formats: []string{""}},
		{args: []string{"__complete", "lookup", p}, formats: []string{""}},
		{args: []string{"__complete", "lookup", "--product", p, "A"}, formats: []string{""}},
		{args: []string{"__complete", "list", "--category", p}, formats: []string{""}},
		{args: []string{"lookup", "--color", p, "AuthFailure"}, formats: []string{""}},
	}
	for _, tt := range tests {
		for _, f := range tt.formats {
			for _, tty := range []bool{false, true} {
				args := tt.args
				if f != "" {
					args = append(args[:len(args):len(args)], "-o", f)
				}
				r := escRunCmd(t, "", tty, args...)
				t.Run(fmt.Sprintf("%q -o %q tty=%v", tt.args, f, tty), func(t *testing.T) {
					check := f
					if tt.args[0] == "__complete" {
						check = "plain" // the completion protocol: candidate, tab, description
					}
					escCheck(t, r, check, tt.want)
					// cobra quotes an unknown flag only up to its first '='.
					if strings.Contains(strings.Join(tt.args, " ")+f, p) && strings.Contains(r.stderr, "errcode: error") && !strings.Contains(r.stderr, `X\x1b]52;c;UFdORUQ`) {
						t.Errorf("stderr does not show the argument escaped:\n%s", r.stderr)
					}
				})
			}
		}
	}
}

// The two repros of issue 10, item 2, as the issue states them.
func TestEscapingIssue10Repros(t *testing.T) {
	r := escRunCmd(t, "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"a\\u009d52;c;UFdORUQ=\\u009c\\u202e\"},\"RequestId\":\"r\"}}\n", false, "parse", "-o", "json")
	escCheck(t, r, "json", map[string]string{"message": "a\u009d52;c;UFdORUQ=\u009c\u202e"})
	if !strings.Contains(r.stdout, `"message":"a\u009d52;c;UFdORUQ=\u009c\u202e"`) {
		t.Errorf("message not \\u-escaped:\n%s", r.stdout)
	}

	r = escRunCmd(t, "", false, "lookup", "-o", "yaml", "AuthFailure.\xff\xfe\x9b")
	escCheck(t, r, "yaml", map[string]string{"query": `AuthFailure.\xff\xfe\x9b`})
	if !bytes.Contains([]byte(r.stdout), []byte(`query: "AuthFailure.\\xff\\xfe\\x9b"`)) {
		t.Errorf("query not escaped as documented:\n%s", r.stdout)
	}
}
