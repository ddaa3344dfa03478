package extract

import (
	"bufio"
	"io"
	"math"
	"sort"
	"strings"
)

// WritePages writes each page's text as our interpreter reads it, a form
// feed after each page, like pdftotext: the page in blocks (a paragraph, a
// table cell, a running header), each block's lines together, blocks from
// the top of the page down and, side by side, from left to right. Like
// pdftotext, a line ending in a hyphen is joined to the next line of its
// block, without the hyphen. Furniture is included where it stands.
func WritePages(w io.Writer, d *Document) error {
	bw := bufio.NewWriter(w)
	for _, p := range d.Pages {
		lines := append(append([]Line(nil), p.Lines...), p.Furniture...)
		sortLines(lines)
		for _, b := range textBlocks(lines, p.Rules) {
			for i, l := range b {
				t := l.Text()
				if i+1 < len(b) && hyphenated(t) && followsOn(l, b[i+1]) {
					bw.WriteString(t[:len(t)-1])
					continue
				}
				bw.WriteString(t)
				bw.WriteByte('\n')
			}
		}
		bw.WriteByte('\f')
	}
	return bw.Flush()
}

// textBlocks cuts each line at its gutters into pieces and chains each
// piece to the piece just above it that it lines up under, so that the
// lines of one table cell stay together instead of alternating with the
// lines of the cells beside it.
func textBlocks(lines []Line, rules []Rule) [][]Line {
	var blocks [][]Line
	var lastLine []int // per block, the index in lines of its last piece
	active := []int{}  // blocks whose last piece is on one of the last few lines
	for i := range lines {
		var next []int
		for _, bi := range active {
			if lastLine[bi] >= i-4 {
				next = append(next, bi)
			}
		}
		active = next
		for _, seg := range segments(lines, i, rules) {
			best, bestOv := -1, 0.0
			for _, bi := range active {
				last := blocks[bi][len(blocks[bi])-1]
				if lastLine[bi] >= i || !below(last, seg) || ruledBetween(rules, last, seg) {
					continue
				}
				if ov := math.Min(last.X1, seg.X1) - math.Max(last.X0, seg.X0); ov > bestOv {
					best, bestOv = bi, ov
				}
			}
			if best < 0 {
				blocks = append(blocks, []Line{seg})
				lastLine = append(lastLine, i)
				active = append(active, len(blocks)-1)
				continue
			}
			blocks[best] = append(blocks[best], seg)
			lastLine[best] = i
		}
	}
	sort.SliceStable(blocks, func(a, b int) bool {
		x, y := blocks[a][0], blocks[b][0]
		if math.Abs(x.Top-y.Top) > 0.5*math.Min(x.Bottom-x.Top, y.Bottom-y.Top) {
			return x.Top < y.Top
		}
		return x.X0 < y.X0
	})
	return blocks
}

// below: seg is the next line of the block ending in last: under it, close,
// and overlapping it across the page.
func below(last, seg Line) bool {
	h := last.Bottom - last.Top
	gap := seg.Top - last.Bottom
	return gap > -0.5*h && gap < 1.0*h && seg.X0 < last.X1 && seg.X1 > last.X0
}

// ruledBetween: a horizontal rule runs between the two lines, across the
// stretch where they overlap (the border between two table rows).
func ruledBetween(rules []Rule, a, b Line) bool {
	x0, x1 := math.Max(a.X0, b.X0), math.Min(a.X1, b.X1)
	for _, r := range rules {
		y := (r.Y0 + r.Y1) / 2
		if !r.Vertical() && y > a.Bottom-1 && y < b.Top+1 && r.X0 <= x0+1 && r.X1 >= x1-1 {
			return true
		}
	}
	return false
}

