// Package synth generates clearly synthetic annual reports on open government
// information (政府信息公开工作年度报告), for the product's scale benchmark
// only (web/site/e2e's BenchmarkScale, `make scale`): it lives beside that
// benchmark, out of the product. The reports are never shipped and never
// mixed with real ones: every body belongs to the invented province 合成省
// ("synthetic province"), every narrative section says
// 本报告为合成示例数据，仅用于测试, and every file name starts with "synth-".
//
// The texts follow the national template as pdftotext -layout prints a
// published PDF (see data/importer/testdata/hongze-district-2024.layout.txt):
// the 2019 template (国办公开办函〔2019〕60号) for the years 2019 and 2020, the
// 2021 template (〔2021〕30号) from 2021 on, so that the project's own
// importer reads them as it reads real copies.
//
// # Bodies and years
//
// Bodies are made one after another from the seed, each with a contiguous
// run of 3–7 years within 2019–2025, and their reports are listed body by
// body, year by year; a body's reports depend only on the seed and the
// body's place in that order. So Reports(k, seed) is exactly the first k
// files of Reports(n, seed) for every k ≤ n (the last body of a list may be
// cut short to fewer than 3 years). Body names have these shapes, from which
// catalog.LevelOf derives the level:
//
//	省      合成省人民政府 (the first body, and the only one)
//	市      合成省第{k}市人民政府
//	县区    合成省第{k}市第{j}区人民政府
//	部门    合成省第{k}市{教育局|财政局|自然资源和规划局|…}
//	乡镇街道 合成省第{k}市第{j}区第{m}镇人民政府, 合成省第{k}市第{j}区第{m}街道办事处
//
// in the proportions 1 % 省/市, 15 % 县区, 50 % 部门, 34 % 乡镇街道 of bodies.
// A file is named synth-{body number, five digits}-{year}.txt.
//
// # Numbers and deliberate findings
//
// Table 三 keeps cross-checks 1–3 of FORMAT.md in every report and table 四
// keeps rule 4, except on purpose in about 3 % of reports, which print one
// group's 总计 of table 四 wrong (data.Check reports it, rule 4). This
// year's 二、上年结转 equals last year's 四、结转下年度继续办理 for the same
// body in every column, except on purpose in about 3 % of the years after a
// body's first, where one applicant column (and so 总计) differs
// (data.CrossYear reports it, rule 5). Blank cells are printed as "/" or
// "—" and only where the value is 0; an all-zero row of table 三 is
// sometimes printed as a single "0".
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"

	"nianbao/data"
)

// File is one generated report: its file name and its text (UTF-8).
type File struct {
	Name string
	Text []byte
}

// Reports returns n synthetic reports made from seed. The same seed gives
// the same bytes, and Reports(k, seed) equals the first k files of
// Reports(n, seed) for k ≤ n.
func Reports(n int, seed int64) []File {
	rs := generate(n, seed)
	files := make([]File, len(rs))
	for i, r := range rs {
		files[i] = File{Name: r.fileName(), Text: r.render()}
	}
	return files
}

