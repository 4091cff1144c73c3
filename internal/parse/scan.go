package parse

import (
	"bytes"
	"slices"
	"strings"
)

// textCtx locates a text being scanned: the current line (depth 0) or a
// decoded string or message inside it (depth 1, 2).
type textCtx struct {
	line        int
	off         int64 // input offset of t[0]
	depth       int
	objectsOnly bool // look only for bodies (the nested body of an SDK message)
}

var (
	markSDK    = []byte("TencentCloudSDK")
	markOde    = []byte("ode")
	markEssage = []byte("essage")
)

// candidate reports whether b may hold a structured record. It is the hot
// path for ordinary log lines: a few vectorised byte searches, no regexp.
func (s *scanner) candidate(b []byte) bool {
	return bytes.IndexByte(b, '{') >= 0 || s.triggers(b)
}

// triggers reports whether b holds a word every record but a bare object
// needs: "Code"/"code" (every SDK form but two, labels, bodies), "SDK"
// (TencentCloudSDK...), and with InferCode "essage" (message labels).
func (s *scanner) triggers(b []byte) bool {
	return hasODE(b) || bytes.Contains(b, markSDKShort) || (s.opt.InferCode != nil && hasEssage(b))
}

var (
	markSDKShort = []byte("SDK")
	markRuby     = []byte("TencentCloud::Common::TencentCloudSDKException")
)

// hasODE reports whether b contains "ode", searching for its 'd'.
func hasODE(b []byte) bool {
	for i := 1; i < len(b)-1; {
		k := bytes.IndexByte(b[i:len(b)-1], 'd')
		if k < 0 {
			return false
		}
		k += i
		if b[k-1] == 'o' && b[k+1] == 'e' {
			return true
		}
		i = k + 1
	}
	return false
}

// hasEssage reports whether b contains "essage", searching for its 'g'
// (rarer in text than 'e' or 's').
func hasEssage(b []byte) bool {
	for i := 4; i < len(b)-1; {
		k := bytes.IndexByte(b[i:len(b)-1], 'g')
		if k < 0 {
			return false
		}
		k += i
		if b[k+1] == 'e' && string(b[k-4:k]) == "essa" {
			return true
		}
		i = k + 1
	}
	return false
}

// scanLine scans the current line from column from.
func (s *scanner) scanLine(line []byte, from int) {
	rest := line[from:]
	if len(rest) == 0 {
		return
	}
	tc := textCtx{line: s.cur.no, off: s.cur.off}
	firstOut := len(s.out)
	essage := s.opt.InferCode != nil && hasEssage(rest)
	trig := essage || hasODE(rest) || bytes.Contains(rest, markSDKShort)
	if trig || (bytes.IndexByte(rest, '{') >= 0 && (s.node != nil || !balanced(rest))) {
		s.scanText(line, from, tc, nil)
	}
	if s.obj != nil && s.obj.line == s.cur.no {
		// a body opened on this line: prose only before it
		line = line[:s.obj.off-s.cur.off]
	}
	if s.opt.KnownCode != nil {
		s.msgWord = false
		s.prose(line, from)
	}
	if s.opt.InferCode != nil && len(s.out) == firstOut && len(s.spans) == 0 && s.obj == nil && essage {
		s.messageOnly(line, from)
	}
	if s.msgWord && len(s.out) == firstOut && len(s.spans) == 0 && s.obj == nil {
		s.quotedMessages(line, from)
	}
}

// finder caches the next match of a pattern in a text.
type finder struct {
	at int // next match, or -1 for none
	ok bool
}

func (f *finder) next(t []byte, p int, find func([]byte, int) int) int {
	if f.ok && (f.at < 0 || f.at >= p) {
		return f.at
	}
	f.ok = true
	f.at = find(t, p)
	return f.at
}

func findBrace(t []byte, p int) int {
	if k := bytes.IndexByte(t[p:], '{'); k >= 0 {
		return p + k
	}
	return -1
}

func findSDK(t []byte, p int) int {
	if k := indexSDK(t[p:]); k >= 0 {
		return p + k
	}
	return -1
}

