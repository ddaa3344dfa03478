package normalize

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Agency names are compared by key. nameKey lower-cases a name, reads "&"
// as "and", drops apostrophes, punctuation and a leading "The", and writes
// the many spellings of common bodies one way ("Police and Crime
// Commissioner" and "OPCC" are "pcc", "Children Services" and "Children's
// Social Care" are "csc", "NHS Foundation Trust" is "trust"). bagKey
// further drops small words and plural "s" and sorts the words, so that
// "Office of The Merseyside Police & Crime Commissioner" and "Office of
// Police and Crime Commissioner for Merseyside" are one key.

var keyParens = regexp.MustCompile(`\s*\(([^()]*)\)`)

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

// nameKey is the exact key of a name: rawKey's words, then keyPhrases,
// without the padding and a leading "the".
func nameKey(s string) string {
	k, phrase := rawKey(s)
	if phrase {
		for _, p := range keyPhrases {
			k = strings.ReplaceAll(k, p.from, p.to)
		}
	}
	k = strings.TrimSpace(k)
	return strings.TrimPrefix(k, "the ")
}

// rawKey is s lower-cased, with ligatures undone, "&" and "+" read as
// "and", apostrophes dropped, and every run of characters that are not
// letters or digits made one space, padded with a space at each end (""
// when no word is left). It reports whether a word of it begins a
// keyPhrase, the only case in which a phrase can apply. It reads s in one
// pass, without regular expressions (keyApos and keyPunct, which
// rawKeyRegexp applies, define it: TestRawKeyMatchesRegexp).
func rawKey(s string) (string, bool) {
	if needsLigatures(s) {
		s = ligatures.Replace(s)
	}
	s = strings.ToLower(s)
	var arr [96]byte
	b := append(arr[:0], ' ')
	start, phrase := -1, false
	endWord := func() {
		if start >= 0 {
			if phraseFirst()[string(b[start:])] {
				phrase = true
			}
			start = -1
		}
	}
	beginWord := func() {
		if len(b) > 1 {
			b = append(b, ' ')
		}
		start = len(b)
	}
	for _, c := range s {
		switch {
		case c == '\'' || c == '’' || c == '‘' || c == '`':
			// dropped: "Children's" is "childrens"
		case c == '&' || c == '+':
			endWord()
			beginWord()
			b = append(b, "and"...)
			endWord()
		case c < utf8.RuneSelf && ('a' <= c && c <= 'z' || '0' <= c && c <= '9') || c >= utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsNumber(c)):
			if start < 0 {
				beginWord()
			}
			b = utf8.AppendRune(b, c)
		default:
			endWord()
		}
	}
	endWord()
	if len(b) == 1 {
		return "", false
	}
	b = append(b, ' ')
	return string(b), phrase
}

// needsLigatures reports whether ligatures may change s in a way a key
// sees: ASCII text without a carriage return has nothing it replaces.
func needsLigatures(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '\r' {
			return true
		}
	}
	return false
}

// phraseWords is the set of words of keyPhrases' texts.
var phraseWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, p := range keyPhrases {
		for _, w := range strings.Fields(p.from) {
			m[w] = true
		}
	}
	return m
})

// phraseFirst is the set of words that begin a keyPhrase.
var phraseFirst = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, p := range keyPhrases {
		m[strings.Fields(p.from)[0]] = true
	}
	return m
})

var bagStop = map[string]bool{"the": true, "of": true, "for": true, "and": true, "nhs": true, "in": true, "at": true, "office": true, "a": true}

// bagKey is the order-free key of an exact key.
func bagKey(key string) string {
	var arr [16]string
	ws := arr[:0]
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
