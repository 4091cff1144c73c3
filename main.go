// Command errcode explains Tencent Cloud API error codes, offline.
package main

import (
	"os"

	"github.com/errcode-dev/errcode/cmd"
	"github.com/errcode-dev/errcode/internal/iostreams"
)

func main() { os.Exit(cmd.Main(os.Args[1:], iostreams.System())) }
