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
	// A cell of one line before the break repeats it as well.
	if got := appendDedup(lines("Briefings delivered to"), lines("Briefings delivered to", "every team.")); texts(got) != "Briefings delivered to|every team." {
		t.Errorf("one-line cell: %q: the line drawn on both pages must be kept once", texts(got))
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

// The leading cells that identify a row: the unlabeled number column and the
// first labeled one, in a table wider than two columns; else the first.
func TestLeadCols(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  int
	}{
		{[]string{"", "Recommendation", "Lead"}, 2},
		{[]string{"", "Recommendation"}, 1},
		{[]string{"No", "Recommendation", "Lead"}, 1},
		{[]string{"Recommendation", "Lead"}, 1},
	} {
		b := &builder{cols: layoutCols{names: c.names}}
		if got := b.leadCols(); got != c.want {
			t.Errorf("leadCols(%q) = %d, want %d", c.names, got, c.want)
		}
	}
	// A row with its leading cells empty adds actions to the row above.
	b := &builder{cols: layoutCols{names: []string{"", "Recommendation", "Action"}}}
	if !b.leadingEmpty([][]cellLine{nil, nil, lines("Second action")}) {
		t.Error("empty number and recommendation cells: the row is a further action")
	}
	if b.leadingEmpty([][]cellLine{nil, lines("Another recommendation"), lines("Action")}) {
		t.Error("a filled recommendation cell starts a new row")
	}
	if b.leadingEmpty([][]cellLine{nil, nil, nil}) {
		t.Error("an empty row is no further action")
	}
}

// cellFills reads each cell's shading at the height of the row's first
// line: nil when no cell is shaded, a colour per column otherwise (every
// column shaded included).
func TestCellFills(t *testing.T) {
	cols := layoutCols{names: []string{"No", "Action", "RAG"}, bounds: []float64{0, 50, 250, 300}}
	row := [][]cellLine{{{text: "1", top: 100, bot: 110}}, {{text: "Train staff", top: 100, bot: 110}}, nil}
	fill := func(x0, x1 float64, c string) Fill { return Fill{X0: x0, Y0: 95, X1: x1, Y1: 130, Color: c} }
	for _, c := range []struct {
		name  string
		fills []Fill
		want  string
	}{
		{"none", nil, "<nil>"},
		{"elsewhere", []Fill{{X0: 0, Y0: 300, X1: 300, Y1: 320, Color: "#ff0000"}}, "<nil>"},
		{"RAG cell", []Fill{fill(250, 300, "#00b050")}, "||#00b050"},
		{"first cell", []Fill{fill(0, 50, "#d9d9d9")}, "#d9d9d9||"},
		{"every cell", []Fill{fill(0, 50, "#d9d9d9"), fill(50, 250, "#eeeeee"), fill(250, 300, "#ffc000")}, "#d9d9d9|#eeeeee|#ffc000"},
		{"a shading more than twice the cell's width", []Fill{fill(0, 120, "#cccccc")}, "<nil>"},
		{"last drawn wins", []Fill{fill(250, 300, "#ff0000"), fill(250, 300, "#00b050")}, "||#00b050"},
	} {
		b := &builder{doc: &Document{Pages: []Page{{Fills: c.fills}}}, cols: cols}
		got := b.cellFills(0, row)
		s := "<nil>"
		if got != nil {
			s = strings.Join(got, "|")
		}
		if s != c.want {
			t.Errorf("%s: fills %q, want %q", c.name, s, c.want)
		}
	}
}

// A row's shading: nil when neither it nor its group's first row is
// shaded; a merged cell takes the first row's shading.
func TestRowFills(t *testing.T) {
	first := &rowAcc{fills: []string{"#ff0000", "", ""}}
	plain := &rowAcc{}
	g := &groupAcc{rows: []*rowAcc{first, plain}, merged: []bool{true, false, false}}
	if got := rowFills(g, plain, 3); strings.Join(got, "|") != "#ff0000||" {
		t.Errorf("merged shaded cell over an unshaded action row: %q", got)
	}
	own := &rowAcc{fills: []string{"", "", "#00b050"}}
	g = &groupAcc{rows: []*rowAcc{first, own}, merged: []bool{true, false, false}}
	if got := rowFills(g, own, 3); strings.Join(got, "|") != "#ff0000||#00b050" {
		t.Errorf("own shading and the merged cell's: %q", got)
	}
	g = &groupAcc{rows: []*rowAcc{{}, plain}, merged: []bool{true, false, false}}
	if got := rowFills(g, plain, 3); got != nil {
		t.Errorf("no shading anywhere: %q, want nil", got)
	}
}

// An action row that holds no text of its own (and no merged cell) is placed
// on the pages of its group's first row.
func TestFinishEmptyActionRowPages(t *testing.T) {
	cols := layoutCols{names: []string{"No", "Action"}, bounds: []float64{0, 50, 300}}
	b := &builder{doc: &Document{Pages: make([]Page, 3)}, cols: cols}
	first := newRow([][]cellLine{{{text: "1", x1: 20, page: 1, base: 100}}, {{text: "Train staff", x1: 200, page: 1, base: 100}, {text: "in March", x1: 150, page: 2, base: 50}}})
	empty := &rowAcc{cells: [][]cellLine{nil, nil}, pageFirst: -1}
	b.groups = []*groupAcc{{rows: []*rowAcc{first, empty}, merged: []bool{false, false}}}
	tab := b.finish(Table{})
	if len(tab.Rows) != 2 {
		t.Fatalf("%d rows", len(tab.Rows))
	}
	if r := tab.Rows[0]; r.PageFirst != 2 || r.PageLast != 3 || r.Group != 1 {
		t.Errorf("first row: pages %d-%d, group %d; want 2-3, group 1", r.PageFirst, r.PageLast, r.Group)
	}
	if r := tab.Rows[1]; r.PageFirst != 2 || r.PageLast != 3 {
		t.Errorf("empty action row: pages %d-%d, want its group's 2-3", r.PageFirst, r.PageLast)
	}
}

