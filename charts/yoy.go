package charts

import (
	"math"
	"strconv"

	"nianbao/data/catalog"
)

// Change is a key figure against the body's previous report: as shown
// ("较上年 +12%") and in words for a screen reader ("比上年增加12%").
type Change struct {
	Text   string
	Spoken string
}

// yoyCounts are the key figures (KeyFigures' IDs) that are counts, with
// the index figure each is.
var yoyCounts = map[string]func(e *catalog.Entry) int64{
	"handled":      func(e *catalog.Entry) int64 { return e.Handled() },
	"new":          func(e *catalog.Entry) int64 { return e.New() },
	"carried-over": func(e *catalog.Entry) int64 { return e.CarriedOver() },
	"review":       func(e *catalog.Entry) int64 { return e.Reviews() },
	"litigation":   func(e *catalog.Entry) int64 { return e.Litigations() },
}

// YearOnYear is each key figure's change against prev, the body's previous
// report (nil: none), by the figure's ID: a count's in percent of the
// earlier count, the disclosure rate's in percentage points. A figure
// without a change to state (an earlier count of 0, a rate without a
// base) is missing, or says what there is to say.
func YearOnYear(cur, prev *catalog.Entry) map[string]Change {
	if cur == nil || prev == nil {
		return nil
	}
	than := "上年"
	if prev.Year != cur.Year-1 {
		than = strconv.Itoa(prev.Year) + "年"
	}
	out := map[string]Change{}
	for id, f := range yoyCounts {
		now, before := f(cur), f(prev)
		switch {
		case now == before:
			out[id] = Change{"与" + than + "持平", "与" + than + "持平"}
		case before == 0:
			out[id] = Change{than + "为 0", than + "为0件"}
		default:
			// Whole percent, but a change under 1 % keeps a decimal:
			// never "+0%" for counts that differ.
			p := float64(now-before) * 100 / float64(before)
			amount := strconv.FormatFloat(math.Abs(math.Round(p)), 'f', 0, 64)
			if math.Abs(p) < 1 {
				amount = strconv.FormatFloat(math.Max(0.1, math.Abs(math.Round(p*10)/10)), 'f', 1, 64)
			}
			out[id] = signed(than, p < 0, amount+"%", "增加", "减少", amount+"%")
		}
	}
	if cur.Handled() > 0 && prev.Handled() > 0 {
		now := round1(float64(cur.Opened()) * 100 / float64(cur.Handled()))
		before := round1(float64(prev.Opened()) * 100 / float64(prev.Handled()))
		tenths := math.Round((now - before) * 10)
		amount := strconv.FormatFloat(math.Abs(tenths)/10, 'f', 1, 64)
		if tenths == 0 {
			out["open-rate"] = Change{"与" + than + "持平", "与" + than + "持平"}
		} else {
			out["open-rate"] = signed(than, tenths < 0, amount+" 个百分点", "提高", "降低", amount+"个百分点")
		}
	}
	return out
}

// signed is a change, down or up by amount: "较上年 +12%" shown and
// "比上年增加12%" spoken.
func signed(than string, down bool, amount, up, downWord, spoken string) Change {
	sign, word := "+", up
	if down {
		sign, word = "−", downWord // the minus sign, not a hyphen
	}
	return Change{"较" + than + " " + sign + amount, "比" + than + word + spoken}
}
