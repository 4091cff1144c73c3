package parse

import (
	"bytes"
	"strconv"
	"strings"
)

// objScan follows one object literal: JSON, a Python dict repr or a
// JavaScript util.inspect object. It streams: it keeps a stack of container
// kinds (one byte per level) and details of the first maxDetail levels, and
// copies only the strings it needs (keys and code/message/request id values).
// It may span lines (fed one line at a time) but no string may: a raw newline
// inside a string ends the object as truncated.
type objScan struct {
	s     *scanner
	depth int // text depth: strings are sub-scanned at depth+1

	kinds  []byte   // '{', '[' or '(' for each open container
	frames []oframe // details of the first maxDetail containers

	st     uint8
	q      byte // quote of the string being read
	isKey  bool
	sStart int // column of the string or token start in the current text

	keySQ, keyBare bool // keys seen single-quoted (Python) / bare (JavaScript)

	n         int   // bytes consumed
	line      int   // line of the opening brace
	off       int64 // input offset of the opening brace
	base      int64 // input offset of column 0 of the current text
	curLine   int   // line of the current text
	nl        bool  // the text may hold newlines (a decoded string)
	found     []Finding
	nodeProps bool    // the object holds a Node.js exception's properties
	props     *oframe // its top frame, once complete
	cut       bool
}

// oframe details one open container.
type oframe struct {
	arr  bool
	key  keyKind // key this container is the value of
	cur  keyKind // current key (objects)
	line int
	off  int64

	code, msg, req, desc             string
	hasCode, hasMsg, hasReq, hasDesc bool
	codeNum, codeNull, codeEsc       bool
	httpCode                         int
	err                              errRec
	hasErr                           bool
	msgFound                         []Finding // findings in the message string, kept unless this is a record
}

// errRec is an Error object, handed to its parent.
type errRec struct {
	code, msg       string
	hasCode, hasMsg bool
	codeNull        bool
	trunc           bool
}

type keyKind uint8

const (
	kOther keyKind = iota
	kCode
	kMessage
	kRequestID
	kCodeDesc
	kError
	kResponse
	kHTTPCode
)

// parser states
const (
	stKeyOrEnd    uint8 = iota // after '{'
	stKey                      // after ',' in an object
	stColon                    // after a key
	stValue                    // after ':'
	stArrValOrEnd              // after '[' or '('
	stArrVal                   // after ',' in an array
	stCommaOrEnd               // after a value
	stString
	stToken
)

type result uint8

const (
	resDone result = iota // the object closed
	resMore               // the text ended inside the object
	resFail               // the text is not (or no longer) an object
)

const (
	maxDetail   = 32 // containers followed in detail
	maxSubDepth = 2  // nesting of string sub-scans
)

// newObj returns an object scanner, reusing the one last released at depth.
func (s *scanner) newObj(depth, line int, off int64) *objScan {
	if depth < len(s.freeObj) {
		if o := s.freeObj[depth]; o != nil {
			s.freeObj[depth] = nil
			*o = objScan{s: s, depth: depth, line: line, off: off,
				kinds: o.kinds[:0], frames: o.frames[:0], found: o.found[:0]}
			return o
		}
	}
	return &objScan{s: s, depth: depth, line: line, off: off}
}

// releaseObj hands back an object scanner that is done with, for reuse.
func (s *scanner) releaseObj(o *objScan) {
	if o.depth < len(s.freeObj) {
		s.freeObj[o.depth] = o
	}
}

func classifyKey(raw []byte) keyKind {
	var buf [16]byte
	n := 0
	for _, c := range raw {
		if c == '_' || c == '-' {
			continue
		}
		if n == len(buf) {
			return kOther
		}
		buf[n] = lowerASCII(c)
		n++
	}
	switch string(buf[:n]) {
	case "code":
		return kCode
	case "message":
		return kMessage
	case "requestid":
		return kRequestID
	case "codedesc":
		return kCodeDesc
	case "error":
		return kError
	case "response":
		return kResponse
	case "httpcode":
		return kHTTPCode
	}
	return kOther
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}

func isTokenChar(c byte) bool {
	return isAlnum(c) || c == '_' || c == '$' || c == '.' || c == '+' || c == '-'
}

// top returns the detail frame of the innermost container, or nil.
func (o *objScan) top() *oframe {
	d := len(o.kinds)
	if d == 0 || d > maxDetail {
		return nil
	}
	return &o.frames[d-1]
}

