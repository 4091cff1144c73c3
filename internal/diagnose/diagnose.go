// Package diagnose adds what only the input can tell to a parsed error:
// the clock skew behind AuthFailure.SignatureExpire, a malformed
// TENCENTCLOUD_SECRET_ID behind AuthFailure.SecretIdNotFound, the request
// size limit behind one form of AuthFailure.SignatureFailure.
//
// It never returns a secret: the SecretId check reports what is wrong with
// the value, never the value.
package diagnose

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/parse"
)

// Env is what the diagnostics may read besides the finding.
type Env struct {
	Getenv func(string) string // nil reads nothing
	Lang   catalog.Lang        // the language of the notes
}

func (e Env) getenv(k string) string {
	if e.Getenv == nil {
		return ""
	}
	return e.Getenv(k)
}

// say is en or zh in the notes' language, chosen as every bilingual word
// of errcode is (catalog.Text.In).
func (e Env) say(en, zh string) string { return catalog.Text{En: en, Zh: zh}.In(e.Lang) }

// MaxSkew is the largest difference between X-TC-Timestamp and the server's
// clock that the API accepts.
const MaxSkew = 5 * time.Minute

// Finding returns the notes that apply to f, in a stable order.
func Finding(f parse.Finding, env Env) []string {
	var notes []string
	if CutRequestID(f.RequestID) {
		notes = append(notes, env.say(
			"the request id looks cut short: Tencent Cloud request ids are UUIDs of 36 characters (8-4-4-4-12); copy the whole id from the full response before quoting it to support",
			"请求 ID 似乎被截断：腾讯云的请求 ID 是 36 个字符的 UUID（8-4-4-4-12）；向技术支持提供前，请从完整的响应中复制完整的 ID"))
	}
	switch f.Code {
	case "AuthFailure.SignatureExpire":
		notes = append(notes, clockSkew(f, env)...)
	case "AuthFailure.SecretIdNotFound", "AuthFailure.InvalidSecretId":
		notes = append(notes, secretID(env)...)
	case "AuthFailure.SignatureFailure":
		if strings.Contains(f.Message, "request size limit") || strings.Contains(f.Message, "请求包大小超过限制") {
			notes = append(notes, env.say(
				"the request is too large for its signature method: sign with TC3-HMAC-SHA256 (SDKs: set SignMethod to TC3-HMAC-SHA256). Limits: GET 32 KB; POST with HmacSHA1/HmacSHA256 1 MB; POST with TC3-HMAC-SHA256 10 MB",
				"请求包超过了当前签名方法的大小限制：请改用 TC3-HMAC-SHA256 签名（SDK 中将 SignMethod 设为 TC3-HMAC-SHA256）。限制：GET 32 KB；POST 使用 HmacSHA1/HmacSHA256 时 1 MB；使用 TC3-HMAC-SHA256 时 10 MB"))
		}
	}
	return notes
}

// CutRequestID reports whether id is the start of a UUID cut short: hex
// groups of 8, 4, 4, 4 and 12 digits, the last one present shorter than it
// should be or groups missing ("6c8a4f3e-1f2b-4d6a-ab5f-8"). An id of
// another shape (not a UUID at all) is not judged.
func CutRequestID(id string) bool {
	if id == "" {
		return false
	}
	want := [...]int{8, 4, 4, 4, 12}
	groups := strings.Split(id, "-")
	if len(groups) > len(want) {
		return false
	}
	for i, g := range groups {
		for _, r := range g {
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return false
			}
		}
		last := i == len(groups)-1
		switch {
		case !last && len(g) != want[i]:
			return false
		case last && len(g) > want[i]:
			return false
		case last && i == 0:
			return false // one hex word is not recognisably a UUID
		}
	}
	return len(groups) < len(want) || len(groups[len(groups)-1]) < want[len(want)-1]
}

// serverTimeRE finds the server time the API puts in the SignatureExpire
// message. It is compiled on first use: compiling it at start-up cost every
// command about 60 µs.
var serverTimeRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`server time (\d{9,11})\b`) })

