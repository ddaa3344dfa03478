package extract

import (
	"math"
	"sort"
	"strings"
)

// Bands: cut a page's part of a table into bands of lines, at rules in
// a ruled table, at row numbers or whitespace in a borderless one.

// cutLines splits each line's words at the column bounds.
func (b *builder) cutLines(r region) []bandLine {
	n := b.cols.n()
	out := make([]bandLine, 0, len(r.lines))
	for i, l := range r.lines {
		bl := bandLine{cells: make([]cellLine, n), mid: (l.Top + l.Bottom) / 2, text: l.Text()}
		bl.spanning = i < len(r.spanning) && r.spanning[i]
		for _, w := range l.Words {
			for _, pc := range splitWord(w, b.cols) {
				c := &bl.cells[pc.col]
				if c.text == "" {
					*c = cellLine{text: pc.text, x0: pc.x0, x1: pc.x1, top: pc.top, bot: pc.base + 0.2*pc.size, base: pc.base,
						size: pc.size, firstW: pc.x1 - pc.x0, page: r.page}
					continue
				}
				c.text += " " + pc.text
				c.x1 = math.Max(c.x1, pc.x1)
				c.top = math.Min(c.top, pc.top)
				c.size = math.Max(c.size, pc.size)
			}
		}
		out = append(out, bl)
	}
	return out
}

// ruledBands cuts at horizontal rules. A rule across every column ends a
// row; one across only some columns separates the actions of a merged
// recommendation.
func (b *builder) ruledBands(p *Page, r region, lines []bandLine) []band {
	cuts := b.horizontalCuts(p, r)
	var bands []band
	cur := band{page: r.page}
	ci := 0
	flush := func() {
		if len(cur.lines) > 0 {
			cur.spanning = b.spanningBand(p, cur)
			bands = append(bands, cur)
		}
		cur = band{page: r.page}
	}
	for _, l := range lines {
		for ci < len(cuts) && cuts[ci].y < l.mid {
			if cuts[ci].full {
				flush()
			} else if len(cur.lines) > 0 {
				cur.partial = append(cur.partial, cuts[ci])
			}
			ci++
		}
		cur.lines = append(cur.lines, l)
	}
	flush()
	return bands
}

func (b *builder) horizontalCuts(p *Page, r region) []cut {
	n := b.cols.n()
	x0, x1 := b.cols.bounds[0], b.cols.bounds[n]
	var hs []Rule
	for _, ru := range p.Rules {
		if ru.Vertical() || ru.X1 < x0+2 || ru.X0 > x1-2 {
			continue
		}
		y := (ru.Y0 + ru.Y1) / 2
		if y < r.top-2 || y > r.bot+2 {
			continue
		}
		hs = append(hs, ru)
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i].Y0+hs[i].Y1 < hs[j].Y0+hs[j].Y1 })
	var cuts []cut
	for i := 0; i < len(hs); {
		y := (hs[i].Y0 + hs[i].Y1) / 2
		j := i
		cover := make([]float64, n)
		for ; j < len(hs) && (hs[j].Y0+hs[j].Y1)/2-y <= 2; j++ {
			for k := 0; k < n; k++ {
				lo, hi := b.cols.bounds[k], b.cols.bounds[k+1]
				cover[k] += math.Max(0, math.Min(hi, hs[j].X1)-math.Max(lo, hs[j].X0))
			}
		}
		c := cut{y: y, cols: make([]bool, n), full: true}
		for k := 0; k < n; k++ {
			c.cols[k] = cover[k] >= 0.6*(b.cols.bounds[k+1]-b.cols.bounds[k])
			c.full = c.full && c.cols[k]
		}
		cuts = append(cuts, c)
		i = j
	}
	return cuts
}

// spanningBand: no inner vertical rule crosses the band, so its one cell
// spans the table (a theme sub-heading).
func (b *builder) spanningBand(p *Page, bd band) bool {
	top, bot := bd.lines[0].mid, bd.lines[len(bd.lines)-1].mid
	inner := b.cols.bounds[1:b.cols.n()]
	for _, ru := range p.Rules {
		if !ru.Vertical() || ru.Y0 > bot || ru.Y1 < top {
			continue
		}
		x := (ru.X0 + ru.X1) / 2
		for _, bx := range inner {
			if math.Abs(x-bx) <= 3 {
				return false
			}
		}
	}
	return true
}

