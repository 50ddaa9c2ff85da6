package e2e

// Reading a prerendered page: elements selected by tag, class, ID and
// attribute, and their text, with golang.org/x/net/html.

import (
	"slices"
	"strings"

	nethtml "golang.org/x/net/html"
)

// sel is a simple selector: a tag ("" for any), classes, an ID and
// attributes (name → value, "" for any value), all of which an element
// must have.
type sel struct {
	tag     string
	classes []string
	id      string
	attrs   map[string]string
}

// byTag, byClass and byID are the usual selectors.
func byTag(tag string) sel       { return sel{tag: tag} }
func byClass(class string) sel   { return sel{classes: []string{class}} }
func byID(id string) sel         { return sel{id: id} }
func (s sel) class(c string) sel { s.classes = append(slices.Clone(s.classes), c); return s }
func (s sel) attr(k, v string) sel {
	m := map[string]string{k: v}
	for a, b := range s.attrs {
		m[a] = b
	}
	s.attrs = m
	return s
}

func (s sel) matches(n *nethtml.Node) bool {
	if n.Type != nethtml.ElementNode || s.tag != "" && n.Data != s.tag || s.id != "" && attrOf(n, "id") != s.id {
		return false
	}
	classes := strings.Fields(attrOf(n, "class"))
	for _, c := range s.classes {
		if !slices.Contains(classes, c) {
			return false
		}
	}
	for k, v := range s.attrs {
		got, ok := attrValue(n, k)
		if !ok || v != "" && got != v {
			return false
		}
	}
	return true
}

// all is every element under n (n included) that the selectors select in
// turn: all(n, a, b) is "a b" in CSS.
func all(n *nethtml.Node, path ...sel) []*nethtml.Node {
	nodes := []*nethtml.Node{n}
	for _, s := range path {
		var next []*nethtml.Node
		seen := map[*nethtml.Node]bool{}
		for _, m := range nodes {
			walk(m, func(c *nethtml.Node) {
				if c != m && s.matches(c) && !seen[c] {
					seen[c] = true
					next = append(next, c)
				}
			})
		}
		nodes = next
	}
	return nodes
}

// one is the first element all selects, nil for none.
func one(n *nethtml.Node, path ...sel) *nethtml.Node {
	if found := all(n, path...); len(found) > 0 {
		return found[0]
	}
	return nil
}

// walk calls f on n and every node under it, in document order.
func walk(n *nethtml.Node, f func(*nethtml.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// text is an element's text, as textContent reads it (without scripts'
// and styles' text).
func text(n *nethtml.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	walk(n, func(c *nethtml.Node) {
		if c.Type == nethtml.TextNode && (c.Parent == nil || c.Parent.Data != "script" && c.Parent.Data != "style") {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// squash is a text without its white space: a prerendered element's, whose
// children go-app writes a line each.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// texts are the trimmed texts of elements.
func texts(ns []*nethtml.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = strings.TrimSpace(text(n))
	}
	return out
}

func attrValue(n *nethtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// attrOf is an element's attribute, "" when it has none.
func attrOf(n *nethtml.Node, key string) string {
	v, _ := attrValue(n, key)
	return v
}

// hrefs are the href attributes of the elements.
func hrefs(ns []*nethtml.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = attrOf(n, "href")
	}
	return out
}
