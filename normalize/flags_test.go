package normalize

import (
	"sort"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// TestTableFlags: a column that maps to no field, rows without an action,
// a status cell that reads as none, and a plan numbered from 3 are
// flagged; a clean plan gives none.
func TestTableFlags(t *testing.T) {
	n, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := &extract.Document{File: "t.pdf", Outcome: extract.OutcomeOK, Pages: []extract.Page{{Number: 1}}}
	doc.Tables = []extract.Table{{IsPlan: true, PageFirst: 1, PageLast: 1,
		Columns: []string{"No", "Recommendation", "Action", "Lead agency", "Status", "Sponsor"},
		Rows: []extract.Row{
			{Seq: 1, Number: "3", Group: 1, PageFirst: 1, PageLast: 1, Cells: []string{"3", "Train staff", "Deliver training", "Police", "Complete", "x"}},
			{Seq: 2, Number: "4", Group: 2, PageFirst: 1, PageLast: 1, Cells: []string{"4", "Audit cases", "", "Police", "Waiting for the board", "y"}},
		}}}
	var codes []string
	for _, f := range n.Document(doc).Flags {
		codes = append(codes, f.Code)
	}
	sort.Strings(codes)
	want := []string{extract.FlagEmptyAction, extract.FlagPartialPlan, extract.FlagUnreadStatus, extract.FlagUnmapped}
	sort.Strings(want)
	if len(codes) != len(want) {
		t.Fatalf("flags %v, want %v", codes, want)
	}
	for i := range want {
		if codes[i] != want[i] {
			t.Errorf("flags %v, want %v", codes, want)
			break
		}
	}
	clean := &extract.Document{File: "c.pdf", Outcome: extract.OutcomeOK, Pages: []extract.Page{{Number: 1}}}
	clean.Tables = []extract.Table{{IsPlan: true, PageFirst: 1, PageLast: 1,
		Columns: []string{"No", "Recommendation", "Action", "Lead agency", "Status"},
		Rows: []extract.Row{
			{Seq: 1, Number: "1", Group: 1, PageFirst: 1, PageLast: 1, Cells: []string{"1", "Train staff", "Deliver training", "Police", "Complete"}},
			{Seq: 2, Number: "2", Group: 2, PageFirst: 1, PageLast: 1, Cells: []string{"2", "Audit cases", "Audit", "Police", "Not started"}},
		}}}
	if fs := n.Document(clean).Flags; len(fs) != 0 {
		t.Errorf("a clean plan flagged: %+v", fs)
	}
}
