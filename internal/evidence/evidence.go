// Package evidence finds what a pasted text says about where an error came
// from: which Tencent Cloud product (an endpoint host, a tccli command, an
// SDK package or class, a service.Action name, a Terraform resource, a
// Packer builder), and whether it came from Tencent Cloud at all or from
// another cloud (AWS, Alibaba Cloud, Huawei Cloud ...). It then chooses the
// product a finding belongs to. It knows no catalog: the caller says which
// short names are products.
//
// # Reach
//
// Evidence is weighed by how close it is to the finding, closest first:
//
//  1. the record: the finding's own fields (its host, its tccli service) and
//     its message;
//  2. the lines of the record (a body over several lines, an exception and
//     its properties);
//  3. the window: up to internal/parse's ContextLines lines before and after
//     those lines, in the same input.
//
// # Conflicts
//
// The closest reach that names a product decides. Within one reach the
// strongest kind decides, in this order: an endpoint host (API 3.0 or 2.0),
// a tccli command, a service.Action name, an SDK package or namespace, a
// Terraform resource, a Packer builder, an SDK client class; of two of the
// same kind, the first in the text. Whatever else names another product is
// reported as a conflict, for a note.
//
// A finding whose text has a marker of another cloud, and no Tencent Cloud
// marker or product evidence in any reach, belongs to that cloud (see
// Result.Foreign).
package evidence

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
)

// Kind is a kind of product evidence, strongest first.
type Kind int

// The kinds of product evidence, in the order they win.
const (
	Host          Kind = iota // cvm.tencentcloudapi.com, cvm.api.qcloud.com
	Tccli                     // tccli cvm DescribeInstances
	ServiceAction             // clb.ModifyDomainAttributes
	SDKPackage                // com.tencentcloudapi.sms.v20190711, tencentcloud.cvm.v20170312, TencentCloud\Cvm\V20170312
	Terraform                 // tencentcloud_postgresql_instance
	Packer                    // tencentcloud-cvm
	SDKClass                  // SmsClient
	numKinds
)

// Item is one piece of product evidence.
type Item struct {
	Kind    Kind
	Product string // the product's short name
	Text    string // what it is, for the user: "terraform resource tencentcloud_postgresql_instance"
}

// Marker is another cloud's mark in the text.
type Marker struct {
	Provider string // "AWS", "Alibaba Cloud" ...
	Text     string // the mark as found: "amazonaws.com"
}

// Found is what one text holds.
type Found struct {
	Items   []Item
	Tencent bool     // a mark only Tencent Cloud's text has (tencentcloudapi.com, TencentCloudSDKException ...)
	Others  []Marker // other clouds' marks
}

// Extractor finds evidence. Its zero value knows no products: every
// product evidence is then ignored.
type Extractor struct {
	// IsProduct reports whether a lower-case short name is a product.
	IsProduct func(string) bool
}

// maxItems bounds the evidence kept of one text.
const maxItems = 16

func (x *Extractor) isProduct(p string) bool {
	return p != "" && x.IsProduct != nil && x.IsProduct(p)
}

func (x *Extractor) add(f *Found, k Kind, prod, text string) {
	prod = strings.ToLower(prod)
	if !x.isProduct(prod) || len(f.Items) >= maxItems {
		return
	}
	for _, it := range f.Items {
		if it.Kind == k && it.Product == prod {
			return
		}
	}
	f.Items = append(f.Items, Item{Kind: k, Product: prod, Text: text})
}

// Scan adds what b holds to f.
func (x *Extractor) Scan(b []byte, f *Found) { x.ScanString(string(b), f) }

