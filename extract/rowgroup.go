package extract

import (
	"math"
	"strings"
)

// Row groups: turn each band into rows: a theme heading, a new row, or
// further actions of the recommendation above.

// addBand turns a band into rows: a theme heading, a continuation of the
// row before, further actions of the same recommendation, or a new row.
func (b *builder) addBand(bd band) {
	if bd.spanning && len(bd.partial) == 0 && b.cols.n() > 2 {
		b.theme = strings.Join(strings.Fields(bandText(bd)), " ")
		return
	}
	subs := b.subRows(bd)
	if len(b.groups) == 0 && isInstruction(subs[0]) {
		return
	}
	if bd.first && b.continuation(subs[0]) {
		b.appendTo(subs, bd)
		return
	}
	if g := b.lastGroup(); g != nil && b.leadingEmpty(subs[0]) {
		b.moreActions(g, subs, bd)
		return
	}
	if g := b.lastGroup(); g != nil {
		if cs := b.sameRecommendation(g, subs[0]); len(cs) > 0 {
			for _, c := range cs {
				g.merged[c] = true
			}
			for _, s := range subs {
				r := newRow(s)
				r.fills = b.cellFills(bd.page, s)
				g.rows = append(g.rows, r)
			}
			return
		}
	}
	g := &groupAcc{merged: b.mergedCols(bd), theme: b.theme}
	for _, s := range subs {
		r := newRow(s)
		r.fills = b.cellFills(bd.page, s)
		g.rows = append(g.rows, r)
	}
	b.groups = append(b.groups, g)
	if b.numberOf(g) != "" {
		b.numbered++
	}
}

func newRow(cells [][]cellLine) *rowAcc {
	r := &rowAcc{cells: cells, pageFirst: -1}
	r.touch(cells)
	return r
}

func (r *rowAcc) touch(cells [][]cellLine) {
	for _, c := range cells {
		for _, l := range c {
			if r.pageFirst < 0 || l.page < r.pageFirst {
				r.pageFirst = l.page
			}
			if l.page > r.pageLast {
				r.pageLast = l.page
			}
		}
	}
}

func (b *builder) lastGroup() *groupAcc {
	if len(b.groups) == 0 {
		return nil
	}
	return b.groups[len(b.groups)-1]
}

// subRows splits a band's lines by column into its action rows, at the
// partial cuts; columns no partial cut covers go whole into the first.
func (b *builder) subRows(bd band) [][][]cellLine {
	n := b.cols.n()
	k := len(bd.partial) + 1
	subs := make([][][]cellLine, k)
	for i := range subs {
		subs[i] = make([][]cellLine, n)
	}
	for _, l := range bd.lines {
		for c := 0; c < n; c++ {
			if l.cells[c].text == "" {
				continue
			}
			idx := 0
			for _, pc := range bd.partial {
				if pc.cols[c] && pc.y < l.mid {
					idx++
				}
			}
			subs[idx][c] = append(subs[idx][c], l.cells[c])
		}
	}
	// Drop action rows left empty (a partial cut that covers no text).
	out := subs[:0]
	for i, s := range subs {
		if i == 0 || !emptyCells(s) {
			out = append(out, s)
		}
	}
	return out
}

func emptyCells(cells [][]cellLine) bool {
	for _, c := range cells {
		if len(c) > 0 {
			return false
		}
	}
	return true
}

// mergedCols are the columns that no partial cut of the band covers.
func (b *builder) mergedCols(bd band) []bool {
	m := make([]bool, b.cols.n())
	if len(bd.partial) == 0 {
		return m
	}
	for c := range m {
		m[c] = true
		for _, pc := range bd.partial {
			if pc.cols[c] {
				m[c] = false
			}
		}
	}
	return m
}

// leadCols is how many leading columns identify a row: the number column
// (when unlabeled) and the first labeled column.
func (b *builder) leadCols() int {
	if b.cols.names[0] == "" && b.cols.n() > 2 {
		return 2
	}
	return 1
}

