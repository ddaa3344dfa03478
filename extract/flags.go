package extract

import (
	"fmt"
	"strings"
)

// Quality flags: what the extractor is unsure of in a document, for an
// analyst to filter on and a researcher to check in `inspect --svg`. A
// clean document has none. Flags that need the meaning of the columns
// (empty recommendations, number sequences) are raised by normalize.

// Flag is one doubt about a document: a code, the page and table it
// concerns (0 when none) and a readable detail.
type Flag struct {
	Code   string `json:"code"`
	Page   int    `json:"page,omitempty"`  // 1-based
	Table  int    `json:"table,omitempty"` // 1-based position among the document's tables
	Detail string `json:"detail"`
}

// Flag codes.
const (
	FlagNotPlan       = "not_a_plan"           // a table with a plan's header was not taken for a plan
	FlagOutsideText   = "text_outside_table"   // text on a page the plan runs through lies in no cell
	FlagColumnsChange = "column_count_changes" // a plan goes on over a page with another number of columns
	FlagPartialPlan   = "plan_in_part"         // a plan found in only part of the document
	FlagUnmapped      = "unmapped_column"      // a plan column that maps to no field
	FlagEmptyRec      = "empty_recommendation" // rows with no recommendation
	FlagEmptyAction   = "empty_action"         // rows with an action column but no action
	FlagNumberGap     = "number_sequence_gap"  // row numbers skip (1, 2, 4)
	FlagNumberRepeat  = "number_repeated"      // a row number printed twice for different rows
	FlagUnreadStatus  = "status_unread"        // a status cell that gives no status
)

// flagDocument raises the extractor's flags.
func flagDocument(doc *Document) {
	for i := range doc.Tables {
		t := &doc.Tables[i]
		if t.NotPlan != "" {
			doc.Flags = append(doc.Flags, Flag{Code: FlagNotPlan, Page: t.PageFirst, Table: i + 1, Detail: t.NotPlan})
		}
		if t.IsPlan {
			doc.Flags = append(doc.Flags, outsideText(doc, i)...)
		}
	}
	doc.Flags = append(doc.Flags, columnChanges(doc)...)
}

// outsideText flags the pages that plan table ti runs through from top to
// bottom (neither its first page nor its last) whose text lies partly in no
// table: rows lost between pages, or a table not seen.
func outsideText(doc *Document, ti int) []Flag {
	t := &doc.Tables[ti]
	var out []Flag
	for pg := t.PageFirst + 1; pg < t.PageLast; pg++ {
		p := &doc.Pages[pg-1]
		n := 0
		var sample string
		for _, l := range p.Lines {
			if !inAnyTable(doc.Tables, pg-1, l) {
				if n == 0 {
					sample = l.Text()
				}
				n++
			}
		}
		if n > 0 {
			out = append(out, Flag{Code: FlagOutsideText, Page: pg, Table: ti + 1,
				Detail: fmt.Sprintf("%d lines in no cell, first %q", n, clipRunes(sample, 60))})
		}
	}
	return out
}

// columnChanges flags a plan that stops at a page's foot and another that
// starts at the next page's top with some of its labels but another
// number of columns: one plan whose columns changed, or were misread, across
// the page.
func columnChanges(doc *Document) []Flag {
	var out []Flag
	for i := 1; i < len(doc.Tables); i++ {
		a, b := &doc.Tables[i-1], &doc.Tables[i]
		if !a.IsPlan || !b.IsPlan || b.PageFirst != a.PageLast+1 || len(a.Columns) == len(b.Columns) {
			continue
		}
		if sharedLabels(a.Columns, b.Columns)*2 < min(len(a.Columns), len(b.Columns)) {
			continue
		}
		out = append(out, Flag{Code: FlagColumnsChange, Page: b.PageFirst, Table: i + 1,
			Detail: fmt.Sprintf("%d columns on page %d, %d on page %d", len(a.Columns), a.PageLast, len(b.Columns), b.PageFirst)})
	}
	return out
}

func sharedLabels(a, b []string) int {
	seen := map[string]bool{}
	for _, x := range a {
		seen[strings.ToLower(x)] = true
	}
	n := 0
	for _, y := range b {
		if y != "" && seen[strings.ToLower(y)] {
			n++
		}
	}
	return n
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
