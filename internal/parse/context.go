package parse

import (
	"bytes"
	"strconv"
	"strings"
)

// httpCtx collects what an HTTP transcript (curl -i, curl -v) or a curl
// command line says about the exchange whose body follows.
type httpCtx struct {
	active    bool
	first     int  // line where the transcript (or curl command) began
	last      int  // line of the last transcript line (header, blank line after headers, "* " info)
	inHeaders bool // after a bare status line (curl -i), until the blank line
	sawStatus bool // a status line was seen since the request fields were set

	status                      int
	host, action, version, date string
	ts                          int64
}

// bodyWindow is how many lines after the last transcript line a body may start.
const bodyWindow = 3

func (h *httpCtx) reset() { *h = httpCtx{} }

// touch marks line no as part of the transcript.
func (h *httpCtx) touch(no int) {
	if !h.active {
		h.active, h.first = true, no
	}
	h.last = no
}

// curlCtx follows a curl command line and its "\" continuations.
type curlCtx struct{ cont bool }

// tccliCtx remembers a tccli command line or usage text.
type tccliCtx struct {
	line            int
	service, action string
}

// tccliWindow is how many lines after a tccli command its error may appear.
const tccliWindow = 200

// context updates the transcript, curl and tccli state from a line that does
// not continue a body.
func (s *scanner) context(line []byte) {
	h := &s.http
	no := s.cur.no
	if h.active && !h.inHeaders && no > h.last+bodyWindow {
		h.reset()
	}
	if s.curl.cont {
		s.curlLine(line)
		return
	}
	if len(line) == 0 {
		if h.inHeaders {
			h.inHeaders = false
			h.last = no
		}
		return
	}
	switch c := line[0]; {
	case c == '>' && hasWordPrefix(trimLeftSpace(line[1:]), "tccli"):
		// a "> " prompt (PowerShell's continuation, a Windows or custom prompt)
	case c == '>' || c == '<':
		s.curlVerbose(c, line[1:])
		return
	case c == '*':
		if h.active && (len(line) == 1 || line[1] == ' ') {
			h.last = no
		}
		return
	case c == 'H' || c == 'h':
		if st, ok := statusLine(line); ok {
			h.touch(no)
			h.inHeaders, h.sawStatus = true, true
			h.status, h.date = st, ""
			return
		}
	}
	if h.inHeaders {
		if name, val, ok := header(line); ok {
			h.responseHeader(name, val)
			h.last = no
			return
		}
		h.inHeaders = false
	}
	// Command lines: "$ curl ...", "tccli cvm DescribeInstances ...", "usage: tccli".
	t := trimPrompt(line)
	switch {
	case hasWordPrefix(t, "curl"):
		h.reset()
		s.curlLine(t)
	case hasWordPrefix(t, "tccli"):
		s.tccliCommand(t[len("tccli"):])
	case bytes.HasPrefix(t, []byte("usage: tccli")):
		if s.tcc.line == 0 || no-s.tcc.line > tccliWindow {
			s.tcc = tccliCtx{line: no}
		}
	}
}

// trimPrompt drops leading blanks and a shell prompt: "$ ", "# ", "% ",
// "> ", PowerShell's "PS C:\work> " or cmd.exe's "C:\work>" (when a tccli
// command follows it).
func trimPrompt(b []byte) []byte {
	b = trimLeftSpace(b)
	if len(b) >= 2 && (b[0] == '$' || b[0] == '#' || b[0] == '%' || b[0] == '>') && b[1] == ' ' {
		return trimLeftSpace(b[2:])
	}
	if windowsPrompt(b) {
		return tccliAfterPrompt(b)
	}
	return b
}

// windowsPrompt reports whether b starts like a PowerShell or cmd.exe
// prompt: "PS " or a drive C:, D: or E: (the fast path looks at lines
// starting with those letters; see newPairFilter).
func windowsPrompt(b []byte) bool {
	return len(b) >= 3 && (string(b[:3]) == "PS " || 'C' <= b[0] && b[0] <= 'E' && b[1] == ':' && b[2] == '\\')
}

// maxPrompt bounds the prompt tccliAfterPrompt looks through.
const maxPrompt = 120

