package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// OfflinePath is the page the service worker answers with, offline, for a
// page never visited: it shows no report's numbers, and the app, once
// running, shows the page asked for if its data is cached, or says it is
// not.
const OfflinePath = "/offline"

// offline is the page at OfflinePath.
type offline struct {
	page
}

func (p *offline) Render() app.UI {
	return layout(p.v, OfflinePath, "这一页尚未缓存", []app.UI{
		app.Elem("p").Role("status").Text("网络未连接，而这一页此前没有打开过，本机没有它的数据。联网后重新载入即可查看；已经打开过的报告和页面离线也能查看。"),
		offlineList(),
		app.Elem("p").Body(app.Elem("a").Attr("href", siteURL("/")).Text("返回首页")),
	})
}

// NotFoundPath is the page of a path the site does not have; the build
// writes it as 404.html, which a server sends for any missing file.
const NotFoundPath = "/404"

// notFoundPage is the page of every path no route takes.
type notFoundPage struct {
	page
}

func (p *notFoundPage) Render() app.UI { return notFoundContent(p.v) }

// notFoundContent says that the address is not a page of the site.
func notFoundContent(v view) app.UI {
	return layout(v, NotFoundPath, "找不到这一页", []app.UI{
		// #not-found: the site's script knows the page by it (web/js/nav.js).
		app.Elem("p").ID("not-found").Role("status").Text("这个地址没有对应的页面：可能是链接有误，或者报告已经更名。"),
		app.Elem("p").Body(app.Elem("a").Attr("href", siteURL("/reports")).Text("在全部报告中查找")),
		app.Elem("p").Body(app.Elem("a").Attr("href", siteURL("/")).Text("返回首页")),
	})
}
