package normalize

import (
	"reflect"
	"testing"
)

// TestRegistryRows: the registry as data is complete, sorted and the same
// on every load, councils carry their area's ONS code, and former names
// are told apart from aliases.
func TestRegistryRows(t *testing.T) {
	r := registry(t)
	rows := r.Rows()
	if len(rows) != len(r.Entries()) {
		t.Fatalf("%d rows for %d entries", len(rows), len(r.Entries()))
	}
	by := map[string]RegistryRow{}
	for i, row := range rows {
		if i > 0 && rows[i-1].Canonical >= row.Canonical {
			t.Fatalf("rows not sorted at %q", row.Canonical)
		}
		by[row.Canonical] = row
	}
	r2, err := LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows, r2.Rows()) {
		t.Error("two loads give different rows")
	}
	k := by["Knowsley Metropolitan Borough Council"]
	if k.Kind != "council" || k.Code != "E08000011" || k.CodeScheme != "ons" || k.Area != "Knowsley" {
		t.Errorf("Knowsley council row: %+v", k)
	}
	if s := by["Knowsley Adult Social Care"]; s.Kind != "service" || s.PartOf != "Knowsley Metropolitan Borough Council" || s.Area != "Knowsley" {
		t.Errorf("Knowsley ASC row: %+v", s)
	}
	p := by["The Probation Service"]
	if !contains(p.FormerNames, "National Probation Service") || !contains(p.FormerNames, "Merseyside CRC") || contains(p.Aliases, "National Probation Service") {
		t.Errorf("Probation former names %q aliases %q", p.FormerNames, p.Aliases)
	}
	if c := by["Croydon Safeguarding Children Partnership"]; !contains(c.FormerNames, "Croydon LSCB") {
		t.Errorf("Croydon SCP former names %q", c.FormerNames)
	}
	if g := by["Greater Manchester Police"]; g.Kind != "police" || !contains(g.Aliases, "GMP") {
		t.Errorf("GMP row: %+v", g)
	}
}

// TestAreasONS: every council area has a well-formed ONS code of a tier
// that fits its council, and no two areas share one.
func TestAreasONS(t *testing.T) {
	r := registry(t)
	seen := map[string]string{}
	areas := r.Areas()
	if len(areas) < 350 {
		t.Fatalf("%d areas", len(areas))
	}
	for _, a := range areas {
		if a.Tier == "" {
			t.Errorf("%s: code %q", a.Name, a.Code)
		}
		if o, dup := seen[a.Code]; dup {
			t.Errorf("%s and %s share %s", a.Name, o, a.Code)
		}
		seen[a.Code] = a.Name
	}
	for name, code := range map[string]string{"Knowsley": "E08000011", "Croydon": "E09000008", "Kent": "E10000016",
		"Medway": "E06000035", "Cumberland": "E06000063", "Cardiff": "W06000015", "Adur": "E07000223",
		"North Yorkshire": "E06000065", "Somerset": "E06000066", "Westminster": "E09000033"} {
		if a := r.Area(name); a == nil || a.Code != code {
			t.Errorf("%s: %+v, want code %s", name, a, code)
		}
	}
}

// TestICBsODS: every Integrated Care Board of the registry carries its ODS
// code (data/ods.tsv), each names a body of the registry, and no two bodies
// share a code.
func TestICBsODS(t *testing.T) {
	r := registry(t)
	by := map[string]RegistryRow{}
	icbs := 0
	for _, row := range r.Rows() {
		by[row.Canonical] = row
		if row.Kind == "icb" {
			icbs++
			if row.CodeScheme != "ods" || len(row.Code) != 3 || row.Code[0] != 'Q' {
				t.Errorf("%s: code %q (%s)", row.Canonical, row.Code, row.CodeScheme)
			}
		}
	}
	if icbs != 42 {
		t.Errorf("%d ICBs, want 42", icbs)
	}
	seen := map[string]string{}
	for name, code := range odsCodes() {
		if _, ok := by[name]; !ok {
			t.Errorf("ods.tsv names %q, which is no body of the registry", name)
		}
		if o, dup := seen[code]; dup {
			t.Errorf("%s and %s share %s", name, o, code)
		}
		seen[code] = name
	}
	if c := by["NHS Cheshire and Merseyside Integrated Care Board"].Code; c != "QYG" {
		t.Errorf("Cheshire and Merseyside ICB code %q, want QYG", c)
	}
}
