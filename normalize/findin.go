package normalize

import (
	"regexp"
	"strings"
	"unicode"
)

// FindIn finds the bodies named inside running text or a role ("Detective
// Inspector, Public Protection Unit, Merseyside Police"): from left to
// right, the longest run of words that matches the registry, starting
// with a capital letter.
func (r *Registry) FindIn(text string, ctx Context) []Agency {
	words := strings.FieldsFunc(text, func(c rune) bool { return unicode.IsSpace(c) || c == ',' || c == ';' || c == '/' })
	var out []Agency
	seen := map[string]bool{}
	for i := 0; i < len(words); {
		a, n := r.longestAt(words, i, ctx)
		if n == 0 {
			i++
			continue
		}
		if !seen[a.Canonical] {
			seen[a.Canonical] = true
			out = append(out, a)
		}
		i += n
	}
	return out
}

const maxNameWords = 12

// longestAt is the longest match starting at word i, and its length.
func (r *Registry) longestAt(words []string, i int, ctx Context) (Agency, int) {
	if !startsUpper(words[i]) {
		return Agency{}, 0
	}
	for n := min(maxNameWords, len(words)-i); n > 0; n-- {
		name := tidyName(strings.Join(words[i:i+n], " "))
		if name == "" || roleOnly.MatchString(name) {
			continue
		}
		if a, ok := r.Match(name, ctx); ok {
			return a, n
		}
	}
	return Agency{}, 0
}

func startsUpper(w string) bool {
	for _, c := range w {
		return unicode.IsUpper(c) || unicode.IsDigit(c)
	}
	return false
}

// roleOnly is a run of words that names a role, never a body.
var roleOnly = regexp.MustCompile(`(?i)^(the )?(head|chair|lead|manager|director|officer|team|service|services|all|named|designated)$`)

// subjectRE finds the subject of a recommendation: "Cleveland Police to
// refresh ...", "Hartlepool Borough Council should ensure ...".
var subjectRE = regexp.MustCompile(`^(?:\d+(?:\.\d+)*[a-z]?[.:)]?\s+)?(?:(?i:recommendation)\s+\w+[.:]?\s+)?(.{3,120}?)\s+(?:to|should|must|will|shall|is to|are to)\s`)

// subjectAgencies are the bodies a recommendation names as its subject.
func (r *Registry) subjectAgencies(rec string, ctx Context) []Agency {
	m := subjectRE.FindStringSubmatch(rec)
	if m == nil {
		return nil
	}
	var out []Agency
	for _, a := range r.Agencies(m[1], ctx) {
		if a.Matched {
			out = append(out, a)
		}
	}
	return out
}

// roleBodies name the body a kind of role works for, looked up in the
// plan's area.
var roleBodies = []struct {
	re   *regexp.Regexp
	body string
}{
	{regexp.MustCompile(`(?i)\b(detective|inspector|sergeant|superintendent|constable|DCI|DI|DS|PPU|public protection unit)\b`), "Police"},
	{regexp.MustCompile(`(?i)\bprobation\b|\boffender manager\b`), "Probation"},
	{regexp.MustCompile(`(?i)\bsocial worker\b|\bsafeguarding adults manager\b`), "Adult Social Care"},
}

// roleBody is the body a role alone implies ("Detective Inspector, Public
// Protection Unit" is the area's police force), or nil.
func (r *Registry) roleBody(role string, ctx Context) []Agency {
	for _, rb := range roleBodies {
		if rb.re.MatchString(role) {
			if a, ok := r.Match(rb.body, ctx); ok {
				a.Printed = role
				return []Agency{a}
			}
		}
	}
	return nil
}
