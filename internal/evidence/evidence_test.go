package evidence

import (
	"strings"
	"testing"
)

var testProducts = map[string]bool{"cvm": true, "cbs": true, "clb": true, "sms": true, "cdb": true, "postgres": true,
	"tke": true, "vpc": true, "cdn": true, "cls": true}

func ex() *Extractor { return &Extractor{IsProduct: func(p string) bool { return testProducts[p] }} }

func TestScan(t *testing.T) {
	for _, tc := range []struct {
		name, in      string
		kind          Kind
		product, text string
		tencent       bool
		provider      string
	}{
		{"host", `HTTPSConnectionPool(host='cvm.tencentcloudapi.com', port=443)`, Host, "cvm", "host cvm.tencentcloudapi.com", true, ""},
		{"regional host", `POST https://clb.ap-guangzhou.tencentcloudapi.com/`, Host, "clb", "host clb.ap-guangzhou.tencentcloudapi.com", true, ""},
		{"intl host", `cvm.intl.tencentcloudapi.com`, Host, "cvm", "host cvm.intl.tencentcloudapi.com", true, ""},
		{"api2 host", `https://cvm.api.qcloud.com/v2/index.php?Action=RunInstances`, Host, "cvm", "host cvm.api.qcloud.com", true, ""},
		{"tccli", `> tccli cdn PurgeUrlsCache --Urls '["x"]'`, Tccli, "cdn", "tccli cdn PurgeUrlsCache", true, ""},
		{"tccli powershell", `PS C:\> tccli cvm DescribeInstances`, Tccli, "cvm", "tccli cvm DescribeInstances", true, ""},
		{"service.Action", `[CRITAL]api['clb.ModifyDomainAttributes'] fail`, ServiceAction, "clb", "action clb.ModifyDomainAttributes", false, ""},
		{"java", `at com.tencentcloudapi.sms.v20190711.SmsClient.SendSms(SmsClient.java:61)`, SDKPackage, "sms", "java package com.tencentcloudapi.sms", true, ""},
		{"python", `File "/usr/lib/python3/site-packages/tencentcloud/cvm/v20170312/cvm_client.py", line 12`, SDKPackage, "cvm", "sdk package tencentcloud/cvm", true, ""},
		{"python module", `from tencentcloud.cvm.v20170312 import models`, SDKPackage, "cvm", "sdk package tencentcloud.cvm", true, ""},
		{"go", `github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/clb/v20180317.(*Client).Send`, SDKPackage, "clb", "sdk package tencentcloud/clb", true, ""},
		{"node", `at CvmClient.request (node_modules/tencentcloud-sdk-nodejs/tencentcloud/services/cvm/v20170312/cvm_client.js:1)`, SDKPackage, "cvm", "node module tencentcloud/services/cvm", true, ""},
		{"php", `TencentCloud\Cvm\V20170312\CvmClient->DescribeInstances()`, SDKPackage, "cvm", `sdk namespace TencentCloud\Cvm`, true, ""},
		{"dotnet", `at TencentCloud.Cvm.V20170312.CvmClient.DescribeInstances()`, SDKPackage, "cvm", "sdk namespace TencentCloud.Cvm", true, ""},
		{"ruby", `TencentCloud::Cvm::V20170312::Client`, SDKPackage, "cvm", "sdk namespace TencentCloud::Cvm", true, ""},
		{"terraform", `with tencentcloud_postgresql_instance.main,`, Terraform, "postgres", "terraform resource tencentcloud_postgresql_instance", false, ""},
		{"terraform rule", `in resource "tencentcloud_clb_listener" "l":`, Terraform, "clb", "terraform resource tencentcloud_clb_listener", false, ""},
		{"terraform irregular", `with tencentcloud_instance.web,`, Terraform, "cvm", "terraform resource tencentcloud_instance", false, ""},
		{"terraform kubernetes", `tencentcloud_kubernetes_cluster.managed`, Terraform, "tke", "terraform resource tencentcloud_kubernetes_cluster", false, ""},
		{"terraform mysql", `tencentcloud_mysql_instance.db`, Terraform, "cdb", "terraform resource tencentcloud_mysql_instance", false, ""},
		{"terraform eip", `tencentcloud_eip.ip`, Terraform, "vpc", "terraform resource tencentcloud_eip", false, ""},
		{"packer", `==> tencentcloud-cvm: Error creating instance`, Packer, "cvm", "packer builder tencentcloud-cvm", true, ""},
		{"aws", `botocore.exceptions.ClientError: An error occurred (AuthFailure)`, 0, "", "", false, "AWS"},
		{"aliyun", `SignatureDoesNotMatch host alidns.aliyuncs.com`, 0, "", "", false, "Alibaba Cloud"},
		{"qingcloud", `QingCloud API error (AuthFailure, ...)`, 0, "", "", false, "QingCloud"},
		{"nothing", `the instance is not found`, 0, "", "", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var f Found
			ex().ScanString(tc.in, &f)
			if f.Tencent != tc.tencent {
				t.Errorf("Tencent = %v, want %v", f.Tencent, tc.tencent)
			}
			if tc.product == "" {
				if len(f.Items) > 0 {
					t.Errorf("items %+v, want none", f.Items)
				}
			} else if len(f.Items) == 0 || f.Items[0] != (Item{tc.kind, tc.product, tc.text}) {
				t.Errorf("items %+v, want %+v", f.Items, Item{tc.kind, tc.product, tc.text})
			}
			switch {
			case tc.provider == "" && len(f.Others) > 0:
				t.Errorf("others %+v, want none", f.Others)
			case tc.provider != "" && (len(f.Others) == 0 || f.Others[0].Provider != tc.provider):
				t.Errorf("others %+v, want %s", f.Others, tc.provider)
			}
		})
	}
}

