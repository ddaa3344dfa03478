package normalize

import (
	"regexp"
	"strings"
	"unicode"
)

// The pseudonym a review gives its subject is read, most specific first:
//  1. labelled: "Diana (pseudonym)", "Pseudonym: Leah", "Victim: 'Rosa'";
//  2. named by the title: what follows a review type ("Domestic Homicide
//     Review: Anna", "DHR – 'Anna'", "SAR Adult C", "Review into the death
//     of Kate", "Review (DHR) in respect of Patricia"), what follows "into
//     the death of" anywhere, or what stands before a bracketed type
//     ("Anna (DHR 14)"); a type line naming nobody may be followed by a
//     line that is only a name ("'Derek'", "Mr H");
//  3. a subject written as a letter anywhere ("Adult K", "Mr and Mrs F"),
//     a quoted given name, initials in brackets.
// A bare word is a name only when it is capitalised and is no word of a
// document's title (action, plan, report, months), no area and no body.

const (
	subjectWords = `Adult|Adults|Child|Children|Mr|Mrs|Ms|Miss|Mx|Dr|Family|Baby|Infant|Young Person|Person|Sibling|Siblings|Victim|Subject|Patient|Service User`
	letterName   = `(?:(?:Mr|Mrs|Ms|Miss|Mx)\s+(?:and|&)\s+(?:Mr|Mrs|Ms|Miss|Mx)\s+|(?:` + subjectWords + `)\s+)[A-Z]{1,3}\d?(?:\s+(?:and|&)\s+[A-Z]{1,3}\b)?`
	quoteOpen    = `['"“‘’]`
	quoteClose   = `['"”’]`
	givenName    = `\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?`
)

var (
	labelledNameREs = []*regexp.Regexp{
		regexp.MustCompile(`(` + givenName + `)\s*\((?:a |the )?pseudonym\)`),
		regexp.MustCompile(`(?i:pseudonym(?:ised)?(?: name)?|known as|referred to as|victim|subject|deceased)\s*(?:[:\-–]|\bis\b|\bof\b)\s*` + quoteOpen + `?((?-i:` + letterName + `|` + givenName + `))`),
	}
	// nameAtRE reads a name at the start of a text.
	nameAtRE = regexp.MustCompile(`^(?:` + quoteOpen + `\s*(` + givenName + `(?:\s+(?:and|&)\s+` + givenName + `)?)\s*` + quoteClose + `|(` + letterName + `)\b|(` + givenName + `(?:\s+(?:and|&)\s+` + givenName + `)?)(?:\s|$|[,.;:)(–-]))`)
	// leadInRE is what may stand between a review type and its subject.
	leadInRE = regexp.MustCompile(`^\s*(?i:\s*(?:\([A-Za-z/ ]{2,12}\)|\(?\b(?:no\.?\s*)?\d[\d/.-]*\)?|[:\-–—|,])\s*)*` +
		`(?i:(?:overview |executive summary |final )?(?:report\s+)?(?:into|in respect of|concerning|regarding|relating to|about|following|for|of|on)\s+(?:the\s+(?:[a-z]+\s+){0,3}?(?:death|deaths|care and treatment|homicide|murder|killing|case|circumstances)\s+of\s+)?)?`)
	// bracketNameRE reads a name in brackets after a review's number
	// ("Domestic Homicide Review DHR 07 (Ania)").
	bracketNameRE = regexp.MustCompile(`^[\s:–-]*(?i:(?:no\.?\s*)?\d[\d/.-]*)\s*\(\s*(` + givenName + `|` + letterName + `)\s*\)`)
	deathOfRE     = regexp.MustCompile(`(?i)\b(?:into|concerning|following|regarding|in respect of|about) the (?:[a-z]+ ){0,3}?(?:death|deaths|care and treatment|homicide|murder|killing) of\s*:?\s*`)
	// "Beatrice – Windlecombe DHR 2022-1": a name, a dash, then a line
	// that carries a review code.
	dashTypRE   = regexp.MustCompile(`^\s*(` + givenName + `|` + letterName + `)\s+[–—-]\s+[^–—]*\b(?:DHR|SAR|DARDR|CSPR|LCSPR|SCR|MHHR|SUSR|APR|CPR)\b`)
	beforeTypRE = regexp.MustCompile(`(` + givenName + `|` + letterName + `)\s*\(\s*(?:DHR|SAR|DARDR|CSPR|LCSPR|SCR|MHHR|SUSR|APR|CPR)\b[^)]*\)`)
	fallbackREs = []*regexp.Regexp{
		regexp.MustCompile(`\b(` + letterName + `)\b`),
		regexp.MustCompile(quoteOpen + `(` + givenName + `(?: ` + givenName + `)?)` + quoteClose),
		regexp.MustCompile(`\(([A-Z]{2,3})\)`),
	}
)

