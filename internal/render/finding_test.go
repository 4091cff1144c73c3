package render

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"text/template"

	"github.com/mattn/go-runewidth"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/explain"
)

// findings are parse records that together use every line of finding.tmpl.
var findings = []explain.Finding{
	{
		Code: "AuthFailure.SignatureExpire", Message: "Signature expired. Please use local time and enable NTP service for time synchronization.",
		RequestID: "6f2ea3c4-6b3a-4c1e-9a6e-1d2c3b4a5f60", HTTPStatus: 200, Host: "cvm.tencentcloudapi.com", Action: "DescribeInstances", Version: "2017-03-12",
		File: "-", Line: 11, Shape: "api3-json", Confidence: "high", Known: true, Explained: "AuthFailure.SignatureExpire", Scope: "common",
		Category: "AuthFailure", Summary: "Signature expired.", Retry: "Fix the clock, then sign a new request.", RetryVerdict: "no",
		Remediation: []string{"Compare the local clock with a trusted source.", "Turn on NTP time synchronisation.", "A third step."},
		Notes:       []string{"your request was signed 7m12s behind the server (X-TC-Timestamp 1706406356, the server time in the message 2024-01-28T01:53:08Z): sync the clock (NTP)"},
		Product:     "cvm",
	},
	{
		Code: "ResourceInUse.Nope", Message: "the resource is busy", File: "logs/app.log", Line: 3, Shape: "sdk-go", Confidence: "medium", ShowFile: true,
		Category: "ResourceInUse", Explained: "ResourceInUse", Scope: "common", Summary: "The resource is in use.", Product: "cbs",
		Suggestions: []string{"ResourceInUse.Disk", "ResourceInUse.Snapshot"}, LegacyCode: "4000", LegacyMeaning: "A parameter is wrong.",
		RetryVerdict: "after", Retryable: true, RetryAfter: "the operation finishes", Retry: "Wait, then retry.",
		RetryMessage: true, RetryEvidence: "the message says to try again later", Remediation: []string{"Wait for the running operation."},
	},
	{
		Code: "Nope.Nothing", Message: "x", File: "-", Line: 1, Shape: "prose", Confidence: "low", Inferred: true, Category: "Nope",
	},
}

// TestFindingGolden pins parse's text block, with colour off and on, in
// both languages, and checks that colour marks what it should.
func TestFindingGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		opt  FindingOptions
	}{
		{"finding_en.golden", FindingOptions{Lang: catalog.English, Width: 80, Steps: 2}},
		{"finding_zh.golden", FindingOptions{Lang: catalog.Chinese, Width: 80, Steps: -1}},
		{"finding_color_en.golden", FindingOptions{Lang: catalog.English, Width: 80, Steps: 2, Color: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			for i, rec := range findings {
				if i > 0 {
					buf.WriteString("\n")
				}
				if err := Finding(&buf, rec, tt.opt); err != nil {
					t.Fatal(err)
				}
			}
			out := buf.String()
			if !tt.opt.Color {
				if strings.Contains(out, "\x1b") {
					t.Error("colour off, but escape sequences in the output")
				}
				for i, line := range strings.Split(out, "\n") {
					// The request line is one unit, never wrapped.
					request := strings.HasPrefix(line, "  request  ") || strings.HasPrefix(line, "  请求  ")
					if w := runewidth.StringWidth(line); w > tt.opt.Width && !overlongWord(line, tt.opt.Width) && !request {
						t.Errorf("line %d is %d columns wide (> %d): %q", i+1, w, tt.opt.Width, line)
					}
				}
			} else {
				for _, want := range []string{
					"\x1b[1mAuthFailure.SignatureExpire\x1b[22m  \x1b[2mline 11 · api3-json\x1b[22m\n",
					"  note        \x1b[33myour request was signed",
				} {
					if !strings.Contains(out, want) {
						t.Errorf("no %q in\n%q", want, out)
					}
				}
			}
			golden(t, tt.name, buf.Bytes())
		})
	}
}

// The interpreter executes finding.tmpl as text/template does.
func TestFindingLayoutMatchesTextTemplate(t *testing.T) {
	tt := template.Must(template.New("finding").Parse(findingTmpl))
	for _, rec := range findings {
		for _, opt := range []FindingOptions{{Lang: catalog.English, Width: 80, Steps: 2}, {Lang: catalog.Chinese, Width: 50, Steps: -1, Color: true}} {
			d := findingLayoutData(rec, opt)
			var want, got strings.Builder
			if err := tt.Execute(&want, d); err != nil {
				t.Fatal(err)
			}
			execLayout(&got, findingLayout(), reflect.ValueOf(d).Elem(), "")
			if got.String() != want.String() {
				t.Errorf("%s: the layout differs from text/template's:\n--- got\n%s\n--- want\n%s", rec.Code, got.String(), want.String())
			}
		}
	}
}
