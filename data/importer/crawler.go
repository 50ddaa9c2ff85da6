package importer

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"nianbao/data"
)

// FormCrawler is a web page's text with the cells of its tables run
// together: what a crawler (or a browser's innerText, or a copy without
// cell separators) keeps of a report page. See crawlerText.
const FormCrawler = "crawler text"

var (
	// The header an archive's crawler writes above the page's text:
	// "标题: …", "发布时间: …", "原文链接: …" and others, then a line
	// "==================== 正文 ====================".
	crawlerSepRE   = regexp.MustCompile(`(?m)^[ \t]*={3,}[ \t]*正文[ \t]*={3,}[ \t]*\r?$`)
	crawlerFieldRE = regexp.MustCompile(`^[ \t]*(标题|发布时间|发布日期|原文链接|原文地址|来源网址)[ \t]*[:：][ \t]*(.*?)[ \t\r]*$`)
	// What pages pasted from Word leave in a page's text: conditional
	// comments (<!--[if !supportLists]-->…<!--[endif]-->), a stray "-->",
	// and a style sheet ("Normal 0 7.8 磅 … /* Style Definitions */
	// table.MsoNormalTable {mso-style-name:…}").
	htmlResidueRE = regexp.MustCompile(`<!--\[[^\]]{0,80}\]-->|<!\[[^\]]{0,80}\]>|<!--\s*-->|-->`)
	wordStyleRE   = regexp.MustCompile(`(?:Normal\s+\d+\s+[\d.]+\s*磅[^{}]{0,200}?)?/\*\s*Style Definitions\s*\*/[^{}]{0,200}\{[^{}]*\}`)
	// A section heading of the national template as pages word it, with
	// its numbering: it gets a line of its own.
	crawlerHeadingRE = regexp.MustCompile(`^[一二三四五六七八][、.．][ ]?(?:(?:工作)?总体情况|概述|主动公开政府信息(?:的)?(?:工作)?情况|收到和处理政府信息公开申请(?:的)?情况|(?:因)?政府信息公开(?:工作)?(?:被申请)?行政(?:法)?复议.{0,12}?行政诉讼(?:的)?情况|(?:政府信息公开(?:工作)?)?(?:当前)?存在(?:的)?(?:主要|突出)?问题(?:(?:及|和)改进(?:情况|措施))?|其他需(?:要)?(?:报告|说明)的?(?:事项|情况)|需要说明的其他事项(?:与附表)?)`)
	// Page furniture that starts a line of its own.
	crawlerBreaks = []string{"附件下载", "抄送：", "抄送:", "当前位置：", "当前位置:"}
	// Where a row label of table 三 starts inside a run of label text.
	rowLabelStartRE = regexp.MustCompile(`[（(][一二三四五六七八][）)]|[一二三四][、.．]|[1-9][.．、]`)
	// A report's title inside a line of the page (its breadcrumb).
	pageTitleRE = regexp.MustCompile(`[^\s，。；：:、“”《》（）()]{2,40}?\d{4}年度?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)`)
	// Table 二's items: a line before each, and after each item's heading.
	itemRE = regexp.MustCompile(`第二十条(?:第[（(][一二三四五六七八九十]+[）)]项)?`)
	// The header words of table 四 between its heading and its numbers.
	appealHeaderWords = []string{"未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结", "行政复议", "行政诉讼",
		"直接起诉", "未经复议", "复议后", "起诉", "结果", "维持", "纠正", "其他", "尚未", "审结", "总计", "合计"}
	tableMarkupRE = regexp.MustCompile(`(?i)<t[dhr][\s>]`)
	spaceNorm     = strings.NewReplacer("\u3000", " ", "\u00a0", " ", "\t", " ", "\r", "")
)

