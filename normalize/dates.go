package normalize

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a date as printed with its ISO value to the precision printed.
// ISO is "2023-03-31" (day), "2022-03" (month), "2024-Q2" (quarter) or
// "2025" (year); it is "" when the text names no calendar date ("Immediate",
// "Ongoing", "TBC") or an impossible one, which Warning then explains.
type Date struct {
	Printed   string
	ISO       string
	Precision string // day, month, quarter, financial_year, year or ""
	Warning   string
}

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

const monthRE = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

// The date forms, tried in order; each has a parser for its submatches.
var dateForms = []struct {
	re    *regexp.Regexp
	parse func(m []string) (Date, bool)
}{
	{regexp.MustCompile(`(?i)\b(\d{1,2})([/.\-])(\d{1,2})([/.\-])(\d{4}|\d{2})\b`), parseDMY},
	{regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-]+` + monthRE + `[\s,\-]+(\d{4}|\d{2})\b`), parseDayMonthName},
	{regexp.MustCompile(`(?i)\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`), parseMonthNameDay},
	{regexp.MustCompile(`(?i)\bQ([1-4])\s*[\-/ ]?\s*(\d{4})\s*[/\-]\s*(\d{4}|\d{2})\b`), parseFYQuarter},
	{regexp.MustCompile(`(?i)\bQ([1-4])\s+(\d{2})\s*/\s*(\d{2})\b`), parseFYQuarter}, // "Q4 24/25"
	{regexp.MustCompile(`(?i)\bQ([1-4])\s*[\-/ ]?\s*(\d{4})\b`), parseQuarter},
	{regexp.MustCompile(`(?i)\b(\d{4})\s*Q([1-4])\b`), parseYearQuarter},
	{regexp.MustCompile(`(?i)\b` + monthRE + `[\s,'’\-]+(\d{4}|\d{2})\b`), parseMonthName},
	{regexp.MustCompile(`(?i)\b(\d{1,2})\s*/\s*(\d{4})\b`), parseMonthSlash},
	{regexp.MustCompile(`(?i)\b(\d{4})-(\d{2})-(\d{2})\b`), parseISO},
	{regexp.MustCompile(`\b((?:19|20)\d{2})\s*[/\-]\s*((?:19|20)?\d{2})\b`), parseFinancialYear},
	{regexp.MustCompile(`\b((?:19|20)\d{2})\b`), parseYear},
}

// ParseDate reads the first date in s, UK day-first. A cell holding only
// words ("Immediate", "Ongoing", "TBC") gives a Date with no ISO value.
func ParseDate(s string) Date {
	s = strings.TrimSpace(s)
	best := Date{Printed: s}
	if !hasDigit(s) {
		return best // every form has a digit: none can match
	}
	at := len(s) + 1
	for _, f := range dateForms {
		loc := findIsolated(f.re, s)
		if loc == nil || loc[0] >= at {
			continue
		}
		m := submatches(s, loc)
		if d, ok := f.parse(m); ok || d.Warning != "" {
			d.Printed = s
			best, at = d, loc[0]
		}
	}
	return best
}

// FindDates returns every date printed in s, in order, each with the text
// that printed it.
func FindDates(s string) []Date {
	var out []Date
	for len(s) > 0 {
		d, end := firstDate(s)
		if end < 0 {
			break
		}
		out = append(out, d)
		s = s[end:]
	}
	return out
}

// firstDate is the earliest date in s and the offset just past it, or -1.
func firstDate(s string) (Date, int) {
	var best Date
	at, end := len(s)+1, -1
	if !hasDigit(s) {
		return best, end // every form has a digit: none can match
	}
	for _, f := range dateForms {
		loc := findIsolated(f.re, s)
		if loc == nil || loc[0] > at || (loc[0] == at && loc[1] <= end) {
			continue
		}
		if d, ok := f.parse(submatches(s, loc)); ok || d.Warning != "" {
			d.Printed = s[loc[0]:loc[1]]
			best, at, end = d, loc[0], loc[1]
		}
	}
	return best, end
}

// hasDigit reports an ASCII digit in s, which every date form (\d)
// needs.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// findIsolated is the first match of re in s that is not glued to further
// digits or slashes ("31/03" inside "1/31/03/2023" is no date).
func findIsolated(re *regexp.Regexp, s string) []int {
	for off := 0; off < len(s); {
		loc := re.FindStringSubmatchIndex(s[off:])
		if loc == nil {
			return nil
		}
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += off
			}
		}
		if !glued(s, loc[0]-1) && !glued(s, loc[1]) {
			return loc
		}
		off = loc[0] + 1
	}
	return nil
}

