package store

import (
	"testing"

	"github.com/actionplan/actionplan/normalize"
)

// A recommendation's status sums up the statuses of its actions that have
// one: an action with no status printed does not make it ongoing.
func TestRecommendationStatusIgnoresActionsWithoutStatus(t *testing.T) {
	recs := func(ss ...string) []normalize.Record {
		out := make([]normalize.Record, len(ss))
		for i, s := range ss {
			out[i].Status = s
		}
		return out
	}
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"completed", ""}, "completed"},
		{[]string{"", "not_started", ""}, "not_started"},
		{[]string{"ongoing", ""}, "ongoing"},
		{[]string{"", ""}, ""},
		{nil, ""},
		{[]string{"completed", "completed"}, "completed"},
		{[]string{"completed", "not_started"}, "ongoing"},
		{[]string{"completed", "ongoing", ""}, "ongoing"},
	} {
		if got := recommendationStatus(recs(c.in...)); got != c.want {
			t.Errorf("recommendationStatus(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
