// Package redact removes credentials from text before it is printed.
//
// # What String replaces
//
//   - Any "AKID" followed by 20 or more letters and digits (a Tencent Cloud
//     SecretId, permanent or temporary) becomes "AKID****", wherever it is.
//   - The value of every key whose name ends, in any case and with an
//     optional "_" or "-" between its words, in: secret, secret_id,
//     secret_key, token (session_token, X-TC-Token ...), signature,
//     credential, password, passwd, passphrase, pwd, access_key,
//     access_key_id, api_key, private_key, skey or authorization
//     (client_secret, access_key_secret, TmpSecretKey,
//     TENCENTCLOUD_SECRET_KEY, PassWord, ToKen, SIGNature ... all count)
//     becomes "[REDACTED]" ("AKID****" when the value is a SecretId). The
//     pagination cursors NextToken, PageToken, ContinuationToken and
//     PaginationToken are not secrets and are kept.
//   - A value is recognised in these syntaxes: key=value, key: value,
//     key：value (full-width colon), key<TAB>value, key => value (PHP,
//     Ruby, also :key => value), JSON and Python reprs with the key and the
//     value in single or double quotes ('Token': u'v'), the same escaped
//     once or more inside a string (\"SecretKey\":\"v\"), query strings
//     (&Signature=v&), URL-encoded JSON and forms (%22SecretKey%22%3A%22v%22,
//     SecretKey%3Dv), XML (<SecretKey>v</SecretKey>, CDATA too, also as
//     &lt;...&gt;; with no closing tag the value is unquoted),
//     command-line flags (--secretKey v, -secretKey v) and tccli's
//     "configure set secretKey v". A value may be on the next line after
//     "key:" when that line is indented or starts with a quote (YAML,
//     pretty-printed JSON, also a YAML block scalar "key: |"); the line break
//     may be a real one or an escaped "\n". A quoted value ends at its
//     closing quote (escapes inside it are skipped); an unquoted one at a
//     blank or one of & , ; " ' ` } ] ) < > \.
//   - A value that is an HTTP authentication scheme and a credential
//     (Token=Bearer X, Basic X, Token X) is replaced whole. After an
//     Authorization key (Authorization, Proxy-Authorization) the scheme is
//     kept and the credential after it replaced ("Authorization: Bearer
//     [REDACTED]"); a TC3-HMAC-SHA256 header keeps its credential scope
//     (date, service), which helps explain signature errors and is not
//     secret, and has its SecretId and Signature replaced as above.
//   - The password of a URL of any scheme (https://user:[REDACTED]@host,
//     redis://:[REDACTED]@host, mysql://u:[REDACTED]@tcp(h:3306)/db) and of
//     a Go MySQL DSN without a scheme (user:[REDACTED]@tcp(host:3306)/db,
//     also @unix(, @udp(, @/db). The user name is kept.
//
// Cut does all of that and, for text cut short at its end (a line longer
// than the parser keeps, an input that ends inside a record), also replaces
// a trailing "AKID" with fewer than 20 letters and digits after it, and a
// URL password that runs to the end.
//
// # What is not redacted
//
//   - A secret with no key name next to it ("my key is abc", positional
//     arguments such as `tccli configure set abc def`, `curl -u user:pw`,
//     `mysql -ppw`): it cannot be told from other text.
//   - Key names in prose ("the token expired", "check your signature"): a
//     key counts only when a separator (=, :, a tab, ...) follows it.
//   - An error code that ends in a key name, followed by ":" or a tab
//     ("InvalidParameter.InvalidPassword: the password is too short",
//     AuthFailure.TokenFailure): the dotted CamelCase class marks it as a
//     code, not a key.
//   - Key names in other languages (密码：x), key names split in other ways
//     (pass.word), an unquoted value's part after a blank, a delimiter or a
//     second line, a URL password holding an unencoded "/", "?" or "#".
//
// String is idempotent, and returns its argument itself (no allocation)
// when it holds none of the words a secret needs.
package redact

import "strings"

// Marker replaces a secret value.
const Marker = "[REDACTED]"

// akidMarker replaces a SecretId: the prefix says what it was.
const akidMarker = "AKID****"

