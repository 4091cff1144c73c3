package redact

import (
	"regexp"
	"strings"
	"testing"
)

const (
	akid = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
	skey = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"nothing to see here", "nothing to see here"},
		{"", ""},
		{"Authorization: TC3-HMAC-SHA256 Credential=" + akid + "/2024-01-01/cvm/tc3_request, SignedHeaders=content-type;host, Signature=be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3",
			"Authorization: TC3-HMAC-SHA256 Credential=AKID****/2024-01-01/cvm/tc3_request, SignedHeaders=content-type;host, Signature=[REDACTED]"},
		{"> X-TC-Token: da1e9d2ee9dda83506832d5ecb903b790132dfe340001",
			"> X-TC-Token: [REDACTED]"},
		{`{"SecretId":"` + akid + `","SecretKey":"` + skey + `","Region":"ap-guangzhou"}`,
			`{"SecretId":"AKID****","SecretKey":"[REDACTED]","Region":"ap-guangzhou"}`},
		{`{"secret_id": "` + akid + `", "secret_key": "` + skey + `"}`,
			`{"secret_id": "AKID****", "secret_key": "[REDACTED]"}`},
		{`{\"SecretKey\":\"` + skey + `\",\"x\":1}`, `{\"SecretKey\":\"[REDACTED]\",\"x\":1}`},
		{`{'SecretKey': u'` + skey + `'}`, `{'SecretKey': u'[REDACTED]'}`},
		{"GET /?Action=DescribeInstances&SecretId=" + akid + "&Signature=mysignature%3D&Nonce=1 HTTP/1.1",
			"GET /?Action=DescribeInstances&SecretId=AKID****&Signature=[REDACTED]&Nonce=1 HTTP/1.1"},
		{"export TENCENTCLOUD_SECRET_KEY=" + skey, "export TENCENTCLOUD_SECRET_KEY=[REDACTED]"},
		{"TENCENTCLOUD_SECRET_ID=" + akid + " TENCENTCLOUD_SECRET_KEY='" + skey + "'",
			"TENCENTCLOUD_SECRET_ID=AKID**** TENCENTCLOUD_SECRET_KEY='[REDACTED]'"},
		{"secretKey: " + skey + "\nregion: ap-guangzhou", "secretKey: [REDACTED]\nregion: ap-guangzhou"},
		{"Token = abc.def/ghi+jkl==", "Token = [REDACTED]"},
		{"tccli configure set --secretKey " + skey + " --region ap-guangzhou", "tccli configure set --secretKey [REDACTED] --region ap-guangzhou"},
		{`"Credentials":{"Token":"tok123","TmpSecretId":"` + akid + `","TmpSecretKey":"` + skey + `"}`,
			`"Credentials":{"Token":"[REDACTED]","TmpSecretId":"AKID****","TmpSecretKey":"[REDACTED]"}`},
		{"The SecretId " + akid + " is not found", "The SecretId AKID**** is not found"},
		{"key=" + akid + "x", "key=AKID****"},
		{"AKID too short AKID12345", "AKID too short AKID12345"},
		{`{"NextToken":"page-2","Token":"t"}`, `{"NextToken":"page-2","Token":"[REDACTED]"}`},
		{"AuthFailure.TokenFailure: token invalid", "AuthFailure.TokenFailure: token invalid"},
		{"SignatureMethod=HmacSHA256&Signature=abc", "SignatureMethod=HmacSHA256&Signature=[REDACTED]"},
		{"password=hunter2", "password=[REDACTED]"},
		{"Token:", "Token:"},
		{"AKIDAKID" + strings.Repeat("A", 30), "AKID****"},

		// Authorization headers: the scheme stays, the credential goes.
		{"Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-_x", "Authorization: Bearer [REDACTED]"},
		{"authorization: basic dXNlcjpwYXNzd29yZA==", "authorization: basic [REDACTED]"},
		{"Authorization: Basic YWI=, next", "Authorization: Basic [REDACTED], next"},
		{`curl -H "Authorization: Bearer abc.def" https://x`, `curl -H "Authorization: Bearer [REDACTED]" https://x`},
		{`{"Authorization":"Bearer abc.def"}`, `{"Authorization":"Bearer [REDACTED]"}`},
		{"Proxy-Authorization: Basic Zm9vOmJhcg==", "Proxy-Authorization: Basic [REDACTED]"},
		{"Authorization: ghp_abcdef0123456789", "Authorization: [REDACTED]"},
		{`{"Authorization":"TC3-HMAC-SHA256 Credential=` + akid + `/2024-01-01/cvm/tc3_request, SignedHeaders=host, Signature=abc"}`,
			`{"Authorization":"TC3-HMAC-SHA256 Credential=AKID****/2024-01-01/cvm/tc3_request, SignedHeaders=host, Signature=[REDACTED]"}`},
		// A scheme in another key's value belongs to the value.
		{"Token=Bearer abc.def next", "Token=[REDACTED] next"},
		{"X-Auth-Token: Basic Zm9vOmJhcg== next", "X-Auth-Token: [REDACTED] next"},

		// URL and DSN passwords.
		{"https://user:hunter2@example.com/path", "https://user:[REDACTED]@example.com/path"},
		{"mysql://root:hunter2@tcp(10.0.0.1:3306)/db", "mysql://root:[REDACTED]@tcp(10.0.0.1:3306)/db"},
		{"redis://:hunter2@10.0.0.2:6379/0", "redis://:[REDACTED]@10.0.0.2:6379/0"},
		{"dial postgres://app:p%40ss:w0rd@db.internal:5432/x?sslmode=disable failed", "dial postgres://app:[REDACTED]@db.internal:5432/x?sslmode=disable failed"},
		{"postgresql+psycopg2://u:p@ss@h/db", "postgresql+psycopg2://u:[REDACTED]@h/db"},
		{"dsn root:hunter2@tcp(127.0.0.1:3306)/db?parseTime=true", "dsn root:[REDACTED]@tcp(127.0.0.1:3306)/db?parseTime=true"},
		{`"dsn":"app:hunter2@unix(/tmp/mysql.sock)/db"`, `"dsn":"app:[REDACTED]@unix(/tmp/mysql.sock)/db"`},
		{"user:pass@/dbname", "user:[REDACTED]@/dbname"},
		{"https://example.com/a?mail=bob@example.com", "https://example.com/a?mail=bob@example.com"},
		{"write to bob@example.com or ops:team@example.com", "write to bob@example.com or ops:team@example.com"},
		{"https://user@example.com/", "https://user@example.com/"},

		// Key names in any case, and more names.
		{"PassWord=hunter2 ToKen=abc SIGNature=def", "PassWord=[REDACTED] ToKen=[REDACTED] SIGNature=[REDACTED]"},
		{"pwd=a1 passwd=a2 Pwd: a3", "pwd=[REDACTED] passwd=[REDACTED] Pwd: [REDACTED]"},
		{"Server=db;Uid=app;Pwd=hunter2;", "Server=db;Uid=app;Pwd=[REDACTED];"},
		{`{"AccessKey":"a1","access_key_secret":"a2","AccessKeyId":"a3"}`, `{"AccessKey":"[REDACTED]","access_key_secret":"[REDACTED]","AccessKeyId":"[REDACTED]"}`},
		{"api_key=a1 apikey=a2 X-Api-Key: a3", "api_key=[REDACTED] apikey=[REDACTED] X-Api-Key: [REDACTED]"},
		{"private_key=a1 privateKey=a2 skey=a3", "private_key=[REDACTED] privateKey=[REDACTED] skey=[REDACTED]"},
		{"client_secret=a1&session_token=a2&passphrase=a3", "client_secret=[REDACTED]&session_token=[REDACTED]&passphrase=[REDACTED]"},

		// tccli configure.
		{"tccli configure set secretKey " + skey, "tccli configure set secretKey [REDACTED]"},
		{"tccli configure set secretId " + akid + " secretKey " + skey + " region ap-guangzhou",
			"tccli configure set secretId AKID**** secretKey [REDACTED] region ap-guangzhou"},
		{"tccli configure set token abc", "tccli configure set token [REDACTED]"},
		{"tccli configure set secretKey=" + skey, "tccli configure set secretKey=[REDACTED]"},
		{"-secretKey " + skey, "-secretKey [REDACTED]"},
		{"run\t--secretKey " + skey, "run\t--secretKey [REDACTED]"},
		{`["-secretKey" ` + skey + `]`, `["-secretKey" [REDACTED]]`},
		{"a,--secretKey " + skey + ",b", "a,--secretKey [REDACTED],b"},
		// A dash inside a word starts no flag, also once the word is a
		// redacted SecretId (found by FuzzString: String was not
		// idempotent).
		{"x-secret 0", "x-secret 0"},
		{"AKID00000000000000000000-SeCret 0", "AKID****-SeCret 0"},
		{"AKID****-SeCret 0", "AKID****-SeCret 0"},
		// A SecretId before a dotted key is no error code's class.
		{"AKID00000000000000a00000.AToken:0", "AKID****.AToken:[REDACTED]"},
		{"AKID****.AToken:0", "AKID****.AToken:[REDACTED]"},

		// PHP, Ruby, XML.
		{`['SecretKey' => '` + skey + `', 'Region' => 'x']`, `['SecretKey' => '[REDACTED]', 'Region' => 'x']`},
		{`{:secret_key => "` + skey + `", :region => "x"}`, `{:secret_key => "[REDACTED]", :region => "x"}`},
		{`secret_key: "` + skey + `"`, `secret_key: "[REDACTED]"`},
		{"<SecretKey>" + skey + "</SecretKey><Region>x</Region>", "<SecretKey>[REDACTED]</SecretKey><Region>x</Region>"},
		{"&lt;Password&gt;hunter2&lt;/Password&gt;", "&lt;Password&gt;[REDACTED]&lt;/Password&gt;"},
		{"<Password>\n  hunter 2\n</Password>", "<Password>[REDACTED]</Password>"},
		{"<Password><![CDATA[hunter2]]></Password>", "<Password><![CDATA[[REDACTED]]]></Password>"},
		{"<Token>abc", "<Token>[REDACTED]"},
		{"run `login --Password <password>` instead, then <b>Token</b>", "run `login --Password <password>` instead, then <b>Token</b>"},

		// Full-width colon, tab, escaped quotes.
		{"SecretKey：" + skey + " 地域：x", "SecretKey：[REDACTED] 地域：x"},
		{"SecretKey\t" + skey, "SecretKey\t[REDACTED]"},
		{`SecretKey\t` + skey, `SecretKey\t[REDACTED]`},
		{"SecretKey\t" + skey + "\tregion", "SecretKey\t[REDACTED]\tregion"},
		{`{\\\"SecretKey\\\":\\\"` + skey + `\\\",\\\"x\\\":1}`, `{\\\"SecretKey\\\":\\\"[REDACTED]\\\",\\\"x\\\":1}`},
		{`{\"Password\":\"a\\\"b\\\\c\"}`, `{\"Password\":\"[REDACTED]\"}`},
		{`{"Password":"a\"b\\c","x":1}`, `{"Password":"[REDACTED]","x":1}`},

		// URL-encoded JSON and forms.
		{"data=%7B%22SecretKey%22%3A%22" + skey + "%22%2C%22x%22%3A1%7D", "data=%7B%22SecretKey%22%3A%22[REDACTED]%22%2C%22x%22%3A1%7D"},
		{"q=SecretKey%3D" + skey + "%26Region%3Dx", "q=SecretKey%3D[REDACTED]%26Region%3Dx"},

		// Key and value on separate lines.
		{"SecretKey:\n  " + skey + "\nregion: x", "SecretKey:\n  [REDACTED]\nregion: x"},
		{"{\n  \"SecretKey\":\n    \"" + skey + "\"\n}", "{\n  \"SecretKey\":\n    \"[REDACTED]\"\n}"},
		{`{\n  \"Token\":\n  \"abc\"}`, `{\n  \"Token\":\n  \"[REDACTED]\"}`},
		{"password: |\n  hunter2\n", "password: |\n  [REDACTED]\n"},
		{"Token:\nregion: x", "Token:\nregion: x"},

		// What is not a key/value: kept.
		{"the token expired; check your signature and password", "the token expired; check your signature and password"},
		{"InvalidParameter.InvalidPassword: the password is too short", "InvalidParameter.InvalidPassword: the password is too short"},
		{"AuthFailure.InvalidSecretId\t3", "AuthFailure.InvalidSecretId\t3"},
		{`{"PageToken":"p2","NextPageToken":"p3","ContinuationToken":"p4","next_token":"p5"}`,
			`{"PageToken":"p2","NextPageToken":"p3","ContinuationToken":"p4","next_token":"p5"}`},
		{"TokenType=Bearer MaxTokens=10 SignatureMethod=HmacSHA256", "TokenType=Bearer MaxTokens=10 SignatureMethod=HmacSHA256"},
		{"monkey: banana, keyword: x", "monkey: banana, keyword: x"},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestCut(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bad SecretId AKIDz8krbs", "bad SecretId AKID****"},
		{"xAKID1", "xAKID****"},
		{"AKID", "AKID"},
		{"AKID12345 in the middle, then AKIDz8kr", "AKID12345 in the middle, then AKID****"},
		{"SecretKey=Gu5t9x", "SecretKey=[REDACTED]"},
		{`{"SecretKey":"Gu5t9x`, `{"SecretKey":"[REDACTED]`},
		{"dial https://user:hunt", "dial https://user:[REDACTED]"},
		{"dial https://user:[REDACTED]", "dial https://user:[REDACTED]"},
		{"nothing cut here", "nothing cut here"},
	}
	for _, tt := range tests {
		if got := Cut(tt.in); got != tt.want {
			t.Errorf("Cut(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
		if got := Cut(Cut(tt.in)); got != Cut(tt.in) {
			t.Errorf("Cut not idempotent on %q: %q", tt.in, got)
		}
	}
	// Every prefix of a SecretId at the end of cut text is hidden.
	for n := 5; n < len(akid); n++ {
		if got := Cut("Message=bad " + akid[:n]); strings.Contains(got, akid[4:n]) {
			t.Errorf("Cut left %q of the SecretId: %q", akid[4:n], got)
		}
	}
}

// TestSuspect checks that the pre-check lets through every key name the
// slow path knows, however it is cased or split.
func TestSuspect(t *testing.T) {
	var names []keyName
	for _, ns := range keyNames {
		names = append(names, ns...)
	}
	if len(names) < 16 {
		t.Fatalf("only %d key names", len(names))
	}
	for _, n := range names {
		for _, sep := range []string{"", "_", "-"} {
			key := strings.ReplaceAll(n.pat, "|", sep)
			for _, k := range []string{key, strings.ToUpper(key), "x" + strings.ToUpper(key[:1]) + key[1:]} {
				if !suspect(k + "=v") {
					t.Errorf("suspect(%q) = false", k+"=v")
				}
				if sensitive(k) == notSecret {
					t.Errorf("sensitive(%q) = notSecret", k)
				}
			}
		}
	}
	for _, s := range []string{"AKID", "u@h", "AUTHORIZATION", "pwd", "PASS"} {
		if !suspect(s) {
			t.Errorf("suspect(%q) = false", s)
		}
	}
	for _, s := range []string{"", "The instance ins-1 does not exist in region ap-guangzhou.", "monkey keyword"} {
		if suspect(s) {
			t.Errorf("suspect(%q) = true", s)
		}
	}
}

func TestNoAlloc(t *testing.T) {
	s := "2024-01-01 INFO request done in 12ms, code=200, path=/v1/items"
	if n := testing.AllocsPerRun(100, func() { _ = String(s) }); n != 0 {
		t.Errorf("%v allocations for a string without secrets", n)
	}
}

var akidRE = regexp.MustCompile(`AKID[A-Za-z0-9]{28,}`)

func FuzzString(f *testing.F) {
	for _, s := range []string{
		"Credential=" + akid + "/2024-01-01/cvm/tc3_request, Signature=abc",
		`{"SecretId":"` + akid + `"}`, "AKID" + strings.Repeat("x", 40), "--secretKey abc", "Token=\\\"x",
		`{\"Token\":\"` + akid + `\"}`, "u'", "SecretId=AKID" + strings.Repeat("7", 32) + "&Signature=",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := String(s)
		for _, k := range akidRE.FindAllString(s, -1) {
			if strings.Contains(out, k) {
				t.Fatalf("String(%q) = %q still holds %q", s, out, k)
			}
		}
		if String(out) != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, String(out))
		}
	})
}

