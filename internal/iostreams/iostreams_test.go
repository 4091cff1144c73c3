package iostreams

import "testing"

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
