package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Header detection: a table is found by its header labels. The labels may
// wrap onto several lines or be centred; the band of header lines is found by
// vocabulary, and its labels are clustered into columns.

// Label categories of action-plan headers.
const (
	catRec   = 1 << iota // recommendation, issue, finding, learning
	catAct               // action
	catWho               // lead agency, responsible, owner, officer
	catWhen              // target date, timescale, deadline
	catState             // status, progress, update, outcome, RAG, evidence, milestone
	catScope             // scope
	catNum               // no., ref
	catOther             // words that appear in other tables' headers (date, event, agency)
)

var labelWords = map[string]int{
	"recommendation": catRec, "recommendations": catRec, "issue": catRec, "issues": catRec,
	"finding": catRec, "findings": catRec, "learning": catRec, "identified": catRec,
	"action": catAct, "actions": catAct, "task": catAct, "tasks": catAct,
	"lead": catWho, "agency": catWho, "agencies": catWho, "responsible": catWho, "owner": catWho,
	"officer": catWho, "person": catWho, "organisation": catWho, "organization": catWho, "accountable": catWho,
	"target": catWhen, "date": catWhen, "dates": catWhen, "timescale": catWhen, "timescales": catWhen,
	"deadline": catWhen, "timeframe": catWhen, "completion": catWhen, "when": catWhen, "by": 0,
	"status": catState, "progress": catState, "update": catState, "updates": catState, "outcome": catState,
	"outcomes": catState, "rag": catState, "evidence": catState, "milestone": catState, "milestones": catState,
	"complete": catState, "completed": catState, "comments": catState, "response": catState, "indicator": catState,
	"monitoring": catState, "impact": catState, "rating": catState, "measure": catState, "measures": catState,
	"deliverable": catState, "deliverables": catState, "achieved": catState, "assurance": catState, "comment": catState,
	"responsibility": catWho, "addressed": catWho, "addressee": catWho, "recipient": catWho, "recipients": catWho, "addressees": catWho, "body": catWho, "bodies": catWho, "leads": catWho, "timeline": catWhen, "objective": catAct, "objectives": catAct,
	"due": catWhen, "rec": catRec, "recs": catRec, "lessons": catRec, "lesson": catRec,
	"who": catWho, "whom": catWho, "partner": catWho, "partners": catWho, "position": catState,
	"activity": catAct, "activities": catAct, "do": catAct, // "What we will do"
	"item": catNum, "implemented": catState, "notes": catState, "code": catState, "codes": catState,
	// Plan columns that say nothing of the category: counted as labels so that
	// "Ref | Theme | Recommendation | Lead | Priority" reads as a header.
	"theme": 0, "themes": 0, "priority": 0, "priorities": 0, "area": 0,
	"scope": catScope,
	"no":    catNum, "no.": catNum, "ref": catNum, "ref.": catNum, "number": catNum, "#": catNum,
	"event": catOther, "events": catOther, "contact": catOther, "contribution": catOther, "role": catOther,
	"incident": catOther, "incidents": catOther, "location": catOther, "complaint": catOther,
	"risk": catOther, "likelihood": catOther, "controls": catOther, "directorate": catOther,
	"description": catOther, "details": catOther, "name": catOther, "type": catOther, "source": catOther,
}

// Words that may sit between labels in a wrapped header without being labels.
var headerFill = map[string]bool{
	"of": true, "to": true, "and": true, "in": true, "the": true, "be": true, "taken": true, "take": true,
	"key": true, "enacting": true, "i.e.": true, "ie": true, "e.g.": true, "local": true,
	"regional": true, "national": true, "or": true, "for": true, "y/n": true, "agreed": true, "expected": true,
	"over-arching": true, "specific": true, "to-date": true, "date:": true, "&": true, "/": true, "-": true,
	"plan": true, "measure": true, "success": true, "current": true, "latest": true, "how": true, "will": true,
	"we": true, "know": true, "what": true, "is": true, "a": true, "an": true, "at": true, "as": true,
	"does": true, "done": true, "happen": true, "needs": true, "smart": true, "shall": true,
}

func labelToken(w string) string {
	w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool {
		return unicode.IsPunct(r) && r != '#' && r != '&' && r != '/'
	}))
	// "Organisation(s)", "Agency(ies)": the plural in brackets.
	if i := strings.IndexByte(w, '('); i > 0 {
		switch w[i:] {
		case "(s", "(s)", "(ies", "(ies)", "(es", "(es)":
			w = w[:i]
		}
	}
	return w
}

