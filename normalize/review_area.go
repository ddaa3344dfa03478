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
	lines := strings.Split(text, "\n")
	unknown := "" // a place a body is named for that is no known area
	for _, l := range lines {
		if bodyLineRE.MatchString(l) {
			if p := r.placeOf(l); p != "" {
				if r.Area(p) != nil {
					return p
				}
				if unknown == "" {
					unknown = p
				}
				continue
			}
			if a := r.areaIn(l); a != "" {
				if alone := r.areaAlone(lines, l); alone != "" {
					return alone
				}
				return a
			}
		}
	}
	if unknown != "" {
		// A regional board ("Cwm Taf Morgannwg Safeguarding Board") may
		// serve several councils; a line naming one council alone says
		// which.
		for _, l := range lines {
			if a := r.Area(strings.TrimSpace(l)); a != nil && a.Council != "" {
				return a.Name
			}
		}
		return unknown
	}
	return r.areaIn(text)
}

// areaAlone is, for a body that serves several council areas ("City of
// London and Hackney Safeguarding Children Partnership"), the one of them
// that a line of its own names ("Hackney"), or "".
func (r *Registry) areaAlone(lines []string, body string) string {
	for _, l := range lines {
		a := r.Area(strings.TrimSpace(l))
		if a != nil && a.Council != "" && containsWord(body, a.Name) && r.areaIn(body) != a.Name {
			return a.Name
		}
	}
	return ""
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

// placeRE reads the place a partnership, board or council is named for:
// "<Place> Community Safety Partnership", "Safer <Place> Partnership",
// "<Place> City Council", "<Place> Regional Safeguarding Board", a brand
// before the body's kind ("<Place> Together - Community Safety
// Partnership").
var placeRE = regexp.MustCompile(`^\s*(?:The\s+)?(?:(` + placeWords + `)(?:\s*[-–—:])?\s+(?:(?:Community\s+)?Safe(?:r|ty)\s+(?:Communities\s+)?Partnership|Safeguarding\s+Adults?\s+(?:Board|Partnership(?:\s+Board)?)|Adults?\s+Safeguarding\s+(?:Board|Partnership)|Safeguarding\s+Children(?:'s|’s)?\s+(?:Partnership|Board)|Children(?:'s|’s)?\s+Safeguarding\s+Partnership|Safeguarding\s+(?:Partnership|Board)|Local\s+Safeguarding\s+Children\s+Board|Domestic\s+Abuse\s+Partnership(?:\s+Board)?|(?:(?:City|County|Borough|District|Metropolitan\s+Borough|Town)\s+)?Council)|Safer\s+(` + placeWords + `)(?:\s+Partnership|\s+Together)?\s*$|(` + placeWords + `)\s+Together\s*(?:\(|$))`)

const placeWords = `\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:and|upon|on|under|of|in|with)\s+)?\p{Lu}[\p{L}'’.-]*){0,4}`

// genericPlaceWords may stand around an area's name in a body's name
// ("Rochdale Borough", "City of York", "Pan-Dorset").
var genericPlaceWords = map[string]bool{"borough": true, "district": true, "city": true, "county": true, "metropolitan": true,
	"royal": true, "of": true, "the": true, "and": true, "pan": true, "wide": true, "council": true, "local": true,
	"joint": true, "regional": true, "national": true, "independent": true, "statutory": true, "multi": true, "agency": true,
	// words of a body's name that the place pattern may take in
	"community": true, "communities": true, "safer": true, "safety": true, "stronger": true, "safeguarding": true,
	"partnership": true, "board": true, "adult": true, "adults": true, "children": true, "childrens": true, "team": true,
	"integrated": true, "together": true, "executive": true, "strategic": true}

// placeOf returns the area a body's line names: a known area when the
// place is one ("City of York" is York), the place as printed when it
// names no known area, or "" when the line names no place this way or
// names known areas only (left to areaIn).
func (r *Registry) placeOf(line string) string {
	m := placeRE.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	place := m[1] + m[2] + m[3]
	if i := strings.LastIndex(place, " and "); i >= 0 && bodyLineRE.MatchString(place[:i]) {
		// "Hasleby Community Safety Partnership and Hasleby Safeguarding
		// Adults Board": the second body's place
		place = place[i+len(" and "):]
	}
	generic := func(w string) bool {
		return genericPlaceWords[strings.TrimSuffix(strings.Trim(strings.ToLower(w), "'’"), "'s")]
	}
	rest := strings.Fields(strings.ReplaceAll(place, "Pan-", ""))
	for len(rest) > 0 && generic(rest[0]) {
		rest = rest[1:]
	}
	for len(rest) > 0 && generic(rest[len(rest)-1]) {
		rest = rest[:len(rest)-1]
	}
	if len(rest) == 0 {
		return ""
	}
	core := strings.Join(rest, " ")
	if a := r.Area(core); a != nil {
		return a.Name
	}
	left := place
	for _, n := range r.areaNames {
		if containsWord(left, n) {
			left = strings.ReplaceAll(left, n, " ")
		}
	}
	if strings.IndexFunc(left, func(c rune) bool { return c != ' ' }) < 0 || allGeneric(left, generic) {
		return "" // known areas only: "City of London and Hackney", "Hartlepool and Stockton-on-Tees"
	}
	return strings.Join(rest, " ")
}

func allGeneric(s string, generic func(string) bool) bool {
	for _, w := range strings.Fields(s) {
		if !generic(w) {
			return false
		}
	}
	return true
}

// trustRE reads an NHS trust's name on a line of its own: the words before
// "NHS ... Trust".
var trustRE = regexp.MustCompile(`^\s*(?:The\s+)?(` + placeWords + `)\s+NHS\s+(?:Foundation\s+)?Trust\s*$`)

// trustWords describe a trust, not its place ("Partnership", "Mental
// Health", "Teaching Hospitals").
var trustWords = map[string]bool{"partnership": true, "health": true, "healthcare": true, "care": true, "community": true,
	"mental": true, "teaching": true, "university": true, "hospital": true, "hospitals": true, "services": true,
	"integrated": true, "and": true, "social": true, "foundation": true, "children's": true, "childrens": true}

// TrustArea is the place the one NHS trust named on a line of the text is
// named for ("Severnvale Partnership NHS Foundation Trust" is Severnvale):
// a known area, or, for a trust the registry does not know, a place of one
// or two words that names no known area; "" when the text names no such
// trust or more than one place.
func (r *Registry) TrustArea(text string) string {
	found := ""
	for _, l := range strings.Split(text, "\n") {
		m := trustRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		ws := strings.Fields(m[1])
		for len(ws) > 0 && trustWords[strings.ToLower(ws[len(ws)-1])] {
			ws = ws[:len(ws)-1]
		}
		place := strings.Join(ws, " ")
		if a := r.Area(place); a != nil {
			place = a.Name
		} else if len(ws) == 0 || len(ws) > 2 || strings.Contains(place, " and ") || len(r.FindIn(l, Context{})) > 0 {
			place = "" // a trust we know is named for no area ("Oxleas", "Mersey Care")
		}
		if place == "" || found != "" && found != place {
			return ""
		}
		found = place
	}
	return found
}

// incidentRE finds the place a title block says the death happened: "a
// homicide in Saltburgh", "the death of Ms H in Upper Wyre", "killed in
// Leeds". The place is one to three capitalised words.
var incidentRE = regexp.MustCompile(`(?i:homicides?|deaths?|killings?|murders?|died|killed)\s+(?:[^.;:]{0,60}?\s)??in\s+(\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:upon|on|under)\s+)?\p{Lu}[\p{L}'’-]+){0,2})`)

// notPlaces are capitalised words after "in" that are no area.
var notPlaces = map[string]bool{"england": true, "wales": true, "scotland": true, "britain": true, "uk": true,
	"the": true, "custody": true, "hospital": true, "prison": true}

// IncidentArea is the area of the place the text says a death happened:
// a known area by its canonical name, else the place as printed (one or
// two words); "" when no such phrase names a place, or two phrases name
// different places.
func (r *Registry) IncidentArea(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	found := ""
	for _, m := range incidentRE.FindAllStringSubmatch(text, -1) {
		ws := strings.Fields(m[1])
		for i, w := range ws {
			if _, month := monthNames[strings.ToLower(w)]; month || notPlaces[strings.ToLower(w)] {
				ws = ws[:i]
				break
			}
		}
		place := strings.Join(ws, " ")
		if a := r.areaIn(place); a != "" {
			place = a
		} else if len(ws) == 0 || len(ws) > 2 {
			continue
		}
		if found != "" && found != place {
			return ""
		}
		found = place
	}
	return found
}
