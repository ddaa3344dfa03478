package extract

import (
	"bufio"
	"io"
	"strings"
)

// WritePages writes each page's text as our interpreter reads it: lines in
// reading order, top to bottom, furniture included where it stands, and a
// form feed after each page, like pdftotext. Like pdftotext, a line ending in
// a hyphen is joined to the line below it, without the hyphen.
func WritePages(w io.Writer, d *Document) error {
	bw := bufio.NewWriter(w)
	for _, p := range d.Pages {
		lines := append(append([]Line(nil), p.Lines...), p.Furniture...)
		sortLines(lines)
		for i, l := range lines {
			t := l.Text()
			if i+1 < len(lines) && hyphenated(t) && followsOn(l, lines[i+1]) {
				bw.WriteString(t[:len(t)-1])
				continue
			}
			bw.WriteString(t)
			bw.WriteByte('\n')
		}
		bw.WriteByte('\f')
	}
	return bw.Flush()
}

func hyphenated(t string) bool {
	return len(t) > 1 && strings.HasSuffix(t, "-") && t[len(t)-2] != ' ' && t[len(t)-2] != '-'
}

// followsOn reports whether next is the line that follows l in the same
// paragraph: just below it and overlapping it across the page.
func followsOn(l, next Line) bool {
	h := l.Bottom - l.Top
	if h <= 0 {
		return false
	}
	gap := next.Top - l.Bottom
	return gap > -0.5*h && gap < 1.0*h && next.X0 < l.X1 && next.X1 > l.X0
}
