package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits of a dataset. Validate, dataset.Parse and dataset.WriteFile refuse a report beyond
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
// reason, and, when dataset.Parse read it from a file, where the field is
// there.
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

// ValidID says whether id can name a report: lower-case letters, digits and
// single dashes between them, as in file names and URLs, at most MaxIDLen
// characters. (Checked by hand, as the date and quantities below: package
// data is in the browser's app, where regular expressions compiled at its
// start cost a phone's first interaction.)
func ValidID(id string) bool {
	if id == "" || len(id) > MaxIDLen || id[0] == '-' || id[len(id)-1] == '-' || strings.Contains(id, "--") {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= 'a' && c <= 'z' || isDigit(c) || c == '-') {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Digits says whether s is one or more ASCII digits.
func Digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// isDate says whether s is written YYYY-MM-DD in digits.
func isDate(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-' && Digits(s[:4]) && Digits(s[5:7]) && Digits(s[8:])
}

// SplitNumber splits a number written in digits ("12", "-47",
// "950125.6165") into its sign, its digits before the point and those after
// it; ok is false for anything else.
func SplitNumber(s string) (sign, whole, frac string, ok bool) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign, s = s[:1], s[1:]
	}
	whole, frac, hasPoint := strings.Cut(s, ".")
	if !Digits(whole) || hasPoint && !Digits(frac) {
		return "", "", "", false
	}
	return sign, whole, frac, true
}

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
		if !isDate(r.Published) {
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
	sign, whole, frac, ok := SplitNumber(q.Value)
	if !ok {
		return refuse(at+".value", "%q is not a number written in digits (\"12\", \"-47\", \"950125.6165\")", q.Value)
	}
	whole = strings.TrimLeft(whole, "0")
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
// character by its place, or "". Two refusals need the character before: a
// variation selector other than on a CJK ideograph (where ideographic
// variation sequences choose a glyph), and more than maxMarks combining
// marks on one character (stacked marks spill over the text around them
// and hide what is written), or one with no character to sit on. One pass
// over the text, and no path made until there is a refusal: the build
// checks every text of every dataset.
func checkText(s string, max int) (why string) {
	n := 0        // characters before s[i]
	marks := 0    // combining marks since the last character they sit on
	han := false  // whether that character is a CJK ideograph
	base := false // whether there is such a character
	for i := 0; i < len(s); n++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			marks, han, base = 0, false, true
			continue
		}
		// U+4000…U+9FFF (CJK ideographs, and the 64 hexagram symbols):
		// lead byte E4…E9 and two continuation bytes, none of them refused.
		if c >= 0xe4 && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			i += 3
			marks, han, base = 0, true, true
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		why := charProblem(r)
		switch {
		case why != "":
		case unicode.Is(unicode.Variation_Selector, r):
			if !han || r == 0xfe0e || r == 0xfe0f {
				why = "a variation selector that is not on a CJK ideograph, which shows nothing and can make two names that look the same differ"
			}
			han = false // one selector a character
		case unicode.In(r, unicode.Mn, unicode.Me):
			marks++
			switch {
			case !base:
				why = "a combining mark with no character before it to sit on"
			case marks > maxMarks:
				why = fmt.Sprintf("combining mark %d in a row on one character; marks stacked that high run over the text around them and can hide it", marks)
			}
			han = false
		default:
			marks, han, base = 0, unicode.Is(unicode.Han, r), true
		}
		if why != "" {
			if !utf8.ValidString(s) {
				return "not valid UTF-8"
			}
			return fmt.Sprintf("character %d is %U, %s", n+1, r, why)
		}
	}
	if n > max {
		return fmt.Sprintf("%d characters; at most %d", n, max)
	}
	return ""
}

// maxMarks is the most combining marks one character may carry: two, as
// pinyin's ǘ written decomposed (u, diaeresis, acute) does.
const maxMarks = 2

// charProblem says why a dataset's text may not hold r, or "". Refused:
// control characters (C0, DEL, C1, and so also NUL, tab and line breaks: a
// paragraph is one string), line and paragraph separators, format
// characters (Unicode Cf: bidi overrides, embeddings, isolates and marks,
// zero-width spaces and joiners, the byte order mark, the soft hyphen),
// the other characters Unicode says to show as nothing (Default_Ignorable:
// the combining grapheme joiner U+034F, the Hangul fillers U+115F, U+1160,
// U+3164 and U+FFA0…) and the Braille blank U+2800, which all look like
// nothing or like a space; private-use characters, whose look is the
// font's; noncharacters (U+FFFF, U+FDD0…); and U+FFFD, the mark of a
// character lost in an earlier conversion. Variation selectors and
// combining marks depend on the character before: see checkText.
func charProblem(r rune) string {
	switch {
	case r < 0x80 && r >= 0x20 && r != 0x7f:
		return "" // the common cases: printable ASCII,
	case r >= 0x3000 && r < 0xd800 && r != 0x3164, r >= 0xf900 && r < 0xfdd0:
		return "" // and CJK punctuation, kana, ideographs, Hangul, compatibility ideographs (no Cc, Cf, Co, Zl, Zp, filler or noncharacter there)
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return "a bidirectional control, which can reorder the text shown around it"
	case unicode.Is(unicode.Cc, r):
		return "a control character; a text is one line, or one paragraph"
	case unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r):
		return "a line or paragraph separator; a text is one line, or one paragraph"
	case unicode.Is(unicode.Cf, r):
		return "an invisible format character (such as a zero-width space or joiner), which can hide text or make two names that look the same differ"
	case unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r), r == 0x2800:
		return "an invisible filler (such as a Hangul filler or the Braille blank), which shows nothing and can make two names that look the same differ"
	case unicode.Is(unicode.Co, r):
		return "a private-use character, which stands for nothing in Unicode and shows whatever a font puts there; take the text from a better copy"
	case unicode.Is(unicode.Noncharacter_Code_Point, r):
		return "a noncharacter, which Unicode never assigns to text"
	case r == utf8.RuneError:
		return "the replacement character (�), which stands for a character lost in an earlier conversion; take the text from a better copy"
	}
	return ""
}
