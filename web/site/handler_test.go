package site

import (
	"strings"
	"testing"
)

func TestFixPage(t *testing.T) {
	in := `<head><meta charset="UTF-8">
<meta content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover" name="viewport">
<meta content="http://127.0.0.1:4000/" property="og:url">
<link rel="preload" as="style" href="/app.css" type="text/css">
<link type="text/css" href="/app.css" rel="stylesheet">
<script defer src="/wasm_exec.js"></script>
<script src="/app.js" defer></script>
<script defer src="/web/echarts.min.js"></script>
</head><body><main><figure>chart</figure>
<p>below</p></main><div hidden="false" class="chart-canvas"></div><div class="chart-table" hidden></div><button aria-pressed class="x">图</button><span aria-hidden>—</span><a aria-current="page" href="/">概览</a>
<aside id="app-wasm-loader" class="goapp-app-info">
<img class="goapp-logo goapp-spin" src="/web/icon-192.png" id="app-wasm-loader-icon">
<p class="goapp-label" id="app-wasm-loader-label">正在启动交互功能 0%</p>
</aside></body>`
	out := fixPage(in)
	for _, want := range []string{
		`<meta charset="UTF-8">` + "\n" + `<meta http-equiv="Content-Security-Policy" content="default-src 'self';`,
		`<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">`,
		`<button aria-pressed="true" class="x">`, `<span aria-hidden="true">`, `aria-current="page"`,
		`<span id="app-wasm-loader-icon" hidden></span>`, `正在启动交互功能 0%`,
		// The whole style sheet, in the head, without its comments.
		"<style>:root {", ".switch-report {", "@media (forced-colors: active)",
		`<div class="chart-canvas"></div>`, `<div class="chart-table" hidden></div>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("fixed page lacks %s:\n%s", want, out)
		}
	}
	if i, j := strings.Index(out, "echarts.min.js"), strings.Index(out, "/app.js"); i < 0 || j < i || strings.Index(out, "/wasm_exec.js") < i {
		t.Errorf("ECharts does not run before go-app's scripts:\n%s", out)
	}
	// No script in the head; ECharts right after the first chart; go-app's
	// scripts after the body's content.
	if head := out[:strings.Index(out, "</head>")]; strings.Contains(head, "<script") {
		t.Errorf("scripts left in the head:\n%s", out)
	}
	if !strings.Contains(out, "</figure>\n<script defer src=\"/web/echarts.min.js\"></script>\n<p>below</p>") {
		t.Errorf("ECharts is not right after the first chart:\n%s", out)
	}
	if tail := out[strings.Index(out, "</aside>"):]; strings.Count(tail, "<script") != 2 {
		t.Errorf("go-app's scripts are not at the end of the body:\n%s", out)
	}
	// A page without a chart gets every script at the end.
	if plain := fixPage(strings.Replace(in, "<figure>chart</figure>\n", "", 1)); strings.Count(plain[strings.Index(plain, "</aside>"):], "<script") != 3 ||
		strings.Index(plain, "/web/echarts.min.js") > strings.Index(plain, "/wasm_exec.js") {
		t.Errorf("a page without a chart does not get its scripts at the end:\n%s", plain)
	}
	if i, j := strings.Index(out, "</style>"), strings.Index(out, "</head>"); i < 0 || j < i {
		t.Errorf("the style sheet is not in the head:\n%s", out)
	}
	for _, gone := range []string{"127.0.0.1", "user-scalable", "maximum-scale", "/app.css", "icon-192.png", "goapp-spin", "style.css", "/*", ` hidden="`} {
		if strings.Contains(out, gone) {
			t.Errorf("fixed page still has %s", gone)
		}
	}
}
