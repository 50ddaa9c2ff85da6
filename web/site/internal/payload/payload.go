// Package payload is a site full of payloads, for the tests of issue 13.1
// (no markup from data): a dataset's strings (a body's name, section
// titles, paragraphs, the labels of table 二) and a site file's stay text
// on every page, whatever they hold. web/site renders its pages without a
// browser; web/site/e2e opens them in Chromium. Only tests import it.
package payload

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"nianbao/data/dataset"
)

// Payloads: each ends the attribute or element it lands in, in one way or
// another, or is a URL that runs script.
var (
	Body   = `南通市"><meta http-equiv=refresh content=0;url=/phish><script>alert("body")</script>`
	Body2  = `洪泽区' onmouseover='alert(2)' x onmouseover=alert(3) <img src=/x onerror=alert(4)>&amp;`
	Title1 = `</title></h2><script>alert(5)</script> & &amp; &lt;<!--`
	Title2 = `javascript:alert(6)`
	Para1  = `"'<>& <script>alert(7)</script> x onmouseover=alert(8) <a href="javascript:alert(9)">link</a> \" \\ ]]> -->`
	Long1  = strings.Repeat("长", 10000)
	Long2  = strings.Repeat("W", 10000)
	Label  = `规章<img src=/x onerror=alert(10)>`
	Item   = `"><svg onload=alert(11)>`
	Value  = `本年新制作数量' onmouseover='alert(12)`
	Site   = `年报"><script>alert(13)</script>`
	Owner  = `办公室' onfocus='alert(14)' autofocus x='`
)

// SiteFile is a site file full of payloads, as JSON (as text: a URL that
// runs script is refused by the build, so there is none).
func SiteFile() []byte {
	b, err := json.Marshal(map[string]string{"name": Site, "owner": Owner, "contact": Title1, "icp": Item, "police": Label})
	if err != nil {
		panic(err)
	}
	return b
}

// The payload site's reports: the example dataset whose strings carry
// most payloads, its body, and a second report to compare them with.
// Their IDs are data (reports.json), as every report's are.
var Report, body, Report2 = func() (string, string, string) {
	var r struct{ Report, Body, Report2 string }
	if err := json.Unmarshal(reportsJSON, &r); err != nil || r.Report == "" || r.Body == "" || r.Report2 == "" {
		panic(fmt.Sprintf("payload: reports.json: %v", err))
	}
	return r.Report, r.Body, r.Report2
}()

//go:embed reports.json
var reportsJSON []byte

// Page is a page of the payload site, and the payloads it shows as text.
type Page struct {
	Path  string
	Texts []string
}

// Pages are the pages to look at.
var Pages = []Page{
	{"/", []string{Site, Owner}},
	{"/r/" + Report, []string{Body, Site, Owner}},
	{"/r/" + Report + "/narrative", []string{Body, Title1, Title2, Para1, Long1, Long2}},
	{"/r/" + Report + "/disclosure", []string{Body, Label}},
	{"/r/" + Report + "/checks", []string{Body}},
	{"/reports", []string{Body, Body2}},
	{"/b/" + body, []string{Body}},
	{"/r/" + Report2, []string{Body2}},
	{"/compare?r=" + Report + "," + Report2, []string{Body, Body2}},
}

// WriteDatasets writes the payload site's datasets into dir, made from
// the shipped datasets of the same reports in from.
func WriteDatasets(dir, from string) error {
	edit := func(id string, change func(d map[string]any)) error {
		b, err := os.ReadFile(filepath.Join(from, id+".json"))
		if err != nil {
			return err
		}
		var d map[string]any
		if err := json.Unmarshal(b, &d); err != nil {
			return err
		}
		change(d)
		if b, err = json.MarshalIndent(d, "", " "); err != nil {
			return err
		}
		if _, err := dataset.Parse(b); err != nil {
			return fmt.Errorf("the payload dataset %s is not valid: %w", id, err)
		}
		return os.WriteFile(filepath.Join(dir, id+".json"), b, 0o644)
	}
	err := edit(Report, func(d map[string]any) {
		d["body"] = Body
		sections := d["sections"].([]any)
		s0, s1, s2 := sections[0].(map[string]any), sections[1].(map[string]any), sections[2].(map[string]any)
		s0["title"], s1["title"] = Title1, Title2
		s0["paragraphs"] = append([]any{Para1, Long1}, s0["paragraphs"].([]any)...)
		s2["paragraphs"] = append([]any{Long2}, s2["paragraphs"].([]any)...)
		row := d["disclosure"].([]any)[0].(map[string]any)
		row["label"], row["item"] = Label, Item
		row["values"].([]any)[0].(map[string]any)["label"] = Value
		// A row the chart draws too (it draws the 处理决定数量 rows), so
		// that its tooltip shows the label.
		d["disclosure"].([]any)[2].(map[string]any)["label"] = Label
		// A value left blank (the examples have none in table 二): shown
		// as blank, never as 0.
		d["disclosure"].([]any)[5].(map[string]any)["values"].([]any)[1].(map[string]any)["value"] = ""
	})
	if err != nil {
		return err
	}
	return edit(Report2, func(d map[string]any) { d["body"] = Body2 })
}
