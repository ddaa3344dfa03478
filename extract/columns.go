package extract

import (
	"math"
	"sort"
	"strings"
)

// Column bounds: from vertical rules where the header has them, otherwise
// from the header labels refined by the gutters of the body text below.

type layoutCols struct {
	names  []string
	bounds []float64 // len(names)+1
	ruled  bool
}

func (c layoutCols) n() int { return len(c.names) }

// col returns the column index of x, or -1 outside the table.
func (c layoutCols) col(x float64) int {
	if x < c.bounds[0]-2 || x > c.bounds[len(c.bounds)-1]+2 {
		return -1
	}
	i := sort.SearchFloat64s(c.bounds[1:len(c.bounds)-1], x)
	return i
}

// columnsOf derives the columns of a table from its header and the body
// lines under it.
func columnsOf(h header, p *Page, body []Line) layoutCols {
	if xs := tableVerticals(p.Rules, h); len(xs) >= 3 {
		h.labels = dropGroupLabels(h.labels, xs, p.Rules)
		if c, ok := ruledColumns(h, xs, body); ok {
			return c
		}
	}
	// Prose under a borderless table fills its gutters: find the columns,
	// set aside the lines that run across them, and find them again.
	cols := gutterColumns(h, p, body)
	var kept []Line
	for _, l := range body {
		if !crossesColumns(l, cols) {
			kept = append(kept, l)
		}
	}
	if len(kept) > 0 && len(kept) < len(body) {
		cols = gutterColumns(h, p, kept)
	}
	return cols
}

func ruledColumns(h header, xs []float64, body []Line) (layoutCols, bool) {
	c := layoutCols{ruled: true}
	c.bounds = append(c.bounds, xs[0])
	for k := 0; k+1 < len(xs); k++ {
		lo, hi := xs[k], xs[k+1]
		name := labelIn(h.labels, lo, hi)
		if name == "" && !textIn(body, lo, hi) {
			if hi-lo < 6 { // a double rule or a sliver: fold into its neighbour
				c.bounds[len(c.bounds)-1] = hi
				continue
			}
		}
		c.names = append(c.names, name)
		c.bounds = append(c.bounds, hi)
	}
	return c, len(c.names) >= 2
}

// tableVerticals are the vertical rules across the header that bound the
// table's columns. An outer one with no label beside it that the header's
// horizontal rules stop short of is not the table's: a page decoration
// running the height of the page past the table (a landscape page's running
// header rule, turned with the page), which would add an empty column and
// carry the table down past its last row.
func tableVerticals(rules []Rule, h header) []float64 {
	xs := verticalsAcross(rules, h.top, h.bot)
	reaches := func(x float64) bool {
		for _, r := range rules {
			if !r.Vertical() && r.Y0 > h.top-8 && r.Y1 < h.bot+8 && r.X0 <= x+2 && r.X1 >= x-2 {
				return true
			}
		}
		return false
	}
	for len(xs) >= 3 {
		n := len(xs)
		switch {
		case labelIn(h.labels, xs[n-2], xs[n-1]) == "" && reaches(xs[n-2]) && !reaches(xs[n-1]):
			xs = xs[:n-1]
		case labelIn(h.labels, xs[0], xs[1]) == "" && reaches(xs[1]) && !reaches(xs[0]):
			xs = xs[1:]
		default:
			return xs
		}
	}
	return xs
}

