package extract

import (
	"math"
	"sort"
)

// Tables: find each table by its header, follow it down the page and across
// pages, and rebuild its rows.

// findTables scans the document for headers and rebuilds a table from each.
func findTables(doc *Document) []Table {
	var tables []Table
	pi, li := 0, 0
	for pi < len(doc.Pages) {
		h, ok := findHeader(&doc.Pages[pi], pi, li)
		if !ok {
			pi, li = pi+1, 0
			continue
		}
		t, endPage, endLine := rebuild(doc, h)
		dropKeyRows(&t)
		liftBands(&t)
		if len(t.Rows) > 0 {
			tables = append(tables, t)
		}
		if endPage < pi || endPage == pi && endLine <= h.last {
			endPage, endLine = pi, h.last+1
		}
		pi, li = endPage, endLine
	}
	return tables
}

// region is the part of one page that a table occupies.
type region struct {
	page     int
	lines    []Line
	top, bot float64
	spanning []bool // per line: a sub-heading running across the columns
	ended    bool   // the table ends on this page
	next     int    // index in page.Lines after the region
}

// rebuild follows a table from its header to its end and rebuilds its rows.
func rebuild(doc *Document, h header) (Table, int, int) {
	p := &doc.Pages[h.page]
	sample := sampleBody(p, h)
	cols := columnsOf(h, p, sample)
	t := Table{IsPlan: h.plan, Columns: cols.names, Bounds: cols.bounds, PageFirst: h.page + 1}
	b := newBuilder(doc, cols, h.page)
	h.under = repeatedUnder(doc, h)
	pi, start := h.page, h.last+1+h.under
	for {
		r := regionOn(doc, pi, start, cols, h)
		if len(r.lines) == 0 && pi != h.page && start > 0 && start <= len(doc.Pages[pi].Lines) {
			r.bot = doc.Pages[pi].Lines[start-1].Bottom // the repeated header alone
		}
		b.addRegion(doc, r)
		t.extent = append(t.extent, regionExtent(r, h))
		t.PageLast = pi + 1
		if r.ended || pi+1 >= len(doc.Pages) {
			if !r.ended {
				return b.finish(t), pi + 1, 0
			}
			return b.finish(t), pi, r.next
		}
		next, ok := continues(doc, pi+1, cols, h)
		if !ok {
			return b.finish(t), pi + 1, 0
		}
		pi, start = pi+1, next
	}
}

// sampleBody takes the lines under the header, to find the column gutters
// of a borderless table: up to a large gap, or to the first line that reads
// as prose (wide, with no gap wider than word spacing), which would fill
// every gutter.
func sampleBody(p *Page, h header) []Line {
	var out []Line
	prev := h.bot
	width := h.x1 - h.x0
	for _, l := range p.Lines[h.last+1:] {
		if l.Top-prev > 4*l.size() || len(out) > 80 {
			break
		}
		if len(out) > 0 && (proseLike(l, width) || heading(l, out)) {
			break
		}
		out = append(out, l)
		prev = l.Bottom
	}
	return out
}

// proseLike: a line across most of the width with no gap wider than an em.
func proseLike(l Line, width float64) bool {
	if l.X1-l.X0 < 0.6*width || len(l.Words) < 4 {
		return false
	}
	for i := 1; i < len(l.Words); i++ {
		if l.Words[i].X0-l.Words[i-1].X1 > 1.0*l.Words[i].Size {
			return false
		}
	}
	return true
}

