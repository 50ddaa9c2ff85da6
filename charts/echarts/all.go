package echarts

import (
	"nianbao/charts"
	"nianbao/data"
)

// All lists every chart of a report, in the order of the explorer's pages,
// with the outcome chart of each category that has reasons to show
// (charts.ReasonCategories); m are the marks of the report's numbers.
func All(r *data.Report, m charts.Marks) []charts.Chart {
	all := []charts.Chart{Outcomes(r, m, "")}
	for _, c := range charts.ReasonCategories(r) {
		all = append(all, Outcomes(r, m, c.Key))
	}
	return append(all, OutcomesByApplicant(r, m), Flow(r, m), Applicants(r, m), Appeals(r, m), Disclosure(r))
}

// Pack is the report with every chart of it, as the build writes it for the
// browser: the numbers are computed once, here, and so are the findings of
// rule 6 (the narrative's counts against the tables). prev is the body's
// report of the year before, nil for none: the cross-year check runs
// against it.
func Pack(r *data.Report, bodyID string, prev *data.Report) *charts.Pack {
	p := &charts.Pack{Report: r, BodyID: bodyID, Charts: map[string]charts.Chart{},
		CrossYear: data.CrossYear(prev, r), PrevYear: data.IsPrevYear(prev, r), Narrative: data.NarrativeFindings(r)}
	for _, c := range All(r, p.Marks()) {
		c.Table.Source = r.Title()
		p.Charts[c.ID] = c
	}
	return p
}