// fuzzKeys, fuzzWraps and fuzzContexts build FuzzRedact's inputs: a key
// name (its letters re-cased by the fuzzer), a syntax with %k for the key
// and %v for the value, and text around it.
var (
	fuzzKeys = [...]string{
		"SecretKey", "secret_id", "SecretId", "TENCENTCLOUD_SECRET_KEY", "Token", "X-TC-Token", "sessionToken",
		"Signature", "Password", "passwd", "pwd", "AccessKey", "access_key_secret", "api_key", "apikey",
		"private_key", "skey", "client_secret", "session_token", "TmpSecretKey", "passphrase", "x-api-key",
	}
	fuzzWraps = [...]string{
		"%k=%v", "%k: %v", "%k = %v", `"%k":"%v"`, `"%k": "%v"`, `\"%k\":\"%v\"`, `\\\"%k\\\":\\\"%v\\\"`,
		`'%k': u'%v'`, "&%k=%v&x=1", "--%k %v", "-%k %v", "--%k=%v", "tccli configure set %k %v",
		"tccli configure set region x %k=%v", `'%k' => '%v'`, `:%k => "%v"`, "<%k>%v</%k>", "&lt;%k&gt;%v&lt;/%k&gt;",
		"%k：%v", "%k\t%v", `%k\t%v`, "%22%k%22%3A%22%v%22", "%k%3D%v%26x%3D1", "%k:\n  %v", "\"%k\":\n    \"%v\"",
		`%k:\n  %v`, `{\n  \"%k\":\n  \"%v\"}`, "%k: |\n  %v", "%k=Bearer %v", "%k: Basic %v", "%k: token %v",
		"Authorization: Bearer %v", "authorization: basic %v", `{"Authorization":"Bearer %v"}`,
		"https://user:%v@host/x", "mysql://u:%v@tcp(h:3306)/db", "redis://:%v@h:6379", "u:%v@tcp(h:3306)/db",
		"postgres://u:%v@h:5432/db?sslmode=disable", "user:%v@/db",
	}
	fuzzContexts = [...][2]string{
		{"", ""}, {"x ", " y"}, {"(", ")"}, {"\n", "\n"}, {"Code=InternalError, Message=bad ", ", RequestId=r"},
		{"[", "]"}, {"{", "}"}, {"a,", ",b"}, {"msg=", ";"},
	}
)