// crawlerText reads a crawler's text of a report page (see FormCrawler):
// the crawler's header, when there is one, gives the title, the
// publication time and the original's address, written as lines the
// importer reads ("发布时间：…", "原文链接：…"); the page's text, where its
// table 三 runs together on one line, is put back into lines: each section
// heading and narrative sub-heading on a line of its own, table 二 an item
// a line, each row of table 三 on its own line with its numbers after a
// space, the numbering of the next row's label ("…00000002.其他法律…")
// given back to that label, and table 四's numbers on a line of their own.
// The spaces the crawler kept between cells stay where they are: they are
// cell boundaries. The digits themselves are not touched: where cells run
// together, splitting them is parseRequestsRun's and parseAppealsRun's
// work. It reports false when the text is neither a crawler's nor run
// together.
func crawlerText(s string) (string, bool) {
	head, body := "", s
	if top := s[:min(len(s), 8192)]; strings.Contains(top, "正文") {
		if loc := crawlerSepRE.FindStringIndex(top); loc != nil {
			head, body = s[:loc[0]], s[loc[1]:]
		}
	}
	together := runTogether(body)
	if !together && head == "" {
		return s, false
	}
	// The header's lines stay lines (so that the body keeps its line
	// numbers), as lines the importer reads: the title alone, then
	// "发布时间：…" and "原文链接：…"; the crawler's other fields are left out.
	var b strings.Builder
	if head != "" {
		for i, l := range strings.Split(head, "\n") {
			if i > 0 {
				b.WriteString("\n")
			}
			if m := crawlerFieldRE.FindStringSubmatch(l); m != nil {
				switch m[1] {
				case "标题":
					b.WriteString(m[2])
				case "发布时间", "发布日期":
					b.WriteString("发布时间：" + m[2])
				default:
					b.WriteString("原文链接：" + m[2])
				}
			}
		}
		// The separator's line (empty), then the body.
		b.WriteString(strings.Repeat("\n", strings.Count(s[len(head):len(s)-len(body)], "\n")))
	}
	if !together {
		b.WriteString(body)
		return b.String(), false
	}
	b.WriteString(relineBody(body, !strings.Contains(head, "标题")))
	return b.String(), true
}

// runTogether says whether s holds table 三 run together: eight or more of
// its rows' labels on one line (without the cell tags of an HTML table,
// which Markdown from PDF-to-Markdown tools may hold), or five or more of
// its rows each on a line that ends in digits run together (fusedRowLine:
// "…申请数量1000001"), which no copy that keeps its cells apart writes.
func runTogether(s string) bool {
	fused := 0
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if fusedRowLine(line) {
			if fused++; fused >= 5 {
				return true
			}
		}
		if len(line) < 400 || !strings.Contains(line, "本年新收") || tableMarkupRE.MatchString(line) {
			continue // an HTML table on one line (in Markdown) has its cells marked
		}
		seen := map[string]bool{}
		for _, p := range rowPhrases {
			if !seen[p.key] && strings.Contains(line, p.phrase) {
				seen[p.key] = true
			}
		}
		if len(seen) >= 8 {
			return true
		}
	}
	return false
}

// fusedRowLine says whether a line is a row of table 三 whose numbers run
// together: a row's label, then seven or more digits in at most three runs,
// or in runs one of which starts with a 0 ("0 0 0 0 0 00").
func fusedRowLine(line string) bool {
	line = strings.TrimRight(line, " \t\r\u3000")
	if len(line) > 600 || len(line) == 0 || line[len(line)-1] < '0' || line[len(line)-1] > '9' {
		return false
	}
	line = spaceNorm.Replace(line)
	i := len(line)
	for i > 0 && (line[i-1] >= '0' && line[i-1] <= '9' || line[i-1] == ' ') {
		i--
	}
	runs := strings.Fields(line[i:])
	digits := len(line[i:]) - strings.Count(line[i:], " ")
	if len(runs) == 0 || digits < len(data.RequestColumns) || rowKeyOf(canon(line[:i])) == "" {
		return false
	}
	if len(runs) <= 3 {
		return true
	}
	for _, r := range runs {
		if len(r) > 1 && r[0] == '0' {
			return true // "0 0 0 0 0 00": no count is written 00
		}
	}
	return false
}

