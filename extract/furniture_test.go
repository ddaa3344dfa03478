package extract

import "testing"

func wordsLine(y float64, parts ...any) Line {
	var ws []Word
	for i := 0; i+1 < len(parts); i += 2 {
		x := parts[i].(float64)
		for _, t := range splitSpaces(parts[i+1].(string)) {
			w := float64(len(t)) * 5
			ws = append(ws, Word{Text: t, X0: x, X1: x + w, Top: y, Bottom: y + 10, Size: 10})
			x += w + 3
		}
	}
	return subLine(Line{Words: ws}, 0, len(ws))
}

func splitSpaces(s string) []string {
	var out []string
	cur := ""
	for _, r := range s {
		if r == ' ' {
			if cur != "" {
				out = append(out, cur)
			}
			cur = ""
			continue
		}
		cur += string(r)
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// A running footer printed on the same baseline as a cell's text that runs
// over it (a table overflowing the page) is set apart; the cell's words stay.
func TestFooterOnTheLineOfACell(t *testing.T) {
	var pages []Page
	for n := 1; n <= 3; n++ {
		p := Page{Number: n, Width: 595, Height: 842}
		p.Lines = append(p.Lines, wordsLine(300, 60.0, "Some body text"))
		if n == 2 {
			p.Lines = append(p.Lines, wordsLine(800, 260.0, "Page 2 of 3", 420.0, "referred in the"))
		} else {
			p.Lines = append(p.Lines, wordsLine(800, 260.0, "Page "+string(rune('0'+n))+" of 3"))
		}
		pages = append(pages, p)
	}
	markFurniture(pages)
	p := pages[1]
	if len(p.Furniture) != 1 || p.Furniture[0].Text() != "Page 2 of 3" {
		t.Fatalf("furniture %v, want the footer alone", p.Furniture)
	}
	if got := p.Lines[len(p.Lines)-1].Text(); got != "referred in the" {
		t.Errorf("the cell's words read %q", got)
	}
}
