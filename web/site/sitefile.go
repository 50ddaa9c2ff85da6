package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	ui "nianbao/app"
	"nianbao/data"
)

// SiteFile is a portal's site file: everything that differs between two
// portals' sites, so that a portal team configures its build and never
// edits code. It is JSON; README.md ("A portal's site file") documents each
// member. Paths in it are relative to the file.
type SiteFile struct {
	Name       string `json:"name"`       // the site's name (default 年报透视)
	Owner      string `json:"owner"`      // 主办单位
	SiteCode   string `json:"site_code"`  // 网站标识码
	ICP        string `json:"icp"`        // ICP备案号
	Police     string `json:"police"`     // 公安机关备案号
	Contact    string `json:"contact"`    // 联系方式
	Correction string `json:"correction"` // 纠错: an http(s) address
	Landing    string `json:"landing"`    // "", "portal", "body:名称或ID", "report:ID"
	Moved      string `json:"moved"`      // a report whose pages were once at the root
	Province   string `json:"province"`   // the province of the site's bodies, for the search
	Datasets   string `json:"datasets"`   // the folder of the datasets
	Kiosk      int    `json:"kiosk"`      // every page a kiosk's, idle seconds
	Precache   string `json:"precache"`   // what a kiosk's worker keeps offline
	// Licence is the licence the open data is published under, named in
	// datapackage.json and on the 数据下载 page; none when absent.
	Licence *Licence `json:"licence"`
	// PublicOrigin is the site's public https origin
	// ("https://nianbao.example.gov.cn"): the open data's addresses, the
	// embeds' snippets and a kiosk's 扫码带走 QR code name it. Without it,
	// a kiosk offers no QR code (its own address is not one a phone can
	// reach).
	PublicOrigin string `json:"public_origin"`
	// FrameAncestors are the https origins whose pages may show the
	// site's embed pages (/embed/…) in a frame; every other page may be
	// framed by the site itself only.
	FrameAncestors []string `json:"frame_ancestors"`
	// FetchAhead: false keeps the app from being fetched before the
	// visitor's first touch. By default a page read 3 s has the app
	// (about 1.2 MB) fetched ahead, so that the first touch does not wait
	// for it, unless the visitor saves data or the link is slower than 4G.
	FetchAhead *bool `json:"fetch_ahead"`
}

// Licence is a licence of the open data: an SPDX identifier or a short
// name ("CC-BY-4.0"), its title, and the address of its text.
type Licence struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Path  string `json:"path"`
}

// maxSiteFile is the largest site file read: a few hundred bytes are usual.
const maxSiteFile = 64 << 10

// maxSiteText is the longest text a site file may give a field.
const maxSiteText = 200

// ReadSiteFile reads and checks a site file. An error names the file and
// the member, and where the JSON is not readable, the line and column.
func ReadSiteFile(name string) (*SiteFile, error) {
	f, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSiteFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > maxSiteFile {
		return nil, fmt.Errorf("%s: larger than %d bytes: not a site file", name, maxSiteFile)
	}
	sf, err := ParseSiteFile(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if sf.Datasets != "" && !filepath.IsAbs(sf.Datasets) {
		sf.Datasets = filepath.Join(filepath.Dir(name), sf.Datasets)
	}
	return sf, nil
}

// openRegular opens a file for reading only if it is a regular file (not a
// device, a FIFO that would block, or a folder).
func openRegular(name string) (*os.File, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", name)
	}
	return os.Open(name)
}

// ParseSiteFile reads a site file's bytes and checks every member.
func ParseSiteFile(b []byte) (*SiteFile, error) {
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		return nil, errors.New("the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM")
	}
	if !utf8.Valid(b) {
		return nil, errors.New("the file is not UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var sf SiteFile
	if err := dec.Decode(&sf); err != nil {
		return nil, jsonError(b, err)
	}
	if dec.More() {
		return nil, errors.New("more than one JSON object")
	}
	for _, f := range []struct{ key, value string }{
		{"name", sf.Name}, {"owner", sf.Owner}, {"site_code", sf.SiteCode}, {"icp", sf.ICP},
		{"police", sf.Police}, {"contact", sf.Contact}, {"province", sf.Province},
	} {
		if why := data.TextProblem(f.value, maxSiteText); why != "" {
			return nil, fmt.Errorf("%q: %s", f.key, why)
		}
	}
	if sf.Correction != "" {
		u, err := url.Parse(sf.Correction)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(sf.Correction) > 500 {
			return nil, fmt.Errorf(`"correction": %q is not an http(s) address`, sf.Correction)
		}
	}
	if kind, id, ok := strings.Cut(sf.Landing, ":"); sf.Landing != "" && sf.Landing != "portal" && (!ok || id == "" || kind != "body" && kind != "report") {
		return nil, fmt.Errorf(`"landing": %q: give "portal", "body:名称或ID" or "report:ID"`, sf.Landing)
	}
	if sf.Moved != "" && !data.ValidID(sf.Moved) {
		return nil, fmt.Errorf(`"moved": %q is not a report ID`, sf.Moved)
	}
	if err := checkKiosk(sf.Kiosk); err != nil {
		return nil, fmt.Errorf(`"kiosk": %w`, err)
	}
	if err := sf.checkSharing(); err != nil {
		return nil, err
	}
	return &sf, nil
}

// jsonError says where the JSON is wrong, by line and column.
func jsonError(b []byte, err error) error {
	var off int64 = -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	}
	if off < 0 {
		return err
	}
	line, col := 1, 1
	for _, c := range string(b[:min(int(off), len(b))]) {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Errorf("line %d, column %d: %w", line, col, err)
}

// identity is what the pages say of the site, with the landing resolved
// against the reports: a body named by its name becomes its ID, and a
// portal of one body lands on that body's page.
func (sf *SiteFile) identity(s *site) (ui.Site, error) {
	id := ui.Site{Name: sf.Name, Owner: sf.Owner, SiteCode: sf.SiteCode, ICP: sf.ICP, Police: sf.Police,
		Contact: sf.Contact, Correction: sf.Correction, Moved: sf.Moved,
		PublicOrigin: sf.PublicOrigin, Embed: len(sf.FrameAncestors) > 0, NoFetchAhead: sf.FetchAhead != nil && !*sf.FetchAhead}
	if id.Name == "" {
		id.Name = ui.DefaultSiteName
	}
	kind, target, _ := strings.Cut(sf.Landing, ":")
	switch kind {
	case "body":
		for _, b := range s.index.Bodies {
			if b.ID == target || b.Name == target {
				id.Landing = "body:" + b.ID
			}
		}
		if id.Landing == "" {
			return id, fmt.Errorf(`"landing": no body %q among the datasets`, target)
		}
	case "report":
		if _, ok := s.packs[target]; !ok {
			return id, fmt.Errorf(`"landing": no report %q among the datasets`, target)
		}
		id.Landing = sf.Landing
	default:
		if len(s.index.Bodies) == 1 {
			id.Landing = "body:" + s.index.Bodies[0].ID
		}
	}
	if id.Moved != "" {
		if _, ok := s.packs[id.Moved]; !ok {
			return id, fmt.Errorf(`"moved": no report %q among the datasets`, id.Moved)
		}
	}
	return id, nil
}

// checkKiosk checks a kiosk's idle time: 0 for none, else MinKiosk to
// MaxKiosk seconds.
func checkKiosk(n int) error {
	if n != 0 && (n < MinKiosk || n > MaxKiosk) {
		return fmt.Errorf("%d seconds: give 0 (no kiosk) or %d to %d (a day)", n, MinKiosk, MaxKiosk)
	}
	return nil
}