// lineVocab scores a line: its label categories, label-word count, and the
// share of its words that are labels, fillers or dates (as in "Update
// October 2024").
func lineVocab(l Line) (cats int, hits int, share float64) {
	ok := 0
	for _, w := range l.Words {
		t := labelToken(w.Text)
		if c, found := labelWords[t]; found {
			cats |= c
			hits++
			ok++
			continue
		}
		if headerFill[t] || isMonthOrYear(t) || t == "" {
			ok++
		}
	}
	if len(l.Words) > 0 {
		share = float64(ok) / float64(len(l.Words))
	}
	return
}

func isMonthOrYear(t string) bool {
	if len(t) == 4 && t[0] >= '1' && t[0] <= '2' && strings.Trim(t, "0123456789") == "" {
		return true
	}
	switch t {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
		"sept", "oct", "nov", "dec", "q1", "q2", "q3", "q4":
		return true
	}
	return false
}

func bits(c int) int {
	n := 0
	for ; c != 0; c &= c - 1 {
		n++
	}
	return n
}

// header is a detected header band.
type header struct {
	page     int     // index into doc.Pages
	first    int     // index of the first header line in page.Lines
	last     int     // index of the last
	top, bot float64 // vertical extent
	x0, x1   float64
	cats     int
	plan     bool
	labels   []label // clustered, left to right
	key      string  // normalised text, to recognise repeats
	under    int     // lines under it that repeat with it on every page (headrepeat.go)
}

type label struct {
	x0, x1 float64
	words  []Word
}

func (l label) text() string {
	ws := append([]Word(nil), l.words...)
	sort.SliceStable(ws, func(i, j int) bool {
		if math.Abs(ws[i].Bottom-ws[j].Bottom) > 0.3*ws[i].Size {
			return ws[i].Bottom < ws[j].Bottom
		}
		return ws[i].X0 < ws[j].X0
	})
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.Text
	}
	return strings.Join(parts, " ")
}

// chronology: a table led by a date column and naming no recommendation
// ("Date | Agency | Action taken") records events, not a plan.
func chronology(h header) bool {
	if h.cats&catRec != 0 || len(h.labels) == 0 {
		return false
	}
	for _, w := range h.labels[0].words {
		t := labelToken(w.Text)
		if t == "date" || t == "dates" || t == "when" || isMonthOrYear(t) {
			return true
		}
	}
	return false
}

// isPlanHeader: an action plan names what is recommended or to be done,
// and who does it, by when, or how it went.
func isPlanHeader(cats int) bool {
	return cats&(catRec|catAct) != 0 && cats&(catWho|catWhen|catState) != 0
}

// findHeader looks for a header band on page pi starting at line index from.
func findHeader(p *Page, pi, from int) (header, bool) {
	for i := from; i < len(p.Lines); i++ {
		if h, ok := headerAt(p, pi, i); ok {
			return h, true
		}
	}
	return header{}, false
}

// headerAt reads a header band starting at line i, if there is one.
func headerAt(p *Page, pi, i int) (header, bool) {
	lines := p.Lines
	cats, hits, share := lineVocab(lines[i])
	if hits == 0 || share < 0.6 {
		return header{}, false
	}
	h := header{page: pi, first: i, last: i, cats: cats}
	closed := false
	for j := i + 1; j < len(lines) && j <= i+maxHeaderLines; j++ {
		c2, _, s2 := lineVocab(lines[j])
		gap := lines[j].Top - lines[j-1].Bottom
		if closed = ruleBelow(p.Rules, lines[j-1], lines[j]); closed || s2 < 0.6 || gap > 0.4*lines[j-1].size() {
			break
		}
		h.last = j
		h.cats |= c2
	}
	if !closed {
		h.last = headerRowEnd(p, i, h.last)
	}
	if bits(h.cats&^(catOther|catNum)) < 2 && bits(h.cats) < 3 {
		return header{}, false
	}
	h.finish(p)
	if len(h.labels) < 3 {
		return header{}, false
	}
	h.plan = isPlanHeader(h.cats) && !chronology(h)
	return h, true
}

func (l Line) size() float64 {
	s := 0.0
	for _, w := range l.Words {
		s = math.Max(s, w.Size)
	}
	if s == 0 {
		return 10
	}
	return s
}

// finish computes the band's extent and clusters its words into labels,
// split at vertical rules crossing the band where there are any.
func (h *header) finish(p *Page) {
	h.top, h.bot, h.x0, h.x1 = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	var words []Word
	for _, l := range p.Lines[h.first : h.last+1] {
		h.top = math.Min(h.top, l.Top)
		h.bot = math.Max(h.bot, l.Bottom)
		h.x0 = math.Min(h.x0, l.X0)
		h.x1 = math.Max(h.x1, l.X1)
		words = append(words, l.Words...)
	}
	rules := verticalsAcross(p.Rules, h.top, h.bot)
	h.labels = clusterLabels(words, rules)
	var keys []string
	for _, l := range h.labels {
		keys = append(keys, l.text())
	}
	h.key = headerKey(strings.Join(keys, " "))
}

func headerKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// verticalsAcross returns the x positions of vertical rules that overlap the
// band [top, bot], merged within 2pt.
func verticalsAcross(rules []Rule, top, bot float64) []float64 {
	var xs []float64
	for _, r := range rules {
		if !r.Vertical() || r.Y1 < top+1 || r.Y0 > bot-1 {
			continue
		}
		xs = append(xs, (r.X0+r.X1)/2)
	}
	return mergeXs(xs, 2)
}

func mergeXs(xs []float64, tol float64) []float64 {
	sort.Float64s(xs)
	var out []float64
	for _, x := range xs {
		if n := len(out); n > 0 && x-out[n-1] <= tol {
			continue
		}
		out = append(out, x)
	}
	return out
}

// clusterLabels groups header words into column labels: words close on one
// line, or overlapping across lines, belong together; a vertical rule
// between two words always separates them.
func clusterLabels(words []Word, rules []float64) []label {
	n := len(words)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a, b := words[i], words[j]
			if ruleBetween(rules, a, b) {
				continue
			}
			sameLine := math.Abs(a.Bottom-b.Bottom) < 0.3*a.Size
			var join bool
			if sameLine {
				gap := math.Max(b.X0-a.X1, a.X0-b.X1)
				join = gap < 0.8*math.Max(a.Size, b.Size)
			} else {
				join = math.Min(a.X1, b.X1)-math.Max(a.X0, b.X0) > 0
			}
			if join {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int]*label{}
	var order []int
	for i, w := range words {
		r := find(i)
		g, ok := groups[r]
		if !ok {
			g = &label{x0: w.X0, x1: w.X1}
			groups[r] = g
			order = append(order, r)
		}
		g.words = append(g.words, w)
		g.x0 = math.Min(g.x0, w.X0)
		g.x1 = math.Max(g.x1, w.X1)
	}
	out := make([]label, 0, len(order))
	for _, r := range order {
		out = append(out, *groups[r])
	}
	sort.Slice(out, func(i, j int) bool { return out[i].x0 < out[j].x0 })
	return out
}

func ruleBetween(rules []float64, a, b Word) bool {
	lo, hi := math.Min(a.X1, b.X1), math.Max(a.X0, b.X0)
	if a.X1 > b.X0 && b.X1 > a.X0 {
		return false
	}
	for _, x := range rules {
		if x > lo-1 && x < hi+1 {
			return true
		}
	}
	return false
}

const maxHeaderLines = 12

// headerRowEnd extends a header band whose labels wrap into words that are
// not label vocabulary ("(RAG rated, with the date of the update)") down to
// the rule that closes the header row, where the table is ruled: a rule
// runs along the top of the band, its lines stand close, and a rule below
// them spans the header.
func headerRowEnd(p *Page, first, last int) int {
	lines := p.Lines
	if !ruleAbove(p.Rules, lines[first]) {
		return last
	}
	for j := last + 1; j < len(lines) && j <= first+maxHeaderLines; j++ {
		if ruleBelow(p.Rules, lines[j-1], lines[j]) {
			return j - 1
		}
		if lines[j].Top-lines[j-1].Bottom > lines[j-1].size() || numberOf(lines[j].Words[0].Text) != "" {
			break // a gap, or a numbered row: the body has begun
		}
	}
	return last
}

// ruleAbove reports a horizontal rule just above a line, drawn whole or in
// pieces across it.
func ruleAbove(rules []Rule, l Line) bool {
	return len(rulesAcross(rules, l.Top-1.5*l.size(), l.Top+1, l.X0, l.X1, 0.9)) > 0
}

// ruleBelow reports a horizontal rule between two lines that spans most of
// their width, drawn whole or in pieces: the header row's lower border.
func ruleBelow(rules []Rule, a, b Line) bool {
	return len(rulesAcross(rules, a.Bottom-1, b.Top+1, math.Min(a.X0, b.X0), math.Max(a.X1, b.X1), 0.5)) > 0
}

// rulesAcross returns, top to bottom, the heights strictly between yLo and
// yHi at which horizontal rules, whole or in pieces (pooled by 2pt), cover
// at least frac of [x0, x1].
func rulesAcross(rules []Rule, yLo, yHi, x0, x1, frac float64) []float64 {
	cover := map[int]float64{}
	for _, r := range rules {
		if y := (r.Y0 + r.Y1) / 2; !r.Vertical() && y > yLo && y < yHi {
			cover[int(math.Round(y/2))] += math.Max(0, math.Min(r.X1, x1)-math.Max(r.X0, x0))
		}
	}
	var ys []float64
	for k, c := range cover {
		if c >= frac*(x1-x0) {
			ys = append(ys, float64(2*k))
		}
	}
	sort.Float64s(ys)
	return ys
}
