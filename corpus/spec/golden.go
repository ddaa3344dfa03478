package spec

import "strings"

// Golden is the expected extraction of one corpus PDF.
type Golden struct {
	File    string  `json:"file"`
	Outcome string  `json:"outcome"` // ok, no_plan, no_text, error
	Review  *Review `json:"review,omitempty"`
	Plans   []Plan  `json:"plans"`
}

// Plan is one expected plan table.
type Plan struct {
	Columns []string `json:"columns"`
	Rows    []GRow   `json:"rows"`
}

// GRow is one expected logical row.
type GRow struct {
	Number string   `json:"number"`
	Theme  string   `json:"theme"`
	Group  int      `json:"group"`
	Cells  []string `json:"cells"`
	Expect Expect   `json:"expect"`
}

// Expected derives the golden record of file (a rendering of s) with the
// given outcome. Only ok and no_plan documents carry review metadata; only
// ok documents carry plans.
func Expected(s *Spec, file, outcome string) Golden {
	g := Golden{File: file, Outcome: outcome, Plans: []Plan{}}
	if outcome == "ok" || outcome == "no_plan" {
		g.Review = s.Review
	}
	if outcome != "ok" {
		return g
	}
	group := 0
	for _, b := range s.Blocks {
		if b.Kind == "table" && b.Table.Plan {
			g.Plans = append(g.Plans, b.Table.expected(&group))
		}
	}
	return g
}

func (t *Table) expected(group *int) Plan {
	p := Plan{Rows: []GRow{}}
	for _, c := range t.Columns {
		p.Columns = append(p.Columns, Collapse(c))
	}
	theme := ""
	var band *Band
	last := make([]string, len(t.Columns)) // text of the cell spanning down
	var prev GRow
	for _, r := range t.Rows {
		if r.Theme != "" {
			theme, band = Collapse(r.Theme), r.Band
			continue
		}
		row := GRow{Number: r.Number, Theme: theme, Expect: *r.Expect}
		if band != nil {
			row.Expect.RecommendationNumber, row.Expect.Recommendation = band.Number, Collapse(band.Text)
		}
		covered := false
		for c, cell := range r.Cells {
			if cell == nil {
				covered = true
				row.Cells = append(row.Cells, last[c])
				continue
			}
			last[c] = Paragraphs(Bullets(*cell))
			row.Cells = append(row.Cells, last[c])
		}
		if covered {
			row.Group = prev.Group
			if row.Number == "" {
				row.Number = prev.Number
			}
		} else {
			*group++
			row.Group = *group
		}
		if row.Expect.Agencies == nil {
			row.Expect.Agencies = []string{}
		}
		p.Rows = append(p.Rows, row)
		prev = row
	}
	return p
}

// Collapse turns every run of whitespace (newlines included) into one space
// and trims the ends.
func Collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Paragraphs collapses whitespace inside each paragraph and joins the
// non-empty paragraphs with "\n".
func Paragraphs(s string) string {
	var out []string
	for _, p := range strings.Split(s, "\n") {
		if p = Collapse(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n")
}

// symbolBullets are the private-use code points that Symbol and Wingdings
// bullets (and their other common dingbats) arrive as when a producer keeps
// the font's own code: the golden text has a plain bullet for each.
var symbolBullets = strings.NewReplacer("\uf0b7", "•", "\uf0a7", "•", "\uf0d8", "•", "\uf076", "•", "\uf0fc", "•", "\uf06e", "•", "\uf0a8", "•", "\uf06f", "•", "\uf071", "•", "\uf0e0", "•", "\uf0f0", "•", "\uf09f", "•", "\uf0a1", "•")

// Bullets replaces Symbol and Wingdings bullets with a plain bullet.
func Bullets(s string) string { return symbolBullets.Replace(s) }
