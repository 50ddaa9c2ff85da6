module nianbao

go 1.26.8

require (
	github.com/go-echarts/go-echarts/v2 v2.6.7 // indirect
	github.com/maxence-charriere/go-app/v9 v9.8.0 // indirect
)
