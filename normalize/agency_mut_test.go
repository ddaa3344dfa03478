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

// A department named before its body becomes the body's unit; a short name
// that resolves only within an area takes the area of a council named in
// the same cell (surviving mutants of agency.go).
func TestAgencyPiecesDeptAndArea(t *testing.T) {
	r := registry(t)
	as := r.Agencies("Safeguarding Team, Mersey Care NHS Foundation Trust", Context{})
	if len(as) != 1 || as[0].Canonical != "Mersey Care NHS Foundation Trust" || as[0].Unit != "Safeguarding Team" {
		t.Errorf("department before its body: %+v", as)
	}
	as = r.Agencies("Safeguarding Team, Mersey Care NHS Foundation Trust, Merseyside Police", Context{})
	if len(as) != 2 || as[0].Unit != "Safeguarding Team" || as[1].Unit != "" {
		t.Errorf("department before the first of two bodies: %+v", as)
	}
	as = r.Agencies("Bury Council, Community Safety Partnership", Context{})
	var names []string
	for _, a := range as {
		names = append(names, showAgency(a))
	}
	if len(as) != 2 || !as[1].Matched {
		t.Errorf("a partnership named beside its council: %q", names)
	}
}

// A label printed before the name ("Lead: ...") is not part of it.
func TestAgencyLeadLabel(t *testing.T) {
	r := registry(t)
	for _, cell := range []string{"Lead: Merseyside Police", "Lead agency: Merseyside Police"} {
		as := r.Agencies(cell, Context{})
		if len(as) != 1 || !as[0].Matched || as[0].Canonical != "Merseyside Police" {
			t.Errorf("%q: %+v", cell, as)
		}
	}
}
