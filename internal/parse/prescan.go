package parse

// Prescanning.
//
// In a pipelined scan the caller's goroutine runs processLine on the lines
// that matter and the caller's emit, while the reader's goroutine only reads
// and marks. When the reader is ahead, it also scans the marked lines
// itself, ahead of time, with a scanner of its own: one that starts each line
// in the quiet state and whose KnownCode and InferCode only note that they
// were asked. When neither was asked and the line leaves the state quiet,
// the line's findings are exactly those processLine would produce in the
// quiet state (nothing else goes into it), and the scanner takes them as
// they are when it reaches the line in that state.

// prescan is the outcome of scanning one line ahead of time.
type prescan struct {
	lineNo    int   // the line's number ...
	off       int64 // ... and input offset, for a check
	from, to  int   // its findings: chunk.found[from:to]
	lastTrunc bool
}

// maxPrescans bounds the lines prescanned in one chunk (and so the memory
// their findings take).
const maxPrescans = 1024

// prescanner scans marked lines ahead of time on the reader's goroutine.
type prescanner struct {
	s     *scanner
	asked bool // KnownCode or InferCode was called
}

func newPrescanner(opt Options) *prescanner {
	p := &prescanner{}
	// The same funcs set or unset as the caller's, for the same paths.
	if opt.KnownCode != nil {
		opt.KnownCode = func(string) bool { p.asked = true; return false }
	}
	if opt.InferCode != nil {
		opt.InferCode = func(string) (string, bool) { p.asked = true; return "", false }
	}
	if opt.MessageWord != nil {
		opt.MessageWord = func(string) bool { p.asked = true; return false }
	}
	opt.Progress = nil
	p.s = &scanner{opt: opt, emit: func(Finding) error { return nil }}
	return p
}

// scan prescans up to limit marked lines of c, a block of whole lines that
// starts on line lineNo+1 at input offset off.
func (p *prescanner) scan(c *chunk, lineNo int, off int64, limit int) {
	s := p.s
	c.pre, c.found = c.pre[:0], c.found[:0]
	limit = min(limit, maxPrescans)
	for i := range c.marks {
		if len(c.pre) >= limit {
			return
		}
		m := &c.marks[i]
		if m.a >= 0 {
			continue // a prose token: up to KnownCode
		}
		line := c.data[m.line:lineEnd(c.data, m.line)]
		if len(line) > s.opt.MaxRecord || startMatters(line) {
			continue // cut, or context() may act on it
		}
		p.asked = false
		s.lineNo, s.lineOff = lineNo+m.nl+1, off+int64(m.line)
		s.out = s.out[:0]
		s.processLine(line, false)
		if p.asked || !s.quiet() || s.http != (httpCtx{}) || s.tcc != (tccliCtx{}) {
			// not usable: start the next line afresh
			s.obj, s.node, s.held = nil, nil, nil
			s.curl, s.http, s.tcc = curlCtx{}, httpCtx{}, tccliCtx{}
			s.proseCache = nil // it may hold the stub's answers
			continue
		}
		m.pre = len(c.pre)
		c.pre = append(c.pre, prescan{lineNo: s.lineNo, off: s.lineOff, from: len(c.found), to: len(c.found) + len(s.out), lastTrunc: s.lastTrunc})
		c.found = append(c.found, s.out...)
	}
}
