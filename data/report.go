package data

import (
	"fmt"
	"strconv"
	"strings"
)

// Template versions, detected from the table headers, never from the year.
const (
	Format2019 = "2019" // 国办公开办函〔2019〕60号
	Format2021 = "2021" // 国办公开办函〔2021〕30号
)

// Report is one body's annual report for one year.
type Report struct {
	ID         string          `json:"id"`
	Body       string          `json:"body"`
	Year       int             `json:"year"`
	Published  string          `json:"published"`
	URL        string          `json:"url,omitempty"` // the published original's address, absolute http(s); "" when not known
	Format     string          `json:"format"`
	Source     string          `json:"source"`
	Sections   []Section       `json:"sections"`
	Disclosure []DisclosureRow `json:"disclosure"`
	Requests   Requests        `json:"requests"`
	Appeals    Appeals         `json:"appeals"`
}

// Title is how the report names itself: "南通市人民政府2019年政府信息公开工作年度报告".
func (r *Report) Title() string {
	return fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Body, r.Year)
}

// Section is a narrative section (一, 五 or 六) as paragraphs of text.
type Section struct {
	Key        string   `json:"key"` // overview, problems, other
	Title      string   `json:"title"`
	Paragraphs []string `json:"paragraphs"`
}

// Narrative section keys, in report order.
const (
	SectionOverview = "overview" // 一、总体情况
	SectionProblems = "problems" // 五、存在的主要问题及改进情况
	SectionOther    = "other"    // 六、其他需要报告的事项
	// The prose a report prints under the headings of parts 三 and 四,
	// before their tables ("2023年，共收到政府信息公开申请0条。"), where it
	// prints any.
	SectionRequests = "requests" // 三、收到和处理政府信息公开申请情况
	SectionAppeals  = "appeals"  // 四、政府信息公开行政复议、行政诉讼情况
)

// Section returns the narrative section with the key, or nil.
func (r *Report) Section(key string) *Section {
	for i := range r.Sections {
		if r.Sections[i].Key == key {
			return &r.Sections[i]
		}
	}
	return nil
}

// Table names one of a report's tables by the numeral the template prints
// before it. Its value is that numeral, as findings, notes and the open
// data carry it and as every message shows it ("表三", "table 四").
type Table string

// The tables of a report with counts in cells.
const (
	TableDisclosure Table = "二" // 二、主动公开政府信息情况: Report.Disclosure
	TableRequests   Table = "三" // 三、收到和处理政府信息公开申请情况: Report.Requests
	TableAppeals    Table = "四" // 四、政府信息公开行政复议、行政诉讼情况: Report.Appeals
)

// IsAppeals says whether t is table 四, whose cells are Report.Appeals'; any
// other table of cells is read as table 三.
func (t Table) IsAppeals() bool { return t == TableAppeals }

// Columns are the columns of table 三 or 四, in template order:
// AppealColumns for table 四, RequestColumns otherwise.
func (t Table) Columns() []Column {
	if t.IsAppeals() {
		return AppealColumns[:]
	}
	return RequestColumns[:]
}

// Cell is the cell of table 三 or 四 (Appeals for TableAppeals, Requests
// otherwise) at row key and column index; a missing row reads as blank.
func (r *Report) Cell(t Table, row string, col int) Cell {
	if t.IsAppeals() {
		return r.Appeals.Cell(row, col)
	}
	return r.Requests.Cell(row, col)
}

// Status says where a cell's value comes from.
type Status uint8

const (
	Printed   Status = iota // printed in the report
	Blank                   // left blank, "/" or "—": not a zero
	Recovered               // lost in copying; a cross-check proves the value
)

func (s Status) String() string {
	switch s {
	case Blank:
		return "blank"
	case Recovered:
		return "recovered"
	}
	return "printed"
}

// Cell is one count of table 三 or 四.
type Cell struct {
	Value  int64
	Status Status
	Rule   int // the cross-check that recovered the value, when Status is Recovered
}

// N is the cell as a number in the cross-checks: a blank counts as 0 there,
// while everywhere it is shown it stays blank.
func (c Cell) N() int64 {
	if c.Status == Blank {
		return 0
	}
	return c.Value
}

// Num makes a printed cell.
func Num(v int64) Cell { return Cell{Value: v} }

// Column is a canonical key with the label the template prints.
type Column struct {
	Key   string
	Label string
}

// Table 三 columns, in template order.
var RequestColumns = [7]Column{
	{"natural_person", "自然人"},
	{"business", "商业企业"},
	{"research", "科研机构"},
	{"public_interest", "社会公益组织"},
	{"legal_services", "法律服务机构"},
	{"other_org", "其他"},
	{"total", "总计"},
}

