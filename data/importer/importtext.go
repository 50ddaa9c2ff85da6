package importer

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// textLine is one line of the report as text.
type textLine struct {
	n     int    // 1-based line number in the text
	raw   string // the line, spaces normalised
	canon string // the line for matching: no spaces, full-width punctuation
}

// decodeText turns the bytes of a text copy into UTF-8: UTF-8 as is, else
// GB18030 (a superset of GBK and GB2312), else an error.
func decodeText(b []byte) (string, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if utf8.Valid(b) {
		return string(b), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) || strings.ContainsRune(string(out), utf8.RuneError) {
		return "", refuse(firstBadLine(b), "", ErrEncoding, "save it as UTF-8 and import it again")
	}
	return string(out), nil
}

var (
	footerRE    = regexp.MustCompile(`^\s*[-—－]\s*\d+\s*[-—－]\s*$`)
	spaceMapper = strings.NewReplacer("\u00a0", " ", "\u3000", " ", "\t", "    ", "\r", "")
)

// splitLines normalises the text into lines and drops page footers ("-4-")
// with the empty lines around them, so that a paragraph or a table row
// broken by a page runs on.
func splitLines(text string) []textLine {
	split := strings.Split(spaceMapper.Replace(text), "\n")
	lines := make([]textLine, 0, len(split))
	skipEmpty := false
	for i, whole := range split {
		// A vertical tab breaks a line within the copy's line (see br).
		for _, l := range strings.Split(whole, "\v") {
			if isFooter(l) {
				for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1].raw) == "" {
					lines = lines[:len(lines)-1]
				}
				skipEmpty = true
				continue
			}
			if skipEmpty && strings.TrimSpace(l) == "" {
				continue
			}
			skipEmpty = false
			lines = append(lines, textLine{n: i + 1, raw: strings.TrimRightFunc(l, unicode.IsSpace), canon: canon(l)})
		}
	}
	return lines
}

// isFooter says whether a line is a page footer, "-4-" or "— 4 —"
// (footerRE, tested only on lines that could be one).
func isFooter(l string) bool {
	t := strings.TrimSpace(l)
	if len(t) < 3 || len(t) > 24 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if r != '-' && r != '—' && r != '－' {
		return false
	}
	return footerRE.MatchString(l)
}

// canon is s for matching: no white space, ASCII punctuation made
// full-width, full-width digits made ASCII, numbering "1、" made "1.".
func canon(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r > 0x7f && unicode.IsSpace(r):
			continue
		case r >= '０' && r <= '９':
			r = '0' + (r - '０')
		case r < 0x80:
			switch r {
			case '(':
				r = '（'
			case ')':
				r = '）'
			case ',':
				r = '，'
			case ':':
				r = '：'
			case ';':
				r = '；'
			case '"':
				r = '“'
			case '\v', '\f':
				continue
			}
		}
		b.WriteRune(r)
	}
	s = b.String()
	if len(s) > 1 && s[0] >= '1' && s[0] <= '9' && strings.HasPrefix(s[1:], "、") {
		s = s[:1] + "." + s[1+len("、"):]
	}
	return s
}

// narrativeParagraphs joins wrapped lines into paragraphs. A paragraph
// breaks at an empty line, at an indented line (PDF layout), at a
// numbered sub-heading, and after a short line that ends a sentence.
func narrativeParagraphs(lines []textLine, heading func(canon string) bool) []string {
	width := 0
	for _, l := range lines {
		width = max(width, utf8.RuneCountInString(strings.TrimSpace(l.raw)))
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			paras = append(paras, tidy(s))
		}
		cur.Reset()
	}
	prevShortEnd := false
	for _, l := range lines {
		t := strings.TrimSpace(l.raw)
		if t == "" {
			flush()
			prevShortEnd = false
			continue
		}
		if heading != nil && heading(l.canon) {
			continue
		}
		indented := strings.HasPrefix(l.raw, "  ")
		numbered := subheadRE.MatchString(l.canon)
		if indented || numbered || prevShortEnd {
			flush()
		}
		if cur.Len() > 0 && endsASCII(cur.String()) && startsASCII(t) {
			cur.WriteByte(' ')
		}
		cur.WriteString(t)
		n := utf8.RuneCountInString(t)
		prevShortEnd = strings.HasSuffix(t, "。") && n < width-3
	}
	flush()
	return paras
}

