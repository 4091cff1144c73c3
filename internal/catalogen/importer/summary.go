package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/errcode-dev/errcode/catalog/source"
)

// summary collects the changes of an import, product by product, for a
// reviewer to read before the YAML diff.
type summary struct {
	changes                                             []change
	codes, products, added, removed, reworded, restored int
	other, keptRemoved                                  int
	common                                              change // of common_official.yaml
}

func (s *summary) add(ch change, codes int) {
	s.codes += codes
	s.products++
	s.added += len(ch.added)
	s.removed += len(ch.removed)
	s.reworded += len(ch.reworded)
	s.restored += len(ch.restored)
	s.other += ch.other
	s.keptRemoved += ch.keptRemoved
	if len(ch.added)+len(ch.removed)+len(ch.reworded)+len(ch.restored)+ch.other > 0 {
		s.changes = append(s.changes, ch)
	}
}

// write prints the summary: the sources, then each changed product with its
// added (+), removed (-), restored (^) and reworded (~) codes, then the
// totals.
func (s *summary) write(w io.Writer, p source.Provenance) {
	fmt.Fprintf(w, "sources: tencentcloud-sdk-go %s (%.8s, %s), tencentcloud-sdk-go-intl-en %s (%.8s, %s), %s (%.8s, %s)\n",
		p.SDK.Release, p.SDK.Commit, p.SDK.Date, p.Intl.Release, p.Intl.Commit, p.Intl.Date, p.Center.Path, p.Center.Commit, p.Center.Date)
	changes := s.changes
	if c := s.common; len(c.added)+len(c.removed)+len(c.reworded)+len(c.restored) > 0 {
		changes = append([]change{c}, changes...)
	}
	for _, ch := range changes {
		removedIn := p.SDK.Release
		if ch.product == s.common.product {
			removedIn = p.Center.Date
		}
		var parts []string
		for _, c := range []struct {
			n    int
			what string
		}{{len(ch.added), "added"}, {len(ch.removed), "removed"}, {len(ch.restored), "restored"}, {len(ch.reworded), "reworded"}, {ch.other, "with other actions or versions"}} {
			if c.n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", c.n, c.what))
			}
		}
		fmt.Fprintf(w, "%s: %s\n", ch.product, strings.Join(parts, ", "))
		for _, c := range ch.added {
			fmt.Fprintf(w, "  + %s\n", c)
		}
		for _, c := range ch.removed {
			fmt.Fprintf(w, "  - %s (kept, removed: %s)\n", c, removedIn)
		}
		for _, c := range ch.restored {
			fmt.Fprintf(w, "  ^ %s (back upstream)\n", c)
		}
		for _, c := range ch.reworded {
			fmt.Fprintf(w, "  ~ %s (%s)\n", c, strings.Join(ch.rewordedWhat[c], ", "))
		}
	}
	fmt.Fprintf(w, "total: %d codes in %d products (%d marked removed); %d added, %d removed, %d restored, %d reworded, %d with other actions or versions\n",
		s.codes, s.products, s.keptRemoved+s.removed, s.added, s.removed, s.restored, s.reworded, s.other)
}
