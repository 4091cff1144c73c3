//go:build race

package main

// raceEnabled: the race detector's memory makes the test process's own
// peak, which the children's measured peak cannot go below, too high for
// absolute memory bounds; the growth checks still hold.
const raceEnabled = true
