package normalize

import (
	"regexp"
	"strings"
)

// Band rows: a plan with no recommendation column may state each
// recommendation in a row across the table ("Recommendation 2: Agencies
// should ...") above the actions it governs (2.1, 2.2, ...), across page
// breaks. The extractor reads such a row as the theme of the rows under
// it; here a theme that states a numbered recommendation becomes their
// recommendation and recommendation number, and they make one
// recommendation (one group).

// bandRE reads a band: a recommendation label and number, or a number
// alone, then the text.
var bandRE = regexp.MustCompile(`^(?i:(?:recommendation|rec\.?|finding|learning point|learning|issue|area for (?:improvement|development)|key (?:finding|issue))\s*(?:no\.?\s*)?)?(R?\d{1,3}[a-z]?)\s*[:.)\-–—]\s*(\S.*)$`)

// band is a band row's number and text, if the theme is one. A number
// without a label counts only when the rows under it are numbered under
// it ("2" over "2.1").
func band(theme, firstNumber string) (number, text string, ok bool) {
	m := bandRE.FindStringSubmatch(strings.TrimSpace(theme))
	if m == nil {
		return "", "", false
	}
	labelled := !strings.HasPrefix(strings.TrimSpace(theme), m[1])
	if !labelled && !underNumber(firstNumber, m[1]) {
		return "", "", false
	}
	return m[1], strings.TrimSpace(m[2]), true
}

// underNumber: row number n is numbered under band number b ("2.1" under
// "2", "R2.1" under "R2").
func underNumber(n, b string) bool {
	return strings.HasPrefix(strings.ToUpper(n), strings.ToUpper(b)+".")
}

// applyBands gives the rows under a band its recommendation, in a table
// whose columns hold none.
func applyBands(recs []Record, cols columns) {
	if _, ok := cols.idx[FieldRecommendation]; ok {
		return
	}
	for i := 0; i < len(recs); {
		theme := recs[i].Theme
		j := i
		for j < len(recs) && recs[j].Theme == theme {
			j++
		}
		if n, text, ok := band(theme, recs[i].Number); ok && theme != "" {
			for k := i; k < j; k++ {
				recs[k].Recommendation, recs[k].RecommendationNumber = text, n
				recs[k].Theme = ""
				recs[k].Group = recs[i].Group
			}
		}
		i = j
	}
}
