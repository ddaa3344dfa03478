package normalize

import (
	"strings"
	"sync"
	"testing"
)

var (
	testRegOnce sync.Once
	testReg     *Registry
)

func registry(t testing.TB) *Registry {
	testRegOnce.Do(func() {
		r, err := LoadRegistry()
		if err != nil {
			t.Fatal(err)
		}
		testReg = r
	})
	if testReg == nil {
		t.Fatal("registry failed to load")
	}
	return testReg
}

func showAgency(a Agency) string {
	m := "unmatched"
	if a.Matched {
		m = "matched"
	}
	sector := a.Sector
	if sector == "" {
		sector = "-"
	}
	s := a.Canonical + " | " + sector + " | " + m
	if a.Unit != "" {
		s += " | unit: " + a.Unit
	}
	if a.Former != "" {
		s += " | former: " + a.Former
	}
	return s
}

// TestAgencies reads one lead-agency cell per case ("\n" for a line break),
// in the area "@area=", with "@trust=" the document's one trust.
func TestAgencies(t *testing.T) {
	r := registry(t)
	runDD(t, "agencies.txt", func(c ddCase) string {
		ctx := Context{Area: c.opts["area"], Trust: c.opts["trust"]}
		var out []string
		for _, a := range r.Agencies(strings.ReplaceAll(c.input, `\n`, "\n"), ctx) {
			out = append(out, showAgency(a))
		}
		return strings.Join(out, "\n")
	})
}

// TestAgencyPairs checks that two printed names name the same body (line
// "same") or different bodies ("different"), in an area.
func TestAgencyPairs(t *testing.T) {
	r := registry(t)
	runDD(t, "agency_pairs.txt", func(c ddCase) string {
		ctx := Context{Area: c.opts["area"]}
		lines := strings.Split(c.input, "\n")
		if len(lines) != 2 {
			t.Fatalf("agency_pairs.txt:%d: want two names", c.line)
		}
		a, b := r.Agencies(lines[0], ctx), r.Agencies(lines[1], ctx)
		if len(a) != 1 || len(b) != 1 {
			return "not one agency each"
		}
		if a[0].Canonical == b[0].Canonical {
			return "same"
		}
		return "different"
	})
}