// scanText finds the records in t[from:]. At depth 0 t is the current line:
// findings go to s.out, claimed ranges to s.spans, and a body still open at
// the end of the line becomes s.obj. Deeper, findings are appended to *dst.
func (s *scanner) scanText(t []byte, from int, tc textCtx, dst *[]Finding) {
	var fb, fs, fc finder
	p := from
	ruby := -1
	for p < len(t) {
		ib := fb.next(t, p, findBrace)
		is, ic := -1, -1
		if !tc.objectsOnly {
			is = fs.next(t, p, findSDK)
			ic = fc.next(t, p, findCodeLabel)
		}
		i := ib
		if is >= 0 && (i < 0 || is < i) {
			i = is
		}
		if ic >= 0 && (i < 0 || ic < i) {
			i = ic
		}
		if i < 0 {
			break
		}
		switch i {
		case ib:
			p = s.object(t, i, tc, dst)
		case is:
			if ruby < 0 {
				ruby = 0
				if indexAt(t, markRuby, len(markRuby)-len("Exception")) >= 0 {
					ruby = 1
				}
			}
			end, ok := s.sdkAt(t, i, tc, dst, ruby == 1)
			p = end
			if !ok {
				p = i + 1
			}
		default:
			end, ok := s.codeMsgAt(t, i, tc, dst)
			p = end
			if !ok {
				p = i + 1
			}
		}
	}
}

// balanced reports whether b closes as many braces as it opens.
// A line with no trigger word and balanced braces (an ordinary JSON log
// line) can hold nothing; an unbalanced one may open a multi-line body.
func balanced(b []byte) bool {
	return bytes.Count(b, []byte("{")) == bytes.Count(b, []byte("}"))
}

// object scans the object starting at t[i] == '{' and returns where to go on.
func (s *scanner) object(t []byte, i int, tc textCtx, dst *[]Finding) int {
	o := s.newObj(tc.depth, tc.line, tc.off+int64(i))
	o.nl = tc.depth > 0
	o.base, o.curLine = tc.off, tc.line
	if tc.depth == 0 && s.node != nil && (tc.line == s.node.last || tc.line == s.node.last+1) {
		o.nodeProps = true
	}
	o.push('{', i)
	end, res := o.feed(t, i+1, tc.off, tc.line)
	o.n++
	switch res {
	case resMore:
		if tc.depth == 0 {
			s.obj = o
			return len(t)
		}
		o.abort(true)
	case resFail:
		o.abort(true)
		if end <= i {
			end = i + 1
		}
	}
	if tc.depth == 0 {
		n := len(s.out)
		props := o.nodeProps && s.node != nil
		s.takeObj(o)
		if len(s.out) > n || props {
			s.spans = append(s.spans, span{i, end})
		}
	} else {
		*dst = append(*dst, o.found...)
		s.releaseObj(o)
	}
	return end
}

// takeObj queues the findings of a finished top-level object.
func (s *scanner) takeObj(o *objScan) {
	if o.nodeProps && s.node != nil {
		s.resolveNode(o.props)
	}
	for _, f := range o.found {
		if o.cut {
			f.Cut = true
		}
		s.add(f)
	}
	s.releaseObj(o)
}

// put adds a finding at depth 0 (claiming t[start:end]) or to *dst.
func (s *scanner) put(f Finding, tc textCtx, dst *[]Finding, start, end int) {
	if tc.depth == 0 {
		s.add(f)
		s.spans = append(s.spans, span{start, end})
		return
	}
	*dst = append(*dst, f)
}

// cutEnd reports whether position end of t is where a cut line was cut:
// a token ending there may have been cut short.
func (s *scanner) cutEnd(tc textCtx, t []byte, end int) bool {
	return tc.depth == 0 && s.cur.cut && end >= len(t)
}

// ---- SDK exception strings ----

// kvForm describes an SDK's "code message requestId" layout.
type kvForm struct {
	code, msg, req string // labels; code "" when the SDK prints none
}

var (
	formGo     = kvForm{"Code=", ", Message=", ", RequestId="}
	formPython = kvForm{"code:", " message:", " requestId:"}
	formJava   = kvForm{"code:", " message:", " requestId:"}
	formNode   = kvForm{"", "message:", " requestId:"}
	formDotNet = kvForm{"code:", " message:", " requestId"}
)

