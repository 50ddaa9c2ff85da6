package data

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits of a dataset. Parse, Validate and WriteFile refuse a report beyond
// them; the package documentation (Limits) says why each is what it is.
const (
	// MaxDatasetSize is the largest dataset file, in bytes.
	MaxDatasetSize = 2 << 20
	// MaxCount is the largest count in tables 二, 三 and 四 (and the largest
	// change, either way, in table 二's 本年增/减).
	MaxCount = 99_999_999
	// MaxAmountDigits and MaxAmountDecimals bound an amount of money in
	// table 二: whole digits and digits after the point.
	MaxAmountDigits   = 12
	MaxAmountDecimals = 6
	// MinYear is the earliest report year; the latest is next year.
	MinYear = 2000
	// Text lengths, in characters (not bytes).
	MaxIDLen        = 100    // id
	MaxBodyLen      = 100    // body
	MaxSourceLen    = 500    // source: a file name or an address
	MaxLabelLen     = 100    // a section title, a table 二 item or label
	MaxParagraphLen = 20_000 // one paragraph of a narrative section
	MaxParagraphs   = 1_000  // paragraphs in one section
)

// A FieldError is why a dataset was refused: the field, as a JSON path
// ("requests.new.natural_person", "sections[2].paragraphs[5]",
// "disclosure[3].values[1].value", "body"; "" for the file as a whole), the
// reason, and, when Parse read it from a file, where the field is there.
type FieldError struct {
	Field  string
	Reason string
	Line   int // 1-based, 0 when not known
	Column int // 1-based, in characters
}

