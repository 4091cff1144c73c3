// Command rsslaunch runs a program and reports its peak RSS, for the memory
// tests of the root package. The tests cannot read it from their own child:
// os/exec starts children with vfork, so the kernel counts the test
// process's memory at the fork in the child's peak, and that varies with
// the tests that ran before. rsslaunch is small, so the floor it passes on
// is a few MiB.
//
// Usage: rsslaunch FILE PROGRAM ARGS... runs PROGRAM with this process's
// standard streams and environment, writes its peak RSS in KiB to FILE, and
// exits with its status.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: rsslaunch FILE PROGRAM ARGS...")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[2], os.Args[3:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	status := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		status = ee.ExitCode()
	case err != nil:
		fmt.Fprintln(os.Stderr, "rsslaunch:", err)
		os.Exit(125)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		if err := os.WriteFile(os.Args[1], []byte(fmt.Sprint(ru.Maxrss)), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "rsslaunch:", err)
			os.Exit(125)
		}
	}
	os.Exit(status)
}