// sdkAt parses the SDK string whose "TencentCloudSDK" marker is at t[i].
func (s *scanner) sdkAt(t []byte, i int, tc textCtx, dst *[]Finding, ruby bool) (int, bool) {
	rest := t[i+len(markSDK):]
	open := i > 0 && t[i-1] == '['
	switch {
	case bytes.HasPrefix(rest, []byte("Error]")) && open:
		shape := ShapeGoSDK
		switch {
		case ruby:
			shape = ShapeRubySDK
		case tc.depth == 0 && terraformPrefix(t[:i-1]):
			shape = ShapeTerraform
		}
		return s.kv(t, i-1, i+len("TencentCloudSDKError]"), formGo, shape, tc, dst)
	case bytes.HasPrefix(rest, []byte("Exception]")):
		after := i + len("TencentCloudSDKException]")
		r := t[after:]
		if i > 0 && t[i-1] == '\\' {
			// PHP: [TencentCloud\Common\Exception\TencentCloudSDKException] (or with \\ in JSON)
			lo := max(0, i-64)
			lb := bytes.LastIndexByte(t[lo:i], '[')
			if lb < 0 {
				return i + 1, false
			}
			return s.kv(t, lo+lb, after, formPython, ShapePHPSDK, tc, dst)
		}
		if !open {
			return i + 1, false
		}
		switch {
		case bytes.HasPrefix(r, []byte(" code:")):
			shape := ShapePythonSDK
			if bytes.HasSuffix(trimSpaceBytes(t[:i-1]), []byte("tccli:")) {
				shape = ShapeTccli
			}
			return s.kv(t, i-1, after, formPython, shape, tc, dst)
		case bytes.HasPrefix(r, []byte("code:")):
			return s.kv(t, i-1, after, formJava, ShapeJavaSDK, tc, dst)
		case bytes.HasPrefix(r, []byte("message:")):
			// Node.js toString ("message:M  requestId:R  traceId:T"), or the
			// Java SDK before 2020 ("message:M requestId:R"): no code.
			shape := ShapeNodeSDK
			if !bytes.Contains(r, []byte("  requestId:")) && bytes.Contains(r, []byte(" requestId:")) {
				shape = ShapeJavaSDK
			}
			return s.kv(t, i-1, after, formNode, shape, tc, dst)
		}
		return i + 1, false
	case bytes.HasPrefix(rest, []byte("HttpException")):
		return s.nodeHeader(t, i, tc, dst)
	case bytes.HasPrefix(rest, []byte("Exception: ")):
		after := i + len("TencentCloudSDKException: ")
		r := t[after:]
		before := t[:i]
		switch {
		case bytes.HasPrefix(r, []byte("code:")):
			// .NET: TencentCloud.Common.TencentCloudSDKException: code:X message:M
			st := i
			if bytes.HasSuffix(before, []byte("TencentCloud.Common.")) {
				st = i - len("TencentCloud.Common.")
			}
			return s.kv(t, st, after, formDotNet, ShapeDotNetSDK, tc, dst)
		case len(r) > 0 && r[0] != '[' && bytes.HasSuffix(before, []byte("com.tencentcloudapi.common.exception.")):
			// Java logback/log4j: the exception's class and message, no code
			st := i - len("com.tencentcloudapi.common.exception.")
			return s.kv(t, st, i+len("TencentCloudSDKException:"), kvForm{"", "", " requestId:"}, ShapeJavaSDK, tc, dst)
		}
	}
	return i + 1, false
}

// terraformPrefix reports whether the text before a record is Terraform's
// "Error: " (after its box-drawing border).
func terraformPrefix(b []byte) bool {
	b = bytes.TrimLeft(b, " \t│╷╵")
	return bytes.HasPrefix(b, []byte("Error: "))
}

// recordEnd returns where the record starting at st (after its marker at
// from) must end: at the next SDK record, or at the quote or parenthesis
// that opened it.
func recordEnd(t []byte, st, from int) (bound int, quoted bool) {
	bound = len(t)
	if k := indexSDK(t[from:]); k >= 0 {
		n := from + k
		if n > 0 && t[n-1] == '[' {
			n--
		} else if n > 0 && t[n-1] == '\\' {
			lo := max(from, n-64)
			if lb := bytes.LastIndexByte(t[lo:n], '['); lb >= 0 {
				n = lo + lb
			}
		}
		bound = n
	}
	if st == 0 {
		return bound, false
	}
	switch t[st-1] {
	case '"', '\'':
		q := t[st-1]
		for j := from; j < bound; j++ {
			if t[j] == '\\' {
				j++
				continue
			}
			if t[j] == q {
				return j, q == '"'
			}
		}
	case '(':
		if k := bytes.LastIndexByte(t[from:bound], ')'); k >= 0 {
			return from + k, false
		}
	}
	return bound, false
}

