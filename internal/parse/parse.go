package parse

import (
	"bytes"
	"cmp"
	"io"
	"slices"
)

// Shape names the textual form an error was found in. See the package
// documentation for the table of shapes.
type Shape string

// The shapes Scan reports.
const (
	ShapeAPI3JSON    Shape = "api3-json"
	ShapeAPI2JSON    Shape = "api2-json"
	ShapeGoSDK       Shape = "go-sdk"
	ShapePythonSDK   Shape = "python-sdk"
	ShapeJavaSDK     Shape = "java-sdk"
	ShapeNodeSDK     Shape = "nodejs-sdk"
	ShapePHPSDK      Shape = "php-sdk"
	ShapeRubySDK     Shape = "ruby-sdk"
	ShapeDotNetSDK   Shape = "dotnet-sdk"
	ShapeTccli       Shape = "tccli"
	ShapeTerraform   Shape = "terraform"
	ShapePythonDict  Shape = "python-dict"
	ShapeCodeMessage Shape = "code-message"
	ShapeProse       Shape = "prose"
	ShapeMessageOnly Shape = "message-only"
)

// Confidence tells how sure Scan is that a finding is a Tencent Cloud API error.
type Confidence string

// Confidence levels.
const (
	High   Confidence = "high"   // a structured shape: a response body or an SDK exception string
	Medium Confidence = "medium" // a labelled code (Code: X, Message: Y) or a flat {code, message} object
	Low    Confidence = "low"    // a code named in prose, or a code inferred from the message
)

// Finding is one error found in the input. Its string fields are copied from
// the input and may hold secrets; see the package documentation.
type Finding struct {
	Code       string // the error code as written ("AuthFailure.SignatureFailure"); for API 2.0 the codeDesc
	LegacyCode string // API 2.0 numeric code ("4100"), else ""
	Message    string
	RequestID  string

	HTTPStatus int    // from an HTTP status line preceding the body (curl -i / -v), 0 if unknown
	Host       string // endpoint host (cvm.tencentcloudapi.com) from a transcript, a curl command or the message
	Action     string // X-TC-Action (or tccli's action)
	Version    string // X-TC-Version
	Service    string // the host's first label when it is a tencentcloudapi.com host, or tccli's service name
	Date       string // raw HTTP Date response header, when the transcript shows it
	Timestamp  int64  // X-TC-Timestamp request header (unix seconds) when shown, else 0

	Line   int   // 1-based input line where the record starts
	Offset int64 // byte offset in the input where the record starts

	Shape      Shape
	Confidence Confidence
	Inferred   bool // Code was inferred from Message by Options.InferCode; it need not occur in the input
	Truncated  bool // the record was cut off (input ended, or another record began, inside it)
	Cut        bool // part of the record's line or body was dropped because it exceeded Options.MaxRecord

	// Context holds, with Options.ContextLines set, the input around the
	// record: up to ContextLines lines before it, its own lines
	// (Context[RecordStart:RecordEnd]) and up to ContextLines lines after
	// it, as far as the input read so far holds them (at most
	// maxContextBytes on each side). A Node.js exception, settled only
	// after the lines that follow it, keeps its own (its lines up to
	// maxNodeRecord bytes). It is only valid until emit returns, and nil
	// when the record's input is no longer held.
	Context                []byte
	RecordStart, RecordEnd int
}

// Options configure Scan. The zero value is usable.
type Options struct {
	// KnownCode reports whether code (any case) is in the catalog. It is used
	// to accept codes named in prose, unlabelled API 2.0 numeric codes, and
	// labelled codes that do not look like Tencent Cloud codes. nil knows none.
	KnownCode func(code string) bool
	// InferCode names the code for a message that arrived without one
	// (the Node.js SDK prints none). nil never infers.
	InferCode func(message string) (code string, ok bool)
	// MaxRecord is the most bytes kept of one line or one multi-line body.
	// Zero or less means DefaultMaxRecord.
	MaxRecord int
	// Progress, when set, is called with the running statistics about every
	// 64 KiB of input read, and once at the end.
	Progress func(Stats)
	// ContextLines, when positive, fills Finding.Context with up to that
	// many lines before and after each record.
	ContextLines int
	// MessageWord reports whether a CamelCase word (SecretId) occurs in a
	// known server message. With KnownCode and InferCode set, a line that
	// names one and holds no record has its quoted texts (and the text
	// after its last colon) offered to InferCode: a known server message
	// quoted in prose. nil knows none.
	MessageWord func(word string) bool
}