// br is the line break relining inserts: a vertical tab, which splitLines
// takes for a break within the copy's line, so that the lines the importer
// reads keep the copy's line numbers (every row of a crawler's table is on
// the copy's one line of text, and an error names that line).
const br = "\v"

// keepLines is the copy's line breaks of a part the tables were read from
// as one line: written after it, they keep the line numbers that follow.
func keepLines(s string) string { return strings.Repeat("\n", strings.Count(s, "\n")) }

// relineBody puts a run-together page text back into lines (see
// crawlerText).
func relineBody(s string, needTitle bool) string {
	s = spaceNorm.Replace(s)
	if strings.Contains(s, "-->") || strings.Contains(s, "<![") {
		s = htmlResidueRE.ReplaceAllString(s, "") // rare: no cost to the others
	}
	if strings.Contains(s, "Style Definitions") {
		s = wordStyleRE.ReplaceAllString(s, "")
	}
	// The tables are found, and read, with line breaks as spaces (a
	// boundary between cells, like a space); the same length, so the
	// places found hold in s, whose narrative keeps its lines.
	flat := strings.ReplaceAll(s, "\n", " ")
	h3, e3 := tableThree(flat)
	if h3 < 0 {
		return relineNarrative(s)
	}
	d2 := h3
	if loc := itemRE.FindStringIndex(s[:h3]); loc != nil {
		d2 = loc[0]
	}
	n4s, n4e := tableFourNumbers(flat, e3)
	var b strings.Builder
	if needTitle {
		b.WriteString(relinePreamble(s[:d2]))
	} else {
		b.WriteString(relineNarrative(s[:d2]))
	}
	b.WriteString(br + relineDisclosure(flat[d2:h3]) + keepLines(s[d2:h3]))
	b.WriteString(br + relineRows(flat[h3:e3]) + keepLines(s[h3:e3]))
	b.WriteString(br)
	rest := e3
	if n4s >= 0 {
		b.WriteString(relineNarrative(s[e3:n4s]))
		b.WriteString(br + numberTokens(flat[n4s:n4e]) + keepLines(s[n4s:n4e]) + br + br)
		rest = n4e
	}
	// Table 二 after the others, as some reports place it: from its first
	// item to the next section heading.
	if d2 == h3 {
		if loc := itemRE.FindStringIndex(s[rest:]); loc != nil {
			start, end := rest+loc[0], len(s)
			if h := crawlerHeadingRE.FindStringIndex(s[start:]); h != nil {
				end = start + h[0]
			}
			b.WriteString(relineNarrative(s[rest:start]))
			b.WriteString(br + relineDisclosure(flat[start:end]) + keepLines(s[start:end]) + br)
			rest = end
		}
	}
	b.WriteString(relineNarrative(s[rest:]))
	return b.String()
}

// tableThree finds the rows of table 三 in a run-together text: from the
// start of its first row's label (一、本年新收…) to the end of the numbers
// of its last (四、结转下年度继续办理), or -1.
func tableThree(s string) (start, end int) {
	from := 0
	for {
		i := strings.Index(s[from:], "本年新收")
		if i < 0 {
			return -1, -1
		}
		i += from
		from = i + len("本年新收")
		window := s[i:min(len(s), i+6000)]
		j := strings.Index(window, "结转下年度")
		if j < 0 || !strings.Contains(window[:j], "上年结转") || !strings.Contains(window[:j], "总计") {
			continue
		}
		start = i
		for start > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:start])
			if r != ' ' && r != '、' && r != '.' && r != '．' && r != '一' && r != '1' {
				break
			}
			start -= n
		}
		end = i + j + len("结转下年度")
		rest := s[end:]
		for _, w := range []string{" ", "继续", " ", "办理", " "} {
			for strings.HasPrefix(rest, w) {
				rest = rest[len(w):]
			}
		}
		end = len(s) - len(rest)
		if k := numericEnd(s, end); k > end {
			end = k
		}
		return start, end
	}
}

