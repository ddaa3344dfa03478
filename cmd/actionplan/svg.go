package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/actionplan/actionplan/extract"
)

// writeSVGs draws each page of doc from the glyph positions, with no
// renderer needed: the text, the ruling lines, the furniture, each table's
// column bounds and each rebuilt row's cells coloured by row, with the
// pieces of a row that crosses pages marked on both sides, and the
// document's quality flags on the pages they concern (every page for a
// flag on the whole document).
func writeSVGs(dir string, doc *extract.Document, flags []extract.Flag) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	base := strings.TrimSuffix(doc.File, filepath.Ext(doc.File))
	for _, p := range doc.Pages {
		name := filepath.Join(dir, fmt.Sprintf("%s-p%03d.svg", base, p.Number))
		if err := writeSVGFile(name, doc, p, flags); err != nil {
			return err
		}
	}
	return nil
}

func writeSVGFile(name string, doc *extract.Document, p extract.Page, flags []extract.Flag) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	drawPage(w, doc, p, flags)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func drawPage(w *bufio.Writer, doc *extract.Document, p extract.Page, flags []extract.Flag) {
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.2f %.2f" font-family="%s">`+"\n",
		p.Width, p.Height, p.Width, p.Height, svgFonts)
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	for _, t := range doc.Tables {
		if p.Number >= t.PageFirst && p.Number <= t.PageLast {
			drawTable(w, t, p)
		}
	}
	for _, r := range p.Rules {
		fmt.Fprintf(w, `<line x1="%.2f" y1="%.2f" x2="%.2f" y2="%.2f" stroke="#333" stroke-width="0.6"/>`+"\n", r.X0, r.Y0, r.X1, r.Y1)
	}
	for _, l := range p.Lines {
		drawLine(w, l, "#000")
	}
	for _, l := range p.Furniture {
		fmt.Fprintf(w, `<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" fill="none" stroke="#999" stroke-dasharray="2,2"><title>furniture</title></rect>`+"\n",
			l.X0-1, l.Top-1, l.X1-l.X0+2, l.Bottom-l.Top+2)
		drawLine(w, l, "#999")
	}
	drawFlags(w, doc, p, flags)
	fmt.Fprintf(w, `<text x="4" y="%.2f" font-size="7" fill="#c00">%s p%d</text>`+"\n", p.Height-4, xmlEscape(doc.File), p.Number)
	w.WriteString("</svg>\n")
}

func drawLine(w *bufio.Writer, l extract.Line, colour string) {
	for _, wd := range l.Words {
		drawWord(w, wd, colour)
	}
}

func drawTable(w *bufio.Writer, t extract.Table, p extract.Page) {
	top, bot := math.Inf(1), math.Inf(-1)
	for i, r := range t.Rows {
		hue := (i * 47) % 360
		for _, b := range r.Boxes {
			if b.Page != p.Number {
				continue
			}
			top, bot = math.Min(top, b.Top), math.Max(bot, b.Bottom)
			fmt.Fprintf(w, `<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" fill="hsl(%d,80%%,60%%)" fill-opacity="0.25" stroke="hsl(%d,80%%,40%%)" stroke-width="0.5"><title>row %d, %s</title></rect>`+"\n",
				b.X0-1, b.Top-1, b.X1-b.X0+2, b.Bottom-b.Top+2, hue, hue, r.Seq, xmlEscape(colName(t, b.Col)))
		}
		drawRowLinks(w, r, p, hue)
	}
	if math.IsInf(top, 1) {
		return
	}
	for _, x := range t.Bounds {
		fmt.Fprintf(w, `<line x1="%.2f" y1="%.2f" x2="%.2f" y2="%.2f" stroke="#06c" stroke-width="0.8" stroke-dasharray="4,3"/>`+"\n", x, top-8, x, bot+4)
	}
	for c := range t.Columns {
		if c+1 < len(t.Bounds) {
			fmt.Fprintf(w, `<text x="%.2f" y="%.2f" font-size="5" fill="#06c">%s</text>`+"\n", t.Bounds[c]+1, top-3, xmlEscape(colName(t, c)))
		}
	}
}

// drawRowLinks labels a row's first piece on the page, and says where a row
// that crosses pages came from and goes to.
func drawRowLinks(w *bufio.Writer, r extract.Row, p extract.Page, hue int) {
	first := true
	for _, b := range r.Boxes {
		if b.Page != p.Number || !first {
			continue
		}
		first = false
		label := fmt.Sprintf("r%d", r.Seq)
		if r.Number != "" {
			label += " #" + r.Number
		}
		if r.PageFirst < p.Number {
			label = fmt.Sprintf("↳ %s continued from p%d", label, p.Number-1)
		}
		if r.PageLast > p.Number {
			label += fmt.Sprintf(" ↓ continues on p%d", p.Number+1)
		}
		fmt.Fprintf(w, `<text x="%.2f" y="%.2f" font-size="5" fill="hsl(%d,80%%,30%%)">%s</text>`+"\n", b.X0, b.Top-1.5, hue, xmlEscape(label))
	}
}

// drawFlags lists the flags that concern the page in its top margin, in
// red, and outlines on the page each table a flag names.
func drawFlags(w *bufio.Writer, doc *extract.Document, p extract.Page, flags []extract.Flag) {
	y := 9.0
	for _, f := range flags {
		if f.Page != 0 && f.Page != p.Number {
			continue
		}
		label := "⚑ " + f.Code
		if f.Table > 0 {
			label += fmt.Sprintf(" (table %d)", f.Table)
		}
		if f.Detail != "" {
			label += ": " + f.Detail
		}
		fmt.Fprintf(w, `<text x="4" y="%.2f" font-size="6.5" fill="#c00"><title>quality flag</title>%s</text>`+"\n", y, xmlEscape(label))
		y += 8
		if f.Table > 0 && f.Table <= len(doc.Tables) {
			outlineTable(w, doc.Tables[f.Table-1], p)
		}
	}
}

// outlineTable draws a red dashed box round a table's cells on the page.
func outlineTable(w *bufio.Writer, t extract.Table, p extract.Page) {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, r := range t.Rows {
		for _, b := range r.Boxes {
			if b.Page == p.Number {
				x0, y0, x1, y1 = math.Min(x0, b.X0), math.Min(y0, b.Top), math.Max(x1, b.X1), math.Max(y1, b.Bottom)
			}
		}
	}
	if math.IsInf(x0, 1) {
		return
	}
	fmt.Fprintf(w, `<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" fill="none" stroke="#c00" stroke-width="1.2" stroke-dasharray="6,3"><title>flagged table %d</title></rect>`+"\n",
		x0-4, y0-4, x1-x0+8, y1-y0+8, t.Index+1)
}

func colName(t extract.Table, c int) string {
	if c < len(t.Columns) && t.Columns[c] != "" {
		return t.Columns[c]
	}
	return "#"
}

func xmlEscape(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	return r.Replace(s)
}
