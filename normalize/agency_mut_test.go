package normalize

import (
	"slices"
	"strings"
	"testing"
)

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

// Cells that the cutting rules of agency.go must read (surviving mutants of
// make mutate). The expected agencies are the bodies the cells name.
func TestAgencyCuts(t *testing.T) {
	r := registry(t)
	show := func(as []Agency) []string {
		var s []string
		for _, a := range as {
			s = append(s, showAgency(a))
		}
		return s
	}
	// The longest run of pieces that names one body is kept together:
	// "Kent and Medway NHS" is a name too, but the trust goes on to "and
	// Social Care Partnership Trust".
	as := r.Agencies("Kent and Medway NHS and Social Care Partnership Trust and Kent Police", Context{})
	if len(as) != 2 || as[0].Canonical != "Kent and Medway NHS and Social Care Partnership Trust" || as[1].Canonical != "Kent Police" {
		t.Errorf("longest run: %q", show(as))
	}
	// A placeholder or an empty piece between commas names no body.
	for _, cell := range []string{"Merseyside Police, TBC", "Merseyside Police, , Kent Police"} {
		for _, a := range r.Agencies(cell, Context{}) {
			if !a.Matched {
				t.Errorf("%q: a piece that names no body gave %q", cell, showAgency(a))
			}
		}
	}
	// A department named after the last body is that body's unit.
	as = r.Agencies("Merseyside Police, Mersey Care NHS Foundation Trust, Safeguarding Team", Context{})
	if len(as) != 2 || as[1].Canonical != "Mersey Care NHS Foundation Trust" || as[1].Unit != "Safeguarding Team" || as[0].Unit != "" {
		t.Errorf("department after its body: %q", show(as))
	}
	// An unmatched body named beside a matched one is kept (only roles and
	// single common words are dropped): "Nacro", a charity, is one word but
	// no English word.
	for cell, want := range map[string]string{
		"Merseyside Police, Acme Housing Group": "Acme Housing Group",
		"Merseyside Police, Nacro":              "Nacro",
	} {
		as = r.Agencies(cell, Context{})
		if len(as) != 2 || as[1].Canonical != want || as[1].Matched {
			t.Errorf("unmatched body beside a matched one: %q", show(as))
		}
	}
}

// Every entry is found by its name's words in another order, through the
// order-free key its name gives (when that key names one entry): the first
// entry of the registry too, which a surviving mutant of agency.go lost.
func TestFindOrderFree(t *testing.T) {
	r := registry(t)
	checked, first := 0, false
	for id, e := range r.entries {
		ws := strings.Fields(nameKey(e.Canonical))
		if len(ws) < 2 {
			continue
		}
		slices.Reverse(ws)
		k := strings.Join(ws, " ")
		if _, exact := r.keyID(r.exact, k); exact {
			continue
		}
		want, ok := r.keyID(r.bag, "bag:"+bagKey(k))
		if !ok || want < 0 {
			continue // the words name several entries
		}
		checked++
		first = first || want == 0
		if got, _ := r.find(k); got != want {
			t.Errorf("find(%q) = %d, want entry %d (%s); entry %d is %s", k, got, want, r.entries[want].Canonical, id, e.Canonical)
		}
	}
	if checked < 100 || !first {
		t.Errorf("%d names checked (want 100 or more), the first entry among them: %v", checked, first)
	}
}
