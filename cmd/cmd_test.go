package cmd

import (
	"encoding/json"
	"io"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/iostreams"
)

// run runs errcode with args on test streams and returns the exit status and both outputs.
func run(t *testing.T, tty bool, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetEnv(func(k string) string { return env[k] })
	if tty {
		ios.SetStdoutTTY(true, 100)
		ios.SetStderrTTY(true)
	}
	code := Main(args, ios)
	return code, out.String(), errOut.String()
}

func TestExitStatuses(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"lookup", "AuthFailure.SignatureExpire"}, ExitOK},
		{[]string{"lookup", "authfailure.signatureexpire"}, ExitOK},
		{[]string{"lookup", "AuthFailure.*"}, ExitOK},
		{[]string{"lookup", "Nope.Nothing"}, ExitNotFound},
		{[]string{"lookup", "InternalError.SomethingNew"}, ExitNotFound},
		{[]string{"lookup"}, ExitUsage},
		{[]string{"lookup", "-o", "csv", "X"}, ExitUsage},
		{[]string{"explain", "AuthFailure.SignatureExpire"}, ExitOK},
		{[]string{"explain", "InternalError.SomethingNew"}, ExitNotFound},
		{[]string{"explain", "AuthFailure.*"}, ExitUsage},
		{[]string{"list"}, ExitOK},
		{[]string{"list", "--category", "InvalidAction", "--retryable"}, ExitNotFound},
		{[]string{"list", "--category", "Nope"}, ExitUsage},
		{[]string{"nosuch"}, ExitUsage},
		{[]string{"--lang", "fr", "list"}, ExitUsage},
		{[]string{"--version"}, ExitOK},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			for _, tty := range []bool{false, true} {
				if got, _, stderr := run(t, tty, nil, tt.args...); got != tt.want {
					t.Errorf("tty=%v: exit %d, want %d; stderr:\n%s", tty, got, tt.want, stderr)
				}
			}
		})
	}
}

// Arguments echoed back in diagnostics never carry control characters.
func TestEchoedArgumentsAreSanitized(t *testing.T) {
	evil := []string{"\x1b]0;owned\x07", "Auth\x1b[2JFailure.X", "abc\u202edef", "a\nb", "\x9b31m"}
	for _, arg := range evil {
		for _, cmd := range [][]string{{"lookup", arg}, {"explain", arg}, {"list", "--category", arg}, {"list", "--product", arg}, {"--lang", arg, "list"}, {"-o", arg, "list"}} {
			_, out, errOut := run(t, true, map[string]string{"NO_COLOR": "1"}, cmd...)
			for _, s := range []string{out, errOut} {
				if strings.ContainsAny(s, "\x1b\x07\u202e\u009b") {
					t.Errorf("%q: control character reached the terminal: %q", cmd, s)
				}
			}
			if strings.Count(errOut, "errcode: error:") > 1 {
				t.Errorf("%q: want at most one error line, got:\n%s", cmd, errOut)
			}
			if strings.Count(errOut, "\n") > 3 {
				t.Errorf("%q: stderr is longer than an error and its hints:\n%s", cmd, errOut)
			}
		}
	}
}

func TestLookupShapes(t *testing.T) {
	// Piped: tab-separated, no header.
	_, out, _ := run(t, false, nil, "lookup", "AuthFailure.SignatureExpire")
	if !strings.HasPrefix(out, "AuthFailure.SignatureExpire\tAuthFailure\tcommon\t") || strings.Contains(out, "CODE") {
		t.Errorf("piped lookup = %q", out)
	}
	// Terminal: a header and aligned columns.
	_, out, _ = run(t, true, map[string]string{"NO_COLOR": "1"}, "lookup", "AuthFailure.SignatureExpire")
	if !strings.HasPrefix(out, "CODE ") || strings.Contains(out, "\t") {
		t.Errorf("tty lookup = %q", out)
	}
	// Terminal with colour: the header is styled.
	_, out, _ = run(t, true, nil, "lookup", "AuthFailure.SignatureExpire")
	if !strings.Contains(out, "\x1b[") {
		t.Errorf("tty lookup without NO_COLOR has no colour: %q", out)
	}
}

