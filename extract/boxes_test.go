package extract

import (
	"encoding/json"
	"os"
	"testing"
)

// A row's boxes give the extent of each cell's lines on each page: one box
// a cell a page, tall enough for every line the layout set in it (surviving
// mutants of rowfinish.go: a box a line, a box as tall as its first line).
func TestRowBoxes(t *testing.T) {
	b, err := os.ReadFile("testdata/rows/three_pages.json")
	if err != nil {
		t.Fatal(err)
	}
	var spec synthSpec
	if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	plans := render(spec).Plans()
	if len(plans) != 1 || len(plans[0].Rows) != len(spec.Want) {
		t.Fatalf("%d plan tables", len(plans))
	}
	for i, row := range plans[0].Rows {
		seen := map[[2]int]Box{}
		for _, bx := range row.Boxes {
			k := [2]int{bx.Page, bx.Col}
			if _, dup := seen[k]; dup {
				t.Errorf("row %d: two boxes for column %d on page %d", i+1, bx.Col, bx.Page)
			}
			seen[k] = bx
		}
		if row.PageFirst != row.PageLast {
			continue
		}
		for c, text := range spec.Want[i].Cells {
			n := len(wrap(text, spec.Widths[c]))
			bx, ok := seen[[2]int{row.PageFirst, c}]
			if !ok {
				t.Errorf("row %d: no box for column %d", i+1, c)
				continue
			}
			if h := bx.Bottom - bx.Top; h < float64(n-1)*synPitch {
				t.Errorf("row %d column %d: box %.1fpt tall for %d lines set %.0fpt apart", i+1, c, h, n, synPitch)
			}
		}
	}
}
