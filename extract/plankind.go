package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Plan or not: a header that names actions and who does them, or their
// status, is only a candidate. Incident logs, outbreak reports, complaint
// and risk registers and training logs print "Action taken" and "Current
// status" too. What decides is what the columns hold and what the
// document around the table is about:
//
//   - a recommendation column of sentences (more so when they say what
//     should be done), an action column of phrases,
//     a target-date column, numbered rows (1, 2.1, R3) speak for a plan;
//   - a column of bare counts or scores (cases, attendees, likelihood), an
//     "Action taken" column that reports what was done,
//     rows keyed by an event date, people named by initial and surname in
//     the column for who acts, speak against;
//   - so does a document whose text outside its tables never mentions a
//     review, recommendations or an action plan (a table alone on its
//     pages is judged by what it holds);
//   - so, strongly, does a title block that names another kind of document
//     (minutes and their action log, terms of reference and their
//     timetable, an agenda, a register or log) and no action plan or
//     recommendations.
//
// A candidate is a plan when the evidence for outweighs the evidence
// against by planThreshold.

const planThreshold = 2

// judgePlans keeps IsPlan only on the candidates the evidence bears out,
// and says on the others why not.
func judgePlans(doc *Document) {
	ctx := reviewContext(doc)
	kind := otherDocKind(doc)
	for i := range doc.Tables {
		t := &doc.Tables[i]
		if !t.IsPlan {
			continue
		}
		score, against := planEvidence(t, ctx)
		if kind != "" {
			score -= 3
			against = append(against, fmt.Sprintf("the document's title calls it %s, not an action plan", kind))
		}
		if score < planThreshold {
			t.IsPlan = false
			t.NotPlan = strings.Join(against, "; ")
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("table %d (pages %d-%d): its header reads as an action plan's, but not what it holds (%s): not taken for a plan",
				i+1, t.PageFirst, t.PageLast, t.NotPlan))
		}
	}
}

// colKind is what a column's header says it is.
func colKind(label string) int {
	cats := 0
	for _, w := range strings.Fields(label) {
		cats |= labelWords[labelToken(w)]
	}
	return cats
}

// planEvidence weighs a candidate table; against lists what spoke
// against it.
func planEvidence(t *Table, ctx docContext) (score int, against []string) {
	n := len(t.Rows)
	if n == 0 {
		return 0, []string{"no rows"}
	}
	numbered := 0
	for _, r := range t.Rows {
		if r.Number != "" {
			numbered++
		}
	}
	if 5*numbered >= 3*n {
		score++
	}
	for c, label := range t.Columns {
		cells := column(t, c)
		kind := colKind(label)
		switch {
		case kind&catRec != 0 && meanWords(cells) >= 6:
			score += 2
			if share(cells, prescribes) >= 0.5 {
				score++ // "Agencies should ...": what recommendations say
			}
		case kind&catAct != 0 && doneLabel(label) && share(cells, reportsDone) >= 0.5:
			score -= 2
			against = append(against, fmt.Sprintf("column %q reports what was done", label))
		case kind&catAct != 0 && meanWords(cells) >= 4:
			score++
		}
		if kind&catWhen != 0 && c > 0 && targetLabel(label) && share(cells, hasDate) >= 0.5 {
			score++
		}
		if c == 0 && share(cells, startsWithDate) >= 0.6 {
			score -= 2
			against = append(against, "rows keyed by a date")
		}
		if c > 0 && kind&catNum == 0 && !priorityLabel(label) && share(cells, isCount) >= 0.7 && !runsOn(cells) {
			score -= 2
			against = append(against, fmt.Sprintf("column %q holds counts", label))
		}
		if kind&catWho != 0 && share(cells, isInitialName) >= 0.5 {
			score--
			against = append(against, fmt.Sprintf("column %q names people by initial", label))
		}
	}
	switch ctx {
	case contextReview:
		score++
	case contextOther:
		score -= 2
		against = append(against, "the document names no review, recommendations or action plan")
	}
	if len(against) == 0 {
		against = append(against, "no recommendations, numbered rows or target dates")
	}
	return score, against
}

// column returns the non-empty cells of column c.
func column(t *Table, c int) []string {
	var out []string
	for _, r := range t.Rows {
		if c < len(r.Cells) && strings.TrimSpace(r.Cells[c]) != "" {
			out = append(out, r.Cells[c])
		}
	}
	return out
}

func meanWords(cells []string) float64 {
	if len(cells) == 0 {
		return 0
	}
	n := 0
	for _, c := range cells {
		n += len(strings.Fields(c))
	}
	return float64(n) / float64(len(cells))
}

func share(cells []string, f func(string) bool) float64 {
	if len(cells) == 0 {
		return 0
	}
	n := 0
	for _, c := range cells {
		if f(strings.TrimSpace(c)) {
			n++
		}
	}
	return float64(n) / float64(len(cells))
}

// doneLabel: an action column that says it holds what was done ("Action
// taken", "Actions undertaken"), as a log's does.
func doneLabel(label string) bool {
	for _, w := range strings.Fields(strings.ToLower(label)) {
		switch labelToken(w) {
		case "taken", "undertaken", "done", "completed":
			return true
		}
	}
	return false
}