// ScanString is Scan for a string.
func (x *Extractor) ScanString(s string, f *Found) {
	x.scanTencent(s, f)
	x.scanQcloud(s, f)
	x.scanTccli(s, f)
	x.scanServiceAction(s, f)
	if !f.Tencent {
		// a Tencent Cloud mark settles which cloud: no need to look for others
		scanOthers(s, f)
	}
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool { return isLower(c) || isUpper(c) || isDigit(c) }

// word returns the run of bytes of s from i that ok accepts.
func word(s string, i int, ok func(byte) bool) string {
	j := i
	for j < len(s) && ok(s[j]) && j-i < 80 {
		j++
	}
	return s[i:j]
}

func lowerDigit(c byte) bool      { return isLower(c) || isDigit(c) }
func lowerDigitUnder(c byte) bool { return isLower(c) || isDigit(c) || c == '_' }
func hostChar(c byte) bool        { return isAlnum(c) || c == '-' || c == '.' }

// scanTencent looks at every "tencent" (any case) in s.
func (x *Extractor) scanTencent(s string, f *Found) {
	for from := 0; ; {
		i := indexEncent(s, from)
		if i < 0 {
			return
		}
		from = i + 6
		if i == 0 {
			continue
		}
		t := i - 1 // the 't' of tencent
		rest := s[i+6:]
		if len(rest) < 5 || !strings.EqualFold(rest[:5], "cloud") {
			continue
		}
		rest = rest[5:]
		before := byte(0)
		if t > 0 {
			before = s[t-1]
		}
		switch {
		case strings.HasPrefix(rest, "api.com") || strings.HasPrefix(rest, "api.intl"):
			f.Tencent = true
			// a host: the first label
			h := t
			for h > 0 && hostChar(s[h-1]) {
				h--
			}
			host := s[h:t] + s[t:t+len("tencentcloudapi.com")]
			if j := strings.IndexByte(host, '.'); j > 0 && j < len(host)-len("tencentcloudapi.com")+1 {
				x.add(f, Host, host[:j], "host "+strings.TrimPrefix(host, "."))
			}
		case strings.HasPrefix(rest, "api.") && t >= 4 && s[t-4:t] == "com.": // com.tencentcloudapi.sms.v20190711
			f.Tencent = true
			p := word(rest, 4, lowerDigit)
			x.add(f, SDKPackage, p, "java package "+s[t-4:i+11+4+len(p)])
		case strings.HasPrefix(rest, "SDK") || strings.HasPrefix(rest, "Sdk") || strings.HasPrefix(rest, "-sdk") || strings.HasPrefix(rest, "_sdk"):
			f.Tencent = true
		case s[t] == 't' && strings.HasPrefix(rest, "_") && !isAlnum(before):
			name := strings.TrimRight(s[t:i+11+len(word(rest, 0, lowerDigitUnder))], "_")
			if p, ok := terraformProduct(name, x.isProduct); ok {
				x.add(f, Terraform, p, "terraform resource "+name)
			}
		case s[t] == 't' && strings.HasPrefix(rest, "-cvm") && !isAlnum(before):
			f.Tencent = true
			x.add(f, Packer, "cvm", "packer builder "+s[t:i+15])
		case strings.HasPrefix(rest, "/services/"): // tencentcloud-sdk-nodejs/tencentcloud/services/cvm/
			f.Tencent = true
			p := word(rest, len("/services/"), lowerDigit)
			x.add(f, SDKPackage, p, "node module "+s[t:i+11+len("/services/")+len(p)])
		case len(rest) > 2 && (rest[0] == '.' || rest[0] == '/') && s[t] == 't':
			// tencentcloud.cvm.v20170312 (python), tencentcloud/clb/v20180317 (go, python paths)
			p := word(rest, 1, lowerDigit)
			if n := 1 + len(p); n+1 < len(rest) && rest[n] == rest[0] && rest[n+1] == 'v' {
				f.Tencent = true
				x.add(f, SDKPackage, p, "sdk package "+s[t:i+11+1+len(p)])
			}
		case s[t] == 'T' && len(rest) > 2 && (rest[0] == '\\' || rest[0] == '.' || rest[0] == ':'):
			// TencentCloud\Cvm\V20170312 (php), TencentCloud.Cvm.V20170312 (.net),
			// TencentCloud::Cvm::V20170312 (ruby)
			sep := rest[:1]
			if strings.HasPrefix(rest, "::") {
				sep = "::"
			} else if strings.HasPrefix(rest, `\\`) {
				sep = `\\`
			}
			r := rest[len(sep):]
			p := word(r, 0, isAlnum)
			if p != "" && isUpper(p[0]) && strings.HasPrefix(r[len(p):], sep+"V") {
				f.Tencent = true
				x.add(f, SDKPackage, p, "sdk namespace "+s[t:i+11+len(sep)+len(p)])
			}
		}
	}
}

// indexEncent finds "encent" or "ENCENT" at or after from (the letters
// after the T of Tencent, in either case).
func indexEncent(s string, from int) int {
	for from < len(s) {
		a := strings.Index(s[from:], "encent")
		b := strings.Index(s[from:], "ENCENT")
		switch {
		case a < 0 && b < 0:
			return -1
		case a < 0 || b >= 0 && b < a:
			a = b
		}
		i := from + a
		if i > 0 && (s[i-1] == 't' || s[i-1] == 'T') {
			return i
		}
		from = i + 1
	}
	return -1
}

// scanQcloud looks at every API 2.0 host (cvm.api.qcloud.com).
func (x *Extractor) scanQcloud(s string, f *Found) {
	for from := 0; ; {
		k := strings.Index(s[from:], ".api.qcloud.com")
		if k < 0 {
			return
		}
		i := from + k
		from = i + 1
		f.Tencent = true
		h := i
		for h > 0 && hostChar(s[h-1]) {
			h--
		}
		label := s[h:i]
		if j := strings.IndexByte(label, '.'); j >= 0 {
			label = label[:j]
		}
		x.add(f, Host, label, "host "+s[h:i]+".api.qcloud.com")
	}
}

// scanTccli finds "tccli <service> <Action>" (after any prompt).
func (x *Extractor) scanTccli(s string, f *Found) {
	for from := 0; ; {
		k := strings.Index(s[from:], "tccli ")
		if k < 0 {
			return
		}
		i := from + k
		from = i + 1
		if i > 0 && (isAlnum(s[i-1]) || s[i-1] == '_' || s[i-1] == '-') {
			continue
		}
		rest := strings.TrimLeft(s[i+6:], " ")
		svc := word(rest, 0, lowerDigit)
		if svc == "" || len(svc) == len(rest) || rest[len(svc)] != ' ' {
			continue
		}
		act := word(strings.TrimLeft(rest[len(svc):], " "), 0, isAlnum)
		if act == "" || !isUpper(act[0]) {
			continue
		}
		f.Tencent = true
		x.add(f, Tccli, svc, "tccli "+svc+" "+act)
	}
}

// scanServiceAction finds 'clb.ModifyDomainAttributes': a product, a dot and
// a CamelCase action, quoted or in brackets.
func (x *Extractor) scanServiceAction(s string, f *Found) {
	for from := 0; ; {
		k := strings.IndexByte(s[from:], '.')
		if k < 0 {
			return
		}
		i := from + k
		from = i + 1
		if i == 0 || i+2 >= len(s) || !isLower(s[i-1]) || !isUpper(s[i+1]) {
			continue
		}
		a := i
		for a > 0 && lowerDigit(s[a-1]) && i-a < 30 {
			a--
		}
		if a == 0 || !isQuote(s[a-1]) {
			continue
		}
		act := word(s, i+1, isAlnum)
		e := i + 1 + len(act)
		if e >= len(s) || !isClose(s[e]) || !camel(act) {
			continue
		}
		x.add(f, ServiceAction, s[a:i], "action "+s[a:e])
	}
}

func isQuote(c byte) bool { return c == '\'' || c == '"' || c == '[' || c == '(' || c == '`' }
func isClose(c byte) bool { return c == '\'' || c == '"' || c == ']' || c == ')' || c == '`' }

// camel reports whether a is an action name: CamelCase with two humps at least.
func camel(a string) bool {
	if len(a) < 4 || !isUpper(a[0]) {
		return false
	}
	for i := 1; i < len(a); i++ {
		if isUpper(a[i]) && isLower(a[i-1]) {
			return true
		}
	}
	return false
}

// ScanClasses adds the SDK client classes of s ("SmsClient", "CvmClient"):
// weak evidence, looked for in the record only.
func (x *Extractor) ScanClasses(s string, f *Found) {
	for from := 0; ; {
		k := strings.Index(s[from:], "Client")
		if k < 0 {
			return
		}
		i := from + k
		from = i + 1
		a := i
		for a > 0 && isAlnum(s[a-1]) && i-a < 20 {
			a--
		}
		if a == i || !isUpper(s[a]) || a > 0 && (s[a-1] == '_') {
			continue
		}
		if e := i + len("Client"); e < len(s) && isAlnum(s[e]) {
			continue
		}
		x.add(f, SDKClass, s[a:i], "sdk class "+s[a:i+len("Client")])
	}
}

// others are the marks of other clouds, as written (case matters: each is
// how that cloud's hosts, SDKs and error strings spell it).
var others = []Marker{
	{"AWS", "amazonaws.com"}, {"AWS", "botocore"}, {"AWS", "boto3"}, {"AWS", "aws-sdk"},
	{"AWS", "arn:aws:"}, {"AWS", "AWS.SimpleQueueService"}, {"AWS", "x-amz-"}, {"AWS", "X-Amz-"},
	{"Alibaba Cloud", "aliyuncs.com"}, {"Alibaba Cloud", "alibabacloud"}, {"Alibaba Cloud", "aliyun"},
	{"Alibaba Cloud", "Aliyun"}, {"Alibaba Cloud", "AlibabaCloud"}, {"Alibaba Cloud", "Alibaba Cloud"},
	{"Huawei Cloud", "myhuaweicloud.com"}, {"Huawei Cloud", "huaweicloud"}, {"Huawei Cloud", "HuaweiCloud"},
	{"QingCloud", "qingcloud"}, {"QingCloud", "QingCloud"},
	{"Google Cloud", "googleapis.com"}, {"Google Cloud", "google.cloud"}, {"Google Cloud", "google-cloud"}, {"Google Cloud", "cloud.google.com"},
	{"Azure", "azure.com"}, {"Azure", "azure-sdk"}, {"Azure", "Azure"}, {"Azure", "windows.net"},
	{"Baidu Cloud", "baidubce"}, {"Baidu Cloud", "bce-sdk"}, {"Baidu Cloud", "BceClient"},
	{"Volcengine", "volcengine"}, {"Volcengine", "Volcengine"}, {"Volcengine", "volces.com"},
	{"Kingsoft Cloud", "ksyun"}, {"Kingsoft Cloud", "Ksyun"}, {"Kingsoft Cloud", "KSYUN"},
	{"UCloud", "ucloud.cn"}, {"UCloud", "ucloud-sdk"},
	{"JD Cloud", "jdcloud"}, {"Oracle Cloud", "oraclecloud.com"},
}

func scanOthers(s string, f *Found) {
	for _, m := range others {
		if len(f.Others) >= maxItems {
			return
		}
		if strings.Contains(s, m.Text) && !hasProvider(f.Others, m.Provider) {
			f.Others = append(f.Others, m)
		}
	}
}

func hasProvider(ms []Marker, p string) bool {
	for _, m := range ms {
		if m.Provider == p {
			return true
		}
	}
	return false
}

//go:embed terraform.tsv
var terraformTSV string

// terraformRules is terraform.tsv: exact names, and "<word>_*" prefixes
// keyed by their first word. It is read on first use: only parse needs it,
// and every other command would pay for it at start-up.
var terraformRules = sync.OnceValues(func() (map[string]string, map[string]string) {
	exact, words := map[string]string{}, map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(terraformTSV))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		name, prod, ok := strings.Cut(line, "\t")
		if !ok {
			panic("evidence: terraform.tsv: a line without a tab: " + line)
		}
		if w, ok := strings.CutSuffix(name, "_*"); ok {
			words[strings.TrimPrefix(w, "tencentcloud_")] = prod
		} else {
			exact[name] = prod
		}
	}
	return exact, words
})

// TerraformProduct returns the product of a Terraform resource or data
// source name (tencentcloud_postgresql_instance: postgres), by the table of
// terraform.tsv and the tencentcloud_<product>_* rule.
func TerraformProduct(name string, isProduct func(string) bool) (string, bool) {
	return terraformProduct(name, isProduct)
}

func terraformProduct(name string, isProduct func(string) bool) (string, bool) {
	exact, words := terraformRules()
	if p, ok := exact[name]; ok {
		return p, true
	}
	w, ok := strings.CutPrefix(name, "tencentcloud_")
	if !ok || w == "" {
		return "", false
	}
	if i := strings.IndexByte(w, '_'); i >= 0 {
		w = w[:i]
	}
	if p, ok := words[w]; ok {
		return p, true
	}
	if isProduct != nil && isProduct(w) {
		return w, true
	}
	return "", false
}
