package dataset

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"

	"nianbao/data"
)

// edit makes one change to the shipped Nantong dataset: the first old
// becomes new.
func edit(t *testing.T, old, new string) []byte {
	t.Helper()
	good := string(nantongJSON(t))
	if !strings.Contains(good, old) {
		t.Fatalf("the dataset lacks %q", old)
	}
	return []byte(strings.Replace(good, old, new, 1))
}

var nextYear = time.Now().Year() + 1

// manyKeysJSON is the members of an object with n keys: "k0": 0, "k1": 1, …
func manyKeysJSON(n int) string {
	var members []string
	for i := range n {
		members = append(members, fmt.Sprintf(`"k%d": %d`, i, i))
	}
	return strings.Join(members, ", ")
}

// Every rule of Parse and Validate, one change to a good dataset at a time:
// the refusal names the field and the reason, and where the field is.
func TestParseRefuses(t *testing.T) {
	tests := []struct {
		name, old, new string
		field, reason  string
	}{
		// Counts of tables 三 and 四.
		{"negative count", `"natural_person": 4742,`, `"natural_person": -258,`, "requests.new.natural_person", "-258 is negative"},
		{"huge count", `"natural_person": 4742,`, `"natural_person": 9223372036854775807,`, "requests.new.natural_person", "more than 99999999"},
		{"count just too big", `"natural_person": 4742,`, `"natural_person": 100000000,`, "requests.new.natural_person", "more than 99999999"},
		{"count beyond int64", `"natural_person": 4742,`, `"natural_person": 9223372036854775808,`, "requests.new.natural_person", "not a whole number"},
		{"fraction", `"natural_person": 4742,`, `"natural_person": 1.5,`, "requests.new.natural_person", "not a whole number"},
		{"exponent", `"natural_person": 4742,`, `"natural_person": 1e3,`, "requests.new.natural_person", "not a whole number"},
		{"count as a string", `"natural_person": 4742,`, `"natural_person": "4742",`, "requests.new.natural_person", "not a whole number"},
		{"negative recovered cell", `"value": 5,`, `"value": -5,`, "requests.new.legal_services", "-5 is negative"},
		{"recovered by no rule", `"recovered_by": 1`, `"recovered_by": 7`, "requests.new.legal_services", "not a cross-check"},
		{"negative appeal", `"upheld": 131,`, `"upheld": -1,`, "appeals.review.upheld", "negative"},
		{"unknown column", `"natural_person": 4742,`, `"natural_persons": 4742,`, "requests.new.natural_persons", "not a column"},
		{"missing row", `"carried_over"`, `"carried_overx"`, "requests.carried_over", "missing"},
		{"unknown row", `"carried_in": {`, `"carried_out": {"natural_person": 0, "business": 0, "research": 0, "public_interest": 0, "legal_services": 0, "other_org": 0, "total": 0}, "carried_in": {`, "requests.carried_out", "not a row"},

		// Duplicate keys, at every level.
		{"duplicate top-level key", `"year": 2019,`, `"year": 2019, "year": 2020,`, "year", "twice"},
		{"duplicate cell", `"natural_person": 4742,`, `"natural_person": 4742, "natural_person": 1,`, "requests.new.natural_person", "twice"},
		{"duplicate row", `"carried_in": {`, `"new": {`, "requests.new", "twice"},
		{"duplicate in a recovered cell", `"recovered_by": 1`, `"recovered_by": 1, "recovered_by": 2`, "requests.new.legal_services.recovered_by", "twice"},
		{"duplicate in a section", `"key": "overview",`, `"key": "overview", "key": "problems",`, "sections[0].key", "twice"},
		{"duplicate in a value", `"value": "-47"`, `"value": "-47", "value": "+3"`, "disclosure[2].values[1].value", "twice"},
		{"duplicate among many keys", `"key": "overview",`, `"key": "overview", "x": {` + manyKeysJSON(40) + `, "k3": 2},`, "sections[0].x.k3", "twice"},
		{"key in capitals", `"year": 2019`, `"Year": 2019`, "Year", "lower-case"},
		{"key differing in case only", `"year": 2019,`, `"year": 2019, "YEAR": 2020,`, "YEAR", "lower-case"},
		{"key with a long s", `"source"`, `"ſource"`, "ſource", "lower-case"},
		{"escaped key", `"year"`, `"y\u0065ar"`, `y\u0065ar`, "without escapes"},
		{"unknown field", `"year": 2019`, `"yeer": 2019`, "yeer", "not a field"},
		{"unknown nested field", `"title": "一、总体情况"`, `"titel": "一、总体情况"`, "sections[0].titel", "not a field"},
		{"wrong type", `"title": "一、总体情况"`, `"title": 1`, "sections[0].title", "want a string"},

		// Text.
		{"invalid UTF-8", `"body": "南通`, "\"body\": \"\xff南通", "body", "not UTF-8"},
		{"lone surrogate", `"body": "南通`, `"body": "\ud800南通`, "body", "U+FFFD"},
		{"replacement character", `"body": "南通`, `"body": "南�通`, "body", "U+FFFD"},
		{"bidi override, escaped", `"body": "南通`, `"body": "\u202e南通`, "body", "U+202E, a bidirectional control"},
		{"bidi override, raw", `"2019年,南通市政府`, "\"2019年,\u202d南通市政府", "sections[0].paragraphs[0]", "character 7 is U+202D, a bidirectional control"},
		{"bidi isolate", `"title": "一、总体情况"`, `"title": "一、\u2066总体情况"`, "sections[0].title", "U+2066"},
		{"right-to-left mark", `"title": "一、总体情况"`, `"title": "一、\u200f总体情况"`, "sections[0].title", "U+200F"},
		{"zero-width space", `"body": "南通`, `"body": "南\u200b通`, "body", "U+200B, an invisible format character"},
		{"zero-width joiner", `"2019年,南通市政府`, `"2019年,\u200d南通市政府`, "sections[0].paragraphs[0]", "U+200D"},
		{"byte order mark", `"label": "规章"`, `"label": "\ufeff规章"`, "disclosure[0].label", "U+FEFF"},
		{"soft hyphen", `"label": "规章"`, `"label": "规\u00ad章"`, "disclosure[0].label", "U+00AD"},
		{"NUL", `"2019年,南通市政府`, `"2019年,\u0000南通市政府`, "sections[0].paragraphs[0]", "U+0000, a control character"},
		{"line break", `"2019年,南通市政府`, `"2019年,\n南通市政府`, "sections[0].paragraphs[0]", "U+000A, a control character"},
		{"tab", `"label": "规章"`, `"label": "规\t章"`, "disclosure[0].label", "U+0009"},
		{"DEL", `"item": "第二十条`, `"item": "\u007f第二十条`, "disclosure[0].item", "U+007F"},
		{"C1 control", `"body": "南通`, "\"body\": \"南\u0085通", "body", "U+0085, a control character"},
		{"line separator", `"2019年,南通市政府`, "\"2019年,\u2028南通市政府", "sections[0].paragraphs[0]", "U+2028, a line or paragraph separator"},
		{"control in source", `"source": "nantong`, `"source": "\u001bnantong`, "source", "U+001B"},

		// Look-alikes: characters that show nothing, or whatever a font
		// puts there, so that two bodies that look the same differ.
		{"Hangul filler", `"body": "南通`, `"body": "南通\u3164`, "body", "U+3164, an invisible filler"},
		{"Hangul choseong filler", `"body": "南通`, `"body": "南\u115f通`, "body", "U+115F, an invisible filler"},
		{"halfwidth Hangul filler", `"body": "南通`, `"body": "南\uffa0通`, "body", "U+FFA0, an invisible filler"},
		{"Braille blank", `"body": "南通`, `"body": "南\u2800通`, "body", "U+2800, an invisible filler"},
		{"combining grapheme joiner", `"body": "南通`, `"body": "南\u034f通`, "body", "U+034F, an invisible filler"},
		{"emoji presentation selector", `"body": "南通`, `"body": "南\ufe0f通`, "body", "U+FE0F, a variation selector"},
		{"variation selector after a Latin letter", `"source": "nantong`, `"source": "n\ufe00antong`, "source", "U+FE00, a variation selector that is not on a CJK ideograph"},
		{"noncharacter U+FFFF", `"body": "南通`, `"body": "南\uffff通`, "body", "U+FFFF, a noncharacter"},
		{"noncharacter U+FDD0", `"title": "一、总体情况"`, `"title": "一、\ufdd0总体情况"`, "sections[0].title", "U+FDD0, a noncharacter"},
		{"private use", `"body": "南通`, `"body": "南\ue000通`, "body", "U+E000, a private-use character"},
		{"private use, plane 15", `"2019年,南通市政府`, "\"2019年,\U000F0000南通市政府", "sections[0].paragraphs[0]", "U+F0000, a private-use character"},
		{"stacked combining marks", `"body": "南通`, `"body": "南通a\u0301\u0302\u0303`, "body", "character 6 is U+0303, combining mark 3 in a row"},
		{"combining mark first", `"label": "规章"`, `"label": "\u0301规章"`, "disclosure[0].label", "U+0301, a combining mark with no character before it"},

		// Lengths.
		{"long body", `"body": "南通市人民政府"`, `"body": "` + strings.Repeat("南", 101) + `"`, "body", "101 characters; at most 100"},
		{"long title", `"title": "一、总体情况"`, `"title": "` + strings.Repeat("一", 101) + `"`, "sections[0].title", "at most 100"},
		{"long label", `"label": "本年新制作数量"`, `"label": "` + strings.Repeat("本", 101) + `"`, "disclosure[0].values[0].label", "at most 100"},
		{"long item", `"item": "第二十条第（一）项"`, `"item": "` + strings.Repeat("第", 101) + `"`, "disclosure[0].item", "at most 100"},
		{"long source", `"source": "nantong`, `"source": "` + strings.Repeat("s", 501) + `nantong`, "source", "at most 500"},
		{"long paragraph", `"2019年,南通市政府`, `"` + strings.Repeat("字", 20_000) + `2019年,南通市政府`, "sections[0].paragraphs[0]", "at most 20000"},
		{"many paragraphs", `"paragraphs": [`, `"paragraphs": [` + strings.Repeat(`"段",`, 1000), "sections[0].paragraphs", "at most 1000"},
		{"large file", `"year": 2019,`, `"year": 2019,` + strings.Repeat(" ", data.MaxDatasetSize), "", "at most 2097152"},
		{"data after the report", `"year": 2019,`, `"year": 2019,` /* see below */, "", ""},

		// Table 二.
		{"value not a number", `"value": "1"`, `"value": "1e5"`, "disclosure[0].values[0].value", "not a number"},
		{"value with separators", `"value": "1"`, `"value": "1,000"`, "disclosure[0].values[0].value", "not a number"},
		{"signed count", `"value": "1"`, `"value": "+1"`, "disclosure[0].values[0].value", "no sign"},
		{"fractional count", `"value": "1"`, `"value": "1.5"`, "disclosure[0].values[0].value", "whole number"},
		{"huge count in table 二", `"value": "1341272"`, `"value": "9223372036854775807"`, "disclosure[2].values[2].value", "more than 99999999"},
		{"huge change", `"value": "-47"`, `"value": "-100000000"`, "disclosure[2].values[1].value", "at most 99999999 either way"},
		{"fractional change", `"value": "-47"`, `"value": "-4.7"`, "disclosure[2].values[1].value", "whole number"},
		{"long amount", `"value": "950125.6165"`, `"value": "1234567890123"`, "disclosure[7].values[1].value", "at most 12 digits before"},
		{"precise amount", `"value": "950125.6165"`, `"value": "1.1234567"`, "disclosure[7].values[1].value", "at most 6 digits after"},
		{"negative amount", `"value": "950125.6165"`, `"value": "-950125.6165"`, "disclosure[7].values[1].value", "no sign"},
		{"unknown unit", `"unit": "万元"`, `"unit": "美元"`, "disclosure[7].values[1].unit", "want 元, 万元, 亿元"},
		{"unit on a count", `"value": "-47"`, `"value": "-47", "unit": "件"`, "disclosure[2].values[1].unit", "a count and takes no unit"},
		{"unknown row key", `"key": "licensing"`, `"key": "licence"`, "disclosure[2].key", "not a row"},
		{"duplicate row key", `"key": "licensing"`, `"key": "regulations"`, "disclosure[2].key", "twice"},
		{"duplicate value key", `"key": "change"`, `"key": "prev_items"`, "disclosure[2].values[1].key", "twice"},

		// Header.
		{"month 13", `"published": "2020-03-10"`, `"published": "2019-13-45"`, "published", "not a date"},
		{"30 February", `"published": "2020-03-10"`, `"published": "2020-02-30"`, "published", "not a date"},
		{"date without dashes", `"published": "2020-03-10"`, `"published": "20200310"`, "published", "YYYY-MM-DD"},
		{"published in the year reported on", `"published": "2020-03-10"`, `"published": "2019-06-01"`, "published", "published from 2020"},
		{"published in the future", `"published": "2020-03-10"`, fmt.Sprintf(`"published": "%d-01-01"`, nextYear+1), "published", "published from 2020"},
		{"year too early", `"year": 2019`, `"year": 1999`, "year", "not a plausible report year"},
		{"year in the future", `"year": 2019`, fmt.Sprintf(`"year": %d`, nextYear+1), "year", "not a plausible report year"},
		{"format", `"format": "2019"`, `"format": "2020"`, "format", `"2020": want "2019" or "2021"`},
		{"id", `"id": "nantong-city-2019"`, `"id": "Nantong-2019"`, "id", "lower-case letters"},
		{"id double dash", `"id": "nantong-city-2019"`, `"id": "nantong--2019"`, "id", "single dashes"},
		{"long id", `"id": "nantong-city-2019"`, `"id": "` + strings.Repeat("n", 101) + `"`, "id", "at most 100"},
		{"empty body", `"body": "南通市人民政府"`, `"body": ""`, "body", "missing"},
		{"body with a space", `"body": "南通市人民政府"`, `"body": "南通市人民政府 "`, "body", "white space"},
		{"unknown section", `"key": "overview"`, `"key": "summary"`, "sections[0].key", "want one of overview, problems, other"},
		{"section twice", `"key": "problems"`, `"key": "overview"`, "sections[1].key", "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := edit(t, tt.old, tt.new)
			if tt.name == "data after the report" {
				in = append(in, "}"...)
				tt.reason = "data after the report object"
			}
			_, err := Parse(in)
			t.Log(err)
			var fe *data.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want a *FieldError", err)
			}
			if fe.Field != tt.field || !strings.Contains(fe.Reason, tt.reason) {
				t.Errorf("err = %v; want field %q and a reason with %q", err, tt.field, tt.reason)
			}
			if tt.name != "large file" && fe.Line == 0 {
				t.Errorf("err = %v: no line", err)
			}
		})
	}
}

