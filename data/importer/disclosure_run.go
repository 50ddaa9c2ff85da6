package importer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"nianbao/data"
)

// Table 二 from a run-together copy. It has no cross-check inside one
// report: "行政规范性文件114251" is 1, 14, 251 or 11, 4, 251 or eight other
// splits, and nothing in the report tells which. A row whose numbers read
// one way only (the number of digits and values, the signs, decimal points
// and units force it) is taken; a row that reads several ways keeps the
// values every reading agrees on, and the others are left unreadable
// (data.StatusUnreadable), with the run and the readings in the dataset
// (data.DisclosureRow.Run, Candidates). Never a guessed number. The body's
// other years may settle a row later: see settleDisclosure.

// A value of table 二 as a run-together copy writes it, between
// boundaries: a sign starts one, a unit (元, 万元, 亿元) or a counting word
// (个, 笔, 件, 项) ends one, and a space or a blank mark stands between two.
type valueTok struct {
	sign   string // "+" or "-"; 增 and 减 are written so
	digits string // digits, with at most one decimal point
	unit   string // a unit of money printed after the number
	blank  bool   // "/", "—": a blank cell
}

var (
	moneyUnits = []string{"万元", "亿元", "元"}
	countWords = "个笔件项条"
	unitHeadRE = regexp.MustCompile(`采购总金额[（(](?:单位[：:])?(万元|亿元|元)[）)]`)
)

// valueText is the run of value characters at the start of s (after the
// row's label) and where it ends; what follows is the next label or prose.
func valueText(s string) (string, int) {
	i, end := 0, 0
	digit := false // the character before was a digit
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		rest := s[i+n:]
		next, _ := utf8.DecodeRuneInString(rest)
		switch {
		case r >= '0' && r <= '9':
			digit = true
			i += n
			end = i
			continue
		case r == '.' && digit && next >= '0' && next <= '9':
		case r == ' ':
			i += n
			digit = false
			continue
		case strings.ContainsRune("+-－减增", r) && (next >= '0' && next <= '9'):
		case strings.ContainsRune("/／—", r):
		case digit && strings.ContainsRune(countWords, r):
		case digit && r == '元':
		case digit && (r == '万' || r == '亿') && next == '元':
			n += len("元")
		default:
			return s[:end], end
		}
		digit = false
		i += n
		end = i
	}
	return s[:end], end
}

// valueToks splits a run of values at its boundaries.
func valueToks(s string) []valueTok {
	var out []valueTok
	var cur *valueTok
	flush := func() {
		if cur != nil && (cur.digits != "" || cur.blank) {
			out = append(out, *cur)
		}
		cur = nil
	}
	for _, w := range strings.Fields(s) {
		flush()
		for len(w) > 0 {
			r, n := utf8.DecodeRuneInString(w)
			switch {
			case r >= '0' && r <= '9' || r == '.':
				if cur == nil {
					cur = &valueTok{}
				}
				cur.digits += string(r)
			case strings.ContainsRune("+-－减增", r):
				flush()
				cur = &valueTok{sign: "-"}
				if r == '+' || r == '增' {
					cur.sign = "+"
				}
			case strings.ContainsRune("/／—", r):
				flush()
				out = append(out, valueTok{blank: true})
			case strings.ContainsRune(countWords, r):
				flush()
			default: // 元, 万元, 亿元
				for _, u := range moneyUnits {
					if strings.HasPrefix(w, u) {
						if cur != nil {
							cur.unit = u
						}
						n = len(u)
						break
					}
				}
				flush()
			}
			w = w[n:]
		}
	}
	flush()
	return out
}

// readValues lists every split of toks into the values of kinds (by value
// key), each value as printed, at most limit+1 of them.
func readValues(toks []valueTok, keys []string, limit int) [][]string {
	var out [][]string
	vals := make([]string, 0, len(keys))
	var dfs func(t, pos int)
	dfs = func(t, pos int) {
		if len(out) > limit {
			return
		}
		n := len(vals)
		if t == len(toks) {
			if n == len(keys) {
				out = append(out, append([]string(nil), vals...))
			}
			return
		}
		if n == len(keys) {
			return
		}
		tok := toks[t]
		if tok.blank {
			vals = append(vals, "")
			dfs(t+1, 0)
			vals = vals[:n]
			return
		}
		for e := pos + 1; e <= len(tok.digits); e++ {
			part := tok.digits[pos:e]
			sign := ""
			if pos == 0 {
				sign = tok.sign
			}
			last := e == len(tok.digits)
			unit := ""
			if last {
				unit = tok.unit
			}
			if !valueFits(keys[n], sign, part, unit, pos == 0 && last) {
				continue
			}
			vals = append(vals, sign+part)
			if last {
				dfs(t+1, 0)
			} else {
				dfs(t, e)
			}
			vals = vals[:n]
		}
	}
	dfs(0, 0)
	return out
}

