package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

type recoveredJSON struct {
	Value       int64 `json:"value"`
	RecoveredBy int   `json:"recovered_by"`
}

// MarshalJSON writes a printed cell as a number, a blank as null and a
// recovered cell as {"value": N, "recovered_by": R}.
func (c Cell) MarshalJSON() ([]byte, error) {
	switch c.Status {
	case Blank:
		return []byte("null"), nil
	case Recovered:
		return json.Marshal(recoveredJSON{c.Value, c.Rule})
	}
	return []byte(fmt.Sprint(c.Value)), nil
}

// UnmarshalJSON reads the three forms MarshalJSON writes.
func (c *Cell) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*c = Cell{Status: Blank}
		return nil
	case len(b) > 0 && b[0] == '{':
		var r recoveredJSON
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			return fmt.Errorf("recovered cell: %w", err)
		}
		if r.RecoveredBy < 1 || r.RecoveredBy > 4 {
			return fmt.Errorf("recovered cell: recovered_by %d is not a cross-check (1–4)", r.RecoveredBy)
		}
		*c = Cell{Value: r.Value, Status: Recovered, Rule: r.RecoveredBy}
		return nil
	}
	var v int64
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("cell %s is not a whole number, null or a recovered cell", b)
	}
	*c = Cell{Value: v}
	return nil
}