// pastPat finds a past participle among the first words of a cell
// ("Waste removed", "Officers attended", "Letter sent").
var pastPat = regexp.MustCompile(`(?i)^(\S+\s+){0,3}?(\w{3,}ed|sent|taken|given|held|made|done|seen|found|met|told|paid|put|set up|carried out)\b`)

// reportsDone: a cell that reports what happened, not what is to be done
// (a modal or an infinitive says the latter).
func reportsDone(s string) bool {
	return pastPat.MatchString(s) && !prescribes(s) && !strings.HasPrefix(strings.ToLower(s), "to ")
}

// priorityLabel: a priority column may hold 1, 2, 3 in a plan.
func priorityLabel(label string) bool {
	return strings.Contains(strings.ToLower(label), "priorit")
}

// runsOn: the cells count the rows (1, 2, 3, ...): a number column under
// another name, not counts.
func runsOn(cells []string) bool {
	prev := 0
	for _, c := range cells {
		v, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || v != prev && v != prev+1 {
			return false
		}
		prev = v
	}
	return len(cells) > 0
}

// targetLabel: a date column that says when something is due, not when
// something happened ("Date received", "Date notified").
func targetLabel(label string) bool {
	for _, w := range strings.Fields(strings.ToLower(label)) {
		switch labelToken(w) {
		case "target", "timescale", "timescales", "deadline", "timeframe", "completion", "when", "by", "due", "timeline", "complete", "review":
			return true
		}
	}
	return false
}

var (
	datePat      = regexp.MustCompile(`(?i)\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}|q[1-4]\b|20\d\d|quarter|month|week|ongoing|immediate)`)
	leadDatePat  = regexp.MustCompile(`(?i)^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4})`)
	countPat     = regexp.MustCompile(`^\d{1,6}(\.\d+)?%?$`)
	initialNames = regexp.MustCompile(`^([A-Z]\.\s?)+[A-Z][a-z'’-]+$`)
)

// modalPat finds the words that prescribe.
var modalPat = regexp.MustCompile(`(?i)\b(should|must|shall|will|needs? to|ought to|to ensure|are to|is to)\b`)

func prescribes(s string) bool     { return modalPat.MatchString(s) }
func hasDate(s string) bool        { return datePat.MatchString(s) }
func startsWithDate(s string) bool { return leadDatePat.MatchString(s) }
func isCount(s string) bool        { return countPat.MatchString(s) }
func isInitialName(s string) bool  { return initialNames.MatchString(s) }

// reviewWords are what a document that publishes an action plan says
// about itself somewhere outside its tables.
var reviewWords = regexp.MustCompile(`(?i)\b(recommendations?|(action|improvement|delivery|learning|multi-agency|partnership) plans?|(homicide|adults?|practice|case|learning|safeguarding|mental health|independent) reviews?|independent investigation|lessons (learned|learnt|identified)|DHR|SAR|C?SPR|LCSPR|SCR|MHHR|IMR)\b`)

// docContext is what the text outside a document's tables says.
type docContext int

const (
	contextNone   docContext = iota // there is no text outside the tables
	contextReview                   // it names a review, recommendations or an action plan
	contextOther                    // it names none of them
)

// reviewContext reads the text outside the document's tables.
func reviewContext(doc *Document) docContext {
	ctx := contextNone
	for pi, p := range doc.Pages {
		for _, l := range p.Lines {
			if inAnyTable(doc.Tables, pi, l) {
				continue
			}
			if reviewWords.MatchString(l.Text()) {
				return contextReview
			}
			ctx = contextOther
		}
	}
	return ctx
}

// otherKindRE names documents that carry tables shaped like a plan's but
// are something else: a meeting's minutes and their action log, a review's
// terms of reference and timetable, an agenda, registers and logs, an
// internal audit's report and its management actions, a board's business
// plan, strategic plan or annual report, a service's own improvement plan
// (the body's own work, not a review's plan).
var otherKindRE = regexp.MustCompile(`(?i)\b(minutes|terms of reference|agenda|risk register|complaints? register|incident log|training (?:log|record|register)|internal audit|audit report|business plan|strategic plan|annual report|service (?:improvement|development|delivery) plan)\b`)

// planTitleRE: the title says the document is (or holds) an action plan.
var planTitleRE = regexp.MustCompile(`(?i)\baction plan\b|\brecommendations\b`)

// titleLinesChecked is how many lines at the top of the first page are
// read as the document's title block.
const titleLinesChecked = 6

// otherDocKind is the kind of document its title block names when that is
// not an action plan ("minutes", "terms of reference"), or "".
func otherDocKind(doc *Document) string {
	if doc == nil || len(doc.Pages) == 0 {
		return ""
	}
	kind := ""
	for i, l := range doc.Pages[0].Lines {
		if i >= titleLinesChecked {
			break
		}
		t := l.Text()
		if planTitleRE.MatchString(t) {
			return ""
		}
		if m := otherKindRE.FindString(t); m != "" && kind == "" {
			kind = strings.ToLower(m)
		}
	}
	return kind
}

// inAnyTable reports whether line l of page pi lies in one of the tables.
func inAnyTable(ts []Table, pi int, l Line) bool {
	mid := (l.Top + l.Bottom) / 2
	for _, t := range ts {
		for _, s := range t.extent {
			if s.page == pi && mid >= s.top-1 && mid <= s.bot+1 {
				return true
			}
		}
	}
	return false
}
