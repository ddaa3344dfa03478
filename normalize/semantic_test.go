package normalize

import (
	"reflect"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// TestBand: a theme that states a numbered recommendation is a band; a
// number alone counts only over rows numbered under it; other themes are
// themes.
func TestBand(t *testing.T) {
	for _, c := range []struct {
		theme, first, num, text string
		ok                      bool
	}{
		{"Recommendation 3: Agencies should share the plan.", "3.1", "3", "Agencies should share the plan.", true},
		{"RECOMMENDATION 12 - Train staff", "", "12", "Train staff", true},
		{"Finding 2. Records were incomplete", "2.1", "2", "Records were incomplete", true},
		{"Rec R4: Publish it", "R4.1", "R4", "Publish it", true},
		{"4. Publish the learning", "4.1", "4", "Publish the learning", true},
		{"4. Publish the learning", "5.1", "", "", false},
		{"Theme 1 - Making Safeguarding Personal", "1.1", "", "", false},
		{"Recommendations", "1", "", "", false},
	} {
		num, text, ok := band(c.theme, c.first)
		if ok != c.ok || num != c.num || text != c.text {
			t.Errorf("band(%q, %q) = %q, %q, %v; want %q, %q, %v", c.theme, c.first, num, text, ok, c.num, c.text, c.ok)
		}
	}
}

// TestApplyBands: rows under a band take its text and number and one
// group; a table with a recommendation column keeps its themes.
func TestApplyBands(t *testing.T) {
	recs := []Record{
		{Number: "1.1", Group: 1, Theme: "Recommendation 1: Do a"},
		{Number: "1.2", Group: 2, Theme: "Recommendation 1: Do a"},
		{Number: "2.1", Group: 3, Theme: "Theme B"},
	}
	applyBands(recs, readColumns([]string{"Ref", "Action", "Lead"}))
	want := [][3]any{{"Do a", "1", 1}, {"Do a", "1", 1}, {"", "", 3}}
	for i, r := range recs {
		if got := [3]any{r.Recommendation, r.RecommendationNumber, r.Group}; got != want[i] {
			t.Errorf("row %d: %v, want %v", i+1, got, want[i])
		}
	}
	if recs[2].Theme != "Theme B" || recs[0].Theme != "" {
		t.Errorf("themes %q %q", recs[0].Theme, recs[2].Theme)
	}
	kept := []Record{{Number: "1", Theme: "Recommendation 1: Do a", Recommendation: "own"}}
	applyBands(kept, readColumns([]string{"No", "Recommendation", "Lead"}))
	if kept[0].Recommendation != "own" || kept[0].Theme == "" {
		t.Errorf("a table with a recommendation column: %+v", kept[0])
	}
}

// TestFindCodes: key lines give codes their statuses; a line with one
// "X = y" and no key label is not a key; colour words count as codes of
// the line but are read through the legend.
func TestFindCodes(t *testing.T) {
	got := FindCodes([]string{
		"Status key: C = Complete; IP = In progress; NYS = Not yet started.",
		"Key: G = complete, A = on track, R = off track",
		"The MASH = the Multi-Agency Safeguarding Hub",
		"Legend: X = closed",
	})
	want := Codes{"C": StatusCompleted, "IP": StatusOngoing, "NYS": StatusNotStarted,
		"G": StatusCompleted, "A": StatusOngoing, "R": StatusOngoing, "X": StatusCompleted}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("codes %v\nwant %v", got, want)
	}
}

// TestCodeStatus: the plan's key first, then the usual codes; words and
// colours are left to the other readers.
func TestCodeStatus(t *testing.T) {
	d := &docState{codes: Codes{"C": StatusOngoing}}
	for _, c := range []struct{ field, cell, want string }{
		{FieldStatus, "C", StatusOngoing}, // the plan's own key wins
		{FieldStatus, "NS", StatusNotStarted},
		{FieldRAG, "IP.", StatusOngoing},
		{FieldStatus, "Green", ""},
		{FieldUpdate, "C", ""},
		{FieldStatus, "TBC", ""},
	} {
		if got := d.codeStatus(c.field, c.cell).Status; got != c.want {
			t.Errorf("codeStatus(%s, %q) = %q, want %q", c.field, c.cell, got, c.want)
		}
	}
}

// TestColourDefaults: every colour gets a status; with blue in the plan,
// green is on track.
func TestColourDefaults(t *testing.T) {
	recs := []Record{{RAG: "green"}, {RAG: "amber"}, {RAG: "red"}, {RAG: "yellow"}, {RAG: "green", Status: StatusNotStarted}}
	applyColourDefaults(recs)
	var got []string
	for _, r := range recs {
		got = append(got, r.Status)
	}
	if want := []string{StatusCompleted, StatusOngoing, StatusNotStarted, StatusOngoing, StatusNotStarted}; !reflect.DeepEqual(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
	blue := []Record{{RAG: "blue"}, {RAG: "green"}}
	applyColourDefaults(blue)
	if blue[0].Status != StatusCompleted || blue[1].Status != StatusOngoing {
		t.Errorf("blue plan: %q %q", blue[0].Status, blue[1].Status)
	}
}

// TestNumberFlags: gaps and repeats in row numbers, at each level; rows of
// one merged recommendation share their number.
func TestNumberFlags(t *testing.T) {
	recs := []Record{
		{Number: "1", Group: 1}, {Number: "1", Group: 1}, {Number: "2.1", Group: 2}, {Number: "2.3", Group: 3},
		{Number: "4", Group: 4}, {Number: "4", Group: 5},
	}
	got := numberFlags(recs)
	want := [][2]string{
		{extract.FlagNumberGap, "2.3 after 2.1, 4 after 2"},
		{extract.FlagNumberRepeat, "4"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("flags %q\nwant %q", got, want)
	}
	if got := numberFlags([]Record{{Number: "R1"}, {Number: "R2"}, {Number: "R3"}}); len(got) != 0 {
		t.Errorf("a clean sequence flagged: %q", got)
	}
}

// TestSwatchLegend: a key table whose first cell is a colour swatch (shaded,
// no text) gives that colour its meaning.
func TestSwatchLegend(t *testing.T) {
	doc := &extract.Document{Tables: []extract.Table{{Columns: []string{"", "Meaning"}, Rows: []extract.Row{
		{Cells: []string{"", "Complete"}, Fills: []string{"#00b050", ""}},
		{Cells: []string{"", "Not started"}, Fills: []string{"#ff0000", ""}},
	}}}}
	l := FindLegend(nil, keyRows(doc))
	if l["green"] != StatusCompleted || l["red"] != StatusNotStarted {
		t.Errorf("legend %v", l)
	}
}
