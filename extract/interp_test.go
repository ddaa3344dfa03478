package extract

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// Unit tests of the page interpreter on hand-written PDFs (pdfwriter_test.go).
// Helvetica widths used below: A B 667, C D H 722, E 667, space 278.

func TestSimpleFontDifferences(t *testing.T) {
	d := newPW()
	f := d.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /Euro /uni263A 68 /f_i 69 /notaglyphname] >> >>")
	p := d.page("BT /F1 10 Tf 100 700 Td (ABCDE\\222) Tj ET", fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f), "")
	doc := extractBytes(t, d.bytes(p))
	// An unknown glyph name keeps the base encoding's text, like poppler.
	if got, want := pageText(doc.Pages[0]), "€☺CfiE’"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
}

// cmapSource is a ToUnicode CMap: codes 1-3 are H I J (a bfrange), 4 is a
// space and 6 the ligature "fi" (bfchars).
const cmapSource = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0001> <0003> <0048>
endbfrange
2 beginbfchar
<0004> <0020>
<0006> <00660069>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end`

func TestType0IdentityH(t *testing.T) {
	d := newPW()
	tu := d.stream("", cmapSource)
	cid := d.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [1 [500 600] 3 4 250] >>")
	f := d.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", cid, tu))
	p := d.page("BT /F2 10 Tf 100 700 Td <00010002000300040006> Tj ET", fmt.Sprintf("<< /Font << /F2 %d 0 R >> >>", f), "")
	doc := extractBytes(t, d.bytes(p))
	pg := doc.Pages[0]
	if got := pageText(pg); got != "HIJ fi" {
		t.Fatalf("text %q, want %q", got, "HIJ fi")
	}
	// /W gives 500, 600, 250 and 250 (the space); /DW 1000 the ligature.
	want := []float64{100, 105, 111, 116}
	wantW := []float64{5, 6, 2.5, 10}
	gs := glyphsOf(pg)
	if len(gs) != len(want) {
		t.Fatalf("%d glyphs, want %d", len(gs), len(want))
	}
	for i, g := range gs {
		if !near(g.X0, want[i]) || !near(g.X1-g.X0, wantW[i]) {
			t.Errorf("glyph %d %q at %.2f width %.2f, want %.2f width %.2f", i, g.Text, g.X0, g.X1-g.X0, want[i], wantW[i])
		}
	}
}

func TestTJKerningNoPhantomGlyph(t *testing.T) {
	doc := extractBytes(t, onePage("BT /F1 10 Tf 100 700 Td [(AB) -500 (CD) 100 (E)] TJ ET"))
	pg := doc.Pages[0]
	if got := pageText(pg); got != "AB CDE" {
		t.Errorf("text %q, want %q", got, "AB CDE")
	}
	gs := glyphsOf(pg)
	if len(gs) != 5 {
		t.Fatalf("%d glyphs, want 5 (no glyph shown after a TJ)", len(gs))
	}
	// -500 moves C right by 5pt; 100 moves E left by 1pt.
	for i, want := range []float64{100, 106.67, 118.34, 125.56, 131.78} {
		if !near(gs[i].X0, want) {
			t.Errorf("glyph %q at %.2f, want %.2f", gs[i].Text, gs[i].X0, want)
		}
	}
}

func TestTextStateOperators(t *testing.T) {
	cases := []struct {
		name    string
		content string
		check   func(gs []Glyph) string
	}{
		{"Tc", "BT /F1 10 Tf 2 Tc 100 700 Td (AB) Tj ET", func(gs []Glyph) string {
			return want(gs[1].X0, 100+6.67+2)
		}},
		{"Tw applies to code 32", "BT /F1 10 Tf 5 Tw 100 700 Td (A B) Tj ET", func(gs []Glyph) string {
			return want(gs[1].X0, 100+6.67+2.78+5)
		}},
		{"Tz", "BT /F1 10 Tf 50 Tz 100 700 Td (AB) Tj ET", func(gs []Glyph) string {
			return want(gs[1].X0, 100+3.335) + want(gs[0].X1-gs[0].X0, 3.335)
		}},
		{"TL and T*", "BT /F1 10 Tf 14 TL 100 700 Td (A) Tj T* (B) Tj ET", func(gs []Glyph) string {
			return want(gs[0].Base, 100) + want(gs[1].Base, 114)
		}},
		{"Ts", "BT /F1 10 Tf 100 700 Td 3 Ts (A) Tj ET", func(gs []Glyph) string {
			return want(gs[0].Base, 97)
		}},
		{"TD sets TL", "BT /F1 10 Tf 100 700 TD 0 -20 TD (A) Tj T* (B) Tj ET", func(gs []Glyph) string {
			return want(gs[0].Base, 120) + want(gs[1].Base, 140)
		}},
		{"quote operators", "BT /F1 10 Tf 12 TL 100 700 Td (A) Tj (B) ' 4 1 (C D) \" ET", func(gs []Glyph) string {
			return want(gs[1].Base, 112) + want(gs[2].Base, 124) + want(gs[3].X0, 100+7.22+1+2.78+1+4)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := extractBytes(t, onePage(c.content))
			gs := glyphsOf(doc.Pages[0])
			if len(gs) < 2 && c.name != "Ts" {
				t.Fatalf("%d glyphs", len(gs))
			}
			if msg := c.check(gs); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func want(got, want float64) string {
	if near(got, want) {
		return ""
	}
	return fmt.Sprintf("got %.3f, want %.3f; ", got, want)
}

func TestFormXObject(t *testing.T) {
	d := newPW()
	f := d.helvetica()
	x := d.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << /Font << /F1 %d 0 R >> >>", f),
		"BT /F1 12 Tf 0 0 Td (Inside) Tj ET 0 0 m 200 0 l S")
	p := d.page("q 1 0 0 1 100 100 cm /X1 Do Q BT /F1 12 Tf 100 600 Td (Outside) Tj ET", fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /X1 %d 0 R >> >>", f, x), "")
	doc := extractBytes(t, d.bytes(p))
	pg := doc.Pages[0]
	if got := pageText(pg); got != "Outside\nInside" {
		t.Errorf("text %q", got)
	}
	gs := glyphsOf(pg)
	if g := gs[len(gs)-1]; !near(gs[7].X0, 100) || !near(g.Base, 700) {
		t.Errorf("form text at %.2f,%.2f, want 100,700", gs[7].X0, g.Base)
	}
	if len(pg.Rules) != 1 || !near(pg.Rules[0].X0, 100) || !near(pg.Rules[0].X1, 300) || !near(pg.Rules[0].Y0, 700) {
		t.Errorf("rules %+v, want one from 100 to 300 at 700", pg.Rules)
	}
}

func TestFormXObjectDepthBound(t *testing.T) {
	d := newPW()
	f := d.helvetica()
	self := len(d.objs) + 1 // the form draws itself, one line lower each time
	d.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 %d 0 R >> /XObject << /X2 %d 0 R >> >>", f, self),
		"BT /F1 10 Tf 100 700 Td (R) Tj ET 1 0 0 1 0 -20 cm /X2 Do")
	p := d.page("/X2 Do", fmt.Sprintf("<< /XObject << /X2 %d 0 R >> >>", self), "")
	doc := Bytes(context.Background(), "loop.pdf", d.bytes(p), Options{MaxXObjDepth: 3})
	if got := strings.Count(pageText(doc.Pages[0]), "R"); got != 3 {
		t.Errorf("%d copies drawn, want 3 (the depth bound)", got)
	}
}

func TestRotatedPage(t *testing.T) {
	// A landscape page: /Rotate 90 and text drawn running up the portrait
	// MediaBox, so that it reads left to right on screen.
	d := newPW()
	f := d.helvetica()
	p := d.page("BT /F1 10 Tf 0 1 -1 0 300 100 Tm (Hello world) Tj 0 1 -1 0 320 100 Tm (Second line) Tj ET",
		fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f), "/Rotate 90")
	doc := extractBytes(t, d.bytes(p))
	pg := doc.Pages[0]
	if got := pageText(pg); got != "Hello world\nSecond line" {
		t.Errorf("text %q", got)
	}
	if pg.Width != 800 || pg.Height != 600 || pg.Rotation != 90 {
		t.Errorf("page %vx%v rotation %d, want 800x600 rotation 90", pg.Width, pg.Height, pg.Rotation)
	}
	if gs := glyphsOf(pg); !near(gs[0].X0, 100) || !near(gs[0].Base, 300) {
		t.Errorf("first glyph at %.2f,%.2f, want 100,300", gs[0].X0, gs[0].Base)
	}
}

func TestRotatedTextKept(t *testing.T) {
	// Mostly horizontal text, with one word running up the page: the word
	// is kept as a line of its own.
	doc := extractBytes(t, onePage("BT /F1 10 Tf 100 700 Td (one two) Tj 0 -14 Td (three four) Tj ET BT /F1 10 Tf 0 1 -1 0 50 300 Tm (Sideways) Tj ET"))
	got := pageText(doc.Pages[0])
	for _, w := range []string{"one two", "three four", "Sideways"} {
		if !strings.Contains(got, w) {
			t.Errorf("text %q lacks %q", got, w)
		}
	}
	for _, l := range doc.Pages[0].Lines {
		if l.Text() == "Sideways" && !(l.Bottom-l.Top > l.X1-l.X0) {
			t.Errorf("sideways line box %+v should be tall and narrow", l)
		}
	}
}

func TestRules(t *testing.T) {
	doc := extractBytes(t, onePage(strings.Join([]string{
		"q 2 0 0 2 0 0 cm 10 10 m 110 10 l S Q",    // stroked, scaled by the CTM
		"50 300 200 1 re f",                        // thin filled rectangle: horizontal
		"300 100 0.5 200 re f",                     // vertical
		"10 400 m 50 450 100 450 150 400 c S",      // a curve: no rule
		"q 1 G 10 600 m 200 600 l S Q",             // white: no rule
		"50 50 100 100 re f",                       // a box, not a rule
		"q 0 0 100 100 re W n 0 50 m 500 50 l S Q", // clipped to 0..100
	}, "\n")))
	got := doc.Pages[0].Rules
	wantRules := []Rule{{20, 780, 220, 780}, {50, 499.5, 250, 499.5}, {300.25, 500, 300.25, 700}, {0, 750, 100, 750}}
	if len(got) != len(wantRules) {
		t.Fatalf("rules %+v, want %+v", got, wantRules)
	}
	for i, r := range wantRules {
		g := got[i]
		if !near(g.X0, r.X0) || !near(g.X1, r.X1) || !near(g.Y0, r.Y0) || !near(g.Y1, r.Y1) {
			t.Errorf("rule %d %+v, want %+v", i, g, r)
		}
	}
}

func TestBadPageCostsOnlyThatPage(t *testing.T) {
	d := newPW()
	f := d.helvetica()
	res := fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f)
	bad := d.stream("/Filter /FlateDecode", "this is not zlib data")
	p1 := d.add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents %d 0 R /Resources %s >>", bad, res))
	p2 := d.page("BT /F1 10 Tf 100 700 Td (fine) Tj ET", res, "")
	p3 := d.page(strings.Repeat("0 0 m ", 100)+"BT /F1 10 Tf 100 700 Td (late) Tj ET", res, "")
	doc := Bytes(context.Background(), "bad.pdf", d.bytes(p1, p2, p3), Options{MaxOps: 50})
	if len(doc.Pages) != 3 || doc.Outcome == OutcomeError {
		t.Fatalf("%d pages, outcome %s", len(doc.Pages), doc.Outcome)
	}
	for _, i := range []int{0, 2} {
		if e := doc.Pages[i].Err; e == nil || !strings.Contains(e.Error(), fmt.Sprintf("p%d", i+1)) {
			t.Errorf("page %d error %v, want one naming p%d", i+1, e, i+1)
		}
	}
	if doc.Pages[1].Err != nil || pageText(doc.Pages[1]) != "fine" {
		t.Errorf("page 2: err %v text %q", doc.Pages[1].Err, pageText(doc.Pages[1]))
	}
}

func TestMalformedOperandsTolerated(t *testing.T) {
	// Stray delimiters, operators with missing operands and an unterminated
	// string at the end: the text around them is read, as poppler reads it.
	doc := extractBytes(t, onePage("BT /F1 10 Tf 100 700 Td (before) Tj ET ) ] >> Tf Tj TJ cm re BT /F1 10 Tf 100 680 Td (after) Tj ET (open <4142"))
	if got := pageText(doc.Pages[0]); got != "before\nafter" {
		t.Errorf("text %q", got)
	}
}

func TestAnnotationAppearance(t *testing.T) {
	d := newPW()
	f := d.helvetica()
	ap := d.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /F1 %d 0 R >> >>", f),
		"BT /F1 10 Tf 2 5 Td (Noted) Tj ET")
	hidden := d.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /F1 %d 0 R >> >>", f),
		"BT /F1 10 Tf 2 5 Td (Hidden) Tj ET")
	a1 := d.add(fmt.Sprintf("<< /Type /Annot /Subtype /FreeText /Rect [100 500 300 520] /AP << /N %d 0 R >> >>", ap))
	a2 := d.add(fmt.Sprintf("<< /Type /Annot /Subtype /FreeText /F 2 /Rect [100 400 300 420] /AP << /N %d 0 R >> >>", hidden))
	p := d.page("BT /F1 10 Tf 100 700 Td (Body) Tj ET", fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f), fmt.Sprintf("/Annots [%d 0 R %d 0 R]", a1, a2))
	doc := extractBytes(t, d.bytes(p))
	pg := doc.Pages[0]
	if got := pageText(pg); got != "Body\nNoted" {
		t.Errorf("text %q, want the body and the visible annotation", got)
	}
	if gs := glyphsOf(pg); !near(gs[4].X0, 102) || !near(gs[4].Base, 295) {
		t.Errorf("annotation text at %.2f,%.2f, want 102,295", gs[4].X0, gs[4].Base)
	}
}

func TestNoTextGivesNone(t *testing.T) {
	doc := extractBytes(t, onePage("0 0 m 100 100 l S"))
	if doc.Outcome != OutcomeNoText || len(doc.Pages[0].Lines) != 0 {
		t.Errorf("outcome %s, %d lines; want no_text and none", doc.Outcome, len(doc.Pages[0].Lines))
	}
}

func TestHyphenatedLinesJoined(t *testing.T) {
	doc := extractBytes(t, onePage("BT /F1 10 Tf 12 TL 100 700 Td (a hyphen-) Tj T* (ated word) Tj T* T* T* (not-) Tj 200 -40 Td (joined) Tj ET"))
	var b strings.Builder
	if err := WritePages(&b, doc); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "a hyphenated word\nnot-\njoined\n\f"; got != want {
		t.Errorf("pages output %q, want %q", got, want)
	}
}

func TestGateKeepsFontsValidationWouldDrop(t *testing.T) {
	// pdfcpu's relaxed validation deletes a Type0 font whose descendant has
	// no FontDescriptor; the gate writes its clean copy first.
	d := newPW()
	cid := d.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>")
	f := d.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", cid, d.stream("", cmapSource)))
	p := d.page("BT /F2 10 Tf 100 700 Td <0001> Tj ET", fmt.Sprintf("<< /Font << /F2 %d 0 R >> >>", f), "")
	doc := extractBytes(t, d.bytes(p))
	if got := pageText(doc.Pages[0]); got != "H" {
		t.Errorf("text %q, want %q", got, "H")
	}
	if doc.Meta.Version != "1.7" || doc.Meta.Pages != 1 {
		t.Errorf("meta %+v", doc.Meta)
	}
}

// Lines of two cells side by side stay with their own cell, and a hyphen at
// the end of a cell's line joins that cell's next line, not the line of the
// cell beside it (as when TeX hyphenates in every column).
func TestPagesKeepCellsApart(t *testing.T) {
	doc := extractBytes(t, onePage("BT /F1 10 Tf 100 700 Td (alpha beta gam-) Tj 200 0 Td (one two) Tj -200 -12 Td (ma delta) Tj 200 0 Td (three) Tj ET"))
	var b strings.Builder
	if err := WritePages(&b, doc); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "alpha beta gamma delta\none two\nthree\n\f"; got != want {
		t.Errorf("pages output %q, want %q", got, want)
	}
}

// A justified line in a narrow ruled cell stretches its spaces wider than
// an em, in the same place on the lines above and below; where the table
// draws its column rule across the lines, only the gap the rule runs
// through parts two cells, so the cell's lines stay whole (pdflatex).
func TestPagesJustifiedCellsKeepLines(t *testing.T) {
	content := "0 0 0 rg 190 640 0.4 100 re f " +
		"BT /F1 10 Tf 100 700 Td (alpha) Tj 60 0 Td (beta) Tj 40 0 Td (one) Tj " +
		"-100 -12 Td (gamma) Tj 60 0 Td (delta) Tj 40 0 Td (three) Tj " +
		"-100 -12 Td (kappa) Tj 60 0 Td (omega) Tj 40 0 Td (four) Tj ET"
	doc := extractBytes(t, onePage(content))
	var b strings.Builder
	if err := WritePages(&b, doc); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "alpha beta\ngamma delta\nkappa omega\none\nthree\nfour\n\f"; got != want {
		t.Errorf("pages output %q, want %q", got, want)
	}
}