// segments cuts line i at its gutters: gaps between words that the lines
// just above and below leave white too. A space stretched by justification
// has words of the neighbouring lines under it; a gutter between table
// cells does not.
//
// Where the table draws its column rules across the line, the rules decide:
// a gap is a gutter when a rule runs through it, whatever its width (the
// spaces of a justified line in a narrow cell stretch wider than an em).
func segments(lines []Line, i int, rules []Rule) []Line {
	l := lines[i]
	if len(l.Words) < 2 {
		return []Line{l}
	}
	if xs := innerVerticals(l, rules); len(xs) > 0 {
		return cutAtRules(l, xs)
	}
	var near []Line
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if l.Top-lines[j].Bottom < 1.5*l.size() {
			near = append(near, lines[j])
		}
	}
	for j := i + 1; j < len(lines) && j <= i+3; j++ {
		if lines[j].Top-l.Bottom < 1.5*l.size() {
			near = append(near, lines[j])
		}
	}
	if len(near) == 0 {
		return []Line{l}
	}
	var out []Line
	start := 0
	for k := 1; k < len(l.Words); k++ {
		a, b := l.Words[k-1], l.Words[k]
		gap := b.X0 - a.X1
		if gap < 0.25*a.Size || gap < a.Size && !spanned(near, a.X1, b.X0) || !whiteIn(near, a.X1, b.X0, 0.5*a.Size) {
			continue
		}
		out = append(out, subLine(l, start, k))
		start = k
	}
	return append(out, subLine(l, start, len(l.Words)))
}

// innerVerticals gives the x of each vertical rule that crosses the line's
// middle between its first and last word.
func innerVerticals(l Line, rules []Rule) []float64 {
	mid := (l.Top + l.Bottom) / 2
	var xs []float64
	for _, r := range rules {
		x := (r.X0 + r.X1) / 2
		if r.Vertical() && r.Y0 <= mid && r.Y1 >= mid && x > l.Words[0].X1 && x < l.Words[len(l.Words)-1].X0 {
			xs = append(xs, x)
		}
	}
	return xs
}

// cutAtRules cuts a line at the gaps that a rule runs through.
func cutAtRules(l Line, xs []float64) []Line {
	var out []Line
	start := 0
	for k := 1; k < len(l.Words); k++ {
		a, b := l.Words[k-1], l.Words[k]
		for _, x := range xs {
			if x >= a.X1-1 && x <= b.X0+1 {
				out = append(out, subLine(l, start, k))
				start = k
				break
			}
		}
	}
	return append(out, subLine(l, start, len(l.Words)))
}

// spanned: some line has words on both sides of (x0, x1), so that white
// down the lines there is a gutter between columns, not the margin beside
// a short line. A gap of an em or more needs no such witness.
func spanned(lines []Line, x0, x1 float64) bool {
	for _, l := range lines {
		if l.X0 < x0 && l.X1 > x1 {
			return true
		}
	}
	return false
}

// whiteIn: a stretch of (x0, x1) at least width wide that no word of the
// lines covers: the gutter of a column, even where the gap of this line
// also spans an empty column whose text the other lines hold.
func whiteIn(lines []Line, x0, x1, width float64) bool {
	var ivs [][2]float64
	for _, l := range lines {
		for _, w := range l.Words {
			if w.X1 > x0 && w.X0 < x1 {
				ivs = append(ivs, [2]float64{w.X0, w.X1})
			}
		}
	}
	sort.Slice(ivs, func(i, j int) bool { return ivs[i][0] < ivs[j][0] })
	cur := x0
	for _, iv := range ivs {
		if iv[0]-cur >= width {
			return true
		}
		cur = math.Max(cur, iv[1])
	}
	return x1-cur >= width
}

func subLine(l Line, from, to int) Line {
	ws := l.Words[from:to]
	s := Line{Words: ws, X0: ws[0].X0, X1: ws[len(ws)-1].X1, Top: math.Inf(1), Bottom: math.Inf(-1)}
	for _, w := range ws {
		s.Top, s.Bottom = math.Min(s.Top, w.Top), math.Max(s.Bottom, w.Bottom)
	}
	return s
}

func hyphenated(t string) bool {
	return len(t) > 1 && strings.HasSuffix(t, "-") && t[len(t)-2] != ' ' && t[len(t)-2] != '-'
}

// followsOn reports whether next is the line that follows l in the same
// paragraph: just below it and overlapping it across the page.
func followsOn(l, next Line) bool {
	h := l.Bottom - l.Top
	if h <= 0 {
		return false
	}
	gap := next.Top - l.Bottom
	return gap > -0.5*h && gap < 1.0*h && next.X0 < l.X1 && next.X1 > l.X0
}
