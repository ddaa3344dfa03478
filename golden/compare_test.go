package golden

import (
	"strings"
	"testing"

	"github.com/actionplan/actionplan/corpus/spec"
	"github.com/actionplan/actionplan/extract"
)

// fromGolden builds the Document a perfect extractor would return.
func fromGolden(g spec.Golden) *extract.Document {
	doc := &extract.Document{File: g.File, Outcome: extract.Outcome(g.Outcome)}
	for _, p := range g.Plans {
		t := extract.Table{IsPlan: true, Columns: append([]string{}, p.Columns...)}
		for _, r := range p.Rows {
			t.Rows = append(t.Rows, extract.Row{Number: r.Number, Theme: r.Theme, Group: r.Group * 7,
				Cells: append([]string{}, r.Cells...)})
		}
		doc.Tables = append(doc.Tables, t)
	}
	return doc
}

// TestCompareSelf checks the comparator: a perfect extraction of every golden
// file gives no difference, and each kind of damage is named precisely.
func TestCompareSelf(t *testing.T) {
	for _, e := range entries(t) {
		g := readGolden(t, e)
		if d := Compare(g, fromGolden(g)); len(d.Loose)+len(d.Strict) > 0 {
			t.Errorf("%s: perfect extraction reported %q %q", e.ID, d.Loose, d.Strict)
		}
	}
	g := spec.Golden{File: "x.pdf", Outcome: "ok", Plans: []spec.Plan{{
		Columns: []string{"", "Recommendation", "Update"},
		Rows: []spec.GRow{
			{Number: "1", Group: 1, Cells: []string{"1.", "Do a", "Ongoing\nMore"}},
			{Number: "1", Group: 1, Cells: []string{"1.", "Do a", "Done"}},
			{Number: "2", Group: 2, Theme: "Theme 2", Cells: []string{"2.", "Do b", "x"}},
		},
	}}}
	cases := []struct {
		name   string
		damage func(d *extract.Document)
		loose  string // a fragment the first loose diff must hold; "" for none
		strict string
	}{
		{"paragraph lost", func(d *extract.Document) { d.Tables[0].Rows[0].Cells[2] = "Ongoing More" }, "", `row 1 (number "1", pages 0-0) column 2 "Update" (paragraph breaks)`},
		{"wrap kept as newline", func(d *extract.Document) { d.Tables[0].Rows[1].Cells[1] = "Do\na" }, "", `row 2`},
		{"extra spaces are fine", func(d *extract.Document) { d.Tables[0].Rows[1].Cells[1] = " Do  a " }, "", ""},
		{"cell text", func(d *extract.Document) { d.Tables[0].Rows[2].Cells[1] = "Do c" }, `row 3 (number "2", pages 0-0) column 1 "Recommendation"`, ""},
		{"groups split", func(d *extract.Document) { d.Tables[0].Rows[1].Group = 99 }, "splits the golden group", ""},
		{"groups joined", func(d *extract.Document) { d.Tables[0].Rows[2].Group = d.Tables[0].Rows[0].Group }, "joins rows", ""},
		{"theme", func(d *extract.Document) { d.Tables[0].Rows[2].Theme = "" }, "theme", ""},
		{"number", func(d *extract.Document) { d.Tables[0].Rows[2].Number = "2." }, "number", ""},
		{"row lost", func(d *extract.Document) { d.Tables[0].Rows = d.Tables[0].Rows[:2] }, "2 rows, want 3", ""},
		{"columns", func(d *extract.Document) { d.Tables[0].Columns[2] = "Update Oct" }, "columns", ""},
		{"outcome", func(d *extract.Document) { d.Outcome = extract.OutcomeNoPlan; d.Tables = nil }, `outcome "no_plan"`, ""},
	}
	for _, c := range cases {
		doc := fromGolden(g)
		c.damage(doc)
		d := Compare(g, doc)
		check := func(what, want string, got []string) {
			if want == "" && len(got) > 0 {
				t.Errorf("%s: unexpected %s diffs %q", c.name, what, got)
			}
			if want != "" && (len(got) == 0 || !strings.Contains(got[0], want)) {
				t.Errorf("%s: %s diffs %q, want one holding %q", c.name, what, got, want)
			}
		}
		check("loose", c.loose, d.Loose)
		check("strict", c.strict, d.Strict)
	}
}
