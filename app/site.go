package app

import (
	"strings"
)

// Site is what a portal says of its own site, in the site file the build
// is given (web/site reads and checks it): its name, the identity every
// government site carries in its footer, and what its front page shows.
// The same app serves every portal: the build writes the Site into every
// page (SiteMeta), and the app reads it there.
type Site struct {
	Name       string `json:"name"`                 // the site's name: masthead, titles
	Owner      string `json:"owner,omitempty"`      // 主办单位
	SiteCode   string `json:"siteCode,omitempty"`   // 网站标识码
	ICP        string `json:"icp,omitempty"`        // ICP备案号
	Police     string `json:"police,omitempty"`     // 公安机关备案号
	Contact    string `json:"contact,omitempty"`    // 联系方式
	Correction string `json:"correction,omitempty"` // 纠错: an http(s) address
	// Landing is what "/" shows: "" the portal's front page across its
	// bodies (or, with one body, that body's page); "body:ID" a body's
	// page; "report:ID" a report's overview.
	Landing string `json:"landing,omitempty"`
	// Moved is the report whose pages a former version of the site served
	// at the root (/outcomes, /checks…): those addresses lead to its pages
	// under /r/ID. "" when there is none.
	Moved string `json:"moved,omitempty"`
	// PublicOrigin is the site's public https origin, "" when the site
	// file gives none: a kiosk's QR code and the embeds' snippets name it.
	PublicOrigin string `json:"origin,omitempty"`
	// Embed says that other origins may frame the embed pages (the site
	// file's frame_ancestors): each chart then offers its <iframe> snippet.
	Embed bool `json:"embed,omitempty"`
	// NoFetchAhead says that a page read a while does not have the app
	// fetched ahead of the visitor's first touch (the site file's
	// fetch_ahead: false; web/js/start.js prefetchWhenRead).
	NoFetchAhead bool `json:"noFetchAhead,omitempty"`
}

// DefaultSiteName is the name of a site whose site file gives none.
const DefaultSiteName = "年报透视"

// site is the site the pages are rendered for: set by the build before it
// renders (SetSite), and in the browser from the page (StartBrowser).
var site = Site{Name: DefaultSiteName}

// SetSite sets the site the pages are rendered for.
func SetSite(s Site) {
	if s.Name == "" {
		s.Name = DefaultSiteName
	}
	site = s
}

// landing is what "/" shows: kind "portal", "body" or "report", and the ID.
func landing() (kind, id string) {
	kind, id, ok := strings.Cut(site.Landing, ":")
	if !ok || id == "" || kind != "body" && kind != "report" {
		return "portal", ""
	}
	return kind, id
}

// siteTitle ends every page's title: "page · site".
func siteTitle(page string) string { return page + " · " + site.Name }
