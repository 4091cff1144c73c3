// Package prefetch starts the answer to `errcode lookup QUERY` and
// `errcode explain QUERY` while the rest of the program initialises. Its
// package init reads the command line and, when it is one of those with
// one query whose resolution is costly (free text, ranked over 17,000
// entries; a code-shaped query that is not a code, which brings
// suggestions), starts resolving it on another goroutine
// (explain.ResolveAhead). cmd's lookup and explain take that resolution
// instead of resolving the query themselves (explain.Explainer.UseAhead).
//
// Why: package init order puts this package (its imports are errcode's
// domain packages) before tablewriter and cobra initialise, and from here
// to the moment lookup resolves its query takes 0.6-0.9 ms on the 2-core
// CI machine (tablewriter's init alone 0.4 ms), while resolving a broad
// query takes 0.6 ms in a fresh process (0.8-1.2 ms while the other core
// runs the rest of the start-up). Where a second core is free the two
// overlap: make bench's broad free-text rows went from 1.24x-1.34x to
// 1.16x-1.24x of the same-libraries baseline, the typo from 1.26x-1.32x to
// 1.15x-1.19x (three runs each, README, Performance).
// Where none is, the goroutine runs when the command waits for it: the
// same work as before, in another order.
//
// The command line is read as cobra reads it, for the flags of lookup and
// explain only: --product and --scope (the scope resolved in; the last one
// counts), --lang, --color and -o/--output (which do not change a
// resolution), as --flag value, --flag=value, -o value, -ovalue or
// -o=value, and -- before the query. Anything else (-h, --version, a flag
// errcode does not have, several queries, another command) starts nothing,
// and a resolution is taken only for the very query and scope it was
// started for, so a reading that does not match the parsed command costs
// work, never a wrong answer. A query that is a catalog code (the everyday
// hit) starts nothing: resolving it costs less than a goroutine's start
// (explain of a code resolves nothing).
package prefetch

import (
	"os"
	"strings"

	"github.com/errcode-dev/errcode/catalog"
	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/search"
)

var started = start(os.Args, catalog.Default)

// Started returns the resolution started for this process's command line,
// or nil when none was.
func Started() *explain.Ahead { return started }

// start starts resolving the query of args, a lookup or explain command
// line that holds one query (see the package comment), when resolving it
// is costly, over the catalog cat returns (called only then).
func start(args []string, cat func() *catalog.Catalog) *explain.Ahead {
	q, scope, ok := queryArgs(args)
	if !ok {
		return nil
	}
	q = strings.TrimSpace(q)
	if q == "" || search.Classify(q) == search.KindPattern {
		return nil // an error to report, or a pattern (cheap)
	}
	c := cat()
	if len(c.Positions(q)) > 0 {
		return nil // a code: cheap to resolve
	}
	return explain.ResolveAhead(c, q, scope)
}

// queryArgs returns the query and the scope (--product, --scope) of args
// when they are [program, "lookup" or "explain", ...] with one query and no
// flag but the command's own with a value (see the package comment).
func queryArgs(args []string) (q, scope string, ok bool) {
	if len(args) < 3 || args[1] != "lookup" && args[1] != "explain" {
		return "", "", false
	}
	var queries []string
	for i := 2; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			queries = append(queries, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			queries = append(queries, a)
			continue
		}
		var name, value string
		var inline bool
		if strings.HasPrefix(a, "--") {
			name, value, inline = strings.Cut(a[2:], "=")
			switch name {
			case "product", "scope", "lang", "color", "output":
			default:
				return "", "", false
			}
		} else { // the one shorthand: -o
			if a[1] != 'o' {
				return "", "", false
			}
			name, value = "output", strings.TrimPrefix(a[2:], "=")
			inline = len(a) > 2
		}
		if !inline {
			if i++; i == len(args) {
				return "", "", false
			}
			value = args[i]
		}
		if name == "product" || name == "scope" {
			scope = value
		}
	}
	if len(queries) != 1 {
		return "", "", false
	}
	return queries[0], scope, true
}
