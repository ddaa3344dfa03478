package extract

import (
	"math"
)

// Finish: assemble the rows of a table, with text, fills, boxes and pages.

// finish assembles every row's cell text.
func (b *builder) finish(t Table) Table {
	right := b.columnRights()
	pitch := b.linePitch()
	for gi, g := range b.groups {
		for ri, r := range g.rows {
			row := Row{Theme: g.theme, Group: gi + 1, Cells: make([]string, b.cols.n())}
			span := &rowAcc{pageFirst: -1}
			for c := range row.Cells {
				src := r.cells[c]
				if g.merged[c] {
					src = g.rows[0].cells[c]
				}
				row.Cells[c] = cellText(src, right[c], pitch)
				row.Boxes = append(row.Boxes, boxes(src, c)...)
				span.touch([][]cellLine{src})
			}
			row.Fills = rowFills(g, r, b.cols.n())
			row.Number = numberOfCells(r.cells, b.cols)
			if row.Number == "" {
				row.Number = b.numberOf(g)
			}
			// A row is printed on every page that holds any of its cells,
			// a recommendation merged over several actions included.
			row.PageFirst, row.PageLast = r.pageFirst+1, r.pageLast+1
			if span.pageFirst >= 0 {
				row.PageFirst, row.PageLast = span.pageFirst+1, span.pageLast+1
			} else if ri > 0 && g.rows[0].pageFirst >= 0 && row.PageFirst == 0 {
				row.PageFirst, row.PageLast = g.rows[0].pageFirst+1, g.rows[0].pageLast+1
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

// rowFills gives a row's cell shading, merged cells from the group's first
// row.
func rowFills(g *groupAcc, r *rowAcc, n int) []string {
	first := g.rows[0]
	if r.fills == nil && first.fills == nil {
		return nil
	}
	out := make([]string, n)
	for c := range out {
		src := r.fills
		if g.merged[c] {
			src = first.fills
		}
		if c < len(src) {
			out[c] = src[c]
		}
	}
	return out
}

// boxes gives the extent of a cell's lines on each page.
func boxes(ls []cellLine, col int) []Box {
	var out []Box
	for _, l := range ls {
		n := len(out)
		if n == 0 || out[n-1].Page != l.page+1 {
			out = append(out, Box{Page: l.page + 1, Col: col, X0: l.x0, X1: l.x1, Top: l.top, Bottom: l.bot})
			continue
		}
		b := &out[n-1]
		b.X0, b.X1 = math.Min(b.X0, l.x0), math.Max(b.X1, l.x1)
		b.Top, b.Bottom = math.Min(b.Top, l.top), math.Max(b.Bottom, l.bot)
	}
	return out
}