// tableFourNumbers finds table 四's numbers after table 三 (from): the run
// of numbers after its header words (结果维持…总计), or -1.
func tableFourNumbers(s string, from int) (start, end int) {
	i := strings.Index(s[from:], "结果维持")
	if i < 0 {
		return -1, -1
	}
	p := from + i
	for p < len(s) {
		if s[p] == ' ' {
			p++
			continue
		}
		found := false
		for _, w := range appealHeaderWords {
			if strings.HasPrefix(s[p:], w) {
				p += len(w)
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	end = numericEnd(s, p)
	if end == p || !strings.ContainsAny(s[p:end], "0123456789") {
		return -1, -1
	}
	return p, end
}

// numericEnd is the end of the run of numbers at i: digits, spaces and
// blank marks ("/", "—"); trailing spaces are left out.
func numericEnd(s string, i int) int {
	end := i
	for k := i; k < len(s); {
		r, n := utf8.DecodeRuneInString(s[k:])
		switch {
		case r >= '0' && r <= '9' || isBlankMark(r):
			k += n
			end = k
		case r == ' ':
			k += n
		default:
			return end
		}
	}
	return end
}

func isBlankMark(r rune) bool {
	return r == '/' || r == '／' || r == '—' || r == '－' || r == '–' || r == '-'
}

// numberTokens writes a run of numbers as words: digit runs as they are,
// each blank mark a word of its own, one space between.
func numberTokens(s string) string {
	var words []string
	for _, w := range strings.Fields(s) {
		cur := ""
		for _, r := range w {
			if isBlankMark(r) {
				if cur != "" {
					words = append(words, cur)
					cur = ""
				}
				words = append(words, "/")
				continue
			}
			cur += string(r)
		}
		if cur != "" {
			words = append(words, cur)
		}
	}
	return strings.Join(words, " ")
}

// relineRows puts the rows of table 三 a line each: a row's label, a
// space, its numbers. A digit right before "." or "、" that starts a label
// is the label's numbering ("…0000000" "2.其他法律…"), not the row's.
func relineRows(s string) string {
	var lines []string
	cur, curNum := "", false
	flush := func() {
		if strings.TrimSpace(cur) != "" {
			lines = append(lines, strings.TrimSpace(cur))
		}
		cur, curNum = "", false
	}
	carry := "" // a numbering digit taken from the numbers before
	for i := 0; i < len(s); {
		if j := numericEnd(s, i); j > i {
			num := s[i:j]
			k := j
			for k < len(s) && s[k] == ' ' {
				k++
			}
			if next, _ := utf8.DecodeRuneInString(s[j:]); k == j && (next == '.' || next == '．' || next == '、') {
				if d := num[len(num)-1]; d >= '1' && d <= '9' {
					carry, num = string(d), num[:len(num)-1]
				}
			}
			if t := numberTokens(num); t != "" {
				cur += " " + t
				curNum = true
			}
			i = k
			continue
		}
		j := i
		for j < len(s) && numericEnd(s, j) == j {
			_, n := utf8.DecodeRuneInString(s[j:])
			j += n
		}
		text := carry + s[i:j]
		carry = ""
		if curNum {
			flush()
		}
		prev := 0
		for _, loc := range rowLabelStartRE.FindAllStringIndex(text, -1) {
			cur += text[prev:loc[0]]
			flush()
			prev = loc[0]
		}
		cur += text[prev:]
		i = j
	}
	flush()
	return strings.Join(lines, br)
}

// relineDisclosure puts table 二's items each on lines of their own: the
// item's heading (第二十条第（一）项), then its labels and numbers run
// together as the page has them (parseDisclosureRun reads them).
func relineDisclosure(s string) string {
	return lineAround(s, itemRE.FindAllStringIndex(s, -1), br, relineNarrative)
}

// relinePreamble is relineNarrative, with the report's title (in a page's
// breadcrumb, between the site's words) on a line of its own: without a
// crawler's header, the title is found there.
func relinePreamble(s string) string {
	first := len(s)
	if locs := headingLocs(s); len(locs) > 0 {
		first = locs[0][0]
	}
	// The title ends with 报告 or 年报 (not the first of them: a breadcrumb
	// names the column, 政府信息公开年报); it starts at most 40 characters
	// before its year.
	var loc []int
	start := 0
	for from := 0; loc == nil; {
		end := -1
		for _, w := range []string{"报告", "年报"} {
			if i := strings.Index(s[from:first], w); i >= 0 && (end < 0 || from+i+len(w) < end) {
				end = from + i + len(w)
			}
		}
		if end < 0 {
			return relineNarrative(s)
		}
		start = max(0, end-300)
		for start < end && !utf8.RuneStart(s[start]) {
			start++
		}
		loc = pageTitleRE.FindStringIndex(s[start:end])
		from = end
	}
	a, b := start+loc[0], start+loc[1]
	return relineNarrative(s[:a]) + br + br + s[a:b] + br + br + relineNarrative(s[b:])
}

// headingLocs finds the section headings of s (crawlerHeadingRE): the
// expression is tried only where a numeral and its mark stand ("五、").
func headingLocs(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune("一二三四五六七八", r) {
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); next == '、' || next == '.' || next == '．' {
				if loc := crawlerHeadingRE.FindStringIndex(s[i:min(len(s), i+240)]); loc != nil {
					out = append(out, []int{i, i + loc[1]})
					i += loc[1]
					continue
				}
			}
		}
		i += n
	}
	return out
}

// subheadLocs finds the numbered sub-headings of a narrative: （一） … （十二）
// or (一), not a 第二十条第（一）项.
func subheadLocs(s string) []int {
	var out []int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '（' || r == '(' {
			j, digits := i+n, 0
			for digits < 3 {
				d, m := utf8.DecodeRuneInString(s[j:])
				if !strings.ContainsRune("一二三四五六七八九十", d) {
					break
				}
				j, digits = j+m, digits+1
			}
			if c, _ := utf8.DecodeRuneInString(s[j:]); digits > 0 && digits <= 2 && (c == '）' || c == ')') {
				if p, _ := utf8.DecodeLastRuneInString(s[:i]); p != '第' {
					out = append(out, i)
				}
			}
		}
		i += n
	}
	return out
}

// relineNarrative gives each section heading a line of its own, and starts
// a paragraph at each numbered sub-heading and at page furniture (附件下载,
// 抄送：).
func relineNarrative(s string) string {
	return lineAround(s, headingLocs(s), br+br, breakParagraphs)
}

// lineAround puts each of the places locs on a line of its own (sep before
// and after it), the text between them through between.
func lineAround(s string, locs [][]int, sep string, between func(string) string) string {
	var b strings.Builder
	prev := 0
	for _, loc := range locs {
		b.WriteString(between(s[prev:loc[0]]))
		b.WriteString(sep + s[loc[0]:loc[1]] + sep)
		prev = loc[1]
	}
	b.WriteString(between(s[prev:]))
	return b.String()
}

func breakParagraphs(s string) string {
	marks := subheadLocs(s)
	for _, w := range crawlerBreaks {
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			marks = append(marks, from+i)
			from += i + len(w)
		}
	}
	if len(marks) == 0 {
		return s
	}
	slices.Sort(marks)
	var b strings.Builder
	prev := 0
	for _, at := range marks {
		if at <= prev {
			continue
		}
		b.WriteString(s[prev:at])
		b.WriteString(br + br)
		prev = at
	}
	b.WriteString(s[prev:])
	return b.String()
}
