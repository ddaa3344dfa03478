package main

import (
	"regexp"
	"strings"
	"unicode"
)

// collapse is the comparison form of a cell value: runs of whitespace
// (paragraph breaks included) become one space, ends trimmed, and
// typographic quotes read as the straight ones the sources were written
// with (pdflatex prints ' as a right quote, and a word processor may too).
func collapse(s string) string {
	return quotes.Replace(strings.Join(strings.Fields(s), " "))
}

var quotes = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`)

// keyOf is the comparison form of a column header: case and all whitespace
// ignored, so that "Target\nDate" and "target date" name one column.
func keyOf(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sameText compares two values after collapsing whitespace.
func sameText(a, b string) bool { return collapse(a) == collapse(b) }

// sameField compares a normalized field with the truth. Fields mark list
// items with "- " whatever glyph the plan printed (the interface's
// convention), where the truth writes the printed "•": a list item counts
// the same under either mark.
func sameField(a, b string) bool { return listMarks(collapse(a)) == listMarks(collapse(b)) }

var listMark = regexp.MustCompile(`(^|\s)[•\-](\s)`)

func listMarks(s string) string { return listMark.ReplaceAllString(s, "$1•$2") }

// sameLoose compares review identity fields: whitespace and case ignored.
func sameLoose(a, b string) bool {
	return strings.EqualFold(collapse(a), collapse(b))
}

// cellIndex maps comparison keys to the record's cell values.
func cellIndex(g Got) map[string]string {
	idx := make(map[string]string, len(g.Cells))
	for k, v := range g.Cells {
		idx[keyOf(k)] = v
	}
	return idx
}

// exactCells counts the expected cells that the record got exactly.
func exactCells(want Record, idx map[string]string) int {
	n := 0
	for h, v := range want.Cells {
		if got, ok := idx[keyOf(h)]; ok && sameText(v, got) {
			n++
		}
	}
	return n
}

// align pairs expected and extracted records in order (a weighted longest
// common subsequence): the pairing keeps document order and maximises the
// number of exact cells, with an equal row number breaking ties. A record
// pairs only when it shares at least something with its partner, so a
// dropped or spurious row does not shift every row after it. The result
// gives, for each expected record, the index of its extracted record or -1.
func align(want []Record, got []Got) []int {
	n, m := len(want), len(got)
	idx := make([]map[string]string, m)
	for j := range got {
		idx[j] = cellIndex(got[j])
	}
	score := func(i, j int) int {
		s := 2 * exactCells(want[i], idx[j])
		if want[i].Number != "" && sameText(want[i].Number, got[j].Number) {
			s++
		}
		return s
	}
	best := make([][]int, n+1)
	for i := range best {
		best[i] = make([]int, m+1)
	}
	pair := make([][]int, n)
	for i := range pair {
		pair[i] = make([]int, m)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := best[i+1][j]
			if best[i][j+1] > v {
				v = best[i][j+1]
			}
			if s := score(i, j); s > 0 {
				pair[i][j] = s
				if s+best[i+1][j+1] > v {
					v = s + best[i+1][j+1]
				}
			}
			best[i][j] = v
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case pair[i][j] > 0 && best[i][j] == pair[i][j]+best[i+1][j+1]:
			out[i] = j
			i++
			j++
		case best[i][j] == best[i+1][j]:
			i++
		default:
			j++
		}
	}
	return out
}
