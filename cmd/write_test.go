package cmd

import (
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/errcode-dev/errcode/internal/iostreams"
)

// fullWriter fails every write as /dev/full does.
type fullWriter struct{}

func (fullWriter) Write(p []byte) (int, error) {
	return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
}

// TestWriteErrors checks that every command exits 2 with an I/O hint when its
// output cannot be written, and that nothing to write is not an error.
func TestWriteErrors(t *testing.T) {
	tests := []struct {
		args  []string
		stdin string
		want  int
	}{
		{[]string{"--help"}, "", 2},
		{[]string{}, "", 2},
		{[]string{"--version"}, "", 2},
		{[]string{"help", "environment"}, "", 2},
		{[]string{"help", "exit-codes"}, "", 2},
		{[]string{"__complete", "explain", "Auth"}, "", 2},
		{[]string{"explain", "AuthFailure.SignatureExpire"}, "", 2},
		{[]string{"explain", "-o", "yaml", "AuthFailure.SignatureExpire"}, "", 2},
		{[]string{"lookup", "AuthFailure"}, "", 2},
		{[]string{"lookup", "-o", "json", "AuthFailure"}, "", 2},
		{[]string{"list"}, "", 2},
		{[]string{"products"}, "", 2},
		{[]string{"completion", "zsh"}, "", 2},
		{[]string{"parse"}, `{"Response":{"Error":{"Code":"InternalError","Message":"x"},"RequestId":"r"}}`, 2},
		{[]string{"parse", "-o", "jsonl"}, `{"Response":{"Error":{"Code":"InternalError","Message":"x"},"RequestId":"r"}}`, 2},
		{[]string{"parse", "--summary", "-o", "json"}, `{"Response":{"Error":{"Code":"InternalError","Message":"x"},"RequestId":"r"}}`, 2},
		{[]string{"parse", "-o", "json"}, "nothing here", 2}, // writes []
		{[]string{"lookup", "NoSuch.CodeAnywhere"}, "", 1},   // nothing to write
		{[]string{"parse"}, "nothing here", 1},
	}
	for _, tt := range tests {
		ios, stdin, _, errOut := iostreams.Test()
		ios.Out = fullWriter{}
		stdin.WriteString(tt.stdin)
		got := Main(tt.args, ios)
		if got != tt.want {
			t.Errorf("%v: exit %d, want %d; stderr:\n%s", tt.args, got, tt.want, errOut)
		}
		if tt.want != 2 {
			if strings.Contains(errOut.String(), "writing output") {
				t.Errorf("%v: a write error with nothing to write:\n%s", tt.args, errOut)
			}
			continue
		}
		want := "errcode: error: writing output: no space left on device\nerrcode: hint: check the disk or the pipe that receives errcode's output\n"
		if !strings.HasSuffix(errOut.String(), want) || strings.Contains(errOut.String(), "for usage") {
			t.Errorf("%v: stderr\n%s\nwant it to end with\n%s", tt.args, errOut, want)
		}
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]string{
		"en": "en", "EN": "en", "en-US": "en", "en_GB.UTF-8": "en",
		"zh": "zh", "ZH": "zh", "zh-CN": "zh", "zh_TW": "zh", "zh-Hans": "zh", "zh_CN.UTF-8": "zh", " zh ": "zh",
		"": "", "fr": "", "C": "", "chinese": "", "zhx": "", "e": "",
	} {
		got, ok := parseLang(in)
		if string(got) != want || ok != (want != "") {
			t.Errorf("parseLang(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestLangWarnsOnce(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	ios.SetEnv(func(k string) string {
		return map[string]string{"ERRCODE_LANG": "fr\x1b[31m", "LANG": "zh_CN.UTF-8"}[k]
	})
	a := &Factory{ios: ios}
	for range 3 {
		if got := a.Lang(); got != "zh" {
			t.Fatalf("Lang() = %q, want zh from LANG", got)
		}
	}
	want := "errcode: warning: ignoring ERRCODE_LANG=\"fr\\x1b[31m\": not en or zh; using Chinese\n"
	if errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}