// titleWords are words of a document's title that are never a pseudonym.
var titleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`action actions plan plans report reports overview executive summary review reviews
		version update updated final draft published appendix annex recommendations recommendation learning lessons
		the a an and of for into in on by to with from at as partnership board council trust service services
		community safety safer safeguarding adults adult children child domestic homicide abuse related death
		practice serious case mental health independent investigation joint single unified multi agency
		progress monitoring tracker template response panel group committee document page official sensitive
		protect confidential restricted contents introduction background chronology briefing statement
		police nhs england wales local city county borough district metropolitan royal london
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec`) {
		titleWords[w] = true
	}
}

// Pseudonym returns the name a review gives its subject, or "".
func (r *Registry) Pseudonym(text string) string {
	text = capsToTitle(text)
	for _, re := range labelledNameREs {
		if m := re.FindStringSubmatch(text); m != nil && r.isName(m[1]) {
			return m[1]
		}
	}
	if n := r.titleName(text); n != "" {
		return n
	}
	if n := r.titleName(strings.ReplaceAll(text, "\n", " ")); n != "" {
		return n // a title wrapped by a narrow cell ("Safeguarding / Adults Review: Mr T")
	}
	for i, re := range fallbackREs {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			if i == len(fallbackREs)-1 && (isReviewCode(m[1]) || r.known(m[1]) || r.abbrevs[m[1]] != "") {
				continue
			}
			if i == 0 || r.isName(m[1]) {
				return m[1]
			}
		}
	}
	return ""
}

// titleName is the name the title gives: after a review type or "the death
// of", before a bracketed type, or alone on the line after a type line
// that names nobody.
func (r *Registry) titleName(text string) string {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if thematicRE.MatchString(line) {
			continue // a thematic review has no subject
		}
		typed := false
		for _, loc := range typeMentionRE.FindAllStringIndex(line, -1) {
			if !acronymOK(line[loc[0]:loc[1]], typeMentionRE) {
				continue
			}
			typed = true
			if n := r.nameAt(line[loc[1]:], true); n != "" {
				return n
			}
		}
		if loc := deathOfRE.FindStringIndex(line); loc != nil {
			if n := r.nameAt(line[loc[1]:], false); n != "" {
				return n
			}
		}
		if m := dashTypRE.FindStringSubmatch(line); m != nil && r.isName(m[1]) {
			return m[1]
		}
		if m := beforeTypRE.FindStringSubmatch(line); m != nil && r.isName(m[1]) {
			return m[1]
		}
		if typed && i+1 < len(lines) {
			if n := r.nameLine(lines[i+1]); n != "" {
				return n
			}
		}
	}
	return ""
}

// nameAt reads the name at the start of s, after a lead-in ("into the
// death of") when leadIn is set.
func (r *Registry) nameAt(s string, leadIn bool) string {
	if m := bracketNameRE.FindStringSubmatch(s); leadIn && m != nil && r.isName(m[1]) {
		return m[1] // "DHR 07 (Ania)"
	}
	if leadIn {
		s = s[len(leadInRE.FindString(s)):]
	}
	s = strings.TrimSpace(s)
	for skip := 0; skip < 3; skip++ {
		m := nameAtRE.FindStringSubmatch(s)
		if m == nil {
			return ""
		}
		for _, n := range m[1:] {
			if n == "" {
				continue
			}
			if bodyNounAfter(s, n) {
				return "" // "DHR Standing Panel": a body, not a name
			}
			if r.placeOfBody(s, n) {
				return "" // "Cwm Taf Morgannwg Safeguarding Board": a body's place, not a name
			}
			if r.isName(n) {
				return n
			}
			if first, _, ok := strings.Cut(n, " and "); ok && r.isName(first) {
				return first // "Anna and Safer Croydon"
			}
		}
		// an area or reference between the type and the name ("DHR Halton
		// Gemma", "APR Cwm Taf Morgannwg ..."): the longest area of up to
		// four words
		ws := strings.Fields(s)
		k := 0
		for n := min(4, len(ws)-1); n >= 1; n-- {
			if r.Area(strings.Join(ws[:n], " ")) != nil {
				k = n
				break
			}
		}
		if k == 0 {
			return ""
		}
		s = strings.Join(ws[k:], " ")
	}
	return ""
}

// bodyNouns end the name of a group or meeting, not of a person.
var bodyNouns = map[string]bool{"panel": true, "group": true, "board": true, "committee": true, "partnership": true,
	"team": true, "forum": true, "meeting": true, "process": true, "report": true, "review": true, "sub-group": true, "subgroup": true}

// bodyNounAfter: the word after n at the start of s names a group ("Standing
// Panel", "Review Group").
func bodyNounAfter(s, n string) bool {
	rest := strings.Fields(strings.TrimPrefix(strings.TrimSpace(s), n))
	return len(rest) > 0 && bodyNouns[strings.ToLower(strings.Trim(rest[0], ".,;:"))]
}

