//go:build unix

package iostreams

import (
	"os"

	"golang.org/x/sys/unix"
)

// terminalWidth returns the column count of the terminal f, or 0.
func terminalWidth(f *os.File) int {
	ws, err := unix.IoctlGetWinsize(int(f.Fd()), unix.TIOCGWINSZ)
	if err != nil {
		return 0
	}
	return int(ws.Col)
}
