package search

import (
	"testing"

	"github.com/errcode-dev/errcode/catalog"
)

// rankingSet is what a newcomer types and the code they should see first
// (issue 13): the common code of a concept before any product's ("rate
// limit" is RequestLimitExceeded, not teo's LimitExceeded.RateLimitExceeded),
// then a code whose last segment is the query, then the whole phrase before
// a partial match. English and Chinese.
var rankingSet = []struct{ q, code, scope string }{
	{"rate limit", "RequestLimitExceeded", "common"},
	{"frequency limit", "RequestLimitExceeded", "common"},
	{"request limit", "RequestLimitExceeded", "common"},
	{"limit exceeded", "LimitExceeded", "common"},
	{"频率", "RequestLimitExceeded", "common"},
	{"频率限制", "RequestLimitExceeded", "common"},
	{"ip limit", "RequestLimitExceeded.IPLimitExceeded", "common"},
	{"signature", "AuthFailure.SignatureFailure", "common"},
	{"invalid signature", "AuthFailure.SignatureFailure", "common"},
	{"签名", "AuthFailure.SignatureFailure", "common"},
	{"签名错误", "AuthFailure.SignatureFailure", "common"},
	{"signature expired", "AuthFailure.SignatureExpire", "common"},
	{"签名过期", "AuthFailure.SignatureExpire", "common"},
	{"clock", "AuthFailure.SignatureExpire", "common"},
	{"secret id not found", "AuthFailure.SecretIdNotFound", "common"},
	{"密钥不存在", "AuthFailure.SecretIdNotFound", "common"},
	{"invalid secret id", "AuthFailure.InvalidSecretId", "common"},
	{"mfa", "AuthFailure.MFAFailure", "common"},
	{"internal error", "InternalError", "common"},
	{"内部错误", "InternalError", "common"},
	{"permission denied", "AuthFailure.UnauthorizedOperation", "common"},
	{"unauthorized operation", "UnauthorizedOperation", "common"},
	{"未授权", "UnauthorizedOperation", "common"},
	{"operation denied", "UnauthorizedOperation", "common"},
	{"resource not found", "ResourceNotFound", "common"},
	{"资源不存在", "ResourceNotFound", "common"},
	{"resource in use", "ResourceInUse", "common"},
	{"资源被占用", "ResourceInUse", "common"},
	{"resource unavailable", "ResourceUnavailable", "common"},
	{"资源不可用", "ResourceUnavailable", "common"},
	{"resource insufficient", "ResourceInsufficient", "common"},
	{"资源不足", "ResourceInsufficient", "common"},
	{"invalid parameter", "InvalidParameter", "common"},
	{"参数错误", "InvalidParameter", "common"},
	{"missing parameter", "MissingParameter", "common"},
	{"缺少参数", "MissingParameter", "common"},
	{"unknown parameter", "UnknownParameter", "common"},
	{"未知参数", "UnknownParameter", "common"},
	{"unsupported operation", "UnsupportedOperation", "common"},
	{"不支持的操作", "UnsupportedOperation", "common"},
	{"unsupported region", "UnsupportedRegion", "common"},
	{"不支持的地域", "UnsupportedRegion", "common"},
	{"invalid action", "InvalidAction", "common"},
	{"接口不存在", "InvalidAction", "common"},
	{"配额", "LimitExceeded", "common"},
	{"dry run", "DryRunOperation", "common"},
	{"service unavailable", "ServiceUnavailable", "common"},
	{"too many requests", "LimitExceeded.TooManyRequests", "mongodb"},
}

func TestRanking(t *testing.T) {
	if len(rankingSet) < 30 {
		t.Fatalf("the ranking set has %d queries, want at least 30", len(rankingSet))
	}
	ix := fullIndex()
	for _, tt := range rankingSet {
		hits := ix.Text(tt.q, 5)
		if len(hits) == 0 {
			t.Errorf("%q: no hit, want %s (%s)", tt.q, tt.code, tt.scope)
			continue
		}
		if e := hits[0].Entry; e.Code != tt.code || e.Scope != tt.scope {
			var got []string
			for _, h := range hits {
				got = append(got, h.Entry.Code+" ("+h.Entry.Scope+")")
			}
			t.Errorf("%q: first %s (%s), want %s (%s); top: %q", tt.q, e.Code, e.Scope, tt.code, tt.scope, got)
		}
	}
}

// The phrase rule alone: two entries that match the same words in the same
// field, alike in every other way, rank by whether they hold the query's
// words as one phrase, not by catalog order.
func TestRankingExactPhrase(t *testing.T) {
	for _, tt := range []struct {
		q               string
		partial, phrase catalog.Text
	}{
		{"quota exceeded", catalog.Text{En: "Exceeded the disk quota."}, catalog.Text{En: "The disk quota exceeded."}},
		{"Disk Busy", catalog.Text{En: "The busy queue holds the disk."}, catalog.Text{En: "The disk busy flag is set."}},
	} {
		// The partial match comes first in catalog order (Alpha < Beta).
		c := catalog.New([]*catalog.Entry{
			{Code: "FailedOperation.Alpha", Scope: "cvm", Summary: tt.partial, Imported: true},
			{Code: "FailedOperation.Beta", Scope: "cvm", Summary: tt.phrase, Imported: true},
		})
		hits := New(c).Text(tt.q, 0)
		if len(hits) != 2 {
			t.Fatalf("%q: %d hits, want both entries", tt.q, len(hits))
		}
		if hits[0].Entry.Code != "FailedOperation.Beta" {
			t.Errorf("%q: %s first, want FailedOperation.Beta, whose summary holds the phrase", tt.q, hits[0].Entry.Code)
		}
	}
}
