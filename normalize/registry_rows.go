package normalize

import (
	"sort"
	"strings"
	"sync"
)

// The registry as data, for the database's registry table: every body with
// its sector, code, former names and aliases, and every local authority
// area with its ONS code.

// RegistryRow is one body of the registry.
type RegistryRow struct {
	Canonical   string   `json:"canonical"`
	Sector      string   `json:"sector"`
	Kind        string   `json:"kind"`        // police, pcc, icb, ccg, trust, council, service, partnership, national, other
	Code        string   `json:"code"`        // ONS code of a council, ODS code of an NHS body; "" when none is known
	CodeScheme  string   `json:"code_scheme"` // "ons" or "ods", or "" when Code is ""
	Area        string   `json:"area"`        // the local authority area a council or its service serves
	Successor   string   `json:"successor"`   // the body that took on an abolished body's duties
	PartOf      string   `json:"part_of"`     // the body a service or team belongs to
	FormerNames []string `json:"former_names"`
	Aliases     []string `json:"aliases"` // other names that match it, as written in the data or built by rule
}

// Rows returns every body of the registry, sorted by canonical name. Only
// aliases that still name the body are listed (a name that two bodies
// share matches neither).
func (r *Registry) Rows() []RegistryRow {
	formerOf := map[string][]string{}
	for _, e := range r.entries {
		if e.Successor != "" {
			formerOf[e.Successor] = append(formerOf[e.Successor], e.Canonical)
		}
	}
	out := make([]RegistryRow, 0, len(r.entries))
	for id, e := range r.entries {
		row := RegistryRow{Canonical: e.Canonical, Sector: e.Sector, Successor: e.Successor, PartOf: e.PartOf,
			Kind: r.kind(e), FormerNames: formerOf[e.Canonical]}
		if a := r.councilArea[e.Canonical]; a != "" {
			row.Area = a
		} else if e.PartOf != "" {
			row.Area = r.councilArea[e.PartOf]
		}
		if ar := r.areas[nameKey(row.Area)]; ar != nil && row.Kind == "council" {
			row.Code, row.CodeScheme = ar.Code, "ons"
		} else if c := odsCodes()[e.Canonical]; c != "" {
			row.Code, row.CodeScheme = c, "ods"
		}
		row.FormerNames, row.Aliases = r.namesOf(id, row.FormerNames)
		out = append(out, row)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Canonical < out[j].Canonical })
	return out
}

// odsCodes reads data/ods.tsv: the ODS code of each NHS body that has one
// there, by canonical name. Only the registry table needs it, so it is read
// at first use.
var odsCodes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	b, err := dataFS.ReadFile("data/ods.tsv")
	if err != nil {
		return m
	}
	for _, line := range strings.Split(string(b), "\n") {
		if name, code, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(line, "#") {
			m[strings.TrimSpace(name)] = strings.TrimSpace(code)
		}
	}
	return m
})

// namesOf splits the names that still match entry id into former names
// (added to former) and other aliases, without the canonical name and
// without repeats.
func (r *Registry) namesOf(id int, former []string) (formerNames, aliases []string) {
	seen := map[string]bool{r.entries[id].Canonical: true}
	for _, f := range former {
		seen[f] = true
	}
	formerNames = append([]string{}, former...)
	for _, n := range r.names[id] {
		k := nameKey(n)
		if eid, _ := r.keyID(r.exact, k); seen[n] || eid != id {
			continue
		}
		seen[n] = true
		if fid, ok := r.formerKey[k]; ok && fid == id {
			formerNames = append(formerNames, n)
		} else {
			aliases = append(aliases, n)
		}
	}
	return formerNames, aliases
}

// kind names the sort of body an entry is.
func (r *Registry) kind(e Entry) string {
	switch {
	case r.councilArea[e.Canonical] != "":
		return "council"
	case e.PartOf != "":
		return "service"
	case e.Sector == "police" || e.Sector == "pcc":
		return e.Sector
	case strings.HasSuffix(e.Canonical, "Integrated Care Board"):
		return "icb"
	case strings.HasSuffix(e.Canonical, " CCG"):
		return "ccg"
	case e.Sector == "acute_trust" || e.Sector == "mental_health_trust":
		return "trust"
	case e.Sector == "partnership":
		return "partnership"
	case e.Sector == "national_government":
		return "national"
	}
	return "other"
}

// Areas returns every local authority area, sorted by name.
func (r *Registry) Areas() []Area {
	seen := map[*Area]bool{}
	var out []Area
	for _, a := range r.areas {
		if a.Council != "" && !seen[a] {
			seen[a] = true
			out = append(out, *a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// onsTier is the tier an ONS local authority code stands for, or "".
func onsTier(code string) string {
	if len(code) != 9 {
		return ""
	}
	for _, c := range code[1:] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return map[string]string{"E06": "unitary", "E07": "district", "E08": "metropolitan", "E09": "london_borough",
		"E10": "county", "W06": "welsh_principal"}[code[:3]]
}
