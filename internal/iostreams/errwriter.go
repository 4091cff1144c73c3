package iostreams

import (
	"errors"
	"io"
	"os"
)

// ErrWriter passes writes to W and remembers the first error one returned;
// once a write has failed, every later write fails with the same error
// without reaching W. errcode's output goes through one, so that a failed
// write (a full disk, /dev/full, a closed pipe) is noticed whichever code
// wrote: a command, cobra's help, a completion.
type ErrWriter struct {
	W   io.Writer
	err error
}

// Write implements io.Writer.
func (w *ErrWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	if len(p) == 0 {
		return 0, nil // nothing to write: /dev/full would still say ENOSPC
	}
	n, err := w.W.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		w.err = err
	}
	return n, err
}

// Err returns the first write error, or nil.
func (w *ErrWriter) Err() error { return w.err }

// WriteErrorText describes a write error without the file name Go adds
// ("write /dev/stdout: no space left on device" is "no space left on device").
func WriteErrorText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
