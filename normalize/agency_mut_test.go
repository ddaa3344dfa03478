package normalize

import "testing"

// A lead cell listing more than eight bodies between commas (past the
// limit up to which group keeps runs of pieces together) still gives each
// body: a surviving mutant of agency.go (make mutate) lost them.
func TestAgenciesLongList(t *testing.T) {
	r := registry(t)
	cell := "Merseyside Police, Kent Police, Dorset Police, Essex Police, Cumbria Constabulary, " +
		"Lancashire Constabulary, West Yorkshire Police, South Yorkshire Police, Cheshire Constabulary, Durham Constabulary"
	as := r.Agencies(cell, Context{})
	matched := 0
	for _, a := range as {
		if a.Matched {
			matched++
		}
	}
	if len(as) != 10 || matched != 10 {
		var names []string
		for _, a := range as {
			names = append(names, showAgency(a))
		}
		t.Errorf("%d agencies (%d matched), want 10 police forces: %q", len(as), matched, names)
	}
}
