package extract

import (
	"regexp"
	"strings"
)

// Band rows the layout did not see span the table: a plan may state each
// recommendation in a row across the table ("Recommendation 2: ...") over
// the actions it governs; where the producer drew it as an ordinary row
// (no rules to tell, a borderless table) its text lands in one cell and the
// others stay empty. Such a row, with one cell that opens with a
// recommendation label and number, over rows numbered under that number,
// is the theme of the rows under it, as a spanning band would be.

var bandLabel = regexp.MustCompile(`(?i)^(recommendation|rec\.?|finding|learning point|area for (improvement|development)|key (finding|issue))\s*(no\.?\s*)?(R?\d{1,3}[a-z]?)\s*[:.)\-–—]\s*\S`)

// unseenBand is the text of a row that is an unseen band, with its
// number, or "".
func unseenBand(r Row) (text, number string) {
	for _, c := range r.Cells {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		if text != "" {
			return "", ""
		}
		text = c
	}
	m := bandLabel.FindStringSubmatch(text)
	if m == nil {
		return "", ""
	}
	return strings.Join(strings.Fields(text), " "), m[5]
}

// liftBands turns unseen band rows into the theme of the rows under them,
// up to the next band or theme. The row after a band must be numbered
// under it ("2.1" under "Recommendation 2"), or the band is left a row.
func liftBands(t *Table) {
	var out []Row
	band, under := "", ""
	for i, r := range t.Rows {
		if b, n := unseenBand(r); b != "" && i+1 < len(t.Rows) && strings.HasPrefix(strings.ToUpper(t.Rows[i+1].Number), strings.ToUpper(n)+".") {
			band, under = b, r.Theme
			continue
		}
		if band != "" && r.Theme == under {
			r.Theme = band
		} else {
			band = ""
		}
		out = append(out, r)
	}
	t.Rows = out
}
