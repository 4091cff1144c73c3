package cmd

// The input side of `errcode parse`: reading each input as a stream, the
// progress line, what follows the findings, and the --steps flag. parse.go
// is the command and its run.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/internal/explain"
	"github.com/errcode-dev/errcode/internal/iostreams"
	"github.com/errcode-dev/errcode/internal/parse"
	"github.com/errcode-dev/errcode/internal/redact"
	"github.com/errcode-dev/errcode/internal/render"
)

// stepsValue is --steps: a count of steps, or -1 for all of them. Its
// errors are errcode's own words, not strconv's.
type stepsValue int

func (v *stepsValue) String() string { return strconv.Itoa(int(*v)) }
func (v *stepsValue) Type() string   { return "int" }
func (v *stepsValue) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < -1 {
		return errors.New("want a number of steps: 0 for none, -1 for all")
	}
	*v = stepsValue(n)
	return nil
}

// errQuietFound stops a --quiet scan at the first finding.
var errQuietFound = errors.New("found")

// writeError marks a failure to write the output, which ends the scan.
type writeError struct{ err error }

func (w writeError) Error() string { return w.err.Error() }

// scanInput scans one input (a file name, or - for standard input) and
// writes its findings to out (nil: --summary or --quiet).
func scanInput(opts *ParseOptions, fs *explain.Findings, out *render.Exporter[explain.Finding], name string) (parse.Stats, error) {
	ios := opts.f.ios
	var r io.Reader = ios.In
	// display is the name as shown everywhere (block headers, the file field,
	// --summary, progress, errors): a file name can hold a key.
	display := redact.String(name)
	var size int64 = -1
	if name != "-" {
		file, err := os.Open(name)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return parse.Stats{}, fmt.Errorf("cannot read %q: %v", display, err)
		}
		defer file.Close()
		if st, err := file.Stat(); err == nil {
			if st.IsDir() {
				return parse.Stats{}, fmt.Errorf("cannot read %q: it is a directory", display)
			}
			size = st.Size()
		}
		r = file
	}
	var progress *iostreams.Progress
	var onProgress func(parse.Stats)
	if !opts.Quiet && size >= opts.progressMin {
		progress = ios.StartProgress(display, size, opts.now)
		onProgress = func(s parse.Stats) { progress.Update(s.Bytes, s.Findings) }
	}
	st, err := fs.Scan(r, display, onProgress, func(rec explain.Finding) error {
		switch {
		case opts.Quiet:
			return errQuietFound
		case out == nil:
			return nil
		}
		if err := out.Write(rec); err != nil {
			return writeError{err}
		}
		return nil
	})
	progress.Stop()
	var we writeError
	if err != nil && !errors.Is(err, errQuietFound) && !errors.As(err, &we) {
		err = fmt.Errorf("reading %s: %v", display, err)
	}
	return st, err
}

// parseFinish writes what comes after the findings: the end of the JSON
// array, the --summary rows, the text footer; or says that nothing was found.
func parseFinish(opts *ParseOptions, fs *explain.Findings, out *render.Exporter[explain.Finding], format render.Format, read parse.Stats, unreadable bool) error {
	f := opts.f
	text := format == render.FormatTable || format == render.FormatPlain
	if out != nil {
		if err := out.Close(); err != nil {
			return err
		}
	}
	footer := text && fs.Total > 0
	if opts.Summary {
		rows := fs.Summary()
		maxCount := 0
		for _, r := range rows {
			maxCount = max(maxCount, r.Count)
		}
		n, err := render.Export(f.ios.Out, format, render.SummaryShape(fs.Files > 1, maxCount), f.term(), render.SliceSeq(rows))
		if err != nil {
			return err
		}
		footer = format == render.FormatTable && n > 0
	}
	if footer {
		if _, err := fmt.Fprintf(f.ios.Out, "\n%s\n", fs.Footer(read.Lines, read.Truncated)); err != nil {
			return err
		}
	}
	// After an unreadable input, its error is the one thing to say.
	if fs.Total == 0 && text && !unreadable {
		printErr(f.ios, fmt.Sprintf("no Tencent Cloud API error found in %d line%s (%s)", read.Lines, plural(read.Lines), iostreams.HumanBytes(read.Bytes)),
			"parse reads API responses, SDK exception strings, curl transcripts and logs; errcode lookup CODE looks a code up")
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
