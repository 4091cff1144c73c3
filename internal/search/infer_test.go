package search

import (
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

func TestInferCode(t *testing.T) {
	ix := New(catalog.New([]*catalog.Entry{
		{Code: "AuthFailure.SignatureFailure", Scope: "common", Messages: []string{
			"The provided credentials could not be validated. Please check your signature is correct.",
			"The provided credentials could not be validated because of exceeding request size limit, please use new signature method `TC3-HMAC-SHA256`.",
		}},
		{Code: "AuthFailure.SignatureExpire", Scope: "common", Messages: []string{
			"Signature expired. Please use local time and enable NTP service for time synchronization to avoid a deviation between `Timestamp` and the server time xxx.",
		}},
		{Code: "InvalidParameter", Scope: "common", Messages: []string{"Parameter `xxx` format invalid."}},
		{Code: "RequestLimitExceeded", Scope: "common", Messages: []string{
			"Your current request times equals to `xxx` in a second, which exceeds the frequency limit `xxx` for a second. Please reduce the frequency of calls.",
		}},
		{Code: "Weak", Scope: "common", Messages: []string{"xxx", "a xxx"}},
	}))
	tests := []struct {
		msg, want string
	}{
		{"The provided credentials could not be validated. Please check your signature is correct.", "AuthFailure.SignatureFailure"},
		{"  The provided credentials could not be validated. Please check your signature is correct  ", "AuthFailure.SignatureFailure"},
		{"Signature expired. Please use local time and enable NTP service for time synchronization to avoid a deviation between `Timestamp` and the server time 1706406788.", "AuthFailure.SignatureExpire"},
		{"Parameter `Limit` format invalid.", "InvalidParameter"},
		{"Your current request times equals to `21` in a second, which exceeds the frequency limit `20` for a second. Please reduce the frequency of calls.", "RequestLimitExceeded"},
		{"Your current request times equals to `21` in a second.", ""},
		{"Parameter `Limit` format invalid. And more", ""},
		{"something else entirely", ""},
		{"", ""},
		{"a b", ""}, // templates of little literal text never match
	}
	for _, tt := range tests {
		got, ok := ix.InferCode(tt.msg)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("InferCode(%q) = %q, %v; want %q", tt.msg, got, ok, tt.want)
		}
	}
}

func TestInferCodeFromCatalog(t *testing.T) {
	ix := New(catalog.Default())
	if got, _ := ix.InferCode("The SecretId is not found, please ensure that your SecretId is correct."); got != "AuthFailure.SecretIdNotFound" {
		t.Errorf("SecretId message inferred as %q", got)
	}
	if got, _ := ix.InferCode("您当前每秒请求 `30` 次，超过了每秒频率上限 `20`，请稍后重试。"); got != "RequestLimitExceeded" {
		t.Errorf("Chinese rate-limit message inferred as %q", got)
	}
}

func TestMessageWord(t *testing.T) {
	ix := New(catalog.New([]*catalog.Entry{
		{Code: "AuthFailure.SecretIdNotFound", Scope: "common", Messages: []string{
			"The SecretId is not found, please ensure that your SecretId is correct.",
			"SecretKey不存在，请检查 `X-TC-Action` 的值 xxx。",
		}},
	}))
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"SecretId", true},
		{"SecretKey", true},    // before CJK text
		{"X-TC-Action", false}, // no lower-to-upper hump
		{"The", false},
		{"secretId", false}, // prose tokens start upper-case
		{"Secret", false},
	} {
		if got := ix.MessageWord(tt.word); got != tt.want {
			t.Errorf("MessageWord(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}
