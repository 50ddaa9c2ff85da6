package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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

func unmarshalRow(b []byte, cols []Column, cells []Cell) error {
	var m map[string]Cell
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	for k := range m {
		if columnIndex(cols, k) < 0 {
			return fmt.Errorf("unknown column %q", k)
		}
	}
	for i, c := range cols {
		v, ok := m[c.Key]
		if !ok {
			return fmt.Errorf("column %q missing", c.Key)
		}
		cells[i] = v
	}
	return nil
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
	return unmarshalRow(b, RequestColumns[:], r[:])
}

// MarshalJSON writes a table 四 group as an object keyed by column.
func (r AppealRow) MarshalJSON() ([]byte, error) { return marshalRow(AppealColumns[:], r[:]) }

// UnmarshalJSON reads a table 四 group; every column must be present.
func (r *AppealRow) UnmarshalJSON(b []byte) error {
	return unmarshalRow(b, AppealColumns[:], r[:])
}

// Parse reads a dataset and validates it. Errors name the line and column
// of malformed JSON and the table, row and column of a bad value.
func Parse(b []byte) (*Report, error) {
	var r Report
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, positioned(b, dec, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: data after the report object", lineCol(b, dec.InputOffset()))
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return &r, nil
}

func positioned(b []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("%s: %w", lineCol(b, syn.Offset), err)
	case errors.As(err, &typ):
		return fmt.Errorf("%s: field %s: %w", lineCol(b, typ.Offset), typ.Field, err)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("%s: the file ends before the report does", lineCol(b, int64(len(b))))
	}
	return fmt.Errorf("%s: %w", lineCol(b, dec.InputOffset()), err)
}

// lineCol turns a byte offset into "line L, column C" (columns count characters).
func lineCol(b []byte, off int64) string {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	line, col := 1, 1
	for _, r := range string(b[:off]) {
		if r == '\n' {
			line, col = line+1, 1
			continue
		}
		col++
	}
	return fmt.Sprintf("line %d, column %d", line, col)
}

var (
	idRE   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	dateRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// Validate checks that a report is complete and well-formed: the template
// version, the rows of tables 三 and 四 for that version, and the values of
// table 二. It does not run the cross-checks: a report that breaks them is
// valid, and Check reports its findings.
func (r *Report) Validate() error {
	switch {
	case !idRE.MatchString(r.ID):
		return fmt.Errorf("id %q: want lower-case letters, digits and dashes", r.ID)
	case strings.TrimSpace(r.Body) == "":
		return errors.New("body: missing")
	case r.Year < 2000 || r.Year > 2100:
		return fmt.Errorf("year %d: not a plausible report year", r.Year)
	case r.Published != "" && !dateRE.MatchString(r.Published):
		return fmt.Errorf("published %q: want YYYY-MM-DD", r.Published)
	case r.Format != Format2019 && r.Format != Format2021:
		return fmt.Errorf("format %q: want %q or %q", r.Format, Format2019, Format2021)
	}
	if r.Requests == nil {
		return errors.New("table 三 (requests): missing")
	}
	want := map[string]bool{}
	for _, row := range r.Requests.Rows() {
		want[row.Key] = true
		if r.Requests[row.Key] == nil {
			return fmt.Errorf("table 三, row %s (%s): missing", row.Key, row.Label)
		}
	}
	for k := range r.Requests {
		if !want[k] {
			if k == "other" && r.Requests.OtherSplit() {
				return errors.New("table 三: row other given beside other.no_correction…other.other; keep one shape")
			}
			return fmt.Errorf("table 三, row %q: not a row of the template", k)
		}
	}
	if r.Appeals == nil {
		return errors.New("table 四 (appeals): missing")
	}
	for _, row := range AppealRows {
		if r.Appeals[row.Key] == nil {
			return fmt.Errorf("table 四, row %s (%s): missing", row.Key, row.Label)
		}
	}
	if len(r.Appeals) != len(AppealRows) {
		for k := range r.Appeals {
			if k != AppealRows[0].Key && k != AppealRows[1].Key && k != AppealRows[2].Key {
				return fmt.Errorf("table 四, row %q: not a row of the template", k)
			}
		}
	}
	for _, row := range r.Disclosure {
		if _, ok := DisclosureKeys[row.Key]; !ok {
			return fmt.Errorf("table 二, row %q: not a known row key", row.Key)
		}
		for _, q := range row.Values {
			if _, ok := DisclosureKeys[q.Key]; !ok {
				return fmt.Errorf("table 二, row %s, value %q: not a known value key", row.Key, q.Key)
			}
			if q.Value != "" && !quantityRE.MatchString(q.Value) {
				return fmt.Errorf("table 二, row %s, value %s: %q is not a number", row.Key, q.Key, q.Value)
			}
		}
	}
	return nil
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

// WriteFile writes a dataset atomically: to a temporary file in the same
// folder, then renamed over name, so no partial file is ever left behind.
func WriteFile(name string, r *Report) error {
	if err := r.Validate(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	b, err := Encode(r)
	if err != nil {
		return err
	}
	return WriteAtomic(name, b)
}

// WriteAtomic writes b to name through a temporary file and a rename.
func WriteAtomic(name string, b []byte) error {
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

// ValidID says whether id can name a report: lower-case letters, digits and
// single dashes between them, as in file names and URLs.
func ValidID(id string) bool { return idRE.MatchString(id) }
