package render

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/internal/textsafe"
)

// YAML writes v as a YAML document. It handles what errcode prints (structs
// with yaml tags and omitempty, slices, strings, bools and numbers) and is
// written by hand so the binary does not link a YAML library: its package
// initialisation alone cost a measurable share of start-up. Strings are
// plain where that is unambiguous and double-quoted otherwise, with the same
// escapes as JSON (appendQuoted; YAML accepts them all), so the output is
// always valid YAML, holds no textsafe.Unsafe rune or invalid byte raw, and
// a YAML parser reads back the strings a JSON parser reads from -o json.
func YAML(w io.Writer, v any) error {
	var b strings.Builder
	if err := yamlValue(&b, reflect.ValueOf(v), 0, false); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// yamlValue writes v at the given indent. inline is true when v follows a
// "key:" or "- " on the same line.
func yamlValue(b *strings.Builder, v reflect.Value, indent int, inline bool) error {
	for v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		if v.IsNil() {
			yamlScalar(b, inline, "null")
			return nil
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.String:
		yamlScalar(b, inline, yamlString(v.String()))
	case reflect.Bool:
		yamlScalar(b, inline, strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		yamlScalar(b, inline, strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		yamlScalar(b, inline, strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		yamlScalar(b, inline, strconv.FormatFloat(v.Float(), 'g', -1, 64))
	case reflect.Slice, reflect.Array:
		if v.Len() == 0 {
			yamlScalar(b, inline, "[]")
			return nil
		}
		if inline {
			b.WriteByte('\n')
		}
		for i := 0; i < v.Len(); i++ {
			yamlPad(b, indent)
			b.WriteByte('-')
			if err := yamlValue(b, v.Index(i), indent+1, true); err != nil {
				return err
			}
		}
	case reflect.Struct:
		first := true
		for _, f := range yamlFieldsOf(v.Type()) {
			fv := v.Field(f.index)
			if f.omitEmpty && fv.IsZero() {
				continue
			}
			if first && inline {
				b.WriteByte(' ')
			} else {
				yamlPad(b, indent)
			}
			first = false
			b.WriteString(f.name)
			b.WriteByte(':')
			if err := yamlValue(b, fv, indent+1, true); err != nil {
				return err
			}
		}
		if first {
			yamlScalar(b, inline, "{}")
		}
	default:
		return fmt.Errorf("render: cannot write %s as YAML", v.Kind())
	}
	return nil
}

// yamlScalar writes s on its line: after a space when it follows a "key:"
// or "- " (inline).
func yamlScalar(b *strings.Builder, inline bool, s string) {
	if inline {
		b.WriteByte(' ')
	}
	b.WriteString(s)
	b.WriteByte('\n')
}

// yamlPad writes the indent of a line at depth indent, two spaces a level.
func yamlPad(b *strings.Builder, indent int) {
	for range indent {
		b.WriteString("  ")
	}
}

// yamlField is a struct field YAML writes: its index, key and omitempty.
type yamlField struct {
	index     int
	name      string
	omitEmpty bool
}

var yamlFieldCache sync.Map // reflect.Type -> []yamlField

// yamlFieldsOf returns the fields of struct type t that YAML writes, in
// order: exported, not tagged "-", named by their yaml tag or else their
// lower-cased Go name.
func yamlFieldsOf(t reflect.Type) []yamlField {
	if f, ok := yamlFieldCache.Load(t); ok {
		return f.([]yamlField)
	}
	var fields []yamlField
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields = append(fields, yamlField{index: i, name: name, omitEmpty: opts == "omitempty"})
	}
	yamlFieldCache.Store(t, fields)
	return fields
}

// yamlString returns s as a YAML scalar: plain when it cannot be read as
// anything but this string, double-quoted otherwise.
func yamlString(s string) string {
	if yamlPlainOK(s) {
		return s
	}
	return string(appendQuoted(nil, s))
}

// yamlPlainOK reports whether s can be written as a plain scalar: letters,
// digits and a few punctuation marks that mean nothing to YAML, starting
// with a letter (so no YAML 1.1 or 1.2 reader takes it for a number, date
// or indicator), nothing that reads as a bool or null, and no Unsafe rune or
// invalid byte.
func yamlPlainOK(s string) bool {
	if s == "" || s != strings.TrimSpace(s) {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9', r == '.' || r == '_' || r == '/' || r == '(' || r == ')' || r == ',', r == ' ' || r == '-':
			if i == 0 {
				return false
			}
		case r > 0x7f && !textsafe.Unsafe(r) && !unicode.IsSpace(r):
			// Letters of other scripts are plain; controls and spaces are not.
		default:
			return false
		}
	}
	if !utf8.ValidString(s) {
		return false
	}
	// A word YAML reads as a bool or null, in any case. Lower-casing maps
	// no rune of more than 3 bytes to ASCII (the Kelvin sign, 3 bytes, is
	// the longest that does), so a longer string cannot be one of them.
	if len(s) <= 3*len("false") {
		switch strings.ToLower(s) {
		case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
			return false
		}
	}
	return true
}
