package store

import (
	"regexp"
	"strconv"
	"time"
)

var (
	reDay     = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	reMonth   = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	reQuarter = regexp.MustCompile(`^(\d{4})-Q([1-4])$`)
	reYear    = regexp.MustCompile(`^(\d{4})$`)
)

const isoDay = "2006-01-02"

// period gives the first and last day (YYYY-MM-DD) of the period an ISO date
// to some precision names: a day ("2023-03-31"), a month ("2022-03"), a
// quarter ("2024-Q2") or a year ("2025"). A month of precision
// "financial_year" is the last month of a UK financial year (April to
// March). ok is false when iso is none of these. The database keeps target
// dates in one form, the last day of their period: an action is overdue only
// once its whole target period has passed.
func period(iso, precision string) (start, end string, ok bool) {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	var s, e time.Time
	switch {
	case reDay.MatchString(iso):
		m := reDay.FindStringSubmatch(iso)
		s = time.Date(atoi(m[1]), time.Month(atoi(m[2])), atoi(m[3]), 0, 0, 0, 0, time.UTC)
		if s.Format(isoDay) != iso {
			return "", "", false
		}
		e = s
	case reMonth.MatchString(iso):
		m := reMonth.FindStringSubmatch(iso)
		mon := atoi(m[2])
		if mon < 1 || mon > 12 {
			return "", "", false
		}
		s = time.Date(atoi(m[1]), time.Month(mon), 1, 0, 0, 0, 0, time.UTC)
		e = s.AddDate(0, 1, -1)
		if precision == "financial_year" {
			s = s.AddDate(0, -11, 0)
		}
	case reQuarter.MatchString(iso):
		m := reQuarter.FindStringSubmatch(iso)
		s = time.Date(atoi(m[1]), time.Month(3*atoi(m[2])-2), 1, 0, 0, 0, 0, time.UTC)
		e = s.AddDate(0, 3, -1)
	case reYear.MatchString(iso):
		s = time.Date(atoi(iso), 1, 1, 0, 0, 0, 0, time.UTC)
		e = time.Date(atoi(iso), 12, 31, 0, 0, 0, 0, time.UTC)
	default:
		return "", "", false
	}
	return s.Format(isoDay), e.Format(isoDay), true
}

// periodEnd is the last day of the period iso names, "" when none.
func periodEnd(iso string) string {
	_, e, _ := period(iso, "")
	return e
}

// periodStart is the first day of the period iso names, "" when none.
func periodStart(iso string) string {
	s, _, _ := period(iso, "")
	return s
}

// precisionOf names the precision of an ISO date's form, "" when none.
func precisionOf(iso string) string {
	switch {
	case reDay.MatchString(iso):
		return "day"
	case reMonth.MatchString(iso):
		return "month"
	case reQuarter.MatchString(iso):
		return "quarter"
	case reYear.MatchString(iso):
		return "year"
	}
	return ""
}
