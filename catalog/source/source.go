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

// Decode reads a YAML list of entries, rejecting unknown fields and empty entries.
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
	}
	return entries, nil
}
