package extract

import (
	"testing"
)

func line(text string, top float64) Line {
	return Line{Words: []Word{{Text: text, X0: 50, X1: 200, Top: top, Bottom: top + 10, Size: 10}}, X0: 50, X1: 200, Top: top, Bottom: top + 10}
}

// TestOutsideTextFlag: text in no cell on a page a plan runs through from
// top to bottom is flagged; its first and last pages may hold prose.
func TestOutsideTextFlag(t *testing.T) {
	doc := &Document{Pages: []Page{
		{Number: 1, Lines: []Line{line("Introduction", 20), line("row", 300)}},
		{Number: 2, Lines: []Line{line("row goes on", 100), line("A stray paragraph", 700)}},
		{Number: 3, Lines: []Line{line("last row", 100), line("Closing prose", 500)}},
	}}
	doc.Tables = []Table{{IsPlan: true, PageFirst: 1, PageLast: 3, Columns: []string{"No", "Action", "Lead"},
		extent: []pageSpan{{page: 0, top: 250, bot: 800}, {page: 1, top: 0, bot: 600}, {page: 2, top: 0, bot: 200}}}}
	flagDocument(doc)
	if len(doc.Flags) != 1 || doc.Flags[0].Code != FlagOutsideText || doc.Flags[0].Page != 2 || doc.Flags[0].Table != 1 {
		t.Errorf("flags %+v, want one text_outside_table on page 2", doc.Flags)
	}
}

// TestColumnChangeFlag: a plan that stops at a page foot and one that starts
// at the next page with some of its labels but another number of columns.
func TestColumnChangeFlag(t *testing.T) {
	doc := &Document{Tables: []Table{
		{IsPlan: true, PageFirst: 1, PageLast: 2, Columns: []string{"No", "Recommendation", "Action", "Lead", "Status"}},
		{IsPlan: true, PageFirst: 3, PageLast: 3, Columns: []string{"No", "Recommendation", "Action", "Lead and status"}},
		{IsPlan: true, PageFirst: 4, PageLast: 4, Columns: []string{"Date", "Event", "Agency"}},
	}}
	flagDocument(doc)
	if len(doc.Flags) != 1 || doc.Flags[0].Code != FlagColumnsChange || doc.Flags[0].Page != 3 {
		t.Errorf("flags %+v, want one column_count_changes on page 3", doc.Flags)
	}
}
