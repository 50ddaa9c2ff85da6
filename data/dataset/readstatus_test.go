package dataset

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"nianbao/data"
)

// The regulations row of the Nantong dataset, as written.
const regulationsValues = `"values": [
    {
     "key": "made",
     "label": "本年新制作数量",
     "value": "1"
    },
    {
     "key": "published",
     "label": "本年新公开数量",
     "value": "1"
    },
    {
     "key": "total_published",
     "label": "对外公开总数量",
     "value": "6"
    }
   ]`

// runRow writes that row as a run-together copy would leave it: the three
// values with their value and status, then the run and the candidates.
func runRow(made, made2, pub, pubS, total, totalS, rest string) string {
	q := func(key, label, v, s string) string {
		out := `{"key": "` + key + `", "label": "` + label + `", "value": "` + v + `"`
		if s != "" {
			out += `, "status": "` + s + `"`
		}
		return out + "}"
	}
	return `"values": [` + q("made", "本年新制作数量", made, made2) + ", " + q("published", "本年新公开数量", pub, pubS) + ", " +
		q("total_published", "对外公开总数量", total, totalS) + "]" + rest
}

const twoCands = `, "run": "1116", "candidates": [["1", "1", "16"], ["1", "11", "6"]]`

func withRow(t *testing.T, row string) []byte {
	t.Helper()
	return edit(t, regulationsValues, row)
}

// A row whose numbers ran together keeps its run and candidates, and
// round-trips through its dataset.
func TestRunAccepted(t *testing.T) {
	for name, row := range map[string]string{
		"unreadable":             runRow("1", "", "", data.StatusUnreadable, "", data.StatusUnreadable, twoCands),
		"settled across years":   runRow("1", "", "11", data.StatusCrossYear, "6", data.StatusCrossYear, twoCands),
		"too many to list":       runRow("", data.StatusUnreadable, "", data.StatusUnreadable, "", data.StatusUnreadable, `, "run": "1116"`),
		"a blank in a candidate": runRow("1", "", "", data.StatusUnreadable, "", data.StatusUnreadable, `, "run": "1 / 16", "candidates": [["1", "", "16"], ["1", "16", ""]]`),
	} {
		t.Run(name, func(t *testing.T) {
			r, err := Parse(withRow(t, row))
			if err != nil {
				t.Fatal(err)
			}
			if r.Disclosure[0].Run == "" {
				t.Fatal("the run was lost")
			}
			js, err := data.Encode(r)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Parse(js)
			if err != nil || !reflect.DeepEqual(back, r) {
				t.Fatalf("round trip: %v\n%s", err, js)
			}
			if again, _ := data.Encode(back); !bytes.Equal(again, js) {
				t.Error("encoded again differently")
			}
		})
	}
	r, _ := Parse(withRow(t, runRow("1", "", "", data.StatusUnreadable, "", data.StatusUnreadable, twoCands)))
	if q := r.Disclosure[0].Values[1]; !q.Unreadable() || q.Blank() {
		t.Errorf("an unreadable value: Unreadable %v, Blank %v", q.Unreadable(), q.Blank())
	}
}