func (e *FieldError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d, column %d: ", e.Line, e.Column)
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

func refuse(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// Validate checks that a report is complete, well-formed and within the
// limits: the ID, the header fields, every text (valid UTF-8, no control or
// invisible format characters, bounded length), the template version, the
// rows of tables 三 and 四 for that version with every count between 0 and
// MaxCount, and the values and units of table 二. A refusal is a
// *FieldError naming the field. It does not run the cross-checks: a report
// that breaks them is valid, and Check reports its findings.
func (r *Report) Validate() error {
	if e := r.validate(time.Now().Year()); e != nil {
		return e
	}
	return nil
}

var (
	idRE       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	dateRE     = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	quantityRE = regexp.MustCompile(`^([+-]?)([0-9]+)(?:\.([0-9]+))?$`)
)

// ValidID says whether id can name a report: lower-case letters, digits and
// single dashes between them, as in file names and URLs, at most MaxIDLen
// characters.
func ValidID(id string) bool { return len(id) <= MaxIDLen && idRE.MatchString(id) }

// validate checks the fields in the order a dataset file holds them, so the
// refusal is the first problem in the file.
func (r *Report) validate(thisYear int) *FieldError {
	if !ValidID(r.ID) {
		return refuse("id", "%q: want lower-case letters, digits and single dashes, at most %d characters", r.ID, MaxIDLen)
	}
	if strings.TrimSpace(r.Body) == "" {
		return refuse("body", "missing")
	}
	if why := checkText(r.Body, MaxBodyLen); why != "" {
		return refuse("body", "%s", why)
	}
	if strings.TrimSpace(r.Body) != r.Body {
		return refuse("body", "%q starts or ends with white space; reports are grouped by the body's name as written", r.Body)
	}
	if r.Year < MinYear || r.Year > thisYear+1 {
		return refuse("year", "%d is not a plausible report year (%d to %d)", r.Year, MinYear, thisYear+1)
	}
	if r.Published != "" {
		if !dateRE.MatchString(r.Published) {
			return refuse("published", "%q: want YYYY-MM-DD", r.Published)
		}
		d, err := time.Parse(time.DateOnly, r.Published)
		if err != nil {
			return refuse("published", "%q is not a date", r.Published)
		}
		if d.Year() <= r.Year || d.Year() > thisYear+1 {
			return refuse("published", "%s: a report on %d is published from %d to %d", r.Published, r.Year, r.Year+1, thisYear+1)
		}
	}
	if r.URL != "" {
		if why := urlProblem(r.URL); why != "" {
			return refuse("url", "%s", why)
		}
	}
	if r.Format != Format2019 && r.Format != Format2021 {
		return refuse("format", "%q: want %q or %q", r.Format, Format2019, Format2021)
	}
	if why := checkText(r.Source, MaxSourceLen); why != "" {
		return refuse("source", "%s", why)
	}
	if e := r.validateSections(); e != nil {
		return e
	}
	if e := r.validateDisclosure(); e != nil {
		return e
	}
	if e := r.validateRequests(); e != nil {
		return e
	}
	return r.validateAppeals()
}

var sectionKeys = []string{SectionOverview, SectionRequests, SectionAppeals, SectionProblems, SectionOther}

func (r *Report) validateSections() *FieldError {
	seen := map[string]bool{}
	for i, s := range r.Sections {
		at := fmt.Sprintf("sections[%d]", i)
		if !slices.Contains(sectionKeys, s.Key) {
			return refuse(at+".key", "%q: want one of %s", s.Key, strings.Join(sectionKeys, ", "))
		}
		if seen[s.Key] {
			return refuse(at+".key", "section %s appears twice", s.Key)
		}
		seen[s.Key] = true
		if why := checkText(s.Title, MaxLabelLen); why != "" {
			return refuse(at+".title", "%s", why)
		}
		if len(s.Paragraphs) > MaxParagraphs {
			return refuse(at+".paragraphs", "%d paragraphs; a section has at most %d", len(s.Paragraphs), MaxParagraphs)
		}
		for j, p := range s.Paragraphs {
			if why := checkText(p, MaxParagraphLen); why != "" {
				return refuse(fmt.Sprintf("%s.paragraphs[%d]", at, j), "%s", why)
			}
		}
	}
	return nil
}

// What a value of table 二 holds, by value key.
type quantityKind uint8

const (
	kindCount  quantityKind = iota // a whole number, 0…MaxCount, no unit
	kindChange                     // a signed whole number (本年增/减), no unit
	kindAmount                     // an amount of money: decimals allowed, a unit of money
)

var quantityKinds = map[string]quantityKind{"change": kindChange, "amount": kindAmount, "fee_amount": kindAmount}

// moneyUnits are the units an amount of table 二 may carry ("" when the
// report gives none).
var moneyUnits = []string{"", "元", "万元", "亿元"}

func (r *Report) validateDisclosure() *FieldError {
	rows := map[string]bool{}
	for i, row := range r.Disclosure {
		at := fmt.Sprintf("disclosure[%d]", i)
		if why := checkText(row.Item, MaxLabelLen); why != "" {
			return refuse(at+".item", "%s", why)
		}
		if _, ok := DisclosureKeys[row.Key]; !ok {
			return refuse(at+".key", "%q: not a row of table 二", row.Key)
		}
		if rows[row.Key] {
			return refuse(at+".key", "row %s appears twice", row.Key)
		}
		rows[row.Key] = true
		if why := checkText(row.Label, MaxLabelLen); why != "" {
			return refuse(at+".label", "%s", why)
		}
		values := map[string]bool{}
		for j, q := range row.Values {
			qat := fmt.Sprintf("%s.values[%d]", at, j)
			if _, ok := DisclosureKeys[q.Key]; !ok {
				return refuse(qat+".key", "%q: not a value of table 二", q.Key)
			}
			if values[q.Key] {
				return refuse(qat+".key", "value %s appears twice in row %s", q.Key, row.Key)
			}
			values[q.Key] = true
			if why := checkText(q.Label, MaxLabelLen); why != "" {
				return refuse(qat+".label", "%s", why)
			}
			if e := checkQuantity(qat, q); e != nil {
				return e
			}
		}
		if e := checkRun(at, row); e != nil {
			return e
		}
	}
	return nil
}

// checkQuantity checks a value of table 二 against what its key holds.
func checkQuantity(at string, q Quantity) *FieldError {
	if e := checkStatus(at, q); e != nil {
		return e
	}
	kind := quantityKinds[q.Key]
	if kind == kindAmount {
		if !slices.Contains(moneyUnits, q.Unit) {
			return refuse(at+".unit", "%q: want 元, 万元, 亿元 or none", q.Unit)
		}
	} else if q.Unit != "" {
		return refuse(at+".unit", "%q: %s is a count and takes no unit", q.Unit, q.Key)
	}
	if q.Value == "" {
		return nil
	}
	m := quantityRE.FindStringSubmatch(q.Value)
	if m == nil {
		return refuse(at+".value", "%q is not a number written in digits (\"12\", \"-47\", \"950125.6165\")", q.Value)
	}
	sign, whole, frac := m[1], strings.TrimLeft(m[2], "0"), m[3]
	switch kind {
	case kindAmount:
		if sign != "" {
			return refuse(at+".value", "%q: an amount has no sign", q.Value)
		}
		if len(whole) > MaxAmountDigits {
			return refuse(at+".value", "%q: an amount has at most %d digits before the point", q.Value, MaxAmountDigits)
		}
		if len(frac) > MaxAmountDecimals {
			return refuse(at+".value", "%q: an amount has at most %d digits after the point", q.Value, MaxAmountDecimals)
		}
		return nil
	case kindCount:
		if sign != "" {
			return refuse(at+".value", "%q: a count has no sign; only change (本年增/减) is signed", q.Value)
		}
	}
	if frac != "" {
		return refuse(at+".value", "%q: %s is a whole number", q.Value, q.Key)
	}
	if n, err := strconv.ParseInt(whole, 10, 64); len(whole) > 9 || err == nil && n > MaxCount {
		if kind == kindChange {
			return refuse(at+".value", "%q: a change is at most %d either way", q.Value, MaxCount)
		}
		return refuse(at+".value", "%q is more than %d, the most a count can be", q.Value, MaxCount)
	}
	return nil
}

func (r *Report) validateRequests() *FieldError {
	if r.Requests == nil {
		return refuse("requests", "missing (table 三)")
	}
	rows := r.Requests.Rows()
	for _, row := range rows {
		cells, ok := r.Requests[row.Key]
		if cells == nil {
			return refuse("requests."+row.Key, "%s (%s)", missingOrNull(ok), row.Label)
		}
		for c, col := range RequestColumns {
			if sub, why := checkCell(cells[c]); why != "" {
				return refuse("requests."+row.Key+"."+col.Key+sub, "%s", why)
			}
		}
	}
	for _, k := range sortedKeys(r.Requests) {
		if slices.ContainsFunc(rows, func(d RowDef) bool { return d.Key == k }) {
			continue
		}
		if k == "other" && r.Requests.OtherSplit() {
			return refuse("requests.other", "given beside other.no_correction…other.other; keep one shape of （六）其他处理")
		}
		return refuse("requests."+k, "not a row of table 三")
	}
	return nil
}

func (r *Report) validateAppeals() *FieldError {
	if r.Appeals == nil {
		return refuse("appeals", "missing (table 四)")
	}
	for _, row := range AppealRows {
		cells, ok := r.Appeals[row.Key]
		if cells == nil {
			return refuse("appeals."+row.Key, "%s (%s)", missingOrNull(ok), row.Label)
		}
		for c, col := range AppealColumns {
			if sub, why := checkCell(cells[c]); why != "" {
				return refuse("appeals."+row.Key+"."+col.Key+sub, "%s", why)
			}
		}
	}
	for _, k := range sortedKeys(r.Appeals) {
		if !slices.ContainsFunc(AppealRows[:], func(d RowDef) bool { return d.Key == k }) {
			return refuse("appeals."+k, "not a row of table 四")
		}
	}
	return nil
}

// checkCell checks a count of table 三 or 四: why not, and in which part of
// the cell ("" or ".recovered_by").
func checkCell(c Cell) (sub, why string) {
	switch c.Status {
	case Blank:
		return "", ""
	case Printed:
	case Recovered:
		if c.Rule < RuleCorner || c.Rule > RuleAppeals {
			return ".recovered_by", fmt.Sprintf("%d is not a cross-check (1–4)", c.Rule)
		}
	default:
		return "", fmt.Sprintf("status %d is not printed, blank or recovered", c.Status)
	}
	if c.Value < 0 {
		return "", fmt.Sprintf("%d is negative; a count is 0 or more", c.Value)
	}
	if c.Value > MaxCount {
		return "", fmt.Sprintf("%d is more than %d, the most a count can be", c.Value, MaxCount)
	}
	return "", ""
}

func missingOrNull(present bool) string {
	if present {
		return "null; a row is an object of cells, a blank cell null"
	}
	return "missing"
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// checkText checks a text field: valid UTF-8, at most max characters, and
// none of the characters charProblem refuses; it says why not, naming the
// character by its place, or "". One pass over the text, and no path made
// until there is a refusal: the build checks every text of every dataset.
func checkText(s string, max int) (why string) {
	n := 0
	for i := 0; i < len(s); n++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		// U+3000…U+9FFF (CJK punctuation, kana, ideographs): lead byte
		// E3…E9 and two continuation bytes, none of them refused.
		if c >= 0xe3 && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if why := charProblem(r); why != "" {
			if !utf8.ValidString(s) {
				return "not valid UTF-8"
			}
			return fmt.Sprintf("character %d is %U, %s", n+1, r, why)
		}
		n++
	}
	if n > max {
		return fmt.Sprintf("%d characters; at most %d", n, max)
	}
	return ""
}

// charProblem says why a dataset's text may not hold r, or "". Refused:
// control characters (C0, DEL, C1, and so also NUL, tab and line breaks: a
// paragraph is one string), line and paragraph separators, format
// characters (Unicode Cf: bidi overrides, embeddings, isolates and marks,
// zero-width spaces and joiners, the byte order mark, the soft hyphen) and
// U+FFFD, the mark of a character lost in an earlier conversion.
func charProblem(r rune) string {
	switch {
	case r < 0x80 && r >= 0x20 && r != 0x7f:
		return "" // the common cases: printable ASCII,
	case r >= 0x3000 && r < 0xfe00:
		return "" // and CJK punctuation, kana, ideographs, Hangul (no Cc, Cf, Zl, Zp there)
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return "a bidirectional control, which can reorder the text shown around it"
	case unicode.Is(unicode.Cc, r):
		return "a control character; a text is one line, or one paragraph"
	case unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r):
		return "a line or paragraph separator; a text is one line, or one paragraph"
	case unicode.Is(unicode.Cf, r):
		return "an invisible format character (such as a zero-width space or joiner), which can hide text or make two names that look the same differ"
	case r == utf8.RuneError:
		return "the replacement character (�), which stands for a character lost in an earlier conversion; take the text from a better copy"
	}
	return ""
}

// The JSON of a dataset, below encoding/json: duplicate keys (encoding/json
// keeps the last one silently, and matches struct fields ignoring case), and
// where a field is in the file.

// frame is an object or array being walked: the key or index of the value
// being read in it, and an object's keys so far.
type frame struct {
	obj      bool
	key      []byte // as written, without the quotes
	index    int
	keysFrom int                 // where the object's keys start in the walk's list of keys
	seen     map[string]struct{} // the keys, once there are many
}

// manyKeys is where an object's keys go into a map: below it a scan is
// faster; above it, a scan would make a large object quadratic.
const manyKeys = 32

// pathOf is the JSON path of the value being read: "sections[2].title".
func pathOf(st []frame) string {
	var b strings.Builder
	for i, f := range st {
		if !f.obj {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(f.index))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.Write(f.key)
	}
	return b.String()
}

// walkJSON walks the first JSON value of b, calling onKey at every object
// key (saying whether the object has the key already) and onValue at the
// start of every value, with the frames of the objects and arrays around
// it. It stops at
// the first error a callback returns, and at the end of the value. It
// expects well-formed JSON but never panics or loops on other input.
func walkJSON(b []byte, onKey func(st []frame, off int, key []byte, dup bool) error, onValue func(st []frame, off int) error) error {
	st := make([]frame, 0, 8)
	keys := make([][]byte, 0, 64) // the keys of the objects in st, outermost first
	expectKey := false
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ':':
			i++
		case c == ',':
			if len(st) == 0 {
				return nil
			}
			if top := &st[len(st)-1]; top.obj {
				expectKey = true
			} else {
				top.index++
			}
			i++
		case c == '}' || c == ']':
			if len(st) <= 1 {
				return nil
			}
			keys = keys[:st[len(st)-1].keysFrom]
			st = st[:len(st)-1]
			expectKey = false
			i++
		case expectKey:
			end := stringEnd(b, i)
			if c != '"' || end < 0 {
				return nil
			}
			key := b[i+1 : end-1]
			top := &st[len(st)-1]
			if onKey != nil {
				var dup bool
				if top.seen != nil {
					_, dup = top.seen[string(key)]
				} else {
					dup = slices.ContainsFunc(keys[top.keysFrom:], func(k []byte) bool { return bytes.Equal(k, key) })
				}
				if err := onKey(st, i, key, dup); err != nil {
					return err
				}
				if top.seen != nil {
					top.seen[string(key)] = struct{}{}
				} else if len(keys)-top.keysFrom >= manyKeys {
					top.seen = make(map[string]struct{}, 2*manyKeys)
					for _, k := range keys[top.keysFrom:] {
						top.seen[string(k)] = struct{}{}
					}
					top.seen[string(key)] = struct{}{}
				}
			}
			top.key = key
			keys = append(keys, key)
			expectKey = false
			i = end
		default:
			if onValue != nil {
				if err := onValue(st, i); err != nil {
					return err
				}
			}
			switch c {
			case '{':
				st = append(st, frame{obj: true, keysFrom: len(keys)})
				expectKey = true
				i++
			case '[':
				// An array's closing must give back exactly the keys
				// before it, like an object's.
				st = append(st, frame{keysFrom: len(keys)})
				i++
			case '"':
				if i = stringEnd(b, i); i < 0 {
					return nil
				}
			default:
				for i++; i < len(b) && !strings.ContainsRune(" \t\r\n,:]}", rune(b[i])); i++ {
				}
			}
			if len(st) == 0 {
				return nil
			}
		}
	}
	return nil
}

