package extract

import (
	"regexp"
	"strings"
)

// Rows that are not actions at the ends of a table. Key rows: a plan may
// print its status key as a row straight under (or
// over) its action rows ("Key: G = complete, A = on track, R = off
// track"). Such a row explains the codes; it is not an action. The key's
// text stays on the page, where normalize reads it as the plan's key.

var (
	keyPair  = regexp.MustCompile(`(?:^|[\s,;:(/])([A-Z]{1,4}|(?i:red|amber|green|blue|yellow))\s*[=–—]\s*\S`)
	keyLabel = regexp.MustCompile(`(?i)^\s*((status|rag|colour|progress)\s+)?(key|legend)\s*[:\-–]`)
)

// isKeyRow: the row's text, all cells together, reads as a key. A
// numbered row is an action, whatever it defines.
func isKeyRow(r Row) bool {
	return r.Number == "" && keyText(strings.Join(r.Cells, " "))
}

// keyText: a "Key:" or "Legend:" label with a code explained, or two
// codes explained or more.
func keyText(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" || len(strings.Fields(text)) > 40 {
		return false
	}
	pairs := len(keyPair.FindAllStringIndex(text, -1))
	return pairs >= 2 || pairs >= 1 && keyLabel.MatchString(text)
}

// guidanceRow: the first row of a numbered table that has no number and
// holds only short labels, no digits, in two cells or more ("Full wording
// of the recommendation", "Named role and organisation"): template
// guidance under the header, printed once, that reads like no question
// or choice (instruction.go reads those).
func guidanceRow(t *Table) bool {
	if len(t.Rows) < 3 || t.Rows[0].Number != "" {
		return false
	}
	numbered := 0
	for _, r := range t.Rows[1:] {
		if r.Number != "" {
			numbered++
		}
	}
	if 5*numbered < 4*(len(t.Rows)-1) {
		return false
	}
	cells := 0
	for _, c := range t.Rows[0].Cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if len(strings.Fields(c)) > 6 || strings.ContainsAny(c, "0123456789") {
			return false
		}
		cells++
	}
	return cells >= 2
}

// dropKeyRows removes key rows from the ends of a table's rows, and a
// guidance row at its top.
func dropKeyRows(t *Table) {
	if guidanceRow(t) {
		t.Rows = t.Rows[1:]
	}
	for len(t.Rows) > 0 && isKeyRow(t.Rows[len(t.Rows)-1]) {
		t.Rows = t.Rows[:len(t.Rows)-1]
	}
	for len(t.Rows) > 0 && isKeyRow(t.Rows[0]) {
		t.Rows = t.Rows[1:]
	}
	// A key printed across the table over the rows is no theme of theirs.
	for i := range t.Rows {
		if keyText(t.Rows[i].Theme) {
			t.Rows[i].Theme = ""
		}
	}
}