func marshalRow(cols []Column, cells []Cell) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range cols {
		if i > 0 {
			b.WriteByte(',')
		}
		v, err := cells[i].MarshalJSON()
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "%q:%s", c.Key, v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// unmarshalRow reads a row of table 三 or 四 at path ("requests.new"):
// every column present, none unknown. Errors are *FieldError naming the cell.
func unmarshalRow(b []byte, cols []Column, cells []Cell, path string) error {
	var m map[string]Cell
	if json.Unmarshal(b, &m) != nil {
		// Read it again, a cell at a time, to name the bad one.
		var raw map[string]json.RawMessage
		if json.Unmarshal(b, &raw) == nil {
			for _, k := range sortedKeys(raw) {
				var c Cell
				if err := c.UnmarshalJSON(raw[k]); err != nil {
					return &FieldError{Field: joinPath(path, k), Reason: err.Error()}
				}
			}
		}
		m = nil
	}
	if m == nil {
		return &FieldError{Field: path, Reason: fmt.Sprintf("%s is not a row: want an object of cells by column key", abbrev(b))}
	}
	found := 0
	for i, c := range cols {
		if v, ok := m[c.Key]; ok {
			cells[i] = v
			found++
		}
	}
	if found == len(cols) && len(m) == len(cols) {
		return nil
	}
	for _, k := range sortedKeys(m) {
		if columnIndex(cols, k) < 0 {
			return &FieldError{Field: joinPath(path, k), Reason: "not a column of the table"}
		}
	}
	for _, c := range cols {
		if _, ok := m[c.Key]; !ok {
			return &FieldError{Field: joinPath(path, c.Key), Reason: "missing (a blank cell is null)"}
		}
	}
	return nil
}

// badCell reads tables 三 and 四 of a dataset again, a row at a time, to
// name the cell that failed to decode: the fast path, decoding each table
// at once, knows the column but not the row.
func badCell(b []byte) error {
	var tables struct {
		Requests map[string]json.RawMessage `json:"requests"`
		Appeals  map[string]json.RawMessage `json:"appeals"`
	}
	if json.NewDecoder(bytes.NewReader(b)).Decode(&tables) != nil {
		return nil
	}
	for _, t := range []struct {
		path string
		rows map[string]json.RawMessage
		cols []Column
	}{{"requests", tables.Requests, RequestColumns[:]}, {"appeals", tables.Appeals, AppealColumns[:]}} {
		for _, k := range sortedKeys(t.rows) {
			cells := make([]Cell, len(t.cols))
			if err := unmarshalRow(t.rows[k], t.cols, cells, t.path+"."+k); err != nil {
				return err
			}
		}
	}
	return nil
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// abbrev quotes the start of a JSON value for an error message.
func abbrev(b []byte) string {
	s := strings.TrimSpace(string(b))
	if r := []rune(s); len(r) > 20 {
		return string(r[:17]) + "…"
	}
	return s
}

func columnIndex(cols []Column, key string) int {
	for i, c := range cols {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// MarshalJSON writes a table 三 row as an object keyed by column.
func (r RequestRow) MarshalJSON() ([]byte, error) { return marshalRow(RequestColumns[:], r[:]) }

// UnmarshalJSON reads a table 三 row; every column must be present.
func (r *RequestRow) UnmarshalJSON(b []byte) error {
	return unmarshalRow(b, RequestColumns[:], r[:], "")
}

// MarshalJSON writes a table 四 group as an object keyed by column.
func (r AppealRow) MarshalJSON() ([]byte, error) { return marshalRow(AppealColumns[:], r[:]) }

// UnmarshalJSON reads a table 四 group; every column must be present.
func (r *AppealRow) UnmarshalJSON(b []byte) error {
	return unmarshalRow(b, AppealColumns[:], r[:], "")
}

// Parse reads a dataset and validates it: the file's size, its JSON (UTF-8,
// each key written plainly and once per object) and the report (Validate).
// A refusal is a *FieldError naming the line and column, the field and the
// reason.
func Parse(b []byte) (*Report, error) {
	if len(b) > MaxDatasetSize {
		return nil, &FieldError{Reason: fmt.Sprintf("the file is %d bytes; a dataset is at most %d (2 MiB)", len(b), MaxDatasetSize)}
	}
	var r Report
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, decodeError(b, dec, err)
	}
	end := int(dec.InputOffset())
	if rest := bytes.TrimLeft(b[end:], " \t\r\n"); len(rest) > 0 {
		return nil, at(b, len(b)-len(rest), &FieldError{Reason: "data after the report object"})
	}
	b = b[:end]
	if !utf8.Valid(b) {
		off := invalidUTF8(b)
		return nil, at(b, off, &FieldError{Field: pathAt(b, off+1), Reason: fmt.Sprintf("byte %#x is not UTF-8; a dataset is UTF-8 text", b[off])})
	}
	if err := checkKeys(b); err != nil {
		return nil, err
	}
	if e := r.validate(time.Now().Year()); e != nil {
		return nil, locate(b, e)
	}
	return &r, nil
}

// Decode reads a report the build has already parsed and validated and
// written itself: a report pack's, fetched by the browser from the site's
// own origin. It checks that the JSON decodes and holds a report (body,
// year, template, tables 三 and 四), not every rule: Parse, with every
// check, is for datasets, and keeping its checks out of the browser's path
// keeps 30 kB of brotli out of app.wasm.
func Decode(b []byte) (*Report, error) {
	var r Report
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, err
	}
	if r.ID == "" || r.Body == "" || r.Year == 0 || r.Format == "" || len(r.Requests) == 0 || len(r.Appeals) == 0 {
		return nil, errors.New("not a whole report: id, body, year, format or table 三 or 四 missing")
	}
	return &r, nil
}

// decodeError turns an error of encoding/json into a *FieldError.
func decodeError(b []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return at(b, int(syn.Offset), &FieldError{Reason: strings.TrimPrefix(err.Error(), "json: ")})
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return at(b, len(b), &FieldError{Reason: "the file ends before the report does"})
	}
	// The JSON is well-formed (the decoder reads a whole value before it
	// decodes it): a key written in another case, or twice, explains an
	// error best.
	if err := checkKeys(b); err != nil {
		return err
	}
	var fe *FieldError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &fe):
		if cerr := badCell(b); cerr != nil {
			errors.As(cerr, &fe)
		}
		return locate(b, fe)
	case errors.As(err, &typ):
		return at(b, int(typ.Offset), &FieldError{Field: pathAt(b, int(typ.Offset)),
			Reason: fmt.Sprintf("want %s, not a JSON %s", describeType(typ.Type), typ.Value)})
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if name, ok := strings.CutPrefix(msg, "unknown field "); ok {
		if name, uerr := strconv.Unquote(name); uerr == nil {
			if field, off := findKey(b, name); off >= 0 {
				return at(b, off, &FieldError{Field: field, Reason: "not a field of a dataset"})
			}
		}
	}
	return at(b, int(dec.InputOffset()), &FieldError{Reason: msg})
}

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

// at sets where e is: the line and column of byte offset off of b.
func at(b []byte, off int, e *FieldError) *FieldError {
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

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// ReadFile reads and validates a dataset file; errors start with the file name.
func ReadFile(name string) (*Report, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	r, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return r, nil
}

// Encode writes a report as indented JSON, the form of the committed datasets.
func Encode(r *Report) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WriteFile validates a report (Validate, and the size of its dataset) and
// writes it atomically: to a temporary file in the same folder, then renamed
// over name, so neither a refused report nor a partial file is ever left
// behind. Errors start with the file name.
func WriteFile(name string, r *Report) error {
	if err := r.Validate(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	b, err := Encode(r)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > MaxDatasetSize {
		return fmt.Errorf("%s: %w", name, &FieldError{Reason: fmt.Sprintf("the dataset would be %d bytes; a dataset is at most %d (2 MiB)", len(b), MaxDatasetSize)})
	}
	return writeAtomic(name, b)
}

// writeAtomic writes b to name through a temporary file and a rename.
func writeAtomic(name string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = f.Chmod(0o644) // CreateTemp makes it private; a dataset is not
	if err == nil {
		_, err = f.Write(b)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
