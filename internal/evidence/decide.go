package evidence

// Reach is how close evidence is to the finding (see the package
// documentation).
type Reach int

// The reaches, closest first.
const (
	Record Reach = iota // the finding's own fields and message
	Lines               // the lines of the record
	Window              // the lines around it
	numReaches
)

// Result is the product a finding belongs to, and why.
type Result struct {
	Product  string // short name; "" when nothing names one
	Evidence string // the text that decided it ("terraform resource tencentcloud_postgresql_instance")
	// Conflicts are the other products some evidence names, each with its
	// evidence text, for a note.
	Conflicts []Item
	// Tencent is true when any reach holds a Tencent Cloud mark or product
	// evidence.
	Tencent bool
	// Foreign names the other cloud the text points at, and ForeignMark the
	// mark, when some reach holds another cloud's mark and none holds
	// anything of Tencent Cloud's.
	Foreign, ForeignMark string
}

// Decide chooses the product from the evidence of each reach (by Reach;
// nil entries hold nothing).
func Decide(by [numReaches]*Found) Result {
	var r Result
	var best *Item
	for _, f := range by {
		if f == nil {
			continue
		}
		if f.Tencent {
			r.Tencent = true
		}
		for i := range f.Items {
			it := &f.Items[i]
			if it.Kind != SDKClass {
				r.Tencent = true
			}
		}
		if best != nil {
			continue
		}
		for i := range f.Items {
			if it := &f.Items[i]; best == nil || it.Kind < best.Kind {
				best = it
			}
		}
	}
	if best != nil {
		r.Product, r.Evidence = best.Product, best.Text
		for _, f := range by {
			if f == nil {
				continue
			}
			for _, it := range f.Items {
				if it.Product != best.Product && !hasProduct(r.Conflicts, it.Product) {
					r.Conflicts = append(r.Conflicts, it)
				}
			}
		}
	}
	if !r.Tencent {
		for _, f := range by {
			if f != nil && len(f.Others) > 0 {
				r.Foreign, r.ForeignMark = f.Others[0].Provider, f.Others[0].Text
				break
			}
		}
	}
	return r
}

func hasProduct(items []Item, p string) bool {
	for _, it := range items {
		if it.Product == p {
			return true
		}
	}
	return false
}

// CommonWords are codes that other clouds' SDKs use too: found in prose or
// a code: message line with no Tencent Cloud evidence, they are only a low
// confidence guess.
var CommonWords = map[string]bool{
	"clienterror": true, "authfailure": true, "invalidparameter": true, "invalidparametervalue": true,
	"missingparameter": true, "unknownparameter": true, "accessdenied": true, "internalerror": true,
	"signaturedoesnotmatch": true, "unauthorizedoperation": true, "resourcenotfound": true,
	"requestlimitexceeded": true, "limitexceeded": true, "invalidaction": true, "throttling": true,
	"servererror": true, "serviceunavailable": true, "operationdenied": true, "resourceinuse": true,
	"unsupportedoperation": true, "invalidaccesskeyid": true, "forbidden": true, "notfound": true,
	"failedoperation": true, "resourceunavailable": true, "invalidrequest": true,
}
