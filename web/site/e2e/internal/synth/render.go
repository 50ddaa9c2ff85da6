package synth

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/data"
)

// Layout of the text, as pdftotext -layout prints an A4 report.
const (
	pageLines = 46 // lines between page footers ("-3-")
	textWidth = 34 // characters of a narrative line
	labelCols = 60 // display columns of a table 三 label
	cellCols  = 7  // display columns of a table 三 cell
	wrapLabel = 24 // a longer table 三 label wraps, its cells on its last line
)

// synthNote is the sentence every narrative section carries.
const synthNote = "本报告为合成示例数据，仅用于测试。"

// page collects the lines of the text and adds the page footers.
type page struct {
	b     strings.Builder
	lines int
	n     int
}

func (p *page) linef(format string, args ...any) { p.line(fmt.Sprintf(format, args...)) }

func (p *page) line(s string) {
	p.b.WriteString(s)
	p.b.WriteByte('\n')
	p.lines++
	if p.lines == pageLines {
		p.footer()
	}
}

func (p *page) footer() {
	p.n++
	fmt.Fprintf(&p.b, "\n%s-%d-\n\n", strings.Repeat(" ", 40), p.n)
	p.lines = 0
}

// para prints a paragraph wrapped as a PDF wraps it: first line indented.
func (p *page) para(text string) {
	for i, l := range wrap(text, textWidth) {
		if i == 0 {
			l = "  " + l
		}
		p.line(l)
	}
}

func (r *report) render() []byte {
	p := &page{}
	p.b.Grow(12 << 10)
	b := r.body.name
	if r.st.titleLines == 2 {
		p.linef("%s%s", strings.Repeat(" ", 14), b)
		p.linef("%s%d 年政府信息公开工作年度报告", strings.Repeat(" ", 8), r.year)
	} else {
		p.linef("  %s%d年政府信息公开工作年度报告", b, r.year)
	}
	p.linef("%s（合成示例数据，仅用于测试）", strings.Repeat(" ", 14))
	// 年月日 without leading zeros: the importer reads the "08" of
	// "2024-01-08" as a bad octal number and drops the date.
	p.linef("发布日期：%d年1月%d日", r.year+1, r.pubDay)
	p.line("")
	p.para(fmt.Sprintf("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。%s机关名称、数字和文字均由程序生成，不对应任何真实机关。报告中所列数据统计期限自%d年1月1日起至%d年12月31日止。", synthNote, r.year, r.year))

	q := r.req
	p.line("  一、总体情况")
	p.para(fmt.Sprintf("%d年，%s依照《条例》开展政府信息公开工作。%s其中的情况均为虚构，不反映任何真实工作。", r.year, b, synthNote))
	p.para(fmt.Sprintf("（一）主动公开情况。本年度通过合成门户网站主动公开政府信息%d条（合成数字）。", r.disclosureCount()))
	p.para(fmt.Sprintf("（二）依申请公开情况。本年度共收到政府信息公开申请%d件，上年结转%d件，办结%d件，结转下年度继续办理%d件。",
		q["new"][6], q["carried_in"][6], q["total"][6], q["carried_over"][6]))
	p.para("（三）政府信息管理情况。合成示例：本段文字不描述任何真实的管理制度。")

	p.line("  二、主动公开政府信息情况")
	r.renderDisclosure(p)
	p.linef("%s三、收到和处理政府信息公开申请情况", strings.Repeat(" ", 18))
	r.renderRequests(p)
	p.linef("  %s", r.st.head4)
	r.renderAppeals(p)

	p.linef("  %s", r.st.head5)
	p.para(synthNote + "合成示例中列出的问题并不存在：一是示例问题甲，二是示例问题乙。")
	p.para("下一年度，本合成示例将继续用于规模测试，不作任何改进承诺。")
	p.line("  六、其他需要报告的事项")
	if r.format == data.Format2021 {
		p.para(fmt.Sprintf("本年度收取政府信息公开信息处理费%d元。%s", r.fee, synthNote))
	} else {
		p.para("无其他需要报告的事项。" + synthNote)
	}
	p.footer()
	return []byte(p.b.String())
}

// disclosureCount is the number the overview quotes for proactive
// disclosure, made from table 二 (it is not a cell of any table).
func (r *report) disclosureCount() int64 {
	n := int64(37 + 11*r.body.index%97)
	for _, it := range r.disclosure {
		for _, row := range it.rows {
			if v, err := strconv.ParseInt(row.values[0], 10, 64); err == nil && v > 0 {
				n += v % 1000
			}
		}
	}
	return n
}

func (r *report) renderDisclosure(p *page) {
	for _, it := range r.disclosure {
		p.linef("%s%s", strings.Repeat(" ", 14), it.item)
		head := strings.Repeat(" ", 7) + "信息内容"
		for _, c := range it.columns {
			head += "    " + c
		}
		p.line(head)
		for _, row := range it.rows {
			l := pad(row.label, 24)
			for _, v := range row.values {
				if v == "" {
					v = r.blankMark()
				}
				l += fmt.Sprintf("  %10s", v)
			}
			p.line(l)
		}
	}
}

// blankMark is how the report leaves a cell blank.
func (r *report) blankMark() string {
	if r.st.blank != "" {
		return r.st.blank
	}
	return "/"
}

