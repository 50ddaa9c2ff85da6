package importer

import (
	"errors"
	"fmt"
	"strconv"

	"nianbao/data"
)

// Error is a report the importer refuses, in the manner of the standard
// library's parsers (encoding/csv.ParseError, go/scanner.Error): the file,
// the line of the text the importer read where it is known (for a PDF or a
// .docx, the line of the text extracted from it), the table, and the cause.
// The cause wraps one of the Err… sentinels where one applies, so that
// errors.Is(err, ErrAmbiguous) and the like work.
type Error struct {
	File  string     // the file as named; "" when not known
	Line  int        // 1-based line, 0 when not known
	Table data.Table // TableDisclosure, TableRequests or TableAppeals; "" for the report as a whole
	Err   error      // the cause
}

func (e *Error) Error() string {
	s := e.File
	if e.Line > 0 {
		if s == "" {
			s = "line " + strconv.Itoa(e.Line)
		} else {
			s += ":" + strconv.Itoa(e.Line)
		}
	}
	if e.Table != "" {
		if s != "" {
			s += ": "
		}
		s += "table " + string(e.Table)
	}
	if s == "" {
		return e.Err.Error()
	}
	return s + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// The causes the importer names. Messages built on them add the details.
var (
	ErrEmpty     = errors.New("the file is empty")
	ErrEncoding  = errors.New("the text is neither UTF-8 nor GB18030/GBK")
	ErrBinary    = errors.New("not a report as text, HTML, Markdown, PDF or Word .docx")
	ErrPDFTool   = errors.New("reading a PDF needs pdftotext: install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler), or convert the PDF to text with `pdftotext -layout FILE.pdf` and import the text")
	ErrNoText    = errors.New("the file holds no text")
	ErrHTML      = errors.New("the page cannot be read as HTML")
	ErrNotReport = errors.New("not a report in the national format")
	ErrNoTitle   = errors.New("no title naming the body and the year")
	ErrFormat    = errors.New("the template version cannot be told")
	ErrCells     = errors.New("the numbers do not fill the table")
	ErrNoFit     = errors.New("no filling keeps the cross-checks")
	ErrAmbiguous = errors.New("several fillings keep the cross-checks")
	ErrNotCount  = errors.New("not a count")
	ErrID        = errors.New("no usable report ID")
	ErrDuplicate = errors.New("the same report twice")
	ErrInvalid   = errors.New("the report is incomplete")
	ErrTooLarge  = errors.New("larger than a report can be")
	ErrNotFile   = errors.New("not a file")
)

// refuse makes an *Error whose cause wraps the sentinel with details:
// refuse(0, data.TableRequests, ErrCells, "%d rows …", n) reads "table 三: the numbers do
// not fill the table: 22 rows …". The file is added by Import.
func refuse(line int, table data.Table, sentinel error, format string, args ...any) *Error {
	err := sentinel
	if format != "" {
		err = fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))
	}
	return &Error{Line: line, Table: table, Err: err}
}