// DefaultMaxRecord is the MaxRecord used when Options.MaxRecord is not set.
const DefaultMaxRecord = 64 << 10

// Stats summarises a scan.
type Stats struct {
	Bytes      int64 // input bytes read
	Lines      int   // input lines read (a last line without "\n" counts)
	Findings   int   // findings emitted
	Truncated  bool  // the input ended inside a record
	CutRecords int   // lines or bodies longer than MaxRecord whose excess was dropped
}

const progressEvery = 64 << 10

// readBufSize is the size of a read buffer: large enough that handing one
// from the reading goroutine to the scanning one costs little. Tests shrink
// it.
var readBufSize = 256 << 10

// Scan reads r to the end and calls emit for each finding, in input order.
// Findings are emitted as soon as their record is complete, normally before
// the next line is read. An error from emit stops the scan and is returned, as
// is a read error (after the findings before it).
func Scan(r io.Reader, opt Options, emit func(Finding) error) (Stats, error) {
	if opt.MaxRecord <= 0 {
		opt.MaxRecord = DefaultMaxRecord
	}
	s := &scanner{opt: opt, emit: emit}
	return s.run(r)
}

var bom = []byte("\xef\xbb\xbf")

// lineInfo locates the line being processed.
type lineInfo struct {
	no  int
	off int64 // input offset of the first byte of the (BOM-stripped) line
	cut bool
}

// scanner holds the state of one Scan.
type scanner struct {
	opt  Options
	emit func(Finding) error
	st   Stats

	lineNo  int
	lineOff int64
	cur     lineInfo

	obj  *objScan     // a body spanning lines, still open
	node *nodePending // a Node.js exception waiting for its properties
	http httpCtx
	tcc  tccliCtx
	curl curlCtx

	nodeCtx []byte // the buffer of the last pending Node.js exception's context, for reuse

	out   []Finding // findings of the current line, not yet emitted
	held  []Finding // findings held back while node is pending
	spans []span    // line ranges claimed by structured records (depth 0)
	err   error     // first emit error

	lastTrunc bool // a truncated record was found on the current line

	proseCache map[string]uint8 // what prose tokens are (tokCode, tokMessage)
	msgWord    bool             // the current line names a word of a known server message

	freeObj [maxSubDepth + 1]*objScan // object scanners for reuse, by depth

	lastProgress int64 // Stats.Bytes at the last Progress call

	blk    []byte // the block being scanned (nil between blocks), for Finding.Context
	blkOff int64  // input offset of blk[0]
}

// span is a claimed byte range of the current line and the code found there.
type span struct{ start, end int }

// block scans a chunk of whole lines, each ending in "\n" but for an
// unterminated last line at the end of the input. In a quiet state it skips
// the lines that the chunk's marks (see lineFilter.collect) leave out.
func (s *scanner) block(c *chunk) error {
	b, marks := c.data, c.marks
	mi := 0
	nl := 0 // newlines in b[:pos]
	for pos := 0; pos < len(b); {
		var pre *prescan
		if fastPath && s.quiet() {
			next, nextNL := len(b), c.nl
			for ; mi < len(marks); mi++ {
				m := marks[mi]
				if m.line < pos || m.a >= 0 && !s.tokenMatters(b[m.a:m.e]) {
					continue
				}
				next, nextNL = m.line, m.nl
				if m.line == pos && m.pre >= 0 {
					pre = &c.pre[m.pre]
				}
				break
			}
			if next > pos {
				if k := s.longLine(b[pos:next]); k >= 0 {
					next = pos + k
					nextNL = nl + bytes.Count(b[pos:next], []byte{'\n'})
				}
			}
			if next > pos {
				lines := nextNL - nl
				if next == len(b) && b[next-1] != '\n' {
					lines++ // the unterminated last line
				}
				s.skip(next-pos, lines)
				pos, nl = next, nextNL
				continue
			}
		}
		line := b[pos:]
		n := len(line)
		if k := bytes.IndexByte(line, '\n'); k >= 0 {
			line, n = line[:k], k+1
			nl++
		}
		cut := false
		if len(line) > s.opt.MaxRecord {
			line, cut = line[:s.opt.MaxRecord], true
		}
		var err error
		if pre != nil && pre.lineNo == s.lineNo+1 && pre.off == s.lineOff {
			err = s.prescanned(n, pre, c.found[pre.from:pre.to])
		} else {
			err = s.line(line, n, cut)
		}
		if err != nil {
			return err
		}
		pos += n
	}
	return nil
}

