package guidance

import "testing"

func TestExpand(t *testing.T) {
	cvm := Facts{Product: "Cloud Virtual Machine (cvm)", Short: "cvm", Describe: "DescribeInstances"}
	for _, tc := range []struct {
		name, in string
		zh       bool
		facts    Facts
		want     string
	}{
		{"plain text", "Read the Message.", false, cvm, "Read the Message."},
		{"known fact", "`tccli {{p}} {{describe}}`", false, cvm, "`tccli cvm DescribeInstances`"},
		{"unknown fact, English stand-in", "`tccli {{p}} {{describe}}`", false, nil, "`tccli <product> Describe…`"},
		{"unknown fact, Chinese stand-in", "`tccli {{p}}`", true, nil, "`tccli <产品>`"},
		{"inline alternative", "in {{product|the console}}", false, nil, "in the console"},
		{"inline alternative unused", "in {{product|the console}}", false, cvm, "in Cloud Virtual Machine (cvm)"},
		{"if known: kept", "a{{?describe}}, e.g. {{describe}}{{/}}.", false, cvm, "a, e.g. DescribeInstances."},
		{"if known: dropped", "a{{?describe}}, e.g. {{describe}}{{/}}.", false, nil, "a."},
		{"if unknown: kept", "a{{!quota}} (no quota action){{/}}.", false, cvm, "a (no quota action)."},
		{"if unknown: dropped", "a{{!describe}} (none){{/}}.", false, cvm, "a."},
		{"empty value is unknown", "{{p}}", false, Facts{Short: ""}, "<product>"},
		{"JSON braces are text", `{"action":["{{p}}:X"]}`, false, cvm, `{"action":["cvm:X"]}`},
	} {
		if got := Expand(tc.in, tc.zh, tc.facts); got != tc.want {
			t.Errorf("%s: Expand(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"no placeholder", ""},
		{"{{p}} {{describe|x}} {{?quota}}q {{quota}}{{/}}", ""},
		{"{{nope}}", "unknown placeholder {{nope}}"},
		{"{{?nope}}x{{/}}", "unknown placeholder {{nope}}"},
		{"{{?p}}x", "a {{?…}} or {{!…}} block is not closed with {{/}}"},
		{"{{?p}}{{!p}}{{/}}", "blocks do not nest: {{!p}}"},
		{"x{{/}}", "a {{/}} without a block to close"},
		{"{{p", "a {{ without }}"},
		{"p}}", "a }} without {{"},
		{"{{product|{{}}", "a {{ inside a placeholder: {{product|{{}}"}, // found by FuzzExpand
		{"{{product|{}}{", "braces in a placeholder's alternative: {"},  // found by FuzzExpand: "{" + "{" made "{{"
	} {
		if got := Check(tc.in); got != tc.want {
			t.Errorf("Check(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEveryNameHasStandIns(t *testing.T) {
	for _, n := range Names {
		s, ok := standIn[n]
		if !ok || s[0] == "" || s[1] == "" {
			t.Errorf("fact %q has no stand-in in both languages", n)
		}
	}
	if len(Names) != len(standIn) {
		t.Errorf("Names has %d facts, standIn %d", len(Names), len(standIn))
	}
}

func FuzzExpand(f *testing.F) {
	for _, s := range []string{"{{p}}", "{{?describe}}x{{/}}", "{{!p}}y{{/}}z", "{{", "}}{{", "{{product|a|b}}"} {
		f.Add(s)
	}
	facts := Facts{Short: "cvm", Describe: "DescribeInstances"}
	f.Fuzz(func(t *testing.T, s string) {
		out := Expand(s, false, facts)
		if !Has(s) && out != s {
			t.Fatalf("text without placeholders changed: %q -> %q", s, out)
		}
		if Check(s) == "" && Has(out) {
			t.Fatalf("well-formed %q left a placeholder: %q", s, out)
		}
	})
}
