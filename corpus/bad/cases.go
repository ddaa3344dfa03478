package bad

import (
	"bytes"
	"compress/lzw"
	"compress/zlib"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Case is one hostile file and what the extractor must make of it.
type Case struct {
	Name  string // file name
	About string // what is hostile about it
	Make  func() []byte
	Want  Want
}

// Want is the expected end of a case.
type Want struct {
	Outcome string // ok, no_plan, no_text or error
	Rows    int    // action rows loaded; -1: any number
	Message string // words the error, or the note on what was not read, must hold ("" none)
	Partial bool   // read only in part: a cap was hit
}

// BombMiB is how far the bombs inflate: 4 GiB, from a few megabytes.
const BombMiB = 4096

// Cases lists every hostile case.
func Cases() []Case {
	return []Case{
		{"bomb_page.pdf", "one page whose content inflates to 4 GiB of spaces after a plan",
			func() []byte { return bombPages(1) }, Want{"ok", PlanRows, "decoded", true}},
		{"bomb_shared.pdf", "ten pages sharing one content stream that inflates to 4 GiB",
			func() []byte { return bombPages(10) }, Want{"ok", -1, "decoded", true}},
		{"bomb_forms.pdf", "a Form XObject inflating to 4 GiB that draws itself, nested to the depth limit",
			bombForms, Want{"ok", PlanRows, "decoded", true}},
		{"bomb_metadata.pdf", "a catalog whose XMP metadata stream inflates to 4 GiB (pdfcpu decodes metadata whole)",
			bombMetadata, Want{"ok", PlanRows, "metadata", true}},
		{"bomb_lzw.pdf", "a page whose LZW content (a filter the reader leaves to pdfcpu) decodes to 100 MiB",
			bombLZW, Want{"ok", PlanRows, "decoded-size cap", true}},
		{"bomb_xref.pdf", "a cross-reference stream that inflates to 4 GiB (pdfcpu reads it whole, up to 512 MiB)",
			bombXRef, Want{"ok", PlanRows, "cross-reference stream (byte", true}},
		{"short_length.pdf", "a content stream whose /Length stops short of its data",
			shortLength(false), Want{"ok", PlanRows, "", false}},
		{"short_length_flate.pdf", "a compressed content stream whose /Length stops short of its data",
			shortLength(true), Want{"ok", PlanRows, "", false}},
		{"kids_loop.pdf", "a page tree whose /Kids lead back to the root",
			kidsLoop, Want{"ok", PlanRows, "", false}},
		{"deep_array.pdf", "a page dictionary holding an array nested 100,000 deep",
			deepArray, Want{"ok", PlanRows, "", false}},
		{"broken_font.pdf", "a TrueType font whose embedded program is garbage",
			brokenFont, Want{"ok", PlanRows, "", false}},
		{"broken_content.pdf", "a page whose only content stream cannot be inflated",
			brokenContent, Want{"error", 0, "content cannot be decoded", false}},
		{"no_pages.pdf", "a catalog without a page tree",
			noPages, Want{"error", 0, "no page tree", false}},
		{"truncated_head.pdf", "a plan cut off a third of the way in",
			truncated(0.35), Want{"error", 0, "truncated: the file stops at byte", false}},
		{"truncated_tail.pdf", "a plan cut off near its end, in the cross-reference table: read, and said to be cut",
			truncated(0.97), Want{"ok", PlanRows, "truncated: the file stops at byte", true}},
		{"page_cap.pdf", "3,000 pages: over the page cap of 2,000, a plan on page 1",
			longDocument(3000), Want{"ok", PlanRows, "page cap", true}},
	}
}

// Write makes every case in dir.
func Write(dir string) error {
	for _, c := range Cases() {
		if err := os.WriteFile(filepath.Join(dir, c.Name), c.Make(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// WriteBombs makes n distinct copies of each bomb in dir (ingest extracts
// identical bytes once, so each copy ends with its own comment after
// %%EOF): a batch that keeps every worker on a bomb at once.
func WriteBombs(dir string, n int) error {
	for _, c := range Cases() {
		if !strings.HasPrefix(c.Name, "bomb") {
			continue
		}
		data := c.Make()
		for i := 1; i <= n; i++ {
			b := append(append([]byte(nil), data...), fmt.Sprintf("%% copy %d\n", i)...)
			name := fmt.Sprintf("%s_%02d.pdf", strings.TrimSuffix(c.Name, ".pdf"), i)
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// Good returns a plain, valid one-page plan titled title.
func Good(title string) []byte {
	f := newFile()
	c := f.stream("", planContent(title))
	f.pages(f.page(2, c, helvetica, ""))
	return f.bytes()
}

func bombPages(n int) []byte {
	f := newFile()
	c := f.stream("/Filter /FlateDecode", bomb(planContent("Domestic Homicide Review (BOMB) Action Plan"), BombMiB))
	kids := make([]int, n)
	for i := range kids {
		kids[i] = f.page(2, c, helvetica, "")
	}
	f.pages(kids...)
	return f.bytes()
}

func bombMetadata() []byte {
	f := newFile()
	m := f.stream("/Type /Metadata /Subtype /XML /Filter /FlateDecode", bomb([]byte("<?xpacket begin=''?>"), BombMiB))
	f.set(1, fmt.Sprintf("<< /Type /Catalog /Pages 2 0 R /Metadata %d 0 R >>", m))
	c := f.stream("", planContent("Domestic Homicide Review (XMP) Action Plan"))
	f.pages(f.page(2, c, helvetica, ""))
	return f.bytes()
}

// bombLZW is a plan followed by 100 MiB of spaces, LZW-encoded (Go's
// encoder changes code width late: /EarlyChange 0). LZW cannot go much
// past a thousand to one, so the bomb stays at 100 MiB (78 KB).
func bombLZW() []byte {
	var b bytes.Buffer
	w := lzw.NewWriter(&b, lzw.MSB, 8)
	w.Write(planContent("Domestic Homicide Review (LZW) Action Plan"))
	spaces := bytes.Repeat([]byte{' '}, 1<<20)
	for range 100 {
		w.Write(spaces)
	}
	w.Close()
	f := newFile()
	c := f.stream("/Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>", b.Bytes())
	f.pages(f.page(2, c, helvetica, ""))
	return f.bytes()
}

// bombXRef is a plan whose cross-reference is a stream (PDF 1.5) that
// inflates to its entries followed by 4 GiB of zero bytes.
func bombXRef() []byte {
	f := newFile()
	c := f.stream("", planContent("Domestic Homicide Review (XREF) Action Plan"))
	f.pages(f.page(2, c, helvetica, ""))
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(f.objs))
	for i, o := range f.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	x := b.Len()
	n := len(f.objs) + 2 // the xref stream is the last object
	var entries bytes.Buffer
	entries.Write([]byte{0, 0, 0, 0, 0xff, 0xff})
	for _, o := range append(offs, x) {
		entries.Write([]byte{1, byte(o >> 24), byte(o >> 16), byte(o >> 8), byte(o), 0})
	}
	data := bombOf(entries.Bytes(), 0, BombMiB)
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 1] /Root 1 0 R /Filter /FlateDecode /Length %d >>\nstream\n", n-1, n, len(data))
	b.Write(data)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", x)
	return b.Bytes()
}

func bombForms() []byte {
	f := newFile()
	// Object 3 is the form; it draws itself until the depth limit stops it.
	x := f.add("")
	f.objs[x-1] = streamObj(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 842 595] /Resources << /XObject << /X1 %d 0 R >> >> /Filter /FlateDecode", x),
		0, nil)
	data := bomb([]byte("q /X1 Do Q\n"), BombMiB)
	f.objs[x-1] = streamObj(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 842 595] /Resources << /XObject << /X1 %d 0 R >> >> /Filter /FlateDecode", x),
		len(data), data)
	c := f.stream("", append(planContent("Safeguarding Adults Review (FORMS) Action Plan"), "\n/X1 Do\n"...))
	res := fmt.Sprintf("<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> /XObject << /X1 %d 0 R >> >>", x)
	f.pages(f.page(2, c, res, ""))
	return f.bytes()
}

func shortLength(compressed bool) func() []byte {
	return func() []byte {
		f := newFile()
		data := planContent("Domestic Homicide Review (SHORT) Action Plan")
		dict := ""
		if compressed {
			var b bytes.Buffer
			w := zlib.NewWriter(&b)
			w.Write(data)
			w.Close()
			data, dict = b.Bytes(), "/Filter /FlateDecode"
		}
		c := f.addBytes(streamObj(dict, len(data)/3, data))
		f.pages(f.page(2, c, helvetica, ""))
		return f.bytes()
	}
}

func kidsLoop() []byte {
	f := newFile()
	c1 := f.stream("", planContent("Domestic Homicide Review (LOOP) Action Plan"))
	c2 := f.stream("", []byte("BT /F1 11 Tf 40 540 Td (Second page of the looping tree) Tj ET"))
	mid := f.add("") // an intermediate node whose kids include the root
	p1 := f.page(mid, c1, helvetica, "")
	p2 := f.page(2, c2, helvetica, "")
	f.set(mid, fmt.Sprintf("<< /Type /Pages /Parent 2 0 R /Kids [%d 0 R 2 0 R %d 0 R] /Count 2 >>", p1, mid))
	f.set(2, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R 2 0 R] /Count 2 >>", mid, p2))
	return f.bytes()
}

func deepArray() []byte {
	f := newFile()
	c := f.stream("", planContent("Child Safeguarding Practice Review (DEEP) Action Plan"))
	const depth = 100_000
	junk := strings.Repeat("[", depth) + strings.Repeat("]", depth)
	f.pages(f.page(2, c, helvetica, "/Junk "+junk))
	return f.bytes()
}

func brokenFont() []byte {
	f := newFile()
	c := f.stream("", planContent("Domestic Homicide Review (FONT) Action Plan"))
	prog := f.stream("/Filter /FlateDecode /Length1 5000", []byte("this is not a compressed TrueType program at all"))
	desc := f.add(fmt.Sprintf("<< /Type /FontDescriptor /FontName /ABCDEF+Arial /Flags 32 /FontBBox [0 -200 1000 900] "+
		"/ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 /FontFile2 %d 0 R >>", prog))
	font := f.add(fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Arial /Encoding /WinAnsiEncoding /FontDescriptor %d 0 R >>", desc))
	f.pages(f.page(2, c, fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", font), ""))
	return f.bytes()
}

func brokenContent() []byte {
	f := newFile()
	c := f.stream("/Filter /FlateDecode", []byte("these bytes are not compressed with zlib at all, nothing to read"))
	f.pages(f.page(2, c, helvetica, ""))
	return f.bytes()
}

func noPages() []byte {
	f := newFile()
	f.set(1, "<< /Type /Catalog >>")
	f.set(2, "<< /Producer (no page tree) >>")
	c := f.stream("", planContent("Orphan page"))
	f.page(2, c, helvetica, "")
	return f.bytes()
}

func truncated(at float64) func() []byte {
	return func() []byte {
		b := Good("Domestic Homicide Review (CUT) Action Plan")
		return b[:int(float64(len(b))*at)]
	}
}

func longDocument(n int) func() []byte {
	return func() []byte {
		f := newFile()
		kids := []int{f.page(2, f.stream("", planContent("Mental Health Homicide Review (LONG) Action Plan")), helvetica, "")}
		for i := 2; i <= n; i++ {
			c := f.stream("", []byte(fmt.Sprintf("BT /F1 11 Tf 40 540 Td (Appendix page %d) Tj ET", i)))
			kids = append(kids, f.page(2, c, helvetica, ""))
		}
		f.pages(kids...)
		return f.bytes()
	}
}