// dropGroupLabels leaves out a two-level header's upper label: words on
// one line, set across an inner column bound ("Progress" over "Update
// (October 2025)" and "RAG"), that name the columns under them as a group,
// not either column. A word that straddles a bound with a quarter of its
// width or more on each side marks the group; its neighbours on the line,
// no further than a space apart, go with it. A label that only pokes over
// its border is kept.
func dropGroupLabels(labels []label, xs []float64, rules []Rule) []label {
	if len(xs) < 3 {
		return labels
	}
	// below: a header word under line top in the column between a and b.
	below := func(top, a, b float64) bool {
		for _, l := range labels {
			for _, w := range l.words {
				if cx := (w.X0 + w.X1) / 2; w.Top > top+0.5*w.Size && cx > a && cx < b {
					return true
				}
			}
		}
		return false
	}
	straddles := func(w Word) bool {
		for k, b := range xs[1 : len(xs)-1] {
			if q := 0.25 * (w.X1 - w.X0); w.X0 < b-q && w.X1 > b+q {
				return true
			}
			// The word's cell runs on over the bound: no rule at the
			// bound beside the word's line, over columns labelled below.
			cx := (w.X0 + w.X1) / 2
			a, c := xs[k], xs[k+2]
			if cx > a && cx < c && len(verticalsAcross(nearX(rules, b), w.Top, w.Bottom)) == 0 &&
				below(w.Top, a, b) && below(w.Top, b, c) {
				return true
			}
		}
		return false
	}
	var group []Word
	for _, l := range labels {
		for _, w := range l.words {
			if straddles(w) {
				group = append(group, w)
			}
		}
	}
	if len(group) == 0 {
		return labels
	}
	inGroup := func(w Word) bool {
		for _, g := range group {
			sameLine := math.Abs(w.Top-g.Top) < 0.5*w.Size
			if sameLine && (w.X1 >= g.X0-0.6*w.Size && w.X0 <= g.X1+0.6*w.Size) && !ruleParts(rules, w, g) {
				return true
			}
		}
		return false
	}
	// Neighbours join the group one space at a time.
	for grown := true; grown; {
		grown = false
		for _, l := range labels {
			for _, w := range l.words {
				if !containsWord(group, w) && inGroup(w) {
					group, grown = append(group, w), true
				}
			}
		}
	}
	out := make([]label, 0, len(labels))
	for _, l := range labels {
		var ws []Word
		for _, w := range l.words {
			if !containsWord(group, w) {
				ws = append(ws, w)
			}
		}
		if len(ws) > 0 {
			l.words, l.x0, l.x1 = ws, ws[0].X0, ws[0].X1
			for _, w := range ws {
				l.x0, l.x1 = math.Min(l.x0, w.X0), math.Max(l.x1, w.X1)
			}
			out = append(out, l)
		}
	}
	return out
}

// ruleParts: a vertical rule parts two words of one line.
func ruleParts(rules []Rule, a, b Word) bool {
	lo, hi := math.Min(a.X1, b.X1), math.Max(a.X0, b.X0)
	for _, x := range verticalsAcross(rules, a.Top, a.Bottom) {
		if x > lo-1 && x < hi+1 {
			return true
		}
	}
	return false
}

// nearX keeps the vertical rules within two points of x.
func nearX(rules []Rule, x float64) []Rule {
	var out []Rule
	for _, r := range rules {
		if r.Vertical() && math.Abs((r.X0+r.X1)/2-x) <= 2 {
			out = append(out, r)
		}
	}
	return out
}

func containsWord(ws []Word, w Word) bool {
	for _, x := range ws {
		if x.X0 == w.X0 && x.Top == w.Top && x.Text == w.Text {
			return true
		}
	}
	return false
}

// labelIn joins the header words whose centre lies in [lo, hi).
func labelIn(labels []label, lo, hi float64) string {
	var ws []Word
	for _, l := range labels {
		for _, w := range l.words {
			if cx := (w.X0 + w.X1) / 2; cx >= lo && cx < hi {
				ws = append(ws, w)
			}
		}
	}
	return label{words: ws}.text()
}

func textIn(lines []Line, lo, hi float64) bool {
	for _, l := range lines {
		for _, w := range l.Words {
			if cx := (w.X0 + w.X1) / 2; cx >= lo && cx < hi {
				return true
			}
		}
	}
	return false
}

// gutterColumns places a boundary between neighbouring labels in the widest
// gap that the body text leaves between them, at the gap's right end (cells
// are usually left-aligned).
func gutterColumns(h header, p *Page, body []Line) layoutCols {
	labels := h.labels
	var ivs [][2]float64
	for _, l := range body {
		for _, w := range l.Words {
			ivs = append(ivs, [2]float64{w.X0, w.X1})
		}
	}
	sort.Slice(ivs, func(i, j int) bool { return ivs[i][0] < ivs[j][0] })
	labels = splitLabels(labels, ivs)
	c := layoutCols{}
	left := math.Min(labels[0].x0, minX0(ivs, labels[0].x0))
	// A leading column without a label (row numbers) shows as a gutter
	// before the first label, with text wholly left of where that label
	// starts: numbers under a short label of their own ("No") reach past
	// its start.
	if g, ok := widestGap(ivs, left-1, labels[0].center()); ok && g[0] > left+1 && endsBefore(ivs, labels[0].x0-1) {
		c.names = append(c.names, "")
		c.bounds = append(c.bounds, left-1)
		left = g[1] - 1
	}
	c.bounds = append(c.bounds, left-1)
	for k := range labels {
		c.names = append(c.names, labels[k].text())
		if k+1 == len(labels) {
			break
		}
		b := labels[k+1].x0 - 2
		if g, ok := widestGap(ivs, labels[k].center(), labels[k+1].center()); ok {
			b = g[1] - 1
		}
		c.bounds = append(c.bounds, b)
	}
	c.bounds = append(c.bounds, math.Max(p.Width, h.x1+1))
	return c
}

