package main

import (
	"sort"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// productActions returns, for every scope, the set of API actions that its
// entries list: the actions the product really has, as far as the catalog
// knows.
func productActions(all []*catalog.Entry) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, e := range all {
		for _, a := range e.Actions {
			if out[e.Scope] == nil {
				out[e.Scope] = map[string]bool{}
			}
			out[e.Scope][a] = true
		}
	}
	return out
}

// verbs are the leading verbs of API action names, longest first where one
// is a prefix of another, so that the noun of an action can be found.
var verbs = []string{
	"Disassociate", "Associate", "Describe", "Terminate", "Allocate", "Inquiry", "Inquire", "Release", "Replace",
	"Restart", "Reboot", "Create", "Delete", "Modify", "Update", "Upgrade", "Resize", "Enable", "Disable",
	"Attach", "Detach", "Unbind", "Bind", "Start", "Stop", "Reset", "Renew", "Apply", "Query", "Check",
	"Batch", "Import", "Export", "Remove", "Add", "Get", "List", "Set", "Run", "Open", "Close", "Cancel",
	"Submit", "Upload", "Download", "Deploy", "Install", "Uninstall", "Recover", "Restore", "Isolate",
	"Migrate", "Switch", "Copy", "Clone", "Push", "Pull", "Send", "Put", "Edit", "Save", "Change",
}

// noun returns the action without its leading verbs: "Instances" for
// "RunInstances", "LoadBalancerAttributes" for "ModifyLoadBalancerAttributes".
func noun(action string) string {
	for changed := true; changed; {
		changed = false
		for _, v := range verbs {
			if rest, ok := strings.CutPrefix(action, v); ok && rest != "" && rest[0] >= 'A' && rest[0] <= 'Z' {
				action, changed = rest, true
				break
			}
		}
	}
	return action
}

// dropLastWord returns the CamelCase name without its last word
// ("Cluster" for "ClusterMachine"), "" when it has one word.
func dropLastWord(n string) string {
	for i := len(n) - 1; i > 0; i-- {
		if n[i] >= 'A' && n[i] <= 'Z' {
			return n[:i]
		}
	}
	return ""
}

// isQuery reports whether action only reads a resource (Describe*, Get*,
// List*, Query*, Inquir*), and is no call that issues credentials
// (GetFederationToken).
func isQuery(action string) bool {
	for _, w := range []string{"Token", "Credential", "Secret", "Password", "Key"} {
		if strings.Contains(action, w) {
			return false
		}
	}
	for _, p := range []string{"Describe", "Get", "List", "Query", "Inquir"} {
		if strings.HasPrefix(action, p) {
			return true
		}
	}
	return false
}

// describeFor returns a query action of the product (acts) that shows the
// resource the actions are about: the action itself when it is a Describe
// call, else Describe+noun in its singular or plural form, trimmed of
// Attribute(s), Config(s), Status, ...; the one most of the actions point
// at, ties to the shortest name then the first in order. "" when none
// exists.
func describeFor(actions []string, acts map[string]bool) string {
	return describeOf(actions, acts, true)
}

// describeOf is describeFor; with shorten, a noun that names no query action
// is tried again less its trailing words (ClusterMachine, then Cluster).
// The product's main listing is chosen without: the shortened nouns' many
// weak matches would outvote it.
func describeOf(actions []string, acts map[string]bool, shorten bool) string {
	votes := map[string]int{}
	for _, a := range actions {
		if isQuery(a) && acts[a] {
			votes[a]++
			continue
		}
		var cands []string
		// The noun, then the noun less its trailing words (ClusterMachine,
		// then Cluster), each also less a trailing Attributes, Config, ...
		for n := noun(a); n != ""; n = dropLastWord(n) {
			if !shorten && n != noun(a) {
				break
			}
			for _, suffix := range []string{"", "Attributes", "Attribute", "Configs", "Config", "Status", "Info", "Name", "Names", "Tags", "Policy"} {
				base, ok := strings.CutSuffix(n, suffix)
				if !ok || base == "" {
					continue
				}
				cands = append(cands, "Describe"+base, "Describe"+base+"s", "Describe"+strings.TrimSuffix(base, "s"), "Describe"+base+"List", "Describe"+base+"Info",
					"Get"+base, "List"+base+"s", "List"+base)
			}
		}
		for _, c := range cands {
			if acts[c] && isQuery(c) {
				votes[c]++
				break
			}
		}
	}
	best := ""
	for c, v := range votes {
		if best == "" || v > votes[best] || v == votes[best] && (len(c) < len(best) || len(c) == len(best) && c < best) {
			best = c
		}
	}
	return best
}

// mainDescribe returns the Describe action of a product that most of its
// entries point at (describeFor over each entry's actions): the product's
// main resource listing; DescribeInstances, DescribeDBInstances or
// DescribeClusters where the product has one (cvm, cdb, redis, tke, ...).
func mainDescribe(entries []*catalog.Entry, acts map[string]bool) string {
	for _, a := range []string{"DescribeInstances", "DescribeDBInstances", "DescribeClusters"} {
		if acts[a] {
			return a
		}
	}
	votes := map[string]int{}
	for _, e := range entries {
		if d := describeOf(e.Actions, acts, false); d != "" {
			votes[d]++
		}
	}
	best := ""
	for c, v := range votes {
		if best == "" || v > votes[best] || v == votes[best] && c < best {
			best = c
		}
	}
	return best
}

// quotaAction returns the product's general query action for its quotas
// (DescribeQuota, DescribeAccountQuota, ...), else "".
func quotaAction(acts map[string]bool) string {
	for _, a := range []string{"DescribeQuota", "DescribeQuotas", "DescribeAccountQuota", "DescribeAccountQuotas", "DescribeUserQuota", "DescribeResourceQuota", "DescribeResourceQuotas", "GetQuota", "DescribeQuotaInfo"} {
		if acts[a] {
			return a
		}
	}
	return ""
}

// quotaFor returns the query action for the quota that the actions are
// about: a query action holding Quota and the noun (or its singular) of
// one of the actions (DescribeAddressQuota for AllocateAddresses), the
// shortest such; else "".
func quotaFor(actions []string, acts map[string]bool) string {
	var quotas []string
	for a := range acts {
		if isQuery(a) && strings.Contains(a, "Quota") {
			quotas = append(quotas, a)
		}
	}
	sort.Slice(quotas, func(i, j int) bool {
		if len(quotas[i]) != len(quotas[j]) {
			return len(quotas[i]) < len(quotas[j])
		}
		return quotas[i] < quotas[j]
	})
	for _, q := range quotas {
		for _, a := range actions {
			n := noun(a)
			if n == "" {
				continue
			}
			if strings.Contains(q, n) || strings.Contains(q, strings.TrimSuffix(n, "s")) {
				return q
			}
		}
	}
	return ""
}
