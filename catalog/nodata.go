//go:build catalogen

package catalog

// Built with the tag catalogen (`make catalog`), the catalog package leaves
// out what internal/catalogen generates (codes_gen.go, data.go's embedded
// tables) and declares it empty here, so that the generator builds from
// the YAML alone: a stale, broken or missing codes_gen.go or catalog/data
// never stops it. Default is not to be called in such a build.
// TestNoDataDeclaresGenerated (internal/catalogen) keeps this file in step
// with codes_gen.go.

var (
	keysText, keysBin, recordsBin          string
	entries0, entries1, entries2, entries3 string
	actionsText, actionsBin                string
	heldBin                                string
)

var (
	classLikes                                                                                           []classLike
	retryEvidenceGuide, retryEvidenceGeneral, retryEvidenceText, retryEvidenceName, retryEvidenceMessage Text
	retryRules                                                                                           []retryRule
	api2Codes                                                                                            []API2Code
	scopeTable, categoryTable                                                                            []string
	scopeCounts                                                                                          []int
	productTable                                                                                         []productInfo
	entryFileStarts                                                                                      [4]uint32
)

const (
	api2Source  = ""
	fingerprint = ""
	numCurated  = 0
)
