// Package dataset reads and writes the dataset files of 年报透视 (one JSON
// file per report, as package data documents them) for the importer and
// the build: Parse checks a file against every limit and rule and says
// where it breaks one (the line and column, the field as a JSON path);
// ReadFile and ReadDir read regular files only, bounded; WriteFile writes
// atomically.
//
// Parse runs on encoding/json/v2's semantics
// (github.com/go-json-experiment/json): jsontext reads the file a token at
// a time, refusing bad grammar and a name given twice in one object, and
// json.Unmarshal refuses a member no field takes; both say where, as a byte
// offset and a JSON Pointer, which this package turns into a line, a column
// and a JSON path. The browser decodes the packs the build wrote with
// encoding/json (data.Decode, catalog.Parse) and never imports this
// package: a package imported is initialised, and so linked, whether its
// functions are called or not, and the library's initialisation alone is
// tens of kilobytes of app.wasm.
package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"nianbao/data"
)

// Parse reads a dataset and validates it: the file's size, its JSON (UTF-8
// without a byte-order mark, each object's names written plainly and once,
// no member a dataset does not have) and the report (Validate). A refusal
// is a *data.FieldError naming the line and column, the field and the reason.
func Parse(b []byte) (*data.Report, error) {
	if len(b) > data.MaxDatasetSize {
		return nil, &data.FieldError{Reason: fmt.Sprintf("the file is %d bytes; a dataset is at most %d (2 MiB)", len(b), data.MaxDatasetSize)}
	}
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		return nil, at(b, 0, &data.FieldError{Reason: "the file starts with a byte-order mark (BOM), which JSON does not allow: save it as UTF-8 without a BOM"})
	}
	if e := scan(b, nil); e != nil {
		return nil, e
	}
	var r data.Report
	// A lone surrogate (\ud800) is read as U+FFFD, which Validate then
	// refuses in its field; every other byte is UTF-8 (scan checked).
	if err := jsonv2.Unmarshal(b, &r, jsonv2.RejectUnknownMembers(true), jsontext.AllowInvalidUTF8(true)); err != nil {
		return nil, unmarshalError(b, err)
	}
	var fe *data.FieldError
	if err := r.Validate(); errors.As(err, &fe) {
		return nil, locate(b, fe)
	} else if err != nil {
		return nil, err
	}
	return &r, nil
}

// scan reads the JSON value in b a token at a time, as jsontext checks it
// (its grammar, each object's names once), and checks what jsontext is not
// asked to: that every string is UTF-8, with the offset of the first byte
// that is not; that every name is written plainly (lower-case ASCII
// letters, digits, "_" and ".", without escapes: every name of the format
// is, and a name such as "Year", "ſource" or "y\u0065ar" would otherwise be
// taken for another, or dropped silently); and that nothing follows the
// value. visit, when not nil, is called at each object name and each
// value, with where it starts; returning true ends the scan.
func scan(b []byte, visit func(dec *jsontext.Decoder, off int, name bool) bool) *data.FieldError {
	dec := jsontext.NewDecoder(bytes.NewReader(b), jsontext.AllowInvalidUTF8(true))
	for {
		kind := dec.PeekKind()
		k, n := dec.StackIndex(dec.StackDepth())
		name := k == '{' && n%2 == 0
		var off int
		switch kind {
		case '}', ']':
			if _, err := dec.ReadToken(); err != nil {
				return syntaxError(b, dec, err)
			}
		case '{', '[':
			if _, err := dec.ReadToken(); err != nil {
				return syntaxError(b, dec, err)
			}
			off = int(dec.InputOffset()) - 1
		default:
			v, err := dec.ReadValue()
			if err != nil {
				return syntaxError(b, dec, err)
			}
			off = int(dec.InputOffset()) - len(v)
			if kind != '"' {
				break
			}
			if !utf8.Valid(v) {
				i := off
				for r, size := utf8.DecodeRune(b[i:]); r != utf8.RuneError || size != 1; r, size = utf8.DecodeRune(b[i:]) {
					i += size
				}
				field := pathOf(dec)
				if name {
					field = pathOf(dec, 1) // the object: the name is not text
				}
				return at(b, i, &data.FieldError{Field: field, Reason: fmt.Sprintf("byte %#x is not UTF-8; a dataset is UTF-8 text", b[i])})
			}
			if name {
				if e := checkName(dec, v); e != nil {
					return at(b, off, e)
				}
			}
		}
		if kind != '}' && kind != ']' && visit != nil && visit(dec, off, name) {
			return nil
		}
		if dec.StackDepth() == 0 {
			end := int(dec.InputOffset())
			if rest := bytes.TrimLeft(b[end:], " \t\r\n"); len(rest) > 0 {
				return at(b, len(b)-len(rest), &data.FieldError{Reason: "data after the report object"})
			}
			return nil
		}
	}
}

