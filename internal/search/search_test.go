package search

import (
	"encoding/binary"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/catalog"
)

func txt(en, zh string) catalog.Text { return catalog.Text{En: en, Zh: zh} }

func texts(t ...catalog.Text) []catalog.Text { return t }

// testEntries is a small, realistic catalog. In catalog order (category,
// code, scope) its entries are:
//
//	0  AuthFailure.SecretIdNotFound
//	1  AuthFailure.SignatureExpire
//	2  AuthFailure.SignatureFailure
//	3  AuthFailure.UnauthorizedOperation
//	4  InternalError                         (common)
//	5  InternalError                         (tcr)
//	6  InternalError.DbError                 (tcr)
//	7  InvalidParameter.ErrRepoExist         (tcr)
//	8  LimitExceeded
//	9  RequestLimitExceeded
//	10 RequestLimitExceeded.IPLimitExceeded
//	11 ResourceNotFound.ErrNoRepo            (tcr)
func testEntries() []*catalog.Entry {
	return []*catalog.Entry{
		{
			Code: "RequestLimitExceeded", Scope: "common",
			Summary:     txt("The number of requests exceeds the frequency limit.", "请求的次数超过了频率限制。"),
			Causes:      texts(txt("Too many calls to the same API per second from one account.", "同一账号每秒调用同一接口的次数过多。")),
			Remediation: texts(txt("Back off exponentially and retry.", "按指数退避后重试。")),
			Retryable:   true,
		},
		{
			Code: "AuthFailure.SignatureExpire", Scope: "common",
			Summary: txt("Signature expired. Timestamp and server time cannot differ by more than five minutes. Please ensure your current local time matches the standard time.",
				"签名过期。Timestamp 和服务器时间相差不得超过五分钟，请检查本地时间是否和标准时间同步。"),
			Causes: texts(
				txt("The clock of the machine that signed the request is more than 5 minutes off.", "发起请求的机器时钟与标准时间相差超过 5 分钟。"),
				txt("A signed request was queued and sent more than 5 minutes after it was signed.", "已签名的请求被缓存或排队，签名 5 分钟后才发出。"),
			),
			Remediation: texts(
				txt("Turn on NTP time synchronisation.", "开启 NTP 时间同步。"),
				txt("Sign each request just before sending it.", "每次请求在发送前即时签名。"),
			),
		},
		{
			Code: "AuthFailure.SignatureFailure", Scope: "common",
			Summary: txt("Invalid signature. Signature calculation error. Please ensure you've followed the signature calculation process described in the Signature API documentation.",
				"签名错误。签名计算错误，请对照调用方式中的签名方法文档检查签名计算过程。"),
			Causes:      texts(txt("The SecretKey used to sign does not match the SecretId.", "用于签名的 SecretKey 与 SecretId 不匹配。")),
			Remediation: texts(txt("Use the signing code of an official SDK.", "使用官方 SDK 的签名代码。")),
		},
		{
			Code: "AuthFailure.SecretIdNotFound", Scope: "common",
			Summary: txt("The key does not exist. Please check if the key has been deleted or disabled in the console, and if not, check if the key is entered correctly. Note that there should not be any extra spaces before or after the key.",
				"密钥不存在。请在控制台检查密钥是否已被删除或者禁用，如状态正常，请检查密钥是否填写正确，注意前后不得有空格。"),
			Causes: texts(txt("The SecretId was deleted or disabled in the CAM console.", "SecretId 已在访问管理控制台被删除或禁用。")),
		},
		{
			Code: "AuthFailure.UnauthorizedOperation", Scope: "common",
			Summary: txt("The request is not authorized. For more information, see the CAM documentation.", "请求未授权。请参考 CAM 文档对鉴权的说明。"),
			Causes:  texts(txt("The CAM policy of the sub-account does not allow this action.", "子账号的 CAM 策略不允许此操作。")),
		},
		{Code: "LimitExceeded", Scope: "common", Summary: txt("Quota limit exceeded.", "超过配额限制。")},
		{Code: "RequestLimitExceeded.IPLimitExceeded", Scope: "common", Summary: txt("IP frequency limit exceeded.", "IP限频。")},
		{Code: "InternalError.DbError", Scope: "tcr", Summary: txt("Database error.", "数据库错误。")},
		{Code: "InternalError", Scope: "tcr", Summary: txt("Internal error.", "内部错误。")},
		{
			Code: "InternalError", Scope: "common", Summary: txt("Internal error.", "内部错误。"),
			Causes: texts(txt("A transient fault in the backend service.", "后端服务出现临时故障。")),
		},
		{Code: "ResourceNotFound.ErrNoRepo", Scope: "tcr", Summary: txt("The repository does not exist.", "仓库不存在。")},
		{Code: "InvalidParameter.ErrRepoExist", Scope: "tcr", Summary: txt("The repository already exists.", "仓库已存在。")},
	}
}

var (
	testIndexOnce sync.Once
	testIdx       *Index
)

func testIndex(t testing.TB) *Index {
	t.Helper()
	testIndexOnce.Do(func() { testIdx = New(catalog.New(testEntries())) })
	return testIdx
}

// key names an entry in expectations: its code, with "@scope" unless common.
func key(e *catalog.Entry) string {
	if e.Scope == catalog.ScopeCommon {
		return e.Code
	}
	return e.Code + "@" + e.Scope
}