func TestRefusalIsAtTheField(t *testing.T) {
	_, err := Parse(edit(t, `"natural_person": 4742,`, `"natural_person": -258,`))
	want := "line 381, column 22: requests.new.natural_person: -258 is negative; a count is 0 or more"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// A large object is no slower to check for duplicates than a long array.
func TestCheckKeysLinear(t *testing.T) {
	big := []byte(`{"x": {` + manyKeysJSON(100_000) + `}}`)
	if err := scan(big, nil); err != nil {
		t.Fatal(err)
	}
	dup := []byte(`{"x": {` + manyKeysJSON(100_000) + `, "k99998": 1}}`)
	if fe := scan(dup, nil); fe == nil || fe.Field != "x.k99998" {
		t.Errorf("err = %v", fe)
	}
}

// What is unusual but real stays valid.
func TestParseAccepts(t *testing.T) {
	tests := []struct{ name, old, new string }{
		{"largest count", `"natural_person": 4742,`, `"natural_person": 99999999,`},
		{"zero", `"natural_person": 4742,`, `"natural_person": 0,`},
		{"blank", `"natural_person": 4742,`, `"natural_person": null,`},
		{"positive change", `"value": "-47"`, `"value": "+14"`},
		{"blank value", `"value": "1"`, `"value": ""`},
		{"amount in 元", `"value": "950125.6165",
     "unit": "万元"`, `"value": "251000",
     "unit": "元"`},
		{"amount to the fen in 万元", `"value": "950125.6165"`, `"value": "4166.241619"`},
		{"largest amount", `"value": "950125.6165"`, `"value": "999999999999.999999"`},
		{"no date", `"published": "2020-03-10"`, `"published": ""`},
		{"next year's report", "\"year\": 2019,\n \"published\": \"2020-03-10\"", fmt.Sprintf("\"year\": %d,\n \"published\": \"\"", nextYear)},
		{"ideographic space", `"2019年,南通市政府`, `"2019年,　南通市政府`},
		{"variation selector", `"2019年,南通市政府`, "\"2019年,南\ufe00通市政府"},
		{"a character outside the BMP", `"2019年,南通市政府`, "\"2019年,𠀀南通市政府"},
		{"ideographic variation sequence", `"2019年,南通市政府`, "\"2019年,南\U000E0100通市政府"},
		{"pinyin with two marks", `"2019年,南通市政府`, "\"2019年,nu\u0308\u0301 南通市政府"},
		{"Hangul", `"2019年,南通市政府`, `"2019年,한국 남통 南通市政府`},
		{"escaped text", `"2019年,南通市政府`, `"2019年,\u5357通市政府`},
		{"longest body", `"body": "南通市人民政府"`, `"body": "` + strings.Repeat("南", 100) + `"`},
		{"longest paragraph", `"2019年,南通市政府`, `"` + strings.Repeat("字", 20_000-389) + `2019年,南通市政府`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse(edit(t, tt.old, tt.new)); err != nil {
				t.Error(err)
			}
		})
	}
}