var subheadRE = regexp.MustCompile(`^（[一二三四五六七八九十]+）`)

// tidy removes the spaces PDF text puts between digits and Chinese
// ("2024 年", "规章 1 件").
func tidy(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		if rs[i] != ' ' {
			out = append(out, rs[i])
			continue
		}
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		if len(out) > 0 && j < len(rs) && (isDigit(out[len(out)-1]) && isWide(rs[j]) || isWide(out[len(out)-1]) && isDigit(rs[j])) {
			i = j - 1
			continue
		}
		out = append(out, rs[i:j]...)
		i = j - 1
	}
	return string(out)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r == '%' }

func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || strings.ContainsRune("，。、；：（）", r)
}

func endsASCII(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func startsASCII(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

var (
	titleBodyFirstRE = regexp.MustCompile(`^([^，,。《》：:；;“”"（）]{2,30}?)(\d{4})年度?(政府)?信息公开(工作)?(年度)?(报告|年报)`)
	titleYearFirstRE = regexp.MustCompile(`^(\d{4})年度?([^，,。《》：:；;“”"（）]{2,30}?)信息公开(工作)?(年度)?(报告|年报)`)
	titleYearOnlyRE  = regexp.MustCompile(`(\d{4})年度?(政府)?信息公开(工作)?(年度)?(报告|年报)`)
	hanYearRE        = regexp.MustCompile(`[〇零一二三四五六七八九]{4}年`)
	publishedRE      = regexp.MustCompile(`^(发布时间|发布日期|成文日期)[：:]\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})`)
	plainTimeRE      = regexp.MustCompile(`^(时间)[：:]\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})`)
	aboutRE          = regexp.MustCompile(`关于(报送|印发|公布|发布|公开)?$`)
	preparedByRE     = regexp.MustCompile(`本报告由(.{2,40}?)(办公室|办公厅)`)
)

// hanDigits turns a year in Chinese numerals into digits: 二〇二三年 → 2023年.
func hanDigits(s string) string {
	if !strings.Contains(s, "年") || !hanYearRE.MatchString(s) {
		return s
	}
	return hanYearRE.ReplaceAllStringFunc(s, func(y string) string {
		return strings.Map(func(r rune) rune {
			if i := strings.IndexRune("〇一二三四五六七八九", r); i >= 0 {
				return '0' + rune(len([]rune("〇一二三四五六七八九"[:i])))
			}
			if r == '零' {
				return '0'
			}
			return r
		}, y)
	})
}

// reportTitle finds the body and year in the title, within the lines before
// the report's first part (the page's <title> comes first in an HTML page;
// a title may be split over two lines). It accepts 政府信息公开工作年度报告
// with or without 工作 or 年度; either result is zero when not found. Where
// several titles come before the report (a copied portal page lists other
// years' reports), the first whose year is period's, the year of the
// statistics period, wins; else the first.
func reportTitle(lines []textLine, period int) (body string, year int) {
	found := false
	for i, l := range lines {
		if !strings.Contains(l.canon, "报告") && !strings.Contains(l.canon, "年报") {
			continue
		}
		b, y, ok := titleAt(lines, i)
		switch {
		case ok && (period == 0 || y == period):
			return b, y
		case ok && !found:
			body, year, found = b, y, true
		case !ok && year == 0 && !found:
			if m := titleYearOnlyRE.FindStringSubmatch(hanDigits(l.canon)); m != nil {
				fmt.Sscan(m[1], &year)
			}
		}
	}
	return body, year
}

// titleAt reads a title ending on line i.
func titleAt(lines []textLine, i int) (body string, year int, ok bool) {
	l := lines[i]
	cands := []string{hanDigits(l.canon)}
	if i > 0 {
		cands = append(cands, hanDigits(lines[i-1].canon+l.canon))
		if i > 1 && lines[i-1].canon == "" {
			cands = append(cands, hanDigits(lines[i-2].canon+l.canon))
		}
	}
	for j := len(cands) - 1; j >= 0; j-- {
		c := cands[j]
		if m := titleBodyFirstRE.FindStringSubmatch(c); m != nil && plausibleBody(m[1]) {
			fmt.Sscan(m[2], &year)
			// "……管理局关于2021年度……报告", "……关于报送2020年度……报告的函"
			if b := aboutRE.ReplaceAllString(m[1], ""); b != "" {
				return b, year, true
			}
			return m[1], year, true
		}
		if m := titleYearFirstRE.FindStringSubmatch(c); m != nil && plausibleBody(m[2]) {
			fmt.Sscan(m[1], &year)
			// "2019年南通市人民政府信息公开…": the body's 政府 doubles as the
			// title's; "…财政局政府信息公开…": it does not.
			body = m[2]
			if strings.HasSuffix(body, "政府") && !strings.HasSuffix(body, "人民政府") || strings.HasSuffix(body, "人民政府政府") {
				body = strings.TrimSuffix(body, "政府")
			}
			return body, year, true
		}
	}
	return "", 0, false
}

var periodRE = regexp.MustCompile(`(\d{4})年?0?1月?0?1日`)

// statisticsPeriod is the year of the statistics period the report states
// ("统计期限自2024年1月1日起至2024年12月31日止"), 0 when none is found.
func statisticsPeriod(lines []textLine) int {
	for _, l := range lines {
		if !strings.Contains(l.canon, "1日") {
			continue
		}
		if m := periodRE.FindStringSubmatch(l.canon); m != nil {
			var y int
			fmt.Sscan(m[1], &y)
			return y
		}
	}
	return 0
}

// plausibleBody says whether a title's words before or after the year can
// be a body's name: not a menu's or a column's ("政府信息公开年报").
func plausibleBody(s string) bool {
	return !strings.Contains(s, "信息公开") && !strings.Contains(s, "报告") && !strings.Contains(s, "年报") && !strings.Contains(s, "当前位置")
}

// fullBody prefers the fuller name of "本报告由……办公室" when it ends with the
// title's body (洪泽区人民政府 → 淮安市洪泽区人民政府).
func fullBody(body string, text string) string {
	i := strings.Index(text, "本报告由")
	if i < 0 {
		return body
	}
	window := text[i:min(len(text), i+300)]
	if m := preparedByRE.FindStringSubmatch(canon(window)); m != nil {
		if full := m[1]; strings.HasSuffix(full, body) && len(full) > len(body) && utf8.RuneCountInString(full) <= 30 {
			return full
		}
	}
	return body
}

// published finds the publication date where the copy gives one: the
// first 发布时间, 发布日期 or 成文日期 followed by a date (a narrative may
// name them without one: "列明文件的文号、成文日期、发布时间"), else a
// portal's plain 时间：followed by one (see plainTime).
func published(text string) string {
	var m []string
	for from := 0; m == nil; {
		at := -1
		for _, k := range []string{"发布时间", "发布日期", "成文日期"} {
			if i := strings.Index(text[from:], k); i >= 0 && (at < 0 || i < at) {
				at = i
			}
		}
		if at < 0 {
			break
		}
		at += from
		m = publishedRE.FindStringSubmatch(text[at:min(len(text), at+40)])
		from = at + len("发布时间")
	}
	for from := 0; m == nil; {
		at := plainTime(text[from:])
		if at < 0 {
			return ""
		}
		at += from
		m = plainTimeRE.FindStringSubmatch(text[at:min(len(text), at+40)])
		from = at + len("时间")
	}
	// Atoi, not Sscan: Sscan reads "09" as a bad octal number.
	y, _ := strconv.Atoi(m[2])
	mo, _ := strconv.Atoi(m[3])
	d, _ := strconv.Atoi(m[4])
	if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
		return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
	}
	return ""
}