func keys(es []*catalog.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, key(e))
	}
	return out
}

func hitKeys(hs []Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, key(h.Entry))
	}
	return out
}

func TestTestCatalogOrder(t *testing.T) {
	// The hand-written expectations below rely on this order.
	want := []string{
		"AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure",
		"AuthFailure.UnauthorizedOperation", "InternalError", "InternalError@tcr", "InternalError.DbError@tcr",
		"InvalidParameter.ErrRepoExist@tcr", "LimitExceeded", "RequestLimitExceeded",
		"RequestLimitExceeded.IPLimitExceeded", "ResourceNotFound.ErrNoRepo@tcr",
	}
	if got := keys(catalog.New(testEntries()).Entries()); !slices.Equal(got, want) {
		t.Fatalf("catalog order:\n got %q\nwant %q", got, want)
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		q    string
		want Kind
	}{
		{"AuthFailure.SignatureExpire", KindExact},
		{"authfailure.signatureexpire", KindExact},
		{"  InternalError\t", KindExact},
		{"RequestLimitExceeded", KindExact},
		{"Auth_Failure-1.x_y.Z-9", KindExact},
		{"signature", KindExact}, // one word is code-shaped; callers fall back to text
		{"AuthFailure.*", KindPattern},
		{"*NotFound*", KindPattern},
		{"*.ErrNo*", KindPattern},
		{"Auth?ailure.SignatureExpire", KindPattern},
		{"*", KindPattern},
		{"rate limit", KindText},
		{"签名过期", KindText},
		{"签名?", KindText},          // a question, not a pattern: CJK
		{"why expired?", KindText}, // a question, not a pattern: space
		{"AuthFailure.", KindText},
		{"AuthFailure..X", KindText},
		{".AuthFailure", KindText},
		{"9Lives", KindText},
		{"_x", KindText},
		{"AuthFailure.Signature Expire", KindText},
		{"AuthFailure:SignatureExpire", KindText},
		{"", KindText},
		{"   ", KindText},
	}
	for _, tt := range tests {
		if got := Classify(tt.q); got != tt.want {
			t.Errorf("Classify(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{KindExact: "exact", KindPattern: "pattern", KindText: "text", Kind(7): "Kind(7)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}

func TestPattern(t *testing.T) {
	ix := testIndex(t)
	tests := []struct {
		p    string
		want []string
	}{
		{"AuthFailure.*", []string{"AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure", "AuthFailure.UnauthorizedOperation"}},
		{"authfailure.*", []string{"AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure", "AuthFailure.UnauthorizedOperation"}},
		{"*NotFound*", []string{"AuthFailure.SecretIdNotFound", "ResourceNotFound.ErrNoRepo@tcr"}},
		{"*.ErrNo*", []string{"ResourceNotFound.ErrNoRepo@tcr"}},
		{"*.Err*", []string{"InvalidParameter.ErrRepoExist@tcr", "ResourceNotFound.ErrNoRepo@tcr"}},
		{"*error", []string{"InternalError", "InternalError@tcr", "InternalError.DbError@tcr"}},
		{"InternalError", []string{"InternalError", "InternalError@tcr"}}, // no wildcard: that code, every scope
		{"?nternalError", []string{"InternalError", "InternalError@tcr"}},
		{"InternalError?", nil},
		{"Auth?ailure.Sig*", []string{"AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure"}},
		{"*Limit*", []string{"LimitExceeded", "RequestLimitExceeded", "RequestLimitExceeded.IPLimitExceeded"}},
		{"RequestLimitExceeded.*", []string{"RequestLimitExceeded.IPLimitExceeded"}},
		{"*.*", []string{"AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure", "AuthFailure.UnauthorizedOperation", "InternalError.DbError@tcr", "InvalidParameter.ErrRepoExist@tcr", "RequestLimitExceeded.IPLimitExceeded", "ResourceNotFound.ErrNoRepo@tcr"}},
		{"*.*.*", nil},
		{" LimitExceeded ", []string{"LimitExceeded"}},
		{"", nil},
		{"   ", nil},
		{"**NotFound***", []string{"AuthFailure.SecretIdNotFound", "ResourceNotFound.ErrNoRepo@tcr"}}, // ** is *
		{"Auth**.Sig*?*Expire", []string{"AuthFailure.SignatureExpire"}},
		{strings.Repeat("*", 131072) + "Error", []string{"InternalError", "InternalError@tcr", "InternalError.DbError@tcr"}}, // one star
		{strings.Repeat("*?", MaxPatternLen/2+1), nil},                                                                       // longer than MaxPatternLen
		{strings.Repeat("*?", MaxPatternLen/2), nil},                                                                         // as long as allowed, longer than any code
		{strings.Repeat("?", 100) + "*", nil},                                                                                // longer than any code
		{strings.Repeat("?*", 20), []string{"AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure", "AuthFailure.UnauthorizedOperation", "InternalError.DbError@tcr", "InvalidParameter.ErrRepoExist@tcr", "RequestLimitExceeded", "RequestLimitExceeded.IPLimitExceeded", "ResourceNotFound.ErrNoRepo@tcr"}}, // at least 20 characters
	}
	for _, tt := range tests {
		if got := keys(ix.Pattern(tt.p)); !slices.Equal(got, tt.want) {
			t.Errorf("Pattern(%q) =\n %q\nwant %q", tt.p, got, tt.want)
		}
	}
	if got := ix.Pattern("*"); len(got) != 12 {
		t.Errorf("Pattern(*) returned %d entries, want all 12", len(got))
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"", "", true},
		{"", "a", false},
		{"*", "", true},
		{"*", "a.b.c", true},
		{"a*", "", false},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyyc.d", false},
		{"a*b", "abab", true},
		{"*.b", "a.c.b", true},
		{"?", "é", true}, // one rune, two bytes
		{"??", "é", false},
		{"a?c", "abc", true},
		{"a?c", "ac", false},
		{"**", "x", true},
		{"*a", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", false},
	}
	for _, tt := range []struct{ in, want string }{
		{"", ""}, {"*", "*"}, {"**", "*"}, {"a***b**", "a*b*"}, {"*?*", "*?*"}, {"?**?", "?*?"},
		{strings.Repeat("*", 131072), "*"},
	} {
		if got := CollapseStars(tt.in); got != tt.want {
			t.Errorf("CollapseStars(%.20q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range tests {
		if got := glob(tt.pattern, tt.name); got != tt.want {
			t.Errorf("glob(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	ix := testIndex(t)
	tests := []struct {
		name, q string
		limit   int
		want    []string // exactly these hits, in this order
	}{
		// Both words are in the code and the summary of SignatureExpire; SignatureFailure has only "signature".
		{"code words", "signature expire", 0, []string{"AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure"}},
		// Stemming: "expired" and "expire" meet; 签名 is found through the signature synonym… and literally.
		{"mixed languages", "签名 expired", 0, []string{"AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure"}},
		// SignatureExpire contains the whole phrase; SignatureFailure shares only the bigram 签名.
		{"chinese phrase", "签名过期", 0, []string{"AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure"}},
		// Equal relevance (summary, causes, remediation each mention 签名): catalog order.
		{"chinese word", "签名", 0, []string{"AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure"}},
		{"chinese limit", "签名", 1, []string{"AuthFailure.SignatureExpire"}},
		{"frequency in chinese", "频率", 0, []string{"RequestLimitExceeded"}},
		// rate -> frequency, 频率; both RequestLimitExceeded codes have frequency and limit, tie in catalog
		// order; LimitExceeded has only "limit".
		{"rate limit", "rate limit", 0, []string{"RequestLimitExceeded", "RequestLimitExceeded.IPLimitExceeded", "LimitExceeded"}},
		{"throttling", "throttling", 0, []string{"RequestLimitExceeded", "RequestLimitExceeded.IPLimitExceeded"}},
		// quota is literal only in LimitExceeded; its synonym limit is in all three codes.
		{"quota", "quota", 0, []string{"LimitExceeded", "RequestLimitExceeded", "RequestLimitExceeded.IPLimitExceeded"}},
		{"quota in chinese", "配额", 0, []string{"LimitExceeded"}},
		// permission -> unauthorized (code), CAM (summary, causes), 授权 (summary); SecretIdNotFound only
		// mentions the CAM console in a cause.
		{"permission", "permission", 0, []string{"AuthFailure.UnauthorizedOperation", "AuthFailure.SecretIdNotFound"}},
		{"clock", "clock", 0, []string{"AuthFailure.SignatureExpire"}},
		{"time", "time", 0, []string{"AuthFailure.SignatureExpire"}},
		{"chinese database", "数据库", 0, []string{"InternalError.DbError@tcr"}},
		// database matches only DbError; error matches the InternalError codes in code and summary,
		// SignatureFailure in its summary only.
		{"database error", "database error", 0, []string{"InternalError.DbError@tcr", "InternalError", "InternalError@tcr", "AuthFailure.SignatureFailure"}},
		{"repo", "repo", 0, []string{"InvalidParameter.ErrRepoExist@tcr", "ResourceNotFound.ErrNoRepo@tcr"}},
		// key (summary, and SecretKey split at CamelCase) and deleted (summary, cause): AND first.
		{"key deleted", "key deleted", 0, []string{"AuthFailure.SecretIdNotFound", "AuthFailure.SignatureFailure"}},
		// A code as text: its own entry first (both terms and the code bonus), then its class by catalog order.
		{"code as text", "AuthFailure.SignatureExpire", 0, []string{"AuthFailure.SignatureExpire", "AuthFailure.SecretIdNotFound", "AuthFailure.SignatureFailure", "AuthFailure.UnauthorizedOperation"}},
		{"code as text 2", "RequestLimitExceeded", 0, []string{"RequestLimitExceeded", "RequestLimitExceeded.IPLimitExceeded"}},
		// The particle 了 splits the query: RequestLimitExceeded has both terms; LimitExceeded has 超过 and
		// part of 频率限制 (限制), which ranks it above SignatureExpire, with 超过 only ("相差不得超过五分钟").
		{"chinese sentence", "超过了频率限制", 0, []string{"RequestLimitExceeded", "LimitExceeded", "AuthFailure.SignatureExpire"}},
		// A term that matches nothing leaves the others to rank.
		{"partial", "signature timeout", 0, []string{"AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure"}},
		{"prefix", "sig", 0, []string{"AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure"}},
		// Stop words and single letters alone match nothing.
		{"stop words only", "why", 0, nil},
		{"stop words ignored", "why is the signature expired", 2, []string{"AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure"}},
		{"no match", "xyzzy", 0, nil},
		{"empty", "", 0, nil},
		{"blank", " \t\n", 0, nil},
		{"punctuation", "!!! ???", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := ix.Text(tt.q, tt.limit)
			if got := hitKeys(hits); !slices.Equal(got, tt.want) {
				t.Errorf("Text(%q, %d) =\n %q\nwant %q\nscores %v", tt.q, tt.limit, got, tt.want, scores(hits))
			}
			if tt.want == nil && hits != nil {
				t.Errorf("Text(%q) = %v, want nil", tt.q, hits)
			}
			for i := 1; i < len(hits); i++ {
				if hits[i].Score > hits[i-1].Score {
					t.Errorf("Text(%q): scores not descending: %v", tt.q, scores(hits))
				}
			}
		})
	}
}

func scores(hs []Hit) []float64 {
	var out []float64
	for _, h := range hs {
		out = append(out, h.Score)
	}
	return out
}

// An entry that matches every term outranks entries that match fewer, however
// strongly they match.
func TestTextAllTermsFirst(t *testing.T) {
	ix := testIndex(t)
	hits := ix.Text("signature expired clock", 0)
	if len(hits) < 2 || key(hits[0].Entry) != "AuthFailure.SignatureExpire" {
		t.Fatalf("Text = %q, want AuthFailure.SignatureExpire first", hitKeys(hits))
	}
	if int(hits[0].Score) != 3 {
		t.Errorf("top score %v: integer part should be the 3 terms matched", hits[0].Score)
	}
	for _, h := range hits[1:] {
		if h.Score >= 3 {
			t.Errorf("%s scores %v, but does not match every term", key(h.Entry), h.Score)
		}
	}
}

func TestTextDeterministic(t *testing.T) {
	ix := testIndex(t)
	for _, q := range []string{"signature expire", "签名", "rate limit", "error", "请求"} {
		first := ix.Text(q, 0)
		for range 5 {
			again := New(catalog.New(testEntries())).Text(q, 0)
			if !slices.Equal(hitKeys(first), hitKeys(again)) || !slices.Equal(scores(first), scores(again)) {
				t.Fatalf("Text(%q) not deterministic:\n%q %v\n%q %v", q, hitKeys(first), scores(first), hitKeys(again), scores(again))
			}
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"expire", "expir"}, {"expired", "expir"}, {"expires", "expir"}, {"expiring", "expir"}, {"expiration", "expir"},
		{"exceed", "exceed"}, {"exceeds", "exceed"}, {"exceeded", "exceed"}, {"exceeding", "exceed"},
		{"limit", "limit"}, {"limits", "limit"}, {"limited", "limit"}, {"limitation", "limit"},
		{"frequency", "frequency"}, {"frequencies", "frequency"},
		{"throttle", "throttl"}, {"throttled", "throttl"}, {"throttling", "throttl"},
		{"denied", "deny"}, {"stopped", "stop"}, {"called", "call"}, {"process", "process"}, {"processes", "process"},
		{"status", "status"}, {"string", "string"}, {"rate", "rat"}, {"key", "key"}, {"x509", "x509"},
	}
	for _, tt := range tests {
		if got := stem(tt.in); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCamelParts(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"IPLimitExceeded", []string{"IP", "Limit", "Exceeded"}},
		{"SignatureExpire", []string{"Signature", "Expire"}},
		{"ErrNoRepo", []string{"Err", "No", "Repo"}},
		{"DbError", []string{"Db", "Error"}},
		{"Err404", []string{"Err", "404"}},
		{"SecretId", []string{"Secret", "Id"}},
		{"signature", nil},
		{"CAM", nil},
		{"Schön", nil},
	}
	for _, tt := range tests {
		var got []string
		camelParts(tt.in, func(p string) { got = append(got, p) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("camelParts(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"Rate  LIMIT rate", []string{"rate", "limit"}},
		{"why is the signature expired?", []string{"signature", "expired"}},
		{"the", nil},
		{"a b x", nil},
		{"a rate", []string{"rate"}},
		{"签名过期了吗", []string{"签名过期"}},
		{"超过了频率限制", []string{"超过", "频率限制"}},
		{"IP限频", []string{"ip", "限频"}},
		{"AuthFailure.SignatureExpire", []string{"authfailure", "signatureexpire"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, term := range parseQuery(tt.q) {
			got = append(got, term.text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("parseQuery(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	ix := testIndex(t)
	tests := []struct {
		name, q string
		limit   int
		want    []string
	}{
		{"exact, any case", "authfailure.signatureexpire", 0, []string{"AuthFailure.SignatureExpire"}},
		{"upper case", "AUTHFAILURE.SIGNATUREEXPIRE", 0, []string{"AuthFailure.SignatureExpire"}},
		{"suffix only", "SignatureExpire", 0, []string{"AuthFailure.SignatureExpire"}},
		{"suffix only, tcr", "ErrNoRepo", 0, []string{"ResourceNotFound.ErrNoRepo"}},
		{"typo in leaf", "AuthFailure.SignatureExpred", 0, []string{"AuthFailure.SignatureExpire"}},
		{"typo in class", "AuthFaliure.SignatureExpire", 0, []string{"AuthFailure.SignatureExpire"}},
		{"typo, one segment", "RequestLimitExceded", 0, []string{"RequestLimitExceeded"}},
		{"wrong class", "InvalidParameter.SignatureExpire", 0, []string{"AuthFailure.SignatureExpire"}},
		{"prefix", "AuthFailure.Sig", 0, []string{"AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure"}},
		{"prefix, limit", "AuthFailure.Sig", 1, []string{"AuthFailure.SignatureExpire"}},
		{"class and dot", "AuthFailure.", 0, []string{"AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure", "AuthFailure.UnauthorizedOperation"}},
		{"prefix of class", "Auth", 0, []string{"AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure", "AuthFailure.UnauthorizedOperation"}},
		{"prefix of class, limit", "Auth", 2, []string{"AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire"}},
		{"prefix, one segment", "RequestLimit", 0, []string{"RequestLimitExceeded", "RequestLimitExceeded.IPLimitExceeded"}},
		{"prefix of a sub-code", "ErrNo", 0, []string{"ResourceNotFound.ErrNoRepo"}},
		// Distinct codes: InternalError is in two scopes; its sub-code starts with it.
		{"code in two scopes", "InternalError", 0, []string{"InternalError", "InternalError.DbError"}},
		{"typo in tcr sub-code", "InternalError.DbEror", 0, []string{"InternalError.DbError"}},
		{"typo in suffix", "DbEror", 0, []string{"InternalError.DbError"}},
		// A 1-edit suffix (cost 1+2) ranks before a 3-edit whole code (cost 6).
		{"ranked by distance", "IPLimitExceded", 0, []string{"RequestLimitExceeded.IPLimitExceeded", "LimitExceeded"}},
		{"typo in prefix class", "AuthFaliure.Sig", 0, []string{"AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure"}},
		{"nothing close", "xyzzyqwerty", 0, nil},
		{"too short to guess", "zz", 0, nil},
		{"empty", "", 0, nil},
		{"blank", "  ", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ix.Suggest(tt.q, tt.limit)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Suggest(%q, %d) = %q, want %q", tt.q, tt.limit, got, tt.want)
			}
			if tt.want == nil && got != nil {
				t.Errorf("Suggest(%q) = %#v, want nil", tt.q, got)
			}
		})
	}
}

func TestSuggestDefaultLimit(t *testing.T) {
	var es []*catalog.Entry
	for _, leaf := range []string{"A1", "A2", "A3", "A4", "A5", "A6", "A7"} {
		es = append(es, &catalog.Entry{Code: "FailedOperation." + leaf, Scope: "cvm"})
	}
	ix := New(catalog.New(es))
	want := []string{"FailedOperation.A1", "FailedOperation.A2", "FailedOperation.A3", "FailedOperation.A4", "FailedOperation.A5"}
	for _, limit := range []int{0, -1} {
		if got := ix.Suggest("FailedOperation.", limit); !slices.Equal(got, want) {
			t.Errorf("Suggest(limit %d) = %q, want %q", limit, got, want)
		}
	}
}

func TestOSA(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "ab", 2},
		{"abc", "abc", 0},
		{"abc", "acb", 1}, // transposition
		{"ca", "abc", 3},  // OSA, not unrestricted Damerau–Levenshtein (which gives 2)
		{"authfaliure", "authfailure", 1},
		{"requestlimitexceded", "requestlimitexceeded", 1},
		{"expred", "expire", 2},
		{"expire", "failure", 5},
		{"iplimitexceded", "limitexceeded", 3},
		{"kitten", "sitting", 3},
	}
	var o osa
	o.init(4)
	for _, tt := range tests {
		if got := o.dist(tt.a, tt.b, 10); got != tt.want {
			t.Errorf("dist(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := naiveOSA(tt.a, tt.b); got != tt.want {
			t.Errorf("naiveOSA(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		// Bounded: at most k when within k, k+1 otherwise.
		for k := 0; k <= tt.want+1; k++ {
			want := min(tt.want, k+1)
			if got := o.dist(tt.a, tt.b, k); got != want {
				t.Errorf("dist(%q, %q, k=%d) = %d, want %d", tt.a, tt.b, k, got, want)
			}
		}
	}
}

// naiveOSA is the textbook full-matrix optimal string alignment distance.
func naiveOSA(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func FuzzOSA(f *testing.F) {
	f.Add("authfaliure", "authfailure", 2)
	f.Add("ca", "abc", 3)
	f.Add("requestlimitexceded", "iplimitexceeded", 4)
	f.Fuzz(func(t *testing.T, a, b string, k int) {
		if len(a) > 64 || len(b) > 64 || k < 0 || k > 70 {
			return
		}
		var o osa
		o.init(2)
		want := min(naiveOSA(a, b), k+1)
		if got := o.dist(a, b, k); got != want {
			t.Fatalf("dist(%q, %q, %d) = %d, want %d", a, b, k, got, want)
		}
	})
}

func TestComplete(t *testing.T) {
	ix := testIndex(t)
	type c = struct {
		value string
		entry string // key of the entry, "" for none
		more  bool
	}
	tests := []struct {
		prefix string
		want   []c
	}{
		{"", []c{
			{"AuthFailure.", "", true},
			{"InternalError", "InternalError", false}, // a code with children: offered as itself…
			{"InternalError.", "", true},              // …and as a class
			{"InvalidParameter.", "", true},
			{"LimitExceeded", "LimitExceeded", false},
			{"RequestLimitExceeded", "RequestLimitExceeded", false},
			{"RequestLimitExceeded.", "", true},
			{"ResourceNotFound.", "", true},
		}},
		{"authf", []c{{"AuthFailure.", "", true}}},
		{"AuthFailure", []c{{"AuthFailure.", "", true}}},
		{"AuthFailure.Sig", []c{
			{"AuthFailure.SignatureExpire", "AuthFailure.SignatureExpire", false},
			{"AuthFailure.SignatureFailure", "AuthFailure.SignatureFailure", false},
		}},
		{"authfailure.sig", []c{ // the catalog's spelling, whatever was typed
			{"AuthFailure.SignatureExpire", "AuthFailure.SignatureExpire", false},
			{"AuthFailure.SignatureFailure", "AuthFailure.SignatureFailure", false},
		}},
		{"AuthFailure.", []c{
			{"AuthFailure.SecretIdNotFound", "AuthFailure.SecretIdNotFound", false},
			{"AuthFailure.SignatureExpire", "AuthFailure.SignatureExpire", false},
			{"AuthFailure.SignatureFailure", "AuthFailure.SignatureFailure", false},
			{"AuthFailure.UnauthorizedOperation", "AuthFailure.UnauthorizedOperation", false},
		}},
		{"internalerror", []c{{"InternalError", "InternalError", false}, {"InternalError.", "", true}}},
		{"InternalError.", []c{{"InternalError.DbError", "InternalError.DbError@tcr", false}}},
		{"in", []c{{"InternalError", "InternalError", false}, {"InternalError.", "", true}, {"InvalidParameter.", "", true}}},
		{"R", []c{{"RequestLimitExceeded", "RequestLimitExceeded", false}, {"RequestLimitExceeded.", "", true}, {"ResourceNotFound.", "", true}}},
		{"RequestLimitExceeded.IP", []c{{"RequestLimitExceeded.IPLimitExceeded", "RequestLimitExceeded.IPLimitExceeded", false}}},
		{"AuthFailure.SignatureExpire", []c{{"AuthFailure.SignatureExpire", "AuthFailure.SignatureExpire", false}}},
		{"AuthFailure.SignatureExpireX", nil},
		{"x", nil},
	}
	for _, tt := range tests {
		var got []c
		for _, comp := range ix.Complete(tt.prefix) {
			k := ""
			if comp.Entry != nil {
				k = key(comp.Entry)
			}
			got = append(got, c{comp.Value, k, comp.More})
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Complete(%q) =\n %v\nwant %v", tt.prefix, got, tt.want)
		}
	}
}

// Completion of a deeper code goes one segment at a time.
func TestCompleteThreeSegments(t *testing.T) {
	ix := New(catalog.New([]*catalog.Entry{
		{Code: "FailedOperation.Repo.Locked", Scope: "tcr"},
		{Code: "FailedOperation.Repo", Scope: "tcr"},
		{Code: "FailedOperation.RepoQuota", Scope: "tcr"},
	}))
	var got []string
	for _, comp := range ix.Complete("failedoperation.rep") {
		got = append(got, comp.Value)
	}
	want := []string{"FailedOperation.Repo", "FailedOperation.Repo.", "FailedOperation.RepoQuota"}
	if !slices.Equal(got, want) {
		t.Errorf("Complete = %q, want %q", got, want)
	}
}

func TestEmptyIndex(t *testing.T) {
	for _, ix := range []*Index{New(nil), New(catalog.New(nil))} {
		if ix.Pattern("*") != nil || ix.Text("signature", 5) != nil || ix.Suggest("AuthFailure", 5) != nil || ix.Complete("") != nil {
			t.Error("an empty index should find nothing")
		}
	}
}

// The index is used from several goroutines at once (run with -race).
func TestConcurrent(t *testing.T) {
	ix := New(catalog.New(testEntries()))
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for range 20 {
				if hits := ix.Text("signature expire", 1); len(hits) != 1 || hits[0].Entry.Code != "AuthFailure.SignatureExpire" {
					t.Errorf("goroutine %d: Text = %v", i, hitKeys(hits))
				}
				if s := ix.Suggest("AuthFailure.SignatureExpred", 0); len(s) == 0 || s[0] != "AuthFailure.SignatureExpire" {
					t.Errorf("goroutine %d: Suggest = %q", i, s)
				}
				ix.Complete("Auth")
				ix.Pattern("*NotFound*")
			}
		})
	}
	wg.Wait()
}

// FuzzQuery checks that no query panics and that results keep their invariants.
func FuzzQuery(f *testing.F) {
	for _, q := range []string{"", "AuthFailure.*", "*.ErrNo*", "签名过期", "rate limit", "AuthFaliure.SignatureExpred",
		"InternalError.", "?", "*", "签名?了吗", "é?", "\xff\xfe", "a.b.c.d.e.f", "authfailure.signatureexpire",
		"AuthFailure.SignatureExpred", "  RequestLimitExceeded ", "**Limit**Exceeded*", "????????????????????",
		"InternalError.DbError", "频率限制", "The number of requests exceeds the frequency limit.",
		"limit", "签", "expired", "sig", "signature", "exceeded"} {
		f.Add(q)
	}
	c := catalog.New(testEntries())
	ix := New(c)
	f.Fuzz(func(t *testing.T, q string) {
		if len(q) > 256 { // a query is a command-line argument; longer ones slow every execution
			return
		}
		_ = Classify(q)
		// Pattern agrees with a regular expression made of the glob.
		got := ix.Pattern(q)
		if lq := strings.ToLower(strings.TrimSpace(q)); utf8.ValidString(lq) && len(lq) <= 128 {
			var want []*catalog.Entry
			if lq != "" {
				re := regexp.MustCompile("^(?s)" + strings.NewReplacer(`\*`, ".*", `\?`, ".").Replace(regexp.QuoteMeta(lq)) + "$")
				for _, e := range c.Entries() {
					if re.MatchString(strings.ToLower(e.Code)) {
						want = append(want, e)
					}
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("Pattern(%q) = %d entries, want %d", q, len(got), len(want))
			}
		}
		hits := ix.Text(q, 0)
		for i := 1; i < len(hits); i++ {
			if hits[i].Score > hits[i-1].Score {
				t.Fatalf("Text(%q): scores not descending", q)
			}
		}
		// With a limit (topWord for one word), the full ranking's first
		// definition of each of its first codes.
		var want []PosHit
		seen := map[string]bool{}
		for _, h := range ix.TextPositions(q, 0) {
			if code := strings.ToLower(c.CodeAt(h.Pos)); !seen[code] && len(want) < 10 {
				seen[code] = true
				want = append(want, h)
			}
		}
		if got := ix.TextCodes(q, 10); !slices.Equal(got, want) {
			t.Fatalf("TextCodes(%q, 10) = %v, want the full ranking's first codes %v", q, got, want)
		}
		s := ix.Suggest(q, 3)
		if len(s) > 3 {
			t.Fatalf("Suggest(%q) returned %d > 3", q, len(s))
		}
		seen = map[string]bool{}
		for _, c := range s {
			if seen[strings.ToLower(c)] {
				t.Fatalf("Suggest(%q) = %q: duplicates", q, s)
			}
			seen[strings.ToLower(c)] = true
		}
		for _, c := range ix.Complete(q) {
			if !strings.HasPrefix(strings.ToLower(c.Value), strings.ToLower(strings.TrimSpace(q))) {
				t.Fatalf("Complete(%q) offered %q", q, c.Value)
			}
		}
	})
}

// The synonym table in the package documentation must list synonymTable.
func TestSynonymTableDocumented(t *testing.T) {
	src, err := os.ReadFile("search.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range synonymTable {
		words := strings.Join(strings.Fields(row.words), ", ")
		alts := strings.Join(strings.Fields(row.alts), ", ")
		found := false
		for line := range strings.Lines(string(src)) {
			if f := strings.TrimPrefix(line, "//\t"); f != line && strings.HasPrefix(f, words+" ") && strings.TrimSpace(f[len(words):]) == alts {
				found = true
			}
		}
		if !found {
			t.Errorf("package documentation lacks the synonym line %q -> %q", words, alts)
		}
	}
}

// synonymStems is synonymTable keyed by stem, sorted: derived here (each
// word's stem gets the stems of its row's alternatives, CJK phrases as
// they are, but itself, in order, once), and printed for pasting when the
// written table differs.
func TestSynonymStems(t *testing.T) {
	m := map[string][]string{}
	for _, s := range synonymTable {
		var alts []string
		for _, a := range strings.Fields(s.alts) {
			if !hasCJK(a) {
				a = stem(a)
			}
			alts = append(alts, a)
		}
		for _, w := range strings.Fields(s.words) {
			k := stem(w)
			for _, a := range alts {
				if a != k && !slices.Contains(m[k], a) {
					m[k] = append(m[k], a)
				}
			}
		}
	}
	keys := slices.Sorted(maps.Keys(m))
	same := len(keys) == len(synonymStems)
	var b strings.Builder
	for i, k := range keys {
		same = same && synonymStems[i].stem == k && slices.Equal(synonymStems[i].alts, m[k])
		fmt.Fprintf(&b, "\t{%q, []string{", k)
		for j, a := range m[k] {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%q", a)
		}
		b.WriteString("}},\n")
	}
	if !same {
		t.Errorf("synonymStems is not synonymTable's; write it as:\n%s", b.String())
	}
}

func TestSynonyms(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"throttling", []string{"frequency", "频率", "限频", "限流"}},
		{"throttled", []string{"frequency", "频率", "限频", "限流"}},
		{"rate", []string{"frequency", "频率"}},
		{"expired", []string{"过期"}},
		{"denied", []string{"permission", "cam", "权限", "授权"}},
		{"database", []string{"db", "数据库"}}, // never itself
	}
	for _, tt := range tests {
		if got := synonymsOf(stem(tt.word)); !slices.Equal(got, tt.want) {
			t.Errorf("synonyms of %q = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestNearest(t *testing.T) {
	names := []string{"AuthFailure", "InvalidParameter", "InvalidParameterValue", "LimitExceeded", "ResourceNotFound"}
	tests := []struct {
		q    string
		want []string
	}{
		{"authfailur", []string{"AuthFailure"}},
		{"InvalidParamter", []string{"InvalidParameter"}},
		{"invalidparameter.", []string{"InvalidParameter"}},
		{"limit", []string{"LimitExceeded"}},
		{"Nope", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := Nearest(tt.q, names, 5)
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Nearest(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// finder agrees with strings.Contains: codes and compact queries, edge
// cases, and random strings over a small alphabet (many near misses).
func TestFinder(t *testing.T) {
	long := strings.Repeat("ab", 200) + "c"
	for _, tt := range []struct{ pat, s string }{
		{"invalidvalue", "invalidparametervalue.invalidvalueregion"},
		{"invalidvalue", "invalidparametervalue.invalidvalu"},
		{"invalidparameter", "invalidparameter"},
		{"a", ""}, {"a", "a"}, {"a", "ba"}, {"ab", "aab"}, {"aaa", "aaaa"}, {"aaa", "aa"},
		{"abcab", "abcabcab"}, {"xyz", "xyxyzy"}, {long, long}, {long, "x" + long}, {long, long[1:]},
		{"é", "café"}, {"\xff", "a\xffb"},
	} {
		if got, want := newFinder(tt.pat).in(tt.s), strings.Contains(tt.s, tt.pat); got != want {
			t.Errorf("finder(%q).in(%q) = %v, want %v", tt.pat, tt.s, got, want)
		}
	}
	r := rand.New(rand.NewPCG(7, 11))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abc."[r.IntN(4)]
		}
		return string(b)
	}
	for range 20000 {
		pat, s := word(1+r.IntN(6)), word(r.IntN(40))
		if got, want := newFinder(pat).in(s), strings.Contains(s, pat); got != want {
			t.Fatalf("finder(%q).in(%q) = %v, want %v", pat, s, got, want)
		}
	}
}

// hasPhrase finds a phrase as whole words, ignoring case.
func TestHasPhrase(t *testing.T) {
	for _, tt := range []struct {
		s, phrase string
		want      bool
	}{
		{"Invalid ID format.", "invalid id", true},
		{"invalid id", "invalid id", true},
		{"The ID is an invalid id", "invalid id", true},
		{"Invalid identifier for Kerberos support.", "invalid id", false},
		{"An invalid identifier, then an Invalid Id.", "invalid id", true},
		{"noninvalid id", "invalid id", false},
		{"Sorry, you cannot add a blocked IP.", "not a", false},
		{"The EIP cannot be bound.", "ip cannot", false},
		{"IP cannot be bound.", "ip cannot", true},
		{"(quota exceeded)", "quota exceeded", true},
		{"quota exceeded2", "quota exceeded", false},
		{"Rate-limit reached", "rate-limit", true},
		{"参数错误 invalid id", "参数错误 invalid", true},
		{"签名 过期了", "签名 过期", true},
		{"ÉCHEC Invalid ID", "invalid id", true},
		{"", "invalid id", false},
		{"anything", "", true},
	} {
		if got := hasPhrase(tt.s, tt.phrase); got != tt.want {
			t.Errorf("hasPhrase(%q, %q) = %v, want %v", tt.s, tt.phrase, got, tt.want)
		}
	}
}

// postSpos reads the summaryPositions a posting was encoded with.
func TestPostSpos(t *testing.T) {
	for _, p := range []posting{{doc: 0}, {doc: 7, fields: 1 << fieldSummary, spos: 0b1010_0001},
		{doc: 65535, fields: fieldBits, spos: sposSecond | 0xFF}, {doc: 300, fields: 1 << fieldSummary, spos: sposSecond}} {
		x := binary.LittleEndian.Uint32((&textIndex{words: map[string][]posting{"w": {p}}, last: map[string][]int32{}}).encodeWord(nil, "w"))
		if postDoc(x) != p.doc || postSpos(x) != p.spos || uint8(x)&fieldBits != p.fields {
			t.Errorf("%+v encoded as %#x: document %d, positions %#x, fields %#x", p, x, postDoc(x), postSpos(x), uint8(x)&fieldBits)
		}
	}
}

// bitset.from finds the next document of a set, postingsFrom drops the
// encoded postings before a document, galloping, and leap composes them:
// all against a walk.
func TestFromAndOwnFrom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		n := 1 + rng.IntN(700)
		set := newBitset(n)
		var b []byte
		var docs []int32
		for doc := range int32(n) {
			if rng.IntN(9) == 0 {
				set.set(doc)
			}
			if rng.IntN(4) == 0 {
				docs = append(docs, doc)
				b = binary.LittleEndian.AppendUint32(b, uint32(doc)<<8|1)
			}
		}
		own := string(b)
		for doc := range int32(n + 2) {
			want := int32(-1)
			for d := doc; d < int32(n); d++ {
				if set.has(d) {
					want = d
					break
				}
			}
			if got := set.from(doc); got != want {
				t.Fatalf("from(%d) = %d, want %d (n %d)", doc, got, want, n)
			}
			// postingsFrom is asked with the list's first posting below doc.
			if len(docs) == 0 || docs[0] >= doc {
				continue
			}
			i := 0
			for i < len(docs) && docs[i] < doc {
				i++
			}
			if got := postingsFrom(own, doc); got != own[4*i:] {
				t.Fatalf("postingsFrom(%d) leaves %d postings, want %d", doc, len(got)/4, len(docs)-i)
			}
		}
		// leap, from the list's first document: to the set's next one.
		if len(docs) > 0 {
			next, i := set.from(docs[0]+1), len(docs)
			if next >= 0 {
				for i = 0; i < len(docs) && docs[i] < next; i++ {
				}
			}
			if got := set.leap(own, docs[0]); got != own[4*i:] {
				t.Fatalf("leap from %d leaves %d postings, want %d", docs[0], len(got)/4, len(docs)-i)
			}
		}
	}
}
