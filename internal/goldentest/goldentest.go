// Package goldentest compares a value with its reviewed JSON golden file,
// for the table tests of parse's corpora: indented, HTML left as it is,
// rewritten with -update.
package goldentest

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// JSON encodes v and compares it with the file at path, or writes it there
// when update is set. A missing file fails with a hint to run -update and
// review the result.
func JSON(t *testing.T, path string, v any, update bool) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	if update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update and review the result)", err)
	}
	if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(buf.Bytes())) {
		t.Errorf("differs from %s:\n--- got\n%s\n--- want\n%s", path, buf.Bytes(), want)
	}
}
