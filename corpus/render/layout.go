package main

import (
	"strings"

	"github.com/actionplan/actionplan/corpus/spec"
)

// Page geometry shared by both renderings. A4 in twips.
const (
	a4Short = 11906
	a4Long  = 16838
)

func landscape(s *spec.Spec) bool { return s.Layout.Orientation == "landscape" }

func pageTwips(s *spec.Spec) (w, h int) {
	if landscape(s) {
		return a4Long, a4Short
	}
	return a4Short, a4Long
}

func marginCM(s *spec.Spec) float64 {
	if s.Layout.MarginCM > 0 {
		return s.Layout.MarginCM
	}
	return 2
}

func marginTwips(s *spec.Spec) int { return int(marginCM(s) / 2.54 * 1440) }

func font(s *spec.Spec, t *spec.Table) string {
	if t != nil && t.Font != "" {
		return t.Font
	}
	if s.Layout.Font != "" {
		return s.Layout.Font
	}
	return "Liberation Sans"
}

func size(s *spec.Spec, t *spec.Table) float64 {
	if t != nil && t.Size > 0 {
		return t.Size
	}
	if s.Layout.Size > 0 {
		return s.Layout.Size
	}
	return 10
}

// widths scales a table's relative widths to total.
func widths(t *spec.Table, total int) []int {
	sum := 0.0
	for _, w := range t.Widths {
		sum += w
	}
	out := make([]int, len(t.Widths))
	for i, w := range t.Widths {
		out[i] = int(w / sum * float64(total))
	}
	return out
}

// footerParts splits a footer template around {page} and {pages}.
func footerParts(f string) []string {
	var out []string
	for f != "" {
		i := strings.Index(f, "{page")
		if i < 0 {
			return append(out, f)
		}
		if i > 0 {
			out = append(out, f[:i])
		}
		f = f[i:]
		j := strings.Index(f, "}") + 1
		out = append(out, f[:j])
		f = f[j:]
	}
	return out
}
