package catalog

import (
	_ "embed"
	"sync"
)

// CodesYAML is the curated catalog source, catalog/codes.yaml, as embedded in
// the binary. Package catalog/source decodes it; Default serves the same
// entries from codes_gen.go, compiled from this file by internal/catalogen
// (`make catalog`), so that start-up parses nothing.
//
//go:embed codes.yaml
var CodesYAML []byte

//go:generate go run ../internal/catalogen -in codes.yaml -out codes_gen.go

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
)

// Default returns the catalog embedded in the binary. It is built once, on first use.
func Default() *Catalog {
	defaultOnce.Do(func() {
		ptrs := make([]*Entry, len(codes))
		for i := range codes {
			ptrs[i] = &codes[i]
		}
		// codes is in catalog order and the key index is generated with it
		// (internal/catalogen), so nothing is sorted or hashed here.
		defaultCat = &Catalog{entries: ptrs, keys: &keyIndex{text: codeKeys, off: codeKeyOff[:], entry: codeKeyEntry[:]}}
	})
	return defaultCat
}
