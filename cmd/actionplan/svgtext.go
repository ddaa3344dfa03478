package main

import (
	"bufio"
	"fmt"
	"math"

	"github.com/actionplan/actionplan/extract"
)

// Words are drawn in a font the viewer has, not the PDF's, so each word is
// fitted to the width the PDF gives it, two ways: textLength with
// lengthAdjust, which browsers honour, and a horizontal scale computed from
// Helvetica's widths (Liberation Sans and Arial share them), which
// rsvg-convert, ignoring textLength, still applies. The scaled textLength
// is the PDF width.
const svgFonts = "Liberation Sans, Arial, Helvetica, sans-serif"

// helveticaWidths are Helvetica's advance widths, in 1/1000 em, for ASCII
// 32..126 (Adobe's published font metrics).
var helveticaWidths = [95]int{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
}

// naturalWidth estimates the width of s set in Helvetica at size.
func naturalWidth(s string, size float64) float64 {
	w := 0
	for _, r := range s {
		switch {
		case r >= 32 && r <= 126:
			w += helveticaWidths[r-32]
		case r == '‘' || r == '’':
			w += 222
		case r == '“' || r == '”':
			w += 333
		case r == '—':
			w += 1000
		case r == '•':
			w += 350
		default:
			w += 556
		}
	}
	return float64(w) * size / 1000
}

// drawWord draws one word at its PDF position, fitted to its PDF length;
// a word running up or down the page (a turned header label, a margin
// note) is drawn turned.
func drawWord(w *bufio.Writer, wd extract.Word, colour string) {
	size := wd.Size
	length := math.Max(wd.X1-wd.X0, 0.5)
	turn := turnOf(wd)
	if turn != 0 {
		length = math.Max(wd.Bottom-wd.Top, 0.5)
	} else if h := wd.Bottom - wd.Top; h > 0 && h < size*0.5 {
		size = h / 1.2 // a word drawn squashed
	}
	nat := naturalWidth(wd.Text, size)
	if nat <= 0 {
		return
	}
	sx := length / nat
	// matrix(a b c d e f) maps the word's own frame (x along its advance,
	// baseline at y=0) onto the page.
	var a, b, c, d, e, f float64
	switch turn {
	case 1: // running down: glyph tops to the right
		a, b, c, d, e, f = 0, sx, -1, 0, wd.X0+0.2*size, wd.Top
	case -1: // running up
		a, b, c, d, e, f = 0, -sx, 1, 0, wd.X1-0.2*size, wd.Bottom
	default:
		a, b, c, d, e, f = sx, 0, 0, 1, wd.X0, wd.Bottom-0.2*wd.Size
	}
	fmt.Fprintf(w, `<text x="0" y="0" font-size="%.2f" fill="%s" textLength="%.3f" lengthAdjust="spacingAndGlyphs" transform="matrix(%.5f %.5f %.5f %.5f %.3f %.3f)">%s</text>`+"\n",
		size, colour, nat, a, b, c, d, e, f, xmlEscape(wd.Text))
}

// turnOf tells a word that runs down the page (1) or up it (-1) from an
// upright one (0): a box much taller than wide, its glyphs one under
// another.
func turnOf(wd extract.Word) int {
	if len(wd.Glyphs) < 2 || wd.Bottom-wd.Top < 1.5*(wd.X1-wd.X0) {
		return 0
	}
	first, last := wd.Glyphs[0], wd.Glyphs[len(wd.Glyphs)-1]
	if last.Top > first.Top {
		return 1
	}
	return -1
}
