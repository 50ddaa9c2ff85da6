package site

import (
	"strings"
	"sync"

	"github.com/longbridgeapp/opencc"
	"github.com/mozillazg/go-pinyin"

	"nianbao/data/catalog"
)

// searchKeys are the words a body is found by in the catalog's search,
// made once at build time into the index (catalog.Body.Search), so that the
// browser needs no dictionary: its name; its name without the places that
// lead it (洪泽区人民政府, 财政金融局) and with 人民政府 shortened to 政府
// (南通市政府, 洪泽区政府); the same in traditional characters; in pinyin,
// whole and by initials (hongze, hz); its region and province. They are
// separated by spaces, which a search token never holds.
func searchKeys(name, region, province string) string {
	var keys []string
	add := func(k string) {
		if k != "" && !strings.Contains(" "+strings.Join(keys, " ")+" ", " "+k+" ") {
			keys = append(keys, k)
		}
	}
	forms := nameForms(name)
	for _, f := range forms {
		add(f)
	}
	for _, f := range forms {
		add(traditional(f))
	}
	for _, f := range forms {
		py := pinyin.LazyPinyin(f, pinyin.NewArgs())
		var whole, initials strings.Builder
		for _, p := range py {
			whole.WriteString(p)
			initials.WriteByte(p[0])
		}
		add(whole.String())
		add(initials.String())
	}
	add(region)
	add(province)
	add(traditional(province))
	return strings.Join(keys, " ")
}

// placeEnds end the place names that lead a body's name.
var placeEnds = []string{"自治区", "实验区", "新区", "省", "市", "州", "盟", "地区", "区", "县", "旗"}

// nameForms are a body's name, the name without each place that leads it,
// and each of those with 人民政府 shortened to 政府 and left out.
func nameForms(name string) []string {
	forms := []string{name}
	rest := name
	for {
		cut := -1
		for _, end := range placeEnds {
			if i := strings.Index(rest, end); i > 0 && (cut < 0 || i+len(end) < cut) {
				cut = i + len(end)
			}
		}
		if cut < 0 || cut >= len(rest) {
			break
		}
		rest = rest[cut:]
		if rest == "人民政府" {
			break
		}
		forms = append(forms, rest)
	}
	var out []string
	for _, f := range forms {
		out = append(out, f)
		if short, ok := strings.CutSuffix(f, "人民政府"); ok && short != "" {
			out = append(out, short+"政府", short)
		}
	}
	return out
}

var s2t = sync.OnceValues(func() (*opencc.OpenCC, error) { return opencc.New("s2t") })

// traditional is a text in traditional characters (OpenCC's s2t), "" when
// it is the same or the conversion is not available.
func traditional(s string) string {
	cc, err := s2t()
	if err != nil || s == "" {
		return ""
	}
	t, err := cc.Convert(s)
	if err != nil || t == s {
		return ""
	}
	return t
}

// provinceOf is the province a body belongs to: the one its name starts
// with, else the site's (SiteFile.Province), else "".
func provinceOf(name, site string) string {
	for _, end := range []string{"省", "自治区"} {
		if i := strings.Index(name, end); i > 0 && i < 30 {
			return name[:i+len(end)]
		}
	}
	for _, m := range []string{"北京市", "天津市", "上海市", "重庆市"} {
		if strings.HasPrefix(name, m) {
			return m
		}
	}
	return site
}

// addSearchKeys gives every body of the index its search keys.
func addSearchKeys(x *catalog.Index, province string) {
	for i := range x.Bodies {
		b := &x.Bodies[i]
		b.Search = searchKeys(b.Name, b.Region, provinceOf(b.Name, province))
	}
}