func TestRunRefused(t *testing.T) {
	tests := []struct {
		name, row     string
		field, reason string
	}{
		{"unknown status", runRow("1", "guess", "1", "", "6", "", ""), "disclosure[0].values[0].status", `want "unreadable"`},
		{"unreadable with a value", runRow("1", "", "11", data.StatusUnreadable, "", data.StatusUnreadable, twoCands), "disclosure[0].values[1].value", "an unreadable value is \"\""},
		{"settled without a value", runRow("1", "", "", data.StatusCrossYear, "", data.StatusUnreadable, twoCands), "disclosure[0].values[1].value", "empty"},
		{"status without a run", runRow("1", "", "", data.StatusUnreadable, "", data.StatusUnreadable, ""), "disclosure[0].run", "missing"},
		{"run of plain values", runRow("1", "", "1", "", "6", "", `, "run": "116"`), "disclosure[0].run", "read plainly"},
		{"candidates without a run", runRow("1", "", "1", "", "6", "", `, "candidates": [["1", "1", "6"], ["11", "", "6"]]`), "disclosure[0].candidates", "without the run"},
		{"no candidates", runRow("1", "", "", data.StatusUnreadable, "", data.StatusUnreadable, `, "run": "1116", "candidates": []`), "disclosure[0].candidates", "0 candidate"},
		{"one candidate", runRow("1", "", "", data.StatusUnreadable, "", data.StatusUnreadable, `, "run": "1116", "candidates": [["1", "1", "16"]]`), "disclosure[0].candidates", "1 candidate"},
		{"short candidate", runRow("1", "", "", data.StatusUnreadable, "", data.StatusUnreadable, `, "run": "1116", "candidates": [["1", "1"], ["1", "11", "6"]]`), "disclosure[0].candidates[0]", "2 values for the row's 3"},
		{"candidate not a count", runRow("1", "", "", data.StatusUnreadable, "", data.StatusUnreadable, `, "run": "1116", "candidates": [["1", "-1", "16"], ["1", "11", "6"]]`), "disclosure[0].candidates[0][1]", "no sign"},
		{"candidate twice", runRow("1", "", "", data.StatusUnreadable, "", data.StatusUnreadable, `, "run": "1116", "candidates": [["1", "1", "16"], ["1", "1", "16"]]`), "disclosure[0].candidates[1]", "twice"},
		{"plain value against a candidate", runRow("2", "", "", data.StatusUnreadable, "", data.StatusUnreadable, twoCands), "disclosure[0].values[0].value", "candidate 0 reads \"1\""},
		{"unreadable where all agree", runRow("", data.StatusUnreadable, "", data.StatusUnreadable, "", data.StatusUnreadable, twoCands), "disclosure[0].values[0].status", "every candidate reads \"1\""},
		{"settled to no candidate", runRow("1", "", "11", data.StatusCrossYear, "16", data.StatusCrossYear, twoCands), "disclosure[0].values[1].value", "no candidate's"},
		{"run with a line break", runRow("1", "", "", data.StatusUnreadable, "", data.StatusUnreadable, `, "run": "11\n16", "candidates": [["1", "1", "16"], ["1", "11", "6"]]`), "disclosure[0].run", "control character"},
		{"long run", runRow("1", "", "", data.StatusUnreadable, "", data.StatusUnreadable, `, "run": "`+strings.Repeat("1", 101)+`"`), "disclosure[0].run", "at most 100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(withRow(t, tt.row))
			var fe *data.FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(fe.Reason, tt.reason) {
				t.Errorf("err = %v; want field %q and a reason with %q", err, tt.field, tt.reason)
			}
		})
	}
}

func TestURL(t *testing.T) {
	at := `"published": "2020-03-10",`
	for _, u := range []string{"https://www.pingtan.gov.cn/zwgk/zfxxgknb/202401/t20240131_86688.htm", "http://x.gov.cn/a?b=1&c=%E5%B9%B3#top", "https://x.cn:8443/"} {
		r, err := Parse(edit(t, at, at+` "url": "`+u+`",`))
		if err != nil || r.URL != u {
			t.Errorf("%s: %v", u, err)
		}
	}
	for u, why := range map[string]string{
		"javascript:alert(1)":        "absolute http",
		"//www.pingtan.gov.cn/a.htm": "absolute http",
		"ftp://x.cn/a":               "absolute http",
		"http://":                    "no host",
		"https://user:pw@x.cn/":      "user name",
		"https://x.cn/a b":           "character 15",
		"https://x.cn/平潭":            "percent-encoded",
		`https://x.cn/\"onclick`:     "character 14",
		"https://x.cn/<b>":           "character 14",
		"https://x.cn/" + strings.Repeat("a", data.MaxURLLen): "at most 1000",
	} {
		_, err := Parse(edit(t, at, at+` "url": "`+u+`",`))
		var fe *data.FieldError
		if !errors.As(err, &fe) || fe.Field != "url" || !strings.Contains(fe.Reason, why) {
			t.Errorf("%s: err = %v, want a refusal of url with %q", u, err, why)
		}
	}
}