func glued(s string, i int) bool {
	return i >= 0 && i < len(s) && (s[i] == '/' || s[i] >= '0' && s[i] <= '9')
}

func submatches(s string, loc []int) []string {
	m := make([]string, len(loc)/2)
	for i := range m {
		if loc[2*i] >= 0 {
			m[i] = s[loc[2*i]:loc[2*i+1]]
		}
	}
	return m
}

func year(s string) int {
	y, _ := strconv.Atoi(s)
	if len(s) == 2 {
		y += 2000
	}
	return y
}

func month(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if m, ok := monthNames[s]; ok {
		return m
	}
	return monthNames[s[:3]]
}

// dayDate checks y-m-d exists; an impossible one is a warning.
func dayDate(y, m, d int) (Date, bool) {
	if m < 1 || m > 12 || d < 1 || y < 1900 || y > 2199 {
		return Date{Warning: fmt.Sprintf("impossible date: day %d month %d year %d", d, m, y)}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Date{Warning: fmt.Sprintf("impossible date: %d %s %d", d, time.Month(m), y)}, false
	}
	return Date{ISO: t.Format("2006-01-02"), Precision: "day"}, true
}

func monthDate(y, m int) (Date, bool) {
	if m < 1 || m > 12 || y < 1900 || y > 2199 {
		return Date{}, false
	}
	return Date{ISO: fmt.Sprintf("%04d-%02d", y, m), Precision: "month"}, true
}

func parseDMY(m []string) (Date, bool) {
	if m[2] != m[4] {
		return Date{}, false
	}
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[3])
	return dayDate(year(m[5]), mo, d)
}

func parseDayMonthName(m []string) (Date, bool) {
	d, _ := strconv.Atoi(m[1])
	return dayDate(year(m[3]), month(m[2]), d)
}

func parseMonthNameDay(m []string) (Date, bool) {
	d, _ := strconv.Atoi(m[2])
	return dayDate(year(m[3]), month(m[1]), d)
}

func parseISO(m []string) (Date, bool) {
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	return dayDate(year(m[1]), mo, d)
}

func parseMonthName(m []string) (Date, bool) { return monthDate(year(m[2]), month(m[1])) }

func parseMonthSlash(m []string) (Date, bool) {
	mo, _ := strconv.Atoi(m[1])
	return monthDate(year(m[2]), mo)
}

func parseQuarter(m []string) (Date, bool) {
	return Date{ISO: m[2] + "-Q" + m[1], Precision: "quarter"}, true
}

func parseYearQuarter(m []string) (Date, bool) {
	return Date{ISO: m[1] + "-Q" + m[2], Precision: "quarter"}, true
}

// parseFYQuarter reads "Q2 2024/25", a quarter of the financial year that
// starts in April: its Q1 is the calendar Q2, its Q4 the next year's Q1.
func parseFYQuarter(m []string) (Date, bool) {
	y, q := year(m[2]), int(m[1][0]-'0')
	if !isNextYear(y, m[3]) {
		return Date{}, false
	}
	if q == 4 {
		return Date{ISO: fmt.Sprintf("%d-Q1", y+1), Precision: "quarter"}, true
	}
	return Date{ISO: fmt.Sprintf("%d-Q%d", y, q+1), Precision: "quarter"}, true
}

// parseFinancialYear reads "2025/26" or "2025-2026", a UK financial year
// (April to March), as the month it ends: "2026-03". A deadline printed as
// a financial year is met by its last month.
func parseFinancialYear(m []string) (Date, bool) {
	y := year(m[1])
	if !isNextYear(y, m[2]) {
		return Date{}, false
	}
	return Date{ISO: fmt.Sprintf("%04d-03", y+1), Precision: "financial_year"}, true
}

// isNextYear reports whether s ("26" or "2026") is the year after y.
func isNextYear(y int, s string) bool {
	n, _ := strconv.Atoi(s)
	if len(s) == 2 {
		return n == (y+1)%100
	}
	return n == y+1
}

func parseYear(m []string) (Date, bool) {
	return Date{ISO: m[1], Precision: "year"}, true
}