// The shipped datasets are within every limit.
func TestShippedDatasetsValid(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join("..", "datasets", "*.json"))
	if len(names) == 0 {
		t.Fatal("no datasets")
	}
	for _, n := range names {
		if _, err := ReadFile(n); err != nil {
			t.Error(err)
		}
	}
	if _, err := ReadDir(filepath.Join("..", "datasets")); err != nil {
		t.Error(err)
	}
}

// Validate refuses a report built in Go, as the importer builds one,
// naming the field; WriteFile then writes nothing.
func TestValidateRefusesReportsBuiltInGo(t *testing.T) {
	tests := []struct {
		name          string
		change        func(r *data.Report)
		field, reason string
	}{
		{"negative count", func(r *data.Report) { r.Requests["new"][data.ColNaturalPerson] = data.Num(-258) }, "requests.new.natural_person", "negative"},
		{"huge count", func(r *data.Report) { r.Appeals["review"][data.AppealTotal] = data.Num(1 << 62) }, "appeals.review.total", "more than"},
		{"recovered by no rule", func(r *data.Report) {
			r.Requests["new"][data.ColBusiness] = data.Cell{Value: 1, Status: data.Recovered, Rule: 9}
		}, "requests.new.business.recovered_by", "not a cross-check"},
		{"no such status", func(r *data.Report) { r.Requests["new"][data.ColBusiness] = data.Cell{Status: 7} }, "requests.new.business", "status 7"},
		{"invalid UTF-8", func(r *data.Report) { r.Body = "南通\xff" }, "body", "not valid UTF-8"},
		{"bidi override", func(r *data.Report) { r.Sections[1].Paragraphs[2] += "\u202e" }, "sections[1].paragraphs[2]", "U+202E"},
		{"both shapes of （六）", func(r *data.Report) {
			for _, d := range data.OtherSplitRows {
				r.Requests[d.Key] = &data.RequestRow{}
			}
		}, "requests.other", "keep one shape"},
		{"row missing", func(r *data.Report) { delete(r.Requests, "granted") }, "requests.granted", "missing"},
		{"table missing", func(r *data.Report) { r.Appeals = nil }, "appeals", "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := nantong(t)
			tt.change(r)
			err := r.Validate()
			var fe *data.FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(fe.Reason, tt.reason) {
				t.Fatalf("err = %v; want field %q and a reason with %q", err, tt.field, tt.reason)
			}
			name := filepath.Join(t.TempDir(), "r.json")
			if err := WriteFile(name, r); err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), tt.field) {
				t.Errorf("WriteFile: err = %v, want one naming the file and %s", err, tt.field)
			}
			if _, err := os.Stat(name); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a refused report was written: %v", err)
			}
		})
	}
}