// matchingVerticals returns the vertical rules that stand on the table's
// column bounds.
func matchingVerticals(p *Page, cols layoutCols) []Rule {
	var out []Rule
	for _, r := range p.Rules {
		if !r.Vertical() {
			continue
		}
		x := (r.X0 + r.X1) / 2
		for _, b := range cols.bounds {
			if math.Abs(x-b) <= 3 {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// ruledSpans merges the y-extents of rules into connected spans.
func ruledSpans(rules []Rule) [][2]float64 {
	sort.Slice(rules, func(i, j int) bool { return rules[i].Y0 < rules[j].Y0 })
	var spans [][2]float64
	for _, r := range rules {
		if n := len(spans); n > 0 && r.Y0 <= spans[n-1][1]+4 {
			spans[n-1][1] = math.Max(spans[n-1][1], r.Y1)
			continue
		}
		spans = append(spans, [2]float64{r.Y0, r.Y1})
	}
	return spans
}

// regionOn finds the table's extent on page pi from line index start.
func regionOn(doc *Document, pi, start int, cols layoutCols, h header) region {
	p := &doc.Pages[pi]
	r := region{page: pi, next: len(p.Lines)}
	if start >= len(p.Lines) {
		return r
	}
	if cols.ruled {
		return ruledRegion(p, pi, start, cols)
	}
	return openRegion(p, pi, start, cols, h)
}

func ruledRegion(p *Page, pi, start int, cols layoutCols) region {
	r := region{page: pi, next: len(p.Lines)}
	first := p.Lines[start]
	var span [2]float64
	found := false
	spans := ruledSpans(matchingVerticals(p, cols))
	k := 0
	for ; k < len(spans); k++ {
		if s := spans[k]; s[1] > first.Top+1 && (s[0] <= first.Bottom+2 || bandGap(p, start, s[0], cols, 0)) {
			span, found = s, true
			break
		}
	}
	if !found {
		r.ended = true
		r.next = start
		return r
	}
	// A band row printed across the table without vertical rules (a
	// spreadsheet's merged "Recommendation 1: ..." row) parts the ruled
	// spans: the table goes on in the next span.
	for k+1 < len(spans) && bandGap(p, lineAfter(p, span[1]), spans[k+1][0], cols, 0.5) && !headerIn(p, pi, spans[k+1]) {
		k++
		span[1] = spans[k][1]
	}
	span[0] = math.Min(span[0], first.Top)
	r.top, r.bot = span[0], span[1]
	for i := start; i < len(p.Lines); i++ {
		l := p.Lines[i]
		mid := (l.Top + l.Bottom) / 2
		if mid > r.bot+0.5*l.size() {
			r.ended = true
			r.next = i
			break
		}
		r.lines = append(r.lines, l)
	}
	return r
}

// bandGap: the lines from index i down to y are one or two band rows of
// the table, close under one another: each starts at the table's left edge
// and stays within it, and they fill the gap (no more than three lines'
// height of it is empty).
func bandGap(p *Page, i int, y float64, cols layoutCols, minWidth float64) bool {
	if i < 0 || i >= len(p.Lines) || len(cols.bounds) < 2 {
		return false
	}
	left, right := cols.bounds[0], cols.bounds[len(cols.bounds)-1]
	n := 0
	for ; i < len(p.Lines) && p.Lines[i].Bottom < y+1; i++ {
		l := p.Lines[i]
		if n++; n > 2 || l.X0 < left-2 || l.X1 > right+2 || l.X0 > left+2*l.size() || l.X1-l.X0 < minWidth*(right-left) {
			return false
		}
	}
	if n == 0 {
		return false
	}
	return y-p.Lines[i-1].Bottom < 3*p.Lines[i-1].size()
}

// headerIn: the ruled span opens with a table header of its own: a new
// table, under a heading, not the same table going on after a band row.
func headerIn(p *Page, pi int, span [2]float64) bool {
	i := lineAfter(p, span[0])
	if i < 0 {
		return false
	}
	_, ok := findHeaderAt(p, pi, i)
	return ok
}

// lineAfter is the index of the first line below y.
func lineAfter(p *Page, y float64) int {
	for i, l := range p.Lines {
		if (l.Top+l.Bottom)/2 > y {
			return i
		}
	}
	return -1
}

// findHeaderAt reports whether a new table header starts at line i.
func findHeaderAt(p *Page, pi, i int) (header, bool) {
	if !strongHeader(p.Lines[i]) {
		return header{}, false
	}
	return headerAt(p, pi, i)
}

// openRegion follows a borderless table down the page until prose, a gap
// much larger than any between its lines so far, or a new header.
func openRegion(p *Page, pi, start int, cols layoutCols, h header) region {
	r := region{page: pi, next: len(p.Lines)}
	prevBot, maxGap := math.NaN(), 0.0
	for i := start; i < len(p.Lines); i++ {
		l := p.Lines[i]
		gap := l.Top - prevBot
		gapStop := !math.IsNaN(prevBot) && (gap > 3*l.size() ||
			len(r.lines) >= 3 && gap > 1.2*l.size() && gap > 1.8*maxGap) &&
			!rowStart(l, cols, r.lines) || heading(l, r.lines)
		span := false
		if !gapStop && crossesColumns(l, cols) {
			// A single line across the columns with table lines under it
			// is a sub-heading; prose runs on over several lines.
			span = i+1 < len(p.Lines) && !crossesColumns(p.Lines[i+1], cols) &&
				p.Lines[i+1].Top-l.Bottom < 3*l.size() && (len(r.lines) > 0 || topBand(p, i, cols))
			gapStop = !span
		}
		if gapStop {
			r.ended, r.next = true, i
			break
		}
		if i > start {
			if _, ok := findHeaderAt(p, pi, i); ok {
				r.ended, r.next = true, i
				break
			}
		}
		if !math.IsNaN(prevBot) {
			maxGap = math.Max(maxGap, gap)
		}
		r.lines = append(r.lines, l)
		r.spanning = append(r.spanning, span)
		prevBot = l.Bottom
	}
	if len(r.lines) > 0 {
		r.top, r.bot = r.lines[0].Top, r.lines[len(r.lines)-1].Bottom
	}
	return r
}

// rowStart: after a gap, a line that begins a row of the table: text in the
// first column, starting where the table's lines so far start, and in at
// least one more column, without running across the column bounds as prose
// does. Rows of a borderless table may stand far apart (a spreadsheet's
// rows sized for their tallest cell); only the alignment of their text with
// the table's columns says they belong to it.
func rowStart(l Line, cols layoutCols, body []Line) bool {
	if len(body) == 0 || len(l.Words) < 2 || crossesColumns(l, cols) {
		return false
	}
	left := math.Inf(1)
	for _, b := range body {
		left = math.Min(left, b.X0)
	}
	if math.Abs(l.X0-left) > 0.5*l.size() || cols.col(l.X0) != 0 {
		return false
	}
	return filledCols(l, cols) >= min(3, cols.n())
}

// heading: a line set larger than the table's text, after a gap, is a
// heading that follows the table.
func heading(l Line, body []Line) bool {
	if len(body) < 2 {
		return false
	}
	var sizes []float64
	for _, b := range body {
		sizes = append(sizes, b.size())
	}
	sort.Float64s(sizes)
	last := body[len(body)-1]
	return l.size() > 1.12*sizes[len(sizes)/2] && l.Top-last.Bottom > 0.5*last.size()
}

// crossesColumns: a line of prose runs across column bounds with its
// ordinary word spacing, which a table's cells, padded apart, do not.
func crossesColumns(l Line, cols layoutCols) bool {
	if len(l.Words) < 2 {
		return false
	}
	usual := usualGap(l)
	crossings, inner := 0, 0
	for _, b := range cols.bounds[1 : len(cols.bounds)-1] {
		if b < l.X0 || b > l.X1 {
			continue
		}
		inner++
		for i, w := range l.Words {
			if w.X0 < b-1 && w.X1 > b+1 {
				crossings++
				break
			}
			if i+1 < len(l.Words) {
				nx := l.Words[i+1]
				if w.X1 <= b+1 && nx.X0 >= b-1 {
					if g := nx.X0 - w.X1; g < 0.45*w.Size || g <= 1.25*usual {
						crossings++
					}
					break
				}
			}
		}
	}
	return inner > 0 && crossings*2 > inner
}

// usualGap is the median gap between neighbouring words of a line that
// are no further apart than ordinary word spacing can stretch; a line with
// no such pair gets a third of an em.
func usualGap(l Line) float64 {
	var gs []float64
	for i := 1; i < len(l.Words); i++ {
		if g := l.Words[i].X0 - l.Words[i-1].X1; g < 0.6*l.Words[i].Size {
			gs = append(gs, g)
		}
	}
	if len(gs) == 0 {
		return 0.33 * l.size()
	}
	sort.Float64s(gs)
	return gs[len(gs)/2]
}

// continues reports whether the table goes on at the top of page pi, and
// from which line, skipping a repeated header.
func continues(doc *Document, pi int, cols layoutCols, h header) (int, bool) {
	p := &doc.Pages[pi]
	if len(p.Lines) == 0 {
		return 0, false
	}
	start := 0
	rh, found := findHeader(p, pi, 0)
	if found && rh.first <= 1 && sameHeader(rh, h) {
		start = rh.last + 1
		if h.under > 0 && sameLinesUnder(&doc.Pages[h.page], h, p, rh) >= h.under {
			start += h.under
		}
		found = false
	}
	if start >= len(p.Lines) {
		// The page shows the repeated header and nothing else: the next
		// row did not fit under it (a pdflatex longtable row cannot break,
		// so one taller than what is left of the page moves whole to the
		// next page). The table goes on over the page.
		return start, start > 0 && !found && pi+1 < len(doc.Pages)
	}
	first := p.Lines[start]
	if cols.ruled {
		// The table's own rules going on at the top of the page decide,
		// whatever its first line reads like.
		// A band row printed without vertical rules may stand above them
		// (a spreadsheet's merged row just after the break).
		for _, s := range ruledSpans(matchingVerticals(p, cols)) {
			if s[0] <= first.Bottom+2 && s[1] > first.Top+1 {
				return start, true
			}
			if s[0] > first.Bottom && bandGap(p, start, s[0], cols, 0) && !headerIn(p, pi, s) {
				return start, true
			}
		}
		return start, false
	}
	if found && rh.first == start && strongHeader(p.Lines[start]) {
		return start, false // a different table starts here
	}
	return start, !crossesColumns(first, cols) || topBand(p, start, cols)
}

// topBand: the line at i, across the columns, is a band row of the table
// at the top of a page it goes on to (a spreadsheet's merged row
// 'Recommendation 5: ...' just after the break, with no header repeated):
// it starts at the table's left edge, stays within the table, and a line
// close under it fills at least three of the table's columns (or all of
// them) without running across their bounds.
func topBand(p *Page, i int, cols layoutCols) bool {
	if i+1 >= len(p.Lines) || len(cols.bounds) < 2 {
		return false
	}
	l, nx := p.Lines[i], p.Lines[i+1]
	left, right := cols.bounds[0], cols.bounds[len(cols.bounds)-1]
	if l.X0 < left-2 || l.X1 > right+2 || l.X0 > left+2*l.size() || nx.Top-l.Bottom > 3*l.size() {
		return false
	}
	return !crossesColumns(nx, cols) && cols.col(nx.X0) == 0 && nx.X0 < left+2*nx.size() &&
		filledCols(nx, cols) >= min(3, cols.n())
}

// filledCols counts the table's columns in which a line has a word.
func filledCols(l Line, cols layoutCols) int {
	filled := map[int]bool{}
	for _, w := range l.Words {
		filled[cols.col(w.X0)] = true
	}
	delete(filled, -1)
	return len(filled)
}

// strongHeader: a line that reads almost wholly as header labels, unlike a
// row of data that happens to hold "update", "date" or "lead".
func strongHeader(l Line) bool {
	c, hits, share := lineVocab(l)
	return hits >= 2 && share >= 0.8 && bits(c&^catOther) >= 2
}

func sameHeader(a, b header) bool {
	if a.key == b.key {
		return true
	}
	return len(a.labels) == len(b.labels) && a.cats == b.cats
}

// pageSpan is the height a table takes on one page (0-based page index).
type pageSpan struct {
	page     int
	top, bot float64
}

// regionExtent is the height the table takes on the region's page: from
// its header on the first page, from the page top on the pages it goes on
// to (where a repeated header stands), down to its last line.
func regionExtent(r region, h header) pageSpan {
	s := pageSpan{page: r.page, top: 0, bot: r.bot}
	if r.page == h.page {
		s.top = h.top
	}
	for _, l := range r.lines {
		s.bot = math.Max(s.bot, l.Bottom)
	}
	return s
}
