package normalize

import (
	"regexp"
	"strings"
)

// The area of a review is the local authority area its commissioning body
// serves. The lines that name a body ("Safer Croydon Partnership", "Leeds
// Safeguarding Adults Board", "Nottingham City Council") are read first,
// then the whole text. An area is found by its name or an alias
// ("Stockton", "Richmond"), "&" read as "and".

// bodyLineRE marks a line that names a commissioning body.
var bodyLineRE = regexp.MustCompile(`(?i)partnership|\bboard\b|council|\bsafer\b|community safety|safeguarding|corporation|\bCSP\b|\bSAB\b`)

// FindArea returns the area a text names, preferring the lines that name
// a commissioning body.
func (r *Registry) FindArea(text string) string {
	if strings.Contains(text, "&") {
		text = andSigns.Replace(text)
		text = strings.Join(strings.Fields(text), " ")
	}
	for _, l := range strings.Split(text, "\n") {
		if bodyLineRE.MatchString(l) {
			if a := r.areaIn(l); a != "" {
				return a
			}
		}
	}
	return r.areaIn(text)
}

// areaIn returns the area a text names: the longest council area name or
// alias printed with its capitals ("Knowsley", "Cheshire West and
// Chester"), or a wider area (an ICB's or police force's) whose name
// contains it ("Kent and Medway"), or failing a council, the longest wider
// area.
func (r *Registry) areaIn(text string) string {
	var council, wider string
	councilLen := 0
	for _, n := range r.areaNames {
		a := r.Area(n)
		if a == nil || !containsWord(text, n) {
			continue
		}
		if a.Council != "" && len(n) > councilLen {
			council, councilLen = a.Name, len(n)
		} else if a.Council == "" && len(a.Name) > len(wider) {
			wider = a.Name
		}
	}
	if council == "" || (wider != "" && containsWord(wider, council)) {
		return wider
	}
	return council
}

// addAreaAlias lets an area be found by another name ("Stockton" for
// Stockton-on-Tees); a council area takes the name from a wider area of
// the same name ("Durham").
func (r *Registry) addAreaAlias(alias string, a *Area) {
	k := nameKey(alias)
	if old := r.areas[k]; old != nil && old.Council != "" {
		return
	}
	r.areas[k] = a
	r.areaNames = append(r.areaNames, alias)
}
