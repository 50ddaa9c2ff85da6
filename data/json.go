package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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

func joinPath(path, key string) string {
	if path == "" || key == "" {
		return path + key
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

// Decode reads a report the build has already parsed and validated and
// written itself: a report pack's, fetched by the browser from the site's
// own origin. It checks that the JSON decodes and holds a report (body,
// year, template, tables 三 and 四), not every rule: dataset.Parse, with
// every check, is for datasets, and keeping its checks (and
// encoding/json/v2, which it runs on) out of the browser's path keeps
// app.wasm small.
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
