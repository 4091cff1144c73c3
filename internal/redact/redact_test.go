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
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q)\n got %q\nwant %q", tt.in, got, tt.want)
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
