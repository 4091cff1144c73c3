package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog/source"
)

var update = flag.Bool("update", false, "rewrite testdata/want from the fixtures")

// fixtureInputs are the hand-written sources of testdata, in the upstream
// formats, with the commits a git checkout would give.
func fixtureInputs() inputs {
	return inputs{
		sdk:    filepath.Join("testdata", "sdk"),
		intl:   filepath.Join("testdata", "intl"),
		center: filepath.Join("testdata", "center", "error-codes.json"),
		prov: source.Provenance{
			SDK:    source.Origin{Repo: sdkRepo, Commit: strings.Repeat("a", 40), Date: "2026-09-01"},
			Intl:   source.Origin{Repo: intlRepo, Commit: strings.Repeat("b", 40), Date: "2026-09-01"},
			Center: source.Origin{Repo: centerRepo, Path: "zh-CN/error-codes.json", Commit: strings.Repeat("c", 40), Date: "2026-09-02"},
		},
	}
}

// copyDir copies the files of src (one level of folders) into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestImportFixtures imports the fixtures over the catalog of
// testdata/before and compares every file written, and the printed summary,
// with testdata/want (go test -update rewrites it; review the diff). The
// fixtures hold two API versions of one product, a code only the newer one
// defines, multi-line and empty comments, an intl-only product and code
// (with actions from the intl client.go, which are ignored where the Go SDK
// defines the code), a code only the intl SDK defines in one version, a
// product without codes, a code removed upstream, a code removed long ago,
// one back upstream, a product gone upstream, placeholder solutions, and
// the PLATFORM group of common codes (one new with Markdown, one reworded
// over two lines, one gone, one gone long ago; another group is skipped).
func TestImportFixtures(t *testing.T) {
	out := t.TempDir()
	copyDir(t, filepath.Join("testdata", "before"), out)
	var sum bytes.Buffer
	if err := Import(fixtureInputs(), out, &sum); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "summary.txt"), sum.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join("testdata", "want")
	if *update {
		if err := os.RemoveAll(want); err != nil {
			t.Fatal(err)
		}
		copyDir(t, out, want)
		return
	}
	files := map[string]bool{}
	for _, dir := range []string{out, want} {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(dir, path)
				files[rel] = true
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for f := range files {
		got, _ := os.ReadFile(filepath.Join(out, f))
		exp, err := os.ReadFile(filepath.Join(want, f))
		if err != nil {
			t.Errorf("%s: written, but not in testdata/want (run go test -update and review)", f)
			continue
		}
		if !bytes.Equal(got, exp) {
			t.Errorf("%s differs from testdata/want:\n--- got\n%s\n--- want\n%s", f, got, exp)
		}
	}
	// What the importer writes, the catalog's readers accept.
	for f := range files {
		data, _ := os.ReadFile(filepath.Join(out, f))
		var err error
		switch {
		case strings.HasPrefix(f, "products"+string(filepath.Separator)):
			_, err = source.DecodeProduct(strings.TrimSuffix(filepath.Base(f), ".yaml"), data)
		case f == "products.yaml":
			_, err = source.DecodeProducts(data)
		case f == "provenance.yaml":
			_, err = source.DecodeProvenance(data)
		case f == commonFile:
			_, err = source.DecodeCommonOfficial(data)
		}
		if err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// A second import of the same sources changes nothing and reports nothing.
func TestImportIsIdempotent(t *testing.T) {
	out := t.TempDir()
	copyDir(t, filepath.Join("testdata", "before"), out)
	if err := Import(fixtureInputs(), out, new(bytes.Buffer)); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(filepath.Join(out, "products", "cvm.yaml"))
	var sum bytes.Buffer
	if err := Import(fixtureInputs(), out, &sum); err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(filepath.Join(out, "products", "cvm.yaml"))
	if !bytes.Equal(first, again) {
		t.Errorf("a second import rewrote cvm.yaml:\n%s", again)
	}
	if lines := strings.Split(strings.TrimSpace(sum.String()), "\n"); len(lines) != 2 || !strings.Contains(lines[1], " 0 added, 0 removed, 0 restored, 0 reworded, 0 with other") {
		t.Errorf("summary of a no-op import:\n%s", sum.String())
	}
}

func TestErrorsGoComments(t *testing.T) {
	path := filepath.Join(t.TempDir(), "errors.go")
	src := "package v1\n\nconst (\n\t// 此产品的特有错误码\n\n\t// 第一行，\n\t//   第二行  有两个空格。\n\tA = \"A.B\"\n\n\t// \n\tB = \"B\"\n\tC = \"C.D\" // a trailing comment describes nothing\n)\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	codes, text, err := errorsGo(path)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(codes, []string{"A.B", "B", "C.D"}) {
		t.Errorf("codes = %q", codes)
	}
	want := map[string]string{"A.B": "第一行， 第二行  有两个空格。", "B": "", "C.D": ""}
	for c, w := range want {
		if text[c] != w {
			t.Errorf("%s: %q, want %q", c, text[c], w)
		}
	}
	for _, bad := range []string{
		"package v1\nconst A = 1\n",
		"package v1\nconst (\n\tA = \"A\"\n\tB = \"A\"\n)\n",
		"package v1\nconst A = \"has space\"\n",
		"package v1\nconst A = \n",
	} {
		if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := errorsGo(path); err == nil {
			t.Errorf("errorsGo(%q): no error", bad)
		}
	}
}

func TestSolutionPlaceholders(t *testing.T) {
	for in, want := range map[string]string{
		"业务正在更新中，请您耐心等待。": "",
		"None":          "",
		" 占位符 ":         "",
		"无":             "",
		"暂无":            "",
		"1":             "",
		"-":             "",
		"请重试":           "请重试",
		"请充值。":          "请充值。",
		"检查  参数，\n再重试。": "检查 参数， 再重试。",
	} {
		if got := solution(in); got != want {
			t.Errorf("solution(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestImportNeedsItsSources(t *testing.T) {
	in := fixtureInputs()
	in.sdk = t.TempDir()
	if err := Import(in, t.TempDir(), new(bytes.Buffer)); err == nil || !strings.Contains(err.Error(), "release") {
		t.Errorf("an empty SDK folder: err = %v", err)
	}
	in = fixtureInputs()
	in.center = filepath.Join(t.TempDir(), "missing.json")
	if err := Import(in, t.TempDir(), new(bytes.Buffer)); err == nil {
		t.Error("a missing error-codes.json: no error")
	}
}

// client.go as the SDK writes it (two spaces before each code, no empty
// line after the heading; gofmt would change both) and as gofmt leaves it.
func TestClientGo(t *testing.T) {
	upstream := "package v1\n\n// RunInstances\n// 本接口用于创建实例。\n//\n// 可能返回的错误码:\n//  INTERNALERROR = \"InternalError\"\n//  INVALIDPARAMETER_X = \"InvalidParameter.X\"\nfunc (c *Client) RunInstances(request *RunInstancesRequest) (response *RunInstancesResponse, err error) {\n    return c.RunInstancesWithContext(context.Background(), request)\n}\n\n" +
		"// RunInstances\n// 本接口用于创建实例。\n//\n// 可能返回的错误码:\n//  INTERNALERROR = \"InternalError\"\n//  INVALIDPARAMETER_X = \"InvalidParameter.X\"\nfunc (c *Client) RunInstancesWithContext(ctx context.Context, request *RunInstancesRequest) (response *RunInstancesResponse, err error) {\n}\n\n" +
		"// StopInstances\n// 停止实例。\n//\n// 可能返回的错误码:\n//\n//\tINVALIDPARAMETER_X = \"InvalidParameter.X\"\n//\n// 注意: 这一行不是错误码。\nfunc (c *Client) StopInstances(request *StopInstancesRequest) (response *StopInstancesResponse, err error) {\n}\n\n" +
		"// DescribeInstances lists nothing.\nfunc (c *Client) DescribeInstances(request *DescribeInstancesRequest) (response *DescribeInstancesResponse, err error) {\n}\n\n" +
		"//  INTERNALERROR = \"InternalError\"\nvar notAnAction = 1\n\nfunc (c *Client) Orphan() {}\n"
	path := filepath.Join(t.TempDir(), "client.go")
	if err := os.WriteFile(path, []byte(upstream), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := clientGo(path, mayReturn)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"InternalError": {"RunInstances"}, "InvalidParameter.X": {"RunInstances", "StopInstances"}}
	if len(got) != len(want) {
		t.Errorf("clientGo = %q", got)
	}
	for c, w := range want {
		if !slices.Equal(got[c], w) {
			t.Errorf("%s: actions %q, want %q", c, got[c], w)
		}
	}
	// The international SDK's heading; the Chinese one lists nothing there.
	intl := strings.ReplaceAll(upstream, mayReturn, mayReturnIntl)
	if err := os.WriteFile(path, []byte(intl), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := clientGo(path, mayReturnIntl); err != nil || !slices.Equal(got["InvalidParameter.X"], want["InvalidParameter.X"]) {
		t.Errorf("intl heading: %q, %v", got, err)
	}
	if got, err := clientGo(path, mayReturn); err != nil || len(got) != 0 {
		t.Errorf("intl file, Chinese heading: %q, %v", got, err)
	}
	if got, err := clientGo(filepath.Join(t.TempDir(), "none.go"), mayReturn); err != nil || got != nil {
		t.Errorf("no client.go: %v, %v", got, err)
	}
}

func TestProductsMD(t *testing.T) {
	path := filepath.Join(t.TempDir(), "products.md")
	md := "| 包名 | 产品中文名 | 更新历史 | 更新时间 |\n|:-:|:-:|:-:|:-:|\n" +
		"| aai | [](https://cloud.tencent.com/document/product) | [查看](https://cloud.tencent.com/document/product/441/17368) | 2019-08-08 23:15:13 |\n" +
		"| cvm | [云服务器](https://cloud.tencent.com/document/product/213) | [查看](https://cloud.tencent.com/document/product/213/15689) | 2026-08-20 01:08:56 |\n"
	if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := productsMD(path)
	if err != nil {
		t.Fatal(err)
	}
	if got["aai"] != (source.ProductName{Product: "aai"}) || got["cvm"] != (source.ProductName{Product: "cvm", Zh: "云服务器", Docs: "https://cloud.tencent.com/document/product/213"}) || len(got) != 2 {
		t.Errorf("productsMD = %+v", got)
	}
	if err := os.WriteFile(path, []byte(md+"| cvm | [x](y) | | |\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := productsMD(path); err == nil {
		t.Error("a product listed twice: no error")
	}
}

func TestEncodeProductReadsBack(t *testing.T) {
	for _, tt := range []struct {
		name, solution, wantErr string
	}{
		{"plain", "请稍后重试。", ""},
		{"lines", "1. 检查参数。\n2. 重试。", ""},
		// yaml.v3 writes this with an indentation indicator counted from
		// the wrong column; read back, the solution is "".
		{"leading line break", "\n#0", "cvm: FailedOperation.X: yaml.v3 writes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			codes := []*source.Code{{Code: "FailedOperation.X", Zh: "操作失败。", Solution: tt.solution, Versions: []string{"2017-03-12"}}}
			data, err := EncodeProduct("cvm", codes)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("EncodeProduct: %v", err)
				}
				got, err := source.DecodeProduct("cvm", data)
				if err != nil || len(got) != 1 {
					t.Fatalf("DecodeProduct = %d entries, %v", len(got), err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("EncodeProduct: err = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}
