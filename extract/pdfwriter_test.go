package extract

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
)

// A tiny PDF writer for unit fixtures: objects written in order, a correct
// xref table and trailer. Object 1 is the catalog, 2 the page tree.

type pwDoc struct {
	objs []string // object bodies; object number = index+1
}

func newPW() *pwDoc {
	return &pwDoc{objs: []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}}
}

// add stores an object body and returns its number.
func (d *pwDoc) add(body string) int {
	d.objs = append(d.objs, body)
	return len(d.objs)
}

// stream stores a stream object with the given extra dictionary entries.
func (d *pwDoc) stream(dict, data string) int {
	return d.add(fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data))
}

// page adds a page with its content stream, resources and extra entries
// (for example "/Rotate 90").
func (d *pwDoc) page(content, resources, extra string) int {
	c := d.stream("", content)
	return d.add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents %d 0 R /Resources %s %s >>", c, resources, extra))
}

// bytes writes the file with the given pages in order.
func (d *pwDoc) bytes(pages ...int) []byte {
	kids := make([]string, len(pages))
	for i, p := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", p)
	}
	d.objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))
	return d.raw()
}

// raw writes the file with its objects as they are.
func (d *pwDoc) raw() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(d.objs))
	for i, o := range d.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(d.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(d.objs)+1, x)
	return b.Bytes()
}

// helvetica adds a standard-14 Helvetica font with WinAnsiEncoding.
func (d *pwDoc) helvetica() int {
	return d.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
}

// onePage builds a one-page PDF whose content uses /F1 (Helvetica).
func onePage(content string) []byte {
	d := newPW()
	f := d.helvetica()
	p := d.page(content, fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f), "")
	return d.bytes(p)
}

// extractBytes runs the whole extractor on a fixture.
func extractBytes(t testing.TB, data []byte) *Document {
	t.Helper()
	doc := Bytes(context.Background(), "fixture.pdf", data, Options{KeepGlyphs: true})
	if doc.Outcome == OutcomeError {
		t.Fatalf("extract: %v", doc.Err)
	}
	return doc
}

// pageText is a page's lines joined by newlines.
func pageText(p Page) string {
	var lines []string
	all := append(append([]Line(nil), p.Lines...), p.Furniture...)
	sortLines(all)
	for _, l := range all {
		lines = append(lines, l.Text())
	}
	return strings.Join(lines, "\n")
}

// glyphsOf flattens a page's glyphs in reading order.
func glyphsOf(p Page) []Glyph {
	var out []Glyph
	for _, l := range p.Lines {
		for _, w := range l.Words {
			out = append(out, w.Glyphs...)
		}
	}
	return out
}

func near(a, b float64) bool { return a-b < 0.01 && b-a < 0.01 }