// Column indexes of table 三 (RequestColumns).
const (
	ColNaturalPerson = iota
	ColBusiness
	ColResearch
	ColPublicInterest
	ColLegalServices
	ColOtherOrg
	ColTotal
)

// Column indexes of table 四 (AppealColumns).
const (
	AppealUpheld = iota
	AppealCorrected
	AppealOther
	AppealPending
	AppealTotal
)

// RowDef names a row of table 三.
type RowDef struct {
	Key   string
	Label string
}

// Category is an outcome category of table 三 (（一）…（六）) with its
// numbered rows; a category printed as one row has one RowDef whose key is
// the category's.
type Category struct {
	Key   string
	Label string
	Rows  []RowDef
}

// The outcome categories of table 三 row 三. 其他处理 has two shapes; see
// OtherRows.
var outcomeCategories = []Category{
	{"granted", "（一）予以公开", []RowDef{{"granted", "（一）予以公开"}}},
	{"partial", "（二）部分公开", []RowDef{{"partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"}}},
	{"denied", "（三）不予公开", []RowDef{
		{"denied.state_secret", "1.属于国家秘密"},
		{"denied.prohibited_by_law", "2.其他法律行政法规禁止公开"},
		{"denied.three_safeties", "3.危及“三安全一稳定”"},
		{"denied.third_party", "4.保护第三方合法权益"},
		{"denied.internal_affairs", "5.属于三类内部事务信息"},
		{"denied.process_info", "6.属于四类过程性信息"},
		{"denied.enforcement_file", "7.属于行政执法案卷"},
		{"denied.admin_query", "8.属于行政查询事项"},
	}},
	{"unable", "（四）无法提供", []RowDef{
		{"unable.not_held", "1.本机关不掌握相关政府信息"},
		{"unable.needs_creation", "2.没有现成信息需要另行制作"},
		{"unable.unclear", "3.补正后申请内容仍不明确"},
	}},
	{"declined", "（五）不予处理", []RowDef{
		{"declined.petition", "1.信访举报投诉类申请"},
		{"declined.duplicate", "2.重复申请"},
		{"declined.publication", "3.要求提供公开出版物"},
		{"declined.mass_repeat", "4.无正当理由大量反复申请"},
		{"declined.confirmation", "5.要求行政机关确认或重新出具已获取信息"},
	}},
}

