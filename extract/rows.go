package extract

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Rows: cut each page's part of a table into bands, and join the bands into
// logical rows across pages, cell by cell.

// cellLine is one line of text inside one cell.
type cellLine struct {
	text     string
	x0, x1   float64
	top, bot float64
	base     float64
	size     float64
	firstW   float64 // width of the first word, for the short-line test
	page     int
	joined   bool // first line after a page break
}

// bandLine is one physical line of a band, cut into columns.
type bandLine struct {
	cells    []cellLine // per column; text "" when empty
	mid      float64
	text     string
	spanning bool // runs across the columns (a sub-heading)
}

type cut struct {
	y    float64
	cols []bool
	full bool
}

type band struct {
	page     int
	lines    []bandLine
	partial  []cut
	spanning bool
	first    bool // first band on its page
}

type rowAcc struct {
	cells     [][]cellLine
	fills     []string // per column, "" for none
	pageFirst int
	pageLast  int
}

type groupAcc struct {
	rows   []*rowAcc
	merged []bool
	theme  string
}

type builder struct {
	doc       *Document
	cols      layoutCols
	groups    []*groupAcc
	theme     string
	startPage int
	numbered  int // groups whose first cell carried a number
}

func newBuilder(doc *Document, cols layoutCols, startPage int) *builder {
	return &builder{doc: doc, cols: cols, startPage: startPage}
}

var rowNumber = regexp.MustCompile(`^(?:(?i:recommendation|rec\.?|action)\s*(R?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)\b|(R\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)\b|(\d{1,3}(?:\.\d{1,3}){1,3}[a-z]?)(?:[.:)]|\s|$)|(\d{1,3}[a-z]?)(?:[.:)]|\s+[-–—]\s|$))`)

// numberOf returns the row number printed at the start of s, or "".
func numberOf(s string) string {
	s = strings.TrimSpace(s)
	m := rowNumber.FindStringSubmatch(s)
	for _, g := range m[min(1, len(m)):] {
		if g != "" {
			return g
		}
	}
	return ""
}

// addRegion cuts a page's region into bands and adds them.
func (b *builder) addRegion(doc *Document, r region) {
	if len(r.lines) == 0 {
		return
	}
	p := &doc.Pages[r.page]
	lines := b.cutLines(r)
	var bands []band
	if b.cols.ruled {
		bands = b.ruledBands(p, r, lines)
	} else {
		bands = b.openBands(p, r, lines)
	}
	for i := range bands {
		if !b.cols.ruled && !bands[i].spanning {
			bands[i].spanning = b.headingBand(bands[i])
		}
		bands[i].first = i == 0 && r.page != b.startPage
		b.addBand(bands[i])
	}
}

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

// continuation decides whether the first band on a page continues the row
// cut by the page break.
func (b *builder) continuation(cells [][]cellLine) bool {
	g := b.lastGroup()
	if g == nil {
		return false
	}
	if b.leadingEmpty(cells) {
		return true
	}
	if b.numbered*2 >= len(b.groups) {
		return numberOfCells(cells, b.cols) == ""
	}
	last := g.rows[len(g.rows)-1]
	for c := range cells {
		if len(cells[c]) == 0 || len(last.cells[c]) == 0 {
			continue
		}
		prev := last.cells[c][len(last.cells[c])-1].text
		next := cells[c][0].text
		if !endsSentence(prev) && (startsLower(next) || endsMidPhrase(prev)) {
			return true
		}
	}
	return false
}

// endsMidPhrase: a line that stops on a comma, a hyphen or a word that
// cannot end a sentence ("the", "of", "and") goes on in the next.
func endsMidPhrase(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if strings.ContainsAny(s[len(s)-1:], ",-&/(") {
		return true
	}
	f := strings.Fields(s)
	return midPhraseWords[strings.ToLower(f[len(f)-1])]
}

var midPhraseWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "and": true, "or": true, "in": true,
	"for": true, "with": true, "by": true, "on": true, "at": true, "from": true, "that": true,
	"their": true, "its": true, "his": true, "her": true, "our": true, "is": true, "are": true,
	"be": true, "was": true, "were": true, "will": true, "should": true, "would": true, "must": true,
	"into": true, "as": true, "which": true, "who": true, "where": true, "when": true, "than": true,
}

