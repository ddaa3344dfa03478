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

// periodEnd gives the last day (YYYY-MM-DD) of the period an ISO target date
// names: the day itself, the last day of a month ("2022-03"), of a quarter
// ("2024-Q2") or of a year ("2025"); "" when iso is none of these. An action
// is overdue only once its whole target period has passed.
func periodEnd(iso string) string {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	var end time.Time
	switch m := reDay.FindStringSubmatch(iso); {
	case m != nil:
		end = time.Date(atoi(m[1]), time.Month(atoi(m[2])), atoi(m[3]), 0, 0, 0, 0, time.UTC)
		if end.Format("2006-01-02") != iso {
			return ""
		}
	case reMonth.MatchString(iso):
		m := reMonth.FindStringSubmatch(iso)
		mon := atoi(m[2])
		if mon < 1 || mon > 12 {
			return ""
		}
		end = time.Date(atoi(m[1]), time.Month(mon)+1, 0, 0, 0, 0, 0, time.UTC)
	case reQuarter.MatchString(iso):
		m := reQuarter.FindStringSubmatch(iso)
		end = time.Date(atoi(m[1]), time.Month(3*atoi(m[2]))+1, 0, 0, 0, 0, 0, time.UTC)
	case reYear.MatchString(iso):
		end = time.Date(atoi(iso), 12, 31, 0, 0, 0, 0, time.UTC)
	default:
		return ""
	}
	return end.Format("2006-01-02")
}
