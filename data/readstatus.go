package data

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Limits of the fields that say where a report comes from and how table
// 二 was read; the package documentation (Limits) says why.
const (
	MaxURLLen     = 1000 // url, in bytes (all ASCII)
	MaxRunLen     = 100  // a table 二 row's run of numbers, in characters
	MaxCandidates = 100  // the candidate splits listed for one row of table 二
)

// ValidURL says why s cannot be a report's url (the published original's
// address), or "": an absolute http or https address of at most MaxURLLen
// bytes, written in printable ASCII without spaces, quotes, angle brackets
// or backslashes (a non-ASCII address is written percent-encoded), with a
// host and without a user name or password.
func ValidURL(s string) string { return urlProblem(s) }

func urlProblem(s string) string {
	if len(s) > MaxURLLen {
		return fmt.Sprintf("%d bytes; an address is at most %d", len(s), MaxURLLen)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || strings.IndexByte("\"<>\\^`{|}", c) >= 0 {
			return fmt.Sprintf("character %d (%q) does not belong in an address: write it percent-encoded", i+1, s[i:i+1])
		}
	}
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
		return fmt.Sprintf("%q: want an absolute http:// or https:// address", abbrevText(s))
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return fmt.Sprintf("%q is not an address: %v", abbrevText(s), err)
	case u.Host == "" || u.Hostname() == "":
		return fmt.Sprintf("%q names no host", abbrevText(s))
	case u.User != nil:
		return fmt.Sprintf("%q carries a user name or password", abbrevText(s))
	}
	return ""
}

func abbrevText(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

// checkStatus checks how a value of table 二 says it was read.
func checkStatus(at string, q Quantity) *FieldError {
	switch q.Status {
	case "":
	case StatusUnreadable:
		if q.Value != "" {
			return refuse(at+".value", "%q: an unreadable value is \"\" (the row's candidates hold what it may be)", q.Value)
		}
	case StatusCrossYear:
		if q.Value == "" {
			return refuse(at+".value", "empty: a value settled by the cross-year relation is the candidate's")
		}
	default:
		return refuse(at+".status", "%q: want %q, %q or none", q.Status, StatusUnreadable, StatusCrossYear)
	}
	return nil
}

// checkRun checks a table 二 row's run of numbers and its candidate splits
// against its values: a run only where a value is unreadable or settled by
// the cross-year relation; at least two candidates, none twice, each a
// valid value per column ("" where a split leaves a blank cell); a value
// read plainly is every candidate's; an
// unreadable one differs between them; the settled ones are one
// candidate's.
func checkRun(at string, row DisclosureRow) *FieldError {
	special := slices.ContainsFunc(row.Values, func(q Quantity) bool { return q.Status != "" })
	if row.Run == "" {
		if row.Candidates != nil {
			return refuse(at+".candidates", "given without the run of numbers they split")
		}
		if special {
			return refuse(at+".run", "missing: a value is %s or %s, which needs the row's run of numbers", StatusUnreadable, StatusCrossYear)
		}
		return nil
	}
	if why := checkText(row.Run, MaxRunLen); why != "" {
		return refuse(at+".run", "%s", why)
	}
	if strings.TrimSpace(row.Run) != row.Run {
		return refuse(at+".run", "%q starts or ends with white space", row.Run)
	}
	if !special {
		return refuse(at+".run", "given, but every value was read plainly: a run is kept only for values that cannot be read")
	}
	cands := row.Candidates
	switch {
	case cands == nil:
	case len(cands) < 2:
		return refuse(at+".candidates", "%d candidate; a run is kept where the numbers split at least two ways (leave candidates out when there are too many to list)", len(cands))
	case len(cands) > MaxCandidates:
		return refuse(at+".candidates", "%d candidates; at most %d are listed (leave them out when there are more)", len(cands), MaxCandidates)
	}
	for i, c := range cands {
		cat := fmt.Sprintf("%s.candidates[%d]", at, i)
		if len(c) != len(row.Values) {
			return refuse(cat, "%d values for the row's %d", len(c), len(row.Values))
		}
		for j, v := range c {
			q := row.Values[j]
			if e := checkQuantity(fmt.Sprintf("%s[%d]", cat, j), Quantity{Key: q.Key, Value: v, Unit: q.Unit}); e != nil {
				e.Field = strings.TrimSuffix(e.Field, ".value")
				return e
			}
		}
		for _, d := range cands[:i] {
			if slices.Equal(c, d) {
				return refuse(cat, "given twice")
			}
		}
	}
	for j, q := range row.Values {
		qat := fmt.Sprintf("%s.values[%d]", at, j)
		switch q.Status {
		case "":
			for i, c := range cands {
				if c[j] != q.Value {
					return refuse(qat+".value", "%q, but candidate %d reads %q: a value that differs between candidates is %s", q.Value, i, c[j], StatusUnreadable)
				}
			}
		case StatusUnreadable:
			if len(cands) > 0 && !slices.ContainsFunc(cands, func(c []string) bool { return c[j] != cands[0][j] }) {
				return refuse(qat+".status", "%s, but every candidate reads %q", StatusUnreadable, cands[0][j])
			}
		case StatusCrossYear:
			if !slices.ContainsFunc(cands, func(c []string) bool {
				for k, q := range row.Values {
					if q.Status == StatusCrossYear && c[k] != q.Value {
						return false
					}
				}
				return true
			}) {
				return refuse(qat+".value", "%q: the values settled by the cross-year relation are no candidate's", q.Value)
			}
		}
	}
	return nil
}
