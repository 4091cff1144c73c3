//go:build !catalogen

package search

import _ "embed"

// The generated full-text index of the embedded catalog (see textdata.go).
var (
	//go:embed data/textwords.bin
	textWords string
	//go:embed data/textbigrams.bin
	textBigrams string
)
