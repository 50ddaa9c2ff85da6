package site

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"

	"nianbao/charts"
	"nianbao/data"
	"nianbao/data/catalog"
	"nianbao/data/importer"
)

// The open data (README.md, "Open data: the site's static API"): files at
// stable addresses that a journalist, a researcher or another portal takes
// away, written by the build beside the site's own content-hashed data.
//
//   - data/reports/<id>.json: the report's dataset as imported (data.Encode,
//     byte for byte the file the build was given), and the same bytes at
//     data/reports/<id>.<hash>.json, a name that never changes its content
//     (a citation can pin it, a cache keep it for good);
//   - data/reports/<id>.csv: its cells, as `nianbao import --csv` writes
//     them (importer.WriteCSV);
//   - data/catalog.csv: every report with its key figures and rates, its
//     publication date and original's address (UTF-8 with a BOM, for
//     spreadsheets);
//   - data/cells.csv: every cell of every report, the columns of the
//     reports' CSV after the report's ID and year;
//   - data/datapackage.json: a Frictionless Data Package describing the
//     two tables, with their schemas and the site file's licence.
//
// The two large files are written as they are made (with their compressed
// copies), never held whole in memory: at thousands of reports they stay
// static files.

// openColumn is one column of the catalog: its name (the CSV's header),
// its Frictionless type, what it holds, and its value for a report.
type openColumn struct {
	name, typ, desc string
	value           func(r *data.Report, e *catalog.Entry, b *catalog.Body) string
}

// figure is a column of a key figure of the index.
func figure(name string, key catalog.Key, desc string) openColumn {
	return openColumn{name, "integer", desc, func(_ *data.Report, e *catalog.Entry, _ *catalog.Body) string {
		return strconv.FormatInt(e.Figure(key), 10)
	}}
}

// rate is part of whole in percent with one decimal, "" when whole is 0.
func rate(part, whole int64) string {
	if whole == 0 {
		return ""
	}
	return strconv.FormatFloat(float64(part)*100/float64(whole), 'f', 1, 64)
}

