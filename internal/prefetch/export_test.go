package prefetch

// QueryArgs is queryArgs, for cobra_test.go (package prefetch_test, which
// may import cmd: cmd imports this package).
var QueryArgs = queryArgs