// valueFits says whether part (with the sign and unit it carries) can be a
// value of the key: a count (unsigned, whole, at most eight digits), a
// change (本年增/减: signed or not, whole) or an amount (unsigned, with
// decimals, a unit of money); none written with a leading 0 unless it is
// the whole run as printed, or an amount below 1 ("0.5").
func valueFits(key, sign, part, unit string, whole bool) bool {
	if part == "" || part[0] == '.' || part[len(part)-1] == '.' {
		return false
	}
	whl, frac, dec := strings.Cut(part, ".")
	if len(whl) > 1 && whl[0] == '0' && !whole {
		return false
	}
	switch key {
	case "amount", "fee_amount":
		return sign == "" && len(whl) <= data.MaxAmountDigits && len(frac) <= data.MaxAmountDecimals
	case "change":
		return unit == "" && !dec && len(whl) <= 8
	}
	return sign == "" && unit == "" && !dec && len(whl) <= 8
}

// parseDisclosureRun reads table 二 from a run-together copy: from its
// first item (第二十条…) to the first line of prose, each row's label of
// the template version, in the template's order, and the values that run
// after it.
func parseDisclosureRun(lines []textLine, format string) ([]data.DisclosureRow, []string) {
	var b strings.Builder
	started := false
	for _, l := range lines {
		c := strings.TrimSpace(spaceNorm.Replace(l.raw))
		if !started {
			if !strings.HasPrefix(c, "第二十条") {
				continue
			}
			started = true
		} else if strings.ContainsAny(c, "。；") {
			break
		}
		b.WriteString(c)
		b.WriteString(" ")
	}
	s := b.String()
	var out []data.DisclosureRow
	var warnings []string
	pos := 0
	for _, d := range disclosureRows {
		keys := d.v2019
		if format == data.Format2021 {
			keys = d.v2021
		}
		if keys == nil {
			continue
		}
		at, label := -1, ""
		for _, l := range d.labels {
			if i := strings.Index(s[pos:], l); i >= 0 && (at < 0 || pos+i < at) {
				at, label = pos+i, l
			}
		}
		if at < 0 {
			continue
		}
		if label == "规范性文件" && strings.HasSuffix(s[:at], "行政") {
			at, label = at-len("行政"), "行政规范性文件"
		}
		head := s[pos:at]
		pos = at + len(label)
		run, end := valueText(strings.TrimLeft(s[pos:], " "))
		pos = len(s) - len(strings.TrimLeft(s[pos:], " ")) + end
		run = strings.TrimSpace(run)
		row := data.DisclosureRow{Item: d.item, Key: d.key, Label: label}
		for _, key := range keys {
			row.Values = append(row.Values, data.Quantity{Key: key, Label: valueLabels[format][key]})
		}
		toks := valueToks(run)
		unit := ""
		for _, t := range toks {
			if t.unit != "" {
				unit = t.unit
			}
		}
		if unit == "" {
			if m := unitHeadRE.FindStringSubmatch(head); m != nil {
				unit = m[1]
			}
		}
		for i := range row.Values {
			if k := row.Values[i].Key; k == "amount" || k == "fee_amount" {
				row.Values[i].Unit = unit
				if k == "fee_amount" && unit == "" {
					row.Values[i].Unit = "万元"
				}
			}
		}
		if len(toks) == 0 {
			out = append(out, row) // every value left blank
			continue
		}
		cands := readValues(toks, keys, data.MaxCandidates)
		switch {
		case len(cands) == 1:
			for i, v := range cands[0] {
				row.Values[i].Value = v
			}
		case len(cands) == 0:
			row.Run = run
			for i := range row.Values {
				row.Values[i].Status = data.StatusUnreadable
			}
			warnings = append(warnings, fmt.Sprintf("table 二, row %s: %q cannot be read as its %d values (%s); left unreadable", d.key, run, len(keys), valueNames(row)))
		default:
			row.Run = run
			if len(cands) <= data.MaxCandidates {
				row.Candidates = cands
			}
			for i := range row.Values {
				agree := true
				for _, c := range cands[1:] {
					agree = agree && c[i] == cands[0][i]
				}
				if agree {
					row.Values[i].Value = cands[0][i]
				} else {
					row.Values[i].Status = data.StatusUnreadable
				}
			}
			warnings = append(warnings, fmt.Sprintf("table 二, row %s: %q reads as its values (%s) %s; what differs is left unreadable", d.key, run, valueNames(row), candidateList(cands)))
		}
		out = append(out, row)
	}
	return out, warnings
}

func valueNames(row data.DisclosureRow) string {
	var s []string
	for _, q := range row.Values {
		s = append(s, q.Label)
	}
	return strings.Join(s, ", ")
}

// candidateList writes the readings of a row: "2 ways: 1/14/251, 11/4/251".
func candidateList(cands [][]string) string {
	if len(cands) > data.MaxCandidates {
		return fmt.Sprintf("more than %d ways", data.MaxCandidates)
	}
	var s []string
	for i, c := range cands {
		if i == 12 {
			s = append(s, "…")
			break
		}
		s = append(s, strings.Join(c, "/"))
	}
	return fmt.Sprintf("%d ways: %s", len(cands), strings.Join(s, ", "))
}