// A report within the text limits may still make too large a file.
func TestWriteFileRefusesLargeDatasets(t *testing.T) {
	r := nantong(t)
	for i := range r.Sections {
		for range 200 {
			r.Sections[i].Paragraphs = append(r.Sections[i].Paragraphs, strings.Repeat("字", 5000))
		}
	}
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "r.json")
	if err := WriteFile(name, r); err == nil || !strings.Contains(err.Error(), "at most 2097152") {
		t.Errorf("err = %v, want the size refused", err)
	}
	if _, err := os.Stat(name); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused report was written: %v", err)
	}
}

func TestReadDirRefusesTheSameReportTwice(t *testing.T) {
	dir := t.TempDir()
	for _, id := range []string{"a-2019", "b-2019"} {
		b := edit(t, `"id": "nantong-city-2019"`, `"id": "`+id+`"`)
		if err := os.WriteFile(filepath.Join(dir, id+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := ReadDir(dir)
	if err == nil || !strings.Contains(err.Error(), "b-2019.json: 南通市人民政府2019年 is already in") || !strings.Contains(err.Error(), "a-2019.json") {
		t.Errorf("err = %v, want b-2019.json refused as a second 南通市人民政府2019年", err)
	}
}

func TestReadDirNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	b := edit(t, `"natural_person": 4742,`, `"natural_person": -258,`)
	os.WriteFile(filepath.Join(dir, "nantong-city-2019.json"), b, 0o644)
	_, err := ReadDir(dir)
	if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "nantong-city-2019.json")+": line 381, column 22: requests.new.natural_person: ") {
		t.Errorf("err = %v", err)
	}
	var fe *data.FieldError
	if !errors.As(err, &fe) {
		t.Errorf("err = %v, not a *data.FieldError inside", err)
	}

	os.WriteFile(filepath.Join(dir, "nantong-city-2019.json"), edit(t, `"id": "nantong-city-2019"`, `"id": "nantong-2019"`), 0o644)
	if _, err := ReadDir(dir); err == nil || !strings.Contains(err.Error(), "does not match the file name") {
		t.Errorf("err = %v, want the id refused", err)
	}
}