// OtherSplitRows are the three rows of （六）其他处理 in the 2021 template.
var OtherSplitRows = []RowDef{
	{"other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
	{"other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
	{"other.other", "3.其他"},
}

// The rows of table 三 outside the outcomes.
var (
	RowNew         = RowDef{"new", "一、本年新收政府信息公开申请数量"}
	RowCarriedIn   = RowDef{"carried_in", "二、上年结转政府信息公开申请数量"}
	RowTotal       = RowDef{"total", "（七）总计"}
	RowCarriedOver = RowDef{"carried_over", "四、结转下年度继续办理"}
)

// Requests is table 三: rows by canonical key.
type Requests map[string]*RequestRow

// RequestRow is one row of table 三, by column index (see RequestColumns).
type RequestRow [7]Cell

// Cell returns the cell at row key and column index; a missing row reads as blank.
func (t Requests) Cell(row string, col int) Cell {
	if r := t[row]; r != nil {
		return r[col]
	}
	return Cell{Status: Blank}
}

// Get returns the cell as a number for the cross-checks (blank as 0).
func (t Requests) Get(row string, col int) int64 { return t.Cell(row, col).N() }

// OtherSplit says whether （六）其他处理 is printed as three rows.
func (t Requests) OtherSplit() bool {
	_, ok := t["other.no_correction"]
	return ok
}

// Categories returns the outcome categories as this report prints them.
func (t Requests) Categories() []Category {
	cats := append([]Category(nil), outcomeCategories...)
	other := Category{Key: "other", Label: "（六）其他处理", Rows: []RowDef{{"other", "（六）其他处理"}}}
	if t.OtherSplit() {
		other.Rows = OtherSplitRows
	}
	return append(cats, other)
}

// OutcomeRows lists every outcome row (the rows summed by （七）总计).
func (t Requests) OutcomeRows() []RowDef {
	var rows []RowDef
	for _, c := range t.Categories() {
		rows = append(rows, c.Rows...)
	}
	return rows
}

// Rows lists every row of table 三 in printed order.
func (t Requests) Rows() []RowDef {
	rows := []RowDef{RowNew, RowCarriedIn}
	rows = append(rows, t.OutcomeRows()...)
	return append(rows, RowTotal, RowCarriedOver)
}

// CategorySum is the sum of a category's rows in one column (blanks as 0).
func (t Requests) CategorySum(c Category, col int) int64 {
	var s int64
	for _, r := range c.Rows {
		s += t.Get(r.Key, col)
	}
	return s
}

// RowLabel returns the template label of a table 三 row key.
func RowLabel(key string) string {
	if l, ok := rowLabels[key]; ok {
		return l
	}
	return key
}

var rowLabels = func() map[string]string {
	m := map[string]string{"other": "（六）其他处理"}
	rows := []RowDef{RowNew, RowCarriedIn, RowTotal, RowCarriedOver}
	rows = append(rows, OtherSplitRows...)
	for _, c := range outcomeCategories {
		rows = append(rows, c.Rows...)
	}
	for _, r := range rows {
		m[r.Key] = r.Label
	}
	return m
}()

// Table 四.

// AppealColumns are the columns of each group of table 四.
var AppealColumns = [5]Column{
	{"upheld", "结果维持"},
	{"corrected", "结果纠正"},
	{"other", "其他结果"},
	{"pending", "尚未审结"},
	{"total", "总计"},
}

// AppealRows are the three groups of table 四.
var AppealRows = [3]RowDef{
	{"review", "行政复议"},
	{"litigation_direct", "行政诉讼（未经复议直接起诉）"},
	{"litigation_after_review", "行政诉讼（复议后起诉）"},
}

// Appeals is table 四: groups by canonical key.
type Appeals map[string]*AppealRow

// AppealRow is one group of table 四, by column index (see AppealColumns).
type AppealRow [5]Cell

// Cell returns a cell of table 四; a missing group reads as blank.
func (t Appeals) Cell(row string, col int) Cell {
	if r := t[row]; r != nil {
		return r[col]
	}
	return Cell{Status: Blank}
}

// Table 二.

// DisclosureRow is one row of table 二: an item of 第二十条 for one kind of information.
type DisclosureRow struct {
	Item   string     `json:"item"`
	Key    string     `json:"key"`
	Label  string     `json:"label"`
	Values []Quantity `json:"values"`
	// Run is the row's numbers as a copy runs them together ("114251"),
	// given where they split into the row's values more than one way; then
	// Candidates lists every split the template allows, each a value per
	// entry of Values (nil when there are more than MaxCandidates). Values
	// that differ between candidates are StatusUnreadable, or
	// StatusCrossYear where the body's adjacent year settles them.
	Run        string     `json:"run,omitempty"`
	Candidates [][]string `json:"candidates,omitempty"`
}

// Quantity is one value of table 二, kept exactly as printed.
type Quantity struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	Value  string `json:"value"` // "", "12", "-47", "+14", "950125.6165"
	Unit   string `json:"unit,omitempty"`
	Status string `json:"status,omitempty"` // "" (printed, or blank when Value is ""), StatusUnreadable or StatusCrossYear
}

// How a value of table 二 was read, where not plainly (Quantity.Status).
const (
	// StatusUnreadable: the copy runs the row's numbers together and they
	// split into its values several ways that differ here; Value is "" and
	// the row's Candidates list the splits. Not a blank: the report printed
	// a number, which cannot be told from the copy.
	StatusUnreadable = "unreadable"
	// StatusCrossYear: as StatusUnreadable, but of the row's candidates
	// exactly one keeps the relation of the 2021 template across the body's
	// adjacent years (现行有效件数 = last year's 现行有效件数 + 本年制发件数 −
	// 本年废止件数); Value is that candidate's.
	StatusCrossYear = "cross_year"
)

// Blank says whether the report left the value blank (an unreadable value
// is not blank: the report printed one).
func (q Quantity) Blank() bool { return q.Value == "" && q.Status != StatusUnreadable }

// Unreadable says whether the value cannot be read from the copy.
func (q Quantity) Unreadable() bool { return q.Status == StatusUnreadable }

// Float is the value as a number (0 when blank).
func (q Quantity) Float() float64 {
	f, _ := strconv.ParseFloat(strings.TrimPrefix(q.Value, "+"), 64)
	return f
}

// DisclosureKeys lists the row and value keys of table 二, with their labels,
// for both template versions.
var DisclosureKeys = map[string]string{
	// rows
	"regulations":    "规章",
	"normative_docs": "规范性文件 / 行政规范性文件",
	"licensing":      "行政许可",
	"other_services": "其他对外管理服务事项",
	"penalty":        "行政处罚",
	"enforcement":    "行政强制",
	"fees":           "行政事业性收费",
	"procurement":    "政府集中采购",
	// values, 2019
	"made":            "本年新制作数量",
	"published":       "本年新公开数量",
	"total_published": "对外公开总数量",
	"prev_items":      "上一年项目数量",
	"change":          "本年增/减",
	"decisions":       "处理决定数量 / 本年处理决定数量",
	"items":           "采购项目数量",
	"amount":          "采购总金额",
	// values, 2021
	"issued":     "本年制发件数",
	"repealed":   "本年废止件数",
	"in_force":   "现行有效件数",
	"fee_amount": "本年收费金额（单位：万元）",
}
