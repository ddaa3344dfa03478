package extract

import (
	"strings"
	"testing"
)

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

// TestKeyTheme: a key printed across the table over its rows is dropped
// from the rows' theme; a real theme stays.
func TestKeyTheme(t *testing.T) {
	tb := &Table{Rows: []Row{
		{Number: "1", Theme: "Key: C = complete, O = ongoing", Cells: []string{"1", "a"}},
		{Number: "2", Theme: "Theme 2 - Housing", Cells: []string{"2", "b"}},
	}}
	dropKeyRows(tb)
	if len(tb.Rows) != 2 || tb.Rows[0].Theme != "" || tb.Rows[1].Theme != "Theme 2 - Housing" {
		t.Errorf("rows %+v", tb.Rows)
	}
}

// TestCountColumns: counts speak against a plan; a number column under
// another name, and priorities, do not.
func TestCountColumns(t *testing.T) {
	rows := [][]string{
		{"Theme A", "1", "Review the policy on missed appointments", "ICB", "2"},
		{"Theme A", "2", "Audit twenty cases of missed appointments", "Trust", "1"},
		{"Theme B", "3", "Brief designated leads in every school", "Council", "3"},
	}
	withPriority := tableOf([]string{"Theme", "Rec no", "Action", "Lead", "Priority"}, rows...)
	if _, against := planEvidence(withPriority, contextOther); len(against) != 1 {
		t.Errorf("a numbered plan with priorities: against %v, want only the document", against)
	}
	withCounts := tableOf([]string{"Theme", "Rec no", "Action", "Lead", "Attendees"}, rows...)
	withCounts.Rows[0].Cells[4], withCounts.Rows[1].Cells[4], withCounts.Rows[2].Cells[4] = "41", "9", "23"
	if _, against := planEvidence(withCounts, contextOther); len(against) < 2 {
		t.Errorf("counts not seen: %v", against)
	}
}

// TestLiftBands: an unnumbered row with one cell opening "Recommendation
// N:" becomes the theme of the rows under it, up to the next theme.
func TestLiftBands(t *testing.T) {
	tb := &Table{Rows: []Row{
		{Number: "1", Cells: []string{"Recommendation 1: Share the plan.", "", ""}},
		{Number: "1.1", Cells: []string{"1.1", "Publish it", "CSP"}},
		{Number: "1.2", Cells: []string{"1.2", "Brief staff", "Police"}},
		{Number: "2.1", Theme: "Theme 2", Cells: []string{"2.1", "Audit", "ICB"}},
		{Cells: []string{"", "Recommendation is agreed", ""}},
		{Number: "3", Cells: []string{"Recommendation 3: Not a band: no actions under it", "", ""}},
		{Number: "4", Cells: []string{"4", "Train staff", "Police"}},
	}}
	liftBands(tb)
	var got []string
	for _, r := range tb.Rows {
		got = append(got, r.Number+"|"+r.Theme)
	}
	want := "1.1|Recommendation 1: Share the plan. 1.2|Recommendation 1: Share the plan. 2.1|Theme 2 | 3| 4|"
	if strings.Join(got, " ") != want {
		t.Errorf("rows %q\nwant %q", strings.Join(got, " "), want)
	}
}

// TestActionTakenLog: an incident log in a review document, keyed by
// incident rather than by date, whose "Action taken" column reports what
// was done, is no plan; a response plan whose "Action taken" column sits
// beside recommendations is one.
func TestActionTakenLog(t *testing.T) {
	log := tableOf([]string{"Incident", "Date", "Location", "Action taken", "Current status"},
		[]string{"Disturbance reported by a neighbour", "17/06/2020", "Flat 4, Mill Court", "Officers attended; both parties spoken to separately.", "Closed"},
		[]string{"Concern for welfare", "02/09/2020", "Mill Court", "Welfare check carried out; no answer at the door.", "Closed"},
		[]string{"Report of threats by text", "11/11/2020", "Town centre", "Statement taken and crime recorded.", "Filed"})
	if score, against := planEvidence(log, contextReview); score >= planThreshold {
		t.Errorf("incident log in a review: score %d, against %v", score, against)
	}
	response := tableOf([]string{"No.", "Recommendation", "Action taken", "Lead", "Status"},
		[]string{"1", "Agencies should make sure that interpreters are independent of the family.", "Guidance issued to all partners in October 2023.", "Council", "Complete"},
		[]string{"2", "Police should record the victim's first language on crime reports.", "System change designed; testing planned.", "Police", "Ongoing"})
	if score, against := planEvidence(response, contextReview); score < planThreshold {
		t.Errorf("response plan: score %d, against %v", score, against)
	}
}

// TestOtherDocKind: a title block that names another kind of document
// (minutes, terms of reference, a register or log) speaks against its
// tables, unless it also says it holds an action plan or recommendations.
func TestOtherDocKind(t *testing.T) {
	for _, c := range []struct {
		title []string
		want  string
	}{
		{[]string{"Safer Thornleigh Partnership", "Partnership Board - Minutes", "Thursday 11 September 2025"}, "minutes"},
		{[]string{"Kingsbridge CSP", "Domestic Homicide Review: Samira", "Terms of Reference (agreed 6 February 2024)"}, "terms of reference"},
		{[]string{"Domestic Homicide Review: Samira", "Action Plan", "Minutes of the panel are kept by the chair"}, ""},
		{[]string{"Safeguarding Adults Review: Adult T", "Recommendations to the Board"}, ""},
		{[]string{"Domestic Homicide Review: Anna", "Overview report"}, ""},
		{[]string{"Wexbury City Council - Internal Audit Service", "Adult Safeguarding: Referral Handling", "Final audit report 2025/14"}, "internal audit"},
		{[]string{"Safeguarding Adults Review: Adult T", "Action plan following the audit report"}, ""},
		{[]string{"Harlowmead Safeguarding Adults Board", "Strategic Plan 2025-2028: Business Plan for 2025/26"}, "strategic plan"},
		{[]string{"Safeguarding Adults Board Annual Report 2024/25"}, "annual report"},
		{[]string{"Pennine Ridge Housing", "Tenancy Services: Service Improvement Plan 2025/26"}, "service improvement plan"},
	} {
		doc := &Document{Pages: []Page{{}}}
		for i, s := range c.title {
			doc.Pages[0].Lines = append(doc.Pages[0].Lines, line(s, float64(50+20*i)))
		}
		if got := otherDocKind(doc); got != c.want {
			t.Errorf("%q: kind %q, want %q", c.title, got, c.want)
		}
	}
}
