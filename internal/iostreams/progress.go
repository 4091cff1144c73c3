package iostreams

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/errcode-dev/errcode/internal/textsafe"
)

// Progress is the transient "app.log: 120 MB of 2.0 GB (6%, 85 MB/s), 12
// errors" line of a long read on a terminal's stderr, redrawn at most every
// 100 ms and erased when the read ends.
type Progress struct {
	w      io.Writer
	name   string
	size   int64
	now    func() time.Time
	start  time.Time
	last   time.Time
	active bool
}

// StartProgress starts the progress line of reading name, size bytes long,
// timed by now; nil (which does nothing) when stderr is not a terminal.
func (s *IOStreams) StartProgress(name string, size int64, now func() time.Time) *Progress {
	if !s.IsStderrTTY() {
		return nil
	}
	t := now()
	return &Progress{w: s.ErrOut, name: textsafe.Clean(filepath.Base(name)), size: size, now: now, start: t, last: t}
}

// Update redraws the line: done bytes read, and found errors.
func (p *Progress) Update(done int64, found int) {
	if p == nil {
		return
	}
	t := p.now()
	if t.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = t
	rate := float64(done) / t.Sub(p.start).Seconds()
	pct := 100 * float64(done) / float64(p.size)
	fmt.Fprintf(p.w, "\r\x1b[Kerrcode: %s: %s of %s (%.0f%%, %s/s), %d errors", p.name,
		HumanBytes(done), HumanBytes(p.size), pct, HumanBytes(int64(rate)), found)
	p.active = true
}

// Stop erases the line, if it was drawn.
func (p *Progress) Stop() {
	if p != nil && p.active {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// HumanBytes is a size as people read it: 512 B, 1.5 KB, 120.0 MB.
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
