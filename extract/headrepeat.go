package extract

import (
	"math"
	"strings"
)

// Rows repeated with the header: a plan template may print a row of
// guidance under its header ("What should change?", "Role, not name",
// "G / A / R") as part of the header, so that it repeats on every page.
// Lines printed again, in the same place, under each repeat of the header
// belong to the header, not to the rows: on a later page they would
// otherwise join the row that broke across the page.

// maxRepeatedLines bounds how much of the table may read as repeated with
// its header (a guidance row of a narrow column wraps onto eight lines or
// more).
const maxRepeatedLines = 12

// repeatedUnder counts the lines under header h that are printed again
// under its repeat on the next pages the table reaches; 0 when a repeat
// does not print them.
func repeatedUnder(doc *Document, h header) int {
	p := &doc.Pages[h.page]
	best := -1
	for pi := h.page + 1; pi < len(doc.Pages) && pi <= h.page+3; pi++ {
		q := &doc.Pages[pi]
		rh, ok := findHeader(q, pi, 0)
		if !ok || rh.first > 1 || !sameHeader(rh, h) {
			break
		}
		k := sameLinesUnder(p, h, q, rh)
		if k == 0 {
			return 0
		}
		if best < 0 || k < best {
			best = k
		}
	}
	return max(best, 0)
}

// sameLinesUnder counts the lines under header a on page p that page q
// prints again, with the same text and at the same distance, under its
// header b.
func sameLinesUnder(p *Page, a header, q *Page, b header) int {
	la, lb := p.Lines[a.last+1:], q.Lines[b.last+1:]
	n := 0
	for n < len(la) && n < len(lb) && n < maxRepeatedLines {
		x, y := la[n], lb[n]
		if collapse(x.Text()) != collapse(y.Text()) || math.Abs((x.Top-a.bot)-(y.Top-b.bot)) > 2 {
			break
		}
		n++
	}
	if n == len(la) {
		return 0 // the whole rest of the page: not a header row
	}
	return rowEnd(q, lb, n)
}

// rowEnd shortens a run of n repeated lines to the last rule under them
// where the table draws rules between its rows: a repeated row ends where
// a row does, not inside a cell that happens to begin alike.
func rowEnd(q *Page, lines []Line, n int) int {
	ruled := false
	for i := 0; i+1 < len(lines) && i <= n; i++ {
		if ruleBelow(q.Rules, lines[i], lines[i+1]) {
			ruled = true
			break
		}
	}
	if !ruled || n >= len(lines) {
		return n
	}
	for k := n; k > 0; k-- {
		if ruleBelow(q.Rules, lines[k-1], lines[k]) {
			return k
		}
	}
	return 0
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