func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.ContainsAny(s[len(s)-1:], ".!?:")
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// appendTo joins a continuation band to the last row, cell by cell; further
// action rows of the band become new actions of the same recommendation.
func (b *builder) appendTo(subs [][][]cellLine, bd band) {
	g := b.lastGroup()
	last := g.rows[len(g.rows)-1]
	for c, lines := range subs[0] {
		if len(lines) == 0 {
			continue
		}
		lines[0].joined = true
		target := last
		if g.merged[c] {
			target = g.rows[0]
		}
		target.cells[c] = appendDedup(target.cells[c], lines)
		target.touch([][]cellLine{lines})
		last.touch([][]cellLine{lines})
	}
	for _, s := range subs[1:] {
		g.rows = append(g.rows, newRow(s))
	}
}

// appendDedup appends lines, dropping a first line that repeats the last
// (a producer drew the line cut by the page break on both pages).
func appendDedup(dst, src []cellLine) []cellLine {
	if len(dst) > 0 && len(src) > 0 && dst[len(dst)-1].text == src[0].text && len(src[0].text) > 3 {
		src = src[1:]
		if len(src) > 0 {
			src[0].joined = true
		}
	}
	return append(dst, src...)
}

// moreActions adds action rows to a recommendation whose leading cells are
// left empty in the rows under it.
func (b *builder) moreActions(g *groupAcc, subs [][][]cellLine, bd band) {
	for c := 0; c < b.leadCols(); c++ {
		g.merged[c] = true
	}
	for _, s := range subs {
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

func numberOfCells(cells [][]cellLine, cols layoutCols) string {
	for c := range cells {
		if len(cells[c]) == 0 {
			if cols.names[c] == "" {
				return ""
			}
			continue
		}
		return numberOf(cells[c][0].text)
	}
	return ""
}

func (b *builder) numberOf(g *groupAcc) string {
	return numberOfCells(g.rows[0].cells, b.cols)
}

// isInstruction: template guidance under the header ("Roles no names",
// "What is the over-arching recommendation?", "Local / Regional /
// National") rather than data: at least half its cells read so.
func isInstruction(cells [][]cellLine) bool {
	n, hits := 0, 0
	for _, c := range cells {
		if len(c) == 0 {
			continue
		}
		n++
		if instructionText(strings.ToLower(strings.TrimSpace(joinLines(c)))) {
			hits++
		}
	}
	return n > 0 && hits*2 >= n && hits > 0
}

var instructionStarts = []string{"e.g", "i.e", "(", "what ", "how ", "who ", "when ", "why ", "insert ", "enter ", "describe ", "list ", "state "}

func instructionText(t string) bool {
	if strings.HasSuffix(t, "?") || strings.Contains(t, "no names") || strings.Contains(t, "not named") ||
		strings.Contains(t, "not names") {
		return true
	}
	for _, p := range instructionStarts {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	// A choice of options: "Local / Regional / National", "Red / Amber / Green".
	parts := strings.Split(t, "/")
	if len(parts) >= 3 {
		for _, p := range parts {
			if len(strings.Fields(p)) != 1 {
				return false
			}
		}
		return true
	}
	return false
}

func joinLines(ls []cellLine) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = l.text
	}
	return strings.Join(parts, " ")
}

// finish assembles every row's cell text.
func (b *builder) finish(t Table) Table {
	right := b.columnRights()
	pitch := b.linePitch()
	for gi, g := range b.groups {
		for ri, r := range g.rows {
			row := Row{Theme: g.theme, Group: gi + 1, Cells: make([]string, b.cols.n())}
			for c := range row.Cells {
				src := r.cells[c]
				if g.merged[c] {
					src = g.rows[0].cells[c]
				}
				row.Cells[c] = cellText(src, right[c], pitch)
				row.Boxes = append(row.Boxes, boxes(src, c)...)
			}
			row.Fills = rowFills(g, r, b.cols.n())
			row.Number = numberOfCells(r.cells, b.cols)
			if row.Number == "" {
				row.Number = b.numberOf(g)
			}
			row.PageFirst, row.PageLast = r.pageFirst+1, r.pageLast+1
			if ri > 0 && g.rows[0].pageFirst >= 0 && row.PageFirst == 0 {
				row.PageFirst, row.PageLast = g.rows[0].pageFirst+1, g.rows[0].pageLast+1
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

// columnRights estimates where each column's text wraps: the upper
// quartile of the widest line of each wrapped cell, so that one word
// overflowing its cell does not move it.
func (b *builder) columnRights() []float64 {
	n := b.cols.n()
	maxes := make([][]float64, n)
	all := make([]float64, n)
	for _, g := range b.groups {
		for _, r := range g.rows {
			for c, ls := range r.cells {
				m := 0.0
				for _, l := range ls {
					m = math.Max(m, math.Min(l.x1, b.cols.bounds[c+1]))
				}
				all[c] = math.Max(all[c], m)
				if len(ls) >= 2 {
					maxes[c] = append(maxes[c], m)
				}
			}
		}
	}
	right := make([]float64, n)
	for c := range right {
		right[c] = all[c]
		if e := maxes[c]; len(e) > 0 {
			sort.Float64s(e)
			right[c] = e[len(e)*3/4]
		}
	}
	return right
}

// linePitch is the usual distance between baselines inside a cell: the
// median over consecutive lines on one page.
func (b *builder) linePitch() float64 {
	var ps []float64
	for _, g := range b.groups {
		for _, r := range g.rows {
			for _, ls := range r.cells {
				for i := 1; i < len(ls); i++ {
					if d := ls[i].base - ls[i-1].base; ls[i].page == ls[i-1].page && d > 0 {
						ps = append(ps, d)
					}
				}
			}
		}
	}
	if len(ps) == 0 {
		return 0
	}
	sort.Float64s(ps)
	return ps[len(ps)/2]
}

// cellText joins a cell's lines: lines of one paragraph with a space (no
// space after a line-end hyphen), paragraphs with "\n".
func cellText(ls []cellLine, right, pitch float64) string {
	if len(ls) >= 3 {
		// A cell of three lines or more shows its own wrap width.
		own := 0.0
		for _, l := range ls {
			own = math.Max(own, l.x1)
		}
		right = math.Min(right, own)
	}
	var sb strings.Builder
	for i, l := range ls {
		if i > 0 {
			prev := ls[i-1]
			switch {
			case brokenNumber(prev, l, right):
			case paragraphBreak(prev, l, right, pitch):
				sb.WriteByte('\n')
			case hyphenEnd(prev.text):
			default:
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(l.text)
	}
	return sb.String()
}

// brokenNumber: a date too wide for its column, broken by the producer
// where it ran out of room ("31/03/20" over "24"): the line is that one
// token, filling the column, and only the two pieces together make a date.
func brokenNumber(prev, cur cellLine, right float64) bool {
	if strings.Contains(prev.text, " ") || prev.x1 < right-0.5 || fullDate.MatchString(prev.text) {
		return false
	}
	next, _, _ := strings.Cut(cur.text, " ")
	return fullDate.MatchString(prev.text + next)
}

var fullDate = regexp.MustCompile(`^\d{1,2}[/.]\d{1,2}[/.]\d{4}[.,;]?$`)

func hyphenEnd(s string) bool {
	r := []rune(s)
	n := len(r)
	return n >= 2 && (r[n-1] == '-' || r[n-1] == '\u2010') && (unicode.IsLetter(r[n-2]) || unicode.IsDigit(r[n-2]))
}

var bulletStart = regexp.MustCompile(`^([•◦▪‣∙·○■□➢➤►\x{F0B7}\x{F0A7}\x{F076}\x{F0D8}\x{F0FC}*]|\d{1,2}[.)]\s|[a-z][.)]\s|\([a-z0-9]{1,3}\)\s)`)

// paragraphBreak decides whether a cell's next line opens a paragraph:
//   - it starts with a bullet;
//   - the previous line ended though the next word would have fitted;
//   - on one page, the baselines stand further apart than the usual line
//     pitch, unless the previous line is full and the next goes on in lower
//     case (an HTML printer leaves such a gap where it moves a line off the
//     page);
//   - across a page break, where the gap says nothing, the previous line
//     ends a sentence and the next starts a new one.
func paragraphBreak(prev, cur cellLine, right, pitch float64) bool {
	if bulletStart.MatchString(cur.text) {
		return true
	}
	full := prev.x1+0.3*prev.size+cur.firstW >= right-0.4*prev.size
	if !full {
		return true
	}
	if !cur.joined && cur.page == prev.page {
		return pitch > 0 && cur.base-prev.base > pitch+0.3*cur.size && !startsLower(cur.text)
	}
	return cur.page != prev.page && endsSentence(prev.text) && startsUpper(cur.text)
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
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
