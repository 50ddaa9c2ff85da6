package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/unicode"

	"nianbao/data/internal/regular"
	"nianbao/internal/proc"
)

// The forms a report comes in, as Imported.Form names them.
const (
	FormText     = "text"
	FormHTML     = "HTML"
	FormMarkdown = "Markdown"
	FormPDF      = "PDF"
	FormDocx     = "Word .docx"
)

// The most the importer reads, refused at once beyond, before any parsing:
// a report is a few hundred kilobytes as a web page or text and a few
// megabytes as a PDF or .docx with its seals and fonts; a file beyond these
// limits is not a report, or holds much more than one, and reading it
// whole would take minutes and gigabytes for nothing.
const (
	// MaxFileSize bounds a report's file, in any form.
	MaxFileSize = 16 << 20
	// MaxTextSize bounds a web page, text or Markdown file, and the text
	// pdftotext or a .docx gives: what the parsers read.
	MaxTextSize = 4 << 20
)

// readInput reads a report's file: a regular file (or a link to one) of
// at most MaxFileSize bytes. A named pipe, a device (a link to /dev/zero),
// a folder or a larger file is refused before it is read.
func readInput(name string) ([]byte, error) {
	b, err := regular.Read(name, MaxFileSize)
	var nr *regular.NotRegularError
	var tl *regular.TooLargeError
	switch {
	case errors.As(err, &nr):
		return nil, &Error{File: name, Err: fmt.Errorf("%w: %v; the importer reads a report's file", ErrNotFile, nr)}
	case errors.As(err, &tl) && tl.Size >= 0:
		return nil, &Error{File: name, Err: fmt.Errorf("%w: %d bytes; a report file is at most %d (%d MiB)", ErrTooLarge, tl.Size, MaxFileSize, MaxFileSize>>20)}
	case errors.As(err, &tl):
		return nil, &Error{File: name, Err: fmt.Errorf("%w: it grew past %d bytes (%d MiB), the most a report file is, while it was read", ErrTooLarge, MaxFileSize, MaxFileSize>>20)}
	}
	return b, err
}

// toText turns a file into the text the importer reads, telling its form by
// its content, never by its name: PDF, Word .docx, HTML, or text (UTF-8,
// UTF-16 with a byte-order mark, GB18030/GBK), Markdown pipe tables made
// into rows. Other files get an error saying what to do with them.
func toText(b []byte) (string, string, error) {
	if len(b) > MaxFileSize {
		return "", "", refuse(0, "", ErrTooLarge, "%d bytes; a report file is at most %d (%d MiB)", len(b), MaxFileSize, MaxFileSize>>20)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", "", refuse(0, "", ErrEmpty, "")
	}
	head := b[:min(len(b), 1024)]
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		s, err := pdfToText(b)
		return s, FormPDF, err
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		s, err := docxToText(b)
		if err == nil && len(s) > MaxTextSize {
			return "", "", refuse(0, "", ErrTooLarge, "the .docx holds %d bytes of text; a report has at most %d (%d MiB)", len(s), MaxTextSize, MaxTextSize>>20)
		}
		return s, FormDocx, err
	case bytes.HasPrefix(b, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return "", "", refuse(0, "", ErrBinary, "a Word 97–2003 .doc (or another Office 97 file): open it in Word, WPS or LibreOffice and save it as .docx or PDF, then import that")
	case bytes.HasPrefix(b, []byte("{\\rtf")):
		return "", "", refuse(0, "", ErrBinary, "an RTF file: save it as .docx or PDF, then import that")
	case bytes.HasPrefix(b, []byte("\x89PNG")), bytes.HasPrefix(b, []byte("\xff\xd8\xff")), bytes.HasPrefix(b, []byte("GIF8")),
		bytes.HasPrefix(b, []byte("II*\x00")), bytes.HasPrefix(b, []byte("MM\x00*")):
		return "", "", refuse(0, "", ErrBinary, "an image: run OCR on it (tools that write Markdown tables suit) and import the text")
	case bytes.HasPrefix(b, []byte("\xff\xfe")), bytes.HasPrefix(b, []byte("\xfe\xff")):
		u, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(b)
		if err != nil || !utf8.Valid(u) {
			return "", "", refuse(0, "", ErrEncoding, "it starts as UTF-16 but does not decode")
		}
		b = u
	}
	if len(b) > MaxTextSize {
		return "", "", refuse(0, "", ErrTooLarge, "%d bytes of a web page, text or Markdown; a report in these forms is at most %d (%d MiB)", len(b), MaxTextSize, MaxTextSize>>20)
	}
	if looksLikeHTML(b) {
		s, err := htmlToText(b)
		return s, FormHTML, err
	}
	if i := bytes.IndexByte(b[:min(len(b), 8192)], 0); i >= 0 {
		return "", "", refuse(0, "", ErrBinary, "a binary file (a zero byte at offset %d): import the report itself as text, HTML, Markdown, PDF or .docx", i)
	}
	s, err := decodeText(b)
	if err != nil {
		return "", "", err
	}
	s, together := crawlerText(s)
	if together {
		return s, FormCrawler, nil
	}
	if h := htmlTables(s); h != s {
		md, _ := markdownToText(h, true)
		return md, FormMarkdown, nil
	}
	if md, ok := markdownToText(s, false); ok {
		return md, FormMarkdown, nil
	}
	return s, FormText, nil
}

