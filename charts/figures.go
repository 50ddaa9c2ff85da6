package charts

import (
	"nianbao/data"
)

// Figure is a key figure of the overview.
type Figure struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Value string `json:"value"`
	Unit  string `json:"unit"`
	Note  string `json:"note"`
}

// KeyFigures are the overview's headline numbers with their rates.
func KeyFigures(r *data.Report) []Figure {
	t := r.Requests
	get := func(row string) int64 { return t.Get(row, data.ColTotal) }
	total := get(data.RowTotal.Key)
	open := get("granted") + get("partial")
	review := r.Appeals["review"]
	suits := r.Appeals.Cell("litigation_direct", data.AppealTotal).N() + r.Appeals.Cell("litigation_after_review", data.AppealTotal).N()
	return []Figure{
		{"handled", "本年办理申请", itoa(total), "件", "表三（七）总计"},
		{"new", "本年新收申请", itoa(get(data.RowNew.Key)), "件", "另有上年结转 " + itoa(get(data.RowCarriedIn.Key)) + " 件"},
		{"open-rate", "予以公开或部分公开", Percent(open, total), "", itoa(open) + " 件，占本年办理总数"},
		{"carried-over", "结转下年度", itoa(get(data.RowCarriedOver.Key)), "件", "表三第四项"},
		{"review", "行政复议", itoa(review[data.AppealTotal].N()), "件", "结果纠正占已审结的 " + CorrectedShare(review)},
		{"litigation", "行政诉讼", itoa(suits), "件", "未经复议直接起诉与复议后起诉之和"},
	}
}
