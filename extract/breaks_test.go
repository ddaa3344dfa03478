package extract

import (
	"strings"
	"testing"
)

// Tests for rules whose breaking once went unnoticed by the whole suite
// (issue 13): each fails when its rule is broken.

func lines(texts ...string) []cellLine {
	out := make([]cellLine, len(texts))
	for i, s := range texts {
		out[i] = cellLine{text: s, page: 1}
	}
	return out
}

func texts(ls []cellLine) string {
	var out []string
	for _, l := range ls {
		out = append(out, l.text)
	}
	return strings.Join(out, "|")
}

// A producer draws the line a page break cuts on both pages: it is kept once.
func TestAppendDedupLineOnBothPages(t *testing.T) {
	dst := lines("Briefings delivered to", "practitioners in every team")
	src := lines("practitioners in every team", "by March 2024.")
	got := appendDedup(dst, src)
	if texts(got) != "Briefings delivered to|practitioners in every team|by March 2024." {
		t.Errorf("got %q: the line drawn on both pages must be kept once", texts(got))
	}
	if !got[2].joined {
		t.Error("the line after the dropped repeat starts the page: it must be marked joined")
	}
	// A short line that repeats ("1.", "N") is text, not a repeat of the cut line.
	if got := appendDedup(lines("a", "N"), lines("N", "b")); texts(got) != "a|N|N|b" {
		t.Errorf("short repeated line dropped: %q", texts(got))
	}
	if got := appendDedup(lines("one"), lines("two")); texts(got) != "one|two" {
		t.Errorf("different lines: %q", texts(got))
	}
}

// Text continued at a page top in a merged column (a recommendation cell
// spanning several action rows) goes on in the merged cell, the group's first
// row; the other columns go on in the last row.
func TestAppendToMergedColumnGoesToFirstRow(t *testing.T) {
	b := &builder{}
	first := newRow([][]cellLine{lines("Recommendation text on"), lines("Action one")})
	last := newRow([][]cellLine{nil, lines("Action two starts")})
	b.groups = []*groupAcc{{rows: []*rowAcc{first, last}, merged: []bool{true, false}}}
	cont := [][]cellLine{
		{cellLine{text: "page two of the recommendation", page: 2}},
		{cellLine{text: "and ends here", page: 2}},
	}
	b.appendTo([][][]cellLine{cont}, band{page: 2, first: true})
	if got := texts(first.cells[0]); got != "Recommendation text on|page two of the recommendation" {
		t.Errorf("merged column, first row: %q", got)
	}
	if got := texts(last.cells[0]); got != "" {
		t.Errorf("merged column text went to the last row: %q", got)
	}
	if got := texts(last.cells[1]); got != "Action two starts|and ends here" {
		t.Errorf("unmerged column, last row: %q", got)
	}
	if got := texts(first.cells[1]); got != "Action one" {
		t.Errorf("unmerged column, first row: %q", got)
	}
	if last.pageLast != 2 || first.pageLast != 2 {
		t.Errorf("pages: first row to %d, last row to %d; want both to 2", first.pageLast, last.pageLast)
	}
}

// A plan header names what is to be done and who does it, by when, or how
// it went: an action or recommendation column alone is not a plan.
func TestPlanHeaderNeedsWhoWhenOrState(t *testing.T) {
	for _, c := range []struct {
		cats int
		want bool
	}{
		{catAct, false},
		{catRec, false},
		{catRec | catAct, false},
		{catNum | catAct | catOther, false},
		{catWho | catWhen | catState, false},
		{catAct | catWho, true},
		{catRec | catWhen, true},
		{catAct | catState, true},
	} {
		if got := isPlanHeader(c.cats); got != c.want {
			t.Errorf("isPlanHeader(%b) = %v, want %v", c.cats, got, c.want)
		}
	}
}

// Page furniture is a line repeated at the same height on at least half the
// pages (and at least two), not only one on every page.
func TestFurnitureOnHalfThePages(t *testing.T) {
	l := Line{Words: []Word{{Text: "Northdale", X0: 100, X1: 150, Top: 20, Bottom: 30}}, Top: 20, Bottom: 30, X0: 100, X1: 150}
	at := func(n int) []float64 {
		ys := make([]float64, n)
		for i := range ys {
			ys[i] = 20 + float64(i%2)
		}
		return ys
	}
	for _, c := range []struct {
		ys    []float64
		pages int
		want  bool
	}{
		{at(2), 4, true},  // half the pages
		{at(3), 4, true},  // more than half
		{at(4), 4, true},  // every page
		{at(2), 5, false}, // fewer than half
		{at(1), 1, false}, // one page says nothing
		{[]float64{20, 200}, 4, false},
	} {
		if got := isFurniture(l, c.ys, c.pages); got != c.want {
			t.Errorf("isFurniture(%d lines at one height, %d pages) = %v, want %v", len(c.ys), c.pages, got, c.want)
		}
	}
}

// A row's number is read from its first filled cell, except that an empty
// unlabeled first column (a number column left blank) means no number.
func TestNumberOfCells(t *testing.T) {
	for _, c := range []struct {
		names []string
		cells [][]cellLine
		want  string
	}{
		{[]string{"", "Recommendation"}, [][]cellLine{nil, lines("2. Train staff")}, ""},
		{[]string{"No", "Recommendation"}, [][]cellLine{nil, lines("3. Train staff")}, "3"},
		{[]string{"No", "Recommendation"}, [][]cellLine{lines("4."), lines("Train staff")}, "4"},
		{[]string{"", "Recommendation"}, [][]cellLine{lines("5"), lines("Train staff")}, "5"},
		{[]string{"Recommendation", "Lead"}, [][]cellLine{lines("Train staff"), lines("Police")}, ""},
	} {
		if got := numberOfCells(c.cells, layoutCols{names: c.names}); got != c.want {
			t.Errorf("numberOfCells(%q, %v) = %q, want %q", c.names, texts(c.cells[0])+"/"+texts(c.cells[1]), got, c.want)
		}
	}
}
