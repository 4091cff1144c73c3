// Package catalogfmt holds the layout of the generated catalog data
// (catalog/data/records.bin and keys.bin), shared by the writer
// (internal/catalogen) and the reader (package catalog) so the two cannot
// drift apart.
package catalogfmt

// Each entry has a fixed-size record in records.bin.
const (
	RecordSize = 12 // bytes per record
	RecText    = 0  // uint32: offset of the entry's text lines
	RecScope   = 4  // uint16: index of the scope name
	RecGuide   = 6  // uint16: index of the curated class guidance, or NoGuide
	RecFlags   = 8  // uint16: FlagCurated, ...
	RecRetry   = 10 // uint16: an imported entry's retry clue (source.RetryRules.Clue), 0 for none

	FlagCurated = 1      // the entry is from the curated layer
	NoGuide     = 0xFFFF // no class guidance applies
)

// SampleEvery is the spacing of the sampled keys in keys.bin.
const SampleEvery = 64
