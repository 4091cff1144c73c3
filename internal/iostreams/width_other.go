//go:build !unix

package iostreams

import "os"

// terminalWidth is unknown here; TerminalWidth falls back to COLUMNS, then 80.
func terminalWidth(*os.File) int { return 0 }
