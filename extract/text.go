package extract

import (
	"bufio"
	"io"
)

// WritePages writes each page's text as our interpreter reads it: lines in
// reading order, top to bottom, furniture included where it stands, and a
// form feed after each page, like pdftotext.
func WritePages(w io.Writer, d *Document) error {
	bw := bufio.NewWriter(w)
	for _, p := range d.Pages {
		lines := append(append([]Line(nil), p.Lines...), p.Furniture...)
		sortLines(lines)
		for _, l := range lines {
			bw.WriteString(l.Text())
			bw.WriteByte('\n')
		}
		bw.WriteByte('\f')
	}
	return bw.Flush()
}