// prescanned takes the outcome of a line scanned ahead of time (see
// prescanner) in place of scanning it, in a quiet state.
func (s *scanner) prescanned(n int, pre *prescan, found []Finding) error {
	s.lineNo++
	s.st.Lines++
	s.st.Bytes += int64(n)
	s.cur = lineInfo{no: s.lineNo, off: s.lineOff}
	s.spans = s.spans[:0]
	s.lastTrunc = pre.lastTrunc
	s.out = append(s.out, found...)
	s.lineOff += int64(n)
	if err := s.flush(); err != nil {
		return err
	}
	s.progress()
	return nil
}

// longLine returns the start of the first line in b (whole lines) longer
// than MaxRecord, or -1.
func (s *scanner) longLine(b []byte) int {
	max := s.opt.MaxRecord
	if len(b) <= max {
		return -1
	}
	// Such a line holds a whole chunk of h bytes (counted from b[0]) with no
	// newline.
	h := (max + 1) / 2
	for off := 0; off < len(b); off += h {
		if bytes.IndexByte(b[off:min(off+h, len(b))], '\n') >= 0 {
			continue
		}
		ls := lastNewline(b[:off]) + 1
		if lineEnd(b, off)-ls > max {
			return ls
		}
	}
	return -1
}

// line scans one line that took n input bytes.
func (s *scanner) line(line []byte, n int, cut bool) error {
	s.lineNo++
	s.st.Lines++
	s.st.Bytes += int64(n)
	s.processLine(line, cut)
	s.lineOff += int64(n)
	if err := s.flush(); err != nil {
		return err
	}
	s.progress()
	return nil
}

// skip passes over n bytes of whole lines (k of them) that cannot matter.
func (s *scanner) skip(n, k int) {
	s.lineNo += k
	s.st.Lines += k
	s.st.Bytes += int64(n)
	s.lineOff += int64(n)
	s.lastTrunc = false
	s.progress()
}

func (s *scanner) progress() {
	if s.opt.Progress != nil && s.st.Bytes-s.lastProgress >= progressEvery {
		s.lastProgress = s.st.Bytes
		s.opt.Progress(s.st)
	}
}

// finish closes whatever is open at the end of input and emits the rest.
func (s *scanner) finish() error {
	if s.err != nil {
		return s.err
	}
	if s.obj != nil {
		o := s.obj
		s.obj = nil
		o.abort(true)
		s.takeObj(o)
		s.st.Truncated = true
	}
	if s.lastTrunc {
		s.st.Truncated = true // the last line ended inside a record
	}
	if s.node != nil {
		s.resolveNode(nil)
	}
	return s.flush()
}

