package normalize

import (
	"strings"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// TestReview reads review metadata. Input lines: the title lines; options
// "@pdf_title=" and "@file=". Output: every field with its source.
func TestReview(t *testing.T) {
	r := registry(t)
	runDD(t, "review.txt", func(c ddCase) string {
		doc := &extract.Document{File: c.opts["file"], Meta: extract.Meta{Title: c.opts["pdf_title"]}}
		if c.input != "" {
			doc.Pages = []extract.Page{{Number: 1, Lines: textLines(c.input)}}
		}
		rv := r.ReadReview(reviewTexts(doc))
		return kv("type", rv.Type+" ("+rv.TypeSource+")", "reference", rv.Reference+" ("+rv.ReferenceSource+")",
			"area", rv.Area+" ("+rv.AreaSource+")", "pseudonym", rv.Pseudonym+" ("+rv.PseudonymSource+")",
			"plan_date", rv.PlanDate+" ("+rv.PlanDateSource+")", "plan_date_kind", rv.PlanDateKind, "version", rv.Version,
			"area_code", rv.AreaCode)
	})
}

// textLines makes page lines of one word each line, enough for Line.Text.
func textLines(text string) []extract.Line {
	var out []extract.Line
	for _, l := range strings.Split(text, "\n") {
		if l == "-" {
			continue
		}
		out = append(out, extract.Line{Words: []extract.Word{{Text: l}}})
	}
	return out
}