// kv parses an SDK string whose record starts at st and whose fields start
// at p.
func (s *scanner) kv(t []byte, st, p int, form kvForm, shape Shape, tc textCtx, dst *[]Finding) (int, bool) {
	bound, quoted := recordEnd(t, st, p)
	if p > bound {
		return p, false
	}
	region := t[:bound]
	for p < bound && region[p] == ' ' {
		p++
	}
	var codeRaw []byte
	trunc := false
	msgStart := -1
	if form.code != "" {
		if !bytes.HasPrefix(region[p:], []byte(form.code)) {
			return p, false
		}
		p += len(form.code)
		for p < bound && region[p] == ' ' {
			p++
		}
		if m := bytes.Index(region[p:], []byte(form.msg)); m >= 0 {
			codeRaw = region[p : p+m]
			msgStart = p + m + len(form.msg)
		} else {
			codeRaw = region[p : p+max(codeLen(region[p:]), len(idToken(region[p:])))]
			trunc = true
		}
	} else {
		if !bytes.HasPrefix(region[p:], []byte(form.msg)) {
			return p, false
		}
		msgStart = p + len(form.msg)
	}
	if msgStart > bound {
		return p, false
	}
	end := bound
	var msg, req []byte
	if msgStart >= 0 {
		msgEnd := bound
		if r := lastIndex(region[msgStart:], []byte(form.req)); r >= 0 {
			msgEnd = msgStart + r
			rs := msgEnd + len(form.req)
			id := idToken(region[rs:])
			req = id
			end = rs + len(id)
		}
		msg = region[msgStart:msgEnd]
	} else {
		end = p + len(codeRaw)
	}
	if shape == ShapeRubySDK {
		msg = bytes.TrimSuffix(bytes.TrimSpace(msg), []byte("(TencentCloud::Common::TencentCloudSDKException)"))
		msg = bytes.TrimSuffix(bytes.TrimSpace(msg), []byte(">"))
	}
	if quoted {
		msg = decodeEscapes(msg)
	}
	f := Finding{
		Message:    cleanText(strings.TrimSpace(string(msg)), s.opt.MaxRecord),
		RequestID:  cleanID(string(req)),
		Line:       tc.line,
		Offset:     tc.off + int64(st),
		Shape:      shape,
		Confidence: High,
		Truncated:  trunc,
	}
	code := string(trimSpaceBytes(codeRaw))
	if s.cutEnd(tc, t, p+len(codeRaw)) {
		code = "" // the line was cut inside the code
	}
	if form.code == "" && shape == ShapeJavaSDK {
		// The Java SDK before 2020 glued the code to the message with a
		// dash: "message:InternalError.SendAndRecvFail-<text> requestId:R".
		if c, m, ok := dashCode(f.Message); ok {
			code, f.Message = c, m
		}
	}
	if isCode(code) && code != "None" {
		f.Code = code
	} else if c, ok := s.infer(f.Message); ok {
		f.Code, f.Inferred, f.Confidence = c, true, Low
	}
	if f.Code == "" && shape == ShapeNodeSDK && tc.depth == 0 && f.Message == "" && len(req) == 0 && bound == len(t) && !s.cur.cut {
		s.nodeNextLine(t, st, tc)
		return end, true
	}
	if f.Code != "" {
		s.put(f, tc, dst, st, end)
	} else if tc.depth == 0 {
		s.spans = append(s.spans, span{st, end})
	}
	// The server's body inside the message (HttpStatusCodeError, ServerNetworkError).
	if msgStart >= 0 && !quoted && tc.depth+1 <= maxSubDepth && bytes.IndexByte(msg, '{') >= 0 {
		var nested []Finding
		mOff := bytes.Index(t[msgStart:], msg) // msg may have been trimmed
		if mOff < 0 {
			mOff = 0
		}
		s.scanText(msg, 0, textCtx{line: tc.line, off: tc.off + int64(msgStart+mOff), depth: tc.depth + 1, objectsOnly: true}, &nested)
		for _, n := range nested {
			if n.Code != f.Code {
				n.Cut = n.Cut || tc.depth == 0 && s.cur.cut
				if tc.depth == 0 {
					s.add(n)
				} else {
					*dst = append(*dst, n)
				}
			}
		}
	}
	return end, true
}