var (
	htmlRE     = regexp.MustCompile(`(?i)<(!doctype html|html|table|body)[\s>]`)
	pageRE     = regexp.MustCompile(`(?i)<(!doctype html|html|body)[\s>]`)
	mdLineRE   = regexp.MustCompile(`(?m)^(#{1,6} |\|)`)
	htmlTabRE  = regexp.MustCompile(`(?is)<table[\s>].*?</table\s*>`)
	tableTagRE = regexp.MustCompile(`(?i)<table[\s>]`)
)

// looksLikeHTML says whether a file is an HTML page: it says so, or it
// starts with a table and has no Markdown headings or pipe tables (Markdown
// from PDF-to-Markdown tools may hold HTML tables: see htmlTables).
func looksLikeHTML(b []byte) bool {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	if !htmlRE.Match(head) {
		return false
	}
	return pageRE.Match(head) || !mdLineRE.Match(head)
}

// htmlTables turns the HTML tables in Markdown text (as PDF-to-Markdown
// tools write merged cells) into rows as htmlToText makes them.
func htmlTables(s string) string {
	if !strings.Contains(s, "<") || !tableTagRE.MatchString(s) {
		return s
	}
	return htmlTabRE.ReplaceAllStringFunc(s, func(t string) string {
		doc, err := html.Parse(strings.NewReader(t))
		if err != nil {
			return t
		}
		var out strings.Builder
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && n.DataAtom == atom.Tr {
				out.WriteString("\n" + rowText(n))
				return
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		return out.String() + "\n"
	})
}

// pdftotext is the program that extracts a PDF's text; a variable so that
// a test can name one that is missing.
var pdftotext = "pdftotext"

// pdfTimeout bounds a run of pdftotext; pdfWaitDelay bounds the wait for
// its output once it has ended or been killed, should a process it started
// still hold the output open. Variables so that a test can shorten them.
var (
	pdfTimeout   = 2 * time.Minute
	pdfWaitDelay = 5 * time.Second
)

// pdfToText extracts a PDF's text with poppler's pdftotext in -layout mode,
// which keeps table cells by position. It reads at most MaxTextSize bytes
// of text: beyond, pdftotext is killed and the PDF refused. pdftotext runs
// in a process group of its own, killed whole at the timeout, so that
// nothing it starts outlives it.
func pdfToText(b []byte) (string, error) {
	path, err := exec.LookPath(pdftotext)
	if err != nil {
		return "", refuse(0, "", ErrPDFTool, "")
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-layout", "-enc", "UTF-8", "-", "-")
	proc.Group(cmd)
	cmd.WaitDelay = pdfWaitDelay
	cmd.Stdin = bytes.NewReader(b)
	out := &limitWriter{max: MaxTextSize, stop: cancel}
	stderr := &limitWriter{max: 4 << 10}
	cmd.Stdout, cmd.Stderr = out, stderr
	err = cmd.Run()
	proc.KillGroup(cmd) // what it started and left running
	switch {
	case out.over:
		return "", refuse(0, "", ErrTooLarge, "pdftotext gave more than %d bytes (%d MiB) of text, the most a report has: it was stopped there", MaxTextSize, MaxTextSize>>20)
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return "", refuse(0, "", ErrBinary, "pdftotext did not finish in %v: is the PDF damaged?", pdfTimeout)
	case errors.Is(err, exec.ErrWaitDelay):
		return "", refuse(0, "", ErrBinary, "pdftotext ended but left a process holding its output open: is it poppler's pdftotext?")
	case err != nil:
		msg := strings.TrimSpace(stderr.buf.String())
		if msg == "" {
			msg = err.Error()
		}
		if i := strings.IndexByte(msg, '\n'); i > 0 {
			msg = msg[:i]
		}
		return "", refuse(0, "", ErrBinary, "pdftotext cannot read this PDF (%s): is it damaged or encrypted?", msg)
	}
	s := out.buf.String()
	if strings.TrimSpace(strings.ReplaceAll(s, "\f", "")) == "" {
		return "", refuse(0, "", ErrNoText, "the PDF has no text layer (a scan?): run OCR on it (e.g. ocrmypdf, or a tool that writes Markdown tables) and import the result")
	}
	if !utf8.ValidString(s) {
		return "", refuse(0, "", ErrEncoding, "pdftotext gave text that is not UTF-8")
	}
	return strings.ReplaceAll(s, "\f", "\n"), nil
}

// limitWriter keeps what is written to it up to max bytes. Past that it
// notes it and, with stop, calls stop and fails the write (the output is
// refused whole); without, it drops the rest (stderr: its start is enough).
type limitWriter struct {
	buf  bytes.Buffer
	max  int
	over bool
	stop func()
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if room := w.max - w.buf.Len(); len(p) > room {
		w.over = true
		if w.stop != nil {
			w.stop()
			return 0, errTooMuchText
		}
		w.buf.Write(p[:room])
		return len(p), nil
	}
	return w.buf.Write(p)
}

var errTooMuchText = errors.New("more text than a report has")

var (
	mdSepRE     = regexp.MustCompile(`^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$`)
	mdHeadingRE = regexp.MustCompile(`^#{1,6}\s+`)
	mdBreakRE   = regexp.MustCompile(`(?i)<br\s*/?>`)
)

// markdownToText makes the rows of Markdown pipe tables into the rows the
// importer reads, as an HTML row becomes one (the label, then the cells two
// spaces apart, an empty cell written "—"), and drops heading marks and
// emphasis. A merged cell is an empty one in Markdown: in the label columns
// (those left of the first column that holds a number) an empty cell is left
// out, as a rowspan leaves it out; in the others it is blank. It reports
// false for text with no pipe table.
func markdownToText(s string, force bool) (string, bool) {
	if !force && (!strings.Contains(s, "|") || !(strings.HasPrefix(s, "|") || strings.Contains(s, "\n|") || strings.Contains(s, "\n |"))) {
		return "", false
	}
	lines := strings.Split(s, "\n")
	found := force
	for _, l := range lines {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "|") && mdSepRE.MatchString(t) {
			found = true
			break
		}
	}
	if !found {
		return "", false
	}
	var out strings.Builder
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(t, "|") {
			out.WriteString(mdInline(mdHeadingRE.ReplaceAllString(t, "")))
			out.WriteByte('\n')
			continue
		}
		// A table: its rows of cells, and where its numbers start.
		var rows [][]string
		firstData := -1
		for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
			t := strings.TrimSpace(lines[i])
			if mdSepRE.MatchString(t) {
				continue
			}
			t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
			var cells []string
			for j, c := range strings.Split(t, "|") {
				c = strings.Join(strings.Fields(mdInline(c)), "")
				cells = append(cells, c)
				if j > 0 && (firstData < 0 || j < firstData) && numberRE.MatchString(c) {
					firstData = j
				}
			}
			rows = append(rows, cells)
		}
		i--
		if firstData < 0 {
			firstData = 1
		}
		for _, cells := range rows {
			var keep []string
			for j, c := range cells {
				switch {
				case c != "":
					keep = append(keep, c)
				case j >= firstData && len(keep) > 0:
					keep = append(keep, "—")
				}
			}
			out.WriteString(strings.Join(keep, "  "))
			out.WriteByte('\n')
		}
		out.WriteByte('\n')
	}
	return out.String(), true
}

// mdInline drops emphasis marks and turns <br> into a space.
func mdInline(s string) string {
	if strings.Contains(s, "<") {
		s = mdBreakRE.ReplaceAllString(s, " ")
	}
	if strings.ContainsAny(s, "*_") {
		s = strings.NewReplacer("**", "", "__", "").Replace(s)
	}
	return s
}
