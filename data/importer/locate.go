package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"nianbao/data"
)

// parts are where the pieces of a report stand in its lines (indexes into
// the lines; -1 where a piece is absent). The tables are found by what they
// hold, not by their headings, which bodies word, number and misspell in
// their own ways: table 三 by its first row (一、本年新收…) under its column
// labels, table 四 by its 行政复议/行政诉讼 header after table 三, table 二 by
// its heading or its first 第二十条 line before table 三 (or, failing that,
// after table 四). The narrative sections are found by the words of their
// headings, whatever their numbers.
type parts struct {
	overview   int // heading of 总体情况
	disclosure int // table 二: its heading or first 第二十条 line
	head3      int // table 三's heading or column labels
	requests   int // table 三's first row (本年新收)
	appeals    int // table 四's heading or header
	problems   int // heading of 存在的主要问题及改进情况
	other      int // heading of 其他需要报告的事项
	end        int // where the report's text ends (a portal's footer starts)
}

var (
	numberingRE = regexp.MustCompile(`^(第?[一二三四五六七八九十]+[、.．部分]*|（[一二三四五六七八九十]+）|[0-9]{1,2}[.、．])`)
	overviewRE  = regexp.MustCompile(`^(工作)?总体情况$|^总体(工作)?情况$|^概述$`)
	discloseRE  = regexp.MustCompile(`^主动公开政府信息(的)?(工作)?情况$`)
	problemsRE  = regexp.MustCompile(`^存在(的)?(主要)?(问题|不足).{0,12}$`)
	otherRE     = regexp.MustCompile(`^其他需要报告的(事项|情况)$|^其他(事项|情况)$`)
	// Lines of a portal page that end the article: print and close
	// buttons, share and related links, the site's footer.
	pageEndRE = regexp.MustCompile(`^[【\[]?(打印本页|打印|关闭窗口|关闭|返回顶部|分享到：?|相关链接|相关文章|相关阅读|相关信息|扫一扫|附件下载|上一篇：?.*|下一篇：?.*)[】\]]?$|^(【[^】]{1,6}】)+$|版权所有|主办单位：|ICP备|网站标识码|技术支持：`)
)

// pageEnds says whether a line ends a portal page's article (pageEndRE),
// testing first what such a line starts with or holds.
func pageEnds(c string) bool {
	if c == "" || len(c) > 240 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(c)
	if !strings.ContainsRune("【[打关返分相扫附上下", r) && !strings.Contains(c, "版权所有") && !strings.Contains(c, "主办单位") &&
		!strings.Contains(c, "ICP备") && !strings.Contains(c, "网站标识码") && !strings.Contains(c, "技术支持") {
		return false
	}
	return pageEndRE.MatchString(c) && utf8.RuneCountInString(c) < 80
}

// stripNumbering removes a heading's numbering: "四、", "（三）", "2.", "第三部分".
func stripNumbering(s string) string {
	if loc := numberingRE.FindStringIndex(s); loc != nil {
		return s[loc[1]:]
	}
	return s
}

// isProse says whether a line reads as a sentence rather than a heading or
// a table cell.
func isProse(canon string) bool {
	return strings.ContainsAny(canon, "。；") || utf8.RuneCountInString(canon) > 60
}

// isHeading says whether a line is a heading the expression matches once
// its numbering is removed; must is a word the heading holds (a quick test
// before the expression's).
func isHeading(canon, must string, re *regexp.Regexp) bool {
	if canon == "" || len(canon) > 90 || !strings.Contains(canon, must) || isProse(canon) || strings.Contains(canon, "，") {
		return false
	}
	return re.MatchString(stripNumbering(canon))
}