// dashCode splits "Code-message" (the Java SDK before 2020) when the part
// before the dash looks like a Tencent Cloud code.
func dashCode(msg string) (code, rest string, ok bool) {
	n := codeLen([]byte(msg))
	for n > 0 && msg[n-1] == '-' {
		n-- // codeLen takes the dash into the last segment
	}
	if n == 0 || n >= len(msg) || msg[n] != '-' {
		// the dash may sit inside codeLen's last segment: cut at the first
		// dash after the last dot
		d := strings.LastIndexByte(msg[:n], '.')
		k := strings.IndexByte(msg[d+1:n], '-')
		if k < 0 {
			return "", "", false
		}
		n = d + 1 + k
	}
	code = msg[:n]
	if !isCode(code) || !looksTencent(code) {
		return "", "", false
	}
	return code, strings.TrimSpace(msg[n+1:]), true
}

// ---- Node.js console.error form ----

// nodePending is a Node.js exception header waiting for its properties
// object ("{ requestId: '...', code: '...' }") after the stack lines.
type nodePending struct {
	f    Finding
	last int // last line of the exception (header or stack line)
	// wantMsg: the header ended with its prefix; the message is the next
	// line ("TencentCloudSDKHttpException [Error]:", "[TencentCloudSDKException]message:").
	wantMsg bool

	// With Options.ContextLines, the exception's context is kept as it
	// grows, for Finding.Context: it may be settled lines later, in
	// another block or at the end of the input, when the lines before it
	// are no longer held. ctx holds the lines before the header, then
	// (from ctx[rs]) the exception's own lines, at most maxNodeRecord
	// bytes of them.
	keep    bool
	ctx     []byte
	rs      int
	lastOff int64 // input offset of line last
}

// maxNodeRecord bounds the lines of a pending Node.js exception kept for
// its context (the stack lines naming the SDK module come first).
const maxNodeRecord = 2 * maxContextBytes

// newNode makes f, found on the current line, the pending Node.js
// exception, keeping the lines before it for its context.
func (s *scanner) newNode(f Finding, wantMsg bool) {
	n := &nodePending{f: f, last: s.cur.no, wantMsg: wantMsg, lastOff: s.cur.off}
	s.node = n
	b := s.blk
	if s.opt.ContextLines <= 0 || b == nil {
		return
	}
	rs := lastNewline(b[:s.blkPos(f.Offset)]) + 1
	a := s.linesBefore(b, rs)
	n.keep = true
	n.ctx = append(s.nodeCtx[:0], b[a:rs]...)
	n.rs = len(n.ctx)
	n.addLine(b[rs:lineEnd(b, s.blkPos(s.cur.off))])
}

// addLine adds a line of the exception to its kept context.
func (n *nodePending) addLine(line []byte) {
	if !n.keep {
		return
	}
	room := maxNodeRecord - (len(n.ctx) - n.rs)
	if len(n.ctx) > n.rs {
		if room <= 1 {
			return
		}
		n.ctx = append(n.ctx, '\n')
		room--
	}
	n.ctx = append(n.ctx, line[:min(len(line), max(room, 0))]...)
}

// nodeContext sets f.Context from the kept context of n and the lines after
// n's last line that the block being scanned holds.
func (s *scanner) nodeContext(f *Finding, n *nodePending) {
	ctx := n.ctx
	re := len(ctx)
	if b := s.blk; b != nil {
		p := 0 // where the line after n's last begins in b
		if n.lastOff >= s.blkOff {
			if le := lineEnd(b, s.blkPos(n.lastOff)); le < len(b) {
				p = le + 1
			} else {
				p = len(b)
			}
		}
		e := p
		for range s.opt.ContextLines {
			if e >= len(b) || e-p >= maxContextBytes {
				break
			}
			e = lineEnd(b, e) + 1
		}
		if after := bytes.TrimSuffix(b[p:min(e, len(b), p+maxContextBytes)], []byte{'\n'}); len(after) > 0 {
			ctx = append(append(ctx, '\n'), after...)
		}
	}
	f.Context, f.RecordStart, f.RecordEnd = ctx, n.rs, re
}