// openBands cuts a borderless table: before a line whose first column
// starts with a row number where the table is numbered, otherwise at a gap
// that runs across every column.
func (b *builder) openBands(p *Page, r region, lines []bandLine) []band {
	if cuts := ruleCuts(p, r); len(cuts) > 0 {
		return cutAt(r, lines, cuts)
	}
	// Row numbers cut the rows where the table is numbered: two numbered
	// lines on this page, or a numbered table so far.
	numbered := 0
	for _, l := range lines {
		if numberOf(l.cells[0].text) != "" {
			numbered++
		}
	}
	if numbered < 2 && (len(b.groups) < 2 || b.numbered == 0) {
		numbered = 0
	}
	var bands []band
	cur := band{page: r.page}
	prevBot := math.NaN()
	for _, l := range lines {
		if l.spanning {
			if len(cur.lines) > 0 {
				bands = append(bands, cur)
			}
			bands = append(bands, band{page: r.page, lines: []bandLine{l}, spanning: true})
			cur = band{page: r.page}
			prevBot = math.NaN()
			continue
		}
		top, bot, size := lineExtent(l)
		start := false
		if numbered > 0 {
			start = numberOf(l.cells[0].text) != ""
		} else if !math.IsNaN(prevBot) {
			start = top-prevBot > 0.35*size && l.cells[0].text != "" && filledCells(l) >= min(2, len(l.cells)-1)
		}
		if start && len(cur.lines) > 0 {
			bands = append(bands, cur)
			cur = band{page: r.page}
		}
		cur.lines = append(cur.lines, l)
		prevBot = bot
	}
	if len(cur.lines) > 0 {
		bands = append(bands, cur)
	}
	return bands
}

// ruleCuts finds horizontal rules between a borderless table's lines that
// run across most of its width: tables ruled across but not down.
func ruleCuts(p *Page, r region) []float64 {
	if len(r.lines) < 2 {
		return nil
	}
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, l := range r.lines {
		x0, x1 = math.Min(x0, l.X0), math.Max(x1, l.X1)
	}
	return rulesAcross(p.Rules, r.lines[0].Top, r.lines[len(r.lines)-1].Bottom, x0, x1, 0.6)
}

// cutAt splits lines into bands at the given heights.
func cutAt(r region, lines []bandLine, ys []float64) []band {
	var bands []band
	cur := band{page: r.page}
	k := 0
	for _, l := range lines {
		cut := l.spanning
		for k < len(ys) && ys[k] < l.mid {
			k++
			cut = true
		}
		if cut && len(cur.lines) > 0 {
			bands = append(bands, cur)
			cur = band{page: r.page}
		}
		if l.spanning {
			bands = append(bands, band{page: r.page, lines: []bandLine{l}, spanning: true})
			continue
		}
		cur.lines = append(cur.lines, l)
	}
	if len(cur.lines) > 0 {
		bands = append(bands, cur)
	}
	return bands
}

func filledCells(l bandLine) int {
	n := 0
	for _, c := range l.cells {
		if c.text != "" {
			n++
		}
	}
	return n
}

func lineExtent(l bandLine) (top, bot, size float64) {
	top, bot = math.Inf(1), math.Inf(-1)
	for _, c := range l.cells {
		if c.text == "" {
			continue
		}
		top, bot, size = math.Min(top, c.top), math.Max(bot, c.bot), math.Max(size, c.size)
	}
	return
}

// headingBand: in a table without column rules, a single line in the first
// column alone, not ending a sentence, is a sub-heading.
func (b *builder) headingBand(bd band) bool {
	if len(bd.lines) != 1 || b.cols.n() < 3 {
		return false
	}
	l := bd.lines[0]
	for c := 1; c < len(l.cells); c++ {
		if l.cells[c].text != "" {
			return false
		}
	}
	t := strings.TrimSpace(l.cells[0].text)
	return t != "" && !endsSentence(t) && numberOf(t) == ""
}

// bandText is the band's whole text, for theme rows.
func bandText(bd band) string {
	var parts []string
	for _, l := range bd.lines {
		parts = append(parts, l.text)
	}
	return strings.Join(parts, " ")
}
