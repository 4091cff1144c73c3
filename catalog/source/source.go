// Package source reads the catalog's YAML source (catalog/codes.yaml and
// files of the same format) into entries, rejecting unknown fields.
//
// It is separate from package catalog so that programs which only look codes
// up (errcode itself) do not link a YAML parser: catalog serves the entries
// compiled from codes.yaml by internal/catalogen.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"

	"github.com/errcode-dev/errcode/catalog"
)

// Decode reads a YAML list of entries, rejecting unknown fields, empty
// entries, and codes that are not code-shaped (letters, digits, _ and -
// in dot-separated segments, starting with a letter): such a code could
// never be looked up.
func Decode(data []byte) ([]*catalog.Entry, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var entries []*catalog.Entry
	if err := dec.Decode(&entries); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, err
	}
	for i, e := range entries {
		if e == nil {
			return nil, fmt.Errorf("entry %d is empty", i+1)
		}
		if !codeShaped(e.Code) {
			return nil, fmt.Errorf("entry %d: %q is not an error code", i+1, e.Code)
		}
		if err := CheckVerdict(e.Verdict, e.RetryAfter, e.Retryable); err != nil {
			return nil, fmt.Errorf("%s/%s: %w", e.Scope, e.Code, err)
		}
	}
	return entries, nil
}

// codeShaped reports whether code matches [A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*.
func codeShaped(code string) bool {
	if code == "" || !isLetter(code[0]) {
		return false
	}
	prevDot := false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '.':
			if prevDot {
				return false
			}
			prevDot = true
			continue
		case isLetter(c), c >= '0' && c <= '9', c == '_', c == '-':
		default:
			return false
		}
		prevDot = false
	}
	return !prevDot
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