// feed reads text t from column i (t starts at input offset base, on line
// no). It returns the column after the closing brace (resDone), len(t)
// (resMore) or the column where the text stopped being an object (resFail).
func (o *objScan) feed(t []byte, i int, base int64, no int) (int, result) {
	o.base, o.curLine = base, no
	start := i
	end, res := o.run(t, i)
	o.n += end - start
	if res == resMore {
		o.n++ // the newline
	}
	return end, res
}

func (o *objScan) run(t []byte, i int) (int, result) {
	for i < len(t) {
		c := t[i]
		switch o.st {
		case stString:
			rest := t[i:]
			k := bytes.IndexByte(rest, o.q)
			if k < 0 {
				k = len(rest)
			}
			if o.nl {
				if nl := bytes.IndexByte(rest[:k], '\n'); nl >= 0 {
					o.partial(t[:i+nl])
					return i + nl, resFail // a raw newline: the string was cut
				}
			}
			if k == len(rest) {
				o.partial(t)
				return len(t), resFail // a string cut at the end of the text
			}
			if b := bytes.IndexByte(rest[:k], '\\'); b >= 0 {
				// skip the escaped byte and go on
				i += b + 2
				if i > len(t) {
					i = len(t)
				}
				continue
			}
			i += k + 1
			o.endString(t, i-1)
			continue
		case stToken:
			if isTokenChar(c) {
				i++
				continue
			}
			o.endToken(t[o.sStart:i])
			continue
		}
		if isSpace(c) {
			i++
			continue
		}
		switch o.st {
		case stKeyOrEnd, stKey:
			switch {
			case c == '}' && o.kinds[len(o.kinds)-1] == '{':
				if o.close() {
					return i + 1, resDone
				}
			case c == '"':
				o.beginString(i, c, true)
			case c == '\'':
				o.keySQ = true
				o.beginString(i, c, true)
			case isStrPrefix(c) && i+1 < len(t) && (t[i+1] == '\'' || t[i+1] == '"'):
				o.keySQ = true
				i++
				o.beginString(i, t[i], true)
			case isAlnum(c) || c == '_' || c == '$' || c == '-':
				o.keyBare = true
				o.isKey = true
				o.sStart = i
				o.st = stToken
			default:
				return i, resFail
			}
			i++
		case stColon:
			if c != ':' {
				return i, resFail
			}
			o.st = stValue
			i++
		case stValue, stArrValOrEnd, stArrVal:
			switch {
			case (c == ']' || c == ')') && o.st != stValue:
				if !o.closes(c) {
					return i, resFail
				}
				if o.close() {
					return i + 1, resDone
				}
			case c == '{' || c == '[' || c == '(':
				o.push(c, i)
			case c == '"' || c == '\'':
				o.beginString(i, c, false)
			case isStrPrefix(c) && i+1 < len(t) && (t[i+1] == '\'' || t[i+1] == '"'):
				i++
				o.beginString(i, t[i], false)
			case isAlnum(c) || c == '_' || c == '$' || c == '-' || c == '+' || c == '.':
				o.isKey = false
				o.sStart = i
				o.st = stToken
			default:
				return i, resFail
			}
			i++
		case stCommaOrEnd:
			switch {
			case c == ',':
				if o.kinds[len(o.kinds)-1] == '{' {
					o.st = stKey
				} else {
					o.st = stArrVal
				}
			case c == '}' || c == ']' || c == ')':
				if !o.closes(c) {
					return i, resFail
				}
				if o.close() {
					return i + 1, resDone
				}
			default:
				return i, resFail
			}
			i++
		}
	}
	// end of text
	switch o.st {
	case stString:
		o.partial(t)
		return len(t), resFail
	case stToken:
		o.endToken(t[o.sStart:])
	}
	return len(t), resMore
}

func isStrPrefix(c byte) bool {
	return c == 'u' || c == 'b' || c == 'r' || c == 'U' || c == 'B' || c == 'R'
}

// closes reports whether closer c matches the innermost container.
func (o *objScan) closes(c byte) bool {
	switch o.kinds[len(o.kinds)-1] {
	case '{':
		return c == '}'
	case '[':
		return c == ']'
	}
	return c == ')'
}

func (o *objScan) push(c byte, i int) {
	key := kOther
	if p := o.top(); p != nil && !p.arr && o.st == stValue {
		key = p.cur
	}
	o.kinds = append(o.kinds, c)
	if len(o.kinds) <= maxDetail {
		o.frames = append(o.frames, oframe{arr: c != '{', key: key, line: o.curLine, off: o.base + int64(i)})
	}
	if c == '{' {
		o.st = stKeyOrEnd
	} else {
		o.st = stArrValOrEnd
	}
}

