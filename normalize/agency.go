package normalize

import (
	"regexp"
	"strings"
)

// A lead-agency cell is read into agencies in three steps.
//  1. The cell is cut at line breaks, ";" and bullets: each part is named
//     on its own.
//  2. A part that matches the registry whole is one agency ("Office of the
//     Police and Crime Commissioner" is never cut at its "and"). Otherwise
//     it is cut at commas, else at "/", else at "and", "&" and "+", each
//     piece read the same way; the cut stands when a piece matches the
//     registry, and unmatched pieces that name a person's role ("DA
//     Coordinator") are then dropped; when no piece matches, the part stays
//     whole, unmatched.
//  3. A name is looked up as printed, then within the plan's area:
//     "Domestic Abuse Partnership Board" in a Knowsley plan is looked up as
//     "Knowsley Domestic Abuse Partnership Board", "Police" as "Knowsley
//     Police" (Merseyside Police), and "The Trust" is the one NHS trust the
//     document names elsewhere, if it names exactly one.
// An unmatched name keeps its cleaned form as canonical, with Matched
// false and a sector guessed from its words.

// Context is what a document tells about the names in its cells.
type Context struct {
	Area  string // the review's area, "Knowsley"
	Trust string // the canonical name of the one trust the document names
}

var (
	strongSep = regexp.MustCompile(`\n|;|\s+/\s+`)
	roleWords = regexp.MustCompile(`(?i)\b(co-?ordinator|manager|lead|officer|director|head|chair|leader|advisor|adviser|practitioner|nurse|consultant|detective|superintendent|inspector|sergeant|chief|team|member|worker|named|designated)s?\b`)
	leadLabel = regexp.MustCompile(`(?i)^(lead( agency| agencies| organisation)?|responsible( agency)?|owner)\s*[:\-–]\s*|\s*\((lead|joint lead|support)\)$`)
	trustWord = regexp.MustCompile(`(?i)^(the )?trusts?$|^(the )?(nhs )?(foundation )?trust$`)
)

// Agencies reads the agencies a lead-agency cell names.
func (r *Registry) Agencies(cell string, ctx Context) []Agency {
	var out []Agency
	seen := map[string]int{}
	for _, part := range strongSep.Split(Clean(cell), -1) {
		for _, a := range r.part(part, ctx) {
			i, dup := seen[a.Canonical]
			switch {
			case !dup:
				seen[a.Canonical] = len(out)
				out = append(out, a)
			case out[i].Unit == "" && a.Unit != "":
				out[i] = a // the service says more than its council
			}
		}
	}
	return out
}

// cutLevels are tried in turn: commas first, so that "Head of Nursing,
// Cumbria Northumberland Tyne and Wear NHS Foundation Trust" keeps its
// "and"; then slashes; then "and", "&" and "+".
var cutLevels = []*regexp.Regexp{
	regexp.MustCompile(`,`),
	regexp.MustCompile(`/`),
	regexp.MustCompile(`\s+and\s+|\s*&\s*|\s+\+\s+`),
}

// andLevel is the level of cutLevels that cuts at "and".
const andLevel = 2

// part reads one part of a cell, cutting it only where pieces match.
func (r *Registry) part(p string, ctx Context) []Agency {
	p = tidyName(p)
	if p == "" || isPlaceholder(p) {
		return nil
	}
	if bare, inner := splitParens(p); len(inner) > 0 && isPlaceholder(strings.Join(inner, " ")) {
		p = bare // "Kent Police (role, not name)"
	}
	as, _ := r.resolve(p, 0, ctx)
	return as
}

// resolve matches p whole, or cut at the separators of a level from lvl
// on; it reports whether anything matched.
func (r *Registry) resolve(p string, lvl int, ctx Context) ([]Agency, bool) {
	if a, ok := r.Match(p, ctx); ok {
		return []Agency{a}, true
	}
	if a, ok := r.unitOf(p, ctx); ok {
		return []Agency{a}, true
	}
	for l := lvl; l < len(cutLevels); l++ {
		pieces := r.group(p, cutLevels[l], ctx)
		if len(pieces) < 2 || (l == andLevel && r.joinsAreas(pieces)) {
			continue
		}
		if as := r.pieces(pieces, l+1, ctx); as != nil {
			return as, true
		}
	}
	return []Agency{r.unmatched(p)}, false
}

// group cuts p at re's separators, keeping together the longest runs of
// pieces that name one body: "Cumberland Council and Westmorland and
// Furness Council" gives two councils, not three pieces.
func (r *Registry) group(p string, re *regexp.Regexp, ctx Context) []string {
	seps := re.FindAllStringIndex(p, -1)
	if len(seps) == 0 || len(seps) > 8 {
		return re.Split(p, -1)
	}
	starts := []int{0}
	ends := []int{}
	for _, sp := range seps {
		ends = append(ends, sp[0])
		starts = append(starts, sp[1])
	}
	ends = append(ends, len(p))
	var out []string
	for i := 0; i < len(starts); {
		j := i
		for k := len(starts) - 1; k > i; k-- {
			if _, ok := r.Match(tidyName(p[starts[i]:ends[k]]), ctx); ok {
				j = k
				break
			}
		}
		out = append(out, p[starts[i]:ends[j]])
		i = j + 1
	}
	return out
}

