package extract

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A small layout engine for row-rebuilding tests: it sets a table spec in a
// fixed-pitch font, wraps cells, breaks rows across pages, repeats the
// header if asked, draws rules or none, and hands the pages to the real
// table finder. Fixtures are JSON files in testdata/rows.

type synthSpec struct {
	Columns      []string     `json:"columns"`
	Widths       []float64    `json:"widths"` // points
	Groups       []synthGroup `json:"groups"`
	Ruled        bool         `json:"ruled"`
	RuledAcross  bool         `json:"ruled_across"` // horizontal rules only
	RepeatHeader bool         `json:"repeat_header"`
	PageHeight   float64      `json:"page_height"`
	Before       []string     `json:"before"` // prose lines above the table
	After        []string     `json:"after"`  // prose lines under the table
	Instruction  []string     `json:"instruction"`
	// RepeatInstruction prints the instruction row again under each
	// repeat of the header, as a template row that is part of the header.
	RepeatInstruction bool   `json:"repeat_instruction"`
	Footer            string `json:"footer"` // drawn on every page, "#" becomes the page number
	// EdgeRule draws a vertical rule the height of each page, right of the
	// table (a landscape page's running-header rule, turned with the page).
	EdgeRule bool `json:"edge_rule"`
	// Group prints a two-level header: a label over columns First..Last
	// in a band above the column labels, with no rule between those
	// columns in that band (a merged cell).
	Group *synthGroupLabel `json:"group"`
	// OpenBands draws theme rows with no vertical rules, as a spreadsheet
	// prints a merged row without borders between boxed rows.
	OpenBands bool        `json:"open_bands"`
	Want      []synthWant `json:"want"`
}

type synthGroupLabel struct {
	Label       string `json:"label"`
	First, Last int
}

type synthGroup struct {
	Theme   string     `json:"theme"`
	Merged  []int      `json:"merged"` // columns merged across the actions
	Actions [][]string `json:"actions"`
}

type synthWant struct {
	Number string   `json:"number"`
	Theme  string   `json:"theme"`
	Group  int      `json:"group"`
	Cells  []string `json:"cells"`
	Pages  [2]int   `json:"pages"`
}

const (
	synSize  = 10.0
	synChar  = 5.0
	synPitch = 12.0
	synPad   = 4.0
	synLeft  = 40.0
	synTop   = 50.0
)

type synthPage struct {
	glyphs []Glyph
	rules  []Rule
}

type synth struct {
	spec     synthSpec
	pages    []*synthPage
	y        float64
	bounds   []float64
	drawn    [2]int   // first and last page the current row was drawn on
	rowPages [][2]int // per action row, as laid out
}

// mark notes that the current row put text on the current page.
func (s *synth) mark() {
	n := len(s.pages)
	if s.drawn[0] == 0 {
		s.drawn[0] = n
	}
	s.drawn[1] = n
}

func (s *synth) page() *synthPage { return s.pages[len(s.pages)-1] }

