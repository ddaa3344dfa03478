package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Layout: glyphs to words to lines.

const (
	lineTol  = 0.35 // baselines within this fraction of the size share a line
	wordGap  = 0.1  // a gap wider than this fraction of the size splits words
	spaceGap = 0.03 // across a whitespace glyph, a gap wider than this splits words
	dupeTol  = 0.12 // a same glyph re-drawn within this fraction (fake bold) is dropped
	backstep = 0.6  // a step back wider than this fraction of the size splits words
)

// buildLines groups glyphs into lines by baseline and splits words at
// whitespace glyphs and at gaps.
func buildLines(gs []Glyph) []Line {
	if len(gs) == 0 {
		return nil
	}
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].Base < gs[j].Base })
	var lines []Line
	start := 0
	for i := 1; i <= len(gs); i++ {
		if i < len(gs) && gs[i].Base-gs[start].Base <= lineTol*math.Max(gs[start].Size, gs[i].Size) {
			continue
		}
		if l, ok := makeLine(gs[start:i]); ok {
			lines = append(lines, l)
		}
		start = i
	}
	sortLines(lines)
	return lines
}

func sortLines(lines []Line) {
	sort.SliceStable(lines, func(i, j int) bool {
		a, b := &lines[i], &lines[j]
		if math.Abs(a.baseline()-b.baseline()) > 0.5 {
			return a.baseline() < b.baseline()
		}
		return a.X0 < b.X0
	})
}

func (l *Line) baseline() float64 {
	if len(l.Words) == 0 || len(l.Words[0].Glyphs) == 0 {
		return l.Bottom
	}
	return l.Words[0].Glyphs[0].Base
}

func makeLine(gs []Glyph) (Line, bool) {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].X0 < gs[j].X0 })
	gs = dropDuplicates(gs)
	gs = mergeAccents(gs)
	words := splitWords(gs)
	if len(words) == 0 {
		return Line{}, false
	}
	l := Line{Words: words, X0: words[0].X0, X1: words[0].X1, Top: words[0].Top, Bottom: words[0].Bottom}
	for _, w := range words[1:] {
		l.X0 = math.Min(l.X0, w.X0)
		l.X1 = math.Max(l.X1, w.X1)
		l.Top = math.Min(l.Top, w.Top)
		l.Bottom = math.Max(l.Bottom, w.Bottom)
	}
	return l, true
}

// dropDuplicates removes a glyph drawn again at almost the same place, as
// producers do for fake bold and shadows.
func dropDuplicates(gs []Glyph) []Glyph {
	out := gs[:0]
	for _, g := range gs {
		dup := false
		for j := len(out) - 1; j >= 0 && j >= len(out)-3; j-- {
			p := out[j]
			if p.Text == g.Text && math.Abs(p.X0-g.X0) < dupeTol*g.Size && math.Abs(p.Base-g.Base) < dupeTol*g.Size {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, g)
		}
	}
	return out
}

// spacingAccents maps spacing diacritics to their combining forms.
var spacingAccents = map[string]string{
	"´": "\u0301", "`": "\u0300", "ˆ": "\u0302", "^": "\u0302", "˜": "\u0303", "~": "\u0303",
	"¯": "\u0304", "˘": "\u0306", "˙": "\u0307", "¨": "\u0308", "˚": "\u030a", "¸": "\u0327",
	"˝": "\u030b", "˛": "\u0328", "ˇ": "\u030c",
}

// accentOf returns the combining form of an accent glyph's text.
func accentOf(s string) (string, bool) {
	if c, ok := spacingAccents[s]; ok {
		return c, true
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == len(s) && n > 0 && unicode.Is(unicode.Mn, r) {
		return s, true
	}
	return "", false
}

// mergeAccents attaches an accent drawn over or under a letter (as TeX
// does) to that letter, as a combining mark, the way poppler does.
func mergeAccents(gs []Glyph) []Glyph {
	out := gs[:0]
	for i := 0; i < len(gs); i++ {
		g := gs[i]
		if mark, ok := accentOf(g.Text); ok {
			if b := baseFor(gs, i); b >= 0 {
				if b < i {
					out[len(out)-1].Text += mark
				} else {
					gs[b].Text += mark
				}
				continue
			}
		}
		out = append(out, g)
	}
	return out
}

// baseFor finds the letter under an accent at i: its neighbour whose span
// holds the accent's centre.
func baseFor(gs []Glyph, i int) int {
	g := gs[i]
	c := (g.X0 + g.X1) / 2
	for _, j := range [2]int{i - 1, i + 1} {
		if j < 0 || j >= len(gs) || gs[j].Space || gs[j].Text == "" {
			continue
		}
		if _, acc := accentOf(gs[j].Text); acc {
			continue
		}
		if c >= gs[j].X0 && c <= gs[j].X1 {
			return j
		}
	}
	return -1
}

// splitWords cuts a line's glyphs into words, the way poppler does: a gap
// wider than wordGap of the size splits a word; a whitespace glyph splits it
// only when the text on either side of it stands apart by more than
// spaceGap of the size (producers that draw a space and then pull the next
// glyph back with a negative word spacing mean no break).
//
// Words are slices of gs, which is compacted in place: whitespace glyphs are
// dropped from it.
func splitWords(gs []Glyph) []Word {
	words := make([]Word, 0, len(gs)/5+1)
	start, n := -1, 0 // the current word is gs[start:n]
	flush := func() {
		if start >= 0 {
			if w, ok := makeWord(gs[start:n:n]); ok {
				words = append(words, w)
			}
		}
		start = -1
	}
	sawSpace := false
	for i := range gs {
		g := gs[i]
		if g.Space || isBlank(g.Text) {
			sawSpace = true
			continue
		}
		if start >= 0 {
			p := &gs[n-1]
			gap := g.X0 - p.X1
			size := math.Max(p.Size, g.Size)
			limit := wordGap
			if sawSpace {
				limit = spaceGap
			}
			if gap >= limit*size || g.X0 < p.X1-backstep*size {
				flush()
			}
		}
		if start < 0 {
			start = n
		}
		gs[n] = g
		n++
		sawSpace = false
	}
	flush()
	return words
}

func isBlank(s string) bool {
	if s == "" {
		return false
	}
	return strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " ")) == ""
}

func makeWord(gs []Glyph) (Word, bool) {
	var b strings.Builder
	for _, g := range gs {
		b.WriteString(g.Text)
	}
	if b.Len() == 0 {
		return Word{}, false
	}
	w := Word{Text: b.String(), X0: gs[0].X0, X1: gs[0].X1, Top: gs[0].Top, Bottom: gs[0].Base, Size: gs[0].Size,
		Glyphs: gs}
	for _, g := range gs[1:] {
		w.X0 = math.Min(w.X0, g.X0)
		w.X1 = math.Max(w.X1, g.X1)
		w.Top = math.Min(w.Top, g.Top)
		w.Bottom = math.Max(w.Bottom, g.Base)
		w.Size = math.Max(w.Size, g.Size)
	}
	// Bottom is the baseline plus the usual descent.
	w.Bottom += 0.2 * w.Size
	return w, true
}