// clockSkew compares the request's X-TC-Timestamp with the server's clock
// (the Date response header, or the server time quoted in the message).
func clockSkew(f parse.Finding, env Env) []string {
	var server time.Time
	var from string
	if m := serverTimeRE().FindStringSubmatch(f.Message); m != nil {
		if sec, err := strconv.ParseInt(m[1], 10, 64); err == nil {
			server, from = time.Unix(sec, 0).UTC(), env.say("the server time in the message", "消息中的服务器时间")
		}
	}
	if server.IsZero() && f.Date != "" {
		if t, err := parseHTTPDate(f.Date); err == nil {
			server, from = t, env.say("the Date header", "Date 响应头")
		}
	}
	if server.IsZero() {
		return nil
	}
	if f.Timestamp == 0 {
		return []string{env.say(
			fmt.Sprintf("the server's clock read %s (from %s); compare it with `date -u` on the machine that signed the request", server.Format(time.RFC3339), from),
			fmt.Sprintf("服务器时间为 %s（来自%s）；请与签名机器上 `date -u` 的输出对比", server.Format(time.RFC3339), from))}
	}
	signed := time.Unix(f.Timestamp, 0).UTC()
	skew := signed.Sub(server)
	dir, dirZh := "behind", "慢"
	if skew > 0 {
		dir, dirZh = "ahead of", "快"
	}
	abs := skew
	if abs < 0 {
		abs = -abs
	}
	verdict, verdictZh := "sync the clock (NTP)", "请同步时钟（NTP）"
	if abs <= MaxSkew {
		verdict, verdictZh = "within the 5-minute limit, so the request was probably sent late (a stored or replayed request): sign just before sending", "在 5 分钟限制内，请求可能是延迟发出的（缓存或重放的请求）：请在发送前即时签名"
	}
	return []string{env.say(
		fmt.Sprintf("your request was signed %s %s the server (X-TC-Timestamp %d, %s %s): %s", abs.Round(time.Second), dir, f.Timestamp, from, server.Format(time.RFC3339), verdict),
		fmt.Sprintf("请求签名时间比服务器%s %s（X-TC-Timestamp %d，%s %s）：%s", dirZh, abs.Round(time.Second), f.Timestamp, from, server.Format(time.RFC3339), verdictZh))}
}

// parseHTTPDate parses an HTTP Date header (RFC 7231 IMF-fixdate, and the
// obsolete RFC 850 and asctime forms).
func parseHTTPDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	var err error
	for _, layout := range []string{time.RFC1123, "Monday, 02-Jan-06 15:04:05 MST", time.ANSIC, time.RFC1123Z} {
		var t time.Time
		if t, err = time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, err
}

// secretID checks TENCENTCLOUD_SECRET_ID for the mistakes behind
// SecretIdNotFound and InvalidSecretId, without ever returning its value.
func secretID(env Env) []string {
	v := env.getenv("TENCENTCLOUD_SECRET_ID")
	if v == "" {
		return nil
	}
	var notes []string
	if strings.TrimSpace(v) != v {
		notes = append(notes, env.say(
			"TENCENTCLOUD_SECRET_ID has leading or trailing white space: remove it (a known cause of this error)",
			"TENCENTCLOUD_SECRET_ID 前后有空白字符：请删除（此错误的常见原因）"))
	}
	t := strings.TrimSpace(v)
	if strings.IndexFunc(t, func(r rune) bool { return unicode.IsSpace(r) || r > unicode.MaxASCII }) >= 0 {
		notes = append(notes, env.say(
			"TENCENTCLOUD_SECRET_ID contains white space or non-ASCII characters inside it: copy it again from the console",
			"TENCENTCLOUD_SECRET_ID 中间含有空白或非 ASCII 字符：请从控制台重新复制"))
	}
	if !strings.HasPrefix(t, "AKID") {
		notes = append(notes, env.say(
			"TENCENTCLOUD_SECRET_ID does not start with AKID, as API SecretIds do: it may be the SecretKey, an APPID or another kind of key",
			"TENCENTCLOUD_SECRET_ID 不以 AKID 开头，而云 API 的 SecretId 都以 AKID 开头：可能误填了 SecretKey、APPID 或其他密钥"))
	}
	if len(notes) == 0 {
		notes = append(notes, env.say(
			"TENCENTCLOUD_SECRET_ID looks well-formed: check in https://console.cloud.tencent.com/cam/capi that this key exists and is enabled",
			"TENCENTCLOUD_SECRET_ID 格式正常：请在 https://console.cloud.tencent.com/cam/capi 确认该密钥存在且已启用"))
	}
	return notes
}
