package parse

import (
	"bytes"
	"errors"
	"io"
)

// blockReader reads the input into a buffer and hands it out as blocks of
// whole lines, so that the scanner can skip many lines with one search. A
// line longer than the buffer is handed out alone, cut to max bytes.
type blockReader struct {
	r    io.Reader
	buf  []byte
	rpos int // start of the data not handed out
	wpos int // end of the data read
	err  error
	max  int
	acc  []byte // a line longer than the buffer (its first max bytes)

	stop <-chan struct{} // closed when the scanner is gone: read no more
}

// maxEmptyReads is how many reads returning nothing in a row the reader
// takes before it gives up (as bufio does).
const maxEmptyReads = 100

var errStopped = errors.New("parse: scan stopped")

func newBlockReader(r io.Reader, buf []byte, max int) *blockReader {
	return &blockReader{r: r, buf: buf, max: max}
}

// rotate moves the data not handed out to buf, which becomes the buffer: the
// blocks handed out so far stay valid in the old one.
func (br *blockReader) rotate(buf []byte) {
	n := copy(buf, br.buf[br.rpos:br.wpos])
	br.buf, br.rpos, br.wpos = buf, 0, n
}

// next returns the next block. A block is either whole lines, each ending in
// "\n" but for an unterminated last line at the end of the input (long is
// false, n is len(blk)), or one line longer than the buffer without its "\n"
// (long is true; n is its input length with the "\n", and cut tells whether
// bytes beyond max were dropped). The block is valid until the next call, or
// with rotate for as long as its buffer is not reused. At the end of the
// input next returns n == 0 and the read error (nil at io.EOF).
func (br *blockReader) next() (blk []byte, n int, long, cut bool, err error) {
	for {
		data := br.buf[br.rpos:br.wpos]
		if k := bytes.LastIndexByte(data, '\n'); k >= 0 {
			br.rpos += k + 1
			return data[:k+1], k + 1, false, false, nil
		}
		if br.err != nil {
			if len(data) > 0 {
				// the unterminated last line
				br.rpos = br.wpos
				return data, len(data), false, false, nil
			}
			err := br.err
			if err == io.EOF {
				err = nil
			}
			return nil, 0, false, false, err
		}
		if br.rpos > 0 {
			copy(br.buf, data)
			br.wpos -= br.rpos
			br.rpos = 0
		}
		if br.wpos == len(br.buf) {
			return br.longLine()
		}
		br.read()
	}
}

// read reads once into the free end of the buffer.
func (br *blockReader) read() {
	for range maxEmptyReads {
		select {
		case <-br.stop:
			br.err = errStopped
			return
		default:
		}
		n, err := br.r.Read(br.buf[br.wpos:])
		if n < 0 || n > len(br.buf)-br.wpos {
			panic("parse: reader returned an invalid count")
		}
		br.wpos += n
		if err != nil {
			br.err = err
			return
		}
		if n > 0 {
			return
		}
	}
	br.err = io.ErrNoProgress
}

// longLine reads the rest of a line that fills the whole buffer, keeping its
// first max bytes.
func (br *blockReader) longLine() (blk []byte, n int, long, cut bool, err error) {
	br.acc = br.acc[:0]
	for {
		data := br.buf[br.rpos:br.wpos]
		body := data
		k := bytes.IndexByte(data, '\n')
		if k >= 0 {
			body = data[:k]
			br.rpos += k + 1
			n += k + 1
		} else {
			br.rpos, br.wpos = 0, 0
			n += len(data)
		}
		if room := br.max - len(br.acc); room > 0 {
			take := min(room, len(body))
			br.acc = append(br.acc, body[:take]...)
			cut = cut || take < len(body)
		} else if len(body) > 0 {
			cut = true
		}
		if k >= 0 || br.err != nil {
			return br.acc, n, true, cut, nil
		}
		br.read()
	}
}
