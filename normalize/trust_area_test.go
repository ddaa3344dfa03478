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
