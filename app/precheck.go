package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// PrecheckPath is 发布前体检, the check of a report's draft before it is
// published, for the staff who write it. The page is words and a file
// input: the check runs in the site's script (web/js/precheck.js), by the
// importer compiled to a WebAssembly of its own that only this page loads,
// so that this app carries none of it.
const PrecheckPath = "/precheck"

// precheck is the page at PrecheckPath.
type precheck struct {
	page
}

func (p *precheck) description() string {
	return "发布前体检：在本机浏览器中按统一格式检查政府信息公开工作年度报告的草稿，文件不上传。"
}

func (p *precheck) Render() app.UI {
	return layout(p.v, PrecheckPath, "发布前体检", []app.UI{
		app.Elem("p").Text("给编写年度报告的工作人员：发布之前，把报告草稿（Word 的 .docx、网页 .html、从网页复制的文本或 Markdown）拖到下面，或选择文件。" +
			"本页按统一格式逐项检查表格的勾稽关系、表格的行名和表头、第五和第六部分、正文与表格的数字、与本站收录的上年报告的衔接，" +
			"按应当先改的顺序列出每一处问题，写明在哪一表、哪一行、哪一列，以及怎样改才一致。"),
		app.Elem("p").Class("status status-ok precheck-privacy").Text("文件只在本机的浏览器中读取和检查，不会上传：选择文件之后，本页不再发出任何网络请求。打开过一次本页，断网后也能使用。"),
		app.Elem("div").ID("precheck").Class("precheck").Body(
			app.Elem("p").ID("precheck-state").Role("status").Aria("live", "polite").Text("检查程序需要浏览器运行本站的脚本；正在准备……"),
			app.Elem("div").ID("precheck-drop").Class("precheck-drop").Body(
				app.Elem("label").Attr("for", "precheck-file").Class("button").Text("选择报告草稿文件"),
				app.ElemSelfClosing("input").ID("precheck-file").Attr("type", "file").
					Attr("accept", ".docx,.html,.htm,.txt,.md,.markdown,.pdf,text/html,text/plain,text/markdown"),
				app.Elem("p").Text("或把文件拖到这里"),
			),
			app.Elem("div").ID("precheck-results").Class("precheck-results"),
		),
		app.Elem("p").Class("note").Text("PDF：浏览器中读不出 PDF 里的表格。请用报告的 Word 或网页版本；或在电脑上用命令行 nianbao import 检查 PDF，结果与本页相同。"),
	})
}
