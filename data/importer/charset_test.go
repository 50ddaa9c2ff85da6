package importer

import "testing"

// A page's declared charset is read as browsers read it, among those
// Chinese pages are written in; any other is not believed.
func TestDeclaredCharset(t *testing.T) {
	for page, want := range map[string]string{
		`<html><head><meta charset="gb2312"><title>x</title>`:                "gb2312",
		`<meta http-equiv="Content-Type" content="text/html; charset=GBK">`:  "gbk",
		`<META HTTP-EQUIV=content-type CONTENT='text/html;charset=gb18030'>`: "gb18030",
		`<meta charset=UTF-8>`:                  "utf-8",
		"\xef\xbb\xbf<html>":                    "utf-8",
		`<meta charset="iso-8859-1">`:           "",
		`<html><head><title>no charset</title>`: "",
		`<meta name="description" content="某某局2024年政府信息公开工作年度报告"><meta charset="gbk">`: "gbk",
	} {
		if _, got := declaredCharset([]byte(page)); got != want {
			t.Errorf("%q: %q, want %q", page, got, want)
		}
	}
}
