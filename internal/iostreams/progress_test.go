package iostreams

import (
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	ios, _, _, errOut := Test()
	clock := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	if p := ios.StartProgress("a.log", 100, now); p != nil {
		t.Fatal("a progress line on a piped stderr")
	}
	var none *Progress
	none.Update(1, 1) // a nil line does nothing
	none.Stop()

	ios.SetStderrTTY(true)
	p := ios.StartProgress("/var/log/\x1b[2Japp.log", 4<<20, now)
	clock = clock.Add(50 * time.Millisecond)
	p.Update(1<<20, 3)
	if errOut.Len() != 0 {
		t.Errorf("drawn within 100 ms of the start: %q", errOut)
	}
	clock = clock.Add(950 * time.Millisecond)
	p.Update(2<<20, 7)
	if want := "\r\x1b[Kerrcode: \\x1b[2Japp.log: 2.0 MB of 4.0 MB (50%, 2.0 MB/s), 7 errors"; errOut.String() != want {
		t.Errorf("progress line %q, want %q", errOut, want)
	}
	errOut.Reset()
	p.Stop()
	if errOut.String() != "\r\x1b[K" {
		t.Errorf("Stop wrote %q, want the line erased", errOut)
	}
}

func TestHumanBytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1536: "1.5 KB", 5 << 20: "5.0 MB", 3 << 30: "3.0 GB"} {
		if got := HumanBytes(n); got != want {
			t.Errorf("HumanBytes(%d) = %q, want %q", n, got, want)
		}
	}
}
