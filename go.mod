module nianbao

go 1.26.8

require (
	github.com/andybalholm/brotli v1.2.1
	github.com/chromedp/cdproto v0.0.0-20260714215040-dc233986426f
	github.com/chromedp/chromedp v0.16.0
	github.com/go-json-experiment/json v0.0.0-20260623181947-01eb4420fa68
	github.com/longbridgeapp/opencc v0.3.13
	github.com/maxence-charriere/go-app/v9 v9.8.0
	github.com/mozillazg/go-pinyin v0.21.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	golang.org/x/net v0.62.0
	golang.org/x/sys v0.49.0
	golang.org/x/text v0.44.0
)

require (
	github.com/chromedp/sysutil v1.1.0 // indirect
	github.com/gobwas/httphead v0.1.0 // indirect
	github.com/gobwas/pool v0.2.1 // indirect
	github.com/gobwas/ws v1.4.0 // indirect
	github.com/liuzl/cedar-go v0.0.0-20170805034717-80a9c64b256d // indirect
	github.com/liuzl/da v0.0.0-20180704015230-14771aad5b1d // indirect
)

replace github.com/maxence-charriere/go-app/v9 => ./third_party/go-app
