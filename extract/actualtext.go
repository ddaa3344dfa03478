package extract

import (
	"math"
	"strings"
	"unicode/utf16"
)

// Marked content with /ActualText: a producer that cannot map a glyph to
// its character (LibreOffice does so for the characters it draws in a
// fallback font after a Symbol or Wingdings bullet) wraps the glyph in
// `/Span <</ActualText (...)>> BDC ... EMC`; the text inside the span is
// the ActualText, not what the glyphs' own encoding says (as in poppler).

// markedSpan is one open BMC/BDC: where its glyphs start and the text that
// replaces them, if it has one.
type markedSpan struct {
	start  int
	actual string
	has    bool
}

const maxMarkedDepth = 64

// beginMarked opens a marked-content span; for BDC the operands hold its
// properties, of which /ActualText matters.
func (in *interp) beginMarked(stk *opStack, bdc bool) {
	if len(in.marked) >= maxMarkedDepth {
		return
	}
	m := markedSpan{start: len(in.glyphs)}
	if bdc {
		for i := 0; i+1 < len(stk.v); i++ {
			if stk.v[i].Name() == "ActualText" && stk.v[i+1].kind == tokString {
				m.actual, m.has = textString(stk.v[i+1].s), true
				break
			}
		}
	}
	in.marked = append(in.marked, m)
}

// endMarked closes the innermost span: with an ActualText, its glyphs
// become one glyph carrying that text across their whole advance. A span
// whose glyphs do not share one baseline keeps its glyphs: one glyph
// could not stand for them.
func (in *interp) endMarked() {
	n := len(in.marked)
	if n == 0 {
		return
	}
	m := in.marked[n-1]
	in.marked = in.marked[:n-1]
	if !m.has || m.start >= len(in.glyphs) {
		return
	}
	first, last := in.glyphs[m.start], in.glyphs[len(in.glyphs)-1]
	for _, g := range in.glyphs[m.start:] {
		if !sameBaseline(first, g) {
			return
		}
	}
	first.ax, first.ay = last.ox+last.ax-first.ox, last.oy+last.ay-first.oy
	first.text = m.actual
	first.space = strings.TrimSpace(m.actual) == "" && m.actual != ""
	in.glyphs = append(in.glyphs[:m.start], first)
}

// textString decodes a PDF text string: UTF-16BE after a byte-order mark,
// else PDFDocEncoding.
func textString(s string) string {
	if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
		return string(utf16.Decode(utf16Units(s[2:])))
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteString(pdfDocEnc[s[i]])
	}
	return b.String()
}

// sameBaseline: g's origin lies on first's baseline, within a fifth of the
// font size.
func sameBaseline(first, g rawGlyph) bool {
	size := math.Hypot(first.ux, first.uy)
	// distance of g's origin from first's baseline, along the up vector
	d := ((g.ox-first.ox)*first.ux + (g.oy-first.oy)*first.uy) / math.Max(size, 1e-9)
	return math.Abs(d) <= 0.2*math.Max(size, 1)
}
