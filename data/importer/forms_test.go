package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"nianbao/data"
)

// sameReport says how two imports of one report differ, "" when they do
// not (the ID, source and sections aside where told).
func sameReport(a, b *data.Report, sections bool) string {
	pick := func(r *data.Report) []byte {
		v := []any{r.Body, r.Year, r.Format, r.Requests, r.Appeals, r.Disclosure}
		if sections {
			v = append(v, r.Sections)
		}
		j, _ := json.Marshal(v)
		return j
	}
	ja, jb := pick(a), pick(b)
	if bytes.Equal(ja, jb) {
		return ""
	}
	return "\n want " + string(ja) + "\n got  " + string(jb)
}

// printedAll is the report as its publisher printed it: a form that keeps
// every cell (a .docx, a Markdown table) has what a web copy lost.
func printedAll(r *data.Report) *data.Report {
	c := *r
	c.Requests = data.Requests{}
	for k, row := range r.Requests {
		cp := *row
		for i := range cp {
			if cp[i].Status == data.Recovered {
				cp[i] = data.Num(cp[i].Value)
			}
		}
		c.Requests[k] = &cp
	}
	return &c
}

// Each form a body publishes imports to the report its content came from.
func TestForms(t *testing.T) {
	tests := []struct {
		file, form string
		want       func(t *testing.T) *data.Report
		sections   bool
		needs      string // a program the form needs
	}{
		{"hongze-district-2024.docx", FormDocx, func(t *testing.T) *data.Report { return shippedReport(t, "hongze-district-2024") }, true, ""},
		{"hongze-district-2023.md", FormMarkdown, func(t *testing.T) *data.Report { return shippedReport(t, "hongze-district-2023") }, true, ""},
		{"pingtan-zone-2025.md", FormMarkdown, func(t *testing.T) *data.Report { return shippedReport(t, "pingtan-zone-2025") }, true, ""},
		{"huaian-city-2024.pdf", FormPDF, func(t *testing.T) *data.Report { return importReport(t, "huaian-city-2024.layout.txt").Report }, false, "pdftotext"},
		{"pingtan-zone-2024.portal.html", FormHTML, func(t *testing.T) *data.Report { return importReport(t, "pingtan-zone-2024.html").Report }, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			if tt.needs != "" {
				needProgram(t, tt.needs)
			}
			imp := importReport(t, tt.file)
			if imp.Form != tt.form {
				t.Errorf("read as %s, want %s", imp.Form, tt.form)
			}
			if diff := sameReport(printedAll(tt.want(t)), imp.Report, tt.sections); diff != "" {
				t.Errorf("differs from the report it was made from:%s", diff)
			}
			if !data.ValidID(imp.Report.ID) || imp.Report.Source != tt.file {
				t.Errorf("id %q, source %q", imp.Report.ID, imp.Report.Source)
			}
		})
	}
}

// Without pdftotext a PDF gets a message saying what to install.
func TestPDFWithoutPdftotext(t *testing.T) {
	defer func(p string) { pdftotext = p }(pdftotext)
	pdftotext = "pdftotext-not-installed"
	_, err := Import("r.pdf", "", readReport(t, "huaian-city-2024.pdf"))
	if !errors.Is(err, ErrPDFTool) || !strings.Contains(err.Error(), "poppler-utils") {
		t.Errorf("err = %v", err)
	}
}

// Files that are not a report's text get a message saying what to do.
func TestBinaryFilesSayWhatToDo(t *testing.T) {
	docx := readReport(t, "hongze-district-2024.docx")
	zipOnly := bytes.Replace(docx, []byte("word/document.xml"), []byte("word/documenX.xml"), -1)
	tests := []struct {
		name string
		in   []byte
		what string
	}{
		{"zip", zipOnly, "unpack it"},
		{"doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 600)...), "save it as .docx"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "OCR"},
		{"binary", []byte("ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00"), "import the report itself"},
		{"broken pdf", []byte("%PDF-1.4\n1 0 obj\n<< >>\nendobj\n"), "pdftotext"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Import("r.bin", "", tt.in)
			if err == nil || strings.Contains(err.Error(), "neither UTF-8") || !strings.Contains(err.Error(), tt.what) {
				t.Errorf("err = %v, want …%s…", err, tt.what)
			}
		})
	}
}

// HTML nested past the parser's limit: one "html" in the message, and the line.
func TestHTMLTooDeep(t *testing.T) {
	page := "<!DOCTYPE html>\n<html><body>\n" + strings.Repeat("<div>\n", 600) + "本年新收</body></html>"
	_, err := Import("deep.html", "", []byte(page))
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrHTML) {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "html: html:") || !strings.HasPrefix(err.Error(), "deep.html:") || e.Line < 500 || e.Line > 520 {
		t.Errorf("err = %q, line %d", err, e.Line)
	}
}

// A portal built on ASP.NET WebForms puts the whole page in one <form>; the
// article inside still imports.
func TestPortalInsideAForm(t *testing.T) {
	page := strings.NewReplacer("<body>", `<body><form id="form1" method="post" action="./detail.aspx">`, "</body>", "</form></body>").
		Replace(string(readReport(t, "pingtan-zone-2024.portal.html")))
	imp, err := Import("pingtan-zone-2024.portal.html", "", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if diff := sameReport(importReport(t, "pingtan-zone-2024.html").Report, imp.Report, true); diff != "" {
		t.Errorf("differs:%s", diff)
	}
}

// Text saved as "Unicode" by Windows Notepad (UTF-16 with a byte-order
// mark) imports; text in no encoding the importer reads names its line.
func TestTextEncodings(t *testing.T) {
	nantong := readReport(t, "nantong-city-2019.txt")
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(nantong)
	if err != nil {
		t.Fatal(err)
	}
	imp, err := Import("nantong-city-2019.txt", "", u16)
	if err != nil {
		t.Fatal(err)
	}
	if diff := sameReport(importReport(t, "nantong-city-2019.txt").Report, imp.Report, true); diff != "" {
		t.Errorf("UTF-16 differs:%s", diff)
	}
	bad := append(append([]byte("第一行\n第二行\n"), 0xff, 0xff, 0xff), "\n"...)
	_, err = Import("bad.txt", "", bad)
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrEncoding) || e.Line != 3 || !strings.HasPrefix(err.Error(), "bad.txt:3: ") {
		t.Errorf("err = %v", err)
	}
}

// needProgram fails the test when a program the importer runs is missing:
// a test that skips looks green where nothing was tested (CI installs
// them, .ci/run).
func needProgram(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is needed to test reading PDF files (apt-get install poppler-utils): %v", name, err)
	}
}

// A PDF with no text layer (a scan) says to run OCR.
func TestScannedPDF(t *testing.T) {
	needProgram(t, "pdftotext")
	_, err := Import("scan.pdf", "", makePDF("\n"))
	if !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), "OCR") {
		t.Errorf("err = %v", err)
	}
}
