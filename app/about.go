package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data"
)

// AboutPath is the 说明 page: what the reports are and what their terms
// mean, linked from the terms where pages use them.
const AboutPath = "/about"

// about is the page at AboutPath.
type about struct {
	page
}

func (p *about) description() string {
	return "说明：政府信息公开工作年度报告是什么，报告中的术语，本站怎样校验和推算。"
}

// term is one entry of the glossary.
func term(id, name string, body ...app.UI) app.UI {
	return app.Elem("div").Class("term").ID(id).Body(
		app.Elem("dt").Text(name),
		app.Elem("dd").Body(body...),
	)
}

func (p *about) Render() app.UI {
	var rules []app.UI
	for _, r := range data.Rules {
		rules = append(rules, app.Elem("li").Text(r.Text+"。"))
	}
	return layout(p.v, AboutPath, "说明", []app.UI{
		section("about-report", "这些报告是什么",
			app.Elem("p").Text("依照《中华人民共和国政府信息公开条例》第五十条，各级行政机关每年公布上一年度的政府信息公开工作年度报告。自2019年度报告起，报告中的表格按国务院办公厅政府信息公开办公室印发的统一格式填写：2019年版（国办公开办函〔2019〕60号）用于2019、2020年度的报告，2021年版（国办公开办函〔2021〕30号）用于2021年度起的报告。"),
			app.Elem("p").Text("报告一般有六个部分：一、总体情况；二、主动公开政府信息情况（表二）；三、收到和处理政府信息公开申请情况（表三）；四、政府信息公开行政复议、行政诉讼情况（表四）；五、存在的主要问题及改进情况；六、其他需要报告的事项。"),
		),
		section("about-terms", "术语",
			app.Elem("dl").Class("terms").Body(
				term("term-format", "统一格式（2019年版、2021年版）",
					app.Text("国务院办公厅规定的年度报告表格样式。两版的表二和表三“其他处理”一行不同；本站按表头识别版本，不按年份推断。")),
				term("term-table3-total", "表三（七）总计",
					app.Text("表三“本年度办理结果”各项之和，即本年办结的申请数。概览中的“本年办理申请”即此数。")),
				term("term-checks", "勾稽关系",
					app.Text("报告各表数字之间应当成立的等式，例如表三每一列“本年新收”加“上年结转”等于“办理结果总计”加“结转下年度继续办理”。本站逐条校验："),
					app.Elem("ol").Body(rules...),
				),
				term("term-finding", "不一致",
					app.Text("报告所印数字不符合某条勾稽关系。本站按报告原样展示这些数字，不作更正，并在“数据校验”中列出所在位置、报告所印数和按规则应为的数。")),
				term("term-recovered", "推算",
					app.Text("报告在网上转载或复制时可能丢失个别数字。只有当勾稽关系能唯一确定丢失的数字时，本站才把它推算出来，并在每一处都标明“推算”和所依据的规则；不能唯一确定时，不推算。")),
				term("term-blank", "空白",
					app.Text("报告中空着的格子按空白展示，不当作 0；校验求和时按 0 计算。")),
				term("term-peers", "与同级机关相比",
					app.Text("报告概览和机关页面把下列比例与同一年度、同一层级的机关相比（层级见下文“机关层级”），比例及其分母为："),
					app.Elem("ul").Body(peerDefs()...),
					app.Text(fmt.Sprintf("依据（分母）少于 %d 件的比例照常列出，但不排位次，也不计入区间。位次按比例从高到低排列，比例相同者位次相同；“同级中间一半”是依据不少于 %d 件的同级机关比例的第 25 至第 75 百分位数（按最近秩线性插值，与电子表格的 PERCENTILE.INC 相同），可比机关少于 %d 个时不给出。“可比机关数”是排位和区间所依据的机关数。比例所依的数字有不一致或推算时，标明“不一致”或“推算”。比例高低本身不说明工作好坏。",
						charts.MinPeerBase, charts.MinPeerBase, charts.MinPeerBand)),
				),
				term("term-yoy", "较上年",
					app.Text("关键数字与同一机关上一份报告相比的变化：件数按上一份报告的百分比，予以公开或部分公开的比例按百分点。上一份报告不是上一年度的，写明其年度（如“较2021年”）；上一份报告为 0 件时只说明为 0。")),
				term("term-corrected", "纠正率",
					app.Text("行政复议或行政诉讼中“结果纠正”占已审结案件（结果维持、结果纠正、其他结果之和）的比例；尚未审结的不计入。")),
			),
		),
		section("about-levels", "机关层级",
			app.Elem("p").Text("目录按报告机关的名称判断层级：以“镇人民政府”“乡人民政府”“街道办事处”结尾的为乡镇街道；名称为某区、县、旗（或“市”下之“市”）的政府为县区；某市、州的政府为市；某省、自治区的政府为省；其余（局、委员会、办公室等）为部门。"),
		),
	})
}

// peerDefs lists the rates compared among peers, each with its
// denominator.
func peerDefs() []app.UI {
	var out []app.UI
	for _, d := range charts.PeerRates {
		out = append(out, app.Elem("li").Text(d.Label+"："+d.Part+" ÷ "+d.Of+"。"))
	}
	return out
}
