package normalize

import (
	"fmt"
	"io"
	"strings"
)

// The rules that build the names of police forces, PCCs, ICBs, councils and
// their services and partnerships from police.tsv, icbs.tsv and areas.tsv.

// loadPolice reads force, force area, aliases, oversight body, its aliases.
func (r *Registry) loadPolice(rd io.Reader, name string) error {
	return eachRow(rd, name, 5, func(f []string) error {
		fa := f[1]
		id := r.add(Entry{Canonical: f[0], Sector: "police"})
		r.alias(id, true, splitAliases(f[2])...)
		r.alias(id, false, fa+" Police", fa+" Constabulary", fa+" Police Service")
		pcc := f[3]
		if pcc == "" {
			pcc = "Office of the Police and Crime Commissioner for " + fa
		}
		pid := r.add(Entry{Canonical: pcc, Sector: "pcc"})
		r.alias(pid, true, splitAliases(f[4])...)
		r.alias(pid, false, fa+" Police and Crime Commissioner", fa+" PCC", "Office of the "+fa+" Police and Crime Commissioner",
			fa+" Police, Fire and Crime Commissioner")
		r.addArea(&Area{Name: fa, ForceArea: fa, Force: f[0], PCC: pcc}, false)
		return nil
	})
}

// loadICBs reads short name and aliases.
func (r *Registry) loadICBs(rd io.Reader, name string) error {
	return eachRow(rd, name, 2, func(f []string) error {
		s := f[0]
		id := r.add(Entry{Canonical: "NHS " + s + " Integrated Care Board", Sector: "nhs_commissioner"})
		r.alias(id, true, splitAliases(f[1])...)
		r.alias(id, true, "NHS "+s, s+" ICB", "NHS "+s+" ICB")
		r.addArea(&Area{Name: s, ICB: "NHS " + s + " Integrated Care Board"}, false)
		return nil
	})
}

// councilForms spells the council form codes of areas.tsv.
var councilForms = map[string]string{
	"M": "%s Metropolitan Borough Council", "CITY": "%s City Council", "CC": "%s County Council",
	"BC": "%s Borough Council", "DC": "%s District Council", "C": "%s Council",
	"LB": "London Borough of %s", "RB": "Royal Borough of %s", "CBC": "%s County Borough Council",
}

// loadAreas reads area, council form, force area, ICB short name, aliases,
// ONS code.
func (r *Registry) loadAreas(rd io.Reader, name string) error {
	return eachRow(rd, name, 6, func(f []string) error {
		a := &Area{Name: f[0], ForceArea: f[2], Code: f[5], Tier: onsTier(f[5])}
		if a.Tier == "" {
			return fmt.Errorf("area %q: bad ONS code %q", f[0], f[5])
		}
		if fa := r.areas[nameKey(f[2])]; fa != nil {
			a.Force, a.PCC = fa.Force, fa.PCC
		} else {
			return fmt.Errorf("unknown police force area %q", f[2])
		}
		if f[3] != "" {
			a.ICB = "NHS " + f[3] + " Integrated Care Board"
			if _, ok := r.byName[a.ICB]; !ok {
				return fmt.Errorf("unknown ICB %q", f[3])
			}
		}
		a.Council = councilName(f[0], f[1])
		if a.Council == "" {
			return fmt.Errorf("unknown council form %q", f[1])
		}
		r.addCouncil(a, splitAliases(f[4]))
		r.addArea(a, true)
		for _, al := range plainAliases(splitAliases(f[4])) {
			r.addAreaAlias(al, a)
		}
		return nil
	})
}

func councilName(area, form string) string {
	if strings.HasPrefix(form, "=") {
		return form[1:]
	}
	if f, ok := councilForms[form]; ok {
		return fmt.Sprintf(f, area)
	}
	return ""
}

// addArea records an area; a council area replaces a force area of the
// same name ("Kent").
func (r *Registry) addArea(a *Area, council bool) {
	k := nameKey(a.Name)
	if old := r.areas[k]; old != nil && !council {
		return
	}
	r.areas[k] = a
	r.areaNames = append(r.areaNames, a.Name)
}
