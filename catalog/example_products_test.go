package catalog_test

import (
	"fmt"

	"github.com/errcode-dev/errcode/catalog"
)

// A code of one product: Tencent Cloud's description, the class whose fix
// steps and retry advice it carries, the other products that define it.
func ExampleCatalog_Get() {
	c := catalog.Default()
	e := c.Get("aai", "FailedOperation.ServiceIsolate")
	fmt.Println(e.Summary.Zh)
	fmt.Println(e.Class, e.Retryable, len(e.Steps(catalog.English)) > 0)
	fmt.Println(c.FindScopes("FailedOperation.ServiceIsolate"))
	p, _ := c.Product("tmt")
	fmt.Println(p.Title(catalog.Chinese), p.Title(catalog.English))
	// Output:
	// 账号因为欠费停止服务，请在腾讯云账户充值。
	// FailedOperation false true
	// [aai asr tmt]
	// 机器翻译 (tmt) Tencent Machine Translation (tmt)
}