// close pops the innermost container and evaluates it. It reports whether
// the outermost one closed.
func (o *objScan) close() bool {
	d := len(o.kinds)
	if d <= maxDetail {
		var parent *oframe
		if d >= 2 {
			parent = &o.frames[d-2]
		}
		o.evaluate(&o.frames[d-1], parent, d == 1, false)
		o.frames = o.frames[:d-1]
	}
	o.kinds = o.kinds[:d-1]
	if d == 1 {
		return true
	}
	o.st = stCommaOrEnd
	return false
}

func (o *objScan) beginString(i int, q byte, key bool) {
	o.st = stString
	o.q = q
	o.isKey = key
	o.sStart = i + 1
}

// endString handles the string t[o.sStart:end] (end is the closing quote).
func (o *objScan) endString(t []byte, end int) {
	raw := t[o.sStart:end]
	if o.isKey {
		o.setKey(raw)
		return
	}
	o.st = stCommaOrEnd
	f := o.top()
	if f == nil {
		return
	}
	if f.arr {
		o.subScan(raw, o.sStart, nil)
		return
	}
	switch f.cur {
	case kCode:
		v := string(trimSpaceBytes(decodeEscapes(raw)))
		f.code, f.hasCode, f.codeEsc = v, true, bytes.IndexByte(raw, '\\') >= 0
		switch v {
		case "", "null", "None", "undefined", "nil":
			f.code, f.codeNull = "", true
		}
		f.codeNum = isDigits(v)
	case kMessage:
		f.msg, f.hasMsg = string(decodeEscapes(raw)), true
		if o.s.candidate(raw) {
			o.subScan(raw, o.sStart, &f.msgFound)
		}
	case kRequestID:
		f.req, f.hasReq = cleanID(string(decodeEscapes(raw))), true
	case kCodeDesc:
		f.desc, f.hasDesc = string(trimSpaceBytes(decodeEscapes(raw))), true
	default:
		o.subScan(raw, o.sStart, nil)
	}
}

func (o *objScan) setKey(raw []byte) {
	o.st = stColon
	if f := o.top(); f != nil && !f.arr {
		f.cur = classifyKey(raw)
	}
}

func (o *objScan) endToken(tok []byte) {
	if o.isKey {
		o.setKey(tok)
		return
	}
	o.st = stCommaOrEnd
	f := o.top()
	if f == nil || f.arr {
		return
	}
	v := string(tok)
	null := v == "null" || v == "None" || v == "undefined" || v == "nil"
	switch f.cur {
	case kCode:
		f.hasCode = true
		if null {
			f.codeNull = true
		} else if isNumber(v) {
			f.code, f.codeNum = v, true
		}
	case kHTTPCode:
		if n, err := strconv.Atoi(v); err == nil && n >= 100 && n <= 599 {
			f.httpCode = n
		}
	}
}

