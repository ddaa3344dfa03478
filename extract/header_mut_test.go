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
