// Package importer reads the annual reports on open government information
// as bodies publish them — an HTML page (the article alone or the whole
// portal page around it), text copied from a web page, PDF text with or
// without -layout, Markdown with pipe tables from OCR or PDF-to-Markdown
// tools, a PDF (its text extracted by poppler's pdftotext, which must be
// installed) or a Word .docx — and makes each a data.Report: tables 二, 三
// and 四 found by what they hold rather than by their headings, every
// number as printed, a cell lost in copying recovered only where the
// cross-checks prove it and marked so. A report it cannot read exactly is
// refused with an *Error naming the file, the line, the table and the cause;
// where several fillings of lost cells keep the cross-checks, the error
// lists them. It reads regular files only, of at most MaxFileSize bytes
// (and MaxTextSize of page or text), refusing anything else before it
// parses. Command is the `nianbao import` subcommand, which imports one
// report or, with -o DIR/, many (see importAll).
package importer