// valueChars are the characters a planted value is made of: none of them
// ends a value in any of fuzzWraps' syntaxes.
func valueChars(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && strings.IndexByte("._~!*^+-", c) < 0 {
			return false
		}
	}
	return true
}

// FuzzRedact plants a value under a key name in one of the syntaxes String
// knows and checks that the value never survives, and that String is
// idempotent.
func FuzzRedact(f *testing.F) {
	f.Add(uint8(0), uint32(0), uint8(0), uint8(0), skey)
	f.Add(uint8(4), uint32(0x55555), uint8(5), uint8(1), "tok-123.abc")
	f.Add(uint8(9), uint32(0xfff), uint8(24), uint8(3), "hunter2!")
	f.Add(uint8(1), uint32(0), uint8(37), uint8(4), "p4ssw0rd~x")
	f.Fuzz(func(t *testing.T, key uint8, mask uint32, wrap uint8, ctx uint8, v string) {
		if len(v) < 6 || len(v) > 64 || !valueChars(v) || strings.Contains(Marker, v) || strings.Contains(akidMarker, v) {
			return
		}
		k := []byte(fuzzKeys[int(key)%len(fuzzKeys)])
		for i := range k {
			if mask&(1<<(i%32)) != 0 && ('a' <= k[i]|0x20 && k[i]|0x20 <= 'z') {
				k[i] ^= 0x20
			}
		}
		w := fuzzWraps[int(wrap)%len(fuzzWraps)]
		c := fuzzContexts[int(ctx)%len(fuzzContexts)]
		in := c[0] + strings.ReplaceAll(strings.ReplaceAll(w, "%k", string(k)), "%v", v) + c[1]
		if strings.Count(in, v) != 1 {
			return // the value also appears in the key or the syntax
		}
		out := String(in)
		if strings.Contains(out, v) {
			t.Fatalf("String(%q) = %q still holds %q", in, out, v)
		}
		if again := String(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, out, again)
		}
	})
}

func BenchmarkStringClean(b *testing.B) {
	s := strings.Repeat("The provided credentials could not be validated. Please check your signature is correct. ", 4)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		_ = String(s)
	}
}

func BenchmarkStringSecret(b *testing.B) {
	s := "Authorization: TC3-HMAC-SHA256 Credential=" + akid + "/2024-01-01/cvm/tc3_request, SignedHeaders=content-type;host, Signature=be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3"
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		_ = String(s)
	}
}

func BenchmarkStringPlain(b *testing.B) {
	s := strings.Repeat("The instance ins-12345678 does not exist in region ap-guangzhou. ", 4)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		_ = String(s)
	}
}