func TestScanUnknownProduct(t *testing.T) {
	var f Found
	ex().ScanString(`tencentcloud_cos_bucket.b tccli foo Bar com.tencentcloudapi.nope.v1 'xyz.DoThat'`, &f)
	if len(f.Items) != 0 {
		t.Errorf("items %+v, want none: no such products", f.Items)
	}
}

func TestClasses(t *testing.T) {
	var f Found
	ex().ScanClasses(`SmsClient.SendSms failed; HttpClient; my_CvmClient`, &f)
	if len(f.Items) != 1 || f.Items[0].Product != "sms" || f.Items[0].Kind != SDKClass {
		t.Errorf("items %+v, want sms's class only", f.Items)
	}
}

func TestDecide(t *testing.T) {
	item := func(k Kind, p string) Item { return Item{k, p, p + " evidence"} }
	for _, tc := range []struct {
		name      string
		by        [numReaches]*Found
		product   string
		conflicts int
		foreign   string
	}{
		{"nothing", [numReaches]*Found{}, "", 0, ""},
		{"closer reach wins", [numReaches]*Found{Record: {Items: []Item{item(Terraform, "cdb")}}, Window: {Items: []Item{item(Host, "cvm")}}}, "cdb", 1, ""},
		{"stronger kind wins", [numReaches]*Found{Lines: {Items: []Item{item(Packer, "cvm"), item(Host, "cbs")}}}, "cbs", 1, ""},
		{"first of a kind wins", [numReaches]*Found{Window: {Items: []Item{item(Terraform, "cdb"), item(Terraform, "postgres")}}}, "cdb", 1, ""},
		{"foreign", [numReaches]*Found{Window: {Others: []Marker{{"AWS", "botocore"}}}}, "", 0, "AWS"},
		{"tencent mark beats foreign", [numReaches]*Found{Record: {Tencent: true}, Window: {Others: []Marker{{"AWS", "botocore"}}}}, "", 0, ""},
		{"product beats foreign", [numReaches]*Found{Window: {Items: []Item{item(Terraform, "cvm")}, Others: []Marker{{"AWS", "aws-sdk"}}}}, "cvm", 0, ""},
		{"a class alone is not Tencent's", [numReaches]*Found{Record: {Items: []Item{item(SDKClass, "sms")}, Others: []Marker{{"Alibaba Cloud", "aliyun"}}}}, "sms", 0, "Alibaba Cloud"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Decide(tc.by)
			if r.Product != tc.product || len(r.Conflicts) != tc.conflicts || r.Foreign != tc.foreign {
				t.Errorf("Decide = %+v, want product %q, %d conflicts, foreign %q", r, tc.product, tc.conflicts, tc.foreign)
			}
		})
	}
}

func TestTerraformTable(t *testing.T) {
	// every product of the table is one the rule could not give
	exact, _ := terraformRules()
	for name, p := range exact {
		if !strings.HasPrefix(name, "tencentcloud_") || p == "" {
			t.Errorf("bad row %s → %q", name, p)
		}
	}
	for _, tc := range []struct{ name, want string }{
		{"tencentcloud_instance", "cvm"}, {"tencentcloud_instances", "cvm"}, {"tencentcloud_kubernetes_node_pool", "tke"},
		{"tencentcloud_mysql_account", "cdb"}, {"tencentcloud_postgresql_instances", "postgres"}, {"tencentcloud_clb_listener", "clb"},
		{"tencentcloud_cbs_storage", "cbs"}, {"tencentcloud_vpc", "vpc"}, {"tencentcloud_subnet", "vpc"},
		{"tencentcloud_security_group", "vpc"}, {"tencentcloud_eip", "vpc"}, {"tencentcloud_clb_log_topic", "cls"},
		{"tencentcloud_cos_bucket", ""}, {"tencentcloud_", ""},
	} {
		got, _ := TerraformProduct(tc.name, func(p string) bool { return testProducts[p] })
		if got != tc.want {
			t.Errorf("TerraformProduct(%s) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		`cvm.tencentcloudapi.com`, `tencentcloud_instance.a`, `tccli cvm DescribeInstances`, `'clb.ModifyX'`,
		`TencentCloud::Cvm::V2`, `TencentCloud\\Cvm\\V2`, `com.tencentcloudapi.sms.v2`, `x.api.qcloud.com`,
		`.tencentcloudapi.com`, `tencent`, `Tencentcloudapi.com`, `tencentcloud-cvm`, `botocore`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var fd Found
		x := &Extractor{IsProduct: func(p string) bool { return p != "" }}
		x.ScanString(s, &fd)
		x.ScanClasses(s, &fd)
		for _, it := range fd.Items {
			w := strings.Fields(it.Text)
			if it.Product == "" || len(w) < 2 || !strings.Contains(s, w[len(w)-1]) {
				t.Errorf("item %+v does not come from %q", it, s)
			}
		}
		if len(fd.Items) > maxItems || len(fd.Others) > maxItems {
			t.Errorf("too many items")
		}
		Decide([numReaches]*Found{Record: &fd})
	})
}
