package extract

import "testing"

func tableOf(cols []string, rows ...[]string) *Table {
	t := &Table{Columns: cols}
	for _, r := range rows {
		t.Rows = append(t.Rows, Row{Cells: r, Number: numberOf(r[0])})
	}
	return t
}

// TestPlanEvidence: what columns hold decides, with the document around
// the table; two header words do not.
func TestPlanEvidence(t *testing.T) {
	recs := tableOf([]string{"No.", "Recommendation", "Addressed to"},
		[]string{"1", "The Board should seek assurance that carers are offered an assessment.", "Adult Services"},
		[]string{"2", "Police should review how welfare checks are graded.", "Police"})
	outbreak := tableOf([]string{"Setting", "Date notified", "Cases", "Actions taken", "Lead", "Current status"},
		[]string{"Care home A", "14/11/2023", "23", "Home closed to admissions; enhanced cleaning.", "Locality team", "Over"},
		[]string{"School B", "28/11/2023", "11", "Letters to parents; antibiotics for cases.", "School nursing", "Over"},
		[]string{"Nursery C", "22/01/2024", "9", "Exclusion advice; deep clean of the rooms.", "Environmental health", "Monitoring"})
	complaints := tableOf([]string{"Ref", "Date received", "Summary", "Action taken", "Officer", "Status"},
		[]string{"C24-031", "04/07/2024", "Missed appointment.", "Apology given; treatment rebooked.", "J. Pennock", "Closed"},
		[]string{"C24-032", "15/07/2024", "Rating disputed.", "Re-inspection by another officer.", "S. Adeyemi", "Closed"})
	actions := tableOf([]string{"Ref", "Action", "Lead agency", "Target date", "Status"},
		[]string{"1.1", "Revise the policy on missed appointments", "ICB", "30/06/2024", "C"},
		[]string{"1.2", "Audit twenty cases of missed appointments", "Trust", "31/12/2024", "IP"})
	for _, c := range []struct {
		name string
		t    *Table
		ctx  docContext
		plan bool
	}{
		{"recommendations, in a review", recs, contextReview, true},
		{"recommendations, table alone", recs, contextNone, true},
		{"recommendations, in a document about something else", recs, contextOther, true},
		{"actions, in a review", actions, contextReview, true},
		{"actions, table alone", actions, contextNone, true},
		{"outbreak report", outbreak, contextOther, false},
		{"outbreak table alone", outbreak, contextNone, false},
		{"complaints register", complaints, contextOther, false},
	} {
		score, against := planEvidence(c.t, c.ctx)
		if (score >= planThreshold) != c.plan {
			t.Errorf("%s: score %d (against: %v), want plan %v", c.name, score, against, c.plan)
		}
	}
}

// TestKeyRow: a key under the table is not an action; a numbered row that
// defines terms is.
func TestKeyRow(t *testing.T) {
	for _, c := range []struct {
		row Row
		key bool
	}{
		{Row{Cells: []string{"Key: G = complete, A = on track, R = off track", "", ""}}, true},
		{Row{Cells: []string{"", "C = Complete; IP = In progress; NYS = Not yet started", ""}}, true},
		{Row{Cells: []string{"Legend: Blue = closed", ""}}, true},
		{Row{Cells: []string{"Key partners to agree the plan", "Police"}}, false},
		{Row{Number: "3", Cells: []string{"3", "Set up a MASH = multi-agency hub; CSP = partnership", "Police"}}, false},
	} {
		if got := isKeyRow(c.row); got != c.key {
			t.Errorf("isKeyRow(%q) = %v, want %v", c.row.Cells, got, c.key)
		}
	}
}