// nodeHeader handles "TencentCloudSDKHttpException [Error]: M".
func (s *scanner) nodeHeader(t []byte, i int, tc textCtx, dst *[]Finding) (int, bool) {
	r := t[i+len("TencentCloudSDKHttpException"):]
	k := bytes.Index(r, []byte(": "))
	if k < 0 && tc.depth == 0 {
		// the header alone, its message on the next line
		if e := len(bytes.TrimRight(r, " \t")); e > 0 && e <= 17 && r[e-1] == ':' {
			k = e - 1
		}
	}
	if k < 0 || k > 16 {
		return i + 1, false
	}
	ms := min(i+len("TencentCloudSDKHttpException")+k+2, len(t))
	bound, _ := recordEnd(t, i, ms)
	msg := bytes.TrimSpace(t[ms:bound])
	end := bound
	if bytes.HasSuffix(msg, []byte(" {")) && tc.depth == 0 {
		msg = bytes.TrimSpace(msg[:len(msg)-1])
		end = ms + bytes.LastIndexByte(t[ms:bound], '{') // leave the properties' brace to the object scanner
	}
	f := Finding{
		Message:    cleanText(string(msg), s.opt.MaxRecord),
		Line:       tc.line,
		Offset:     tc.off + int64(i),
		Shape:      ShapeNodeSDK,
		Confidence: High,
	}
	if tc.depth > 0 {
		if c, ok := s.infer(f.Message); ok {
			f.Code, f.Inferred, f.Confidence = c, true, Low
			*dst = append(*dst, f)
		}
		return end, true
	}
	if s.node != nil {
		s.resolveNode(nil)
	}
	s.newNode(f, len(msg) == 0)
	s.spans = append(s.spans, span{i, end})
	return end, true
}

// nodeNextLine makes the Node.js toString form whose message is on the
// next line ("[TencentCloudSDKException]message:" ending its line) a
// pending exception, for nodeLine to complete.
func (s *scanner) nodeNextLine(t []byte, st int, tc textCtx) {
	if s.node != nil {
		s.resolveNode(nil)
	}
	f := Finding{Line: tc.line, Offset: tc.off + int64(st), Shape: ShapeNodeSDK, Confidence: High}
	s.newNode(f, true)
	s.spans = append(s.spans, span{st, len(t)})
}

// nodeLine follows the lines after a Node.js exception header.
func (s *scanner) nodeLine(line []byte) {
	n := s.node
	t := trimLeftSpace(line)
	switch {
	case s.cur.no == n.last:
	case n.wantMsg && s.cur.no == n.last+1 && len(t) > 0 && t[0] != '{' && !bytes.HasPrefix(t, []byte("at ")):
		// the message the header left for this line, with the toString
		// form's "  requestId:R  traceId:T" after it
		n.wantMsg = false
		n.last, n.lastOff = s.cur.no, s.cur.off
		n.addLine(line)
		msg := t
		if r, id, _ := lastRequestID(t); r >= 0 {
			msg, n.f.RequestID = t[:r], cleanID(string(id))
		}
		n.f.Message = cleanText(strings.TrimSpace(string(msg)), s.opt.MaxRecord)
	case bytes.HasPrefix(t, []byte("at ")) && len(t) < len(line):
		n.last, n.lastOff = s.cur.no, s.cur.off
		n.addLine(line)
	case s.cur.no == n.last+1 && len(t) > 0 && t[0] == '{':
	default:
		s.resolveNode(nil)
	}
}

// resolveNode completes the pending Node.js finding with its properties
// (nil when none came) and emits it with the findings held behind it.
func (s *scanner) resolveNode(props *oframe) {
	n := s.node
	s.node = nil
	f := n.f
	if props != nil {
		if props.hasCode && isCode(props.code) && !props.codeEsc {
			f.Code = props.code
		}
		if props.hasReq {
			f.RequestID = props.req
		}
		if props.httpCode != 0 {
			f.HTTPStatus = props.httpCode
		}
	}
	if f.Code == "" {
		c, ok := s.infer(f.Message)
		if !ok {
			s.releaseHeld(nil)
			s.nodeCtx = n.ctx[:0]
			return
		}
		f.Code, f.Inferred, f.Confidence = c, true, Low
	}
	s.attach(&f)
	if n.keep {
		s.nodeContext(&f, n)
	}
	s.releaseHeld(&f)
	if n.keep {
		s.nodeCtx = f.Context[:0] // reused: f was emitted
	}
}

// releaseHeld emits the findings held while a Node.js exception was pending.
func (s *scanner) releaseHeld(f *Finding) {
	list := s.held
	s.held = nil
	if f != nil {
		list = append(list, *f)
		slices.SortStableFunc(list, func(a, b Finding) int {
			switch {
			case a.Offset < b.Offset:
				return -1
			case a.Offset > b.Offset:
				return 1
			}
			return 0
		})
	}
	for _, x := range list {
		if s.send(x) != nil {
			return
		}
	}
}

