//go:build catalogen

package search

// Built with the tag catalogen (`make catalog`), search leaves out its
// generated index, so that internal/catalogen, which writes it, builds
// without it.
var textWords, textBigrams string