func (b *builder) leadingEmpty(cells [][]cellLine) bool {
	k := b.leadCols()
	for c := 0; c < k; c++ {
		if len(cells[c]) > 0 {
			return false
		}
	}
	return !emptyCells(cells)
}

// sameRecommendation finds the recommendation of the last row going on
// into a band whose own recommendation cell is empty: the band repeats the
// last row's number ("1" under "1") or is a further action of the same
// recommendation ("1.2" under "1.1"), and the columns right after the
// number are empty where the last row's first action filled them. Those
// columns are the recommendation, merged over the actions. Producers print
// such a cell once: pdflatex where a merged cell starts (so a page break
// between the actions leaves it on the page before), and many plans leave
// it blank under its first action, with rules between the actions. A
// column that the group's own rules cut between its actions, where it was
// filled, is not merged.
func (b *builder) sameRecommendation(g *groupAcc, cells [][]cellLine) []int {
	num, last := numberOfCells(cells, b.cols), b.numberOf(g)
	if num == "" || num != last && (parentNumber(num) == "" || parentNumber(num) != parentNumber(last)) {
		return nil
	}
	k := 0
	for k < len(cells) && len(cells[k]) == 0 {
		k++
	}
	first := g.rows[0]
	var out []int
	for c := k + 1; c < len(cells) && len(cells[c]) == 0; c++ {
		if len(first.cells[c]) == 0 || len(g.rows) > 1 && !g.merged[c] {
			break
		}
		out = append(out, c)
	}
	if len(out) == 0 || emptyCells(cells[k+1+len(out):]) {
		return nil
	}
	return out
}

// parentNumber is what an action number says of its recommendation: "1"
// of "1.2", "" of a number with no parts.
func parentNumber(n string) string {
	if i := strings.LastIndexByte(n, '.'); i > 0 {
		return n[:i]
	}
	return ""
}

// moreActions adds action rows to a recommendation whose leading cells are
// left empty in the rows under it.
func (b *builder) moreActions(g *groupAcc, subs [][][]cellLine, bd band) {
	for c := 0; c < b.leadCols(); c++ {
		g.merged[c] = true
	}
	for _, s := range subs {
		// Text in a merged column goes on in the merged cell (a
		// recommendation running on beside its next action, past a page
		// break).
		for c := range s {
			if c < len(g.merged) && g.merged[c] && len(s[c]) > 0 {
				if bd.first {
					s[c][0].joined = true
				}
				g.rows[0].cells[c] = appendDedup(g.rows[0].cells[c], s[c])
				g.rows[0].touch([][]cellLine{s[c]})
				s[c] = nil
			}
		}
		r := newRow(s)
		r.fills = b.cellFills(bd.page, s)
		g.rows = append(g.rows, r)
	}
}

// cellFills reads the shading behind each cell of a new row, at the height
// of its first line: the last-drawn filled area under the column's middle.
func (b *builder) cellFills(page int, cells [][]cellLine) []string {
	fills := b.doc.Pages[page].Fills
	y := math.Inf(1)
	for _, c := range cells {
		if len(c) > 0 {
			y = math.Min(y, (c[0].top+c[0].bot)/2)
		}
	}
	if len(fills) == 0 || math.IsInf(y, 1) {
		return nil
	}
	var out []string
	for c := 0; c < b.cols.n(); c++ {
		x := (b.cols.bounds[c] + b.cols.bounds[c+1]) / 2
		col := ""
		for _, f := range fills {
			if x >= f.X0 && x <= f.X1 && y >= f.Y0 && y <= f.Y1 && f.X1-f.X0 < 2*(b.cols.bounds[c+1]-b.cols.bounds[c]) {
				col = f.Color
			}
		}
		if col != "" && out == nil {
			out = make([]string, b.cols.n())
		}
		if out != nil {
			out[c] = col
		}
	}
	return out
}
