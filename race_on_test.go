//go:build race

package main

// raceEnabled: the race detector's memory inflates the test process's own
// peak, which the children's measured peak cannot go below, so memory is
// not measured under it.
const raceEnabled = true
