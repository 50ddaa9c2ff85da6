package charts

import (
	"nianbao/data"
)

// Figure is a key figure of the overview, with its mark: a figure that
// takes part in a broken cross-check, or that was recovered, says so and
// why beside its value.
type Figure struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Value string `json:"value"`
	Unit  string `json:"unit"`
	Note  string `json:"note"`
	Mark  Mark   `json:"mark,omitzero"`
}

// KeyFigures are the overview's headline numbers with their rates and
// marks.
func KeyFigures(r *data.Report, m Marks) []Figure {
	t := r.Requests
	get := func(row string) int64 { return t.Get(row, data.ColTotal) }
	mark := func(rows ...string) Mark { return m.Requests(data.ColTotal, rows...) }
	total := get(data.RowTotal.Key)
	open := get("granted") + get("partial")
	review := r.Appeals["review"]
	suits := []string{"litigation_direct", "litigation_after_review"}
	var nSuits int64
	for _, g := range suits {
		nSuits += r.Appeals.Cell(g, data.AppealTotal).N()
	}
	var reviewCols []Mark
	for c := range data.AppealColumns {
		reviewCols = append(reviewCols, m.Appeals(c, "review"))
	}
	return []Figure{
		{"handled", "本年办理申请", Count(total), "件", "表三（七）总计", mark(data.RowTotal.Key)},
		{"new", "本年新收申请", Count(get(data.RowNew.Key)), "件",
			"另有上年结转 " + Count(get(data.RowCarriedIn.Key)) + " 件" + mark(data.RowCarriedIn.Key).Note(), mark(data.RowNew.Key)},
		{"open-rate", "予以公开或部分公开", Percent(open, total), "", Count(open) + " 件，占本年办理总数",
			FirstMark(mark("granted", "partial"), mark(data.RowTotal.Key))},
		{"carried-over", "结转下年度", Count(get(data.RowCarriedOver.Key)), "件", "表三第四项", mark(data.RowCarriedOver.Key)},
		{"review", "行政复议", Count(review[data.AppealTotal].N()), "件", "结果纠正占已审结的 " + CorrectedShare(review), FirstMark(reviewCols...)},
		{"litigation", "行政诉讼", Count(nSuits), "件", "未经复议直接起诉与复议后起诉之和", m.Appeals(data.AppealTotal, suits...)},
	}
}
