package extract

import (
	"math"
	"regexp"
	"strings"
)

// Page furniture: running headers, footers, page numbers and protective
// markings. They are found before any table work and set apart in
// Page.Furniture, so that they never land inside a cell.

const (
	furnitureBand = 0.14 // top and bottom fraction of the page where furniture lives
	furnitureYTol = 3.0  // points: the same height on every page
)

var furniturePattern = regexp.MustCompile(`(?i)^(page\s*#+(\s*(of|/)\s*#+)?|#+\s*(of|/)\s*#+|-?\s*#+\s*-?|(not\s+)?(official|protectively marked)(\s*[-–]\s*sensitive)?(\s*:\s*\w+)?|restricted|confidential|draft|#+/#+/#+)$`)

// furnitureKey normalises a line for comparison across pages: digits become
// '#', runs of them one '#'.
func furnitureKey(s string) string {
	var b strings.Builder
	prevDigit := false
	for _, r := range strings.ToLower(s) {
		if r >= '0' && r <= '9' {
			if !prevDigit {
				b.WriteByte('#')
			}
			prevDigit = true
			continue
		}
		prevDigit = false
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// markFurniture moves furniture lines out of each page's Lines.
func markFurniture(pages []Page) {
	counts := map[string][]float64{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, l := range p.Lines {
			if !inBand(l, p) {
				continue
			}
			k := furnitureKey(l.Text())
			if !seen[k] {
				seen[k] = true
				counts[k] = append(counts[k], l.Top)
			}
		}
	}
	n := len(pages)
	for i := range pages {
		p := &pages[i]
		keep := p.Lines[:0]
		for _, l := range p.Lines {
			if inBand(l, *p) && !inTable(l, p) && isFurniture(l, counts[furnitureKey(l.Text())], n) {
				p.Furniture = append(p.Furniture, l)
				continue
			}
			if inBand(l, *p) {
				if rest, f, ok := furniturePiece(l, counts, n); ok {
					p.Furniture = append(p.Furniture, f)
					l = rest
				}
			}
			keep = append(keep, l)
		}
		p.Lines = keep
	}
}

// furniturePiece finds a running footer or header printed on the same
// baseline as other text, far from it (a table that overflows the page runs
// over the footer): a piece of the line, set apart by a wide gap, that reads
// as a page number or marking and stands where the same words stand as a
// line of their own on other pages. It returns the line without the piece,
// and the piece.
func furniturePiece(l Line, counts map[string][]float64, pages int) (Line, Line, bool) {
	starts := []int{0}
	for k := 1; k < len(l.Words); k++ {
		if l.Words[k].X0-l.Words[k-1].X1 >= 3*l.Words[k].Size {
			starts = append(starts, k)
		}
	}
	if len(starts) < 2 {
		return l, Line{}, false
	}
	for i, from := range starts {
		to := len(l.Words)
		if i+1 < len(starts) {
			to = starts[i+1]
		}
		piece := subLine(l, from, to)
		key := furnitureKey(piece.Text())
		if !furniturePattern.MatchString(key) || len(counts[key]) < 2 || !isFurniture(piece, counts[key], pages) {
			continue
		}
		words := append(append([]Word(nil), l.Words[:from]...), l.Words[to:]...)
		return subLine(Line{Words: words}, 0, len(words)), piece, true
	}
	return l, Line{}, false
}

func inBand(l Line, p Page) bool {
	return l.Bottom < p.Height*furnitureBand || l.Top > p.Height*(1-furnitureBand)
}

// isFurniture: a page-number or marking pattern in the margin band, or a line
// repeated at the same height on at least half the pages (and at least two).
func isFurniture(l Line, ys []float64, pages int) bool {
	if furniturePattern.MatchString(furnitureKey(l.Text())) {
		return true
	}
	if pages < 2 || len(ys) < 2 || 2*len(ys) < pages {
		return false
	}
	same := 0
	for _, y := range ys {
		if math.Abs(y-l.Top) <= furnitureYTol {
			same++
		}
	}
	return same >= 2 && 2*same >= pages
}

// inTable: a line between vertical rules, or one that reads as a table's
// header labels, belongs to a table even where it repeats on every page.
func inTable(l Line, p *Page) bool {
	if _, hits, share := lineVocab(l); hits >= 2 && share >= 0.6 {
		return true
	}
	mid := (l.Top + l.Bottom) / 2
	left, right := false, false
	for _, r := range p.Rules {
		if !r.Vertical() || r.Y0 > mid || r.Y1 < mid {
			continue
		}
		x := (r.X0 + r.X1) / 2
		left = left || x <= l.X0+1
		right = right || x >= l.X1-1
	}
	return left && right
}