func (r *report) renderRequests(p *page) {
	ind := strings.Repeat(" ", labelCols)
	p.linef("%s申请人情况", strings.Repeat(" ", labelCols+20))
	p.line("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
	p.linef("%s自然人    法人或其他组织%s总计", ind, strings.Repeat(" ", 28))
	p.linef("%s        商业  科研  社会公益  法律服务  其他", ind)
	p.linef("%s        企业  机构  组织      机构", ind)
	inCategory := false
	for _, d := range r.rows {
		if d.key == "granted" {
			p.line("三、本年度办理结果")
		}
		indent := ""
		if d.key != "new" && d.key != "carried_in" && d.key != "carried_over" {
			indent = "    "
		}
		prefix := ""
		if d.category != "" {
			inCategory = true
			if r.st.catInline {
				prefix = d.category + "  "
			} else {
				p.line(indent + d.category)
			}
		} else if inCategory && strings.IndexByte("12345678", d.label[0]) < 0 {
			inCategory = false
		}
		switch {
		case inCategory && !r.st.catInline:
			indent += "    "
		case inCategory:
			indent += strings.Repeat(" ", 16) // under the rows beside the inline category
		}
		// Long labels wrap; the cells go on the label's last line.
		parts := wrapRunes(d.label, wrapLabel)
		for i, part := range parts {
			l := indent + part
			if i == 0 && prefix != "" {
				l = indent[:len(indent)-16] + prefix + part
			}
			if i == len(parts)-1 {
				l = pad(l, labelCols) + r.cells(*r.req[d.key])
			}
			p.line(l)
		}
	}
}

// cells prints a row of table 三.
func (r *report) cells(v [7]int64) string {
	if r.st.zeroRow && v == [7]int64{} {
		return fmt.Sprintf("%*s", cellCols, "0")
	}
	var b strings.Builder
	for c, x := range v {
		s := strconv.FormatInt(x, 10)
		if x == 0 && r.st.blank != "" && c >= data.ColBusiness && c <= data.ColOtherOrg {
			s = r.st.blank
		}
		fmt.Fprintf(&b, "%*s", cellCols, s)
	}
	return b.String()
}

func (r *report) renderAppeals(p *page) {
	p.linef("%s行政复议%s行政诉讼", strings.Repeat(" ", 14), strings.Repeat(" ", 40))
	p.linef("%s未经复议直接起诉%s复议后起诉", strings.Repeat(" ", 36), strings.Repeat(" ", 22))
	p.line(strings.Repeat(" 结果 结果 其他 尚未 总计", 3))
	p.line(strings.TrimRight(strings.Repeat(" 维持 纠正 结果 审结     ", 3), " "))
	p.line("")
	var b strings.Builder
	for g, row := range r.appeal {
		for c, x := range row {
			s := strconv.FormatInt(x, 10)
			deliberate := r.appealError != nil && c == data.AppealTotal && r.appealError.Row == data.AppealRows[g].Key
			if x == 0 && r.st.blank != "" && !deliberate {
				s = r.st.blank
			}
			fmt.Fprintf(&b, "%5s", s)
		}
	}
	p.line(b.String())
	p.line("")
}

// width is the display width of s: two columns for a wide character.
func width(s string) int {
	n := 0
	for _, c := range s {
		if c < 0x80 {
			n++
		} else {
			n += 2
		}
	}
	return n
}

// pad pads s with spaces to w display columns, and at least one space.
func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(1, w-width(s)))
}

// wrapRunes cuts s into pieces of at most n characters.
func wrapRunes(s string, n int) []string {
	rs := []rune(s)
	var out []string
	for len(rs) > n {
		out = append(out, string(rs[:n]))
		rs = rs[n:]
	}
	return append(out, string(rs))
}

// wrap breaks a paragraph into lines of at most n characters without
// cutting a number, and never ends a line but the last with "。" (the
// importer takes a short line ending a sentence for a paragraph's end).
func wrap(s string, n int) []string {
	// Tokens: runs of ASCII letters, digits and '.', else single characters.
	var toks []string
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isASCIIWord(s[j]) {
			j++
		}
		if j == i {
			_, size := utf8.DecodeRuneInString(s[i:])
			j = i + size
		}
		toks = append(toks, s[i:j])
		i = j
	}
	var lines []string
	var cur []string
	curLen := 0
	for _, t := range toks {
		tl := utf8.RuneCountInString(t)
		if curLen+tl > n && len(cur) > 0 {
			var carry []string
			switch last := cur[len(cur)-1]; {
			case last == "。" && len(cur) > 2:
				carry, cur = slices.Clone(cur[len(cur)-2:]), cur[:len(cur)-2]
			case strings.Contains("（“《", last) && len(cur) > 1:
				carry, cur = slices.Clone(cur[len(cur)-1:]), cur[:len(cur)-1]
			}
			lines = append(lines, strings.Join(cur, ""))
			cur, curLen = carry, 0
			for _, c := range carry {
				curLen += utf8.RuneCountInString(c)
			}
		}
		cur = append(cur, t)
		curLen += tl
	}
	if len(cur) > 0 {
		lines = append(lines, strings.Join(cur, ""))
	}
	return lines
}

func isASCIIWord(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.'
}