func isDigits(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isNumber(s string) bool {
	if s != "" && s[0] == '-' {
		s = s[1:]
	}
	return isDigits(s)
}

// subScan looks for errors inside a string value (a JSON log line's "msg",
// an escaped body). Findings go to *dst, or to o.found when dst is nil.
func (o *objScan) subScan(raw []byte, col int, dst *[]Finding) {
	if o.depth+1 > maxSubDepth || !o.s.candidate(raw) {
		return
	}
	txt := decodeEscapes(raw)
	var got []Finding
	o.s.scanText(txt, 0, textCtx{line: o.curLine, off: o.base + int64(col), depth: o.depth + 1}, &got)
	if len(got) == 0 {
		return
	}
	esc := len(txt) != len(raw)
	for _, f := range got {
		if esc && !f.Inferred && !bytes.Contains(raw, []byte(f.Code)) {
			continue // the code was spelt with escapes; it is not in the input as such
		}
		if dst != nil {
			*dst = append(*dst, f)
		} else {
			o.found = append(o.found, f)
		}
	}
}

// abort ends an object that did not close, evaluating its open containers
// as truncated. It reports whether anything was found.
func (o *objScan) abort(trunc bool) bool {
	before := len(o.found)
	if o.st == stString && !o.isKey {
		// a value cut off: keep what we have of it
		// (the text is gone by now; the partial value was recorded by partial())
	}
	for d := len(o.kinds); d >= 1; d-- {
		if d <= maxDetail {
			var parent *oframe
			if d >= 2 {
				parent = &o.frames[d-2]
			}
			o.evaluate(&o.frames[d-1], parent, d == 1, trunc)
			o.frames = o.frames[:d-1]
		}
		o.kinds = o.kinds[:d-1]
	}
	return len(o.found) > before || o.props != nil
}

// partial records the value being read when the text ends inside a string.
func (o *objScan) partial(t []byte) {
	if o.st != stString || o.isKey || o.sStart > len(t) {
		return
	}
	raw := t[o.sStart:]
	f := o.top()
	if f == nil || f.arr {
		return
	}
	switch f.cur {
	case kMessage:
		f.msg, f.hasMsg = string(decodeEscapes(raw)), true
	case kRequestID:
		f.req, f.hasReq = cleanID(string(idToken(raw))), true
	}
}

// evaluate decides what a closed (or abandoned) container was.
func (o *objScan) evaluate(f, parent *oframe, top, trunc bool) {
	if f.arr {
		return
	}
	if top && o.nodeProps {
		c := *f
		o.props = &c
		return
	}
	if f.key == kError && parent != nil && !parent.arr {
		if f.hasCode || f.hasMsg {
			parent.err = errRec{code: f.code, msg: f.msg, hasCode: f.hasCode && !f.codeNull, hasMsg: f.hasMsg, codeNull: f.codeNull, trunc: trunc}
			parent.hasErr = true
			if f.codeEsc {
				parent.err.code = "" // spelt with escapes: not usable as is
				parent.err.hasCode = false
			}
		} else {
			o.found = append(o.found, f.msgFound...)
		}
		return
	}
	line, off := f.line, f.off
	if f.key == kResponse && parent != nil && len(o.frames) >= 2 && parent == &o.frames[0] {
		line, off = o.line, o.off // the record is the whole body
	}
	if f.hasErr {
		e := &f.err
		o.record(recError, e.code, e.hasCode, e.msg, f.req, "", trunc || e.trunc, line, off)
		return
	}
	if f.key != kError && (f.hasCode || f.hasDesc) {
		if f.codeNum || (f.hasDesc && !isCode(f.code)) {
			// API 2.0: {"code":4100,"message":"...","codeDesc":"AuthFailure"}
			if f.codeNum && trimZeros(f.code) == "0" {
				return // success
			}
			switch {
			case f.hasDesc && isCode(f.desc) && f.desc != "Success" && !f.codeEsc:
				legacy := f.code
				if !f.codeNum {
					legacy = "" // {"code":"oops","codeDesc":...}: not a legacy code
				}
				o.record(recAPI2, f.desc, true, f.msg, f.req, legacy, trunc, line, off)
				return
			case f.codeNum && !f.codeEsc && o.s.known(f.code):
				o.record(recAPI2, f.code, true, f.msg, f.req, f.code, trunc, line, off)
				return
			}
		} else if isCode(f.code) && !f.codeEsc && (f.hasMsg || f.hasReq) && (looksTencent(f.code) || o.s.known(f.code)) {
			o.record(recFlat, f.code, true, f.msg, f.req, "", trunc, line, off)
			return
		}
	}
	o.found = append(o.found, f.msgFound...)
}

func trimZeros(s string) string {
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}

type recKind uint8

const (
	recError recKind = iota // {"Error":{"Code","Message"}} inside a Response
	recAPI2                 // legacy {"code","message","codeDesc"}
	recFlat                 // {"Code","Message"} with no Error wrapper
)

// record adds a finding for a record found in the object.
func (o *objScan) record(kind recKind, code string, hasCode bool, msg, req, legacy string, trunc bool, line int, off int64) {
	s := o.s
	f := Finding{
		Message:   cleanText(trimMessage(msg), s.opt.MaxRecord),
		RequestID: req,
		Line:      line,
		Offset:    off,
		Truncated: trunc,
		Cut:       o.cut,
	}
	switch kind {
	case recError:
		f.Shape, f.Confidence = ShapeAPI3JSON, High
	case recAPI2:
		f.Shape, f.Confidence = ShapeAPI2JSON, High
		f.LegacyCode = legacy
	default:
		f.Shape, f.Confidence = ShapeCodeMessage, Medium
	}
	if o.keySQ && !o.keyBare {
		f.Shape = ShapePythonDict
	}
	switch {
	case hasCode && (isCode(code) || kind == recAPI2):
		f.Code = code
	case hasCode && code != "":
		return // a code that is not a Tencent Cloud code
	default:
		c, ok := s.infer(f.Message)
		if !ok {
			return
		}
		f.Code, f.Inferred, f.Confidence = c, true, Low
	}
	o.found = append(o.found, f)
}

// trimMessage drops surrounding blanks.
func trimMessage(m string) string {
	return strings.TrimSpace(m)
}
