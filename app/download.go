package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/data"
)

// DownloadPath is the 数据下载 page: the open data's files, their sizes,
// and how to use them.
const DownloadPath = "/download"

// OpenData is the open data as the 数据下载 page shows it: the descriptor
// (datapackage.json) the build wrote, and its own size.
type OpenData struct {
	Package *data.DataPackage
	Bytes   int64
}

// openDataURL is the descriptor's address: stable, like every file of the
// open data.
func openDataURL() string {
	return siteURL("/" + data.OpenDataDir + "/" + data.OpenDataPackage)
}

// OpenData fetches the open data's descriptor.
func (s *fetchSource) OpenData() (*OpenData, error) {
	b, err := fetchBytes(openDataURL())
	if err != nil {
		return nil, err
	}
	p, err := data.ParseDataPackage(b)
	if err != nil {
		return nil, err
	}
	return &OpenData{Package: p, Bytes: int64(len(b))}, nil
}

// download is the page at DownloadPath.
type download struct {
	page
	od *OpenData
}

func (p *download) prepareOpenData(od *OpenData) { p.od = od }

func (p *download) description() string {
	return "数据下载：全部年度报告的目录和每一格数字（CSV），每份报告的数据集（JSON、CSV），以及 Frictionless 数据包说明。"
}

// enterOpenData loads the open data's descriptor for the 数据下载 page.
func (p *page) enterOpenData(ctx app.Context, name string, prepare func(*OpenData)) {
	u := pageURL(ctx)
	if u == nil {
		return
	}
	p.v = view{url: u, loading: true}
	if ctx != nil {
		arrived(ctx)
	}
	recallInView()
	fetchThen(ctx, cachedOpenData, loadOpenData, func(od *OpenData, err error) {
		p.v.loading = false
		if err != nil {
			p.v.err = loadError("数据文件清单", err)
		} else {
			prepare(od)
		}
		p.setHead(ctx, siteTitle(name), "")
	})
}

// openData is the open data's descriptor, once loaded (under store.mu).
var openData *OpenData

func cachedOpenData() *OpenData {
	store.mu.Lock()
	defer store.mu.Unlock()
	return openData
}

func loadOpenData() (*OpenData, error) {
	if od := cachedOpenData(); od != nil {
		return od, nil
	}
	store.mu.Lock()
	src := store.src
	store.mu.Unlock()
	if src == nil {
		return nil, errNoSource
	}
	od, err := src.OpenData()
	if err == nil {
		store.mu.Lock()
		openData = od
		store.mu.Unlock()
	}
	return od, err
}

// FileSize says a file's size for people: "812 字节", "23.4 KB", "5.1 MB".
func FileSize(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + " 字节"
	case n < 1000*1000:
		return strconv.FormatFloat(float64(n)/1000, 'f', 1, 64) + " KB"
	}
	return strconv.FormatFloat(float64(n)/1000/1000, 'f', 1, 64) + " MB"
}

func (p *download) Render() app.UI {
	var content []app.UI
	if od := p.od; od != nil && p.v.err == nil {
		dir := "/" + data.OpenDataDir + "/"
		type file struct {
			href, name, what, format string
			size                     int64
		}
		var files []file
		for _, r := range od.Package.Resources {
			files = append(files, file{siteURL(dir + r.Path), r.Path, r.Title + "：" + r.Description, "CSV（UTF-8，带 BOM）", r.Bytes})
		}
		files = append(files, file{openDataURL(), data.OpenDataPackage, "数据包说明（Frictionless Data Package）：上面两个表的每一列、类型、含义和许可", "JSON", od.Bytes})
		rows := make([]app.UI, len(files))
		for i, f := range files {
			rows[i] = app.Elem("tr").Body(
				app.Elem("th").Attr("scope", "row").Body(app.Elem("a").Attr("href", f.href).Attr("download", "").Text(f.name)),
				td("", f.what),
				td("", f.format),
				app.Elem("td").Class("num").DataSet("bytes", strconv.FormatInt(f.size, 10)).Text(FileSize(f.size)),
			)
		}
		licence := app.UI(app.Elem("p").ID("licence").Text("本站未声明这些数据的许可；使用前请向主办单位确认。"))
		if len(od.Package.Licenses) > 0 {
			l := od.Package.Licenses[0]
			name := l.Title
			if name == "" {
				name = l.Name
			}
			licence = app.Elem("p").ID("licence").Body(
				app.Text("许可："),
				app.If(l.Path != "", app.Elem("a").Attr("href", l.Path).Attr("rel", "license noreferrer").Text(name)).Else(app.Text(name)),
				app.Text("。"),
			)
		}
		content = []app.UI{
			app.Elem("p").Class("lead").Text("本站每份报告的数字都可以下载，地址固定，不随网站更新而改变。" +
				"“报告目录”每份报告一行，列出关键数字、比例、发布日期和原文链接，用电子表格即可打开；" +
				"“每一格”列出全部报告表二、表三、表四的每一个数字及其读取情况（按原样、推算、空白、无法辨认）；" +
				"单份报告的数据集和每一格在各报告的概览页下载。推算的数字和报告自身的不一致都按原样标明，请引用时一并说明。" +
				"程序可先读取数据包说明（datapackage.json），其中有每个文件的列、类型、大小和校验值。"),
			licence,
			dataTable("open-data", "", "数据文件", []string{"文件", "内容", "格式", "大小"}, rows),
			section("per-report-title", "单份报告",
				app.Elem("p").Text(fmt.Sprintf("每份报告的数据集在 %sreports/<报告ID>.json（与导入时的数据集逐字节相同；同样的内容也在以其 SHA-256 前 12 位命名、永不改变的 %sreports/<报告ID>.<校验值>.json），每一格在 %sreports/<报告ID>.csv（列为 table、row、column、value、status）。报告ID 见报告目录。", siteURL(dir), siteURL(dir), siteURL(dir))),
			),
		}
	}
	return layout(p.v, DownloadPath, "数据下载", content)
}
