package normalize

import (
	_ "embed"
	"strings"
)

// Three corrections to reading lead-agency cells.
//   - A department of a body is the body, keeping the department as the
//     mention's unit: "Mersey Care NHS Foundation Trust Safeguarding Team",
//     "Haringey Council Housing Services" (a council's service is looked up
//     in its area), "Safeguarding Team, Mersey Care" (a department cut off
//     by a comma joins the body next to it).
//   - A placeholder ("roles, not names", "TBC", "N/A") names no body.
//   - "and" inside a name does not cut it: a part that cut at "and" leaves
//     a bare area name ("Kent" of "Kent and Medway Safeguarding Adults
//     Board") is one name.
// Each is a few map lookups on name keys: no pattern is tried per
// candidate name.

//go:embed data/placeholders.txt
var placeholderData string

var placeholders = func() map[string]bool {
	m := map[string]bool{}
	for w := range loadSet(placeholderData) {
		m[nameKey(w)] = true
	}
	return m
}()

// isPlaceholder reports a text that names no body.
func isPlaceholder(s string) bool {
	return placeholders[nameKey(s)]
}

// deptWords are the words of a department's or team's name (name-key
// form): a name whose words after a body's name are all of these, or of
// small words, is that body's department.
var deptWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`team teams department departments service services unit units ward wards
		directorate division hub clinic clinics centre center office function board group panel committee
		safeguarding adult adults child children childrens family families public protection mental health
		crisis home treatment liaison community emergency urgent care maternity midwifery paediatric paediatrics
		perinatal inpatient inpatients outpatient outpatients acute specialist integrated primary secondary
		assessment access intake triage front door duty social work housing homelessness options solutions
		learning development training workforce quality governance patient experience complaints legal
		operations operational strategic commissioning contracts nursing medical named designated professionals
		professional practice practices partnership drug alcohol substance misuse recovery dependency
		probation offender management victim victims witness support domestic abuse violence vulnerability
		investigation investigations criminal cid mash marac mappa and of the for a in on at csc asc dept`) {
		deptWords[w] = true
	}
}

// unitOf reads a name as a body followed by one of its departments, or
// returns false. A council's department is first looked up as the
// council's service ("Housing Services" of Haringey).
func (r *Registry) unitOf(name string, ctx Context) (Agency, bool) {
	words := strings.Fields(nameKey(name))
	for i := len(words) - 1; i >= 1; i-- {
		id, mk := r.find(strings.Join(words[:i], " "))
		if id < 0 {
			continue
		}
		rest := words[i:]
		if !allDept(rest) || rest[0] == "and" {
			return Agency{}, false
		}
		body := r.agency(name, id)
		body.MatchedName = r.nameOfKey(mk)
		if area := r.councilArea[body.Canonical]; area != "" {
			if sid, sk := r.find(nameKey(area + " " + strings.Join(rest, " "))); sid >= 0 {
				a := r.agency(name, sid)
				a.MatchedName = r.nameOfKey(sk)
				if a.Canonical == body.Canonical {
					return a, true
				}
			}
		}
		if sid, _ := r.find(strings.Join(rest, " ")); sid >= 0 {
			return Agency{}, false // "Merseyside Police Probation": two bodies
		}
		if body.Unit == "" {
			body.Unit = name
		}
		return body, true
	}
	return Agency{}, false
}

func allDept(ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !deptWords[w] {
			return false
		}
	}
	return true
}

// isDept reports a piece that names a department alone ("Safeguarding
// Team").
func isDept(s string) bool {
	ws := strings.Fields(nameKey(s))
	if !allDept(ws) {
		return false
	}
	last := ws[len(ws)-1]
	return map[string]bool{"team": true, "teams": true, "department": true, "departments": true, "unit": true,
		"hub": true, "ward": true, "directorate": true, "division": true, "service": true, "services": true}[last]
}

// joinsAreas reports whether pieces cut at "and" leave a bare area name
// before the last piece: then "and" was part of a name.
func (r *Registry) joinsAreas(pieces []string) bool {
	for _, pc := range pieces[:len(pieces)-1] {
		pc = tidyName(pc)
		if r.Area(pc) != nil && !r.known(pc) {
			return true
		}
	}
	return false
}
