package normalize

import "testing"

// The place an NHS trust is named for is the area of last resort of a plan
// the trust publishes: a known area by its canonical name; an unknown place
// as printed; nothing for a trust we know under a name that is no place, a
// trust of two areas, or a line that only mentions a trust.
func TestTrustArea(t *testing.T) {
	r, err := LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{
		{"Severnvale Partnership NHS Foundation Trust\nMental Health Homicide Review: Mr K", "Severnvale"},
		{"The Ravensfield Mental Health NHS Trust", "Ravensfield"},
		{"Birmingham and Solihull Mental Health NHS Foundation Trust", "Birmingham and Solihull"}, // a wider area (its ICB)
		{"Leeds Community Healthcare NHS Trust", "Leeds"},
		{"Oxleas NHS Foundation Trust", ""},
		{"Humber Teaching NHS Foundation Trust", ""},
		{"Trust response to the investigation commissioned by NHS England", ""},
		{"Action plan agreed with Severnvale Partnership NHS Foundation Trust", ""},
		{"Severnvale Partnership NHS Foundation Trust\nWestmoor Health NHS Trust", ""},
	} {
		if got := r.TrustArea(c[0]); got != c[1] {
			t.Errorf("TrustArea(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// The place a title block says the death happened is an area of last
// resort, before the trust's name.
func TestIncidentArea(t *testing.T) {
	r, err := LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{
		{"Independent review commissioned by NHS England, following a homicide in\nSaltburgh in August 2022.", "Saltburgh"},
		{"An independent investigation into the death of Ms H in Leeds in 2021", "Leeds"},
		{"following the death of a man in August 2023", ""},
		{"a homicide in England and Wales", ""},
		{"a homicide in Saltburgh; the inquest into the death in Leeds", ""},
		{"a homicide in the community", ""},
		{"Mental Health Homicide Review: Mr W", ""},
	} {
		if got := r.IncidentArea(c[0]); got != c[1] {
			t.Errorf("IncidentArea(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}
