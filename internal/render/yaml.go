package render

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
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
			b.WriteString(sep(inline) + "null\n")
			return nil
		}
		v = v.Elem()
	}
	pad := strings.Repeat("  ", indent)
	switch v.Kind() {
	case reflect.String:
		b.WriteString(sep(inline) + yamlString(v.String()) + "\n")
	case reflect.Bool:
		b.WriteString(sep(inline) + strconv.FormatBool(v.Bool()) + "\n")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(sep(inline) + strconv.FormatInt(v.Int(), 10) + "\n")
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.WriteString(sep(inline) + strconv.FormatUint(v.Uint(), 10) + "\n")
	case reflect.Float32, reflect.Float64:
		b.WriteString(sep(inline) + strconv.FormatFloat(v.Float(), 'g', -1, 64) + "\n")
	case reflect.Slice, reflect.Array:
		if v.Len() == 0 {
			b.WriteString(sep(inline) + "[]\n")
			return nil
		}
		if inline {
			b.WriteString("\n")
		}
		for i := 0; i < v.Len(); i++ {
			b.WriteString(pad + "-")
			if err := yamlValue(b, v.Index(i), indent+1, true); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		first := true
		for i := 0; i < t.NumField(); i++ {
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
			fv := v.Field(i)
			if opts == "omitempty" && fv.IsZero() {
				continue
			}
			switch {
			case first && inline:
				b.WriteString(" ")
			case first:
				b.WriteString(pad)
			default:
				b.WriteString(pad)
			}
			first = false
			b.WriteString(name + ":")
			if err := yamlValue(b, fv, indent+1, true); err != nil {
				return err
			}
		}
		if first {
			b.WriteString(sep(inline) + "{}\n")
		}
	default:
		return fmt.Errorf("render: cannot write %s as YAML", v.Kind())
	}
	return nil
}

func sep(inline bool) string {
	if inline {
		return " "
	}
	return ""
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
	if s == "" || s != strings.TrimSpace(s) || !utf8.ValidString(s) {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
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
	return true
}
