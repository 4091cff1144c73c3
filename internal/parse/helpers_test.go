package parse

import (
	"strings"
	"testing"
)

// testCodes stands in for the catalog: common codes, their classes, and the
// codes the corpus names in prose.
var testCodes = map[string]bool{}

func init() {
	for _, c := range []string{
		"ActionOffline", "AuthFailure", "AuthFailure.InvalidAuthorization", "AuthFailure.InvalidSecretId",
		"AuthFailure.MFAFailure", "AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire",
		"AuthFailure.SignatureFailure", "AuthFailure.TokenFailure", "AuthFailure.UnauthorizedOperation",
		"DryRunOperation", "FailedOperation", "InternalError", "InvalidAction", "InvalidParameter",
		"InvalidParameterValue", "InvalidRequest", "IpInBlacklist", "IpNotInWhitelist", "LimitExceeded",
		"MissingParameter", "NoSuchProduct", "NoSuchVersion", "RequestLimitExceeded",
		"RequestLimitExceeded.GlobalRegionUinLimitExceeded", "RequestLimitExceeded.IPLimitExceeded",
		"RequestLimitExceeded.UinLimitExceeded", "RequestSizeLimitExceeded", "ResourceInUse",
		"ResourceInsufficient", "ResourceNotFound", "ResourceUnavailable", "ResponseSizeLimitExceeded",
		"ServiceUnavailable", "UnauthorizedOperation", "UnknownParameter", "UnsupportedOperation",
		"UnsupportedProtocol", "UnsupportedRegion", "ResourceNotFound.ErrNoRepo", "LimitExceeded.ErrRepoMaxLimit",
		"ClientError.NetworkError", "ClientError.HttpStatusCodeError", "4400", "OperationDenied",
	} {
		testCodes[strings.ToLower(c)] = true
	}
}

func testKnown(code string) bool { return testCodes[strings.ToLower(code)] }

// testMessages maps message fragments to codes, like the catalog's
// server-message templates.
var testMessages = []struct{ frag, code string }{
	{"The SecretId is not found", "AuthFailure.SecretIdNotFound"},
	{"The provided credentials could not be validated", "AuthFailure.SignatureFailure"},
	{"Signature expired", "AuthFailure.SignatureExpire"},
	{"Your request has exceeded the frequency limit", "RequestLimitExceeded"},
}

func testInfer(msg string) (string, bool) {
	for _, m := range testMessages {
		if strings.Contains(msg, m.frag) {
			return m.code, true
		}
	}
	return "", false
}

// testWord stands in for the CamelCase words of the catalog's server messages.
func testWord(w string) bool { return w == "SecretId" }

func testOptions() Options {
	return Options{KnownCode: testKnown, InferCode: testInfer, MessageWord: testWord}
}

// scanString scans s and returns its findings and stats.
func scanString(t testing.TB, s string, opt Options) ([]Finding, Stats) {
	t.Helper()
	var out []Finding
	st, err := Scan(strings.NewReader(s), opt, func(f Finding) error {
		out = append(out, f)
		return nil
	})
	if err != nil {
		t.Fatalf("Scan: %v", err)
	}
	return out, st
}
