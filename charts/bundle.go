//go:build !(js && wasm)

package charts

import (
	"encoding/json"

	"nianbao/data"
)

// BundleFile is where the build writes every chart of every shipped report
// (see Bundle); the WebAssembly app embeds it.
const BundleFile = "charts/bundle.json"

// All lists every chart of a report, in the order of the explorer's pages,
// with the outcome chart of each category that has numbered reasons.
func All(r *data.Report) []Chart {
	all := []Chart{Outcomes(r, "")}
	for _, c := range r.Requests.Categories() {
		if len(c.Rows) > 1 {
			all = append(all, Outcomes(r, c.Key))
		}
	}
	return append(all, OutcomesByApplicant(r), Flow(r), Applicants(r), Appeals(r), Disclosure(r))
}

// Bundle is every chart of every report, by report ID and chart ID, as
// JSON. The browser reads the charts from it instead of computing them, so
// the WebAssembly does not carry go-echarts (about 70 kB of brotli); the
// numbers are still computed once, here, by the functions above.
func Bundle(reports []*data.Report) ([]byte, error) {
	b := map[string]map[string]Chart{}
	for _, r := range reports {
		m := map[string]Chart{}
		for _, c := range All(r) {
			m[c.ID] = c
		}
		b[r.ID] = m
	}
	return json.Marshal(b)
}
