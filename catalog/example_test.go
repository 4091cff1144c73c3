package catalog_test

import (
	"fmt"

	"github.com/errcode-dev/errcode/catalog"
)

// A program classifies an error code it got from a Tencent Cloud API call.
func Example() {
	e, exact := catalog.Lookup("AuthFailure.SignatureExpire")
	fmt.Println(e.Code, exact, e.Category())
	fmt.Println(e.Summary.In(catalog.English))
	fmt.Println("retry:", catalog.IsRetryable(e.Code))
	fmt.Println("first step:", e.Steps(catalog.English)[0] != "")
	// Output:
	// AuthFailure.SignatureExpire true AuthFailure
	// Signature expired. Timestamp and server time cannot differ by more than five minutes. Please ensure your current local time matches the standard time.
	// retry: false
	// first step: true
}

// An unknown sub-code resolves to its class, which says whether to retry.
func ExampleLookup() {
	e, exact := catalog.Lookup("RequestLimitExceeded.SomethingNew")
	fmt.Println(e.Code, exact, catalog.IsRetryable("RequestLimitExceeded.SomethingNew"))
	fmt.Println(catalog.Describe("RequestLimitExceeded", catalog.Chinese))
	// Output:
	// RequestLimitExceeded false true
	// 请求的次数超过了频率限制。
}
