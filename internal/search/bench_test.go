package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// synthEntries returns about n realistic entries: the hand-written test
// entries plus generated ones, spread over products so that, as in the real
// catalog, many codes exist in several scopes. It is deterministic.
func synthEntries(n int) []*catalog.Entry {
	classes := []struct{ code, en, zh string }{
		{"FailedOperation", "Operation failed", "操作失败"},
		{"InvalidParameter", "Invalid parameter", "参数错误"},
		{"InvalidParameterValue", "Invalid parameter value", "参数取值错误"},
		{"LimitExceeded", "Limit exceeded", "超过配额限制"},
		{"MissingParameter", "Missing parameter", "缺少参数错误"},
		{"OperationDenied", "Operation denied", "操作被拒绝"},
		{"ResourceInUse", "Resource in use", "资源被占用"},
		{"ResourceInsufficient", "Insufficient resources", "资源不足"},
		{"ResourceNotFound", "Resource not found", "资源不存在"},
		{"ResourceUnavailable", "Resource unavailable", "资源不可用"},
		{"UnauthorizedOperation", "Unauthorized operation", "未授权操作"},
		{"UnsupportedOperation", "Unsupported operation", "操作不支持"},
	}
	nouns := []struct{ code, en, zh string }{
		{"Instance", "instance", "实例"}, {"Disk", "cloud disk", "云硬盘"}, {"Snapshot", "snapshot", "快照"},
		{"Image", "image", "镜像"}, {"Vpc", "VPC", "私有网络"}, {"Subnet", "subnet", "子网"},
		{"SecurityGroup", "security group", "安全组"}, {"Bucket", "bucket", "存储桶"}, {"Cluster", "cluster", "集群"},
		{"Node", "node", "节点"}, {"Namespace", "namespace", "命名空间"}, {"Repo", "repository", "仓库"},
		{"Tag", "tag", "标签"}, {"Certificate", "certificate", "证书"}, {"Domain", "domain", "域名"},
		{"Record", "record", "记录"}, {"Policy", "policy", "策略"}, {"Role", "role", "角色"},
		{"User", "user", "用户"}, {"Account", "account", "账号"}, {"Order", "order", "订单"},
		{"Balance", "balance", "余额"}, {"Task", "task", "任务"}, {"Topic", "topic", "主题"},
		{"Queue", "queue", "队列"}, {"Db", "database", "数据库"}, {"Table", "table", "数据表"},
		{"Backup", "backup", "备份"}, {"Zone", "availability zone", "可用区"}, {"Region", "region", "地域"},
		{"Address", "IP address", "IP 地址"}, {"Port", "port", "端口"}, {"Listener", "listener", "监听器"},
		{"Function", "function", "函数"}, {"Version", "version", "版本"}, {"Template", "template", "模板"},
		{"Alarm", "alarm policy", "告警策略"}, {"Dashboard", "dashboard", "仪表盘"}, {"Stream", "stream", "数据流"},
		{"Gateway", "gateway", "网关"},
	}
	states := []struct{ code, en, zh string }{
		{"NotExist", "does not exist", "不存在"}, {"AlreadyExists", "already exists", "已存在"},
		{"Locked", "is locked", "已被锁定"}, {"Busy", "is busy", "繁忙"}, {"Invalid", "is invalid", "无效"},
		{"Expired", "has expired", "已过期"}, {"LimitExceeded", "exceeds its limit", "数量超过限制"},
		{"Insufficient", "is insufficient", "不足"}, {"Unsupported", "is not supported", "不支持"},
		{"InUse", "is in use", "正在使用中"}, {"Deleting", "is being deleted", "正在删除"},
		{"Creating", "is being created", "正在创建"}, {"Mismatch", "does not match", "不匹配"},
		{"Timeout", "timed out", "超时"}, {"Conflict", "conflicts with another request", "与其他请求冲突"},
	}
	products := []string{"cvm", "cbs", "vpc", "clb", "cos", "tke", "tcr", "cdb", "redis", "mongodb", "scf", "cam",
		"cls", "monitor", "ssl", "dnspod", "cdn", "billing", "tdmq", "ckafka", "es", "postgres", "sqlserver",
		"lighthouse", "as", "tat", "ocr", "asr", "tts", "sms", "ses", "waf", "antiddos", "apigateway", "tsf"}
	r := rand.New(rand.NewPCG(1, 2))
	entries := testEntries()
	for i := 0; len(entries) < n; i++ {
		scope := products[i%len(products)]
		if i >= len(products) {
			scope = fmt.Sprintf("%s%d", products[i%len(products)], i/len(products))
		}
		perProduct := 60
		for j := 0; j < perProduct && len(entries) < n; j++ {
			c, no, st := classes[r.IntN(len(classes))], nouns[r.IntN(len(nouns))], states[r.IntN(len(states))]
			code := c.code + "." + no.code + st.code
			if r.IntN(5) == 0 {
				code = c.code + "." + no.code + "." + st.code
			}
			e := &catalog.Entry{
				Code: code, Scope: scope,
				Summary: txt(fmt.Sprintf("%s: the %s %s.", c.en, no.en, st.en), fmt.Sprintf("%s：%s%s。", c.zh, no.zh, st.zh)),
				Causes: texts(
					txt(fmt.Sprintf("The %s was changed by another request at the same time.", no.en), fmt.Sprintf("%s同时被其他请求修改。", no.zh)),
					txt(fmt.Sprintf("The %s ID in the request is wrong or belongs to another region.", no.en), fmt.Sprintf("请求中的%s ID 错误或属于其他地域。", no.zh)),
				),
				Remediation: texts(txt(fmt.Sprintf("Query the %s with the Describe API, check its state, then retry.", no.en),
					fmt.Sprintf("调用查询接口确认%s的状态后重试。", no.zh))),
				Provenance: catalog.ProvenanceOfficialZh,
			}
			entries = append(entries, e)
		}
	}
	return entries
}