// minAKID is how many letters or digits must follow "AKID" to count as a
// SecretId (real ones have 32 or more).
const minAKID = 20

// String returns s with credentials replaced (see the package doc).
func String(s string) string {
	if !suspect(s) {
		return s
	}
	// SecretIds first: a key's context (codeTail, flagStart) is then read
	// as the output shows it, so a second pass reads the same and String
	// stays idempotent.
	s = redactAKID(s)
	s = redactValues(s)
	return redactUserinfo(s)
}

// Cut is String for text that was cut short at its end: a trailing "AKID"
// followed by fewer than 20 letters and digits (at least one), or a URL
// password with no "@" yet, is taken for the start of a secret and
// replaced too.
func Cut(s string) string {
	s = String(s)
	j := len(s)
	for j > 0 && isAlnum(s[j-1]) {
		j--
	}
	if k := strings.Index(s[j:], "AKID"); k >= 0 && j+k+4 < len(s) {
		s = s[:j+k] + akidMarker
	}
	if k := strings.LastIndex(s, "://"); k >= 0 {
		a := k + 3
		e := a
		for e < len(s) && !authorityEnd(s[e]) && s[e] != '@' {
			e++
		}
		if e == len(s) {
			if c := strings.IndexByte(s[a:], ':'); c >= 0 && a+c+1 < len(s) && !strings.HasPrefix(s[a+c+1:], Marker) {
				s = s[:a+c+1] + Marker
			}
		}
	}
	return s
}

// suspect is the cheap pre-check: every secret String redacts comes with
// one of these, in any case: akid, secret, token, signature, credential,
// pass, pwd, authoriz, key after s, i, e, "_" or "-", or an "@" (URL
// passwords). It looks only at the letters k, c, g, p and z (and "@"), so
// clean text costs one table look-up per byte.
func suspect(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !anchor[c] {
			continue
		}
		switch c | 0x20 {
		case 'k':
			if foldAt(s, i-1, "akid") || foldAt(s, i-2, "token") ||
				i > 0 && keyLead[s[i-1]] && foldAt(s, i, "key") {
				return true
			}
		case 'c':
			if foldAt(s, i-2, "secret") || foldAt(s, i, "credential") {
				return true
			}
		case 'g':
			if foldAt(s, i-2, "signature") {
				return true
			}
		case 'p':
			if foldAt(s, i, "pass") || foldAt(s, i, "pwd") {
				return true
			}
		case 'z':
			if foldAt(s, i-7, "authoriz") {
				return true
			}
		default: // '@'
			return true
		}
	}
	return false
}

var anchor, keyLead [256]bool

func init() {
	for _, c := range "kKcCgGpPzZ@" {
		anchor[c] = true
	}
	for _, c := range "sSiIeE_-" {
		keyLead[c] = true
	}
}

// foldAt reports whether s[i:] starts with w (lower-case letters), in any case.
func foldAt(s string, i int, w string) bool {
	if i < 0 || len(s)-i < len(w) {
		return false
	}
	for j := 0; j < len(w); j++ {
		if s[i+j]|0x20 != w[j] {
			return false
		}
	}
	return true
}

