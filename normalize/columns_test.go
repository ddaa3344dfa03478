package normalize

import (
	"strings"
	"testing"
)

func TestColumnField(t *testing.T) {
	runDD(t, "columns.txt", func(c ddCase) string {
		var out []string
		for _, h := range strings.Split(c.input, "\n") {
			f, asOf := ColumnField(strings.Trim(h, `"`))
			if f == "" {
				f = "(unknown)"
			}
			if asOf != "" {
				f += " as_of=" + asOf
			}
			out = append(out, f)
		}
		return strings.Join(out, "\n")
	})
}

// A table's columns as a whole: the recommendation's own column over a
// finding's; a lone completion date is the target unless it says the
// action was done; "What we will do" is the action.
func TestReadColumns(t *testing.T) {
	for _, c := range []struct {
		hdrs []string
		want map[string]int
	}{
		{[]string{"Rec.", "Finding", "Recommendation", "SMART action", "Lead", "Completion date", "Status"},
			map[string]int{FieldNumber: 0, FieldRecommendation: 2, FieldAction: 3, FieldLeadAgency: 4, FieldTargetDate: 5, FieldStatus: 6}},
		{[]string{"Recommendation", "Issue identified", "Action", "Date of completion"},
			map[string]int{FieldRecommendation: 0, FieldAction: 2, FieldTargetDate: 3}},
		{[]string{"Action", "Target date", "Date of completion and outcome"},
			map[string]int{FieldAction: 0, FieldTargetDate: 1, FieldCompletion: 2}},
		{[]string{"Action", "Date completed"},
			map[string]int{FieldAction: 0, FieldCompletion: 1}},
		{[]string{"#", "Recommendation", "What we will do", "Who", "When", "Progress"},
			map[string]int{FieldNumber: 0, FieldRecommendation: 1, FieldAction: 2, FieldLeadAgency: 3, FieldTargetDate: 4, FieldUpdate: 5}},
	} {
		got := readColumns(c.hdrs).idx
		if len(got) != len(c.want) {
			t.Errorf("%q: columns %v, want %v", c.hdrs, got, c.want)
			continue
		}
		for f, i := range c.want {
			if j, ok := got[f]; !ok || j != i {
				t.Errorf("%q: %s in column %d (found %v), want %d", c.hdrs, f, j, ok, i)
			}
		}
	}
}
