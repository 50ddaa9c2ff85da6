package importer

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"nianbao/data"
)

// Where the report comes from: the published original's address, as the
// copy gives it.

var sourceURLRE = regexp.MustCompile(`(?:原文链接|原文地址|原文网址|来源网址)[ \t]*[：:][ \t]*(https?://[^\s<>"'“”（）()]+)`)

// sourceURL finds the original's address the copy gives: a crawler's
// 原文链接 line, or the one htmlToText writes from a page's canonical link
// or og:url. "" when there is none.
func sourceURL(text string) string {
	at := -1
	for _, k := range []string{"原文链接", "原文地址", "原文网址", "来源网址"} {
		if i := strings.Index(text, k); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return ""
	}
	if m := sourceURLRE.FindStringSubmatch(text[at:min(len(text), at+urlWindow)]); m != nil {
		return strings.TrimRight(m[1], ".,;，。；")
	}
	return ""
}

// urlWindow is how far after its label an address is looked for: the
// label, a colon and data.MaxURLLen bytes, and some room.
const urlWindow = data.MaxURLLen + 64

// pageURL is a page's own address from its head: <link rel="canonical">,
// else <meta property="og:url">; "" when neither is an absolute http(s)
// address.
func pageURL(n *html.Node) (canonical, og string) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if canonical == "" && hasWord(attrOf(n, "rel"), "canonical") {
					canonical = strings.TrimSpace(attrOf(n, "href"))
				}
			case atom.Meta:
				if og == "" && (attrOf(n, "property") == "og:url" || attrOf(n, "name") == "og:url") {
					og = strings.TrimSpace(attrOf(n, "content"))
				}
			case atom.Body:
				return // the head's, not the article's
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return canonical, og
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasWord(list, w string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == w {
			return true
		}
	}
	return false
}

// plainTime is where a page's "时间：2023-01-09" stands (a portal's line
// 来源： 时间：…), not preceded by another character of a word (统计时间,
// 办公时间), or -1.
func plainTime(text string) int {
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], "时间")
		if i < 0 {
			return -1
		}
		i += from
		from = i + len("时间")
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if i > 0 && (unicode.Is(unicode.Han, r) || unicode.IsLetter(r)) {
			continue
		}
		if rest := text[from:]; strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":") {
			return i
		}
	}
	return -1
}

// publishedProblem says why d cannot be the publication date of a report
// on year, or "": as data.Validate has it, a report is published after the
// year it reports on and at latest next year.
func publishedProblem(d string, year int) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return "not a date"
	}
	if t.Year() <= year || t.Year() > time.Now().Year()+1 {
		return fmt.Sprintf("a report on %d is published from %d to %d", year, year+1, time.Now().Year()+1)
	}
	return ""
}
