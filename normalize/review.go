package normalize

import (
	"regexp"
	"strings"
)

// Review metadata is read from texts in order of trust: the title lines of
// the first page ("title"), the PDF's Title ("pdf_title") and the file
// name ("file_name"). Each value records the source it came from.

// reviewText is one text to read metadata from, with its source name.
type reviewText struct{ text, source string }

// reviewTypes: long forms and acronyms, the more specific first.
var reviewTypes = []struct {
	code string
	re   *regexp.Regexp
}{
	{"DARDR", regexp.MustCompile(`(?i)domestic abuse[- ]related death review|\bDARDR\b`)},
	{"DHR", regexp.MustCompile(`(?i)domestic homicide review|\bDHR\d*\b|\d_DHR\b`)},
	{"SAR", regexp.MustCompile(`(?i)safeguarding adults? review|\bSAR\d*\b`)},
	// A local child safeguarding practice review is the CSPR of the
	// statutory framework (the national panel's reviews are national
	// reviews): one type to count, whether "Local" is printed or not.
	{"CSPR", regexp.MustCompile(`(?i)child safeguarding practice review|\bL?CSPR\b`)},
	{"SCR", regexp.MustCompile(`(?i)serious case review|\bSCR\d*\b`)},
	{"MHHR", regexp.MustCompile(`(?i)mental health homicide review|independent (mental health )?(homicide )?investigation|\bMHHR\b`)},
	{"SUSR", regexp.MustCompile(`(?i)single unified safeguarding review|\bSUSR\b`)},
	{"APR", regexp.MustCompile(`(?i)adult practice review|\bAPR\b`)},
	{"CPR", regexp.MustCompile(`(?i)child practice review|\bCPR\b`)},
}

// ReviewType returns the review types a text names, in the order above,
// joined by "/" for a joint review ("DHR/SAR").
func ReviewType(text string) string {
	var codes []string
	for _, t := range reviewTypes {
		loc := t.re.FindStringIndex(text)
		if loc == nil {
			continue
		}
		if !acronymOK(text, t.re) {
			continue
		}
		codes = append(codes, t.code)
	}
	return strings.Join(codes, "/")
}

// acronymOK rejects an acronym match in lower case ("sar" inside words is
// excluded by \b; "Sar" in a name is not a review).
func acronymOK(text string, re *regexp.Regexp) bool {
	for _, m := range re.FindAllString(text, -1) {
		if len(m) > 8 || m == strings.ToUpper(m) {
			return true
		}
	}
	return false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

var (
	refLabelRE = regexp.MustCompile(`(?i)\bref(?:erence)?(?:\s*no)?\.?\s*:?\s+([A-Z]{0,6}\d[\w/-]*\d)\b`)
	refRE      = regexp.MustCompile(`\b(?:([A-Z][A-Za-z&]{1,12})[ _-]+)?((?:DHR|SAR|DARDR|CSPR|LCSPR|SCR|MHHR|SUSR|APR|CPR)[ _-]?\d{1,4}(?:[/-]\d{1,6})?)\b`)
	lastWordRE = regexp.MustCompile(`(\p{Lu}\p{Ll}+)\s+$`)
	refNumRE   = regexp.MustCompile(`\b(\d{1,4}_(?:DHR|SAR|CSPR|SCR))(?:\b|_)`)
	refCodeRE  = regexp.MustCompile(`\b([A-Z]{2,5}\d{3,6})\b`)
)

// Reference returns the review's reference as printed ("KMBC DHR05",
// "Sefton DHR1", "DHR12", "005_DHR", "SBP1703", or what follows "ref."),
// and the word before the review code when it names the area or its
// council ("KMBC", "Sefton") and is not the end of a longer name ("Safer
// Cumbria DHR 2020/04" gives "DHR 2020/04").
func (r *Registry) Reference(text string) (ref, prefix string) {
	if m := refLabelRE.FindStringSubmatch(text); m != nil {
		return m[1], ""
	}
	if m := refRE.FindStringSubmatchIndex(text); m != nil {
		code := text[m[4]:m[5]]
		if m[2] < 0 {
			return code, ""
		}
		word := text[m[2]:m[3]]
		if r.areaOfWord(word) != "" && !r.endsName(text[:m[2]], word) {
			return word + " " + code, word
		}
		return code, word
	}
	if m := refNumRE.FindStringSubmatch(text); m != nil {
		return m[1], ""
	}
	if m := refCodeRE.FindStringSubmatch(text); m != nil {
		return m[1], ""
	}
	return "", ""
}

// endsName reports whether word ends a body's name begun by the word
// before it ("Safer" + "Cumbria").
func (r *Registry) endsName(before, word string) bool {
	m := lastWordRE.FindStringSubmatch(before)
	if m == nil {
		return false
	}
	_, ok := r.Match(m[1]+" "+word, Context{})
	return ok
}

// areaOfWord returns the area a council abbreviation or area name names.
func (r *Registry) areaOfWord(w string) string {
	if a, ok := r.abbrevs[w]; ok {
		return a
	}
	if a := r.Area(w); a != nil && a.Council != "" {
		return a.Name
	}
	return ""
}

func containsWord(text, w string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(w)
		if (j == 0 || !isWordByte(text[j-1])) && (end == len(text) || !isWordByte(text[end])) {
			return true
		}
		i = j + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// known reports whether a name is a body of the registry.
func (r *Registry) known(name string) bool {
	id, _ := r.find(nameKey(name))
	return id >= 0
}