// catalogColumns are the catalog's columns, in order: the CSV's header and
// the datapackage's schema are both made from this one list.
func (s *site) catalogColumns() []openColumn {
	text := func(name, desc string, f func(r *data.Report, e *catalog.Entry, b *catalog.Body) string) openColumn {
		return openColumn{name, "string", desc, f}
	}
	cols := []openColumn{
		text("报告ID", "本站的报告标识；数据文件和页面的地址由它组成", func(r *data.Report, _ *catalog.Entry, _ *catalog.Body) string { return r.ID }),
		text("机关", "报告机关的名称", func(r *data.Report, _ *catalog.Entry, _ *catalog.Body) string { return r.Body }),
		text("机关ID", "本站的机关标识；机关页面为 /b/<机关ID>", func(_ *data.Report, _ *catalog.Entry, b *catalog.Body) string { return b.ID }),
		text("层级", "由机关名称判断的层级：省、市、县区、部门、乡镇街道", func(_ *data.Report, _ *catalog.Entry, b *catalog.Body) string { return b.Level }),
		text("地区", "由机关名称判断的地区", func(_ *data.Report, _ *catalog.Entry, b *catalog.Body) string { return b.Region }),
		{"年度", "integer", "报告的年度", func(r *data.Report, _ *catalog.Entry, _ *catalog.Body) string { return strconv.Itoa(r.Year) }},
		text("格式版本", "报告表格所用的统一格式：2019 或 2021 年版", func(r *data.Report, _ *catalog.Entry, _ *catalog.Body) string { return r.Format }),
		{"发布日期", "date", "报告的发布日期；空白为原文未注明", func(r *data.Report, _ *catalog.Entry, _ *catalog.Body) string { return r.Published }},
		{"原文链接", "string", "报告原文的网址；空白为未知", func(r *data.Report, _ *catalog.Entry, _ *catalog.Body) string { return r.URL }},
		text("数据校验", "全部成立、有推算（丢失的数字由勾稽关系推算）或有不一致（报告所印数字不符合勾稽关系）", func(_ *data.Report, e *catalog.Entry, _ *catalog.Body) string {
			return e.Consistency().Label()
		}),
		{"不一致处数", "integer", "不符合勾稽关系之处的个数（按原样发布，未作更正）", func(_ *data.Report, e *catalog.Entry, _ *catalog.Body) string { return strconv.Itoa(e.Findings) }},
		{"推算数字数", "integer", "复制时丢失、由勾稽关系推算的数字个数", func(_ *data.Report, e *catalog.Entry, _ *catalog.Body) string { return strconv.Itoa(e.Recovered) }},
		{"跨年度不一致列数", "integer", "本年“上年结转”与上年“结转下年度继续办理”不一致的列数", func(_ *data.Report, e *catalog.Entry, _ *catalog.Body) string { return strconv.Itoa(e.CrossYear) }},
		figure("本年新收", catalog.KeyNew, "表三 一、本年新收政府信息公开申请数量，总计列"),
		figure("上年结转", catalog.KeyCarriedIn, "表三 二、上年结转政府信息公开申请数量，总计列"),
		figure("本年办理", catalog.KeyHandled, "表三 三、本年度办理结果（七）总计，总计列"),
		figure("予以公开", catalog.KeyGranted, "表三（一）予以公开，总计列"),
		figure("部分公开", catalog.KeyPartial, "表三（二）部分公开，总计列"),
		figure("不予公开", catalog.KeyDenied, "表三（三）不予公开各项之和，总计列"),
		figure("无法提供", catalog.KeyUnable, "表三（四）无法提供各项之和，总计列"),
		figure("不予处理", catalog.KeyDeclined, "表三（五）不予处理各项之和，总计列"),
		figure("其他处理", catalog.KeyOther, "表三（六）其他处理各项之和，总计列"),
		figure("结转下年度", catalog.KeyCarriedOver, "表三 四、结转下年度继续办理，总计列"),
	}
	for _, g := range []struct {
		name string
		key  catalog.Key
		what string
	}{{"行政复议", catalog.KeyReview, "表四 行政复议"}, {"行政诉讼", catalog.KeyLitigation, "表四 行政诉讼（未经复议直接起诉与复议后起诉之和）"}} {
		for c, col := range data.AppealColumns {
			cols = append(cols, figure(g.name+col.Label, g.key+catalog.Key(c), g.what+"，"+col.Label))
		}
	}
	rateCol := func(name, desc string, f func(e *catalog.Entry) string) openColumn {
		return openColumn{name, "number", desc, func(_ *data.Report, e *catalog.Entry, _ *catalog.Body) string { return f(e) }}
	}
	cols = append(cols,
		rateCol("予以公开或部分公开（%）", "（予以公开 + 部分公开）÷ 本年办理 × 100，一位小数；本年办理为 0 时空白", func(e *catalog.Entry) string {
			return rate(e.Opened(), e.Handled())
		}),
		rateCol("复议纠错率（%）", "行政复议结果纠正 ÷ 已审结（维持 + 纠正 + 其他）× 100；没有已审结时空白", func(e *catalog.Entry) string {
			return rate(e.Corrected(catalog.KeyReview), e.Concluded(catalog.KeyReview))
		}),
		rateCol("诉讼纠错率（%）", "行政诉讼结果纠正 ÷ 已审结（维持 + 纠正 + 其他）× 100；没有已审结时空白", func(e *catalog.Entry) string {
			return rate(e.Corrected(catalog.KeyLitigation), e.Concluded(catalog.KeyLitigation))
		}),
		rateCol("结转比例（%）", "结转下年度 ÷（本年新收 + 上年结转）× 100；两者之和为 0 时空白", func(e *catalog.Entry) string {
			return rate(e.CarriedOver(), e.New()+e.CarriedIn())
		}),
		openColumn{"页面", "string", "本站上这份报告的页面", func(r *data.Report, _ *catalog.Entry, _ *catalog.Body) string { return s.public("/r/" + r.ID) }},
		openColumn{"数据JSON", "string", "这份报告的数据集（JSON）", func(r *data.Report, _ *catalog.Entry, _ *catalog.Body) string {
			return s.public("/" + openReportFile(r.ID, ".json"))
		}},
		openColumn{"数据CSV", "string", "这份报告每一格的数字（CSV）", func(r *data.Report, _ *catalog.Entry, _ *catalog.Body) string {
			return s.public("/" + openReportFile(r.ID, ".csv"))
		}},
	)
	return cols
}

// cellColumns are the columns of the file of every cell: the report's ID
// and year, then those of `import --csv`. The body's name is the catalog's
// (by report_id): on every cell it would double the file.
var cellColumns = []data.Field{
	{Name: "report_id", Title: "报告ID", Type: "string", Constraints: &data.FieldConstraint{Required: true}},
	{Name: "year", Title: "年度", Type: "integer"},
	{Name: "table", Title: "表", Type: "string", Description: "二、三或四", Constraints: &data.FieldConstraint{Enum: []string{"二", "三", "四"}}},
	{Name: "row", Title: "行", Type: "string", Description: "行的键：表三、表四为 FORMAT.md 所列的规范键，表二为 data.DisclosureKeys 的键"},
	{Name: "column", Title: "列", Type: "string", Description: "列的键"},
	{Name: "value", Title: "数值", Type: "string", Description: "报告所印的数字（表二的金额带单位，如 950125.6165万元）；空白或无法辨认时为空"},
	{Name: "status", Title: "读取情况", Type: "string", Description: "printed 按原样；recovered 由勾稽关系推算；blank 报告中为空白；unreadable 数字连在一起、无法唯一拆分；cross_year 由相邻年度的报告确定",
		Constraints: &data.FieldConstraint{Enum: []string{"printed", "recovered", "blank", "unreadable", "cross_year"}}},
}

