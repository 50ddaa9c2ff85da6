package importer

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// maxDepth is how deep golang.org/x/net/html lets elements nest.
const maxDepth = 512

// htmlToText turns a report page into the text the importer reads: each
// table row on one line (its label, then its cells, an empty cell after the
// label written "—" so that it stays blank), and each paragraph on its own
// lines. The page's declared charset wins; without one the encoding is
// detected (UTF-8, GBK, GB18030). A whole portal page may come: its
// navigation, breadcrumbs, related links and footer are left out (see
// isChrome).
func htmlToText(b []byte) (string, error) {
	var utf []byte
	// DetermineEncoding falls back to windows-1252 when the page declares
	// nothing (no BOM, no <meta charset>); a Chinese page never means that.
	if enc, name, certain := charset.DetermineEncoding(b, "text/html"); name == "utf-8" && !utf8.Valid(b) {
		// UTF-8 declared, and the bytes are not: a GBK page saved with its
		// declaration changed, or an editor's, most often.
		gb, ok := misdeclaredGB(b)
		if !ok {
			return "", refuse(firstBadLine(b), "", ErrEncoding, "the page declares charset utf-8, but its bytes are not UTF-8 from this line on, nor GBK/GB18030 throughout: save it again as UTF-8")
		}
		utf = []byte(gb)
	} else if certain || name != "windows-1252" {
		var err error
		utf, err = io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(b)))
		if err != nil || !utf8.Valid(utf) {
			return "", refuse(0, "", ErrEncoding, "the page's text cannot be decoded in its declared charset %s", name)
		}
	} else {
		// No declared charset: UTF-8 if it is, else GB18030 (GBK).
		s, err := decodeText(b)
		if err != nil {
			return "", err
		}
		utf = []byte(s)
	}
	doc, err := html.Parse(bytes.NewReader(utf))
	if err != nil {
		// The parser's one error is nesting past maxDepth; name the line.
		return "", refuse(tooDeep(utf), "", ErrHTML, "elements nest more than %d deep", maxDepth)
	}
	var out strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Select, atom.Button, atom.Iframe:
				return
			case atom.Title:
				out.WriteString(nodeText(n) + "\n\n")
				return
			case atom.Tr:
				out.WriteString(rowText(n) + "\n")
				return
			case atom.Br:
				out.WriteString("\n")
			}
			if isChrome(n) || n.DataAtom == atom.Li && isLinkItem(n) {
				return
			}
		}
		if n.Type == html.TextNode {
			out.WriteString(strings.Join(strings.Fields(n.Data), " "))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && isBlock(n.DataAtom) {
			out.WriteString("\n\n")
		}
	}
	walk(doc)
	// The page's own address, for the dataset's url (see sourceURL).
	canonical, og := pageURL(doc)
	for _, u := range []string{canonical, og} {
		if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			return "原文链接：" + u + "\n\n" + out.String(), nil
		}
	}
	return out.String(), nil
}

// misdeclaredGB reads a page that declares UTF-8 but is not as GB18030
// (GBK's superset), when the whole page reads so without a fault and its
// bytes are mostly not UTF-8: a UTF-8 page with a few bad bytes is a
// damaged one, not a GBK one, though GB18030 may read it.
func misdeclaredGB(b []byte) (string, bool) {
	good, bad := 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			good++
		}
		i += n
	}
	if good >= bad {
		return "", false
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
		return "", false
	}
	return string(out), true
}

// charsetNote says, of a page htmlToText read, that it was read as GB18030
// against its declaration; "" for a page read as it declares.
func charsetNote(b []byte) string {
	if _, name, _ := charset.DetermineEncoding(b, "text/html"); name != "utf-8" || utf8.Valid(b) {
		return ""
	}
	if _, ok := misdeclaredGB(b); !ok {
		return ""
	}
	return "the page declares charset utf-8, but its bytes are GBK/GB18030 (line " + strconv.Itoa(firstBadLine(b)) + " on): read as GB18030"
}

