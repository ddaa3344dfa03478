package normalize

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

func showStatus(s Status) string {
	if s.Status == "" {
		return "-"
	}
	out := s.Status + " | " + s.Printed
	if s.Date.ISO != "" {
		out += " | " + s.Date.ISO
	}
	return out
}

// TestParseStatus reads one cell per line ("\n" for a line break); with
// "@kind=yn" the cells are "Complete Y/N" cells.
func TestParseStatus(t *testing.T) {
	runDD(t, "status.txt", func(c ddCase) string {
		var out []string
		for _, cell := range strings.Split(c.input, "\n") {
			cell = strings.ReplaceAll(cell, `\n`, "\n")
			if c.opts["kind"] == "yn" {
				out = append(out, showStatus(ParseYN(cell)))
			} else {
				out = append(out, showStatus(ParseStatus(cell)))
			}
		}
		return strings.Join(out, "\n")
	})
}

func TestStatusRanges(t *testing.T) {
	runDD(t, "ranges.txt", func(c ddCase) string {
		var out []string
		for _, r := range statusRanges(c.input) {
			out = append(out, fmt.Sprintf("%d-%d %s", r.lo, r.hi, r.status))
		}
		return strings.Join(out, "\n")
	})
}

func TestRAG(t *testing.T) {
	runDD(t, "rag.txt", func(c ddCase) string {
		if c.opts["kind"] == "legend" {
			l := FindLegend(strings.Split(c.input, "\n"), nil)
			var out []string
			for k, v := range l {
				out = append(out, k+"="+v)
			}
			sort.Strings(out)
			return strings.Join(out, "\n")
		}
		var out []string
		for _, cell := range strings.Split(c.input, "\n") {
			r := ParseRAG(cell)
			if r == "" {
				r = "-"
			}
			out = append(out, r)
		}
		return strings.Join(out, "\n")
	})
}

func FuzzStatus(f *testing.F) {
	for _, s := range []string{"Completed: x", "Complete 31/01/2020", "1-3 Complete", "Not started", "Y", "Green = complete"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, st := range []Status{ParseStatus(s), ParseYN(s)} {
			switch st.Status {
			case "", StatusCompleted, StatusOngoing, StatusNotStarted:
			default:
				t.Fatalf("%q: status %q", s, st.Status)
			}
			if st.Status == "" && (st.Printed != "" || st.Date.ISO != "") {
				t.Fatalf("%q: no status but %+v", s, st)
			}
		}
		for _, r := range statusRanges(s) {
			if r.lo >= r.hi || r.status == "" {
				t.Fatalf("%q: bad range %+v", s, r)
			}
		}
		_ = ParseRAG(s)
		_ = FindLegend([]string{s}, [][]string{{s, s}})
	})
}