// stringEnd returns the offset after the JSON string starting at b[i], or
// -1 when it does not end.
func stringEnd(b []byte, i int) int {
	for j := i + 1; j < len(b); {
		q := bytes.IndexByte(b[j:], '"')
		if q < 0 {
			return -1
		}
		j += q
		bs := 0 // backslashes before the quote: an odd number escapes it
		for k := j - 1; k > i && b[k] == '\\'; k-- {
			bs++
		}
		if bs%2 == 0 {
			return j + 1
		}
		j++
	}
	return -1
}

// errStop ends a walk that found what it looked for.
var errStop = &FieldError{Reason: "stop"}

// keyPath is the path of key in the object at the top of st.
func keyPath(st []frame, key string) string {
	if len(st) <= 1 {
		return key
	}
	return pathOf(st[:len(st)-1]) + "." + key
}

// checkKeys refuses an object key written other than plainly (lower-case
// ASCII letters, digits, "_" and ".", no escapes: every key of the format
// is, and encoding/json would take "Year" or "ſource" for year and source)
// and a key given twice in one object.
func checkKeys(b []byte) error {
	return walkJSON(b, func(st []frame, off int, key []byte, dup bool) error {
		for _, c := range key {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.') {
				return at(b, off, refuse(keyPath(st, string(key)), "key %q: keys are written in lower-case letters, digits, \"_\" and \".\", without escapes", key))
			}
		}
		if len(key) == 0 {
			return at(b, off, refuse(keyPath(st, ""), "an empty key"))
		}
		if dup {
			return at(b, off, refuse(keyPath(st, string(key)), "given twice in the same object; only one can count"))
		}
		return nil
	}, nil)
}

// pathAt is the path of the last value starting before off.
func pathAt(b []byte, off int) string {
	var path string
	walkJSON(b, nil, func(st []frame, o int) error {
		if o >= off {
			return errStop
		}
		path = pathOf(st)
		return nil
	})
	return path
}

// findKey finds the first object key named name: its path and offset, or
// -1.
func findKey(b []byte, name string) (string, int) {
	path, off := "", -1
	walkJSON(b, func(st []frame, o int, key []byte, _ bool) error {
		if string(key) == name {
			path, off = keyPath(st, name), o
			return errStop
		}
		return nil
	}, nil)
	return path, off
}

// locate sets where e's field is in b, or the nearest field around it that
// is there (a missing row: the table).
func locate(b []byte, e *FieldError) *FieldError {
	for field := e.Field; field != ""; {
		off := -1
		walkJSON(b, nil, func(st []frame, o int) error {
			if pathOf(st) == field {
				off = o
				return errStop
			}
			return nil
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
