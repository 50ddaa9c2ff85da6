package charts

import (
	"strings"
	"testing"

	"nianbao/data"
)

// Rule 6's findings travel in the pack and make their own table, with both
// numbers and the sentence; the rules table says rule 6 does not hold.
func TestNarrativeTable(t *testing.T) {
	r := reports(t)[0]
	f := data.NarrativeFinding{Finding: data.Finding{Rule: data.RuleNarrative, Table: data.TableRequests, Row: "new", Column: "total", Printed: 3, Want: 0}, Quote: "2023年，共收到政府信息公开申请0条。"}
	b, err := (&Pack{Report: r, Narrative: []data.NarrativeFinding{f}}).Encode()
	if err != nil {
		t.Fatal(err)
	}
	pk, err := DecodePack(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(pk.Narrative) != 1 || pk.Narrative[0] != f {
		t.Fatalf("pack's narrative findings: %+v", pk.Narrative)
	}
	rules, _, _ := CheckTables(nil, nil, false)
	tbl := NarrativeTable(&rules, pk.Narrative)
	if len(tbl.Rows) != 1 {
		t.Fatalf("%d rows", len(tbl.Rows))
	}
	var cells []string
	for _, c := range tbl.Rows[0].Cells {
		cells = append(cells, c.Text)
	}
	if got := strings.Join(cells, "|"); got != "一、本年新收政府信息公开申请数量|总计|3|0|2023年，共收到政府信息公开申请0条。" {
		t.Errorf("row %q", got)
	}
	last := rules.Rows[len(rules.Rows)-1]
	if last.Head != "规则6" || !strings.Contains(last.Cells[1].Text, "1 处不符") {
		t.Errorf("rules table's rule 6: %+v", last)
	}
	rules, _, _ = CheckTables(nil, nil, false)
	if NarrativeTable(&rules, nil); !strings.Contains(rules.Rows[len(rules.Rows)-1].Cells[1].Text, "成立") {
		t.Errorf("rule 6 without findings: %+v", rules.Rows[len(rules.Rows)-1])
	}
}
