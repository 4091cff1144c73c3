package parse

import (
	"io"
	"runtime"
)

// chunk is a block of the input (see blockReader.next) with the marks of the
// lines that may matter in it.
type chunk struct {
	buf   []byte // the buffer the block lies in
	data  []byte // the block
	n     int    // input bytes of the block
	long  bool   // data is one line longer than the buffer
	cut   bool   // ... and bytes of it were dropped
	marks []mark
	nl    int       // newlines in the block (when marked)
	pre   []prescan // lines scanned ahead of time (see prescanner)
	found []Finding // their findings
	acc   []byte    // holds a long line

	last     bool  // the input ended: no block, err is the read error or nil
	err      error //
	panicked any   // the reader panicked with this value
}

// chunkSource reads chunks and marks their lines.
type chunkSource struct {
	br     *blockReader
	filter *lineFilter // marks the lines of a chunk, when set
	pre    *prescanner // prescans marked lines, when set
	share  int         // eighths of the marked lines to prescan
	// prescanAll is prescanMode as the scan started: read once on the
	// caller's goroutine, since a reader may outlive its scan (emit failed)
	// while a test sets the next mode.
	prescanAll bool
	// bufSize is readBufSize as the scan started, for the same reason.
	bufSize int

	lines int   // lines before the next chunk (kept when marking)
	off   int64 // input offset of the next chunk
}

func newChunkSource(r io.Reader, opt *Options) *chunkSource {
	cs := &chunkSource{br: newBlockReader(r, nil, opt.MaxRecord)}
	if fastPath {
		cs.filter = newLineFilter(opt)
	}
	return cs
}

// fill reads the next chunk into c; with prescan, it prescans a share of its
// marked lines too.
func (cs *chunkSource) fill(c *chunk, prescan bool) {
	data, n, long, cut, err := cs.br.next()
	c.data, c.n, c.long, c.cut = data, n, long, cut
	c.marks, c.pre, c.found = c.marks[:0], c.pre[:0], c.found[:0]
	c.last, c.err = n == 0, err
	switch {
	case n == 0:
	case long:
		c.acc = append(c.acc[:0], data...) // the reader reuses its own
		c.data = c.acc
		cs.lines++
	case cs.filter != nil:
		c.marks, c.nl = cs.filter.collect(data, c.marks)
		if prescan && cs.pre != nil {
			cs.pre.scan(c, cs.lines, cs.off, (len(c.marks)*cs.share+7)/8)
		}
		cs.lines += c.nl
		if data[n-1] != '\n' {
			cs.lines++
		}
	}
	cs.off += int64(n)
}

// pipelineMode chooses how Scan reads: 0 by the number of CPUs, 1 on a
// second goroutine, -1 on the caller's. Tests set it.
var pipelineMode = 0

// prescanMode 1 has the reader prescan every chunk; tests set it.
var prescanMode = 0

// numChunks is how many chunk buffers a pipelined scan cycles through.
const numChunks = 4

func (s *scanner) run(r io.Reader) (Stats, error) {
	src := newChunkSource(r, &s.opt)
	if pipelineMode > 0 || pipelineMode == 0 && runtime.GOMAXPROCS(0) > 1 {
		return s.runPipelined(src)
	}
	c := &chunk{buf: make([]byte, readBufSize)}
	src.br.buf = c.buf
	for {
		src.fill(c, false)
		if c.last {
			return s.end(c.err)
		}
		if err := s.consume(c); err != nil {
			return s.st, err
		}
	}
}

// runPipelined reads and marks the input on a second goroutine, a few chunks
// ahead of the scan: on a big input the reading and the search for the lines
// that matter (the bulk of the work) then run beside the scanning of those
// lines and the caller's handling of the findings. The Options funcs and emit
// are called on the caller's goroutine only. When the scan stops early (emit
// failed), the reader stops at its next read; a read in progress is left to
// finish.
func (s *scanner) runPipelined(src *chunkSource) (Stats, error) {
	free := make(chan *chunk, numChunks)
	full := make(chan *chunk, numChunks+1)
	done := make(chan struct{})
	defer close(done)
	src.br.stop = done
	if src.filter != nil {
		src.pre = newPrescanner(s.opt)
	}
	src.prescanAll, src.bufSize = prescanMode > 0, readBufSize
	go src.produce(free, full, done)
	for {
		c := <-full
		if c.panicked != nil {
			panic(c.panicked)
		}
		if c.last {
			return s.end(c.err)
		}
		if err := s.consume(c); err != nil {
			return s.st, err
		}
		free <- c
	}
}

// produce fills chunks and passes them on, until the input ends or done is
// closed. It makes up to numChunks chunks, as the input needs them, and then
// reuses those the scanner hands back.
func (cs *chunkSource) produce(free <-chan *chunk, full chan<- *chunk, done <-chan struct{}) {
	defer func() {
		if v := recover(); v != nil {
			select {
			case full <- &chunk{last: true, panicked: v}:
			case <-done:
			}
		}
	}()
	made := 0
	for {
		var c *chunk
		select {
		case <-done:
			return
		case c = <-free:
		default:
			if made < numChunks {
				made++
				c = &chunk{buf: make([]byte, cs.bufSize)}
				break
			}
			select {
			case c = <-free:
			case <-done:
				return
			}
		}
		if cs.br.buf == nil {
			cs.br.buf = c.buf
		} else {
			cs.br.rotate(c.buf)
		}
		// Prescan more lines while the scanner has chunks to go on with
		// (the reader is ahead), fewer when it has none.
		switch q := len(full); {
		case q == 0:
			cs.share = max(cs.share-1, 0)
		case q >= 2:
			cs.share = min(cs.share+1, 8)
		}
		if cs.prescanAll {
			cs.share = 8
		}
		cs.fill(c, cs.share > 0)
		select {
		case full <- c:
		case <-done:
			return
		}
		if c.last {
			return
		}
	}
}

// consume scans a chunk.
func (s *scanner) consume(c *chunk) error {
	s.blk, s.blkOff = c.data, s.lineOff
	defer func() { s.blk = nil }()
	if c.long {
		return s.line(c.data, c.n, c.cut)
	}
	return s.block(c)
}

// end finishes the scan after the last chunk.
func (s *scanner) end(rerr error) (Stats, error) {
	if rerr != nil {
		s.finish()
		return s.st, rerr
	}
	err := s.finish()
	if s.opt.Progress != nil {
		s.opt.Progress(s.st)
	}
	return s.st, err
}
