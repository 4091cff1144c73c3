// Package redact removes Tencent Cloud credentials from text before it is
// printed.
//
// String replaces:
//
//   - any "AKID" followed by 20 or more letters and digits (a SecretId,
//     permanent or temporary) with "AKID****";
//   - the value of every key whose name ends in secretid, secretkey, token,
//     signature, credential, secret or password (case, "_" and "-" ignored:
//     SecretId, secret_key, TENCENTCLOUD_SECRET_KEY, X-TC-Token, sessionToken,
//     TmpSecretKey, Signature ...), whatever the syntax: JSON ("SecretKey":
//     "v"), escaped JSON (\"Token\":\"v\"), Python reprs ('Token': u'v'),
//     query strings (&Signature=v&), key=value, key: value (headers, YAML),
//     and command-line flags (--secretKey v), with "[REDACTED]".
//
// In an Authorization header "TC3-HMAC-SHA256 Credential=AKID.../2024-01-01/
// cvm/tc3_request, SignedHeaders=..., Signature=..." the SecretId and the
// signature are replaced; the credential scope (date, service) is kept,
// since it helps explain signature errors and is not secret.
//
// Pagination cursors (NextToken, PageToken) are left alone. A SecretKey
// that appears with no key name cannot be told from other text and is kept.
package redact

import "strings"

// Marker replaces a secret value.
const Marker = "[REDACTED]"

// akidMarker replaces a SecretId: the prefix says what it was.
const akidMarker = "AKID****"

// minAKID is how many letters or digits must follow "AKID" to count as a
// SecretId (real ones have 32 or more).
const minAKID = 20

// String returns s with credentials replaced. It returns s itself (no
// allocation) when s holds none of the words a secret needs.
func String(s string) string {
	if !suspect(s) {
		return s
	}
	s = redactValues(s)
	return redactAKID(s)
}

// suspect is the cheap pre-check: every secret String redacts comes with
// one of these words.
func suspect(s string) bool {
	for _, w := range [...]string{
		"AKID", "ecret", "ECRET", "oken", "OKEN", "ignature", "IGNATURE",
		"redential", "REDENTIAL", "assword", "ASSWORD",
	} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
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

func isKeyChar(c byte) bool { return isAlnum(c) || c == '_' || c == '-' }

// mayBeSensitive is a cheap filter on the key's last letter
// (secretiD, secretkeY, tokeN, signaturE, credentiaL, secreT, passworD).
func mayBeSensitive(key string) bool {
	for i := len(key) - 1; i >= 0; i-- {
		switch key[i] {
		case '_', '-':
			continue
		case 'd', 'D', 'y', 'Y', 'n', 'N', 'e', 'E', 'l', 'L', 't', 'T':
			return len(key) >= 5
		}
		return false
	}
	return false
}

// sensitive reports whether a key name (letters, digits, '_', '-') names a
// secret, and whether its value ends at '/' (Credential=AKID.../scope).
func sensitive(key string) (ok, slash bool) {
	var buf [64]byte
	n := 0
	for i := len(key) - 1; i >= 0 && n < len(buf); i-- {
		c := key[i]
		if c == '_' || c == '-' {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[len(buf)-1-n] = c
		n++
	}
	k := string(buf[len(buf)-n:])
	switch {
	case strings.HasSuffix(k, "nexttoken"), strings.HasSuffix(k, "pagetoken"):
		return false, false
	case strings.HasSuffix(k, "credential"):
		return true, true
	}
	for _, suf := range [...]string{"secretid", "secretkey", "token", "signature", "secret", "password"} {
		if strings.HasSuffix(k, suf) {
			return true, false
		}
	}
	return false, false
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
		if !mayBeSensitive(s[st:i]) {
			continue
		}
		ok, slash := sensitive(s[st:i])
		if !ok {
			continue
		}
		vs, ve := value(s, st, i, slash)
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

// value finds the value of the key s[ks:ke]: after optional closing quotes
// (possibly escaped) and blanks, a ':' or '=' (or a blank after a "--flag"),
// optional blanks, an optional opening quote (Python's u” too), then up to
// the closing quote or, unquoted, up to a blank or delimiter.
func value(s string, ks, ke int, slash bool) (int, int) {
	p := ke
	for p < len(s) && (s[p] == '"' || s[p] == '\'' || s[p] == '\\') {
		p++
	}
	for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
		p++
	}
	switch {
	case p < len(s) && (s[p] == ':' || s[p] == '='):
		p++
	case p > ke && strings.HasPrefix(s[ks:], "--"):
		// --secretKey value
	default:
		return 0, 0
	}
	for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
		p++
	}
	var q byte
	if p+1 < len(s) && (s[p] == 'u' || s[p] == 'b') && (s[p+1] == '\'' || s[p+1] == '"') {
		p++
	}
	for p < len(s) && s[p] == '\\' {
		p++
	}
	if p < len(s) && (s[p] == '"' || s[p] == '\'') {
		q = s[p]
		p++
	}
	vs := p
	for p < len(s) {
		c := s[p]
		if q != 0 {
			if c == q || c == '\\' || c == '\n' {
				break
			}
		} else if c <= ' ' || strings.IndexByte("&,;\"'}])<>\\", c) >= 0 {
			break
		}
		if slash && c == '/' {
			break
		}
		p++
	}
	return vs, p
}
