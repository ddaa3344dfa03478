package extract

import (
	"regexp"
	"strings"
)

// Row numbers: the number printed at the start of a row ("3", "2.1",
// "R4", "Recommendation 5").

var rowNumber = regexp.MustCompile(`^(?:(?i:recommendation|rec\.?|action)\s*(R?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)\b|(R\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)\b|(\d{1,3}(?:\.\d{1,3}){1,3}[a-z]?)(?:[.:)]|\s|$)|(\d{1,3}[a-z]?)(?:[.:)]|\s+[-–—]\s|$))`)

// numberOf returns the row number printed at the start of s, or "".
func numberOf(s string) string {
	s = strings.TrimSpace(s)
	m := rowNumber.FindStringSubmatch(s)
	for _, g := range m[min(1, len(m)):] {
		if g != "" {
			return g
		}
	}
	return ""
}

func (b *builder) numberOf(g *groupAcc) string {
	return numberOfCells(g.rows[0].cells, b.cols)
}

func numberOfCells(cells [][]cellLine, cols layoutCols) string {
	for c := range cells {
		if len(cells[c]) == 0 {
			if cols.names[c] == "" {
				return ""
			}
			continue
		}
		return numberOf(cells[c][0].text)
	}
	return ""
}