// firstBadLine is the line of the first byte of b that is not UTF-8.
func firstBadLine(b []byte) int {
	i := 0
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	return 1 + bytes.Count(b[:i], []byte("\n"))
}

// tooDeep is the line where the page's elements first nest past maxDepth,
// by a count of start and end tags (0 if the count never gets there).
func tooDeep(b []byte) int {
	z := html.NewTokenizer(bytes.NewReader(b))
	depth, line := 0, 1
	for {
		tt := z.Next()
		raw := z.Raw()
		switch tt {
		case html.ErrorToken:
			return 0
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElement[atom.Lookup(name)] {
				depth++
			}
		case html.EndTagToken:
			depth--
		}
		if depth > maxDepth {
			return line
		}
		line += bytes.Count(raw, []byte("\n"))
	}
}

var voidElement = map[atom.Atom]bool{atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true, atom.Track: true, atom.Wbr: true}

// chromeWords are the words of class and id names that portal sites give
// their navigation, breadcrumbs, related links, sharing buttons and footers
// (with the pinyin initials Chinese sites use: dqwz 当前位置, xglj 相关链接).
var chromeWords = []string{"nav", "navbar", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "footer", "foot", "sidebar",
	"related", "share", "copyright", "dqwz", "xglj", "xgxx", "xgwz", "wzdh", "location", "position", "bottom", "topbar", "toolbar"}

// isChrome says whether an element is part of the site around the article:
// <nav>, <header>, <footer>, <aside>, or an element whose class or id says
// so, unless it holds the report's tables or its title.
func isChrome(n *html.Node) bool {
	chrome := false
	switch n.DataAtom {
	case atom.Nav, atom.Header, atom.Footer, atom.Aside:
		chrome = true
	case atom.Div, atom.Ul, atom.Ol, atom.Section, atom.Span, atom.P, atom.Td, atom.Table, atom.Dl:
		for _, a := range n.Attr {
			if (a.Key == "class" || a.Key == "id") && hasChromeWord(a.Val) {
				chrome = true
				break
			}
		}
	}
	return chrome && !holdsReport(n)
}

func hasChromeWord(v string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		for _, c := range chromeWords {
			if w == c {
				return true
			}
		}
	}
	return false
}

// isLinkItem says whether a list item is a link to another page (a list of
// other reports, of related news), its text mostly the link's.
func isLinkItem(li *html.Node) bool {
	all := len(strings.Join(strings.Fields(nodeText(li)), ""))
	linked := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			linked += len(strings.Join(strings.Fields(nodeText(n)), ""))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(li)
	return linked > 0 && 2*linked >= all
}

// reportWords are words only a report's own parts hold.
var reportWords = []string{"本年新收", "总体情况", "第二十条", "行政复议", "其他需要报告", "存在的主要问题"}

// holdsReport says whether an element holds a part of the report: a table,
// a section's heading, or a heading that names the report.
func holdsReport(n *html.Node) bool {
	found := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found {
			return
		}
		if n.Type == html.TextNode {
			for _, w := range reportWords {
				if strings.Contains(n.Data, w) {
					found = true
					return
				}
			}
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3:
				t := nodeText(n)
				found = strings.Contains(t, "信息公开") && strings.Contains(t, "报告")
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return found
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Table,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Blockquote, atom.Pre, atom.Center:
		return true
	}
	return false
}

// rowText is a table row as one line: cells separated by spaces, an empty
// cell after the first filled one written "—".
func rowText(tr *html.Node) string {
	var cells []string
	seen := false
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
			continue
		}
		t := strings.Join(strings.Fields(nodeText(c)), "")
		if t == "" {
			if seen {
				cells = append(cells, "—")
			}
			continue
		}
		seen = true
		cells = append(cells, t)
	}
	return strings.Join(cells, "  ")
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}