// openReportFile is the path of a report's open data file under the site.
func openReportFile(id, ext string) string { return data.OpenReportsDir + "/" + id + ext }

// public is a path of the site as an address to take away: with the
// site's public origin when the site file gives it.
func (s *site) public(p string) string { return s.identity.PublicOrigin + s.at(p) }

// writeOpenData writes the open data; the index and the identity are
// made already.
func (s *site) writeOpenData(w *writer, lic *Licence) error {
	var mu sync.Mutex
	var firstErr error
	parallel(len(s.reports), func(i int) {
		if err := s.writeOpenReport(w, s.reports[i]); err != nil {
			mu.Lock()
			if firstErr == nil {
				firstErr = fmt.Errorf("report %s: %w", s.reports[i].ID, err)
			}
			mu.Unlock()
		}
	})
	if firstErr != nil {
		return firstErr
	}
	cols := s.catalogColumns()
	var fields []data.Field
	for _, c := range cols {
		fields = append(fields, data.Field{Name: c.name, Type: c.typ, Description: c.desc})
	}
	fields[0].Constraints = &data.FieldConstraint{Required: true, Unique: true}
	catalog, err := w.csvFile(data.OpenCatalog, fields, func(emit func([]string)) {
		line := make([]string, len(cols))
		for i, r := range s.reports {
			e := &s.index.Reports[i]
			body := s.index.BodyOf(e)
			for j, c := range cols {
				line[j] = c.value(r, e, body)
			}
			emit(line)
		}
	})
	if err != nil {
		return err
	}
	cells, err := w.csvFile(data.OpenCells, cellColumns, func(emit func([]string)) {
		for _, r := range s.reports {
			year := strconv.Itoa(r.Year)
			data.Cells(r, func(c data.CellRecord) {
				emit([]string{r.ID, year, string(c.Table), c.Row, c.Column, c.Value, c.Status})
			})
		}
	})
	if err != nil {
		return err
	}
	pkg := s.dataPackage(lic, []data.PackageResource{
		csvResource("catalog", data.OpenCatalog, "报告目录", "每份报告一行：机关、年度、发布日期、原文链接、数据校验、表三和表四的关键数字及比例，以及本站页面和数据文件的地址。", catalog,
			&data.TableSchema{Fields: fields, PrimaryKey: []string{cols[0].name}}),
		csvResource("cells", data.OpenCells, "全部报告的每一格", "每份报告表二、表三、表四的每一格一行，各列与单份报告的 CSV 相同，前加报告ID和年度（机关见报告目录）。", cells,
			&data.TableSchema{Fields: cellColumns, PrimaryKey: []string{"report_id", "table", "row", "column"}}),
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(pkg); err != nil {
		return err
	}
	b := buf.Bytes()
	s.openDataB = b
	return w.write(path.Join(data.OpenDataDir, data.OpenDataPackage), b, compressFast)
}

// writeOpenReport writes a report's dataset (at its stable and its
// content-hashed name) and its cells.
func (s *site) writeOpenReport(w *writer, r *data.Report) error {
	b, err := data.Encode(r)
	if err != nil {
		return err
	}
	stable := openReportFile(r.ID, ".json")
	if err := w.write(stable, b, perItem); err != nil {
		return err
	}
	if err := w.link(stable, openReportFile(r.ID, "."+contentHash(b)+".json")); err != nil {
		return err
	}
	var csv bytes.Buffer
	if err := importer.WriteCSV(&csv, r); err != nil {
		return err
	}
	return w.write(openReportFile(r.ID, ".csv"), csv.Bytes(), perItem)
}

// csvResource describes a CSV file of the open data.
func csvResource(name, file, title, desc string, st streamed, schema *data.TableSchema) data.PackageResource {
	schema.MissingVals = []string{""}
	return data.PackageResource{Profile: "tabular-data-resource", Name: name, Path: file, Title: title, Description: desc,
		Format: "csv", MediaType: "text/csv", Encoding: "utf-8", Bytes: st.size, Hash: "sha256:" + st.sha256,
		Dialect: &data.Dialect{Delimiter: ",", LineTerminator: "\r\n", QuoteChar: `"`, DoubleQuote: true, Header: true},
		Schema:  schema}
}

// dataPackage is the descriptor of the open data.
func (s *site) dataPackage(lic *Licence, resources []data.PackageResource) *data.DataPackage {
	name := "nianbao-open-data"
	if o := s.identity.PublicOrigin; o != "" {
		name = strings.ToLower(strings.NewReplacer(":", "-").Replace(strings.TrimPrefix(o, "https://")))
	}
	p := &data.DataPackage{Profile: "tabular-data-package", Name: name, Title: s.identity.Name + "：开放数据",
		Description: "政府信息公开工作年度报告的数字，按报告原样：复制时丢失、经勾稽关系推算的数字标明 recovered，报告自身的不一致按原样保留并计数。单份报告的数据集在 reports/<报告ID>.json，每一格在 reports/<报告ID>.csv。",
		Resources:   resources}
	if o := s.identity.PublicOrigin; o != "" {
		p.Homepage = o + s.at("/")
	}
	if lic != nil {
		p.Licenses = []data.License{{Name: lic.Name, Path: lic.Path, Title: lic.Title}}
	}
	p.Sources = []data.PackageSource{{Title: "各机关发布的政府信息公开工作年度报告（原文链接见 catalog.csv）"}}
	return p
}

// csvFile writes a CSV file of the open data, under OpenDataDir, as rows
// emits its records: a byte-order mark (spreadsheets on a Chinese Windows
// read a file without one as GBK), the fields' names, then the records,
// each field that a spreadsheet would run as a formula written as text.
func (w *writer) csvFile(name string, fields []data.Field, rows func(emit func([]string))) (streamed, error) {
	st, err := w.stream(path.Join(data.OpenDataDir, name), func(b *bufio.Writer) {
		b.WriteString("\uFEFF")
		head := make([]string, len(fields))
		for i, f := range fields {
			head[i] = f.Name
		}
		charts.WriteCSVRecord(b, head)
		rows(func(record []string) { charts.WriteCSVRecord(b, record) })
	})
	if err != nil {
		return st, fmt.Errorf("%s: %w", name, err)
	}
	return st, nil
}

// streamed is a file written as it was made: its size and hash.
type streamed struct {
	size   int64
	sha256 string
}

// countWriter counts what it passes on.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// stream writes a file of the site as make writes it, with its .br and .gz
// copies made on the way: nothing holds the whole file.
func (w *writer) stream(name string, make func(*bufio.Writer)) (streamed, error) {
	full := filepath.Join(w.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return streamed{}, err
	}
	var files []*os.File
	open := func(n string) io.Writer {
		f, err := os.Create(n)
		if err != nil {
			return errWriter{err}
		}
		files = append(files, f)
		return f
	}
	plain := open(full)
	gzLevel, brLevel := gzip.DefaultCompression, 9
	if w.level(compressFast) == compressBest {
		gzLevel, brLevel = gzip.BestCompression, brotli.BestCompression
	}
	gz, _ := gzip.NewWriterLevel(open(full+".gz"), gzLevel)
	br := brotli.NewWriterLevel(open(full+".br"), brLevel)
	var h hash.Hash = sha256.New()
	count := &countWriter{w: io.MultiWriter(plain, gz, br, h)}
	b := bufio.NewWriterSize(count, 256<<10)
	make(b)
	err := errors.Join(b.Flush(), gz.Close(), br.Close())
	for _, f := range files {
		err = errors.Join(err, f.Close())
	}
	if err != nil {
		return streamed{}, err
	}
	return streamed{size: count.n, sha256: hex.EncodeToString(h.Sum(nil))}, nil
}

// errWriter fails every write: a file that could not be made.
type errWriter struct{ err error }

func (e errWriter) Write([]byte) (int, error) { return 0, e.err }

// link makes a file of the site, and its compressed copies, also known by
// another name: a hard link (no second copy on disk), or a copy where the
// file system has none.
func (w *writer) link(name, alias string) error {
	from := filepath.Join(w.dir, filepath.FromSlash(name))
	to := filepath.Join(w.dir, filepath.FromSlash(alias))
	for _, ext := range []string{"", ".br", ".gz"} {
		if _, err := os.Stat(from + ext); ext != "" && err != nil {
			continue // no compressed copy of a small file
		}
		if err := os.Link(from+ext, to+ext); err != nil {
			if err := copyFile(from+ext, to+ext); err != nil {
				return err
			}
		}
	}
	return nil
}
