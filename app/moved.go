package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// moved is the page at an address where a former version of the site
// served one report's pages (/outcomes, /checks…; see Site.Moved): it says
// where the page is now, and the site's script goes there (a static site
// cannot answer with a redirect). Where the site names no such report, the
// address is not a page of the site.
type moved struct {
	page
}

// movedTo is where the page's address leads now, "" for nowhere.
func (p *moved) movedTo() string {
	if site.Moved == "" || p.v.url == nil {
		return ""
	}
	to := ReportPath(site.Moved, strings.TrimSuffix(p.v.url.Path, "/"))
	if q := p.v.url.RawQuery; q != "" {
		to += "?" + q
	}
	return to
}

func (p *moved) Render() app.UI {
	to := p.movedTo()
	if to == "" {
		return notFoundContent(p.v)
	}
	return layout(p.v, "", "本页已移动", []app.UI{
		app.Elem("p").Role("status").Body(
			app.Text("这一页已经移到新的地址："),
			app.Elem("a").ID("moved-to").Attr("href", siteURL(to)).Text(siteURL(to)),
			app.Text("。"),
		),
	})
}