// redactAKID replaces "AKID" + 20 or more alphanumerics.
func redactAKID(s string) string {
	if !strings.Contains(s, "AKID") {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; ; {
		k := strings.Index(s[i:], "AKID")
		if k < 0 {
			break
		}
		k += i
		j := k + 4
		for j < len(s) && isAlnum(s[j]) {
			j++
		}
		if j-k-4 >= minAKID {
			b.WriteString(s[last:k])
			b.WriteString(akidMarker)
			last = j
		}
		i = j
		if j == k+4 {
			i = k + 1
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

func isKeyChar(c byte) bool { return keyChar[c] }

var keyChar = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = isAlnum(byte(c)) || c == '_' || c == '-'
	}
	return t
}()

// kind is what a sensitive key's value is.
type kind uint8

const (
	notSecret kind = iota
	plain          // the whole value is secret
	scoped         // Credential=AKID.../2024-01-01/cvm/tc3_request: the value ends at '/'
	auth           // an Authorization header: the scheme is kept
)

// keyNames are the sensitive name endings by their last letter, longest
// first where one ends another; "|" is an optional "_" or "-". notKeys are
// the names ending in token that are not secrets.
var (
	keyNames = [...][]keyName{
		'd': {{"secret|id", plain}, {"access|key|id", plain}, {"pass|word", plain}, {"passwd", plain}, {"pwd", plain}},
		'y': {{"secret|key", plain}, {"access|key", plain}, {"api|key", plain}, {"private|key", plain}, {"skey", plain}},
		'n': {{"token", plain}, {"authorization", auth}},
		'e': {{"signature", plain}, {"pass|phrase", plain}},
		'l': {{"credential", scoped}},
		't': {{"secret", plain}},
		'z': nil,
	}
	notKeys = [...]string{"next|token", "page|token", "continuation|token", "pagination|token"}
)

type keyName struct {
	pat string
	k   kind
}

// sensitive tells whether a key name (letters, digits, '_', '-') names a
// secret, and what kind.
func sensitive(key string) kind {
	c := key[len(key)-1] | 0x20
	if c > 'z' || len(key) < 3 {
		return notSecret
	}
	for _, n := range keyNames[c] {
		if !endsWith(key, n.pat) {
			continue
		}
		if n.pat == "token" {
			for _, p := range notKeys {
				if endsWith(key, p) {
					return notSecret
				}
			}
		}
		return n.k
	}
	return notSecret
}

// endsWith reports whether key ends with pat: letters in any case, and "|"
// in pat matching an optional '_' or '-'.
func endsWith(key, pat string) bool {
	i := len(key)
	for j := len(pat) - 1; j >= 0; j-- {
		if pat[j] == '|' {
			if i > 0 && (key[i-1] == '_' || key[i-1] == '-') {
				i--
			}
			continue
		}
		if i == 0 || key[i-1]|0x20 != pat[j] {
			return false
		}
		i--
	}
	return true
}

// flagStart reports whether the key at s[ks:], which starts with '-', is a
// command-line flag. It is, but right after a redacted SecretId: in
// "AKID0000…-Secret 0" the dash is inside the word "AKID0000…-Secret", no
// flag, and String reads it as "AKID****-Secret 0" (SecretIds are replaced
// first).
func flagStart(s string, ks int) bool {
	return !strings.HasSuffix(s[:ks], akidMarker)
}

// codeTail reports whether the key at s[ks:] is the last part of a dotted
// CamelCase error code (InvalidParameter.InvalidPassword).
func codeTail(s string, ks int) bool {
	if ks < 2 || s[ks-1] != '.' || !isUpper(s[ks]) {
		return false
	}
	j := ks - 1
	for j > 0 && isAlnum(s[j-1]) {
		j--
	}
	if !isUpper(s[j]) {
		return false
	}
	for _, c := range []byte(s[j : ks-1]) {
		if 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// redactValues replaces the values of sensitive keys.
func redactValues(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if !isKeyChar(s[i]) {
			i++
			continue
		}
		st := i
		for i < len(s) && isKeyChar(s[i]) {
			i++
		}
		k := sensitive(s[st:i])
		if k == notSecret {
			continue
		}
		vs, ve := value(s, st, i, k)
		if ve <= vs {
			continue
		}
		if strings.HasPrefix(s[vs:], Marker) || strings.HasPrefix(s[vs:], akidMarker) {
			i = vs
			continue // already redacted
		}
		b.WriteString(s[last:vs])
		if strings.HasPrefix(s[vs:ve], "AKID") {
			b.WriteString(akidMarker)
		} else {
			b.WriteString(Marker)
		}
		last = ve
		i = ve
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// value finds the value of the key s[ks:ke] and returns the span to
// replace, empty when there is none. See the package doc for the syntaxes.
func value(s string, ks, ke int, k kind) (int, int) {
	// XML: <SecretKey>v</SecretKey> (v up to a closing tag, or CDATA), or
	// escaped: &lt;SecretKey&gt;v&lt;/SecretKey&gt;. An element that is not
	// closed (cut text, or a <password> placeholder in prose) has an
	// unquoted value, if any.
	if ks > 0 && s[ks-1] == '<' && ke < len(s) && s[ke] == '>' {
		return element(s, ke+1, "<")
	}
	if strings.HasSuffix(s[:ks], "&lt;") && strings.HasPrefix(s[ke:], "&gt;") {
		return element(s, ke+4, "&lt;")
	}

	p := skipCloseQuotes(s, ke)
	closed := p
	p = skipBlanks(s, p)
	enc := false  // URL-encoded: %3A, %3D
	loose := true // the value may be on the next line
	switch {
	case p < len(s) && s[p] == '=':
		p++
		if p < len(s) && s[p] == '>' {
			p++ // PHP, Ruby: =>
		}
	case p < len(s) && s[p] == ':':
		if codeTail(s, ks) {
			return 0, 0
		}
		p++
	case strings.HasPrefix(s[p:], "：") || strings.HasPrefix(s[p:], "＝"):
		if codeTail(s, ks) {
			return 0, 0
		}
		p += len("：")
	case p+3 <= len(s) && s[p] == '%' && (s[p+1:p+3] == "3A" || s[p+1:p+3] == "3a" || s[p+1:p+3] == "3D" || s[p+1:p+3] == "3d"):
		p += 3
		enc = true
	default:
		// Separated by blanks only: a tab, a flag (--secretKey v), or tccli's
		// "configure set secretKey v".
		if p == closed || p >= len(s) {
			return 0, 0
		}
		tab := strings.IndexByte(s[closed:p], '\t') >= 0 || strings.Contains(s[closed:p], `\t`)
		switch {
		case s[ks] == '-' && flagStart(s, ks):
		case (tab || configureSet(s, ks)) && !codeTail(s, ks):
		default:
			return 0, 0
		}
		loose = false
	}
	if loose {
		var ok bool
		if p, ok = skipValueBlanks(s, p); !ok {
			return 0, 0
		}
	} else {
		p = skipBlanks(s, p)
	}

	// An opening quote: Python's u'' and b'', escaped (\", \\\"), URL-encoded, HTML.
	if p+1 < len(s) && (s[p]|0x20 == 'u' || s[p]|0x20 == 'b') && (s[p+1] == '\'' || s[p+1] == '"') {
		p++
	}
	n := 0
	for p < len(s) && s[p] == '\\' {
		p++
		n++
	}
	var q string
	switch {
	case p < len(s) && (s[p] == '"' || s[p] == '\'' || s[p] == '`'):
		q = s[p : p+1]
	case p+3 <= len(s) && (foldAt(s, p, "%22") || foldAt(s, p, "%27")):
		q = s[p : p+3]
	case strings.HasPrefix(s[p:], "&quot;"):
		q = "&quot;"
	}
	p += len(q)
	vs := p
	switch {
	case len(q) == 1:
		p = endQuoted(s, p, q[0], n)
	case q == "&quot;":
		for p < len(s) && s[p] != '\n' && !strings.HasPrefix(s[p:], q) {
			p++
		}
	case q != "": // %22 or %27
		for p < len(s) && s[p] > ' ' && s[p] != '&' && !foldAt(s, p, q[:2]+string(q[2]|0x20)) {
			p++
		}
	default:
		p = endBare(s, p, k == scoped, enc)
	}

	if k == auth {
		j := vs
		for j < p && isKeyChar(s[j]) {
			j++
		}
		if q == "" {
			// Authorization: SCHEME CREDENTIAL, or a bare credential.
			if j == p && p+1 < len(s) && s[p] == ' ' && bareChar(s[p+1]) {
				if paramList(s, p+1) {
					return 0, 0 // TC3-HMAC-SHA256 Credential=..., Signature=...: those keys are redacted
				}
				return p + 1, endBare(s, p+1, false, enc)
			}
			return vs, p
		}
		if j > vs && j < p && s[j] == ' ' {
			if paramList(s, j+1) {
				return 0, 0
			}
			return j + 1, p
		}
		return vs, p
	}
	// Token=Bearer X: the scheme and its credential are one value.
	if q == "" && p+1 < len(s) && s[p] == ' ' && bareChar(s[p+1]) && isScheme(s[vs:p]) {
		p = endBare(s, p+1, false, enc)
	}
	return vs, p
}

// element returns the value of an XML element whose content starts at
// s[vs:] and whose tags open with lt.
func element(s string, vs int, lt string) (int, int) {
	if lt == "<" && strings.HasPrefix(s[vs:], "<![CDATA[") {
		vs += len("<![CDATA[")
		if e := strings.Index(s[vs:], "]]>"); e >= 0 {
			return vs, vs + e
		}
		return vs, len(s)
	}
	e := strings.Index(s[vs:], lt)
	switch {
	case e < 0:
		return vs, endBare(s, vs, false, false)
	case vs+e+len(lt) < len(s) && s[vs+e+len(lt)] == '/':
		return vs, vs + e
	}
	return 0, 0
}

// skipCloseQuotes skips the key's closing quotes: ", ', `, backslashes,
// %22, %27, %5C and &quot;.
func skipCloseQuotes(s string, p int) int {
	for p < len(s) {
		switch c := s[p]; {
		case c == '"' || c == '\'' || c == '`':
			p++
		case c == '\\' && p+1 < len(s) && (s[p+1] == '\\' || s[p+1] == '"' || s[p+1] == '\''):
			p++ // an escaped quote, not an escaped tab or line break
		case c == '%' && (foldAt(s, p, "%22") || foldAt(s, p, "%27") || foldAt(s, p, "%5c")):
			p += 3
		case strings.HasPrefix(s[p:], "&quot;"):
			p += len("&quot;")
		default:
			return p
		}
	}
	return p
}

// skipBlanks skips spaces, tabs and escaped tabs (\t).
func skipBlanks(s string, p int) int {
	for p < len(s) {
		switch {
		case s[p] == ' ' || s[p] == '\t':
			p++
		case s[p] == '\\' && p+1 < len(s) && s[p+1] == 't':
			p += 2
		default:
			return p
		}
	}
	return p
}

// skipValueBlanks skips the blanks after a separator, and at most one line
// break (real or escaped) when the next line is indented or starts with a
// quote; a YAML block scalar indicator (| or >) before the break is skipped
// too. It reports false when the line ends and the next does not go on.
func skipValueBlanks(s string, p int) (int, bool) {
	p = skipBlanks(s, p)
	q := p
	if q < len(s) && (s[q] == '|' || s[q] == '>') {
		q++
		for q < len(s) && (s[q] == '-' || s[q] == '+' || '0' <= s[q] && s[q] <= '9') {
			q++
		}
		q = skipBlanks(s, q)
	}
	switch {
	case strings.HasPrefix(s[q:], "\r\n"):
		q += 2
	case strings.HasPrefix(s[q:], "\n"):
		q++
	case strings.HasPrefix(s[q:], `\r\n`):
		q += 4
	case strings.HasPrefix(s[q:], `\n`):
		q += 2
	default:
		return p, true
	}
	r := skipBlanks(s, q)
	if r == q {
		c := byte(0)
		if r < len(s) {
			c = s[r]
		}
		if c != '"' && c != '\'' && c != '\\' {
			return p, false
		}
	}
	return r, true
}

// endQuoted returns the end of a value quoted with q, whose opening quote
// was escaped by n backslashes: its closing quote has n too (n mod 2n+2),
// an escaped quote inside it more. A line break ends it too.
func endQuoted(s string, p int, q byte, n int) int {
	for p < len(s) {
		switch c := s[p]; {
		case c == '\n':
			return p
		case c == '\\':
			k := 0
			for p+k < len(s) && s[p+k] == '\\' {
				k++
			}
			if p+k < len(s) && s[p+k] == q {
				if k%(2*n+2) == n {
					return p
				}
				p += k + 1
				continue
			}
			p += k
			continue
		case c == q && n == 0:
			return p
		}
		p++
	}
	return p
}

// endBare returns the end of an unquoted value: a blank or a delimiter, '/'
// too when slash is set, and the URL-encoded delimiters when enc is.
func endBare(s string, p int, slash, enc bool) int {
	for ; p < len(s); p++ {
		c := s[p]
		if !bareChar(c) || slash && c == '/' {
			break
		}
		if enc && c == '%' && p+2 < len(s) && encDelim(s[p+1], s[p+2]) {
			break
		}
	}
	return p
}

func bareChar(c byte) bool { return c > ' ' && strings.IndexByte("&,;\"'`}])<>\\", c) < 0 }

// encDelim reports whether %xy is an encoded delimiter: & " ' , ; } ] space
// or a line break.
func encDelim(x, y byte) bool {
	y |= 0x20
	switch x {
	case '2':
		return y == '6' || y == '2' || y == '7' || y == 'c' || y == '0'
	case '3':
		return y == 'b'
	case '7':
		return y == 'd'
	case '5':
		return y == 'd'
	case '0':
		return y == 'a' || y == 'd'
	}
	return false
}

// isScheme reports whether v is an HTTP authentication scheme that is
// followed by its credential.
func isScheme(v string) bool {
	return strings.EqualFold(v, "bearer") || strings.EqualFold(v, "basic") || strings.EqualFold(v, "token")
}

// paramList reports whether s[p:] starts with a name=value parameter
// (TC3-HMAC-SHA256 Credential=..., Digest username="..."), as opposed to a
// credential such as base64 with '=' padding.
func paramList(s string, p int) bool {
	j := p
	for j < len(s) && isKeyChar(s[j]) {
		j++
	}
	return j > p && j+1 < len(s) && s[j] == '=' && (isAlnum(s[j+1]) || s[j+1] == '"')
}

// configureSet reports whether the key at s[ks:] follows "configure set "
// on its line (tccli configure set secretKey v).
func configureSet(s string, ks int) bool {
	ls := strings.LastIndexByte(s[:ks], '\n') + 1
	return strings.Contains(s[ls:ks], "configure set ")
}

// authorityEnd reports whether c ends a URL's authority (or a DSN's
// user:password part).
func authorityEnd(c byte) bool {
	return c <= ' ' || strings.IndexByte("/?#\"'`<>\\", c) >= 0
}

// redactUserinfo replaces the password of URLs (scheme://user:pw@host) and
// of Go MySQL DSNs (user:pw@tcp(host)/db).
func redactUserinfo(s string) string {
	if strings.IndexByte(s, '@') < 0 {
		return s
	}
	var b strings.Builder
	last := 0
	replace := func(ps, pe int) {
		if pe <= ps || ps < last || strings.HasPrefix(s[ps:], Marker) {
			return
		}
		b.WriteString(s[last:ps])
		b.WriteString(Marker)
		last = pe
	}
	for i := 0; i < len(s); {
		at := strings.IndexByte(s[i:], '@')
		if at < 0 {
			break
		}
		at += i
		i = at + 1
		// The user:password before '@', back to a blank, quote or '/'.
		st := at
		for st > 0 && !authorityEnd(s[st-1]) {
			st--
		}
		if st >= 3 && s[st-3:st] == "://" {
			if !validScheme(s, st-3) {
				continue
			}
			// A URL: the userinfo ends at the authority's last '@'.
			e := at
			for j := at + 1; j < len(s) && !authorityEnd(s[j]); j++ {
				if s[j] == '@' {
					e = j
				}
			}
			if c := strings.IndexByte(s[st:e], ':'); c >= 0 {
				replace(st+c+1, e)
			}
			i = e + 1
			continue
		}
		rest := s[at+1:]
		if !(foldAt(rest, 0, "tcp(") || foldAt(rest, 0, "tcp6(") || foldAt(rest, 0, "udp(") ||
			foldAt(rest, 0, "unix(") || strings.HasPrefix(rest, "/")) {
			continue
		}
		if c := strings.IndexByte(s[st:at], ':'); c >= 0 {
			replace(st+c+1, at)
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// validScheme reports whether a URL scheme ([A-Za-z][A-Za-z0-9+.-]*) ends at s[:e].
func validScheme(s string, e int) bool {
	j := e
	for j > 0 && (isAlnum(s[j-1]) || s[j-1] == '+' || s[j-1] == '.' || s[j-1] == '-') {
		j--
	}
	for j < e && !('a' <= s[j]|0x20 && s[j]|0x20 <= 'z') {
		j++ // "2https://" in run-together text: start at the first letter
	}
	return j < e
}
