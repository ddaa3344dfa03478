package normalize

import (
	"path/filepath"
	"strings"

	"github.com/actionplan/actionplan/extract"
)

// ReadReview reads the review metadata from the document's texts, each
// value from the first text that gives it.
func (r *Registry) ReadReview(texts []reviewText) Review {
	var rv Review
	for _, t := range texts {
		t.text = capsToTitle(t.text)
		if rv.Type == "" {
			rv.Type, rv.TypeSource = ReviewType(t.text), t.source
		}
		if rv.Reference == "" {
			ref, prefix := r.Reference(t.text)
			rv.Reference, rv.ReferenceSource = ref, t.source
			if a := r.areaOfWord(prefix); a != "" && rv.Area == "" && !r.widerArea(t.text, a) {
				rv.Area, rv.AreaSource = a, t.source
			}
		}
		if rv.Area == "" {
			rv.Area, rv.AreaSource = r.FindArea(t.text), t.source
		}
		if rv.Pseudonym == "" {
			rv.Pseudonym, rv.PseudonymSource = r.Pseudonym(t.text), t.source
		}
		if rv.PlanDate == "" && t.source != "file_name" {
			pd := readPlanDate(t.text)
			rv.PlanDate, rv.PlanDateKind, rv.PlanDateSource = pd.date, pd.kind, t.source
			if rv.Version == "" {
				rv.Version = pd.version
			}
		}
	}
	if a := r.Area(rv.Area); a != nil {
		rv.AreaCode = a.Code
	}
	clearEmptySources(&rv)
	return rv
}

func clearEmptySources(rv *Review) {
	for _, p := range [][2]*string{{&rv.Type, &rv.TypeSource}, {&rv.Reference, &rv.ReferenceSource},
		{&rv.Area, &rv.AreaSource}, {&rv.Pseudonym, &rv.PseudonymSource}, {&rv.PlanDate, &rv.PlanDateSource}, {&rv.PlanDate, &rv.PlanDateKind}} {
		if *p[0] == "" {
			*p[1] = ""
		}
	}
}

// widerArea reports whether the text names a wider area containing a.
func (r *Registry) widerArea(text, a string) bool {
	f := r.FindArea(text)
	return f != "" && f != a
}

// reviewTexts gathers the texts metadata is read from: the title lines,
// the PDF's Title and the file name (underscores and dashes as spaces).
func reviewTexts(doc *extract.Document) []reviewText {
	var out []reviewText
	if t := strings.Join(titleLines(doc), "\n"); t != "" {
		out = append(out, reviewText{t, "title"})
	}
	if doc.Meta.Title != "" {
		out = append(out, reviewText{doc.Meta.Title, "pdf_title"})
	}
	if doc.File != "" {
		base := strings.TrimSuffix(filepath.Base(doc.File), filepath.Ext(doc.File))
		out = append(out, reviewText{fileWords(base) + "\n" + base, "file_name"})
	}
	return out
}

const maxTitleLines = 12

// titleLines are the first lines of the first page, and the lines above
// the first plan table on its first page, stopping at the table's header.
func titleLines(doc *extract.Document) []string {
	var hdr []string
	first := 1
	if ps := doc.Plans(); len(ps) > 0 {
		hdr, first = ps[0].Columns, ps[0].PageFirst
	}
	var out []string
	for _, pn := range []int{1, first} {
		if pn < 1 || pn > len(doc.Pages) || (pn == first && pn == 1 && len(out) > 0) {
			continue
		}
		out = append(out, linesAbove(doc.Pages[pn-1].Lines, hdr)...)
	}
	return out
}

// linesAbove returns the page's lines up to the one that prints the
// table's header, at most maxTitleLines.
func linesAbove(lines []extract.Line, hdr []string) []string {
	var out []string
	for _, l := range lines {
		t := strings.TrimSpace(l.Text())
		if isHeaderLine(t, hdr) || len(out) == maxTitleLines {
			break
		}
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

// isHeaderLine reports a line that starts with one of the first headers.
func isHeaderLine(t string, hdr []string) bool {
	n := 0
	for _, h := range hdr {
		if h = strings.TrimSpace(h); h == "" {
			continue
		}
		if strings.HasPrefix(t, h) {
			return true
		}
		if n++; n == 2 {
			break
		}
	}
	return false
}

// fileWords reads a file name as words: "wirral-sar-adult-k" gives
// "Wirral SAR Adult K" (review codes in capitals, lower-case words
// capitalised), so that it names an area, a type and a subject.
func fileWords(base string) string {
	ws := strings.FieldsFunc(base, func(c rune) bool { return c == '_' || c == '-' || c == ' ' || c == '.' || c == '+' })
	for i, w := range ws {
		switch up := strings.ToUpper(w); {
		case fileCodes[up]:
			ws[i] = up
		case w == strings.ToLower(w):
			ws[i] = titleWord(w)
		}
	}
	return strings.Join(ws, " ")
}

// fileCodes are the review codes read in a file name whatever their case
// (not APR and CPR, which a lower-case file name uses for April and CPR
// training).
var fileCodes = map[string]bool{"DHR": true, "SAR": true, "DARDR": true, "CSPR": true, "LCSPR": true, "SCR": true, "MHHR": true, "SUSR": true}
