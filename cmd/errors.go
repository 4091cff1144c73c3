package cmd

import "fmt"

// Exit statuses, grep-like. They are part of errcode's interface: see README
// and `errcode help exit-codes`.
const (
	ExitOK       = 0 // found: every query resolved, or parse found at least one error
	ExitNotFound = 1 // nothing found: an unknown code (even one shown through its class), or no error in the input
	ExitUsage    = 2 // usage or input error: bad flag or argument, unreadable file, output that cannot be written
)

// exitError carries an exit status and the diagnostics to print for it.
// An empty msg means the command already printed its diagnostics.
type exitError struct {
	code  int
	msg   string
	hints []string
}

func (e *exitError) Error() string { return e.msg }

// usageErr is a usage error (exit 2) with optional hints.
func usageErr(hints []string, format string, args ...any) error {
	return &exitError{code: ExitUsage, msg: fmt.Sprintf(format, args...), hints: hints}
}

// notFound is the silent exit 1: the command has already said what was missing.
var errNotFound = &exitError{code: ExitNotFound}
