package explain

import (
	"fmt"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/search"
)

// ListFilter is what list keeps; the zero value keeps every code.
type ListFilter struct {
	Category string // the part before the first dot, any case
	Scope    string // a scope, any case
	Action   string // an API action the code is documented for, any case
	// Retryable is "", or "true" ("yes", "1") or "false" ("no", "0").
	Retryable string
}

// Row is one code of list, read where the catalog holds it.
type Row struct {
	Pos      int // its catalog position (see Explainer.EntryAt)
	Code     string
	Category string
	Scope    string
	Retry    string // the retry verdict's word (see VerdictWord)
	Summary  string // one line (see SummaryOf)
	// Translated is true when Summary is errcode's translation (marked).
	Translated bool
}

// EntryAt builds the entry at a catalog position, for a row's full record.
func (x *Explainer) EntryAt(pos int) *catalog.Entry { return x.Cat.BuildAt(pos) }

// List checks f and returns the sequence of the codes it keeps, in catalog
// order. The sequence reads the catalog anew each time it runs (a table
// runs it twice): the whole catalog is some 17,000 codes, never all built.
func (x *Explainer) List(f ListFilter) (func(yield func(Row) error) error, error) {
	cat := x.Cat
	if err := x.CheckScope(f.Scope); err != nil {
		return nil, err
	}
	var wantRetry *bool
	switch strings.ToLower(f.Retryable) {
	case "":
	case "true", "yes", "1":
		t := true
		wantRetry = &t
	case "false", "no", "0":
		no := false
		wantRetry = &no
	default:
		return nil, usageErr([]string{"use --retryable or --retryable=false"}, "invalid --retryable %q", Shown(f.Retryable))
	}
	if f.Category != "" && !x.knownCategory(f.Category) {
		return nil, usageErr(categoryHints(cat.Categories(), f.Category), "unknown category %q", Shown(f.Category))
	}
	var from []int // the positions to consider; nil for all
	if f.Action != "" {
		if from = cat.ActionPositions(f.Action); len(from) == 0 {
			hint := "API actions are CamelCase names such as RunInstances or DescribeInstances"
			if near := cat.Actions(f.Action[:min(len(f.Action), 8)], 6); len(near) > 0 {
				hint = "actions that start alike: " + strings.Join(near, ", ")
			}
			return nil, usageErr([]string{hint}, "no code of any product names the API action %q", Shown(f.Action))
		}
	}
	return func(yield func(Row) error) error {
		n := len(from)
		if from == nil {
			n = cat.Len()
		}
		for i := range n {
			pos := i
			if from != nil {
				pos = from[i]
			}
			d := cat.DefinitionAt(pos)
			if f.Scope != "" && !strings.EqualFold(d.Scope, f.Scope) {
				continue
			}
			category := catalog.Category(d.Code)
			if f.Category != "" && !strings.EqualFold(category, f.Category) {
				continue
			}
			verdict, retryable := cat.RetryAt(pos)
			if wantRetry != nil && retryable != *wantRetry {
				continue
			}
			r := Row{Pos: pos, Code: d.Code, Category: category, Scope: d.Scope, Retry: VerdictWord(verdict, retryable, x.Lang())}
			r.Summary, r.Translated = SummaryOf(d, x.Lang())
			if err := yield(r); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

// categoryHints suggests the categories near an unknown one; the catalog has
// some 150, too many to list in a hint.
func categoryHints(all []string, asked string) []string {
	hint := fmt.Sprintf("a category is the part of a code before the first dot (AuthFailure, InvalidParameter, ...); errcode list -o plain | cut -f2 | sort -u shows all %d", len(all))
	if near := search.Nearest(asked, all, 5); len(near) > 0 {
		return []string{"did you mean " + strings.Join(near, ", ") + "?", hint}
	}
	return []string{hint}
}

func (x *Explainer) knownCategory(category string) bool {
	for _, c := range x.Cat.Categories() {
		if strings.EqualFold(c, category) {
			return true
		}
	}
	return false
}
