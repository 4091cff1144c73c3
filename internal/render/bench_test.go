package render

import (
	"io"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

func BenchmarkExplain(b *testing.B) {
	e := catalog.Default().Get("common", "AuthFailure.SignatureExpire")
	for _, lang := range []catalog.Lang{catalog.English, catalog.Chinese} {
		b.Run(string(lang), func(b *testing.B) {
			for b.Loop() {
				if err := Explain(io.Discard, e, ExplainOptions{Lang: lang, Width: 80}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWrap(b *testing.B) {
	s := "Compare the local clock with a trusted source: run `date -u` and compare it with the `Date:` header of any HTTPS response. 对比本地时钟与可信时间：执行 `date -u`，与任一 HTTPS 响应的 `Date:` 头比较。"
	for b.Loop() {
		Wrap(s, 80, "  1. ", "     ")
	}
}
