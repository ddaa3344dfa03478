package normalize

import (
	"regexp"
	"sort"
	"strings"
)

// Agency names are compared by key. nameKey lower-cases a name, reads "&"
// as "and", drops apostrophes, punctuation and a leading "The", and writes
// the many spellings of common bodies one way ("Police and Crime
// Commissioner" and "OPCC" are "pcc", "Children Services" and "Children's
// Social Care" are "csc", "NHS Foundation Trust" is "trust"). bagKey
// further drops small words and plural "s" and sorts the words, so that
// "Office of The Merseyside Police & Crime Commissioner" and "Office of
// Police and Crime Commissioner for Merseyside" are one key.

var (
	keyApos   = regexp.MustCompile(`['’‘` + "`" + `]`)
	keyPunct  = regexp.MustCompile(`[^\pL\pN]+`)
	keyParens = regexp.MustCompile(`\s*\(([^()]*)\)`)
)

var andSigns = strings.NewReplacer("&", " and ", "+", " and ")

// keyPhrases are applied in order to a key's text, padded with spaces.
var keyPhrases = []struct{ from, to string }{
	{" clinical commissioning groups ", " ccg "}, {" clinical commissioning group ", " ccg "},
	{" integrated care board ", " icb "}, {" community rehabilitation company ", " crc "},
	{" nhs foundation trust ", " trust "}, {" nhs ft ", " trust "}, {" nhsft ", " trust "}, {" foundation trust ", " trust "}, {" nhs trust ", " trust "},
	{" police fire and rescue and crime commissioner ", " pcc "},
	{" police fire and crime commissioner ", " pcc "}, {" police and crime commissioner ", " pcc "},
	{" police crime commissioner ", " pcc "}, {" opcc ", " pcc "}, {" pfcc ", " pcc "}, {" opfcc ", " pcc "},
	{" pccs ", " pcc "}, {" commissioners office ", " commissioner "},
	{" safeguarding adults board ", " sab "}, {" safeguarding adult board ", " sab "},
	{" adult safeguarding board ", " sab "}, {" adults safeguarding board ", " sab "},
	{" safeguarding adults partnership board ", " sab "}, {" safeguarding adults partnership ", " sab "},
	{" community safety partnership ", " csp "},
	{" local safeguarding childrens board ", " lscb "}, {" local safeguarding children board ", " lscb "},
	{" safeguarding childrens board ", " lscb "}, {" safeguarding children board ", " lscb "},
	{" safeguarding childrens partnership ", " scp "}, {" safeguarding children partnership ", " scp "},
	{" childrens safeguarding partnership ", " scp "}, {" safeguarding partnership for children ", " scp "},
	{" domestic abuse partnership board ", " dapb "}, {" da partnership board ", " dapb "},
	{" domestic abuse local partnership board ", " dapb "}, {" domestic abuse board ", " dapb "},
	{" adult social care services ", " asc "}, {" adult social care ", " asc "}, {" adults social care ", " asc "},
	{" adult social services ", " asc "}, {" adults services ", " asc "}, {" adult services ", " asc "},
	{" childrens social care services ", " csc "}, {" childrens social care ", " csc "}, {" children social care ", " csc "},
	{" childrens services ", " csc "}, {" children services ", " csc "}, {" childrens social services ", " csc "},
	{" children and families services ", " csc "}, {" childrens social work ", " csc "},
	{" metropolitan borough council ", " mbc "}, {" constabulary ", " police "}, {" police service ", " police "},
	{" police force ", " police "}, {" dept ", " department "}, {" uhb ", " university health board "},
}

// nameKey is the exact key of a name.
func nameKey(s string) string {
	s = strings.ToLower(ligatures.Replace(s))
	s = andSigns.Replace(s)
	s = keyApos.ReplaceAllString(s, "")
	s = " " + strings.TrimSpace(keyPunct.ReplaceAllString(s, " ")) + " "
	for _, p := range keyPhrases {
		s = strings.ReplaceAll(s, p.from, p.to)
	}
	s = strings.TrimSpace(s)
	return strings.TrimPrefix(s, "the ")
}

var bagStop = map[string]bool{"the": true, "of": true, "for": true, "and": true, "nhs": true, "in": true, "at": true, "office": true, "a": true}

// bagKey is the order-free key of an exact key.
func bagKey(key string) string {
	var ws []string
	for _, w := range strings.Fields(key) {
		if bagStop[w] {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = strings.TrimSuffix(w, "s")
		}
		ws = append(ws, w)
	}
	sort.Strings(ws)
	return strings.Join(ws, " ")
}

// splitParens separates "Greater Manchester Police (GMP)" into the name
// without its bracketed parts and those parts.
func splitParens(s string) (string, []string) {
	var inner []string
	for _, m := range keyParens.FindAllStringSubmatch(s, -1) {
		inner = append(inner, m[1])
	}
	return strings.TrimSpace(keyParens.ReplaceAllString(s, "")), inner
}