// checkName refuses an object name, as written with its quotes, other
// than plainly written; see scan.
func checkName(dec *jsontext.Decoder, quoted []byte) *data.FieldError {
	raw := quoted[1 : len(quoted)-1]
	if len(raw) == 0 {
		return &data.FieldError{Field: pathOf(dec, 1), Reason: "an empty key"}
	}
	for _, c := range raw {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.') {
			return &data.FieldError{Field: joinPath(pathOf(dec, 1), string(raw)), Reason: fmt.Sprintf("key %q: keys are written in lower-case letters, digits, \"_\" and \".\", without escapes", raw)}
		}
	}
	return nil
}

// syntaxError turns an error of jsontext into a *data.FieldError.
func syntaxError(b []byte, dec *jsontext.Decoder, err error) *data.FieldError {
	var se *jsontext.SyntacticError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return at(b, len(b), &data.FieldError{Reason: "the file ends before the report does"})
	case !errors.As(err, &se):
		return &data.FieldError{Reason: err.Error()}
	case errors.Is(se.Err, jsontext.ErrDuplicateName):
		return at(b, int(se.ByteOffset), &data.FieldError{Field: pointerPath(dec, se.JSONPointer, 0), Reason: "given twice in the same object; only one can count"})
	}
	return at(b, int(se.ByteOffset), &data.FieldError{Field: pointerPath(dec, se.JSONPointer, 0), Reason: se.Err.Error()})
}

// unmarshalError turns an error of json.Unmarshal on a file scan accepted
// into a *data.FieldError.
func unmarshalError(b []byte, err error) *data.FieldError {
	var se *jsonv2.SemanticError
	if !errors.As(err, &se) {
		return &data.FieldError{Reason: err.Error()}
	}
	// The path of the pointer: a scan to it, which knows the arrays.
	field := ""
	scan(b, func(dec *jsontext.Decoder, _ int, _ bool) bool {
		if dec.StackPointer() == se.JSONPointer {
			field = pathOf(dec)
			return true
		}
		return false
	})
	var fe *data.FieldError
	switch {
	case errors.As(se.Err, &fe):
		// A row of table 三 or 四 refused one of its cells, or itself.
		return locate(b, &data.FieldError{Field: joinPath(field, fe.Field), Reason: fe.Reason})
	case errors.Is(se.Err, jsonv2.ErrUnknownName):
		return at(b, int(se.ByteOffset), &data.FieldError{Field: field, Reason: "not a field of a dataset"})
	case se.GoType != nil && se.JSONKind != 0:
		return at(b, int(se.ByteOffset), &data.FieldError{Field: field, Reason: fmt.Sprintf("want %s, not a JSON %s", describeType(se.GoType), kindName[se.JSONKind])})
	}
	return at(b, int(se.ByteOffset), &data.FieldError{Field: field, Reason: strings.TrimPrefix(se.Error(), "json: ")})
}

var kindName = map[jsontext.Kind]string{'"': "string", '0': "number", '{': "object", '[': "array", 't': "boolean", 'f': "boolean", 'n': "null"}

func describeType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return t.String()
}

// pathOf is the JSON path of what dec read last ("sections[2].title"),
// without its last drop tokens.
func pathOf(dec *jsontext.Decoder, drop ...int) string {
	return pointerPath(dec, dec.StackPointer(), drop...)
}

// pointerPath turns a JSON Pointer into a JSON path, with the kind of
// each level from dec's stack: a Pointer alone cannot tell an array's index
// from an object's name. drop leaves out the last tokens.
func pointerPath(dec *jsontext.Decoder, p jsontext.Pointer, drop ...int) string {
	var toks []string
	for t := range p.Tokens() {
		toks = append(toks, t)
	}
	if len(drop) > 0 {
		toks = toks[:max(len(toks)-drop[0], 0)]
	}
	var s strings.Builder
	for i, t := range toks {
		if k, _ := dec.StackIndex(i + 1); k == '[' {
			s.WriteString("[" + t + "]")
			continue
		}
		if i > 0 {
			s.WriteByte('.')
		}
		s.WriteString(t)
	}
	return s.String()
}

// locate sets where e's field is in b, or the nearest field around it that
// is there (a missing row: the table).
func locate(b []byte, e *data.FieldError) *data.FieldError {
	for field := e.Field; field != ""; {
		off := -1
		scan(b, func(dec *jsontext.Decoder, o int, name bool) bool {
			if !name && pathOf(dec) == field {
				off = o
				return true
			}
			return false
		})
		if off >= 0 {
			return at(b, off, e)
		}
		i := strings.LastIndexAny(field, ".[")
		if i < 0 {
			break
		}
		field = field[:i]
	}
	return e
}

// at sets where e is: the line and column of byte offset off of b.
func at(b []byte, off int, e *data.FieldError) *data.FieldError {
	e.Line, e.Column = lineCol(b, off)
	return e
}

// lineCol turns a byte offset into a line and a column (columns count characters).
func lineCol(b []byte, off int) (line, col int) {
	off = min(max(off, 0), len(b))
	line, col = 1, 1
	for _, r := range string(b[:off]) {
		if r == '\n' {
			line, col = line+1, 1
			continue
		}
		col++
	}
	return line, col
}

// joinPath is the path of key in the object at path.
func joinPath(path, key string) string {
	if path == "" || key == "" {
		return path + key
	}
	return path + "." + key
}
