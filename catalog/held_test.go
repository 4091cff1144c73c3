package catalog

import (
	"testing"

	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// What is read of a held entry without decoding it (its code, definition
// and retry verdict) agrees with the decoded entry, and decoding one twice
// yields the same *Entry.
func TestHeldPartialReads(t *testing.T) {
	if numCurated == 0 || classCount() == 0 {
		t.Fatalf("held.bin holds %d curated entries and %d classes", numCurated, classCount())
	}
	for i := range heldCount() {
		e := heldEntry(i)
		if heldEntry(i) != e {
			t.Fatalf("held entry %d decoded twice", i)
		}
		if got := heldCode(i); got != e.Code {
			t.Errorf("held entry %d: code %q, decoded %q", i, got, e.Code)
		}
		d := readHeldDefinition(i)
		if d.Code != e.Code || d.Scope != e.Scope || d.Summary != e.Summary || d.Solution != e.Solution || d.Imported {
			t.Errorf("held entry %d (%s): definition %+v", i, e.Code, d)
		}
		if v, r := readHeldRetry(i); v != e.Verdict || r != e.Retryable {
			t.Errorf("held entry %d (%s): retry %s %v, decoded %s %v", i, e.Code, v, r, e.Verdict, e.Retryable)
		}
		if i < numCurated && e.Verdict == "" {
			t.Errorf("curated entry %d (%s) has no verdict", i, e.Code)
		}
	}
	if got := catalogfmt.SectionCount(""); got != 0 {
		t.Errorf("SectionCount(\"\") = %d", got)
	}
}