// Write writes the files into dir (made if missing), each with mode 0644.
func Write(dir string, files []File) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if f.Name == "" || filepath.Base(f.Name) != f.Name {
			return fmt.Errorf("synth: %q is not a plain file name", f.Name)
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Text, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// First and last year a body may report on.
const (
	firstYear = 2019
	lastYear  = 2025
)

// Rates of the deliberate inconsistencies.
const (
	appealErrorRate = 0.03 // reports with one table 四 总计 printed wrong
	crossYearRate   = 0.03 // years after a body's first whose 二 differs from last year's 四
)

type level int

const (
	province level = iota
	city
	district
	department
	town
)

// levelNames are the levels as catalog.Levels names them.
var levelNames = [...]string{province: "省", city: "市", district: "县区", department: "部门", town: "乡镇街道"}

// departments are the 部门 a synthetic city has, with a weight for how many
// requests each receives.
var departments = []struct {
	name   string
	weight float64
}{
	{"教育局", 1}, {"财政局", 0.8}, {"自然资源和规划局", 2.5}, {"卫生健康委员会", 1},
	{"市场监督管理局", 1.5}, {"发展和改革委员会", 1}, {"工业和信息化局", 0.6}, {"公安局", 1.8},
	{"民政局", 0.8}, {"司法局", 0.6}, {"人力资源和社会保障局", 1.4}, {"生态环境局", 1.2},
	{"住房和城乡建设局", 2}, {"交通运输局", 0.8}, {"水利局", 0.6}, {"农业农村局", 0.8},
	{"商务局", 0.5}, {"文化广电和旅游局", 0.4}, {"退役军人事务局", 0.4}, {"应急管理局", 0.6},
	{"审计局", 0.4}, {"统计局", 0.3}, {"医疗保障局", 0.6}, {"城市管理局", 1.2},
	{"体育局", 0.2}, {"数据局", 0.3}, {"科学技术局", 0.3}, {"民族宗教事务局", 0.2},
	{"林业局", 0.3}, {"行政审批局", 0.8}, {"信访局", 0.5}, {"机关事务管理局", 0.2},
	{"住房公积金管理中心", 0.5}, {"粮食和物资储备局", 0.2}, {"地方金融管理局", 0.3}, {"税务局", 0.8},
}

// body is one synthetic reporting body and its run of years.
type body struct {
	index  int // place in the order bodies are made
	name   string
	level  level
	weight float64 // request magnitude factor of a department
	first  int     // first year reported on
	years  int     // number of years, 3–7
}

// bodyMaker makes bodies one after another; a body depends only on the
// seed and the bodies made before it.
type bodyMaker struct {
	rng       *rand.Rand
	next      int
	cities    int                  // 市 bodies made
	districts map[int]int          // per city: 区 numbers given
	towns     map[[2]int]int       // per district: 镇/街道 numbers given
	depts     map[int]map[int]bool // per city: departments given
}

func newBodyMaker(seed int64) *bodyMaker {
	return &bodyMaker{
		rng:       rand.New(rand.NewPCG(uint64(seed), 0x5eed0b0d1e5)),
		districts: map[int]int{},
		towns:     map[[2]int]int{},
		depts:     map[int]map[int]bool{},
	}
}

// cityRange is how many cities the province has when body i is made: it
// grows so that department names never run out.
func cityRange(i int) int { return 10 + i/40 }

func (m *bodyMaker) make() body {
	b := body{index: m.next, weight: 1}
	m.next++
	r := m.rng
	lv := province
	if b.index > 0 {
		switch x := r.Float64(); {
		case x < 0.01:
			lv = city
		case x < 0.16:
			lv = district
		case x < 0.66:
			lv = department
		default:
			lv = town
		}
	}
	b.level = lv
	k := 1 + r.IntN(cityRange(b.index))
	switch lv {
	case province:
		b.name = "合成省人民政府"
	case city:
		m.cities++
		b.name = fmt.Sprintf("合成省第%d市人民政府", m.cities)
	case district:
		m.districts[k]++
		b.name = fmt.Sprintf("合成省第%d市第%d区人民政府", k, m.districts[k])
	case department:
		for m.depts[k] != nil && len(m.depts[k]) == len(departments) {
			k = 1 + r.IntN(cityRange(b.index))
		}
		if m.depts[k] == nil {
			m.depts[k] = map[int]bool{}
		}
		d := r.IntN(len(departments))
		for m.depts[k][d] {
			d = (d + 1) % len(departments)
		}
		m.depts[k][d] = true
		b.name = fmt.Sprintf("合成省第%d市%s", k, departments[d].name)
		b.weight = departments[d].weight
	case town:
		j := 1 + r.IntN(max(4, m.districts[k]))
		m.towns[[2]int{k, j}]++
		n := m.towns[[2]int{k, j}]
		if r.IntN(3) == 0 {
			b.name = fmt.Sprintf("合成省第%d市第%d区第%d街道办事处", k, j, n)
		} else {
			b.name = fmt.Sprintf("合成省第%d市第%d区第%d镇人民政府", k, j, n)
		}
	}
	b.years = 3 + r.IntN(5)
	b.first = firstYear + r.IntN(lastYear-firstYear+1-b.years+1)
	return b
}

// report is one generated report: what the text prints and what was put
// in on purpose, for the tests.
type report struct {
	body   body
	year   int
	format string // data.Format2019 or data.Format2021
	split  bool   // （六）其他处理 printed as three rows
	rows   []rowDef
	req    map[string]*[7]int64 // table 三 by row key; keeps rules 1–3
	appeal [3][5]int64          // table 四 as printed
	// appealError is the deliberate finding of table 四, nil for none.
	appealError *data.Finding
	// crossYear is the applicant column whose 上年结转 differs from last
	// year's 结转下年度 on purpose, -1 for none.
	crossYear  int
	disclosure []disclosureItem
	published  string // as the importer gives it: YYYY-MM-DD
	pubDay     int    // day of January of the next year it was published
	fee        int64  // 信息处理费 collected, 元
	st         style
}

// rowDef is a printed row of table 三: its key, its label, and the
// category label printed before it (first row of a category only).
type rowDef struct {
	key, label, category string
}

// style is how a report prints what the template leaves open.
type style struct {
	blank      string // how a zero cell of a 法人 column or of table 四 is left blank; "" prints 0
	zeroRow    bool   // an all-zero row of table 三 is printed as a single "0"
	catInline  bool   // a category label shares the line of its first row
	titleLines int    // the title on 1 or 2 lines
	head4      string
	head5      string
}

func (r *report) fileName() string {
	return fmt.Sprintf("synth-%05d-%d.txt", r.body.index, r.year)
}

// generate makes the first n reports for seed.
func generate(n int, seed int64) []*report {
	if n <= 0 {
		return nil
	}
	bm := newBodyMaker(seed)
	out := make([]*report, 0, n)
	for len(out) < n {
		b := bm.make()
		rng := rand.New(rand.NewPCG(uint64(seed)^0x9e3779b97f4a7c15, uint64(b.index)))
		s := newBodyState(b, rng)
		for y := b.first; y < b.first+b.years && len(out) < n; y++ {
			out = append(out, s.report(y, y == b.first))
		}
	}
	return out
}

// bodyState carries what one year's report passes to the next.
type bodyState struct {
	b           body
	rng         *rand.Rand
	magnitude   float64  // typical 本年新收 total
	carriedOver [6]int64 // last year's 四、结转下年度, by applicant column
	published   [2]int64 // 2019 template: 对外公开总数量 of 规章, 规范性文件
	inForce     [2]int64 // 2021 template: 现行有效件数 of 规章, 行政规范性文件
	items       map[string]int64
}

func newBodyState(b body, r *rand.Rand) *bodyState {
	s := &bodyState{b: b, rng: r, items: map[string]int64{}}
	logUniform := func(lo, hi float64) float64 { return math.Exp(math.Log(lo) + r.Float64()*(math.Log(hi)-math.Log(lo))) }
	switch b.level {
	case province:
		s.magnitude = logUniform(1500, 5000)
	case city:
		s.magnitude = logUniform(700, 4500)
	case district:
		s.magnitude = logUniform(60, 1100)
	case department:
		s.magnitude = min(250, logUniform(1, 120)*b.weight) - 1
	case town:
		s.magnitude = r.Float64() * 9
	}
	scale := s.scale()
	s.published = [2]int64{int64(float64(r.IntN(20)) * scale), int64(float64(5+r.IntN(40)) * scale)}
	if b.level > city {
		s.published[0] = 0
	}
	s.inForce = s.published
	for _, k := range []string{"licensing", "other_services", "penalty", "enforcement", "fees"} {
		base := map[string]float64{"licensing": 60, "other_services": 40, "penalty": 150, "enforcement": 15, "fees": 6}[k]
		s.items[k] = int64(base * scale * (0.5 + r.Float64()))
	}
	return s
}

// scale is a body's size for table 二, by level.
func (s *bodyState) scale() float64 {
	return [...]float64{province: 12, city: 6, district: 2.5, department: 0.6, town: 0.15}[s.b.level]
}

// newRange is the range of 本年新收 totals of a level.
func newRange(l level) (lo, hi int64) {
	switch l {
	case province, city:
		return 500, 6000
	case district:
		return 50, 1500
	case department:
		return 0, 300
	}
	return 0, 20
}

func (s *bodyState) report(year int, first bool) *report {
	r := s.rng
	rep := &report{body: s.b, year: year, crossYear: -1, req: map[string]*[7]int64{}}
	rep.format = data.Format2021
	if year <= 2020 {
		rep.format = data.Format2019
	} else {
		rep.split = r.Float64() < 0.85
	}
	rep.st = s.style()
	rep.rows = printedRows(rep.split)

	// 一、本年新收, by applicant column.
	lo, hi := newRange(s.b.level)
	total := int64(math.Round(s.magnitude * (0.65 + 0.7*r.Float64())))
	total = min(max(total, lo), hi)
	var newRow [6]int64
	np := int64(math.Round(float64(total) * (0.6 + 0.38*r.Float64())))
	newRow[0] = np
	orgs := alloc(r, total-np, jitter(r, []float64{0.55, 0.04, 0.05, 0.16, 0.2}, 0.4))
	copy(newRow[1:], orgs)

	// 二、上年结转: last year's 四, except on purpose.
	var in [6]int64
	if first {
		for c := range in {
			if r.Float64() < 0.35 {
				in[c] = int64(float64(newRow[c]) * 0.05 * r.Float64())
			}
		}
	} else {
		in = s.carriedOver
		if r.Float64() < crossYearRate {
			c := 0
			if r.IntN(3) == 0 {
				c = 1 + r.IntN(5)
			}
			if in[c] > 0 && r.IntN(2) == 0 {
				in[c] -= 1 + r.Int64N(min(in[c], 3))
			} else {
				in[c] += 1 + r.Int64N(3)
			}
			rep.crossYear = c
		}
	}

	// 四、结转下年度, and the outcomes of what was handled.
	var out [6]int64
	zeroOdds := 0.5
	if s.b.level == town {
		zeroOdds = 0.85
	}
	for c := range out {
		if r.Float64() >= zeroOdds {
			out[c] = int64(float64(newRow[c]+in[c]) * 0.1 * r.Float64())
		}
	}
	outcomes := outcomeRows(rep.split)
	weights := make([]float64, len(outcomes))
	for i, o := range outcomes {
		w := outcomeWeights[o] * (0.3 + 1.4*r.Float64())
		if o != "granted" && o != "unable.not_held" && r.Float64() < 0.35 {
			w = 0
		}
		weights[i] = w
	}
	for _, k := range append([]string{"new", "carried_in", "total", "carried_over"}, outcomes...) {
		rep.req[k] = new([7]int64)
	}
	for c := range 6 {
		rep.req["new"][c] = newRow[c]
		rep.req["carried_in"][c] = in[c]
		rep.req["carried_over"][c] = out[c]
		handled := newRow[c] + in[c] - out[c]
		rep.req["total"][c] = handled
		for i, v := range alloc(r, handled, weights) {
			rep.req[outcomes[i]][c] = v
		}
	}
	for _, row := range rep.req {
		row[6] = 0
		for c := range 6 {
			row[6] += row[c]
		}
	}
	s.carriedOver = out

	// Table 四.
	rep.appeal = s.appeals(total)
	if r.Float64() < appealErrorRate {
		g := r.IntN(3)
		want := rep.appeal[g][4]
		printed := want + 1 + r.Int64N(2)
		if want > 0 && r.IntN(2) == 0 {
			printed = r.Int64N(want) // 0 … want-1, as 洪泽区 2023 prints 0
		}
		rep.appeal[g][4] = printed
		rep.appealError = &data.Finding{Rule: data.RuleAppeals, Table: data.TableAppeals, Row: data.AppealRows[g].Key,
			Column: "total", Printed: printed, Want: want}
	}

	rep.disclosure = s.disclosure(rep.format)
	rep.pubDay = 5 + r.IntN(27)
	rep.published = fmt.Sprintf("%d-01-%02d", year+1, rep.pubDay)
	if rep.format == data.Format2021 && r.IntN(20) == 0 {
		rep.fee = int64(10 * (1 + r.IntN(50)))
	}
	return rep
}

func (s *bodyState) style() style {
	r := s.rng
	st := style{titleLines: 2, head4: "四、政府信息公开行政复议、行政诉讼情况", head5: "五、存在的主要问题及改进情况"}
	switch x := r.Float64(); {
	case x < 0.15:
		st.blank = "/"
	case x < 0.25:
		st.blank = "—"
	}
	st.zeroRow = r.Float64() < 0.15
	st.catInline = r.IntN(2) == 0
	if r.IntN(4) == 0 {
		st.titleLines = 1
	}
	if r.IntN(4) == 0 {
		st.head4 = "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"
	}
	if r.IntN(3) == 0 {
		st.head5 = "五、存在问题及改进情况"
	}
	return st
}

// appeals makes table 四 keeping rule 4, for a body that received total
// requests this year.
func (s *bodyState) appeals(total int64) [3][5]int64 {
	r := s.rng
	var t [3][5]int64
	var review int64
	switch s.b.level {
	case town:
		if r.Float64() < 0.08 {
			review = 1 + r.Int64N(2)
		}
	default:
		review = int64(float64(total) / 25 * (0.2 + 1.3*r.Float64()))
	}
	sizes := [3]int64{review, int64(float64(review) * 0.6 * r.Float64()), int64(float64(review) * 0.4 * r.Float64())}
	for g, n := range sizes {
		parts := alloc(r, n, jitter(r, []float64{0.6, 0.1, 0.15, 0.15}, 0.3))
		copy(t[g][:4], parts)
		t[g][4] = n
	}
	return t
}

// outcomeWeights are the shares of the outcome rows of table 三 in a
// typical report.
var outcomeWeights = map[string]float64{
	"granted": 0.38, "partial": 0.08,
	"denied.state_secret": 0.004, "denied.prohibited_by_law": 0.01, "denied.three_safeties": 0.005,
	"denied.third_party": 0.02, "denied.internal_affairs": 0.02, "denied.process_info": 0.02,
	"denied.enforcement_file": 0.01, "denied.admin_query": 0.02,
	"unable.not_held": 0.22, "unable.needs_creation": 0.05, "unable.unclear": 0.03,
	"declined.petition": 0.03, "declined.duplicate": 0.02, "declined.publication": 0.005,
	"declined.mass_repeat": 0.005, "declined.confirmation": 0.01,
	"other":               0.04,
	"other.no_correction": 0.025, "other.no_fee": 0.002, "other.other": 0.015,
}

// outcomeRows are the keys of the outcome rows in printed order.
func outcomeRows(split bool) []string {
	var keys []string
	for _, r := range templateTable(split).OutcomeRows() {
		keys = append(keys, r.Key)
	}
	return keys
}

func templateTable(split bool) data.Requests {
	t := data.Requests{}
	if split {
		t["other.no_correction"] = nil
	}
	return t
}

// printedRows are the rows of table 三 with their labels, in printed order.
func printedRows(split bool) []rowDef {
	t := templateTable(split)
	rows := []rowDef{{key: data.RowNew.Key, label: data.RowNew.Label}, {key: data.RowCarriedIn.Key, label: data.RowCarriedIn.Label}}
	for _, c := range t.Categories() {
		for i, row := range c.Rows {
			d := rowDef{key: row.Key, label: row.Label}
			if i == 0 && len(c.Rows) > 1 {
				d.category = c.Label
			}
			rows = append(rows, d)
		}
	}
	return append(rows, rowDef{key: data.RowTotal.Key, label: data.RowTotal.Label}, rowDef{key: data.RowCarriedOver.Key, label: data.RowCarriedOver.Label})
}

// jitter returns the weights each multiplied by a random factor, and set
// to 0 with odds zero (but never all of them).
func jitter(r *rand.Rand, w []float64, zero float64) []float64 {
	out := make([]float64, len(w))
	any := false
	for i, x := range w {
		if r.Float64() >= zero {
			out[i] = x * (0.3 + 1.4*r.Float64())
			any = true
		}
	}
	if !any {
		out[0] = w[0]
	}
	return out
}

// alloc divides n into len(w) non-negative parts in proportion to the
// weights: shares rounded down, the rest handed out one by one at random
// by weight.
func alloc(r *rand.Rand, n int64, w []float64) []int64 {
	parts := make([]int64, len(w))
	if n <= 0 {
		return parts
	}
	var sum float64
	for _, x := range w {
		sum += x
	}
	if sum <= 0 {
		parts[0] = n
		return parts
	}
	left := n
	for i, x := range w {
		parts[i] = int64(float64(n) * x / sum)
		left -= parts[i]
	}
	for ; left > 0; left-- {
		x := r.Float64() * sum
		i := 0
		for ; i < len(w)-1 && x >= w[i]; i++ {
			x -= w[i]
		}
		for w[i] == 0 { // rounding may run past the last weighted index
			i--
		}
		parts[i]++
	}
	return parts
}

// disclosureItem is one item of table 二: its heading, column labels and
// rows of printed values.
type disclosureItem struct {
	item    string
	columns []string
	rows    []disclosureRow
}

type disclosureRow struct {
	label  string
	values []string // as printed; "" is a blank cell
}

func (s *bodyState) disclosure(format string) []disclosureItem {
	r := s.rng
	sc := s.scale()
	count := func(base float64) int64 {
		if base <= 0 {
			return 0
		}
		return int64(base * sc * (0.2 + 1.6*r.Float64()))
	}
	makesRules := s.b.level <= city
	var regs, docs [3]int64
	if makesRules {
		regs[0] = int64(r.IntN(int(1 + sc/2)))
	}
	docs[0] = count(3)
	blankRegs := !makesRules && r.IntN(5) == 0
	num := func(v int64) string { return fmt.Sprint(v) }
	regRow := func(label string, v [3]int64, blank bool) disclosureRow {
		if blank {
			return disclosureRow{label: label, values: []string{"", "", ""}}
		}
		return disclosureRow{label: label, values: []string{num(v[0]), num(v[1]), num(v[2])}}
	}
	decisions := map[string]int64{
		"licensing": count(1500), "other_services": count(600), "penalty": count(400), "enforcement": count(30),
	}
	if format == data.Format2019 {
		regs[1] = regs[0]
		s.published[0] += regs[1]
		regs[2] = s.published[0]
		docs[1] = docs[0]
		s.published[1] += docs[1]
		docs[2] = s.published[1]
		change := func(key string) (prev int64, ch string) {
			prev = s.items[key]
			d := r.Int64N(21) - 10
			d = max(d, -prev)
			s.items[key] = prev + d
			switch {
			case d > 0:
				return prev, fmt.Sprintf("+%d", d)
			case d < 0:
				return prev, fmt.Sprint(d)
			}
			return prev, "0"
		}
		row3 := func(label, key string) disclosureRow {
			prev, ch := change(key)
			return disclosureRow{label: label, values: []string{num(prev), ch, num(decisions[key])}}
		}
		feePrev, feeCh := change("fees")
		procItems := count(40)
		amount := float64(procItems) * (5 + 200*r.Float64())
		return []disclosureItem{
			{"第二十条第（一）项", []string{"本年新制作数量", "本年新公开数量", "对外公开总数量"},
				[]disclosureRow{regRow("规章", regs, blankRegs), regRow("规范性文件", docs, false)}},
			{"第二十条第（五）项", []string{"上一年项目数量", "本年增/减", "处理决定数量"},
				[]disclosureRow{row3("行政许可", "licensing"), row3("其他对外管理服务事项", "other_services")}},
			{"第二十条第（六）项", []string{"上一年项目数量", "本年增/减", "处理决定数量"},
				[]disclosureRow{row3("行政处罚", "penalty"), row3("行政强制", "enforcement")}},
			{"第二十条第（八）项", []string{"上一年项目数量", "本年增/减"},
				[]disclosureRow{{"行政事业性收费", []string{num(feePrev), feeCh}}}},
			{"第二十条第（九）项", []string{"采购项目数量", "采购总金额"},
				[]disclosureRow{{"政府集中采购", []string{num(procItems), fmt.Sprintf("%.4f万元", amount)}}}},
		}
	}
	regs[1] = int64(r.IntN(int(1 + regs[0])))
	s.inForce[0] = max(0, s.inForce[0]+regs[0]-regs[1])
	regs[2] = s.inForce[0]
	docs[1] = r.Int64N(1 + docs[0])
	s.inForce[1] = max(0, s.inForce[1]+docs[0]-docs[1])
	docs[2] = s.inForce[1]
	fee := "0"
	if s.b.level != town && r.IntN(3) > 0 {
		fee = fmt.Sprintf("%.*f", r.IntN(5), 30*sc*sc*r.Float64())
	}
	return []disclosureItem{
		{"第二十条第（一）项", []string{"本年制发件数", "本年废止件数", "现行有效件数"},
			[]disclosureRow{regRow("规章", regs, blankRegs), regRow("行政规范性文件", docs, false)}},
		{"第二十条第（五）项", []string{"本年处理决定数量"},
			[]disclosureRow{{"行政许可", []string{num(decisions["licensing"])}}}},
		{"第二十条第（六）项", []string{"本年处理决定数量"},
			[]disclosureRow{{"行政处罚", []string{num(decisions["penalty"])}}, {"行政强制", []string{num(decisions["enforcement"])}}}},
		{"第二十条第（八）项", []string{"本年收费金额（单位：万元）"},
			[]disclosureRow{{"行政事业性收费", []string{fee}}}},
	}
}
