package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/internal/iostreams"
)

// The secret suite (issue 10, items 3-5): every credential shape the README
// promises to redact is planted in parse's input, read from standard input
// and from files whose names hold keys too, in every output format and with
// --summary; and in arguments and file names errcode echoes. No planted
// value may appear on stdout or stderr.

// secretShapes are the shapes, with %s where the planted value goes.
var secretShapes = []string{
	"Authorization: Bearer %s",
	"authorization: Basic %s",
	`curl -H "Authorization: Bearer %s" https://cvm.tencentcloudapi.com`,
	"X-TC-Token: %s",
	"https://user:%s@example.com/x",
	"mysql://root:%s@tcp(10.0.0.1:3306)/db",
	"redis://:%s@10.0.0.2:6379/0",
	"postgres://app:%s@db.internal:5432/x?sslmode=disable",
	"dsn=root:%s@tcp(127.0.0.1:3306)/db",
	"PassWord=%s",
	"ToKen=%s",
	"SIGNature=%s",
	"Token=Bearer %s",
	"tccli configure set secretKey %s",
	"tccli configure set secretKey=%s",
	"tccli configure set --secretKey %s",
	`'SecretKey' => '%s'`,
	`:secret_key => '%s'`,
	"<SecretKey>%s</SecretKey>",
	"SecretKey：%s",
	"SecretKey\t%s",
	`{"SecretKey":"%s"}`,
	`{\"SecretKey\":\"%s\"}`,
	`{\\\"SecretKey\\\":\\\"%s\\\"}`,
	`{'secret_key': u'%s'}`,
	"%%22SecretKey%%22%%3A%%22%s%%22",
	"SecretKey%%3D%s",
	"SecretKey:\n  %s",
	"{\n  \"SecretKey\":\n    \"%s\"\n}",
	"password: |\n  %s",
	"pwd=%s", "passwd=%s", "AccessKey=%s", "access_key_secret=%s", "api_key=%s", "apikey=%s",
	"private_key=%s", "privateKey=%s", "skey=%s", "client_secret=%s", "session_token=%s",
	"export TENCENTCLOUD_SECRET_KEY=%s",
	"Credential=AKID%s/2024-01-01/cvm/tc3_request",
	"the SecretId AKID%s is not found",
}

// plantedValue is the secret planted in shape i: letters and digits only,
// long enough for a SecretId after "AKID", unique, and in no other text.
func plantedValue(i int) string { return fmt.Sprintf("Pl4nt%02dQz7Wv9Xk3Jm5Rt8Yb", i) }

// planted returns the shapes filled in, and their values.
func planted() (shapes, values []string) {
	for i, s := range secretShapes {
		v := plantedValue(i)
		shapes = append(shapes, fmt.Sprintf(s, v))
		values = append(values, v)
	}
	return shapes, values
}

// secretInput is parse input holding every shape: in the message of an API
// 3.0 body (where the message keeps line breaks), in a Go SDK error line,
// and as raw lines around them.
func secretInput(shapes []string) string {
	var b strings.Builder
	for i, s := range shapes {
		msg, _ := json.Marshal("bad request: " + s)
		fmt.Fprintf(&b, `{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":%s},"RequestId":"req-%d"}}`+"\n", msg, i)
		if !strings.Contains(s, "\n") {
			fmt.Fprintf(&b, "[TencentCloudSDKError] Code=InvalidParameter, Message=bad %s, RequestId=req-%d\n", s, i)
		}
		b.WriteString(s + "\n")
	}
	return b.String()
}

type run struct {
	status         int
	stdout, stderr string
}

// errcode runs the command in-process with stdin and a piped (or, with
// tty, a terminal) stdout.
func errcode(stdin string, tty bool, args ...string) run {
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	if tty {
		ios.SetStdoutTTY(true, 100)
	}
	st := cmd.Main(args, ios)
	return run{st, out.String(), errOut.String()}
}

// noneLeaks fails when any value appears in r's output.
func noneLeaks(t *testing.T, what string, r run, values []string) {
	t.Helper()
	for _, v := range values {
		if strings.Contains(r.stdout, v) {
			t.Errorf("%s: %q on stdout:\n%s", what, v, excerpt(r.stdout, v))
		}
		if strings.Contains(r.stderr, v) {
			t.Errorf("%s: %q on stderr:\n%s", what, v, excerpt(r.stderr, v))
		}
	}
}

func excerpt(s, v string) string {
	i := strings.Index(s, v)
	return s[max(0, i-120):min(len(s), i+len(v)+40)]
}

var parseFormats = [][]string{
	{"-o", "table"}, {"-o", "plain"}, {"-o", "json"}, {"-o", "jsonl"}, {"-o", "yaml"},
	{"--summary", "-o", "table"}, {"--summary", "-o", "plain"}, {"--summary", "-o", "json"}, {"--summary", "-o", "yaml"},
}

