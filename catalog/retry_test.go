package catalog_test

import (
	"os"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/catalog/source"
)

// retryRules decodes catalog/retry.yaml, the source of the rules the
// generated catalog applies.
func retryRules(t *testing.T) *source.RetryRules {
	t.Helper()
	data, err := os.ReadFile("retry.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := source.DecodeRetry(data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// ruleOf returns the name of the rule whose clue is clue (Clue's numbering),
// and whether it was found in the name; "" for clue 0.
func ruleOf(r *source.RetryRules, clue int) (string, bool) {
	if clue == 0 {
		return "", false
	}
	n := 0
	for _, rule := range r.Rules {
		if n += len(rule.Text); clue <= n {
			return rule.Rule, false
		}
	}
	for _, rule := range r.Rules {
		if n += len(rule.Name); clue <= n {
			return rule.Rule, true
		}
	}
	return "?", false
}

// TestRetryClue is the table of the evidence rules themselves: which rule
// Tencent Cloud's text (either language, or the solution) or the code's name
// selects, negatives and "fix, then try again" included.
func TestRetryClue(t *testing.T) {
	r := retryRules(t)
	tests := []struct {
		name, code string
		texts      []string
		rule       string // "" for none: the guide decides
		byName     bool
	}{
		{"zh retry later", "InvalidDisk.Busy", []string{"云硬盘忙，请稍后重试。", ""}, "wait", false},
		{"en retry later", "FailedOperation.Foo", []string{"", "The cloud disk is busy. Try again later."}, "wait", false},
		{"zh 稍后再试", "FailedOperation.DownLoadFile", []string{"下载失败，请稍后再试。"}, "wait", false},
		{"solution only", "FailedOperation.Foo", []string{"查询失败。", "", "请稍后重试。"}, "wait", false},
		{"wait for a task", "FailedOperation.DataFlowTooManyRequests", []string{"已存在2个有效的任务，请等待其中一部分完成后重试。"}, "wait", false},
		{"zh negative", "FailedOperation.ShipperTaskNotToRetry", []string{"投递任务不允许重试。"}, "never", false},
		{"zh negative beats retry", "FailedOperation.Foo", []string{"请勿重试，请稍后重试也无效。"}, "never", false},
		{"en negative", "FailedOperation.Foo", []string{"", "Do not retry this request."}, "never", false},
		{"zh rate limit text", "FailedOperation.FrequencyLimit", []string{"您操作过于频繁，请稍后重试"}, "rate", false},
		{"en rate limit text", "LimitExceeded.Foo", []string{"", "The request frequency exceeds the limit."}, "rate", false},
		{"zh exists", "ResourceInUse.FunctionName", []string{"FunctionName已存在。", "This FunctionName already exists."}, "exists", false},
		{"en exists", "ResourceInUse.CdnHostExists", []string{"", "The domain name ALREADY exists."}, "exists", false},
		{"zh arrears", "ResourceUnavailable.InArrears", []string{"账号已欠费。"}, "arrears", false},
		{"en balance", "FailedOperation.Foo", []string{"", "Insufficient account balance."}, "arrears", false},
		{"zh fix then retry", "InvalidParameter.Foo", []string{"参数不合法，请检查后重试。"}, "fix", false},
		{"en check and try again", "InternalError", []string{"内部错误。", "Internal error. Please check and try again."}, "fix", false},
		{"later beats check", "FailedOperation.Foo", []string{"", "Check parameters and try again later."}, "wait", false},
		{"zh plain retry", "FailedOperation.InnerError", []string{"服务内部错误，请重试。"}, "retry", false},
		{"en plain retry", "FailedOperation.Foo", []string{"", "Internal service error. Please try again."}, "retry", false},
		{"name RateLimit", "FailedOperation.RateLimitExceeded", []string{"触发供应商的速率限制。"}, "rate", true},
		{"name QpsLimit", "FailedOperation.WriteQpsLimit", []string{"写qps超过限制。"}, "rate", true},
		{"name not a rate", "InvalidParameterValue.SiteFailoverNotSupportHostOriginPullRateLimit", []string{"不支持同时开启源站故障转移和回源限频。"}, "", false},
		{"name ServerBusy", "InternalError.ServerBusy", []string{"内部错误服务器繁忙"}, "load", true},
		{"name InProgress", "OperationDenied.InstanceOperationInProgress", []string{"不允许执行当前操作。"}, "operation", true},
		{"name Busy", "UnsupportedOperation.DiskBusy", []string{"磁盘忙。", "The disk is busy."}, "operation", true},
		{"name Operating", "FailedOperation.ResourceInOperating", []string{"", ""}, "operation", true},
		{"name Processing failure", "InternalError.AudioProcessingFailed", []string{"音频处理出错。"}, "", false},
		{"nothing", "InvalidParameter.Foo", []string{"参数错误。", "Invalid parameter."}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rule, byName := ruleOf(r, r.Clue(tt.code, tt.texts...))
			if rule != tt.rule || byName != tt.byName {
				t.Errorf("Clue(%s, %q) = rule %q (name %v), want %q (name %v)", tt.code, tt.texts, rule, byName, tt.rule, tt.byName)
			}
		})
	}
}

// TestRetryVerdicts checks the verdicts of real codes, their evidence and
// advice in both languages: the cases of issue 8 (text, name, class, the
// curated entry).
func TestRetryVerdicts(t *testing.T) {
	cat := catalog.Default()
	tests := []struct {
		scope, code string
		verdict     catalog.RetryVerdict
		evidence    string // a part of the English evidence
		evidenceZh  string // a part of the Chinese evidence
		retry       string // a part of the English advice
	}{
		{"cbs", "InvalidDisk.SnapshotCreating", catalog.RetryAfter, "text says “请稍后重试”", "腾讯云的说明为“请稍后重试”", "Retry after a wait"},
		{"lighthouse", "OperationDenied.DiskOperationInProgress", catalog.RetryAfter, "请稍后重试", "请稍后重试", "Retry after a wait"},
		{"cls", "FailedOperation.DownLoadFile", catalog.RetryAfter, "请稍后再试", "请稍后再试", "Retry after a wait"},
		{"tdmq", "FailedOperation.OperateLater", catalog.RetryAfter, "请稍后重试", "请稍后重试", "Retry after a wait"},
		{"gwlb", "FailedOperation.ResourceInOperating", catalog.RetryAfter, "name contains Operating", "错误码名称含 Operating", "after the running operation finishes"},
		{"clb", "FailedOperation.RateLimitExceeded", catalog.RetryYes, "name contains RateLimit", "错误码名称含 RateLimit", "lower the request rate"},
		{"dnspod", "FailedOperation.FrequencyLimit", catalog.RetryYes, "过于频繁", "过于频繁", "lower the request rate"},
		{"ses", "FailedOperation.FrequencyLimit", catalog.RetryYes, "FrequencyLimit", "FrequencyLimit", "lower the request rate"},
		{"scf", "ResourceInUse.FunctionName", catalog.RetryNo, "已存在", "已存在", "already exists"},
		{"cdn", "ResourceInUse.TcbHostExists", catalog.RetryNo, "已存在", "已存在", "already exists"},
		{"fmu", "ResourceUnavailable.InArrears", catalog.RetryNo, "欠费", "欠费", "topped up"},
		// The guide decides: the class keeps its own advice.
		{"cvm", "InvalidParameterValue.InvalidImageId", catalog.RetryNo, "advice for InvalidParameterValue", "errcode 对 InvalidParameterValue 的建议", "Never retry unchanged"},
		{"lighthouse", "ResourcesSoldOut.BundleSoldOut", catalog.RetryAfter, "advice for ResourcesSoldOut", "ResourcesSoldOut", "stock is replenished"},
		// InternalError: a bounded retry (README, "Retry verdicts").
		{"common", "InternalError", catalog.RetryYes, "curated entry", "整理的条目", "at most twice"},
		{"cvm", "InternalError", catalog.RetryYes, "advice for InternalError", "InternalError", "at most twice"},
		{"tcr", "InternalError", catalog.RetryYes, "curated entry", "整理的条目", "at most twice"},
		{"mps", "InternalError.AccessDBError", catalog.RetryYes, "advice for InternalError", "InternalError", "at most twice"},
		// An InternalError.* whose text says to wait.
		{"vms", "InternalError.AccessUpstreamTimeout", catalog.RetryAfter, "请稍后重试", "请稍后重试", "Retry after a wait"},
		// The curated entry wins over its own official text.
		{"common", "RequestLimitExceeded", catalog.RetryYes, "curated entry", "整理的条目", "backoff"},
		{"common", "AuthFailure.SignatureExpire", catalog.RetryNo, "curated entry", "整理的条目", "Do not retry"},
	}
	for _, tt := range tests {
		t.Run(tt.scope+"/"+tt.code, func(t *testing.T) {
			e := cat.Get(tt.scope, tt.code)
			if e == nil {
				t.Fatalf("%s/%s is not in the catalog", tt.scope, tt.code)
			}
			if e.Verdict != tt.verdict || e.Retryable != tt.verdict.Retryable() {
				t.Errorf("verdict %q retryable %v, want %q", e.Verdict, e.Retryable, tt.verdict)
			}
			if !strings.Contains(e.RetryEvidence.En, tt.evidence) || !strings.Contains(e.RetryEvidence.Zh, tt.evidenceZh) {
				t.Errorf("evidence %q, want it to contain %q / %q", e.RetryEvidence, tt.evidence, tt.evidenceZh)
			}
			if !strings.Contains(e.Retry.En, tt.retry) || e.Retry.Zh == "" {
				t.Errorf("retry %q, want it to contain %q, and Chinese", e.Retry, tt.retry)
			}
			if catalog.IsRetryable(tt.code) != mustLookup(t, tt.code).Verdict.Retryable() {
				t.Errorf("IsRetryable(%s) disagrees with the verdict of the entry Lookup returns", tt.code)
			}
		})
	}
}

func mustLookup(t *testing.T, code string) *catalog.Entry {
	t.Helper()
	e, _ := catalog.Lookup(code)
	if e == nil {
		t.Fatalf("Lookup(%s) = nil", code)
	}
	return e
}

// TestNoVerdictContradictsTencentCloud is the catalog-wide guard of issue 8:
// no entry whose official text (either language, or the solution) says to
// retry later has the verdict no, and none whose text says the resource
// already exists or the account owes money has the verdict yes. Every
// verdict agrees with Retryable, has its evidence in both languages, and an
// "after" names its condition.
func TestNoVerdictContradictsTencentCloud(t *testing.T) {
	r := retryRules(t)
	phrases := map[string][]string{}
	for _, rule := range r.Rules {
		phrases[rule.Rule] = rule.Text
	}
	says := func(e *catalog.Entry, rule string) string {
		for _, text := range []string{e.Summary.Zh, e.Summary.En, e.Solution.Zh, e.Solution.En} {
			for _, p := range phrases[rule] {
				if strings.Contains(strings.ToLower(text), p) {
					return p
				}
			}
		}
		return ""
	}
	n := 0
	for _, e := range catalog.Default().Entries() {
		n++
		key := e.Scope + "/" + e.Code
		switch e.Verdict {
		case catalog.RetryYes, catalog.RetryAfter, catalog.RetryNo:
		default:
			t.Errorf("%s: verdict %q", key, e.Verdict)
		}
		if e.Retryable != e.Verdict.Retryable() {
			t.Errorf("%s: retryable %v contradicts verdict %s", key, e.Retryable, e.Verdict)
		}
		if e.RetryEvidence.En == "" || e.RetryEvidence.Zh == "" || e.Retry.En == "" || e.Retry.Zh == "" {
			t.Errorf("%s: retry advice or evidence missing in a language: %q / %q", key, e.Retry, e.RetryEvidence)
		}
		if (e.Verdict == catalog.RetryAfter) != (e.RetryAfter.En != "" && e.RetryAfter.Zh != "") {
			t.Errorf("%s: verdict %s with condition %q", key, e.Verdict, e.RetryAfter)
		}
		if p := says(e, "wait"); p != "" && e.Verdict == catalog.RetryNo && says(e, "never") == "" {
			t.Errorf("%s: Tencent Cloud's text says %q, but the verdict is no (%s)", key, p, e.RetryEvidence.En)
		}
		for _, rule := range []string{"exists", "arrears"} {
			if p := says(e, rule); p != "" && e.Verdict == catalog.RetryYes {
				t.Errorf("%s: Tencent Cloud's text says %q, but the verdict is yes (%s)", key, p, e.RetryEvidence.En)
			}
		}
	}
	if n < 16000 {
		t.Errorf("checked only %d entries", n)
	}
}

func TestMessageRetry(t *testing.T) {
	for _, tt := range []struct {
		msg          string
		ok           bool
		rule, phrase string
		verdict      catalog.RetryVerdict
		evidence     string
	}{
		{"Send or recv failed, please try again later.", true, "wait", "try again later", catalog.RetryAfter, "the message says “try again later”"},
		{"Loadbalancer(lb-1) is not in normal desState, maybe some tasks are being processed, please Try Later.", true, "wait", "try later", catalog.RetryAfter, "the message says “try later”"},
		{"当前函数状态无法进行此操作，请稍后重试。", true, "wait", "请稍后重试", catalog.RetryAfter, "the message says “请稍后重试”"},
		{"Your task is working (t-1). Pls wait for the task to complete and try again.", true, "wait", "to complete and try again", catalog.RetryAfter, "the message says “to complete and try again”"},
		{"Request too frequent, slow down.", true, "rate", "too frequent", catalog.RetryYes, "the message says “too frequent”"},
		{"Do not retry: the order is closed, try again later", true, "never", "do not retry", catalog.RetryNo, "the message says “do not retry”"}, // a negative wins
		{"Please check the parameter and try again.", true, "fix", "and try again", catalog.RetryNo, "the message says “and try again”"},
		{"The instance is not found.", false, "", "", "", ""},
		{"", false, "", "", "", ""},
	} {
		v, ok := catalog.MessageRetry(tt.msg)
		if ok != tt.ok || v.Rule != tt.rule || v.Phrase != tt.phrase || v.Verdict != tt.verdict || v.Evidence.En != tt.evidence {
			t.Errorf("catalog.MessageRetry(%q) = %q %q %q %q, %v; want %q %q %q %q, %v", tt.msg, v.Rule, v.Phrase, v.Verdict, v.Evidence.En, ok,
				tt.rule, tt.phrase, tt.verdict, tt.evidence, tt.ok)
		}
		if ok && (v.Retry.En == "" || v.Retry.Zh == "" || v.Evidence.Zh == "" || (v.Verdict == catalog.RetryAfter) != (v.RetryAfter.En != "")) {
			t.Errorf("catalog.MessageRetry(%q): advice, evidence or condition missing: %+v", tt.msg, v)
		}
	}
}

func TestAPI2(t *testing.T) {
	for _, tt := range []struct {
		code string
		ok   bool
		en   string
		zh   string
	}{
		{"4100", true, "Authentication failed: Signature authentication failed.", "身份认证失败：一般是由于签名计算错误导致的。"},
		{"4101", true, "", "未授权访问接口：子账号未被主账号授权访问该接口。"}, // the en page does not have it
		{"4200", true, "Request expired: The request has expired (see \"Request Validity Period\").", ""},
		{"6200", true, "API is unavailable (under maintenance).", "接口暂时无法访问：当前接口处于停服维护状态，请稍后重试。"},
		{"0", false, "", ""},
		{"4999", false, "", ""},
		{"AuthFailure", false, "", ""},
	} {
		c, ok := catalog.API2(tt.code)
		if ok != tt.ok || c.Meaning.En != tt.en || c.Meaning.Zh != tt.zh {
			t.Errorf("catalog.API2(%q) = %+v, %v; want en %q zh %q, %v", tt.code, c.Meaning, ok, tt.en, tt.zh, tt.ok)
		}
	}
	if catalog.API2Source() == "" {
		t.Error("API2Source is empty")
	}
}

// A curated "no" leads its advice with the verdict: the first words a user
// reads under "Retry: no" never say to retry (a class guide whose sub-codes
// differ says which may be retried after it says no).
func TestNoVerdictLeadsWithNo(t *testing.T) {
	enLeads := []string{"retry", "depends", "yes", "can be retried", "retryable", "only "}
	zhLeads := []string{"可", "取决于", "只有", "是", "重试"}
	for _, e := range catalog.Default().Curated() {
		if e.Verdict != catalog.RetryNo {
			continue
		}
		en, zh := strings.ToLower(e.Retry.En), e.Retry.Zh
		for _, w := range enLeads {
			if strings.HasPrefix(en, w) {
				t.Errorf("%s/%s: Retry: no, but the advice begins %q", e.Scope, e.Code, e.Retry.En)
			}
		}
		for _, w := range zhLeads {
			if strings.HasPrefix(zh, w) {
				t.Errorf("%s/%s: 是否重试：否, but the advice begins %q", e.Scope, e.Code, e.Retry.Zh)
			}
		}
	}
}
