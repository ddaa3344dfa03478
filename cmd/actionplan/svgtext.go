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

// drawWord draws one word at its PDF position, fitted to its PDF width.
func drawWord(w *bufio.Writer, wd extract.Word, colour string) {
	width := math.Max(wd.X1-wd.X0, 0.5)
	size := wd.Size
	if h := wd.Bottom - wd.Top; h > 0 && h < size*0.5 {
		size = h / 1.2 // a word drawn squashed
	}
	nat := naturalWidth(wd.Text, size)
	if nat <= 0 {
		return
	}
	sx := width / nat
	base := wd.Bottom - 0.2*wd.Size
	fmt.Fprintf(w, `<text x="%.2f" y="%.2f" font-size="%.2f" fill="%s" textLength="%.3f" lengthAdjust="spacingAndGlyphs" transform="matrix(%.5f 0 0 1 %.3f 0)">%s</text>`+"\n",
		wd.X0, base, size, colour, nat, sx, wd.X0*(1-sx), xmlEscape(wd.Text))
}
