package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"nianbao/data"
	"path/filepath"
	"strconv"
	"strings"
)

var idSuffixes = []string{".html", ".htm", ".txt", ".md", ".markdown", ".pdf", ".docx", ".layout", ".reading-order", ".text", ".page"}

// IDFromName makes a report ID from a file name as far as the name allows:
// the base name without its extensions, lower-cased, every run of other
// characters than ASCII letters and digits a dash: "huaian-city-2024.layout.txt"
// → "huaian-city-2024", "Report_2019.txt" → "report-2019", "南通市2019年报.txt" →
// "2019". It may be "" or not name the report well: see makeID.
func IDFromName(name string) string {
	id := strings.ToLower(filepath.Base(name))
	for again := true; again; {
		again = false
		for _, s := range idSuffixes {
			if strings.HasSuffix(id, s) && len(id) > len(s) {
				id, again = strings.TrimSuffix(id, s), true
			}
		}
	}
	return slug(id)
}

// slug keeps ASCII letters and digits, lower-cased, and makes each run of
// anything else one dash between them.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r >= 'A' && r <= 'Z':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r + 'a' - 'A')
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

// makeID makes a report's ID from its file name where the name says which
// report it is — all of it ASCII, with the report's year as one of its
// words ("hongze-district-2023.layout.txt", "report_2019.txt") — and
// otherwise from the report itself: a short stable hash of the body (the
// first eight hex digits of its SHA-256; Chinese names are not
// transliterated) and the year, "gov-1a2b3c4d-2019". Two reports of one body
// and year get one ID; the batch import refuses the second (see importAll).
func makeID(name string, r *data.Report) string {
	base := filepath.Base(name)
	ascii := true
	for i := 0; i < len(base); i++ {
		ascii = ascii && base[i] < 0x80
	}
	if id := IDFromName(name); ascii && data.ValidID(id) {
		year := strconv.Itoa(r.Year)
		for _, w := range strings.Split(id, "-") {
			if w == year {
				return id
			}
		}
	}
	return BodyID(r.Body, r.Year)
}

// BodyID is the ID made from a body and a year: "gov-" and the first eight
// hex digits of the SHA-256 of the body's name, then the year.
func BodyID(body string, year int) string {
	h := sha256.Sum256([]byte(body))
	return "gov-" + hex.EncodeToString(h[:4]) + "-" + strconv.Itoa(year)
}
