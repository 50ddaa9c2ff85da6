package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data"
	"nianbao/data/catalog"
)

// The explorer's pages, their routes and their names in one place: the
// navigation, the titles, the build's list of pages and go-app's routes
// all read these tables.

// Page is one page of the explorer: its route, its name in the navigation
// and the titles, and a new component.
type Page struct {
	Path  string
	Label string
	New   func() app.Composer
}

// reportView is a page of one report; catalogView a page about many
// reports, made from the catalog index.
type (
	reportView interface {
		app.Composer
		base() *page
		prepare(*charts.Pack)
	}
	catalogView interface {
		app.Composer
		base() *page
		prepareIndex(*catalog.Index)
	}
)

func (p *page) base() *page { return p }

// reportPage is a page of one report, named label.
func reportPage(path, label string, f func() reportView) Page {
	return Page{path, label, func() app.Composer {
		v := f()
		v.base().name, v.base().onReport, v.base().outer = label, v.prepare, v
		return v
	}}
}

// catalogPage is a page about many reports, named label.
func catalogPage(path, label string, f func() catalogView) Page {
	return Page{path, label, func() app.Composer {
		v := f()
		v.base().name, v.base().onIndex, v.base().outer = label, v.prepareIndex, v
		return v
	}}
}

// plainPage is a page of words only, named label.
func plainPage(path, label string, f func() app.Composer) Page {
	return Page{path, label, func() app.Composer {
		v := f()
		if b, ok := v.(interface{ base() *page }); ok {
			b.base().name, b.base().outer = label, v
		}
		return v
	}}
}

// ReportPages are the pages each report has, in navigation order, under
// /r/{id}: its overview at /r/{id}, its outcomes at /r/{id}/outcomes…
var ReportPages = []Page{
	reportPage("/", "概览", func() reportView { return &overview{} }),
	reportPage("/outcomes", "办理结果", func() reportView { return &outcomes{} }),
	reportPage("/applicants", "申请人", func() reportView { return &applicants{} }),
	reportPage("/appeals", "复议诉讼", func() reportView { return &appeals{} }),
	reportPage("/disclosure", "主动公开", func() reportView { return &disclosure{} }),
	reportPage("/narrative", "报告正文", func() reportView { return &narrativePage{} }),
	reportPage("/checks", "数据校验", func() reportView { return &checks{} }),
}

// CatalogPages are the pages about many reports, in navigation order,
// after the front page. A body's page (/b/{id}) is reached from them.
var CatalogPages = []Page{
	catalogPage("/reports", "全部报告", func() catalogView { return &reports{} }),
	catalogPage("/compare", "比较", func() catalogView { return &compare{} }),
	catalogPage("/ranking", "排名", func() catalogView { return &ranking{} }),
	downloadPage,
	plainPage(AboutPath, "说明", func() app.Composer { return &about{} }),
}

// downloadPage is the 数据下载 page, made from the open data's descriptor.
var downloadPage = Page{DownloadPath, "数据下载", func() app.Composer {
	v := &download{}
	v.name, v.onOpenData, v.outer = "数据下载", v.prepareOpenData, v
	return v
}}

// HomePage is the front page, "/": what the site file's landing says (see
// Site.Landing).
var HomePage = Page{"/", "首页", func() app.Composer {
	switch kind, id := landing(); kind {
	case "report":
		v := ReportPages[0].New().(*overview)
		v.fixedID = id
		return v
	case "body":
		v := bodyPage.New().(*body)
		v.fixedID = id
		return v
	}
	return portalPage.New()
}}

// portalPage is the front page across the portal's bodies.
var portalPage = Page{"/", "首页", func() app.Composer {
	v := &portal{}
	v.name, v.onPortal, v.outer = "首页", v.prepare, v
	return v
}}

// bodyPage is the page of a body, /b/{id}; its title is the body's name.
var bodyPage = catalogPage(bodyPrefix, "机关", func() catalogView { return &body{} })

// Special pages.
var (
	offlinePage  = plainPage(OfflinePath, "这一页尚未缓存", func() app.Composer { return &offline{} })
	kioskPage    = plainPage(KioskPath, "设为自助终端", func() app.Composer { return &kiosk{} })
	precheckPage = plainPage(PrecheckPath, "发布前体检", func() app.Composer { return &precheck{} })
	notFound     = plainPage(NotFoundPath, "找不到这一页", func() app.Composer { return &notFoundPage{} })
	movedPage    = plainPage("/", "本页已移动", func() app.Composer { return &moved{} })
	categoryPage = reportPage("/outcomes", "办理结果", func() reportView { return &outcomes{} })
)

// pageAt is the page of a path (without the base): the front page, every
// report's pages under /r/{id}, the catalog's pages (and the plain
// catalog's next pages, /reports/2…), each body's page under /b/{id}; the
// addresses where a former version served one report's pages (see
// Site.Moved); and every other path to the page that says it is not there
// (404.html among them). An id is of a-z, 0-9 and -; a category of a-z and
// _. Matched by hand, not by regular expressions: routing is part of the
// app's start (go-app patch route-by-path).
func pageAt(path string) Page {
	switch path {
	case "/":
		return HomePage
	case OfflinePath:
		return offlinePage
	case KioskPath:
		return kioskPage
	case PrecheckPath:
		return precheckPage
	}
	for _, p := range CatalogPages {
		if path == p.Path {
			return p
		}
	}
	if n, ok := strings.CutPrefix(path, CatalogPages[0].Path+"/"); ok && data.Digits(n) && n[0] != '0' {
		return CatalogPages[0] // the plain catalog's next pages
	}
	if rest, ok := strings.CutPrefix(path, reportPrefix); ok {
		id, sub, _ := strings.Cut(rest, "/")
		if id != "" && strings.Trim(id, idChars) == "" {
			sub = "/" + sub
			if sub == "/" {
				return ReportPages[0]
			}
			if p, ok := subPage(sub); ok {
				return p
			}
		}
		return notFound
	}
	if rest, ok := strings.CutPrefix(path, bodyPrefix); ok {
		if id := strings.TrimSuffix(rest, "/"); id != "" && strings.Trim(id, idChars) == "" {
			return bodyPage
		}
		return notFound
	}
	if _, ok := subPage(path); ok {
		return movedPage
	}
	return notFound
}

// subPage is the page of a report at sub, its path under /r/{id}
// ("/outcomes", "/outcomes/denied"), but for its overview; ok is false
// for none.
func subPage(sub string) (p Page, ok bool) {
	for _, p := range ReportPages[1:] {
		if sub == p.Path {
			return p, true
		}
	}
	if cat, ok := strings.CutPrefix(sub, "/outcomes/"); ok && cat != "" && strings.Trim(cat, categoryChars) == "" {
		return categoryPage, true
	}
	return Page{}, false
}

const (
	idChars       = "abcdefghijklmnopqrstuvwxyz0123456789-"
	categoryChars = "abcdefghijklmnopqrstuvwxyz_"
)

// Register routes every page, once, before the app runs or the site is
// built.
func Register() {
	app.RouteByPath(func(path string) func() app.Composer { return pageAt(path).New })
}
