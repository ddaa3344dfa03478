package extract

import (
	"fmt"
	"strings"
	"testing"
)

// A plan that gives its RAG status by cell shading alone: the shading is
// read per cell, and the rules and text around it still make the table.
func TestCellShading(t *testing.T) {
	xs := []float64{50, 250, 380, 480, 550}
	ys := []float64{700, 680, 640, 600} // header, two rows (PDF space, y up)
	var b strings.Builder
	// Shade the RAG cells of the two rows: green, then red.
	fmt.Fprintf(&b, "0 0.69 0.31 rg %.0f %.0f %.0f %.0f re f\n", xs[3], ys[2], xs[4]-xs[3], ys[1]-ys[2])
	fmt.Fprintf(&b, "1 0 0 rg %.0f %.0f %.0f %.0f re f\n0 g\n", xs[3], ys[3], xs[4]-xs[3], ys[2]-ys[3])
	for _, x := range xs {
		fmt.Fprintf(&b, "%.0f %.0f m %.0f %.0f l S\n", x, ys[0], x, ys[3])
	}
	for _, y := range ys {
		fmt.Fprintf(&b, "%.0f %.0f m %.0f %.0f l S\n", xs[0], y, xs[4], y)
	}
	text := func(x, y float64, s string) {
		fmt.Fprintf(&b, "BT /F1 9 Tf %.0f %.0f Td (%s) Tj ET\n", x+3, y-12, s)
	}
	for i, h := range []string{"Recommendation", "Lead agency", "Target date", "RAG"} {
		text(xs[i], ys[0], h)
	}
	text(xs[0], ys[1], "1. Publish the review.")
	text(xs[1], ys[1], "Safer Sefton Together")
	text(xs[2], ys[1], "March 2022")
	text(xs[0], ys[2], "2. Audit MARAC referrals.")
	text(xs[1], ys[2], "Merseyside Police")
	text(xs[2], ys[2], "Q3 2023")
	doc := extractBytes(t, onePage(b.String()))
	plans := doc.Plans()
	if len(plans) != 1 || len(plans[0].Rows) != 2 {
		t.Fatalf("want one plan of 2 rows, got %d tables", len(doc.Tables))
	}
	want := []string{"#00b04f", "#ff0000"}
	for i, r := range plans[0].Rows {
		if len(r.Fills) != 4 || r.Fills[3] != want[i] || r.Fills[0] != "" {
			t.Errorf("row %d fills %q, want the RAG cell shaded %s", i+1, r.Fills, want[i])
		}
		if r.Cells[3] != "" {
			t.Errorf("row %d RAG cell text %q, want none", i+1, r.Cells[3])
		}
	}
}
