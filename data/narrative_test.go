package data

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// narrativeSentence is a line of testdata/narrative-sentences.tsv.
type narrativeSentence struct {
	id       string
	year     int
	section  string
	sentence string
}

func narrativeSentences(t *testing.T) []narrativeSentence {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "narrative-sentences.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var out []narrativeSentence
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("narrative-sentences.tsv:%d: %d fields", i+1, len(f))
		}
		y, err := strconv.Atoi(f[1])
		if err != nil {
			t.Fatalf("narrative-sentences.tsv:%d: %v", i+1, err)
		}
		out = append(out, narrativeSentence{f[0], y, f[2], f[3]})
	}
	return out
}

// sentenceReport is a report whose only text is the sentence.
func sentenceReport(s narrativeSentence) *Report {
	return &Report{ID: s.id, Year: s.year, Requests: Requests{}, Appeals: Appeals{},
		Sections: []Section{{Key: s.section, Title: "一、总体情况", Paragraphs: []string{s.sentence}}}}
}

// Each real sentence gives exactly these claims (table/row=value).
func TestNarrativeClaims(t *testing.T) {
	want := map[string][]string{
		"2023年，共收到政府信息公开申请0条。":                        {"三/new=0"},
		"2023年，没有政府信息公开行政复议及行政诉讼情况。":                  {"四/review=0", "四/litigation=0"},
		"2021年我局未有政府信息公开行政复议及行政诉讼有关况。":                {"四/review=0", "四/litigation=0"},
		"2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。": {"三/new=154", "三/total=148", "三/carried_over=6"},
		"全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。":             {"四/review=36", "四/litigation=9"},
		// The clause on last year's carried-over requests is passed over.
		"2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复），均在法定期限内予以答复。": {"三/new=3119"},
		// 其中…: results, not another total.
		"政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；": {"四/review=351"},
		// 未收到该申请人提交的补正 is no statement that no application came.
		"2021年，我局收到政府信息公开申请1件，已按照相关法规，逐级审查，作出补正告知，目前未收到该申请人提交的补正，结转下年度办理。": {"三/new=1"},
		// An application for review is not an application for information.
		"未收到因政府信息公开提出的行政复议、行政诉讼的申请。":                               {"四/review=0", "四/litigation=0"},
		"2024年度，我局共收到政府信息公开申请4件，受理并办结3件，1件属于“本机关不掌握相关政府信息”，故不予受理。": {"三/new=4", "三/total=3"},
		"办理因政府信息公开引起的行政复议1件，当事人后续主动撤诉，未出现被纠错的情况，行政诉讼0件。":           {"四/review=1", "四/litigation=0"},
		// 依申请公开信息数 counts items of information, not applications.
		"（三）主动公开情况2023年，我局通过“平潭综合实验区党工委管委会”门户网站主动公开政府信息16条，依申请公开信息数16条，财政预决算信息2条。": nil,
		"2023年，我局共收到政府信息公开申请7份，其中法人申请1件、自然人申请6件，均依法予以办结。":                          {"三/new=7"},
		"收到申请公开政府信息的要求1件，完成答复。": {"三/new=1"},
		"2023年我局未收到政府信息公开申请件。":  {"三/new=0"},
		// Another year's comparison, items of information: nothing.
		"2023年，我局共制发政府信息313条，其中，主动公开政府信息128条、依申请公开130条、不予公开55条，主动公开及依申请公开政府信息总条数占总制发信息的82.4%，较2022年上升3.6个百分点。": nil,
		"2025年，实验区管委会（办公室）共受理公开申请34件，均在法定期限内予以办理。":                                                             {"三/new=34"},
		"因依申请公开引发行政复议1起，结果为维持我局作出的《政府信息公开申请答复书》的行政行为。":                                                         {"四/review=1"},
		"政府信息公开行政复议1条，未发生行政诉讼情况。":                                                                              {"四/review=1", "四/litigation=0"},
		"全年没有应公开而不予公开的情况，没有因政府信息公开针对区公安局申请行政复议或行政诉讼的事项。":                                                       {"四/review=0", "四/litigation=0"},
	}
	sentences := narrativeSentences(t)
	if len(sentences) != len(want) {
		t.Fatalf("%d sentences in testdata, %d expected here", len(sentences), len(want))
	}
	for _, s := range sentences {
		w, ok := want[s.sentence]
		if !ok {
			t.Errorf("%s: no expectation for %q", s.id, s.sentence)
			continue
		}
		var got []string
		for _, c := range NarrativeClaims(sentenceReport(s)) {
			got = append(got, string(c.Table)+"/"+c.Row+"="+strconv.FormatInt(c.Value, 10))
			if c.Quote != s.sentence {
				t.Errorf("%s: quote %q, want the sentence", s.id, c.Quote)
			}
		}
		if !slices.Equal(got, w) {
			t.Errorf("%s: %q\nclaims %q, want %q", s.id, s.sentence, got, w)
		}
	}
}

