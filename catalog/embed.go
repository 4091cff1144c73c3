package catalog

import (
	_ "embed"
	"sync"

	"github.com/errcode-dev/errcode/internal/catalogfmt"
)

// CodesYAML is the curated catalog source, catalog/codes.yaml, as embedded in
// the binary. Package catalog/source decodes it; Default serves the same
// entries from data/held.bin, compiled from this file by internal/catalogen
// (`make catalog`), so that start-up parses nothing.
//
//go:embed codes.yaml
var CodesYAML []byte

//go:generate go run -tags catalogen ../internal/catalogen -in codes.yaml -out codes_gen.go

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
)

// Default returns the catalog embedded in the binary: the curated entries of
// codes.yaml and the imported entries of every product. It is set up once,
// on first use, without parsing or copying anything: entries are built as
// they are asked for.
func Default() *Catalog {
	defaultOnce.Do(func() {
		keys, err := catalogfmt.DecodeKeyIndex(keysText, keysBin)
		if err != nil {
			panic("catalog: the embedded key index is damaged (run make catalog): " + err.Error())
		}
		defaultCat = &Catalog{
			rec:         catalogfmt.Records(recordsBin),
			embedded:    true,
			texts:       []string{entries0, entries1, entries2, entries3},
			starts:      entryFileStarts[:],
			acts:        catalogfmt.Actions{Names: actionsText, Off: catalogfmt.U32s(actionsBin)},
			keys:        keys,
			fingerprint: fingerprint,
			scopes:      scopeTable,
			scopeCounts: scopeCounts,
			categories:  categoryTable,
		}
	})
	return defaultCat
}
