module nianbao

go 1.26.8

require (
	github.com/andybalholm/brotli v1.2.1
	github.com/go-echarts/go-echarts/v2 v2.6.7
	github.com/maxence-charriere/go-app/v9 v9.8.0
)

require github.com/google/uuid v1.3.0 // indirect
