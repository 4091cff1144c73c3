package render

import (
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/errcode-dev/errcode/internal/textsafe"
)

// errcode writes JSON itself rather than through encoding/json, whose string
// escaping leaves C1 controls, DEL and bidi controls raw and turns each
// invalid UTF-8 byte into U+FFFD. The layout is encoding/json's byte for byte
// (Encoder with SetEscapeHTML(false), SetIndent(prefix, "  ")); only strings
// differ, and only when they hold what appendQuoted escapes.
//
// It handles what errcode prints: structs with json tags (omitempty, "-"),
// slices and arrays, strings, bools, integers and floats, pointers and
// interfaces. Anything else is an error, never a silent difference from
// encoding/json.

// JSON writes v as indented JSON followed by a newline. HTML characters are
// not escaped (error messages often hold < and >); strings are escaped as
// appendQuoted says.
func JSON(w io.Writer, v any) error { return writeJSON(w, v, "", true) }

// JSONLine writes v as one line of compact JSON (JSON Lines).
func JSONLine(w io.Writer, v any) error { return writeJSON(w, v, "", false) }

// JSONIndent is JSON with prefix before every line but the first, for an
// element of an array that is written one element at a time.
func JSONIndent(w io.Writer, v any, prefix string) error { return writeJSON(w, v, prefix, true) }

var jsonBufs = sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}

func writeJSON(w io.Writer, v any, prefix string, indent bool) error {
	bp := jsonBufs.Get().(*[]byte)
	e := jsonEncoder{b: (*bp)[:0], prefix: prefix, indent: indent}
	err := e.value(reflect.ValueOf(v), 0)
	if err == nil {
		e.b = append(e.b, '\n')
		_, err = w.Write(e.b)
	}
	if cap(e.b) <= 1<<20 { // do not keep one huge document's buffer alive
		*bp = e.b[:0]
		jsonBufs.Put(bp)
	}
	return err
}

type jsonEncoder struct {
	b      []byte
	prefix string
	indent bool
}

// newline starts a new line at depth, when indenting.
func (e *jsonEncoder) newline(depth int) {
	if !e.indent {
		return
	}
	e.b = append(e.b, '\n')
	e.b = append(e.b, e.prefix...)
	for range depth {
		e.b = append(e.b, ' ', ' ')
	}
}

func (e *jsonEncoder) value(v reflect.Value, depth int) error {
	if !v.IsValid() {
		e.b = append(e.b, "null"...)
		return nil
	}
	if t := v.Type(); t.PkgPath() != "" { // only named types have methods
		if err := jsonPlain(t); err != nil {
			return err
		}
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			e.b = append(e.b, "null"...)
			return nil
		}
		return e.value(v.Elem(), depth)
	case reflect.String:
		e.b = appendQuoted(e.b, v.String())
	case reflect.Bool:
		e.b = strconv.AppendBool(e.b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.b = strconv.AppendInt(e.b, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.b = strconv.AppendUint(e.b, v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return e.float(v.Float(), v.Type().Bits())
	case reflect.Slice:
		if v.IsNil() {
			e.b = append(e.b, "null"...)
			return nil
		}
		return e.array(v, depth)
	case reflect.Array:
		return e.array(v, depth)
	case reflect.Struct:
		return e.object(v, depth)
	default:
		return fmt.Errorf("render: cannot write %s as JSON", v.Type())
	}
	return nil
}

func (e *jsonEncoder) array(v reflect.Value, depth int) error {
	if v.Type().Elem().Kind() == reflect.Uint8 {
		return fmt.Errorf("render: cannot write %s as JSON", v.Type())
	}
	n := v.Len()
	if n == 0 {
		e.b = append(e.b, '[', ']')
		return nil
	}
	e.b = append(e.b, '[')
	for i := range n {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.newline(depth + 1)
		if err := e.value(v.Index(i), depth+1); err != nil {
			return err
		}
	}
	e.newline(depth)
	e.b = append(e.b, ']')
	return nil
}

func (e *jsonEncoder) object(v reflect.Value, depth int) error {
	fields, err := jsonFieldsOf(v.Type())
	if err != nil {
		return err
	}
	e.b = append(e.b, '{')
	n := 0
	for _, f := range fields {
		fv := v.Field(f.index)
		if f.omitEmpty && jsonEmpty(fv) {
			continue
		}
		if n > 0 {
			e.b = append(e.b, ',')
		}
		n++
		e.newline(depth + 1)
		e.b = append(e.b, f.key...)
		e.b = append(e.b, ':')
		if e.indent {
			e.b = append(e.b, ' ')
		}
		if err := e.value(fv, depth+1); err != nil {
			return err
		}
	}
	if n > 0 {
		e.newline(depth)
	}
	e.b = append(e.b, '}')
	return nil
}

// float writes f as encoding/json does.
func (e *jsonEncoder) float(f float64, bits int) error {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return fmt.Errorf("render: cannot write %v as JSON", f)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21)) {
		format = 'e'
	}
	e.b = strconv.AppendFloat(e.b, f, format, -1, bits)
	if format == 'e' { // e-09 to e-9, as encoding/json does
		if n := len(e.b); n >= 4 && e.b[n-4] == 'e' && e.b[n-3] == '-' && e.b[n-2] == '0' {
			e.b[n-2] = e.b[n-1]
			e.b = e.b[:n-1]
		}
	}
	return nil
}

