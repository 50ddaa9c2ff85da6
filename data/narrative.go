package data

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The text-against-tables rule (RuleNarrative): a report's narrative often
// restates its tables' headline counts — 本年新收…申请N件, 办结N件,
// 结转下年度N件 for table 三, 行政复议N件 and 行政诉讼N件 for table 四 — and
// where the two disagree, one of them is wrong as published. The rule is
// softer than rules 1–4: a sentence is read by patterns, not parsed, so it
// names the sentence beside both numbers and never says which is right.
// Its findings are never corrections and are not counted in a report's
// consistency (Entry.Findings counts rules 1–4 only).

// Claim is a number a sentence of the narrative gives for a cell of table
// 三 or 四 (or, for 行政诉讼, the sum of table 四's two litigation groups).
type Claim struct {
	Table  Table  // TableRequests or TableAppeals
	Row    string // a row key of the table; RowLitigation for both litigation groups
	Column string // a column key
	Value  int64
	Quote  string // the sentence, as printed
}

// RowLitigation names, in a finding of rule 6, table 四's two litigation
// groups added up: the narrative counts 行政诉讼 as one number.
const RowLitigation = "litigation"

// maxQuote bounds the sentence a claim quotes, in characters.
const maxQuote = 160

// A count: digits, or a small number in Chinese numerals.
const (
	countPat = `([0-9]+|[零〇一二两三四五六七八九十百]+)`
	countEnd = `(?:件|条|份|项|个|起|宗|次)`
)

// narrativeREs are the rule's patterns, compiled on first use: the
// browser's app links this package but never reads a narrative (the build
// puts rule 6's findings in each pack), and a package-level MustCompile
// would compile them at every start of the app.
type narrativeREs struct {
	sentenceEnd, clauseEnd, year *regexp.Regexp
	// 本年新收/收到/受理…申请N件: requests received (table 三, row 一);
	// 未收到…申请: none received.
	received, noneReceived *regexp.Regexp
	// 办结N件: requests handled (table 三, （七）总计).
	handled *regexp.Regexp
	// 结转下年度N件, 结转至2026年N件: carried over (table 三, row 四).
	carried *regexp.Regexp
	// 行政复议N件 and 行政诉讼N件 (table 四), or none.
	review, litigation, noReview, noSuit *regexp.Regexp
	// Words that make a clause speak of another year or of a part.
	elsewhere *regexp.Regexp
	// Words between 行政复议 and a number that make it a result, not the total.
	result *regexp.Regexp
}

var (
	narrativeOnce sync.Once
	narrativeRE   *narrativeREs
)

func patterns() *narrativeREs {
	narrativeOnce.Do(func() {
		narrativeRE = &narrativeREs{
			sentenceEnd:  regexp.MustCompile(`[。；;！!？?]`),
			clauseEnd:    regexp.MustCompile(`[，,（）()：:]`),
			year:         regexp.MustCompile(`(20[0-9]{2})\s*年`),
			received:     regexp.MustCompile(`(?:新收|收到|受理|接收|接到)[^，,。；\d]{0,30}?(?:申请|依申请公开)[^，,。；\d]{0,10}?(?:共计|共|计)?` + countPat + countEnd),
			noneReceived: regexp.MustCompile(`(?:未|没有|暂无|无)[^，,。；\d]{0,20}?(?:公开申请|信息申请|依申请公开|申请公开)`),
			handled:      regexp.MustCompile(`办结[^，,。；\d]{0,16}?(?:共计|共|计)?` + countPat + `件`),
			carried:      regexp.MustCompile(`结转(?:至|到)?(?:下一?年度?|(20[0-9]{2})\s*年度?)(?:继续办理)?[^，,。；\d]{0,6}?(?:共计|共|计)?` + countPat + `件`),
			review:       regexp.MustCompile(`行政复议([^，,。；\d、]{0,8}?)(?:共计|共|计)?` + countPat + countEnd),
			litigation:   regexp.MustCompile(`行政诉讼([^，,。；\d、]{0,8}?)(?:共计|共|计)?` + countPat + countEnd),
			noReview:     regexp.MustCompile(`(?:未|没有|无)[^，,。；\d]{0,30}?行政复议`),
			noSuit:       regexp.MustCompile(`(?:未|没有|无)[^，,。；\d]{0,40}?行政诉讼`),
			elsewhere:    regexp.MustCompile(`上年|上一年|去年|同比|较上|相比|累计|截至|截止|其中`),
			result:       regexp.MustCompile(`维持|纠正|撤销|驳回|审结|确认|终止`),
		}
	})
	return narrativeRE
}

// NarrativeClaims reads the counts the narrative gives for the tables:
// sentences of 一、总体情况 (and of any prose the report prints under the
// headings of parts 三 and 四) that say how many requests were received
// (新收, 收到, 受理…申请N件, or none), handled (办结N件) and carried over
// (结转下年度N件), and how many administrative reviews and lawsuits there
// were (行政复议N件, 行政诉讼N件, or none). A clause that speaks of another
// year, a cumulative count or a part (其中) is passed over.
func NarrativeClaims(r *Report) []Claim {
	re := patterns()
	var claims []Claim
	for _, s := range r.Sections {
		if s.Key != SectionOverview && s.Key != SectionRequests && s.Key != SectionAppeals {
			continue
		}
		for _, p := range s.Paragraphs {
			for _, sentence := range splitKeep(p, re.sentenceEnd) {
				claims = append(claims, sentenceClaims(re, sentence, r.Year)...)
			}
		}
	}
	return claims
}

