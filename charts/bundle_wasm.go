//go:build js && wasm

package charts

import (
	_ "embed"
	"encoding/json"
	"sync"

	"nianbao/data"
)

// bundleJSON is every chart of every shipped report, made by the build with
// the chart functions (see bundle.go).
//
//go:embed bundle.json
var bundleJSON []byte

var bundle = sync.OnceValue(func() map[string]map[string]Chart {
	var b map[string]map[string]Chart
	if err := json.Unmarshal(bundleJSON, &b); err != nil {
		return nil
	}
	return b
})

// lookup returns a chart of the bundle; one missing (a report the build did
// not know) has its table empty and says so.
func lookup(r *data.Report, id string) Chart {
	if c, ok := bundle()[r.ID][id]; ok {
		return c
	}
	return Chart{ID: id, Title: "图表", Summary: "这份报告的图表数据缺失，请重新生成网站。", Option: json.RawMessage(`{}`)}
}

// Outcomes is the outcome chart, or a category's reasons (see requests.go).
func Outcomes(r *data.Report, category string) Chart {
	if category != "" {
		if c, ok := bundle()[r.ID]["outcomes-"+category]; ok {
			return c
		}
	}
	return lookup(r, "outcomes")
}

// Applicants is the applicant mix (see requests.go).
func Applicants(r *data.Report) Chart { return lookup(r, "applicants") }

// OutcomesByApplicant is the cross-table of table 三 (see requests.go).
func OutcomesByApplicant(r *data.Report) Chart { return lookup(r, "outcomes-by-applicant") }

// Flow is the flow of requests (see requests.go).
func Flow(r *data.Report) Chart { return lookup(r, "flow") }

// Appeals is review and litigation (see appeals.go).
func Appeals(r *data.Report) Chart { return lookup(r, "appeals") }

// Disclosure is table 二 (see appeals.go).
func Disclosure(r *data.Report) Chart { return lookup(r, "disclosure") }
