package echarts

import (
	"nianbao/charts"
	"nianbao/data"
)

// All lists every chart of a report, in the order of the explorer's pages,
// with the outcome chart of each category that has numbered reasons.
func All(r *data.Report) []charts.Chart {
	all := []charts.Chart{Outcomes(r, "")}
	for _, c := range r.Requests.Categories() {
		if len(c.Rows) > 1 {
			all = append(all, Outcomes(r, c.Key))
		}
	}
	return append(all, OutcomesByApplicant(r), Flow(r), Applicants(r), Appeals(r), Disclosure(r))
}

// Pack is the report with every chart of it, as the build writes it for the
// browser: the numbers are computed once, here, and go-echarts stays out of
// the WebAssembly, and so are the findings of rule 6 (the narrative's
// counts against the tables). crossYear are the findings of the cross-year check
// against the body's previous report, if any.
func Pack(r *data.Report, bodyID string, crossYear []data.Finding) *charts.Pack {
	p := &charts.Pack{Report: r, BodyID: bodyID, Charts: map[string]charts.Chart{}, CrossYear: crossYear,
		Narrative: data.NarrativeFindings(r)}
	for _, c := range All(r) {
		c.Table.Source = r.Title()
		p.Charts[c.ID] = c
	}
	return p
}
