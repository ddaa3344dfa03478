package extract

import (
	"fmt"
	"testing"
)

// TestActualText: the glyphs inside a /Span with /ActualText read as that
// text (LibreOffice draws characters it cannot map in a fallback font
// under one), nested or not; a span across two lines keeps its glyphs.
func TestActualText(t *testing.T) {
	d := newPW()
	f := d.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	content := "BT /F1 10 Tf 100 700 Td (Ma) Tj /Span <</Lang (en) /ActualText <FEFF0079>>> BDC (M) Tj EMC " +
		"( ) Tj /P <</MCID 3>> BDC /Span <</ActualText (20)>> BDC (MM) Tj EMC EMC ET " +
		"BT /F1 10 Tf 100 600 Td /Span <</ActualText (x)>> BDC (A) Tj 0 -20 Td (B) Tj EMC ET"
	p := d.page(content, fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f), "")
	doc := extractBytes(t, d.bytes(p))
	pg := doc.Pages[0]
	if len(pg.Lines) != 3 {
		t.Fatalf("%d lines, want 3: %q", len(pg.Lines), pageText(pg))
	}
	if got := pg.Lines[0].Text(); got != "May 20" {
		t.Errorf("line 1 %q, want %q", got, "May 20")
	}
	if got := pg.Lines[1].Text() + "|" + pg.Lines[2].Text(); got != "A|B" {
		t.Errorf("a span across two lines: %q, want A|B", got)
	}
}

// TestSymbolBullets: Symbol and Wingdings bullets read as a plain bullet;
// other private-use characters and ordinary text are kept.
func TestSymbolBullets(t *testing.T) {
	for in, want := range map[string]string{
		"\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "•", "\uf0fc": "•",
		"\uf041": "\uf041", "a": "a", "\uf0b7x": "\uf0b7x", "": "",
	} {
		if got := plainBullet(in); got != want {
			t.Errorf("plainBullet(%q) = %q, want %q", in, got, want)
		}
	}
}