// jsonEmpty is encoding/json's test for omitempty.
func jsonEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

type jsonField struct {
	index     int
	key       string // the quoted name
	omitEmpty bool
}

var (
	jsonFieldCache sync.Map // reflect.Type → []jsonField
	jsonPlainCache sync.Map // reflect.Type → error (nil when the type is plain)
	marshalerType  = reflect.TypeFor[jsonMarshaler]()
	textMarshType  = reflect.TypeFor[textMarshaler]()
)

// The interfaces encoding/json honours (json.Marshaler,
// encoding.TextMarshaler), declared here so the binary need not link
// encoding/json at all.
type (
	jsonMarshaler interface{ MarshalJSON() ([]byte, error) }
	textMarshaler interface{ MarshalText() ([]byte, error) }
)

// jsonPlain refuses types that encoding/json would write their own way
// (Marshaler, TextMarshaler), so output never silently differs from it.
func jsonPlain(t reflect.Type) error {
	if err, ok := jsonPlainCache.Load(t); ok {
		if err == nil {
			return nil
		}
		return err.(error)
	}
	var err error
	if t.Implements(marshalerType) || t.Implements(textMarshType) ||
		reflect.PointerTo(t).Implements(marshalerType) || reflect.PointerTo(t).Implements(textMarshType) {
		err = fmt.Errorf("render: %s marshals itself; errcode's JSON writer does not call it", t)
	}
	jsonPlainCache.Store(t, err)
	return err
}

// jsonFieldsOf returns the fields of struct type t that JSON writes, in order.
func jsonFieldsOf(t reflect.Type) ([]jsonField, error) {
	if f, ok := jsonFieldCache.Load(t); ok {
		return f.([]jsonField), nil
	}
	var fields []jsonField
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Anonymous {
			return nil, fmt.Errorf("render: cannot write %s as JSON: embedded field %s", t, sf.Name)
		}
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		omit := false
		for o := range strings.SplitSeq(opts, ",") {
			switch o {
			case "omitempty":
				omit = true
			case "":
			default: // omitzero, string: not used by errcode; refuse rather than guess
				return nil, fmt.Errorf("render: cannot write %s as JSON: option %q on %s", t, o, sf.Name)
			}
		}
		fields = append(fields, jsonField{index: i, key: string(appendQuoted(nil, name)), omitEmpty: omit})
	}
	jsonFieldCache.Store(t, fields)
	return fields, nil
}

const hexDigits = "0123456789abcdef"

// plainASCII[c] is true for the ASCII bytes a quoted string holds as they are.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendQuoted appends s as a double-quoted string that is valid in both
// JSON and YAML: `"` and `\` escaped, newline, carriage return, tab,
// backspace and form feed as \n, \r, \t, \b and \f, every other textsafe.Unsafe rune as \uXXXX, and each
// invalid UTF-8 byte as the text \xHH (written \\xHH, since neither format
// can hold the byte). HTML characters are not escaped. Decoding the result
// gives s back, but for the invalid bytes.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plainASCII[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		// Fast paths for the common scripts: a well-formed 2-byte sequence
		// led by C3–D7 or D9–DF (U+00C0–U+07FF but U+0600–U+063F), or a
		// 3-byte one led by E3–EC (U+3000–U+CFFF, CJK), is always valid and
		// never Unsafe.
		if (c >= 0xc3 && c <= 0xdf && c != 0xd8) && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			i += 2
			continue
		}
		if c >= 0xe3 && c <= 0xec && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, '\\', '\\', 'x', hexDigits[c>>4], hexDigits[c&0xf])
		case textsafe.Unsafe(r):
			b = append(b, s[start:i]...)
			if r > 0xffff { // none today; kept correct should the set grow
				r1, r2 := utf16.EncodeRune(r)
				b = appendU(b, r1)
				r = r2
			}
			b = appendU(b, r)
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func appendU(b []byte, r rune) []byte {
	return append(b, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
}