func TestSecretsNeverEchoedByParse(t *testing.T) {
	shapes, values := planted()
	input := secretInput(shapes)

	// File names hold keys too: the block headers, the file field and
	// --summary's FIRST/LAST columns (two files) show them.
	dir := t.TempDir()
	akidName := "AKID" + plantedValue(90)
	keyName := "SecretKey=" + plantedValue(91)
	values = append(values, plantedValue(90), plantedValue(91))
	files := []string{filepath.Join(dir, akidName+".log"), filepath.Join(dir, keyName+".log")}
	for _, f := range files {
		if err := os.WriteFile(f, []byte(input), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "Token="+plantedValue(92)+".log")
	values = append(values, plantedValue(92))

	for _, format := range parseFormats {
		for _, tty := range []bool{false, true} {
			name := fmt.Sprintf("%s tty=%v", strings.Join(format, " "), tty)
			r := errcode(input, tty, append([]string{"parse"}, format...)...)
			if r.status != 0 {
				t.Errorf("%s, stdin: exit %d; stderr:\n%s", name, r.status, r.stderr)
			}
			noneLeaks(t, name+", stdin", r, values)

			r = errcode("", tty, append(append([]string{"parse"}, format...), append(files, missing)...)...)
			if r.status != 2 {
				t.Errorf("%s, files: exit %d, want 2 (one file is missing); stderr:\n%s", name, r.status, r.stderr)
			}
			if !strings.Contains(r.stderr, "Token=[REDACTED]") {
				t.Errorf("%s, files: the missing file is not named, redacted, on stderr:\n%s", name, r.stderr)
			}
			noneLeaks(t, name+", files", r, values)
		}
	}
}

// TestSecretShapesAreShown makes the suite above able to fail: each
// shape's message does reach the output, with the secret replaced.
func TestSecretShapesAreShown(t *testing.T) {
	shapes, values := planted()
	for i, s := range shapes {
		msg, _ := json.Marshal("bad request: " + s)
		in := `{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":` + string(msg) + `},"RequestId":"r"}}` + "\n"
		r := errcode(in, false, "parse", "-o", "jsonl")
		var rec struct{ Message string }
		if err := json.Unmarshal([]byte(r.stdout), &rec); err != nil {
			t.Fatalf("shape %q: %v\n%s", s, err, r.stdout)
		}
		if !strings.HasPrefix(rec.Message, "bad request: ") || !strings.Contains(rec.Message, "[REDACTED]") && !strings.Contains(rec.Message, "AKID****") {
			t.Errorf("shape %q: message %q is not the redacted input", s, rec.Message)
		}
		if strings.Contains(rec.Message, values[i]) {
			t.Errorf("shape %q: message %q keeps the secret", s, rec.Message)
		}
	}
}

// TestSecretCutAtLineLimit: a SecretId cut at the 64 KiB line limit leaves
// no part of itself (issue 10, item 4).
func TestSecretCutAtLineLimit(t *testing.T) {
	const akid = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
	for _, prefix := range []string{
		"[TencentCloudSDKError] Code=InternalError, Message=bad ",
		`{"Response":{"Error":{"Code":"InternalError","Message":"bad `,
	} {
		for _, keep := range []int{1, 6, 19} { // characters of the key id before the cut
			line := prefix + strings.Repeat("x", 64<<10-len(prefix)-4-keep) + akid + `, RequestId=r"}}` + "\n"
			for _, format := range parseFormats {
				r := errcode(line, false, append([]string{"parse"}, format...)...)
				if r.status != 0 {
					t.Fatalf("%s: exit %d; stderr:\n%s", format, r.status, r.stderr)
				}
				if strings.Contains(r.stdout+r.stderr, akid[:4+keep]) {
					t.Errorf("%q, %d characters kept, %s: %q survives the cut:\n%s", prefix, keep, format, akid[:4+keep], excerpt(r.stdout, akid[:4+keep]))
				}
				if len(format) == 2 && format[1] == "jsonl" && !strings.Contains(r.stdout, "AKID****") {
					t.Errorf("%q, %d characters kept: no AKID**** where the cut key was:\n%s", prefix, keep, r.stdout[len(r.stdout)-200:])
				}
			}
		}
	}
}

// TestSecretsNeverEchoedFromArguments: arguments and flag values errcode
// repeats in errors, hints and JSON/YAML fields are redacted (issue 10,
// item 5).
func TestSecretsNeverEchoedFromArguments(t *testing.T) {
	v := plantedValue(80)
	akid := "AKID" + v
	dir := t.TempDir()
	secretDir := filepath.Join(dir, "SecretKey="+v)
	if err := os.Mkdir(secretDir, 0o700); err != nil {
		t.Fatal(err)
	}
	cases := [][]string{
		{"lookup", akid}, {"lookup", "SecretKey=" + v}, {"lookup", "Password: " + v}, {"lookup", "SecretKey\t" + v},
		{"lookup", "*" + akid + "*"}, {"lookup", "Token=" + v, "AuthFailure"},
		{"explain", akid}, {"explain", "SecretKey=" + v}, {"explain", "SecretKey\t" + v}, {"explain", "*Token=" + v + "*"},
		{"explain", "AuthFailure.X" + akid},
		{"lookup", "--product", "SecretKey=" + v, "AuthFailure"}, {"list", "--category", "Password=" + v},
		{"list", "--action", "Token=" + v}, {"list", "--retryable", "Token=" + v},
		{"--lang", "Token=" + v, "lookup", "AuthFailure"}, {"-o", "Token=" + v, "lookup", "AuthFailure"},
		{"--color", "Token=" + v, "lookup", "AuthFailure"},
		{"nosuch" + akid}, {"lookup", "--Token=" + v}, {"completion", akid},
		{"parse", filepath.Join(dir, akid+".log")}, {"parse", filepath.Join(dir, "Token="+v+".log")}, {"parse", secretDir},
	}
	for _, args := range cases {
		for _, format := range []string{"", "table", "plain", "json", "yaml"} {
			a := args
			if format != "" {
				a = append([]string{"-o", format}, args...)
			}
			r := errcode("", format == "table", a...)
			if r.stdout == "" && r.stderr == "" {
				t.Errorf("%q: no output at all", a)
			}
			noneLeaks(t, fmt.Sprintf("%q", a), r, []string{v})
		}
	}
	// The query field of lookup's JSON keeps what was asked, redacted.
	r := errcode("", false, "lookup", "-o", "json", "SecretKey="+v)
	if !strings.Contains(r.stdout, `"query": "SecretKey=[REDACTED]"`) {
		t.Errorf("lookup -o json: no redacted query field:\n%.600s", r.stdout)
	}
}
