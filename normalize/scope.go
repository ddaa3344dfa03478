package normalize

import (
	"regexp"
	"strings"
)

// Scope levels, narrowest first.
const (
	ScopeLocal    = "local"
	ScopeRegional = "regional"
	ScopeNational = "national"
)

// scopeWords find each level in a scope cell. Regional forms include
// "Pan-Merseyside", "Pan London", "Cumbria wide", "county-wide",
// "sub-regional", "force-wide", "across Merseyside".
var scopeWords = []struct {
	level string
	re    *regexp.Regexp
}{
	{ScopeNational, regexp.MustCompile(`(?i)\bnational(ly)?\b|\bnation[\s-]?wide\b|\bcountry[\s-]?wide\b|\bgovernment\b|\bengland and wales\b|\bUK\b`)},
	{ScopeRegional, regexp.MustCompile(`(?i)\bregion(al(ly)?|s)?\b|\bpan[\s-]+\pL|\b\pL+[\s-]?wide\b|\bcounty\b|\bforce\b|\bacross (the )?(county|force|region|sub-region|\p{Lu}\pL+)`)},
	{ScopeLocal, regexp.MustCompile(`(?i)\blocal(ly)?\b|\bborough\b|\bcity\b|\bdistrict\b|\bsingle agency\b|\bagency\b|\bpartnership\b`)},
}

// localWide are "X wide" forms that name one council's area or one body.
var localWide = regexp.MustCompile(`(?i)\b(borough|city|district|town|council|partnership|agency|service|organi[sz]ation|trust|school)[\s-]?wide\b`)

// ParseScope reads a scope cell: "local", "regional" or "national", the
// widest level named winning ("Local & National" is national), or "" when
// the cell names none.
func ParseScope(s string) string {
	s = localWide.ReplaceAllString(Clean(s), "local")
	for _, w := range scopeWords {
		if w.re.MatchString(s) {
			return w.level
		}
	}
	return ""
}

// scopeOf is ParseScope that keeps "local" for a bare area-wide phrase such
// as "Knowsley wide", which names one council's area, not a region.
func scopeOf(s, area string) string {
	lv := ParseScope(s)
	if lv == ScopeRegional && area != "" && isAreaWide(s, area) {
		return ScopeLocal
	}
	return lv
}

func isAreaWide(s, area string) bool {
	k := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(Clean(s), "-", " ")), " "))
	a := strings.ToLower(area)
	return k == a+" wide" || k == a+"wide"
}
