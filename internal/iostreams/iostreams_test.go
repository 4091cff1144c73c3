package iostreams

import (
	"os"
	"syscall"
	"testing"
)

func TestColorDecision(t *testing.T) {
	tests := []struct {
		name string
		mode string
		tty  bool
		env  map[string]string
		want bool
	}{
		{"terminal", "auto", true, nil, true},
		{"piped", "auto", false, nil, false},
		{"NO_COLOR on a terminal", "auto", true, map[string]string{"NO_COLOR": "1"}, false},
		{"empty NO_COLOR is unset", "auto", true, map[string]string{"NO_COLOR": ""}, true},
		{"CLICOLOR=0", "auto", true, map[string]string{"CLICOLOR": "0"}, false},
		{"TERM=dumb", "auto", true, map[string]string{"TERM": "dumb"}, false},
		{"CLICOLOR_FORCE piped", "auto", false, map[string]string{"CLICOLOR_FORCE": "1"}, true},
		{"CLICOLOR_FORCE=0 is unset", "auto", false, map[string]string{"CLICOLOR_FORCE": "0"}, false},
		{"NO_COLOR beats CLICOLOR_FORCE", "auto", false, map[string]string{"NO_COLOR": "1", "CLICOLOR_FORCE": "1"}, false},
		{"always beats NO_COLOR", "always", false, map[string]string{"NO_COLOR": "1"}, true},
		{"never beats CLICOLOR_FORCE", "never", true, map[string]string{"CLICOLOR_FORCE": "1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _, _ := Test()
			s.SetEnv(func(k string) string { return tt.env[k] })
			s.SetStdoutTTY(tt.tty, 80)
			if err := s.SetColorMode(tt.mode); err != nil {
				t.Fatal(err)
			}
			if got := s.ColorEnabled(); got != tt.want {
				t.Errorf("ColorEnabled = %v, want %v", got, tt.want)
			}
		})
	}
	s, _, _, _ := Test()
	if err := s.SetColorMode("sometimes"); err == nil {
		t.Error("SetColorMode accepted an unknown mode")
	}
}

func TestWidthAndForcedTTY(t *testing.T) {
	s, _, _, _ := Test()
	if s.IsStdoutTTY() || s.TerminalWidth() != 80 {
		t.Errorf("test streams: tty=%v width=%d, want false 80", s.IsStdoutTTY(), s.TerminalWidth())
	}
	env := map[string]string{"ERRCODE_FORCE_TTY": "132"}
	s.SetEnv(func(k string) string { return env[k] })
	s.applyForceTTY()
	if !s.IsStdoutTTY() || s.TerminalWidth() != 132 {
		t.Errorf("ERRCODE_FORCE_TTY=132: tty=%v width=%d", s.IsStdoutTTY(), s.TerminalWidth())
	}
	// Layout and colour are separate decisions: a forced layout on a pipe
	// stays uncoloured unless colour is asked for too.
	if s.ColorEnabled() {
		t.Error("ERRCODE_FORCE_TTY turned colour on for a pipe")
	}
	env["CLICOLOR_FORCE"] = "1"
	if !s.ColorEnabled() {
		t.Error("ERRCODE_FORCE_TTY with CLICOLOR_FORCE=1: no colour")
	}
	s, _, _, _ = Test()
	env = map[string]string{"ERRCODE_FORCE_TTY": "1", "COLUMNS": "60"}
	s.SetEnv(func(k string) string { return env[k] })
	s.applyForceTTY()
	if !s.IsStdoutTTY() || s.TerminalWidth() != 60 {
		t.Errorf("ERRCODE_FORCE_TTY=1 COLUMNS=60: tty=%v width=%d", s.IsStdoutTTY(), s.TerminalWidth())
	}
	s, _, _, _ = Test()
	env = map[string]string{"ERRCODE_FORCE_TTY": "0"}
	s.SetEnv(func(k string) string { return env[k] })
	s.applyForceTTY()
	if s.IsStdoutTTY() {
		t.Error("ERRCODE_FORCE_TTY=0 forced a terminal")
	}
}

type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.n == 0 {
		return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
	}
	f.n--
	return len(p), nil
}

func TestErrWriter(t *testing.T) {
	w := &ErrWriter{W: &failingWriter{n: 1}}
	if _, err := w.Write([]byte("ok")); err != nil || w.Err() != nil {
		t.Fatalf("first write: %v, Err %v", err, w.Err())
	}
	if _, err := w.Write([]byte("full")); err == nil {
		t.Fatal("second write did not fail")
	}
	if w.Err() == nil {
		t.Fatal("Err() is nil after a failed write")
	}
	// Sticky: a later write fails too, without reaching the writer.
	w.W = &failingWriter{n: 10}
	if _, err := w.Write([]byte("again")); err == nil {
		t.Error("a write after a failure succeeded")
	}
	if got := WriteErrorText(w.Err()); got != "no space left on device" {
		t.Errorf("WriteErrorText = %q", got)
	}
}