func (s *scanner) processLine(line []byte, cut bool) {
	off := s.lineOff
	if bytes.HasPrefix(line, bom) {
		line = line[len(bom):]
		off += int64(len(bom))
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	s.cur = lineInfo{no: s.lineNo, off: off, cut: cut}
	s.spans = s.spans[:0]
	s.lastTrunc = false
	first := len(s.out)
	if cut {
		s.st.CutRecords++
	}

	start := 0
	if o := s.obj; o != nil {
		end, res := o.feed(line, 0, s.cur.off, s.cur.no)
		switch res {
		case resMore:
			if cut || o.n > s.opt.MaxRecord {
				s.obj = nil
				if !cut {
					s.st.CutRecords++
				}
				o.cut = true
				o.abort(true)
				s.takeObj(o)
			}
			s.markCut(first)
			return
		case resDone:
			s.obj = nil
			s.takeObj(o)
			s.spans = append(s.spans, span{0, end})
			start = end
		default: // resFail: the body ended before this line; scan the line afresh
			s.obj = nil
			o.abort(true)
			s.takeObj(o)
		}
	}
	if start == 0 {
		s.context(line)
	}
	if s.node != nil && start == 0 {
		s.nodeLine(line)
	}
	s.scanLine(line, start)
	if cut && s.obj != nil {
		// the dropped bytes break the body opened on this line
		o := s.obj
		s.obj = nil
		o.cut = true
		o.abort(true)
		s.takeObj(o)
	}
	s.markCut(first)
}

// markCut sets Cut on the findings of a cut line.
func (s *scanner) markCut(first int) {
	if !s.cur.cut {
		return
	}
	for i := first; i < len(s.out); i++ {
		if s.out[i].Line == s.cur.no {
			s.out[i].Cut = true
		}
	}
}

// add queues a finding of the current line, attaching transcript context.
func (s *scanner) add(f Finding) {
	if f.Code == "" {
		return
	}
	if f.Truncated {
		s.lastTrunc = true
	}
	s.out = append(s.out, f)
}

// flush emits (or holds) the queued findings in input order.
func (s *scanner) flush() error {
	if len(s.out) == 0 || s.err != nil {
		s.out = s.out[:0]
		return s.err
	}
	if !sortedByOffset(s.out) {
		slices.SortStableFunc(s.out, byOffset)
	}
	for i := range s.out {
		s.attach(&s.out[i])
	}
	if s.node != nil {
		s.held = append(s.held, s.out...)
		s.out = s.out[:0]
		return nil
	}
	for _, f := range s.out {
		if err := s.send(f); err != nil {
			break
		}
	}
	s.out = s.out[:0]
	return s.err
}

func sortedByOffset(fs []Finding) bool {
	for i := 1; i < len(fs); i++ {
		if fs[i].Offset < fs[i-1].Offset {
			return false
		}
	}
	return true
}

func byOffset(a, b Finding) int { return cmp.Compare(a.Offset, b.Offset) }

func (s *scanner) send(f Finding) error {
	if s.err != nil {
		return s.err
	}
	if s.opt.ContextLines > 0 && f.Context == nil {
		s.setContext(&f) // (a pending Node.js exception brings its own)
	}
	s.st.Findings++
	if err := s.emit(f); err != nil {
		s.err = err
	}
	return s.err
}

// maxContextBytes bounds Finding.Context on each side of the record.
const maxContextBytes = 2 << 10

// setContext sets f.Context from the block being scanned: the lines from the
// one holding f's start to the current line, and ContextLines lines on
// each side.
func (s *scanner) setContext(f *Finding) {
	f.Context, f.RecordStart, f.RecordEnd = nil, 0, 0
	b := s.blk
	if b == nil {
		return
	}
	start, cur := s.blkPos(f.Offset), s.blkPos(s.cur.off)
	if cur < start {
		cur = start
	}
	rs := lastNewline(b[:start]) + 1
	re := lineEnd(b, cur)
	a := s.linesBefore(b, rs)
	e := s.linesAfter(b, re)
	f.Context, f.RecordStart, f.RecordEnd = b[a:e], rs-a, re-a
}

// blkPos returns where input offset off lies in the block being scanned,
// clamped to it.
func (s *scanner) blkPos(off int64) int {
	return int(min(max(off-s.blkOff, 0), int64(len(s.blk))))
}

// linesBefore returns the start of the ContextLines lines before the line
// starting at b[rs] (at most maxContextBytes of them).
func (s *scanner) linesBefore(b []byte, rs int) int {
	a := rs
	for range s.opt.ContextLines {
		if a == 0 || rs-a >= maxContextBytes {
			break
		}
		a = lastNewline(b[:a-1]) + 1
	}
	return max(a, rs-maxContextBytes)
}

// linesAfter returns the end of the ContextLines lines after the line
// ending at b[re] (at most maxContextBytes of them).
func (s *scanner) linesAfter(b []byte, re int) int {
	e := re
	for range s.opt.ContextLines {
		if e >= len(b) || e-re >= maxContextBytes {
			break
		}
		e = lineEnd(b, e+1)
	}
	return min(e, re+maxContextBytes)
}
