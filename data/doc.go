// Package data is the report model of 年报透视: one annual report on open
// government information (政府信息公开工作年度报告) in either version of the
// national template (国办公开办函〔2019〕60号 or 〔2021〕30号), with its
// narrative sections, table 二 (proactive disclosure), table 三 (requests
// received and handled) and table 四 (administrative review and litigation),
// every cell knowing whether it was printed, left blank or recovered by a
// cross-check. It runs the cross-checks (勾稽关系) of the template and
// returns their findings, recovers cells lost in copying only where the
// checks prove the value, and reads and writes the JSON dataset files the
// explorer ships. It knows nothing of charts or browsers.
//
// # Dataset files
//
// A dataset is one JSON object per report:
//
//	{
//	  "id": "example-city-2019",          // file name stem, [a-z0-9-]
//	  "body": "某市人民政府",              // the reporting body
//	  "year": 2019,                        // the year reported on
//	  "published": "2020-03-10",           // publication date, "" when not given
//	  "url": "https://www.example.gov.cn/…", // the published original, left out when not known
//	  "format": "2019",                    // template version: "2019" or "2021"
//	  "source": "example-city-2019.txt",   // the text it was made from
//	  "sections": [{"key": "overview", "title": "一、总体情况", "paragraphs": ["…"]}, …],
//	  "disclosure": [{"item": "第二十条第（一）项", "key": "regulations", "label": "规章",
//	                  "values": [{"key": "made", "label": "本年新制作数量", "value": "1"}, …]}, …],
//	  "requests": {"new": {"natural_person": 4742, …, "legal_services": {"value": 5, "recovered_by": 1}, …}, …},
//	  "appeals": {"review": {"upheld": 131, …, "total": 228}, …}
//	}
//
// In "requests" (table 三) and "appeals" (table 四) rows and columns use the
// canonical keys of FORMAT.md. A cell is a number as printed, null when the
// report left it blank (a blank is not a zero), or {"value": N,
// "recovered_by": R} when it was lost in copying and cross-check R proves its
// value.
//
// Table 二 values are strings holding the number exactly as printed (a signed
// change such as "-47", an amount such as "950125.6165"), "" when blank, with
// the unit in "unit" where the report gives one. Table 二 keys are this
// package's own, listed in DisclosureKeys.
//
// A copy that runs a row's cells together (a crawler's text of the page:
// "行政规范性文件114251") may not say which number is which: 1, 14, 251 or
// 11, 4, 251 or eight other splits. Such a row keeps its numbers as the
// copy runs them, in "run", and every split the template allows, in
// "candidates" (a list of values per split, in the row's order; left out
// when there are more than MaxCandidates); each value the splits disagree
// on has "status": "unreadable" and the value "" — not a blank, and never
// a guess:
//
//	{"item": "第二十条第（一）项", "key": "normative_docs", "label": "行政规范性文件",
//	 "values": [{"key": "issued", "label": "本年制发件数", "value": "", "status": "unreadable"}, …],
//	 "run": "114251", "candidates": [["1", "1", "4251"], ["1", "14", "251"], …]}
//
// Where the body's report of the year before or after settles the split
// (in the 2021 template, this year's 现行有效件数 = last year's 现行有效件数
// + 本年制发件数 − 本年废止件数, and exactly one candidate keeps it), the
// values take that candidate's numbers with "status": "cross_year", and
// run and candidates stay, so that a page can say the number was settled
// across the years, not read.
//
// # Limits
//
// Validate refuses a report beyond these limits, and package dataset's
// Parse a dataset file and WriteFile a report, before anything is shown or
// written, with a *FieldError naming the field as a JSON path
// ("requests.new.natural_person", "sections[2].paragraphs[5]",
// "disclosure[3].values[1].value"), the reason and, from a file, the line
// and column; dataset.ReadDir and dataset.ReadFile put the file name in
// front.
//
//   - A file is a regular file (a link to one is followed, a named pipe or
//     a device is refused unread) of at most 2 MiB (MaxDatasetSize). The
//     largest shipped dataset is under 30 kB, and even a long report
//     (100,000 characters of narrative) is under 400 kB; every dataset is
//     downloaded and parsed in the browser, so a larger file is a mistake,
//     not a report.
//   - A file is UTF-8 without a byte-order mark; each object key is written
//     plainly (lower-case ASCII letters, digits, "_" and ".", as every key
//     of the format is, without escapes) and once per object, and names a
//     field of the format. encoding/json would turn invalid UTF-8 into
//     U+FFFD, keep the last of two equal keys, take "Year" or "ſource" for
//     year and source, and drop a misspelt key, all silently.
//   - A count of tables 三 and 四, and of table 二, is a whole number from 0
//     to 99,999,999 (MaxCount); a change (本年增/减) is signed and at most
//     that either way. Counts reach seven digits (a province's whole year is
//     well under 10 million requests; the largest table 二 count shipped is
//     4,055,284 行政处罚 decisions), so eight digits leave ten times the
//     room, and the largest sum a check makes (every cell of table 三, 161 of
//     them) stays under 2^34: far from overflowing int64, and exact as a
//     float64 (and so in JavaScript) when shares are computed.
//   - An amount of money in table 二 (amount, fee_amount) is unsigned, with
//     at most 12 digits before the point (MaxAmountDigits: under a trillion,
//     even in 元) and 6 after (MaxAmountDecimals: 万元 to the fen, as a
//     shipped report prints 4166.241619万元); its unit is 元, 万元, 亿元 or
//     none. Other values of table 二 take no unit.
//   - year is from 2000 (MinYear) to next year; published, when given, is a
//     real date (not 2019-13-45) after the year reported on, and at latest
//     next year.
//   - Text: id at most 100 characters (MaxIDLen); body at most 100
//     (MaxBodyLen; real names are under 40), without white space around it
//     (reports are grouped by it); source at most 500 (MaxSourceLen: a file
//     name or an address); url, when given, an absolute http:// or
//     https:// address with a host and no user name or password, in
//     printable ASCII without spaces, quotes, angle brackets or backslashes
//     (percent-encode the rest), at most 1,000 bytes (MaxURLLen: portal
//     addresses are under 150, and a page links to it, so nothing else may
//     pass for one); a table 二 run at most 100 characters (MaxRunLen) with
//     at most 100 candidates (MaxCandidates), each as many values as the
//     row and each a valid value of its column (or "", a blank cell); a
//     section title and a table 二 item or label at
//     most 100 (MaxLabelLen: the longest template heading is under 40); a
//     paragraph at most 20,000 characters (MaxParagraphLen: the longest
//     shipped is under 400, and a whole section copied without its
//     paragraph breaks fits); at most 1,000 paragraphs a section
//     (MaxParagraphs: the longest shipped section has 31). Lengths count
//     characters, not bytes.
//   - No text holds a control character (C0, DEL or C1: NUL, and also tab
//     and line breaks, since paragraphs are separate strings already), a
//     line or paragraph separator, a format character (Unicode Cf: bidi
//     overrides, embeddings, isolates and marks, which reorder the page
//     around them; zero-width spaces, joiners and non-joiners, the byte
//     order mark and the soft hyphen, which hide text and make two names
//     that look the same differ; Chinese text has no use for the joiners,
//     which shape Arabic and Indic scripts and emoji), a character Unicode
//     says to show as nothing (the combining grapheme joiner, the Hangul
//     fillers U+115F, U+1160, U+3164, U+FFA0) or the Braille blank U+2800,
//     a private-use character (its look is the font's), a noncharacter
//     (U+FFFF, U+FDD0…), or U+FFFD, the mark of a character already lost.
//     A variation selector is taken only on a CJK ideograph (ideographic
//     variation sequences), never U+FE0E or U+FE0F (emoji); a character
//     carries at most two combining marks (pinyin's ǘ decomposed), and a
//     text does not start with one. All of these are ways to make two
//     names that look the same differ, or to hide text. checkText says
//     which, and where.
//   - Sections are overview (一、总体情况), requests and appeals (the prose a
//     report prints under the headings of parts 三 and 四, before their
//     tables, where it prints any), problems (五) and other (六), each at
//     most once; a row of table 二 at most once, and a value at most once
//     in its row.
//   - A table 二 value's status is "unreadable" (value "", and the row's
//     candidates differ there), "cross_year" (the value one candidate's,
//     the same candidate for the whole row) or none (a value every
//     candidate agrees on); a row has a run exactly when a value has a
//     status, and candidates only with a run.
//
// A refused report is refused whole: nothing is clamped or dropped. What
// cannot be refused, such as a very long word without spaces, is for the
// page's CSS to wrap.
package data
