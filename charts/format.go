package charts

import (
	"strconv"
	"strings"

	"nianbao/data"
)

// The product's one number format, for every label, tooltip, summary,
// table, image and key figure: counts with thousands separators
// ("4,055,284"), shares rounded to one decimal ("62.1%"), and "—" for a
// share of nothing. ECharts writes its value axes' ticks the same way
// (addCommas); web/js/charts.js estimates their widths with the same rule.
// A CSV file keeps counts without separators (a spreadsheet reads them as
// numbers) and shares as here.

// Count writes a count with thousands separators: 4055284 → "4,055,284".
func Count(v int64) string { return grouped(strconv.FormatInt(v, 10)) }

// Percent formats a share of a whole with one decimal: "43.5%"; "—" when the
// whole is zero.
func Percent(part, whole int64) string {
	if whole == 0 {
		return "—"
	}
	return PercentOf(float64(part) * 100 / float64(whole))
}

// PercentOf writes a percentage with one decimal: 62.10526315789474 →
// "62.1%".
func PercentOf(v float64) string { return strconv.FormatFloat(Round1(v), 'f', 1, 64) + "%" }

// Round1 rounds to one decimal, as Percent writes it: a chart draws the
// share its label and table print.
func Round1(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 1, 64), 64)
	return f
}

// share is part of whole in percent with one decimal, 0 when whole is 0.
func share(part, whole int64) float64 {
	if whole == 0 {
		return 0
	}
	return Round1(float64(part) * 100 / float64(whole))
}

// Grouped puts thousands separators into a number as a report prints it
// ("4055284", "-47", "950125.6165"), keeping its sign and decimals; text
// that is not a number stays as it is.
func Grouped(s string) string {
	if _, _, _, ok := data.SplitNumber(s); !ok {
		return s
	}
	return grouped(s)
}

func grouped(s string) string {
	sign := ""
	if s != "" && (s[0] == '-' || s[0] == '+') {
		sign, s = s[:1], s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(whole[i])
	}
	if dot {
		b.WriteString("." + frac)
	}
	return b.String()
}

// ungrouped is a number without its thousands separators, for CSV files.
func ungrouped(s string) string {
	if groupedNumber(s) {
		return strings.ReplaceAll(s, ",", "")
	}
	return s
}