// splitLabels separates labels of neighbouring columns that sit closer
// than the clustering gap: where the body leaves a gutter under a space
// between two label words, and the body text to its right starts where the
// right-hand word starts, the two words head different columns.
func splitLabels(labels []label, ivs [][2]float64) []label {
	var out []label
	for _, l := range labels {
		out = append(out, splitLabel(l, ivs)...)
	}
	return out
}

func splitLabel(l label, ivs [][2]float64) []label {
	ws := append([]Word(nil), l.words...)
	sort.Slice(ws, func(i, j int) bool { return ws[i].X0 < ws[j].X0 })
	for i := 1; i < len(ws); i++ {
		a, b := ws[i-1], ws[i]
		if b.X0 <= a.X1 || math.Abs(a.Bottom-b.Bottom) > 0.3*a.Size {
			continue
		}
		em := b.Size
		g, ok := widestGap(ivs, a.X1, b.X0+0.5*em)
		if !ok || g[1]-g[0] < 0.3*em || math.Abs(g[1]-b.X0) > 0.3*em || crossedBy(l.words, g[1]-1) {
			continue
		}
		left, right := label{x0: math.Inf(1), x1: math.Inf(-1)}, label{x0: math.Inf(1), x1: math.Inf(-1)}
		for _, w := range l.words {
			side := &left
			if (w.X0+w.X1)/2 > g[1]-1 {
				side = &right
			}
			side.words = append(side.words, w)
			side.x0, side.x1 = math.Min(side.x0, w.X0), math.Max(side.x1, w.X1)
		}
		return append(splitLabel(left, ivs), splitLabel(right, ivs)...)
	}
	return []label{l}
}

// crossedBy: some word of the label runs across x.
func crossedBy(ws []Word, x float64) bool {
	for _, w := range ws {
		if w.X0 < x-0.5 && w.X1 > x+0.5 {
			return true
		}
	}
	return false
}

func (l label) center() float64 { return (l.x0 + l.x1) / 2 }

// endsBefore: some interval ends before x.
func endsBefore(ivs [][2]float64, x float64) bool {
	for _, iv := range ivs {
		if iv[1] < x {
			return true
		}
	}
	return false
}

func minX0(ivs [][2]float64, def float64) float64 {
	if len(ivs) == 0 {
		return def
	}
	return ivs[0][0]
}

// widestGap finds the widest stretch of (lo, hi) that no interval covers.
func widestGap(ivs [][2]float64, lo, hi float64) ([2]float64, bool) {
	best := [2]float64{}
	found := false
	cur := lo
	consider := func(a, b float64) {
		if b-a > 1.5 && (!found || b-a > best[1]-best[0]) {
			best, found = [2]float64{a, b}, true
		}
	}
	for _, iv := range ivs {
		if iv[1] <= lo || iv[0] >= hi {
			continue
		}
		if iv[0] > cur {
			consider(cur, iv[0])
		}
		cur = math.Max(cur, iv[1])
	}
	if cur < hi {
		consider(cur, hi)
	}
	return best, found
}

// piece is part of a word that falls in one column.
type piece struct {
	col    int
	text   string
	x0, x1 float64
	top    float64
	base   float64
	size   float64
}

// splitWord cuts a word at column bounds, glyph by glyph, for producers that
// leave no gap between cells.
func splitWord(w Word, c layoutCols) []piece {
	var out []piece
	var b strings.Builder
	cur := -2
	var p piece
	flush := func() {
		if b.Len() > 0 && cur >= 0 {
			p.text = b.String()
			out = append(out, p)
		}
		b.Reset()
	}
	for _, g := range w.Glyphs {
		k := c.col((g.X0 + g.X1) / 2)
		if k != cur {
			flush()
			cur = k
			p = piece{col: k, x0: g.X0, x1: g.X1, top: g.Top, base: g.Base, size: g.Size}
		}
		b.WriteString(g.Text)
		p.x1 = math.Max(p.x1, g.X1)
		p.top = math.Min(p.top, g.Top)
	}
	flush()
	return out
}