// tccliAfterPrompt returns b from its "tccli " when what comes before it on
// its line ends in '>' (and blanks), else b.
func tccliAfterPrompt(b []byte) []byte {
	n := min(len(b), maxPrompt+len("tccli "))
	if nl := bytes.IndexByte(b[:n], '\n'); nl >= 0 {
		n = nl
	}
	k := bytes.Index(b[:n], []byte("tccli "))
	if k < 1 {
		return b
	}
	p := k
	for p > 0 && (b[p-1] == ' ' || b[p-1] == '\t') {
		p--
	}
	if p > 0 && b[p-1] == '>' {
		return b[k:]
	}
	return b
}

func hasWordPrefix(b []byte, w string) bool {
	return len(b) > len(w) && string(b[:len(w)]) == w && (b[len(w)] == ' ' || b[len(w)] == '\t')
}

func (s *scanner) tccliCommand(rest []byte) {
	f := bytes.Fields(rest)
	c := tccliCtx{line: s.cur.no}
	// tccli [--options] service Action ...
	var words []string
	for _, w := range f {
		if len(w) > 0 && w[0] == '-' {
			if len(words) == 0 {
				continue
			}
			break
		}
		words = append(words, string(w))
		if len(words) == 2 {
			break
		}
	}
	// only a real call ("tccli cvm DescribeInstances"), not help text ("tccli <command> help")
	if len(words) < 2 || !isLowerWord(words[0]) || !isCode(words[1]) || strings.Contains(words[1], ".") {
		return
	}
	c.service, c.action = words[0], words[1]
	s.tcc = c
}

func isLowerWord(w string) bool {
	if w == "" || len(w) > 40 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// curlLine reads host and X-TC-* headers from a curl command line.
func (s *scanner) curlLine(line []byte) {
	h := &s.http
	t := bytes.TrimRight(line, " \t")
	s.curl.cont = len(t) > 0 && t[len(t)-1] == '\\'
	h.touch(s.cur.no)
	if i := bytes.Index(line, []byte("://")); i >= 0 {
		rest := line[i+3:]
		j := 0
		for j < len(rest) && isHostChar(rest[j]) {
			j++
		}
		if j > 0 && h.host == "" {
			h.host = string(rest[:j])
		}
	}
	for _, name := range []string{"X-TC-Action", "X-TC-Version", "X-TC-Timestamp", "Host"} {
		i := indexFold(line, name+":")
		if i < 0 {
			continue
		}
		v := line[i+len(name)+1:]
		v = trimLeftSpace(v)
		j := 0
		for j < len(v) && isHostChar(v[j]) {
			j++
		}
		h.requestHeader(name, string(v[:j]))
	}
}

// curlVerbose handles a "> " (request) or "< " (response) line of curl -v.
func (s *scanner) curlVerbose(dir byte, rest []byte) {
	h := &s.http
	no := s.cur.no
	if len(rest) > 0 && rest[0] != ' ' {
		return // not curl -v ("<tag>", ">>")
	}
	rest = trimLeftSpace(rest)
	if dir == '<' && len(rest) == 0 {
		// end of response headers: the body follows
		if h.active {
			h.last = no
		}
		return
	}
	if dir == '>' && len(rest) == 0 {
		if h.active {
			h.last = no
		}
		return
	}
	if dir == '<' {
		if st, ok := statusLine(rest); ok {
			h.touch(no)
			h.sawStatus = true
			h.status, h.date = st, ""
			return
		}
		if name, val, ok := header(rest); ok && h.active {
			h.responseHeader(name, val)
			h.last = no
		}
		return
	}
	// request side
	if m := bytes.IndexByte(rest, ' '); m > 0 && isMethod(rest[:m]) {
		if h.sawStatus {
			h.reset()
		}
		h.touch(no)
		h.status, h.date = 0, ""
		// API 3.0 GET: /?Action=DescribeInstances&Version=2017-03-12
		if q := bytes.IndexByte(rest, '?'); q >= 0 {
			for _, kv := range bytes.Split(rest[q+1:], []byte("&")) {
				k, v, _ := bytes.Cut(kv, []byte("="))
				v, _, _ = bytes.Cut(v, []byte(" "))
				switch string(k) {
				case "Action":
					h.requestHeader("X-TC-Action", string(v))
				case "Version":
					h.requestHeader("X-TC-Version", string(v))
				case "Timestamp":
					h.requestHeader("X-TC-Timestamp", string(v))
				}
			}
		}
		return
	}
	if name, val, ok := header(rest); ok {
		h.touch(no)
		h.requestHeader(name, val)
	}
}

func isMethod(b []byte) bool {
	switch string(b) {
	case "GET", "POST", "PUT", "HEAD", "DELETE", "OPTIONS", "PATCH":
		return true
	}
	return false
}

func (h *httpCtx) requestHeader(name, val string) {
	if !asciiToken(val) {
		return
	}
	switch {
	case eqFold(name, "Host"):
		h.host = val
	case eqFold(name, "X-TC-Action"):
		h.action = val
	case eqFold(name, "X-TC-Version"):
		h.version = val
	case eqFold(name, "X-TC-Timestamp"):
		if n, err := strconv.ParseInt(val, 10, 64); err == nil && n > 0 {
			h.ts = n
		}
	}
}

func (h *httpCtx) responseHeader(name, val string) {
	if eqFold(name, "Date") {
		h.date = cleanText(val, 128)
	}
}

// asciiToken reports whether v is a short printable ASCII token.
func asciiToken(v string) bool {
	if v == "" || len(v) > 256 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] <= ' ' || v[i] >= 0x7f {
			return false
		}
	}
	return true
}