// ---- labelled codes: "Code: X, Message: Y", "code=X message=Y" ----

// findCodeLabel returns the start of the next plausible code label
// ("Code", "code", "ErrorCode", "error_code" ...) at or after p, or -1.
func findCodeLabel(t []byte, p int) int {
	p0 := p
	for p < len(t) {
		k := indexODE(t[p:])
		if k < 0 {
			return -1
		}
		k += p
		p = k + 1
		if k == 0 || (t[k-1] != 'C' && t[k-1] != 'c') {
			continue
		}
		ls := k - 1
		if e := k + 3; e < len(t) {
			switch t[e] {
			case '"', '\'', ' ', ':', '=', '\t':
			default:
				continue
			}
		} else {
			continue
		}
		if ls > 0 && isWordChar(t[ls-1]) {
			w := ls
			for w > 0 && isWordChar(t[w-1]) {
				w--
			}
			switch string(t[w:ls]) {
			case "Error", "error", "Err", "err", "error_", "err_", "Error_":
				ls = w
			default:
				continue
			}
		}
		if ls < p0 {
			continue
		}
		return ls
	}
	return -1
}

func isWordChar(c byte) bool { return isAlnum(c) || c == '_' }

// codeMsgAt parses a labelled code at t[ls].
func (s *scanner) codeMsgAt(t []byte, ls int, tc textCtx, dst *[]Finding) (int, bool) {
	k := ls + indexODE(t[ls:]) + 3
	p := k
	if p < len(t) && (t[p] == '"' || t[p] == '\'') {
		p++
	}
	p = skipBlank(t, p)
	if p >= len(t) || (t[p] != ':' && t[p] != '=') {
		return p, false
	}
	p = skipBlank(t, p+1)
	var q byte
	if p+1 < len(t) && t[p] == 'u' && t[p+1] == '\'' {
		p++
	}
	if p < len(t) && (t[p] == '"' || t[p] == '\'') {
		q = t[p]
		p++
	}
	n := codeLen(t[p:])
	if n == 0 {
		return p, false
	}
	code := string(t[p : p+n])
	p += n
	if s.cutEnd(tc, t, p) {
		return p, false
	}
	if q != 0 {
		if p >= len(t) || t[p] != q {
			return p, false
		}
		p++
	}
	if p < len(t) && isWordChar(t[p]) {
		return p, false // "code: Foo bar" is fine, "code: Foo_bar!" was cut mid-word
	}
	end := p
	// shape
	shape, conf := ShapeCodeMessage, Medium
	before := t[:ls]
	if bytes.HasSuffix(before, []byte("message：")) || bytes.HasSuffix(before, []byte("message:")) ||
		bytes.HasSuffix(before, []byte("TencentCloudSDKException: ")) {
		shape, conf = ShapeDotNetSDK, High
	}
	// message
	var msg, req []byte
	hasMsg := false
	m := p
	for m < len(t) && m < p+8 && (t[m] == ',' || t[m] == ';' || t[m] == ' ' || t[m] == '\t' || t[m] == '"' || t[m] == '\'') {
		m++
	}
	if ml := messageLabel(t[m:]); ml > 0 {
		hasMsg = true
		v := m + ml
		if v < len(t) && (t[v] == '"' || t[v] == '\'') {
			j := closingQuote(t, v)
			msg = decodeEscapes(t[v+1 : j])
			end = min(j+1, len(t))
			if r, id, rend := lastRequestID(t[end:min(len(t), end+64)]); r >= 0 {
				req, end = id, end+rend
			}
		} else {
			bound := len(t)
			if nl := findCodeLabel(t, v); nl >= 0 {
				bound = nl
			}
			msg, end = t[v:bound], bound
			if r, id, rend := lastRequestID(t[v:bound]); r >= 0 {
				msg, req, end = t[v:v+r], id, v+rend
			}
		}
	} else if r, id, rend := lastRequestID(t[p:min(len(t), p+64)]); r >= 0 {
		req, end = id, p+rend
	}
	if shape != ShapeDotNetSDK {
		if !(hasMsg || s.known(code)) || !(looksTencent(code) || s.known(code)) {
			return p, false
		}
	}
	f := Finding{
		Code:       code,
		Message:    cleanText(strings.TrimSpace(string(msg)), s.opt.MaxRecord),
		RequestID:  cleanID(string(req)),
		Line:       tc.line,
		Offset:     tc.off + int64(ls),
		Shape:      shape,
		Confidence: conf,
	}
	if shape == ShapeDotNetSDK {
		// claim the "message：" before the label too
		f.Offset = tc.off + int64(bytes.LastIndex(before, []byte("message")))
		if f.Offset < tc.off {
			f.Offset = tc.off + int64(ls)
		}
	}
	s.put(f, tc, dst, ls, end)
	return end, true
}

