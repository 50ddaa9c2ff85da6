package charts

import (
	"strings"

	"nianbao/data"
)

// The shapes of numbers in the tables' cells, checked by hand: the charts
// package is in the browser's app, where regular expressions compiled at
// its start cost a phone's first interaction (TestNumberShapes holds each
// to the pattern it was).

// printedNumber says whether s is a number as the tables print it: a
// signed change "+14", "-47", a count "1,234", an amount "950125.6165",
// a share "43.5%" (^[+-]?[0-9][0-9,]*(\.[0-9]+)?%?$).
func printedNumber(s string) bool {
	s = strings.TrimSuffix(s, "%")
	s = trimSign(s)
	whole, frac, point := strings.Cut(s, ".")
	return whole != "" && data.Digits(whole[:1]) && strings.Trim(whole, "0123456789,") == "" && (!point || data.Digits(frac))
}

// groupedNumber says whether s is a number with thousands separators,
// "-1,234.5" (^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$).
func groupedNumber(s string) bool {
	whole, frac, point := strings.Cut(trimSign(s), ".")
	if point && !data.Digits(frac) {
		return false
	}
	groups := strings.Split(whole, ",")
	if len(groups) < 2 || len(groups[0]) > 3 || !data.Digits(groups[0]) {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !data.Digits(g) {
			return false
		}
	}
	return true
}

// countShare splits a cell of a count and its share, as countAndShare
// writes it, "1,234（45.6%）", into "1,234" and "45.6%"
// (^([0-9,]+)（([0-9.]+%)）$).
func countShare(s string) (count, share string, ok bool) {
	body, closed := strings.CutSuffix(s, "）")
	count, share, opened := strings.Cut(body, "（")
	if !closed || !opened || count == "" || strings.Trim(count, "0123456789,") != "" {
		return "", "", false
	}
	digits, pct := strings.CutSuffix(share, "%")
	if !pct || digits == "" || strings.Trim(digits, "0123456789.") != "" {
		return "", "", false
	}
	return count, share, true
}

// trimSign drops one leading + or -.
func trimSign(s string) string {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[1:]
	}
	return s
}