// statusLine parses "HTTP/1.1 200 OK", "HTTP/2 400", "http/2 200".
func statusLine(b []byte) (int, bool) {
	if len(b) < 10 || !eqFold(string(b[:5]), "HTTP/") {
		return 0, false
	}
	i := 5
	for i < len(b) && (b[i] >= '0' && b[i] <= '9' || b[i] == '.') {
		i++
	}
	if i == 5 || i+4 > len(b) || b[i] != ' ' {
		return 0, false
	}
	d := b[i+1 : i+4]
	if !(d[0] >= '1' && d[0] <= '5' && d[1] >= '0' && d[1] <= '9' && d[2] >= '0' && d[2] <= '9') {
		return 0, false
	}
	if i+4 < len(b) && b[i+4] != ' ' {
		return 0, false
	}
	return int(d[0]-'0')*100 + int(d[1]-'0')*10 + int(d[2]-'0'), true
}

// header parses "Name: value".
func header(b []byte) (name, val string, ok bool) {
	i := bytes.IndexByte(b, ':')
	if i <= 0 || i > 64 {
		return "", "", false
	}
	for _, c := range b[:i] {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return "", "", false
		}
	}
	return string(b[:i]), string(bytes.TrimSpace(b[i+1:])), true
}

func isHostChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_' || c == ':'
}

// attach completes a finding with the transcript, tccli and host context.
func (s *scanner) attach(f *Finding) {
	h := &s.http
	if h.active && f.Line >= h.first && f.Line <= h.last+bodyWindow {
		if f.HTTPStatus == 0 {
			f.HTTPStatus = h.status
		}
		if f.Host == "" {
			f.Host = h.host
		}
		if f.Action == "" {
			f.Action = h.action
		}
		if f.Version == "" {
			f.Version = h.version
		}
		if f.Date == "" {
			f.Date = h.date
		}
		if f.Timestamp == 0 {
			f.Timestamp = h.ts
		}
	}
	if s.tcc.line > 0 && f.Line >= s.tcc.line && f.Line-s.tcc.line <= tccliWindow {
		if f.Shape == ShapePythonSDK {
			f.Shape = ShapeTccli
		}
		if f.Shape == ShapeTccli {
			if f.Service == "" {
				f.Service = s.tcc.service
			}
			if f.Action == "" {
				f.Action = s.tcc.action
			}
			s.tcc = tccliCtx{} // one command, one error
		}
	}
	if f.Host == "" {
		f.Host = hostIn(f.Message)
	}
	if f.Service == "" {
		f.Service = serviceOf(f.Host)
	}
}

const apiDomain = ".tencentcloudapi.com"

// hostIn finds a *.tencentcloudapi.com host named in a message
// (python: "HTTPSConnectionPool(host='cvm.tencentcloudapi.com', port=443)").
func hostIn(msg string) string {
	i := indexString(msg, apiDomain)
	if i <= 0 {
		return ""
	}
	j := i
	for j > 0 && (isHostChar(msg[j-1]) && msg[j-1] != ':' && msg[j-1] != '_') {
		j--
	}
	if j == i {
		return ""
	}
	return msg[j : i+len(apiDomain)]
}

// serviceOf returns the first label of a Tencent Cloud API host.
func serviceOf(host string) string {
	if host == "" {
		return ""
	}
	h := host
	if i := bytes.IndexByte([]byte(h), ':'); i >= 0 {
		h = h[:i]
	}
	if !hasSuffixFold(h, apiDomain) {
		return ""
	}
	i := bytes.IndexByte([]byte(h), '.')
	if i <= 0 {
		return ""
	}
	return h[:i]
}