// Parse never panics, whatever the bytes, and whatever it accepts it can
// write back.
func FuzzParse(f *testing.F) {
	f.Add(nantongJSON(f))
	f.Add([]byte(`{"year": 2019, "year": 2020}`))
	f.Add([]byte(`{"a": [1, {"b": "\u202e"}], "a": {}}`))
	f.Add([]byte(`{"requests": {"new": {"natural_person": "x"}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := Parse(b)
		if err != nil {
			return
		}
		out, err := data.Encode(r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(out); err != nil {
			t.Fatalf("a parsed report does not parse once encoded: %v", err)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	in := nantongJSON(b)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := Parse(in); err != nil {
			b.Fatal(err)
		}
	}
}

// An object after an array inside an object inside an array: closing the
// inner array once dropped the outer objects' keys, and the next key
// panicked (found by the payload site's dataset).
func TestScanArraysKeepOuterKeys(t *testing.T) {
	in := []byte(`{"a":[{"b":1,"c":[1,2],"d":{"e":[3]},"f":2}],"g":{"h":[{"i":1}],"j":1,"j":2}}`)
	if fe := scan(in, nil); fe == nil || fe.Field != "g.j" || !strings.Contains(fe.Reason, "twice") {
		t.Errorf("err = %v; want g.j given twice", fe)
	}
	var paths []string
	scan(append(in[:len(in)-len(`,"j":2}}`):len(in)-len(`,"j":2}}`)], "}}"...), func(dec *jsontext.Decoder, _ int, name bool) bool {
		if !name {
			paths = append(paths, pathOf(dec))
		}
		return false
	})
	want := "|a|a[0]|a[0].b|a[0].c|a[0].c[0]|a[0].c[1]|a[0].d|a[0].d.e|a[0].d.e[0]|a[0].f|g|g.h|g.h[0]|g.h[0].i|g.j"
	if got := strings.Join(paths, "|"); got != want {
		t.Errorf("paths %s\nwant  %s", got, want)
	}
}
