// Package importer reads the annual reports on open government information
// as bodies publish them — an HTML page (the article alone or the whole
// portal page around it), text copied from a web page, PDF text with or
// without -layout, Markdown with pipe tables from OCR or PDF-to-Markdown
// tools, a PDF (its text extracted by poppler's pdftotext, which must be
// installed), a Word .docx, or a page's text with its tables' cells run
// together as a crawler keeps it (FormCrawler) — and makes each a
// data.Report: tables 二, 三 and 四 found by what they hold rather than by
// their headings, every number as printed, a cell lost in copying
// recovered only where the cross-checks prove it and marked so. A report it
// cannot read exactly is refused with an *Error naming the file, the line,
// the table and the cause; where several fillings of lost cells keep the
// cross-checks, the error lists them. It reads regular files only, of at
// most MaxFileSize bytes (and MaxTextSize of page or text), refusing
// anything else before it parses. Command is the `nianbao import`
// subcommand, which imports one report or, with -o DIR/, many (see
// importAll).
//
// # Cells run together
//
// A crawler's text (crawlerText puts it back into lines) keeps a row's
// digits but not where its cells end: "2600000026" is 26 0 0 0 0 0 26. The
// importer reads such a run every way the writing of counts allows (a
// space left between cells is a boundary, no number of two or more digits
// starts with 0 unless the page writes it so, a count has at most eight
// digits: see reader) and lets the table's own checks choose, and only
// these:
//
//  1. A run that reads one way only is taken as printed. The text decides
//     it, so no check may: a check it breaks is the report's finding,
//     shown, never corrected (jsp-2022 prints 3 0 0 0 0 2 5 beside totals
//     of 0).
//  2. A row of table 三 that reads several ways keeps the readings that
//     keep its own row sum (cross-check 3). None: the row is refused,
//     named with its digits — a published row that does not add up cannot
//     be told from a wrong cut, so no reading of it is taken.
//  3. Rows still open are chosen together by cross-checks 1 and 2, and
//     only by their instances that hold a cell in which those rows'
//     readings differ; table 四 by cross-check 4. Exactly one combination
//     must keep them: none refuses, several refuse listing each.
//
// So a check chooses only where the choice decides a cell it holds. Every
// instance over cells the text fixed, cross-check 5 (another year) and
// table 二 (no check of its own) never choose: whatever they say is a
// finding, which the reading cannot hide. A check that chooses holds for
// the chosen reading by construction; a published break of it could be
// hidden only where another reading of the same digits happens to keep it,
// which no copy can tell apart — the import's warnings name every row so
// chosen, and the dataset's url leads to the original. Table 二's values
// that split several ways are left unreadable (data.StatusUnreadable),
// unless the body's adjacent year settles them (settleDisclosure). Where a
// run has fewer digits than its cells (the page left a cell empty) and no
// digit can join another, each digit is a cell and Recover places them,
// only where the checks prove every value. Where a check chose among
// readings, the cells in which they differ are marked recovered with that
// check's rule: their boundaries were lost in the copy.
package importer
