package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// maxDocumentXML bounds the size of a .docx's word/document.xml once
// unpacked (a report's is well under a megabyte).
const maxDocumentXML = 64 << 20

// docxToText reads a Word .docx (a zip holding word/document.xml): each
// paragraph on its own lines, each table row (w:tr) on one line as an HTML
// row becomes one (cells two spaces apart, an empty cell after the first
// filled one written "—", the cells a vertical merge continues left out as
// a rowspan leaves them out), the document's title property first.
func docxToText(b []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", refuse(0, "", ErrBinary, "it starts as a zip archive but cannot be read as one (%v)", err)
	}
	var doc, core *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc = f
		case "docProps/core.xml":
			core = f
		}
	}
	if doc == nil {
		return "", refuse(0, "", ErrBinary, "a zip archive, not a Word .docx: unpack it and import the report inside")
	}
	var out strings.Builder
	if core != nil {
		if t, err := readZipped(core); err == nil {
			var p struct {
				Title string `xml:"title"`
			}
			if xml.Unmarshal(t, &p) == nil && strings.TrimSpace(p.Title) != "" {
				out.WriteString(strings.TrimSpace(p.Title) + "\n\n")
			}
		}
	}
	x, err := readZipped(doc)
	if err != nil {
		return "", refuse(0, "", ErrBinary, "the .docx's word/document.xml cannot be unpacked (%v)", err)
	}
	if err := wordText(&out, x); err != nil {
		return "", refuse(0, "", ErrBinary, "the .docx's word/document.xml is not well-formed XML (%v)", err)
	}
	return out.String(), nil
}

func readZipped(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxDocumentXML+1))
	if err == nil && len(b) > maxDocumentXML {
		err = io.ErrShortBuffer
	}
	return b, err
}

// wordText writes the text of WordprocessingML: w:p paragraphs, w:tbl
// tables of w:tr rows of w:tc cells, w:t text, w:tab and w:br.
func wordText(out *strings.Builder, x []byte) error {
	d := xml.NewDecoder(bytes.NewReader(x))
	var (
		tblDepth int             // nesting of w:tbl
		row      []string        // the cells of the current row (outermost table)
		cell     strings.Builder // the current cell's text
		para     strings.Builder // the current paragraph outside tables
		inText   bool            // inside w:t
		skipCell bool            // the cell continues a vertical merge
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				tblDepth++
			case "tr":
				if tblDepth == 1 {
					row = row[:0]
				}
			case "tc":
				if tblDepth == 1 {
					cell.Reset()
					skipCell = false
				}
			case "vMerge":
				if tblDepth == 1 {
					skipCell = true
					for _, a := range t.Attr {
						if a.Name.Local == "val" && a.Value == "restart" {
							skipCell = false
						}
					}
				}
			case "t":
				inText = true
			case "tab", "br", "cr":
				if tblDepth > 0 {
					cell.WriteByte(' ')
				} else if t.Name.Local == "tab" {
					para.WriteString("    ")
				} else {
					para.WriteByte('\n')
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if tblDepth > 0 {
					cell.WriteByte(' ')
				} else {
					out.WriteString(para.String())
					out.WriteString("\n\n")
					para.Reset()
				}
			case "tc":
				if tblDepth == 1 && !skipCell {
					row = append(row, strings.Join(strings.Fields(cell.String()), ""))
				}
			case "tr":
				if tblDepth == 1 {
					var cells []string
					seen := false
					for _, c := range row {
						if c == "" {
							if seen {
								cells = append(cells, "—")
							}
							continue
						}
						seen = true
						cells = append(cells, c)
					}
					out.WriteString(strings.Join(cells, "  "))
					out.WriteByte('\n')
				}
			case "tbl":
				tblDepth--
				if tblDepth == 0 {
					out.WriteByte('\n')
				}
			}
		case xml.CharData:
			if inText {
				if tblDepth > 0 {
					cell.Write(t)
				} else {
					para.Write(t)
				}
			}
		}
	}
}
