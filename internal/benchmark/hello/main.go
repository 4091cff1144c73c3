// Command hello is the start-up baseline (a) of `make bench`: a Go binary that prints one line.
package main

import "fmt"

func main() { fmt.Println("hello") }