// pieces returns the agencies of a cut part, or nil when none matched.
// Unmatched pieces that name a role ("DA Coordinator") or are one common
// word ("Health") are dropped; with no area known, a council named in the
// part gives the others its area ("Adult Social Care, Bury Council").
func (r *Registry) pieces(pieces []string, lvl int, ctx Context) []Agency {
	var out []Agency
	var rest []string
	dept := ""
	for _, pc := range pieces {
		if pc = tidyName(pc); pc == "" || isPlaceholder(pc) {
			continue
		}
		if as, ok := r.resolve(pc, lvl, ctx); ok {
			if dept != "" && as[0].Unit == "" {
				as[0].Unit, dept = dept, ""
			}
			out = append(out, as...)
		} else if isDept(pc) {
			dept = pc
		} else if !roleWords.MatchString(pc) && !commonWord(pc) {
			rest = append(rest, pc)
		}
	}
	if out == nil {
		return nil
	}
	if dept != "" && out[len(out)-1].Unit == "" {
		out[len(out)-1].Unit = dept // "Mersey Care, Safeguarding Team"
	}
	if ctx.Area == "" {
		ctx.Area = r.councilArea[out[0].Canonical]
	}
	for _, pc := range rest {
		as, _ := r.resolve(pc, lvl, ctx)
		out = append(out, as...)
	}
	return out
}

// commonWord reports a single English word ("Health"), no agency's name.
func commonWord(s string) bool {
	return !strings.Contains(s, " ") && s != strings.ToUpper(s) && inWordList(strings.ToLower(s))
}

// tidyName trims what surrounds a name: bullets, labels, quotes, full stops.
func tidyName(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "- "))
	s = leadLabel.ReplaceAllString(s, "")
	return strings.Trim(s, " .,:;-–\"'“”‘’")
}

// Match looks one name up, as printed and then within the document's
// context.
func (r *Registry) Match(name string, ctx Context) (Agency, bool) {
	if ctx.Trust != "" && trustWord.MatchString(name) {
		return r.agency(name, r.byName[ctx.Trust]), true
	}
	if !r.couldMatch(name) {
		return Agency{}, false
	}
	bare, inner := splitParens(name)
	tries := []string{name}
	if len(inner) > 0 {
		tries = append(tries, bare+" "+strings.Join(inner, " "), bare)
	}
	for _, n := range append(tries, inner...) {
		if id, k := r.lookup(n, ctx.Area); id >= 0 {
			a := r.agency(name, id)
			a.MatchedName = r.nameOfKey(k)
			if fid, ok := r.formerKey[k]; ok && fid == id && a.Former == "" {
				a.Former = a.MatchedName
			}
			return a, true
		}
	}
	return Agency{}, false
}

// lookup finds a name's entry and the key it matched by: in the area's
// own abbreviations, as printed, then prefixed with the area's name and
// with its police force area's name.
func (r *Registry) lookup(name, area string) (int, string) {
	k := nameKey(name)
	if k == "" {
		return -1, ""
	}
	if id, ok := r.ctx[nameKey(area)][k]; ok {
		return id, k
	}
	if id, mk := r.find(k); id >= 0 || area == "" {
		return id, mk
	}
	if id, mk := r.find(nameKey(area + " " + name)); id >= 0 {
		return id, mk
	}
	if a := r.Area(area); a != nil && a.ForceArea != a.Name {
		return r.find(nameKey(a.ForceArea + " " + name))
	}
	return -1, ""
}

// find looks a key up exactly, then order-free; it returns the entry and
// the key that matched.
func (r *Registry) find(k string) (int, string) {
	if id, ok := r.keyID(r.exact, k); ok && id >= 0 {
		return id, k
	}
	bk := "bag:" + bagKey(k)
	if id, ok := r.keyID(r.bag, bk); ok && id >= 0 {
		return id, bk
	}
	return -1, ""
}

// agency names the body an entry stands for today: an abolished body's
// successor (Former keeps the name matched), a service's parent body (Unit
// keeps the service, Sector stays the service's).
func (r *Registry) agency(printed string, id int) Agency {
	e := r.entries[id]
	a := Agency{Printed: printed, Canonical: e.Canonical, Sector: e.Sector, Matched: true}
	if e.Successor != "" {
		a.Former, a.Canonical = e.Canonical, e.Successor
		if sid, ok := r.byName[e.Successor]; ok {
			a.Sector = r.entries[sid].Sector
		}
	}
	if e.PartOf != "" {
		a.Unit, a.Canonical = e.Canonical, e.PartOf
	}
	return a
}

func (r *Registry) unmatched(name string) Agency {
	return Agency{Printed: name, Canonical: name, Sector: guessSector(name)}
}
