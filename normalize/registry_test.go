package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRegistryCoverage pins the counts the README promises.
func TestRegistryCoverage(t *testing.T) {
	r := registry(t)
	count := map[string]int{}
	for _, e := range r.Entries() {
		switch {
		case strings.HasSuffix(e.Canonical, " CRC"):
			count["crc"]++
		case strings.HasSuffix(e.Canonical, " CCG"):
			count["ccg"]++
		case strings.HasSuffix(e.Canonical, "Integrated Care Board"):
			count["icb"]++
		}
		count[e.Sector]++
	}
	areas := 0
	for _, a := range r.areas {
		if a.Council != "" {
			areas++
		}
	}
	want := map[string]int{"police": 45, "pcc": 43, "crc": 21, "icb": 42}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%s: %d entries, want %d", k, count[k], n)
		}
	}
	if areas < 350 {
		t.Errorf("%d council areas, want at least 350", areas)
	}
	t.Logf("entries %d, council areas %d, sectors %v", len(r.Entries()), areas, count)
}

// TestRegistryUnambiguous: no two curated lines give one name to two bodies.
func TestRegistryUnambiguous(t *testing.T) {
	r, err := buildRegistry()
	if err != nil {
		t.Fatal(err)
	}
	for k, id := range r.exact {
		if id < 0 {
			t.Errorf("name key %q names two bodies", k)
		}
	}
}

// TestAliasFile adds a user alias without a rebuild.
func TestAliasFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "aliases.tsv")
	data := "# mine\nKnowsley Metropolitan Borough Council\t\tKnowsley Borough Hall\nAcme Refuge\tspecialist_da_service\tAcme|Acme Women's Refuge\n" +
		"Knowsley Housing Team\thousing\tKHT\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := LoadRegistry(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"Knowsley Borough Hall":  "Knowsley Metropolitan Borough Council | local_authority | matched",
		"Acme Women's Refuge":    "Acme Refuge | specialist_da_service | matched",
		"KHT":                    "Knowsley Housing Team | housing | matched",
		"Knowsley Housing Trust": "Livv Housing Group | housing | matched | former: Knowsley Housing Trust",
	} {
		if a, ok := r.Match(name, Context{}); !ok || showAgency(a) != want {
			t.Errorf("%q: got %q, want %q", name, showAgency(a), want)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.tsv")
	os.WriteFile(bad, []byte("X\tnot_a_sector\t\n"), 0o644)
	if _, err := LoadRegistry(bad); err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
		t.Errorf("bad sector: err %v, want one naming bad.tsv:1", err)
	}
}