// sentenceClaims are the claims of one sentence of a report of the year.
func sentenceClaims(re *narrativeREs, sentence string, year int) []Claim {
	quote := strings.TrimSpace(sentence)
	if utf8.RuneCountInString(quote) > maxQuote {
		quote = string([]rune(quote)[:maxQuote]) + "……"
	}
	// A sentence about another year is about another report.
	for _, m := range re.year.FindAllStringSubmatch(sentence, -1) {
		if y, _ := strconv.Atoi(m[1]); y != year && y != year+1 {
			return nil
		}
	}
	var claims []Claim
	add := func(table Table, row, col string, v int64) {
		for _, c := range claims {
			if c.Table == table && c.Row == row && c.Column == col && c.Value == v {
				return
			}
		}
		claims = append(claims, Claim{table, row, col, v, quote})
	}
	for _, clause := range re.clauseEnd.Split(sentence, -1) {
		if re.elsewhere.MatchString(clause) {
			continue
		}
		nextYear := false
		for _, m := range re.year.FindAllStringSubmatch(clause, -1) {
			nextYear = nextYear || m[1] == strconv.Itoa(year+1)
		}
		appeals := strings.Contains(clause, "复议") || strings.Contains(clause, "诉讼")
		if !appeals && !nextYear {
			if m := re.received.FindStringSubmatch(clause); m != nil {
				if v, ok := count(m[1]); ok {
					add(TableRequests, RowNew.Key, "total", v)
				}
			} else if re.noneReceived.MatchString(clause) && !strings.Contains(clause, "申请人") {
				add(TableRequests, RowNew.Key, "total", 0)
			}
			if m := re.handled.FindStringSubmatch(clause); m != nil {
				if v, ok := count(m[1]); ok {
					add(TableRequests, RowTotal.Key, "total", v)
				}
			}
		}
		if m := re.carried.FindStringSubmatch(clause); m != nil && !appeals && (m[1] == "" || m[1] == strconv.Itoa(year+1)) {
			if v, ok := count(m[2]); ok {
				add(TableRequests, RowCarriedOver.Key, "total", v)
			}
		}
		if nextYear {
			continue
		}
		if m := re.review.FindStringSubmatch(clause); m != nil && !re.result.MatchString(m[1]) {
			if v, ok := count(m[2]); ok {
				add(TableAppeals, "review", "total", v)
			}
		} else if re.noReview.MatchString(clause) {
			add(TableAppeals, "review", "total", 0)
		}
		if m := re.litigation.FindStringSubmatch(clause); m != nil && !re.result.MatchString(m[1]) {
			if v, ok := count(m[2]); ok {
				add(TableAppeals, RowLitigation, "total", v)
			}
		} else if re.noSuit.MatchString(clause) {
			add(TableAppeals, RowLitigation, "total", 0)
		}
	}
	return claims
}

// NarrativeFinding is a finding of rule 6, with the sentence it is about.
type NarrativeFinding struct {
	Finding
	Quote string `json:"quote"` // the sentence, as printed
}

// NarrativeFindings are the findings of rule 6: each claim of the narrative
// that differs from its table. Printed is the table's number, Want the
// text's. Blank cells count as 0, as in every check.
func NarrativeFindings(r *Report) []NarrativeFinding {
	var fs []NarrativeFinding
	for _, c := range NarrativeClaims(r) {
		var printed int64
		switch {
		case !c.Table.IsAppeals():
			printed = r.Requests.Get(c.Row, ColTotal)
		case c.Row == RowLitigation:
			printed = r.Appeals.Cell("litigation_direct", AppealTotal).N() + r.Appeals.Cell("litigation_after_review", AppealTotal).N()
		default:
			printed = r.Appeals.Cell(c.Row, AppealTotal).N()
		}
		if printed != c.Value {
			fs = append(fs, NarrativeFinding{Finding{Rule: RuleNarrative, Table: c.Table, Row: c.Row, Column: c.Column, Printed: printed, Want: c.Value}, c.Quote})
		}
	}
	return fs
}

// splitKeep splits s after each match of re, keeping the separators.
func splitKeep(s string, re *regexp.Regexp) []string {
	var out []string
	last := 0
	for _, loc := range re.FindAllStringIndex(s, -1) {
		out = append(out, s[last:loc[1]])
		last = loc[1]
	}
	if strings.TrimSpace(s[last:]) != "" {
		out = append(out, s[last:])
	}
	return out
}

// count reads a count written in digits or in Chinese numerals below a
// thousand (两, 十二, 一百零五).
func count(s string) (int64, bool) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, n <= MaxCount
	}
	digits := map[rune]int64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	var total, cur int64
	seen := false
	for _, r := range s {
		switch r {
		case '十', '百':
			unit := int64(10)
			if r == '百' {
				unit = 100
			}
			if cur == 0 && !seen {
				cur = 1
			}
			total += cur * unit
			cur, seen = 0, false
		default:
			d, ok := digits[r]
			if !ok {
				return 0, false
			}
			cur, seen = d, true
		}
	}
	return total + cur, true
}