// placeOfBody: the capitalised words that open s name a body ("Cwm Taf
// Morgannwg Safeguarding Board") whose place starts with n: n is the
// place, not a name ("Anna Safer Croydon Partnership" keeps Anna).
func (r *Registry) placeOfBody(s, n string) bool {
	var run []string
	for _, w := range strings.Fields(s) {
		if c := []rune(w)[0]; !unicode.IsUpper(c) && w != "and" && w != "&" {
			break
		}
		run = append(run, w)
	}
	if len(run) < 2 {
		return false
	}
	p := r.placeOf(strings.Join(run, " "))
	return p != "" && (p == n || strings.HasPrefix(p, n+" "))
}

// nameLine is the name a line holds when it holds nothing else, or
// nothing but title words before it ("Executive Summary: Lowenna").
func (r *Registry) nameLine(line string) string {
	line = strings.TrimSpace(line)
	if bodyLineRE.MatchString(line) {
		return "" // "Cwm Taf Morgannwg Safeguarding Board" names a body
	}
	if i := strings.IndexAny(line, ":–—"); i > 0 && allTitleWords(line[:i]) {
		line = strings.TrimSpace(strings.TrimLeft(line[i:], ":–— "))
	}
	m := nameAtRE.FindStringSubmatch(line)
	if m == nil || len(strings.TrimRight(m[0], " ,.;:")) < len(strings.TrimRight(line, " .")) {
		return ""
	}
	for _, n := range m[1:] {
		if n != "" && r.isName(n) {
			return n
		}
	}
	return ""
}

// isName reports whether n can be a pseudonym: a subject with a letter, or
// capitalised words none of which is a title word, an area or a body.
func (r *Registry) isName(n string) bool {
	if letterOnlyRE.MatchString(n) {
		return true
	}
	for _, w := range strings.FieldsFunc(n, func(c rune) bool { return c == ' ' || c == '&' || c == '-' || c == '\'' || c == '’' }) {
		lw := strings.ToLower(w)
		if lw == "and" {
			continue
		}
		if titleWords[lw] || r.Area(w) != nil || r.knownAs(w) || isReviewCode(strings.ToUpper(w)) {
			return false
		}
	}
	return true
}

var thematicRE = regexp.MustCompile(`(?i)\bthematic\b`)

var letterOnlyRE = regexp.MustCompile(`^` + letterName + `$`)

// typeMentionRE finds any review type, long or short.
var typeMentionRE = func() *regexp.Regexp {
	var parts []string
	for _, t := range reviewTypes {
		parts = append(parts, t.re.String())
	}
	return regexp.MustCompile(strings.Join(parts, "|"))
}()

// capsToTitle writes the words of an all-capitals line in title case
// ("'MARIA'" -> "'Maria'", "ADULT F" -> "Adult F"), leaving acronyms
// ("DHR", "KMBC") alone.
func capsToTitle(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l != strings.ToUpper(l) || l == strings.ToLower(l) {
			continue
		}
		ws := strings.Fields(l)
		for j, w := range ws {
			if capsWord(w) {
				ws[j] = titleWord(w)
			}
		}
		lines[i] = strings.Join(ws, " ")
	}
	return strings.Join(lines, "\n")
}

// capsWord reports a word in capitals that is a word, not an acronym: a
// title ("Mr"), a quoted name ("'ANN'"), or four letters or more with a
// vowel ("MARIA", not "KMBC").
func capsWord(w string) bool {
	bare := strings.Trim(w, `:;,.()'"‘’“”`)
	if isReviewCode(bare) {
		return false
	}
	switch bare {
	case "MR", "MRS", "MS", "MISS", "MX":
		return true
	}
	if len(bare) < len(w) && strings.ContainsAny(w[:1], `'"‘“`) {
		return true
	}
	return len(bare) >= 4 && strings.ContainsAny(bare, "AEIOUY")
}

// titleWord capitalises the first letter of w and lowers the rest.
func titleWord(w string) string {
	rs := []rune(strings.ToLower(w))
	for k, c := range rs {
		if unicode.IsLetter(c) {
			rs[k] = unicode.ToUpper(c)
			break
		}
	}
	return string(rs)
}

func isReviewCode(s string) bool {
	for _, t := range reviewTypes {
		if t.code == s {
			return true
		}
	}
	return s == "NHS" || s == "CSP" || s == "SAB" || s == "GP" || s == "UK"
}

// knownAs reports whether w is a body's name as printed: an acronym
// ("BOB") names a body only when printed in capitals, so "Bob" is a name.
func (r *Registry) knownAs(w string) bool {
	id, mk := r.find(nameKey(w))
	if id < 0 {
		return false
	}
	orig := r.nameOfKey(mk)
	return !(orig == strings.ToUpper(orig) && w != strings.ToUpper(w))
}

func allTitleWords(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	for _, w := range ws {
		if !titleWords[w] {
			return false
		}
	}
	return len(ws) > 0
}
