package diagnose

import (
	"strings"
	"testing"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/parse"
)

func env(vars map[string]string) Env {
	return Env{Getenv: func(k string) string { return vars[k] }}
}

func TestClockSkew(t *testing.T) {
	tests := []struct {
		name string
		f    parse.Finding
		want []string // substrings of the one note; nil: no note
	}{
		{"timestamp and Date header, behind",
			parse.Finding{Code: "AuthFailure.SignatureExpire", Timestamp: 1706406356, Date: "Sun, 28 Jan 2024 01:53:08 GMT"},
			[]string{"signed 7m12s behind the server", "X-TC-Timestamp 1706406356", "Date header", "sync the clock"}},
		{"timestamp and server time in the message, ahead",
			parse.Finding{Code: "AuthFailure.SignatureExpire", Timestamp: 1706407400, Message: "Signature expired. Please use local time and enable NTP service for time synchronization to avoid a deviation between `Timestamp` and the server time 1706406788."},
			[]string{"signed 10m12s ahead of the server", "server time in the message", "2024-01-28T01:53:08Z"}},
		{"within the limit means a late request",
			parse.Finding{Code: "AuthFailure.SignatureExpire", Timestamp: 1706406700, Date: "Sun, 28 Jan 2024 01:53:08 GMT"},
			[]string{"1m28s behind", "sent late"}},
		{"Date only",
			parse.Finding{Code: "AuthFailure.SignatureExpire", Date: "Sun, 28 Jan 2024 01:53:08 GMT"},
			[]string{"server's clock read 2024-01-28T01:53:08Z", "date -u"}},
		{"nothing to compare", parse.Finding{Code: "AuthFailure.SignatureExpire", Timestamp: 1706406356}, nil},
		{"bad date", parse.Finding{Code: "AuthFailure.SignatureExpire", Timestamp: 1, Date: "yesterday"}, nil},
		{"other code", parse.Finding{Code: "AuthFailure.SignatureFailure", Timestamp: 1706406356, Date: "Sun, 28 Jan 2024 01:53:08 GMT"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			notes := Finding(tt.f, Env{})
			if tt.want == nil {
				if len(notes) != 0 {
					t.Fatalf("want no note, got %q", notes)
				}
				return
			}
			if len(notes) != 1 {
				t.Fatalf("want one note, got %q", notes)
			}
			for _, w := range tt.want {
				if !strings.Contains(notes[0], w) {
					t.Errorf("note %q lacks %q", notes[0], w)
				}
			}
		})
	}
}

func TestSecretIDNeverEchoed(t *testing.T) {
	const id = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
	tests := []struct {
		value string
		want  []string
	}{
		{"", nil},
		{" " + id + "\n", []string{"leading or trailing white space"}},
		{"xyzSECRETKEYxyz0123456789", []string{"does not start with AKID"}},
		{"AKID abc", []string{"inside it"}},
		{id, []string{"looks well-formed", "console.cloud.tencent.com/cam/capi"}},
	}
	for _, tt := range tests {
		for _, code := range []string{"AuthFailure.SecretIdNotFound", "AuthFailure.InvalidSecretId"} {
			notes := Finding(parse.Finding{Code: code}, env(map[string]string{"TENCENTCLOUD_SECRET_ID": tt.value}))
			all := strings.Join(notes, "\n")
			if len(tt.want) == 0 && len(notes) != 0 {
				t.Errorf("%q: want no note, got %q", tt.value, notes)
			}
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("%q: notes %q lack %q", tt.value, notes, w)
				}
			}
			if v := strings.TrimSpace(tt.value); len(v) > 3 && strings.Contains(all, v) {
				t.Errorf("the SecretId value leaked into a note: %q", all)
			}
		}
	}
}

func TestRequestSizeLimit(t *testing.T) {
	f := parse.Finding{Code: "AuthFailure.SignatureFailure", Message: "The provided credentials could not be validated because of exceeding request size limit, please use new signature method `TC3-HMAC-SHA256`."}
	notes := Finding(f, Env{})
	if len(notes) != 1 || !strings.Contains(notes[0], "TC3-HMAC-SHA256") || !strings.Contains(notes[0], "10 MB") {
		t.Errorf("notes = %q", notes)
	}
	zh := Finding(f, Env{Lang: catalog.Chinese})
	if len(zh) != 1 || !strings.Contains(zh[0], "签名") {
		t.Errorf("zh notes = %q", zh)
	}
	if n := Finding(parse.Finding{Code: "AuthFailure.SignatureFailure", Message: "Please check your signature is correct."}, Env{}); len(n) != 0 {
		t.Errorf("plain SignatureFailure got notes %q", n)
	}
}

func TestCutRequestID(t *testing.T) {
	tests := []struct {
		id  string
		cut bool
	}{
		{"6c8a4f3e-1f2b-4d6a-ab5f-8c1e2d3f4a5b", false},
		{"6C8A4F3E-1F2B-4D6A-AB5F-8C1E2D3F4A5B", false},
		{"6c8a4f3e-1f2b-4d6a-ab5f-8", true},
		{"6c8a4f3e-1f2b-4d6a-ab5f-", true},
		{"6c8a4f3e-1f2b-4d6a-ab5f", true},
		{"6c8a4f3e-1f2b", true},
		{"6c8a4f3e-", true},
		{"6c8a4f3e", false},  // could be anything
		{"6c8a4f", false},    // a short hex word
		{"req-12345", false}, // not a UUID
		{"6c8a4f3e-1f2b-4d6a-ab5f-8c1e2d3f4a5b-1", false},
		{"6c8a4f3e-1f2b-4d6a-ab5f-8c1e2d3f4a5bb", false},
		{"6c8a4f3e-1f2b-4d6a-zb5f-8", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := CutRequestID(tt.id); got != tt.cut {
			t.Errorf("CutRequestID(%q) = %v, want %v", tt.id, got, tt.cut)
		}
	}
	notes := Finding(parse.Finding{Code: "InternalError", RequestID: "6c8a4f3e-1f2b-4d6a-ab5f-8"}, Env{})
	if len(notes) != 1 || !strings.Contains(notes[0], "cut short") {
		t.Errorf("a cut request id gets one note, got %q", notes)
	}
	if notes := Finding(parse.Finding{Code: "InternalError", RequestID: "6c8a4f3e-1f2b-4d6a-ab5f-8c1e2d3f4a5b"}, Env{}); len(notes) != 0 {
		t.Errorf("a whole request id gets no note, got %q", notes)
	}
}