func (s *synth) newPage() {
	s.pages = append(s.pages, &synthPage{})
	s.y = synTop
	if s.spec.EdgeRule {
		x := s.bounds[len(s.bounds)-1] + 20
		s.page().rules = append(s.page().rules, Rule{X0: x, Y0: 20, X1: x, Y1: s.spec.PageHeight - 20})
	}
	if s.spec.Footer != "" {
		n := len(s.pages)
		s.text(synLeft, s.spec.PageHeight-20, strings.ReplaceAll(s.spec.Footer, "#", itoa(n)))
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func (s *synth) bottom() float64 { return s.spec.PageHeight - 50 }

// text sets one line of text with its baseline at y.
func (s *synth) text(x, y float64, t string) {
	for i, r := range []rune(t) {
		g := Glyph{Text: string(r), X0: x + float64(i)*synChar, Base: y, Top: y - 0.8*synSize, Size: synSize, Space: r == ' '}
		g.X1 = g.X0 + synChar
		s.page().glyphs = append(s.page().glyphs, g)
	}
}

const synParaGap = 4.0 // points between paragraphs, as Word's "space after"

// wrap breaks a cell's paragraphs into lines that fit width; a line that
// opens a paragraph after the first is marked with a leading \x00.
func wrap(cell string, width float64) []string {
	max := int((width - 2*synPad) / synChar)
	var out []string
	for pi, para := range strings.Split(cell, "\n") {
		line := ""
		if pi > 0 {
			line = "\x00"
		}
		for _, w := range strings.Fields(para) {
			if line != "" && line != "\x00" && len(strings.TrimPrefix(line, "\x00"))+1+len(w) > max {
				out = append(out, line)
				line = ""
			}
			if line != "" && line != "\x00" {
				line += " "
			}
			line += w
		}
		out = append(out, line)
	}
	if cell == "" {
		return nil
	}
	return out
}

func (s *synth) hrule(y float64, cols []int) {
	if s.spec.RuledAcross {
		s.page().rules = append(s.page().rules, Rule{s.bounds[0], y, s.bounds[len(s.bounds)-1], y})
		return
	}
	for _, c := range cols {
		s.page().rules = append(s.page().rules, Rule{s.bounds[c], y, s.bounds[c+1], y})
	}
}

func (s *synth) vrules(top, bot float64, skipInner bool) {
	for i, x := range s.bounds {
		if skipInner && i > 0 && i < len(s.bounds)-1 {
			continue
		}
		s.page().rules = append(s.page().rules, Rule{x, top, x, bot})
	}
}

func allCols(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// row sets one band of cells, breaking it across pages where it does not
// fit; it returns nothing, drawing as it goes.
func (s *synth) row(cells []string, spanning bool) {
	n := len(s.spec.Columns)
	lines := make([][]string, n)
	if spanning {
		lines[0] = []string{cells[0]}
	} else {
		for c := range cells {
			lines[c] = wrap(cells[c], s.spec.Widths[c])
		}
	}
	done := make([]int, n)
	for {
		top := s.y
		room := int((s.bottom() - top - 2*synPad) / synPitch)
		if room < 1 {
			s.newPage()
			s.header()
			continue
		}
		more := false
		used := 0.0
		for c := 0; c < n; c++ {
			k, y := 0, top+synPad+synSize
			for ; done[c] < len(lines[c]) && k < room; k++ {
				l := lines[c][done[c]]
				if strings.HasPrefix(l, "\x00") {
					l = l[1:]
					if k > 0 {
						y += synParaGap
					}
				}
				s.text(s.bounds[c]+synPad, y, l)
				s.mark()
				y += synPitch
				done[c]++
			}
			used = math.Max(used, y-synSize-top-synPad)
			more = more || done[c] < len(lines[c])
		}
		bot := top + 2*synPad + used
		if s.spec.Ruled && !(spanning && s.spec.OpenBands) {
			s.vrules(top, bot, spanning)
		}
		if s.spec.Ruled || s.spec.RuledAcross {
			s.hrule(bot, allCols(n))
		}
		s.y = bot
		if !more {
			return
		}
		s.newPage()
		s.header()
	}
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func (s *synth) header() {
	if len(s.pages) > 1 && !s.spec.RepeatHeader {
		if s.spec.Ruled {
			s.hrule(s.y, allCols(len(s.spec.Columns)))
		}
		return
	}
	top := s.y
	if s.spec.Ruled {
		s.hrule(top, allCols(len(s.spec.Columns)))
	}
	if g := s.spec.Group; g != nil {
		// The other columns' labels stand at the top of cells merged down
		// both bands, beside the group's label; the group's columns are
		// labelled in the lower band.
		mid := top + 2*synPad + synPitch
		bot := mid + 2*synPad + synPitch
		s.text(s.bounds[g.First]+synPad, top+synPad+synSize, g.Label)
		for c, name := range s.spec.Columns {
			y := top + synPad + synSize
			if c >= g.First && c <= g.Last {
				y = mid + synPad + synSize
			}
			s.text(s.bounds[c]+synPad, y, name)
		}
		for i, x := range s.bounds {
			if i <= g.First || i > g.Last {
				s.page().rules = append(s.page().rules, Rule{x, top, x, mid})
			}
			s.page().rules = append(s.page().rules, Rule{x, mid, x, bot})
		}
		var under []int
		for c := g.First; c <= g.Last; c++ {
			under = append(under, c)
		}
		s.hrule(mid, under)
		s.hrule(bot, allCols(len(s.spec.Columns)))
		s.y = bot
	} else {
		s.row(s.spec.Columns, false)
	}
	if len(s.pages) > 1 && s.spec.RepeatInstruction && len(s.spec.Instruction) > 0 {
		s.row(s.spec.Instruction, false)
	}
}

func (s *synth) group(g synthGroup) {
	if g.Theme != "" {
		s.row([]string{g.Theme}, true)
	}
	if len(g.Merged) == 0 {
		s.drawn = [2]int{}
		s.row(g.Actions[0], false)
		s.rowPages = append(s.rowPages, s.drawn)
		return
	}
	for range g.Actions {
		s.rowPages = append(s.rowPages, [2]int{len(s.pages), len(s.pages)})
	}
	// A merged group is set on one page: merged columns once, beside the
	// stacked actions, with partial rules between the actions.
	n := len(s.spec.Columns)
	merged := map[int]bool{}
	for _, c := range g.Merged {
		merged[c] = true
	}
	top := s.y
	y := top
	var action []int
	for c := 0; c < n; c++ {
		if !merged[c] {
			action = append(action, c)
		}
	}
	for ai, a := range g.Actions {
		used := 0
		for _, c := range action {
			ls := wrap(a[c], s.spec.Widths[c])
			for k, l := range ls {
				s.text(s.bounds[c]+synPad, y+synPad+synSize+float64(k)*synPitch, strings.TrimPrefix(l, "\x00"))
			}
			used = maxInt(used, len(ls))
		}
		y += 2*synPad + float64(used)*synPitch
		if ai+1 < len(g.Actions) && s.spec.Ruled {
			s.hrule(y, action)
		}
	}
	used := 0
	for c := range merged {
		ls := wrap(g.Actions[0][c], s.spec.Widths[c])
		for k, l := range ls {
			s.text(s.bounds[c]+synPad, top+synPad+synSize+float64(k)*synPitch, strings.TrimPrefix(l, "\x00"))
		}
		used = maxInt(used, len(ls))
	}
	y = math.Max(y, top+2*synPad+float64(used)*synPitch)
	if s.spec.Ruled {
		s.vrules(top, y, false)
		s.hrule(y, allCols(n))
	}
	s.y = y
}

func render(spec synthSpec) *Document {
	doc, _ := renderPages(spec)
	return doc
}

// renderPages lays out spec and also returns each action row's page span as
// the layout drew it.
func renderPages(spec synthSpec) (*Document, [][2]int) {
	s := &synth{spec: spec}
	x := synLeft
	s.bounds = []float64{x}
	for _, w := range spec.Widths {
		x += w
		s.bounds = append(s.bounds, x)
	}
	s.newPage()
	for _, l := range spec.Before {
		s.text(synLeft, s.y+synSize, l)
		s.y += synPitch * 1.5
	}
	s.y += synPitch
	s.header()
	if len(spec.Instruction) > 0 {
		s.row(spec.Instruction, false)
	}
	for _, g := range spec.Groups {
		s.group(g)
	}
	s.y += 2 * synPitch
	for _, l := range spec.After {
		s.text(synLeft, s.y+synSize, l)
		s.y += synPitch
	}
	doc := &Document{File: "synthetic.pdf"}
	width := s.bounds[len(s.bounds)-1] + synLeft
	for i, p := range s.pages {
		doc.Pages = append(doc.Pages, Page{Number: i + 1, Width: width, Height: spec.PageHeight,
			Lines: buildLines(p.glyphs), Rules: p.rules})
	}
	finish(doc, 0)
	return doc, s.rowPages
}

func TestRowsSynthetic(t *testing.T) {
	files, _ := filepath.Glob("testdata/rows/*.json")
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/rows")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var spec synthSpec
			if err := json.Unmarshal(b, &spec); err != nil {
				t.Fatal(err)
			}
			doc, pages := renderPages(spec)
			for i := range spec.Want {
				if spec.Want[i].Pages == [2]int{} && i < len(pages) {
					spec.Want[i].Pages = pages[i]
				}
			}
			plans := doc.Plans()
			if len(plans) != 1 {
				t.Fatalf("got %d plan tables, want 1 (outcome %s, %d tables)", len(plans), doc.Outcome, len(doc.Tables))
			}
			checkRows(t, plans[0], spec)
		})
	}
}

func checkRows(t *testing.T, tb *Table, spec synthSpec) {
	t.Helper()
	if strings.Join(tb.Columns, "|") != strings.Join(spec.Columns, "|") {
		t.Errorf("columns %q, want %q", tb.Columns, spec.Columns)
	}
	if len(tb.Rows) != len(spec.Want) {
		t.Errorf("%d rows, want %d", len(tb.Rows), len(spec.Want))
	}
	groups := map[int]int{}
	for i := 0; i < len(tb.Rows) && i < len(spec.Want); i++ {
		got, want := tb.Rows[i], spec.Want[i]
		for c := range want.Cells {
			if c >= len(got.Cells) || got.Cells[c] != want.Cells[c] {
				g := ""
				if c < len(got.Cells) {
					g = got.Cells[c]
				}
				t.Errorf("row %d col %d %q:\n got %q\nwant %q", i+1, c, spec.Columns[c], g, want.Cells[c])
			}
		}
		if got.Number != want.Number || got.Theme != want.Theme {
			t.Errorf("row %d: number %q theme %q, want %q %q", i+1, got.Number, got.Theme, want.Number, want.Theme)
		}
		if want.Pages != [2]int{} && [2]int{got.PageFirst, got.PageLast} != want.Pages {
			t.Errorf("row %d: pages %d-%d, want %d-%d", i+1, got.PageFirst, got.PageLast, want.Pages[0], want.Pages[1])
		}
		if g, ok := groups[want.Group]; ok && g != got.Group {
			t.Errorf("row %d: group %d, want the group of the rows before it (%d)", i+1, got.Group, g)
		}
		groups[want.Group] = got.Group
	}
}

// A chronology is rebuilt and kept, but it is not an action plan, even with
// an "Action taken" column.
func TestChronologyIsNotAPlan(t *testing.T) {
	spec := synthSpec{
		Columns:    []string{"Date", "Agency", "Action taken"},
		Widths:     []float64{80, 120, 260},
		Ruled:      true,
		PageHeight: 500,
		Groups: []synthGroup{
			{Actions: [][]string{{"03/02/2019", "Police", "Attended a report of a domestic incident; DASH risk assessment graded standard."}}},
			{Actions: [][]string{{"11/02/2019", "GP", "Consultation for low mood; no enquiry about domestic abuse."}}},
		},
	}
	doc := render(spec)
	if len(doc.Plans()) != 0 || doc.Outcome != OutcomeNoPlan {
		t.Fatalf("outcome %s with %d plans, want no_plan", doc.Outcome, len(doc.Plans()))
	}
	if len(doc.Tables) != 1 || len(doc.Tables[0].Rows) != 2 {
		t.Fatalf("%d tables, want the chronology kept with its 2 rows", len(doc.Tables))
	}
}

func TestBrokenDate(t *testing.T) {
	line := func(text string, x1 float64) cellLine { return cellLine{text: text, x1: x1} }
	cases := []struct {
		prev, cur string
		x1        float64
		want      bool
	}{
		{"31/03/20", "24", 100, true},            // broken for want of room
		{"31/03/2024", "30/06/2024", 100, false}, // two dates, one a line
		{"31/03/20", "24", 80, false},            // the line ends short: no break for room
		{"Q3", "2024", 100, false},
	}
	for _, c := range cases {
		if got := brokenNumber(line(c.prev, c.x1), line(c.cur, 60), 100); got != c.want {
			t.Errorf("brokenNumber(%q, %q) = %v, want %v", c.prev, c.cur, got, c.want)
		}
	}
}

// A line ending on an article or a preposition goes on in the next; a cell
// holding one capitalised word (a RAG letter "A", a status "In") does not.
func TestEndsMidPhrase(t *testing.T) {
	for s, want := range map[string]bool{
		"shared with a": true, "the review of": true, "Police and": true, "partners,": true,
		"A": false, "In": false, "Complete.": false, "Amber": false, "a": true,
	} {
		if got := endsMidPhrase(s); got != want {
			t.Errorf("endsMidPhrase(%q) = %v, want %v", s, got, want)
		}
	}
}
