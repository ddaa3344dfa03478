package normalize

import (
	"fmt"
	"strings"
)

// The bodies built by rule for each council area, with the name forms each
// is known by; "%s" is the area's name.
// A service ("unit") is a part of the council: its canonical body is the
// council, and it keeps its own sector and name (Agency.Unit). A
// partnership is a body of its own.
var areaBodies = []struct {
	canonical, sector string
	unit              bool
	forms             []string
}{
	{"%s Adult Social Care", "adult_social_care", true, []string{"%s Adult Social Care", "%s Adult Services", "%s ASC", "%s Council Adult Social Care", "%s Adult Social Work"}},
	{"%s Children's Services", "childrens_social_care", true, []string{"%s Children's Services", "%s Children's Social Care", "%s CSC", "%s Council Children's Services", "%s Children and Families", "%s Early Help", "%s Children's Social Work Services", "%s Family Support"}},
	{"%s Community Safety Partnership", "partnership", false, []string{"%s Community Safety Partnership", "%s CSP", "Safer %s", "Safer %s Partnership", "Safer %s Together", "%s Safer Communities Partnership", "%s Community Safety Team"}},
	{"%s Safeguarding Adults Board", "partnership", false, []string{"%s Safeguarding Adults Board", "%s SAB", "%s Safeguarding Adults Partnership"}},
	{"%s Safeguarding Children Partnership", "partnership", false, []string{"%s Safeguarding Children Partnership", "%s SCP", "<%s LSCB", "<%s Local Safeguarding Children Board", "%s LSCP", "%s Safeguarding Children's Partnership", "%s Children's Safeguarding Partnership"}},
	{"%s Domestic Abuse Partnership Board", "partnership", false, []string{"%s Domestic Abuse Partnership Board", "%s DAPB", "%s Domestic Abuse Partnership", "%s DA Board", "%s Domestic Abuse Strategic Partnership", "%s Domestic Abuse Strategic Board", "%s Domestic Violence Partnership"}},
	{"%s Public Health", "public_health", true, []string{"%s Public Health", "Public Health %s", "%s Public Health Team", "%s Council Public Health"}},
	{"%s Housing Services", "housing", true, []string{"%s Housing Services", "%s Council Housing", "%s Housing", "%s Housing Options", "%s Housing Solutions", "%s Homelessness Service"}},
}

// councilVariants are the other forms a council's name is printed in.
var councilVariants = []string{
	"%s Council", "%s Metropolitan Borough Council", "%s MBC", "%s City Council", "%s County Council",
	"%s Borough Council", "%s District Council", "London Borough of %s", "Royal Borough of %s",
	"%s County Borough Council", "%s Metropolitan District Council", "City of %s Council",
	"%s Local Authority", "%s LA", "%s Unitary Authority",
}

// addCouncil adds the council of an area, its services and partnerships,
// and the area's names for its police force, PCC and ICB.
func (r *Registry) addCouncil(a *Area, aliases []string) {
	id := r.add(Entry{Canonical: a.Council, Sector: "local_authority"})
	r.councilArea[a.Council] = a.Name
	r.alias(id, false, forms(councilVariants, a.Name)...)
	for _, al := range aliases {
		if strings.HasPrefix(al, "~") {
			r.ctxAlias(a.Name, id, al[1:])
			continue
		}
		r.alias(id, true, al)
		if strings.ToUpper(al) == al {
			r.abbrevs[al] = a.Name
		}
	}
	names := append([]string{a.Name, a.Council}, plainAliases(aliases)...)
	for _, b := range areaBodies {
		bid := r.areaBody(fmt.Sprintf(b.canonical, a.Name), b.sector, b.unit, a.Council)
		for _, n := range names {
			for _, f := range forms(b.forms, n) {
				if former, ok := strings.CutPrefix(f, "<"); ok {
					f = former // a name before the 2019 reforms
					r.formerKey[nameKey(f)] = bid
				}
				r.alias(bid, false, f)
			}
		}
	}
	r.areaServices(a, names[:1])
}

// areaBody returns the entry of a body built by rule, or of the curated
// body already known by that name ("Sefton Community Safety Partnership"
// is an alias of the brand "Safer Sefton Together").
func (r *Registry) areaBody(name, sector string, unit bool, council string) int {
	k := nameKey(name)
	if id, ok := r.keyID(r.exact, k); ok && id >= 0 && r.curated[k] {
		if _, own := r.byName[name]; !own {
			return id
		}
	}
	e := Entry{Canonical: name, Sector: sector}
	if unit {
		e.PartOf = council
	}
	return r.add(e)
}

// areaServices names an area's police, PCC and ICB by the area's name
// ("Knowsley Police"), so that "Police" in a Knowsley plan resolves.
func (r *Registry) areaServices(a *Area, names []string) {
	for _, n := range names {
		r.alias(r.byName[a.Force], false, n+" Police")
		r.alias(r.byName[a.PCC], false, n+" PCC", n+" Police and Crime Commissioner")
		if a.ICB != "" {
			r.alias(r.byName[a.ICB], false, n+" ICB", n+" Integrated Care Board")
		}
	}
}

func (r *Registry) ctxAlias(area string, id int, name string) {
	ak := nameKey(area)
	if r.ctx[ak] == nil {
		r.ctx[ak] = map[string]int{}
	}
	k := nameKey(name)
	r.addVocab(k)
	r.ctx[ak][k] = id
}

// plainAliases are the aliases that name the area itself (not
// abbreviations of the council): "Stockton", "Brighton & Hove".
func plainAliases(aliases []string) []string {
	var out []string
	for _, al := range aliases {
		ws := strings.Fields(al)
		last := ws[len(ws)-1]
		if strings.HasPrefix(al, "~") || strings.ToUpper(last) == last || strings.Contains(strings.ToLower(al), "council") {
			continue
		}
		out = append(out, al)
	}
	return out
}

func forms(fs []string, name string) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf(f, name)
	}
	return out
}
