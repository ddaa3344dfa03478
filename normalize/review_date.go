package normalize

import (
	"regexp"
	"strings"
)

// A plan's own date is the date its statuses speak for. Title lines date a
// plan in several ways, ranked: "as at 31 March 2024" (the position at a
// date), "updated October 2023" / "most recent update ... February 2024",
// "Version 4 - October 2023", then any other date ("agreed February 2022",
// "published October 2022"). "Version 4 - updated October 2023" is an
// update of version 4. A plan with no dated title takes the date of its
// dated update column ("Update August 2024").

// Plan date kinds, from the weakest.
const (
	DateDated        = "dated"
	DateUpdateColumn = "update_column"
	DateVersion      = "version"
	DateUpdated      = "updated"
	DateAsAt         = "as_at"
)

var dateKindRank = map[string]int{DateDated: 1, DateUpdateColumn: 2, DateVersion: 3, DateUpdated: 4, DateAsAt: 5}

// datePhraseRE finds the words that say what the next date means.
var datePhraseRE = regexp.MustCompile(`(?i)\b(?:(as at|as of|position (?:as )?at|correct at|current at|status at)|(last updated|updated?|revised|refreshed|progress (?:at|to)|reviewed)|(?:version|ver\.?|v)\s*(\d{1,3}(?:\.\d{1,2})?))\b`)

// maxPhraseGap is how far after its phrase a date may stand ("updated for
// the DHR Oversight Group, October 2023").
const maxPhraseGap = 60

// planDating is what title lines say about the plan's date.
type planDating struct {
	date, kind, version string
}

// readPlanDate reads the best-ranked plan date of a text, line by line,
// and the version number it prints.
func readPlanDate(text string) planDating {
	var best planDating
	for _, line := range strings.Split(text, "\n") {
		for _, c := range lineDatings(line) {
			if c.version != "" && best.version == "" {
				best.version = c.version
			}
			if c.date != "" && better(c, best) {
				best.date, best.kind = c.date, c.kind
			}
		}
	}
	return best
}

// better reports whether c outranks b: a stronger kind, or for the same
// kind of update or position, a later date.
func better(c, b planDating) bool {
	rc, rb := dateKindRank[c.kind], dateKindRank[b.kind]
	if rc != rb {
		return rc > rb
	}
	return c.kind != DateDated && c.date > b.date
}

// lineDatings are the dates of one line, each with the kind its phrase
// gives; a date no phrase claims is "dated".
func lineDatings(line string) []planDating {
	var out []planDating
	claimed := map[string]bool{}
	for _, m := range datePhraseRE.FindAllStringSubmatchIndex(line, -1) {
		c := planDating{kind: DateVersion}
		switch {
		case m[2] >= 0:
			c.kind = DateAsAt
		case m[4] >= 0:
			c.kind = DateUpdated
		default:
			c.version = line[m[6]:m[7]]
		}
		rest := line[m[1]:]
		if len(rest) > maxPhraseGap {
			rest = rest[:maxPhraseGap]
		}
		if d := monthDateIn(rest); d != "" {
			c.date = d
			claimed[d] = true
		}
		out = append(out, c)
	}
	if d := monthDateIn(line); d != "" && !claimed[d] {
		out = append(out, planDating{date: d, kind: DateDated})
	}
	return out
}

// monthDateIn is the month ("2023-10") of the first day or month date in
// s, or "".
func monthDateIn(s string) string {
	for _, d := range FindDates(s) {
		if d.Precision == "month" || d.Precision == "day" {
			return d.ISO[:7]
		}
	}
	return ""
}

// settleDates fills the plan date from the update column when no title
// dates the plan (a plan "agreed November 2020" with an "Update October
// 2024" column keeps its own date), and the as-of date from a title's "as at" or "updated" date
// when that is later than the update column's.
func settleDates(rv *Review, columnAsOf string) {
	rv.AsOf = columnAsOf
	if rv.PlanDateKind == DateAsAt || rv.PlanDateKind == DateUpdated {
		if rv.PlanDate > rv.AsOf {
			rv.AsOf = rv.PlanDate
		}
	}
	if rv.AsOf != "" && rv.PlanDate == "" {
		rv.PlanDate, rv.PlanDateKind, rv.PlanDateSource = monthOf(rv.AsOf), DateUpdateColumn, DateUpdateColumn
	}
}

func monthOf(iso string) string {
	if len(iso) >= 7 {
		return iso[:7]
	}
	return iso
}