// A claim that the table contradicts is a finding of rule 6 with both
// numbers, the table's as printed; one it agrees with is none.
func TestNarrativeFindings(t *testing.T) {
	byID := map[string][]narrativeSentence{}
	for _, s := range narrativeSentences(t) {
		byID[s.id] = append(byID[s.id], s)
	}
	// jjf-2023 as published: table 三 row 一 of 3 0 0 0 0 0 3, all else 0;
	// its part 三 says no application came.
	jjf := sentenceReport(byID["pingtan-jjf-2023"][0])
	for _, s := range byID["pingtan-jjf-2023"][1:] {
		jjf.Sections = append(jjf.Sections, Section{Key: s.section, Title: "…", Paragraphs: []string{s.sentence}})
	}
	for _, row := range jjf.Requests.Rows() {
		jjf.Requests[row.Key] = &RequestRow{}
	}
	jjf.Requests["new"] = &RequestRow{Num(3), Num(0), Num(0), Num(0), Num(0), Num(0), Num(3)}
	for _, row := range AppealRows {
		jjf.Appeals[row.Key] = &AppealRow{}
	}
	got := NarrativeFindings(jjf)
	want := []NarrativeFinding{{Finding{Rule: RuleNarrative, Table: TableRequests, Row: "new", Column: "total", Printed: 3, Want: 0}, "2023年，共收到政府信息公开申请0条。"}}
	if !slices.Equal(got, want) {
		t.Errorf("jjf-2023: %+v, want %+v", got, want)
	}
	if n := len(Check(jjf)); n != 2 {
		t.Errorf("jjf-2023: %d findings of rules 1–4, want 2 (rule 1 and rule 2 at 总计; rule 6 is not among them)", n)
	}

	// 平潭 2025: 154 received, 148 handled, 6 carried over; 36 reviews and
	// 9 suits, of which the table puts 6 and 3 in its two litigation groups.
	zone := &Report{Year: 2025, Requests: Requests{}, Appeals: Appeals{}}
	for _, s := range byID["pingtan-zone-2025"] {
		zone.Sections = append(zone.Sections, Section{Key: s.section, Paragraphs: []string{s.sentence}})
	}
	zone.Requests["new"] = &RequestRow{6: Num(154)}
	zone.Requests["total"] = &RequestRow{6: Num(148)}
	zone.Requests["carried_over"] = &RequestRow{6: Num(6)}
	zone.Appeals["review"] = &AppealRow{4: Num(36)}
	zone.Appeals["litigation_direct"] = &AppealRow{4: Num(6)}
	zone.Appeals["litigation_after_review"] = &AppealRow{4: Num(3)}
	if fs := NarrativeFindings(zone); len(fs) != 0 {
		t.Errorf("平潭 2025 as published: %+v, want none", fs)
	}
	zone.Appeals["litigation_after_review"] = &AppealRow{4: Num(4)}
	zone.Requests["carried_over"] = &RequestRow{6: {Status: Blank}}
	fs := NarrativeFindings(zone)
	if len(fs) != 2 || fs[0].Row != "carried_over" || fs[0].Printed != 0 || fs[0].Want != 6 ||
		fs[1].Row != RowLitigation || fs[1].Printed != 10 || fs[1].Want != 9 || fs[1].RowLabel() != "行政诉讼（未经复议直接起诉与复议后起诉之和）" {
		t.Errorf("平潭 2025 with a blank 结转 and 10 suits: %+v", fs)
	}
}

// Rule 6 is in the rule table, with no equations: recovery never uses it.
func TestNarrativeRule(t *testing.T) {
	if RuleText(RuleNarrative) == "" {
		t.Fatal("rule 6 has no text")
	}
	for _, e := range Equations(nantong(t)) {
		if e.Rule == RuleNarrative {
			t.Fatal("rule 6 makes equations")
		}
	}
	for s, want := range map[string]int64{"两": 2, "十二": 12, "一百零五": 105, "二十": 20, "7": 7} {
		if got, ok := count(s); !ok || got != want {
			t.Errorf("count(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
}
