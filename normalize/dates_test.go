package normalize

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	runDD(t, "dates.txt", func(c ddCase) string {
		var out []string
		for _, line := range strings.Split(c.input, "\n") {
			d := ParseDate(line)
			s := d.ISO + " " + d.Precision
			if d.Warning != "" {
				s += " warning: " + d.Warning
			}
			if s = strings.TrimSpace(s); s == "" {
				s = "-"
			}
			out = append(out, s)
		}
		return strings.Join(out, "\n")
	})
}

func TestFindDates(t *testing.T) {
	runDD(t, "finddates.txt", func(c ddCase) string {
		var out []string
		for _, d := range FindDates(c.input) {
			out = append(out, d.Printed+" -> "+d.ISO+" "+d.Precision)
		}
		return strings.Join(out, "\n")
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"31/03/2023", "31st March 2023", "Q2 2024/25", "2025/26", "Mar-22", "31 September 2020", "03/2022"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := ParseDate(s)
		if d.ISO != "" && d.Warning != "" {
			t.Fatalf("%q: both ISO %q and warning %q", s, d.ISO, d.Warning)
		}
		if (d.ISO == "") != (d.Precision == "") {
			t.Fatalf("%q: ISO %q with precision %q", s, d.ISO, d.Precision)
		}
		for _, x := range FindDates(s) {
			if !strings.Contains(s, x.Printed) {
				t.Fatalf("%q: found %q, not in the input", s, x.Printed)
			}
		}
	})
}