var synth = struct {
	sync.Mutex
	m map[int]*catalog.Catalog
}{m: map[int]*catalog.Catalog{}}

func synthCatalog(n int) *catalog.Catalog {
	synth.Lock()
	defer synth.Unlock()
	if c, ok := synth.m[n]; ok {
		return c
	}
	c := catalog.New(synthEntries(n))
	synth.m[n] = c
	return c
}

var sizes = []struct {
	name string
	n    int
}{{"150", 150}, {"18k", 18000}}

func TestSynthCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an 18k-entry catalog")
	}
	c := synthCatalog(18000)
	if c.Len() != 18000 {
		t.Fatalf("synthetic catalog has %d entries", c.Len())
	}
	ix := New(c)
	// The hand-written entries still answer as in the small catalog.
	if s := ix.Suggest("AuthFaliure.SignatureExpred", 0); len(s) == 0 || s[0] != "AuthFailure.SignatureExpire" {
		t.Errorf("Suggest = %q", s)
	}
	if h := ix.Text("signature expire", 3); len(h) == 0 || h[0].Entry.Code != "AuthFailure.SignatureExpire" {
		t.Errorf("Text = %q", hitKeys(h))
	}
	if h := ix.Text("签名过期", 3); len(h) == 0 || h[0].Entry.Code != "AuthFailure.SignatureExpire" {
		t.Errorf("Text = %q", hitKeys(h))
	}
	if h := ix.Text("rate limit", 3); len(h) == 0 || h[0].Entry.Code != "RequestLimitExceeded" {
		t.Errorf("Text = %q", hitKeys(h))
	}
	t.Logf("%d entries, %d distinct codes, %d categories", c.Len(), ix.keys.Len(), len(c.Categories()))
}

func BenchmarkNew(b *testing.B) {
	for _, sz := range sizes {
		c := synthCatalog(sz.n)
		b.Run(sz.name, func(b *testing.B) {
			for b.Loop() {
				New(c)
			}
		})
		b.Run(sz.name+"/text", func(b *testing.B) { // including the full-text index built on first Text
			for b.Loop() {
				New(c).textIndex()
			}
		})
	}
}

func BenchmarkExact(b *testing.B) {
	for _, sz := range sizes {
		c := synthCatalog(sz.n)
		b.Run(sz.name, func(b *testing.B) {
			for b.Loop() {
				if len(c.Find("authfailure.signatureexpire")) != 1 {
					b.Fatal("not found")
				}
			}
		})
	}
}

func BenchmarkPattern(b *testing.B) {
	for _, sz := range sizes {
		ix := New(synthCatalog(sz.n))
		for _, p := range []string{"AuthFailure.*", "*NotFound*", "*.ErrNo*"} {
			b.Run(sz.name+"/"+p, func(b *testing.B) {
				for b.Loop() {
					ix.Pattern(p)
				}
			})
		}
	}
}

// BenchmarkPatternHostile times the patterns that hurt before runs of * were
// collapsed and the length capped (a 131,072-star pattern took 4.3 s): the
// longest accepted patterns, with stars that cannot be collapsed.
func BenchmarkPatternHostile(b *testing.B) {
	ix := New(catalog.Default())
	for name, p := range map[string]string{
		"stars-131072":  strings.Repeat("*", 131072),
		"stars-256":     strings.Repeat("*", MaxPatternLen),
		"star-q-256":    strings.Repeat("*?", MaxPatternLen/2),
		"star-e-256":    strings.Repeat("*e", MaxPatternLen/2-1) + "*x",
		"star-dot-40":   strings.Repeat("*.", 20) + "*",
		"star-error-30": strings.Repeat("*error", 5),
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				ix.Pattern(p)
			}
		})
	}
}

func BenchmarkText(b *testing.B) {
	for _, sz := range sizes {
		ix := New(synthCatalog(sz.n))
		ix.textIndex()
		for _, q := range []string{"rate limit", "signature expire", "签名过期", "instance is locked", "数据库不存在"} {
			b.Run(sz.name+"/"+strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
				for b.Loop() {
					ix.Text(q, 10)
				}
			})
		}
	}
}

func benchSuggestMiss(b *testing.B, n int) {
	ix := New(synthCatalog(n))
	for _, q := range []string{"AuthFaliure.SignatureExpred", "Xyzzy.PlughFrobnicate", "InstanceLocekd"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				ix.Suggest(q, 0)
			}
		})
	}
}

func BenchmarkSuggestMiss(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) { benchSuggestMiss(b, sz.n) })
	}
}

// BenchmarkSuggestMiss18k is the budget to keep: well under 5 ms a miss.
func BenchmarkSuggestMiss18k(b *testing.B) { benchSuggestMiss(b, 18000) }

func BenchmarkComplete(b *testing.B) {
	for _, sz := range sizes {
		ix := New(synthCatalog(sz.n))
		for _, p := range []string{"", "AuthFailure.Sig", "ResourceNotFound."} {
			b.Run(sz.name+"/"+p, func(b *testing.B) {
				for b.Loop() {
					ix.Complete(p)
				}
			})
		}
	}
}