// locate finds the parts of a report. A report without table 三 or table 四
// is refused.
func locate(lines []textLine) (parts, *Error) {
	p := parts{overview: -1, disclosure: -1, head3: -1, requests: -1, appeals: -1, problems: -1, other: -1, end: len(lines)}

	// Table 三: the first row 本年新收 with column labels above it (the
	// first such row without any, if none has them).
	first := -1
	for i, l := range lines {
		if !strings.Contains(l.canon, "本年新收") || strings.ContainsAny(l.canon, "，。；") {
			continue
		}
		label, _ := splitFields(l.raw)
		if !strings.HasPrefix(stripNumbering(label), "本年新收") {
			continue
		}
		if first < 0 {
			first = i
		}
		if h := header3(lines, i); h >= 0 {
			p.requests, p.head3 = i, h
			break
		}
	}
	if p.requests < 0 {
		if first < 0 {
			return p, refuse(0, data.TableRequests, ErrNotReport, "no row “一、本年新收政府信息公开申请数量”: this is not an annual report on open government information, or table 三 is cut off")
		}
		p.requests, p.head3 = first, first
	}

	// Table 四: the first line after table 三's rows that names 复议 or
	// 行政诉讼 and is not prose.
	for i := p.requests + 1; i < len(lines); i++ {
		c := lines[i].canon
		if (strings.Contains(c, "复议") || strings.Contains(c, "行政诉讼")) && !isProse(c) {
			p.appeals = i
			break
		}
	}
	if p.appeals < 0 {
		return p, refuse(lines[len(lines)-1].n, data.TableAppeals, ErrNotReport, "no table 四 (a header naming 行政复议 and 行政诉讼) after table 三: the report is cut off")
	}

	// Table 二: its heading, else its first 第二十条 line, before table 三.
	for i := 0; i < p.head3; i++ {
		if isHeading(lines[i].canon, "主动公开", discloseRE) {
			p.disclosure = i
			break
		}
	}
	if p.disclosure < 0 {
		for i := 0; i < p.head3; i++ {
			c := lines[i].canon
			if strings.HasPrefix(c, "第二十条") && utf8.RuneCountInString(c) <= 24 {
				p.disclosure = i
				break
			}
		}
	}

	// A report that moves table 二 after table 四.
	if p.disclosure < 0 {
		for i := p.appeals + 1; i < len(lines); i++ {
			c := lines[i].canon
			if isHeading(c, "主动公开", discloseRE) || strings.HasPrefix(c, "第二十条") && utf8.RuneCountInString(c) <= 24 {
				p.disclosure = i
				break
			}
		}
	}

	// The narrative sections.
	before := p.head3
	if p.disclosure >= 0 && p.disclosure < before {
		before = p.disclosure
	}
	for i := 0; i < before; i++ {
		if c := lines[i].canon; (strings.Contains(c, "总体") || strings.Contains(c, "概述")) && isHeading(c, "", overviewRE) {
			p.overview = i
			break
		}
	}
	for i := p.appeals + 1; i < len(lines); i++ {
		c := lines[i].canon
		if p.problems < 0 && p.other < 0 && isHeading(c, "存在", problemsRE) {
			p.problems = i
		} else if p.other < 0 && isHeading(c, "其他", otherRE) {
			p.other = i
		} else if pageEnds(c) {
			p.end = i
			break
		}
	}
	return p, nil
}

// header3 is the first line of table 三's heading or column labels above
// its first row at i, or -1 when there is none: lines naming 收到和处理,
// 申请人情况, 自然人 or 商业企业, up to 40 lines above and with no number or
// prose in between.
func header3(lines []textLine, i int) int {
	h := -1
	for j := i - 1; j >= 0 && j >= i-40; j-- {
		c := lines[j].canon
		if c == "" {
			continue
		}
		if strings.Contains(c, "收到和处理") || strings.Contains(c, "申请人情况") || strings.Contains(c, "自然人") ||
			strings.Contains(c, "商业企业") || strings.Contains(c, "法人或其他组织") || strings.Contains(c, "勾稽关系") {
			h = j
			continue
		}
		if _, vals := splitFields(lines[j].raw); len(vals) > 0 || isProse(c) {
			break // a row of numbers, or prose (a preamble that names 收到和处理…)
		}
	}
	return h
}

// sectionEnd is where the narrative section whose heading is at start
// ends: at the next part.
func (p parts) sectionEnd(start int) int {
	end := p.end
	for _, i := range []int{p.overview, p.disclosure, p.head3, p.appeals, p.problems, p.other} {
		if i > start && i < end {
			end = i
		}
	}
	return end
}

// tablePreface finds the heading of part 三 (or, with appeals, of part 四)
// and the prose the report prints between it and its table
// ("2023年，共收到政府信息公开申请0条。"): the sentences of each line there,
// up to its last full stop, without the template's own note on the
// cross-check (（本列数据的勾稽关系为：…）) and the table's header that a
// copy may run into the same line. It returns the heading without spaces
// ("" when the part has none) and the paragraphs.
func tablePreface(lines []textLine, p parts, appeals bool) (string, []string) {
	at, end := -1, -1
	if appeals {
		if c := lines[p.appeals].canon; strings.Contains(c, "情况") && !isProse(c) {
			at = p.appeals
		}
		end = p.sectionEnd(p.appeals)
	} else {
		// The heading stands above table 三's header, within 20 lines.
		for i := p.head3; i >= 0 && i >= p.head3-20 && i > p.disclosure; i-- {
			c := lines[i].canon
			if strings.Contains(c, "收到和处理") && strings.Contains(c, "情况") && !isProse(c) && len(c) < 90 {
				at = i
				break
			}
		}
		end = p.requests
	}
	if at < 0 {
		return "", nil
	}
	var paras []string
	for _, l := range lines[at+1 : end] {
		c := strings.TrimSpace(l.raw)
		if _, vals := splitFields(c); len(vals) > 0 && !strings.Contains(c, "。") {
			break // the table's numbers
		}
		if i := strings.Index(c, "本列数据"); i >= 0 {
			c = strings.TrimRight(c[:i], "（(")
		}
		i := strings.LastIndex(c, "。")
		if i < 0 {
			continue
		}
		if s := tidy(strings.TrimSpace(c[:i+len("。")])); s != "" {
			paras = append(paras, s)
		}
	}
	return strings.Join(strings.Fields(lines[at].canon), ""), paras
}
