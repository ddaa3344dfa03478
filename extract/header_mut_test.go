package extract

import "testing"

// chronology (header.go): a table led by a date column and naming no
// recommendation records events; one that names a recommendation, or is
// led by another column, may be a plan. plankind.go's evidence rejects the
// event logs of every fixture as well (rows keyed by a date), so the rule
// is tested here on its own (a surviving mutant of header.go swapped its
// recommendation test).
func TestChronologyRule(t *testing.T) {
	hdr := func(labels ...string) header {
		h := header{}
		for _, l := range labels {
			h.labels = append(h.labels, label{words: []Word{{Text: l}}})
			h.cats |= labelWords[labelToken(l)]
		}
		return h
	}
	for _, c := range []struct {
		labels []string
		want   bool
	}{
		{[]string{"Date", "Agency", "Action"}, true},
		{[]string{"When", "Agency", "Action"}, true},
		{[]string{"Date", "Recommendation", "Action", "Lead"}, false},
		{[]string{"Action", "Lead", "Date"}, false},
	} {
		if got := chronology(hdr(c.labels...)); got != c.want {
			t.Errorf("chronology(%q) = %v, want %v", c.labels, got, c.want)
		}
	}
}

// An incident log is rebuilt and kept, marked as not a plan (README,
// Tables): its header "No. | Incident | Action taken" names one kind of
// plan column (the action) beside a number and an event, which is enough
// for a table (a surviving mutant of header.go asked for more).
func TestIncidentLogKept(t *testing.T) {
	spec := synthSpec{
		Columns:    []string{"No.", "Incident", "Action taken"},
		Widths:     []float64{40, 200, 220},
		Ruled:      true,
		PageHeight: 500,
		Groups: []synthGroup{
			{Actions: [][]string{{"1", "Fall in the dining room; no injury.", "Care plan reviewed; sensor mat fitted."}}},
			{Actions: [][]string{{"2", "Medication given late on the night round.", "Staff member supervised; audit of the round."}}},
			{Actions: [][]string{{"3", "Resident left the home unaccompanied.", "Police informed; door alarm repaired."}}},
		},
	}
	doc := render(spec)
	if len(doc.Plans()) != 0 {
		t.Errorf("%d plans, want none", len(doc.Plans()))
	}
	if len(doc.Tables) != 1 || len(doc.Tables[0].Rows) != 3 {
		t.Fatalf("%d tables, want the incident log kept with its 3 rows", len(doc.Tables))
	}
}
