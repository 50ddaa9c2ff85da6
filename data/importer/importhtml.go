package importer

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// htmlToText turns a report page into the text the importer reads: each
// table row on one line (its label, then its cells, an empty cell after the
// label written "—" so that it stays blank), and each paragraph on its own
// lines. The page's declared charset wins; without one the encoding is
// detected (UTF-8, GBK, GB18030).
func htmlToText(b []byte) (string, error) {
	var utf []byte
	// DetermineEncoding falls back to windows-1252 when the page declares
	// nothing (no BOM, no <meta charset>); a Chinese page never means that.
	if enc, name, certain := charset.DetermineEncoding(b, "text/html"); certain || name != "windows-1252" {
		var err error
		utf, err = io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(b)))
		if err != nil || !utf8.Valid(utf) {
			return "", importErr("encoding", "the page's text cannot be decoded in its declared charset")
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
		return "", importErr("html", "%v", err)
	}
	var out strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
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
	return out.String(), nil
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
