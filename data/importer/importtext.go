package importer

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// ImportError is a report that cannot be imported: what is wrong and where.
type ImportError struct {
	Where string // "table 三", "line 212", …
	What  string
}

func (e *ImportError) Error() string { return e.Where + ": " + e.What }

func importErr(where, format string, args ...any) error {
	return &ImportError{Where: where, What: fmt.Sprintf(format, args...)}
}

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
		return "", importErr("encoding", "the text is neither UTF-8 nor GB18030/GBK")
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
	var lines []textLine
	skipEmpty := false
	for i, l := range strings.Split(spaceMapper.Replace(text), "\n") {
		if footerRE.MatchString(l) {
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
	return lines
}

// canon is s for matching: no white space, ASCII punctuation made
// full-width, full-width digits made ASCII, numbering "1、" made "1.".
func canon(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		}
		switch r {
		case '(':
			return '（'
		case ')':
			return '）'
		case ',':
			return '，'
		case ':':
			return '：'
		case ';':
			return '；'
		case '"':
			return '“'
		}
		return r
	}, s)
	if len(s) > 1 && s[0] >= '1' && s[0] <= '9' && strings.HasPrefix(s[1:], "、") {
		s = s[:1] + "." + s[1+len("、"):]
	}
	return s
}

// sectionHeads match the headings of the six sections, in their variants.
var sectionHeads = []struct {
	key string
	re  *regexp.Regexp
}{
	{"一", regexp.MustCompile(`^(一、)?总体情况$`)},
	{"二", regexp.MustCompile(`^(二、)?主动公开政府信息(的)?情况$`)},
	{"三", regexp.MustCompile(`^(三、)?收到和处理政府信息公开申请(的)?情况$`)},
	{"四", regexp.MustCompile(`^(四、)?.*(行政复议.*行政诉讼|行政诉讼.*行政复议).*情况$`)},
	{"五", regexp.MustCompile(`^(五、)?存在(的)?(主要)?问题及(其)?改进(措施|情况)(及措施)?$`)},
	{"六", regexp.MustCompile(`^(六、)?其他需要报告的事项$`)},
}

// findSections returns the index of each section's heading line, in order.
func findSections(lines []textLine) (map[string]int, error) {
	at := map[string]int{}
	next := 0
	for i, l := range lines {
		if next == len(sectionHeads) {
			break
		}
		for k := next; k < len(sectionHeads); k++ {
			if sectionHeads[k].re.MatchString(l.canon) {
				at[sectionHeads[k].key] = i
				next = k + 1
				break
			}
		}
	}
	for _, need := range []string{"三", "四"} {
		if _, ok := at[need]; !ok {
			what := map[string]string{"三": "三、收到和处理政府信息公开申请情况", "四": "四、政府信息公开行政复议、行政诉讼情况"}[need]
			return nil, importErr("table "+need, "no heading “%s”: this is not a report in the national format, or it is cut off", what)
		}
	}
	if at["三"] > at["四"] {
		return nil, importErr("table 四", "its heading comes before table 三's")
	}
	return at, nil
}

// sectionEnd is the line index where the section starting at start ends.
func sectionEnd(at map[string]int, key string, n int) int {
	order := []string{"一", "二", "三", "四", "五", "六"}
	start := at[key]
	end := n
	for _, k := range order {
		if i, ok := at[k]; ok && i > start && i < end {
			end = i
		}
	}
	return end
}

// narrativeParagraphs joins wrapped lines into paragraphs. A paragraph
// breaks at an empty line, at an indented line (PDF layout), at a
// numbered sub-heading, and after a short line that ends a sentence.
func narrativeParagraphs(lines []textLine, heading *regexp.Regexp) []string {
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
		if heading != nil && heading.MatchString(l.canon) {
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
	titleBodyFirstRE = regexp.MustCompile(`^([^，,。《》：:；;“”"（）]{2,30}?)(\d{4})年度?政府信息公开工作年度报告`)
	titleYearFirstRE = regexp.MustCompile(`^(\d{4})年度?([^，,。《》：:；;“”"（）]{2,30}?)信息公开工作年度报告`)
	publishedRE      = regexp.MustCompile(`(发布时间|发布日期|成文日期)[：:]\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})`)
	preparedByRE     = regexp.MustCompile(`本报告由(.{2,40}?)(办公室|办公厅)`)
)

// reportTitle finds the body and year in the title, within the lines before
// section 一 (a title may be split over two lines).
func reportTitle(lines []textLine) (body string, year int, err error) {
	for i, l := range lines {
		if !strings.Contains(l.canon, "年度报告") {
			continue
		}
		cands := []string{l.canon}
		if i > 0 {
			cands = append(cands, lines[i-1].canon+l.canon)
			if i > 1 && lines[i-1].canon == "" {
				cands = append(cands, lines[i-2].canon+l.canon)
			}
		}
		for j := len(cands) - 1; j >= 0; j-- {
			c := cands[j]
			if m := titleBodyFirstRE.FindStringSubmatch(c); m != nil {
				fmt.Sscan(m[2], &year)
				return m[1], year, nil
			}
			if m := titleYearFirstRE.FindStringSubmatch(c); m != nil {
				fmt.Sscan(m[1], &year)
				// "2019年南通市人民政府信息公开…": the body's 政府 doubles as the
				// title's; "…财政局政府信息公开…": it does not.
				body = m[2]
				if strings.HasSuffix(body, "政府") && !strings.HasSuffix(body, "人民政府") || strings.HasSuffix(body, "人民政府政府") {
					body = strings.TrimSuffix(body, "政府")
				}
				return body, year, nil
			}
		}
		break
	}
	return "", 0, importErr("title", "no title “……年政府信息公开工作年度报告” naming the body and the year")
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

// published finds the publication date where the copy gives one.
func published(text string) string {
	at := -1
	for _, k := range []string{"发布时间", "发布日期", "成文日期"} {
		if i := strings.Index(text, k); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return ""
	}
	if m := publishedRE.FindStringSubmatch(text[at:min(len(text), at+80)]); m != nil {
		var y, mo, d int
		fmt.Sscan(m[2], &y)
		fmt.Sscan(m[3], &mo)
		fmt.Sscan(m[4], &d)
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
		}
	}
	return ""
}

var errEmpty = errors.New("the file is empty")
