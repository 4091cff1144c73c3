package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/internal/iostreams"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"errcode": func() { os.Exit(cmd.Main(os.Args[1:], iostreams.System())) },
	})
}

// TestScript runs the end-to-end scripts in testdata/script: one per
// subcommand, plus errors, colour and completion. `go test -run TestScript
// -update` rewrites their expected output in place (review the diff).
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			// A clean, predictable environment: no locale, no colour hints.
			for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "ERRCODE_LANG", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "ERRCODE_FORCE_TTY", "COLUMNS", "TENCENTCLOUD_SECRET_ID"} {
				env.Setenv(k, "")
			}
			env.Setenv("TERM", "xterm-256color")
			return nil
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "bash-completion":
				_, err := os.Stat("/usr/share/bash-completion/bash_completion")
				return err == nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// status N CMD ARGS... runs CMD and fails unless it exits with status N.
			"status": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: status N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("status: bad exit status %q", args[0])
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("status: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
				}
			},
		},
	})
}
