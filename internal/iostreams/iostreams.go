// Package iostreams owns every decision about the terminal: whether stdin,
// stdout and stderr are terminals, how wide the terminal is, and whether output
// is coloured. It is the only package that reads NO_COLOR, CLICOLOR,
// CLICOLOR_FORCE, TERM, COLUMNS and ERRCODE_FORCE_TTY.
//
// Layout (aligned table vs tab-separated rows) follows IsStdoutTTY; colour
// follows ColorEnabled. The two are separate decisions: CLICOLOR_FORCE colours
// piped output without changing its layout, and NO_COLOR removes colour from a
// terminal without changing its layout.
package iostreams

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/mattn/go-isatty"
)

// ColorMode is the value of the --color flag.
type ColorMode string

// Colour modes.
const (
	ColorAuto   ColorMode = "auto"
	ColorAlways ColorMode = "always"
	ColorNever  ColorMode = "never"
)

// ColorModes lists the accepted --color values, for help and completion.
var ColorModes = []string{string(ColorAuto), string(ColorAlways), string(ColorNever)}

// IOStreams carries the standard streams and what is known about them.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY, stdoutTTY, stderrTTY bool
	// forcedTTY is ERRCODE_FORCE_TTY: stdout is laid out as a terminal's
	// without being one, so it changes layout, never colour.
	forcedTTY bool
	width     int // terminal width of stdout; 0 when unknown
	env       func(string) string
	mode      ColorMode
}

// System returns the process's streams, with TTY facts read from the OS.
//
// ERRCODE_FORCE_TTY makes stdout count as a terminal even when it is not (for
// tests and for `| less -R`); a numeric value also sets the width.
func System() *IOStreams {
	s := &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		stdinTTY:  isTerminal(os.Stdin),
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
		env:       os.Getenv,
		mode:      ColorAuto,
	}
	if s.stdoutTTY {
		s.width = terminalWidth(os.Stdout)
	}
	s.applyForceTTY()
	return s
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

func (s *IOStreams) applyForceTTY() {
	v := s.env("ERRCODE_FORCE_TTY")
	if v == "" || v == "0" || strings.EqualFold(v, "false") {
		return
	}
	s.forcedTTY = true
	if n, err := strconv.Atoi(v); err == nil && n > 1 {
		s.width = n
	}
}

// Test returns streams backed by buffers: nothing is a terminal, colour is
// off, and the environment is empty. Use the setters to change that.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	s = &IOStreams{In: in, Out: out, ErrOut: errOut, env: func(string) string { return "" }, mode: ColorAuto}
	return s, in, out, errOut
}

// SetEnv replaces the environment lookup (tests).
func (s *IOStreams) SetEnv(getenv func(string) string) { s.env = getenv }

// Getenv reads the environment the streams were made with.
func (s *IOStreams) Getenv(key string) string { return s.env(key) }

// SetStdoutTTY marks stdout as a terminal of the given width (tests).
func (s *IOStreams) SetStdoutTTY(tty bool, width int) { s.stdoutTTY, s.width = tty, width }

// SetStderrTTY marks stderr as a terminal (tests).
func (s *IOStreams) SetStderrTTY(tty bool) { s.stderrTTY = tty }

// SetStdinTTY marks stdin as a terminal (tests).
func (s *IOStreams) SetStdinTTY(tty bool) { s.stdinTTY = tty }

// IsStdinTTY reports whether standard input is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStdoutTTY reports whether standard output is (or is forced to count as) a
// terminal: the layout decision. Colour is decided by ColorEnabled.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY || s.forcedTTY }

// IsStderrTTY reports whether standard error is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// TerminalWidth returns the width to lay text out in: the terminal's width
// (or COLUMNS) when stdout is a terminal, else 80.
func (s *IOStreams) TerminalWidth() int {
	if s.IsStdoutTTY() {
		if s.width > 0 {
			return s.width
		}
		if n, err := strconv.Atoi(s.env("COLUMNS")); err == nil && n > 0 {
			return n
		}
	}
	return 80
}

// SetColorMode sets the --color mode; it rejects unknown values.
func (s *IOStreams) SetColorMode(mode string) error {
	switch ColorMode(mode) {
	case ColorAuto, ColorAlways, ColorNever:
		s.mode = ColorMode(mode)
		return nil
	}
	return fmt.Errorf("invalid --color %q: want auto, always or never", mode)
}

// ColorEnabled decides whether stdout gets colour:
//   - --color=always / never win;
//   - else NO_COLOR (non-empty) turns colour off;
//   - else CLICOLOR_FORCE (non-empty, not "0") turns it on, even when piped;
//   - else CLICOLOR=0 or TERM=dumb turn it off;
//   - else colour follows whether stdout is a terminal (a real one:
//     ERRCODE_FORCE_TTY changes the layout only).
func (s *IOStreams) ColorEnabled() bool { return s.colorFor(s.stdoutTTY) }

func (s *IOStreams) colorFor(tty bool) bool {
	switch s.mode {
	case ColorAlways:
		return true
	case ColorNever:
		return false
	}
	if s.env("NO_COLOR") != "" {
		return false
	}
	if v := s.env("CLICOLOR_FORCE"); v != "" && v != "0" {
		return true
	}
	if s.env("CLICOLOR") == "0" || s.env("TERM") == "dumb" {
		return false
	}
	return tty
}
