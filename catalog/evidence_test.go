package catalog

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// evidence is one row of catalog/evidence/<product>.yaml: how often a
// product's code shows up in public threads and in Tencent Cloud's own tools.
type evidence struct {
	Code    string   `yaml:"code"`
	Count   int      `yaml:"count"`
	Sources []string `yaml:"sources"`
}

// TestEvidenceLists holds the evidence lists to their format: every code
// exists in its product and is curated there (the lists name the codes to
// curate, and every one is), counts are positive and sorted (most evidence
// first), each row has one to three https sources and no more sources than
// its count, and no code is listed twice.
func TestEvidenceLists(t *testing.T) {
	files, err := filepath.Glob("evidence/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no evidence lists under catalog/evidence/")
	}
	c := Default()
	for _, f := range files {
		product := strings.TrimSuffix(filepath.Base(f), ".yaml")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var rows []evidence
		dec := yaml.NewDecoder(strings.NewReader(string(data)))
		dec.KnownFields(true)
		if err := dec.Decode(&rows); err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if len(rows) == 0 {
			t.Errorf("%s: empty", f)
		}
		seen := map[string]bool{}
		for i, r := range rows {
			id := f + ": " + r.Code
			if e := c.Get(product, r.Code); e == nil {
				t.Errorf("%s: not a code of %s", id, product)
			} else if e.Imported {
				t.Errorf("%s: listed but not curated: curate it in codes.yaml (scope: %s), or drop the row", id, product)
			}
			if seen[r.Code] {
				t.Errorf("%s: listed twice", id)
			}
			seen[r.Code] = true
			if r.Count < 1 {
				t.Errorf("%s: count %d", id, r.Count)
			}
			if i > 0 && r.Count > rows[i-1].Count {
				t.Errorf("%s: count %d after %d: keep the most evidence first", id, r.Count, rows[i-1].Count)
			}
			if len(r.Sources) == 0 || len(r.Sources) > 3 || len(r.Sources) > r.Count {
				t.Errorf("%s: %d sources for count %d (want 1 to 3, at most the count)", id, len(r.Sources), r.Count)
			}
			for _, s := range r.Sources {
				if !strings.HasPrefix(s, "https://") || strings.ContainsAny(s, " \t") {
					t.Errorf("%s: source %q is not an https URL", id, s)
				}
			}
		}
	}
}

// TestProductEntriesAreDeep holds the curated entries of a product (outside
// TCR, the first product curated) to the depth of issue 15: at least two
// causes and three ordered steps, the product named in a step by its tccli
// commands, and related codes.
func TestProductEntriesAreDeep(t *testing.T) {
	n := 0
	c := Default()
	for _, e := range c.Curated() {
		if e.Scope == ScopeCommon || e.Scope == ScopeSDK || e.Scope == "tcr" {
			continue
		}
		n++
		id := e.Scope + "/" + e.Code
		if _, ok := c.Product(e.Scope); !ok {
			t.Errorf("%s: scope is not a product", id)
		}
		if e.Source == "" || e.Docs.En == "" || e.Docs.Zh == "" {
			t.Errorf("%s: source or docs missing", id)
		}
		for _, r := range e.Related {
			if !c.Has(r) {
				t.Errorf("%s: related %s is no code of the catalog", id, r)
			}
		}
		if len(e.Causes) < 2 {
			t.Errorf("%s: %d causes, want at least 2", id, len(e.Causes))
		}
		if len(e.Remediation) < 3 {
			t.Errorf("%s: %d steps, want at least 3", id, len(e.Remediation))
		}
		if len(e.Related) == 0 {
			t.Errorf("%s: no related codes", id)
		}
		if !slices.ContainsFunc(e.Remediation, func(s Text) bool {
			return strings.Contains(s.En, "tccli "+e.Scope+" ") && strings.Contains(s.Zh, "tccli "+e.Scope+" ")
		}) {
			t.Errorf("%s: no step names a tccli %s command in both languages", id, e.Scope)
		}
	}
	if n == 0 {
		t.Error("no curated product entries outside TCR")
	}
}

// TestProductClassGuides checks that a product's own class entry guides the
// sub-codes of that class in the product: their steps are the product's.
func TestProductClassGuides(t *testing.T) {
	c := Default()
	for _, tt := range []struct{ scope, code, class string }{
		{"tke", "ResourceInsufficient.SpecifiedInstanceType", "ResourceInsufficient"},
		{"cdb", "OperationDenied.FlowConflict", "OperationDenied"},
		{"scf", "ResourceNotFound.Alias", "ResourceNotFound"},
		{"vpc", "InvalidParameterValue.SubnetConflict", "InvalidParameterValue"},
		{"cbs", "InvalidParameter.DiskSizeNotMatch", "InvalidParameter"},
		{"scf", "UnauthorizedOperation.Role", "UnauthorizedOperation"},
		{"lighthouse", "LimitExceeded.FirewallRulesLimitExceeded", "LimitExceeded"},
		{"mongodb", "InvalidParameter.ZoneClosed", "InvalidParameter"},
		{"cam", "InvalidParameter.PolicyNameError", "InvalidParameter"},
		{"cls", "ResourceNotFound.LogsetNotExist", "ResourceNotFound"},
		{"monitor", "FailedOperation.InstanceNotRunning", "FailedOperation"},
		{"sms", "InvalidParameter.InvalidParameters", "InvalidParameter"},
		{"vod", "ResourceNotFound.FileNotExist", "ResourceNotFound"},
		{"scf", "ResourceInUse.Cos", "ResourceInUse"},
		{"vod", "InvalidParameterValue.Codec", "InvalidParameterValue"},
		{"cls", "FailedOperation.TopicClosed", "FailedOperation"},
		{"cls", "InvalidParameter.TopicConflict", "InvalidParameter"},
		{"monitor", "LimitExceeded.LimitedAccess", "LimitExceeded"},
		{"monitor", "ResourceNotFound.NotExistTask", "ResourceNotFound"},
		{"cvm", "FailedOperation.InvalidImageState", "FailedOperation"},
		{"cvm", "ResourceNotFound.InvalidPlacementSet", "ResourceNotFound"},
		{"cvm", "ResourceInsufficient.AvailabilityZoneSoldOut", "ResourceInsufficient"},
		{"cvm", "LimitExceeded.DisasterRecoverGroup", "LimitExceeded"},
		{"cvm", "OperationDenied.AccountNotSupported", "OperationDenied"},
		{"cbs", "LimitExceeded.InstanceAttachedDisk", "LimitExceeded"},
		{"vpc", "FailedOperation.TaskFailed", "FailedOperation"},
		{"vpc", "OperationDenied.AddressInArrears", "OperationDenied"},
		{"ssl", "ResourceNotFound.Manager", "ResourceNotFound"},
		{"scf", "InvalidParameter.Payload", "InvalidParameter"},
		{"scf", "LimitExceeded.Function", "LimitExceeded"},
		{"scf", "ResourceInsufficient.COS", "ResourceInsufficient"},
		{"scf", "OperationDenied.AccountIsolate", "OperationDenied"},
	} {
		e, g := c.Get(tt.scope, tt.code), c.Get(tt.scope, tt.class)
		if e == nil || g == nil || g.Imported {
			t.Errorf("%s/%s: entry or curated class %s missing", tt.scope, tt.code, tt.class)
			continue
		}
		if !slices.Equal(e.Remediation, g.Remediation) {
			t.Errorf("%s/%s: steps are not those of the curated %s/%s", tt.scope, tt.code, tt.scope, tt.class)
		}
	}
}
