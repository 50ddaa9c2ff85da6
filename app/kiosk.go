package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// KioskPath is the page that sets a device up as a service hall's kiosk
// (web/js/kiosk.js does it). No page links to it, and it asks for a
// confirmation: a link shared from a kiosk never turns a phone into one.
const KioskPath = "/kiosk"

// kiosk is the page at KioskPath.
type kiosk struct {
	page
}

func (p *kiosk) description() string { return "把本设备设为政务服务大厅的自助终端。" }

func (p *kiosk) Render() app.UI {
	return layout(p.v, KioskPath, "设为自助终端", []app.UI{
		app.Elem("p").Text("自助终端供政务服务大厅的来访者轮流使用：闲置一段时间后，页面先提示，再回到首页，并清除上一位来访者的浏览记录和长者模式；“返回”不会回到上一位来访者看过的页面；不提供下载。"),
		app.Elem("p").ID("kiosk-state").Role("status").Aria("live", "polite").Text("本设备不是自助终端。"),
		app.Elem("form").ID("kiosk-setup").Class("kiosk-setup").Body(
			app.Elem("div").Class("field").Body(
				app.Elem("label").Attr("for", "kiosk-idle").Text("闲置多少秒后回到首页（5 到 86400）"),
				app.ElemSelfClosing("input").ID("kiosk-idle").Attr("name", "idle").Attr("type", "number").
					Attr("min", "5").Attr("max", "86400").Attr("value", "120").Attr("inputmode", "numeric"),
			),
			app.Elem("button").Attr("type", "submit").Class("button").Text("确认：把本设备设为自助终端"),
		),
		app.Elem("p").Body(app.Elem("button").Attr("type", "button").ID("kiosk-off").Class("button").Text("取消本设备的自助终端模式")),
	})
}