// A header band starts at a line at least 60% of whose words are labels,
// fillers or dates.
func TestHeaderShareBoundary(t *testing.T) {
	line := func(texts ...string) Line {
		var ws []Word
		for i, s := range texts {
			x := 20 + float64(i)*150
			ws = append(ws, Word{Text: s, X0: x, X1: x + 80, Top: 100, Bottom: 110, Size: 10})
		}
		return Line{Words: ws, X0: ws[0].X0, X1: ws[len(ws)-1].X1, Top: 100, Bottom: 110}
	}
	for _, c := range []struct {
		words []string
		want  bool
	}{
		{[]string{"Recommendation", "Lead", "Target", "Zorvath", "Quillan"}, true}, // 3 of 5
		{[]string{"Recommendation", "Lead", "Zorvath", "Quillan"}, false},          // 2 of 4
		{[]string{"Recommendation", "Lead", "Target", "Status"}, true},
	} {
		p := &Page{Width: 900, Height: 600, Lines: []Line{line(c.words...)}}
		h, ok := headerAt(p, 0, 0)
		if ok != c.want || (ok && !h.plan) {
			t.Errorf("headerAt(%q) = %v (plan %v), want %v", c.words, ok, h.plan, c.want)
		}
	}
}

// A line's size is its largest word's; a line whose words carry no size is
// taken as 10pt.
func TestLineSize(t *testing.T) {
	for _, c := range []struct {
		sizes []float64
		want  float64
	}{
		{[]float64{0, 0}, 10}, {[]float64{1}, 1}, {[]float64{8, 11.5, 9}, 11.5}, {nil, 10},
	} {
		var l Line
		for _, s := range c.sizes {
			l.Words = append(l.Words, Word{Text: "w", Size: s})
		}
		if got := l.size(); got != c.want {
			t.Errorf("size of %v = %v, want %v", c.sizes, got, c.want)
		}
	}
}

// Header words close together form one label, unless a vertical rule runs
// between them; words stacked over each other join.
func TestClusterLabelsRuleSeparates(t *testing.T) {
	w := func(s string, x0, x1, top float64) Word {
		return Word{Text: s, X0: x0, X1: x1, Top: top, Bottom: top + 10, Size: 10}
	}
	words := []Word{w("Lead", 100, 120, 50), w("agency", 123, 150, 50), w("Target", 153, 180, 50), w("date", 155, 175, 62)}
	labels := func(ls []label) string {
		var out []string
		for _, l := range ls {
			var ws []string
			for _, x := range l.words {
				ws = append(ws, x.Text)
			}
			out = append(out, strings.Join(ws, " "))
		}
		return strings.Join(out, "|")
	}
	if got := labels(clusterLabels(words, nil)); got != "Lead agency Target date" {
		t.Errorf("no rules: %q", got)
	}
	if got := labels(clusterLabels(words, []float64{151.5})); got != "Lead agency|Target date" {
		t.Errorf("a rule between 'agency' and 'Target': %q", got)
	}
}

// rulesAcross finds the heights strictly between yLo and yHi where
// horizontal rules cover at least frac of [x0, x1]; ruleAbove accepts a rule
// up to 1pt inside a line's top.
func TestRulesAcrossBoundaries(t *testing.T) {
	h := func(y, x0, x1 float64) Rule { return Rule{X0: x0, Y0: y, X1: x1, Y1: y} }
	if got := rulesAcross([]Rule{h(100, 0, 50)}, 90, 110, 0, 100, 0.5); len(got) != 1 {
		t.Errorf("a rule covering exactly half: %v, want one height", got)
	}
	if got := rulesAcross([]Rule{h(100, 0, 49)}, 90, 110, 0, 100, 0.5); len(got) != 0 {
		t.Errorf("a rule covering less than half: %v", got)
	}
	if got := rulesAcross([]Rule{h(90, 0, 100), h(110, 0, 100)}, 90, 110, 0, 100, 0.5); len(got) != 0 {
		t.Errorf("rules at the limits are not strictly between: %v", got)
	}
	if got := rulesAcross([]Rule{{X0: 50, Y0: 80, X1: 50, Y1: 120}}, 90, 110, 0, 100, 0.1); len(got) != 0 {
		t.Errorf("a vertical rule: %v", got)
	}
	l := Line{Words: []Word{{Text: "Lead", X0: 10, X1: 90, Top: 100, Bottom: 110, Size: 10}}, X0: 10, X1: 90, Top: 100, Bottom: 110}
	if !ruleAbove([]Rule{h(100.5, 0, 100)}, l) {
		t.Error("a rule 0.5pt inside the line's top is above it")
	}
	if !ruleAbove([]Rule{h(90, 0, 100)}, l) {
		t.Error("a rule 10pt above a 10pt line is above it")
	}
	if ruleAbove([]Rule{h(80, 0, 100)}, l) {
		t.Error("a rule 20pt above a 10pt line is not just above it")
	}
}
