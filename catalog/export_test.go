package catalog

// HonestSummary is honestSummary, for the external tests.
var HonestSummary = honestSummary
