package explain

import (
	"fmt"
	"strings"
	"testing"
)

func TestCodeTallyBounded(t *testing.T) {
	for _, keep := range []bool{true, false} {
		tl := newTally(keep)
		for i := 0; i < 5*MaxUnknownCodes; i++ {
			tl.add(fmt.Sprintf("InternalError.D%d", i), "-", i+1, false, "Internal error.")
			// Known codes in any case and with surrounding space are one code.
			known := "AuthFailure.SignatureExpire"
			if i%2 == 1 {
				known = " " + strings.ToUpper(known)
			}
			tl.add(known, "-", i+1, true, "Signature expired.")
		}
		if got := len(tl.rows); got != MaxUnknownCodes+1 {
			t.Errorf("keep=%v: %d codes tracked, want %d", keep, got, MaxUnknownCodes+1)
		}
		if n, more := tl.distinct(); n != MaxUnknownCodes+1 || !more {
			t.Errorf("keep=%v: distinct() = %d, %v, want %d, true", keep, n, more, MaxUnknownCodes+1)
		}
		if !keep {
			if len(tl.order) != 0 {
				t.Errorf("keep=false holds %d rows", len(tl.order))
			}
			continue
		}
		rows := tl.sorted()
		if len(rows) != MaxUnknownCodes+2 {
			t.Fatalf("%d rows, want %d", len(rows), MaxUnknownCodes+2)
		}
		first, last := rows[0], rows[len(rows)-1]
		if first.Code != "AuthFailure.SignatureExpire" || first.Count != 5*MaxUnknownCodes || first.FirstLine != 1 {
			t.Errorf("first row %+v, want the known code, first spelling, counted in every case", *first)
		}
		if !last.Other || last.Code != otherCode || last.Count != 4*MaxUnknownCodes ||
			last.FirstLine != MaxUnknownCodes+1 || last.LastLine != 5*MaxUnknownCodes {
			t.Errorf("last row %+v, want the other codes", *last)
		}
	}
}

func TestCodeTallyUnderTheCap(t *testing.T) {
	tl := newTally(true)
	tl.add("InternalError.X", "a", 3, false, "")
	tl.add("internalerror.x", "b", 9, false, "")
	if n, more := tl.distinct(); n != 1 || more {
		t.Errorf("distinct() = %d, %v, want 1, false", n, more)
	}
	rows := tl.sorted()
	if len(rows) != 1 || rows[0].Count != 2 || rows[0].FirstFile != "a" || rows[0].LastFile != "b" || rows[0].LastLine != 9 {
		t.Errorf("rows %+v", rows)
	}
}