// closingQuote returns the index of the quote closing the string opened at
// t[v], or len(t).
func closingQuote(t []byte, v int) int {
	q := t[v]
	j := v + 1
	for j < len(t) && t[j] != q {
		if t[j] == '\\' {
			j++
		}
		j++
	}
	return min(j, len(t))
}

func skipBlank(t []byte, p int) int {
	for p < len(t) && (t[p] == ' ' || t[p] == '\t') {
		p++
	}
	return p
}

// messageLabel returns the length of a message label ("Message: ",
// "message=", "ErrorMessage:", "msg=") at the start of b, or 0.
func messageLabel(b []byte) int {
	p := 0
	for _, w := range []string{"ErrorMessage", "errorMessage", "error_message", "Message", "message", "msg", "Msg"} {
		if bytes.HasPrefix(b, []byte(w)) {
			p = len(w)
			break
		}
	}
	if p == 0 {
		return 0
	}
	if p < len(b) && (b[p] == '"' || b[p] == '\'') {
		p++
	}
	p = skipBlank(b, p)
	if p >= len(b) || (b[p] != ':' && b[p] != '=' && !bytes.HasPrefix(b[p:], []byte("："))) {
		return 0
	}
	if b[p] == ':' || b[p] == '=' {
		p++
	} else {
		p += len("：")
	}
	return skipBlank(b, p)
}

// lastRequestID finds the last request id label in b ("RequestId=",
// " requestId:", "request_id: ", .NET's "requestId" + id) and returns the
// label's start, the id and the end of the id; r is -1 when there is none.
func lastRequestID(b []byte) (r int, id []byte, end int) {
	r = -1
	for _, lab := range [][]byte{[]byte("equestId"), []byte("equestID"), []byte("equest_id")} {
		k := bytes.LastIndex(b, lab)
		if k < 1 || (b[k-1] != 'R' && b[k-1] != 'r') {
			continue
		}
		st := k - 1
		p := k + len(lab)
		if p < len(b) && (b[p] == '"' || b[p] == '\'') {
			p++
		}
		p = skipBlank(b, p)
		if p < len(b) && (b[p] == ':' || b[p] == '=') {
			p = skipBlank(b, p+1)
		}
		if p < len(b) && (b[p] == '"' || b[p] == '\'') {
			p++
		}
		tok := idToken(b[p:])
		if st > r {
			for st > 0 && (b[st-1] == ' ' || b[st-1] == ',' || b[st-1] == ';') {
				st--
			}
			r, id, end = st, tok, p+len(tok)
			if end < len(b) && (b[end] == '"' || b[end] == '\'') {
				end++
			}
		}
	}
	return r, id, end
}

// ---- message only ----

// messageOnly offers a labelled message with no code to InferCode.
func (s *scanner) messageOnly(line []byte, from int) {
	t := line[from:]
	for p, tried := 0, 0; p < len(t) && tried < 3; {
		k := bytes.Index(t[p:], markEssage)
		if k < 0 {
			break
		}
		k += p
		p = k + 1
		st := k - 1
		if st < 0 || (t[st] != 'M' && t[st] != 'm') {
			continue
		}
		w := st
		for w > 0 && isWordChar(t[w-1]) {
			w--
		}
		ml := messageLabel(t[w:])
		if ml == 0 {
			continue
		}
		v := t[w+ml:]
		if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
			v = decodeEscapes(v[1:closingQuote(v, 0)])
		}
		tried++
		msg := cleanText(strings.TrimSpace(string(v)), s.opt.MaxRecord)
		if c, ok := s.infer(msg); ok {
			s.add(Finding{Code: c, Message: msg, Line: s.cur.no, Offset: s.cur.off + int64(from+w),
				Shape: ShapeMessageOnly, Confidence: Low, Inferred: true, Cut: s.cur.cut})
			return
		}
	}
}