func TestJSONIsAlwaysValid(t *testing.T) {
	for _, args := range [][]string{
		{"lookup", "-o", "json", "AuthFailure.SignatureExpire"},
		{"lookup", "-o", "json", "Nope.Nothing"},
		{"lookup", "-o", "json", "签名"},
		{"explain", "-o", "json", "InternalError.New"},
		{"list", "-o", "json"},
		{"list", "-o", "json", "--category", "InvalidAction", "--retryable"},
	} {
		for _, tty := range []bool{false, true} {
			_, out, _ := run(t, tty, nil, args...)
			var v []map[string]any
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Errorf("%q tty=%v: invalid JSON: %v\n%s", args, tty, err, out)
				continue
			}
			for _, e := range v {
				for _, k := range []string{"code", "category", "scope", "summary", "retryable", "retry_verdict", "retry_evidence"} {
					if _, ok := e[k]; !ok {
						t.Errorf("%q: entry lacks %q", args, k)
					}
				}
			}
		}
	}
}

func TestLang(t *testing.T) {
	tests := []struct {
		env  map[string]string
		flag string
		want string
	}{
		{nil, "", "en"},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, "", "zh"},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "", "en"},
		{map[string]string{"LC_MESSAGES": "zh_TW"}, "", "zh"},
		{map[string]string{"ERRCODE_LANG": "zh", "LANG": "en_US"}, "", "zh"},
		{map[string]string{"ERRCODE_LANG": "zh"}, "en", "en"},
		{nil, "zh", "zh"},
	}
	for _, tt := range tests {
		ios, _, _, _ := iostreams.Test()
		ios.SetEnv(func(k string) string { return tt.env[k] })
		a := &Factory{ios: ios, lang: tt.flag}
		if got := string(a.Lang()); got != tt.want {
			t.Errorf("env %v flag %q: Lang = %s, want %s", tt.env, tt.flag, got, tt.want)
		}
	}
}

func TestVersionFrom(t *testing.T) {
	rev := []debug.BuildSetting{{Key: "vcs.revision", Value: "55288c1910d3c2515f29c1ab98dbb8dc2a730afb"}}
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"go install @tag", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}, Settings: rev}, "v1.2.3"},
		{"checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: rev}, "devel-55288c1910d3"},
		{"dirty checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: append(rev, debug.BuildSetting{Key: "vcs.modified", Value: "true"})}, "devel-55288c1910d3-dirty"},
		{"go run", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel (no version information: built by go run or with -buildvcs=false; make build stamps one)"},
		{"no build info", nil, "devel (no build information)"},
	}
	for _, tt := range tests {
		if got := versionFrom(tt.bi, tt.bi != nil); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// Each NewCmdX only parses flags into its options: runF sees them and
// nothing runs.
func TestNewCmdOptions(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	f := &Factory{ios: ios}
	exec := func(c *cobra.Command, args ...string) {
		t.Helper()
		c.SetArgs(args)
		c.SetOut(io.Discard)
		if err := c.Execute(); err != nil {
			t.Fatalf("%s %q: %v", c.Name(), args, err)
		}
	}
	var lo *LookupOptions
	exec(NewCmdLookup(f, func(o *LookupOptions) error { lo = o; return nil }), "--scope", "tcr", "A", "B")
	if lo.Product != "tcr" || !slices.Equal(lo.Queries, []string{"A", "B"}) {
		t.Errorf("lookup options %+v", lo)
	}
	var li *ListOptions
	exec(NewCmdList(f, func(o *ListOptions) error { li = o; return nil }), "--retryable", "--category", "AuthFailure", "--action", "RunInstances")
	if li.Filter != (explain.ListFilter{Retryable: "true", Category: "AuthFailure", Action: "RunInstances"}) {
		t.Errorf("list options %+v", li.Filter)
	}
	var eo *ExplainOptions
	exec(NewCmdExplain(f, func(o *ExplainOptions) error { eo = o; return nil }), "--product", "cvm", "InternalError")
	if eo.Product != "cvm" || !slices.Equal(eo.Codes, []string{"InternalError"}) {
		t.Errorf("explain options %+v", eo)
	}
	var po *ParseOptions
	exec(NewCmdParse(f, func(o *ParseOptions) error { po = o; return nil }), "--steps", "-1", "--summary", "-q", "--product", "cbs", "a.log", "-")
	if po.Steps != -1 || !po.Summary || !po.Quiet || po.Product != "cbs" || !slices.Equal(po.Files, []string{"a.log", "-"}) {
		t.Errorf("parse options %+v", po)
	}
	ran := false
	exec(NewCmdProducts(f, func(*ProductsOptions) error { ran = true; return nil }))
	var co *CompletionOptions
	exec(NewCmdCompletion(f, func(o *CompletionOptions) error { co = o; return nil }), "fish")
	if !ran || co.Shell != "fish" {
		t.Errorf("products ran %v; completion options %+v", ran, co)
	}
	if out.Len() != 0 {
		t.Errorf("a command wrote %q with runF set", out.String())
	}
}
