package normalize

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Canonical statuses.
const (
	StatusCompleted  = "completed"
	StatusOngoing    = "ongoing"
	StatusNotStarted = "not_started"
)

// Status is a status read from a cell, with the words it was read from.
type Status struct {
	Status  string // completed, ongoing, not_started or ""
	Printed string // the opening clause the status was read from
	Date    Date   // a date printed with it ("Complete 31/01/2020")
}

// statusPhrases, tried in order: negative forms before the words they
// contain ("not started" before "started", "not complete" before
// "complete").
var statusPhrases = []struct {
	status string
	re     *regexp.Regexp
}{
	{StatusNotStarted, regexp.MustCompile(`^(not|yet to be|yet to) (yet )?(started|commenced|begun|progressed|implemented|actioned|start|commence|begin)\b|^no (progress|action)( yet)?\b|^not (yet )?met(\s*$|\s*[:.;,–-])|^(planned|scheduled)(\s*$|\s*[:.;,–-]|\s+for\b)|^0\s?%|^not (yet )?due\b|^no work (has |have )?(yet )?(been )?(started|begun|commenced|done)\b`)},
	{StatusOngoing, regexp.MustCompile(`^(not (yet )?(fully )?complete[d]?|incomplete|not (fully )?implemented|partially (complete[d]?|implemented|achieved|met|done)|part(ly)? (complete[d]?|implemented|achieved|met|done)|partial)\b`)},
	{StatusOngoing, regexp.MustCompile(`^(on[\s-]?going|in[\s-]progress|progressing|open|remains? open|(action )?to remain open|under ?way|in hand|on track|not on track|off track|at risk|delayed|overdue|outstanding|continuing|started|commenced|being progressed|work (is )?(on[\s-]?going|in progress|continuing)|on (target|schedule)|behind schedule|slipped|on hold|paused|stalled|stuck|wip)\b|^[1-9][0-9]?\s?%`)},
	{StatusCompleted, regexp.MustCompile(`^(complete[d]?|closed|achieved|fully (implemented|achieved|met|complete[d]?)|implemented|finished|done|embedded|in place|delivered|signed off|business as usual|bau)\b|^met(\s*$|\s*[:.;,–-])|^100\s?%`)},
}

// statusFiller is what may come before the status words: "Status:",
// "Update:", "Action", "This action has been", "We have", "Work is", a date.
var statusFiller = regexp.MustCompile(`(?i)^((status|update|progress|position|rag|action|this action|recommendation|this recommendation|rec|now|is|has|have|been|was|were|are|the|we|work|it|agreed|accepted in principle|accepted|noted)\b[\s:.;,\-–]*)+`)

// ParseStatus reads a status from the opening words of a status, update
// or completion cell: "Completed: ...", "Ongoing", "On-going", "On going",
// "In progress", "Not started", "Complete 04/03/2020", "Completed
// (training ongoing)" (completed), "Completed - June 2020.", "fully
// implemented", "not progressed", "Action to remain open for a further
// three months" (ongoing). A short cell ("Action completed.") is read
// whole. Anything else gives an empty Status.
func ParseStatus(text string) Status {
	if st := tickStatus(text); st != "" {
		return Status{Status: st, Printed: strings.TrimSpace(text)}
	}
	text = Clean(text)
	if st, ok := itemsStatus(text); ok {
		return st
	}
	if st := closingStatus(text); st.Status != "" {
		return st
	}
	st := matchStatus(openingWords(text))
	if st == "" {
		st = subjectStatus(text)
	}
	if st == "" {
		st = firstPersonStatus(text)
	}
	if st == "" {
		return fallbackStatus(text)
	}
	s := Status{Status: st, Printed: firstClause(text)}
	if st == StatusCompleted {
		s.Date = dateAfterStatus(text)
	}
	return s
}

// subjectStatus reads a status stated of a thing in a short opening clause:
// "Audit complete: report shared", "Training completed 31/03/2024.",
// "Policy fully implemented", "Work not yet started". The status words
// end the clause (a date may follow them), and the words before them name
// the thing, not a plan for it: "to be completed", "will be", "due to be",
// "once ... complete" give nothing.
func subjectStatus(text string) string {
	c, _, _ := strings.Cut(text, "\n")
	if i := strings.IndexAny(c, ":.;,("); i >= 0 {
		c = c[:i]
	}
	if d, end := firstDate(c); end > 0 {
		if rest := strings.TrimSpace(c[end:]); rest == "" {
			c = strings.TrimSpace(c[:len(c)-len(c[end:])-len(d.Printed)])
		}
	}
	words := strings.Fields(strings.ToLower(c))
	if len(words) < 2 || len(words) > 8 || !unicode.IsLetter([]rune(words[0])[0]) {
		return "" // "1-3 complete" is a range of rows (statusRanges)
	}
	for i := 1; i < len(words); i++ {
		if subjectStop[words[i-1]] {
			return ""
		}
		if st := matchStatus(strings.Join(words[i:], " ")); st != "" && statusTail.MatchString(strings.Join(words[i:], " ")) {
			return st
		}
	}
	return ""
}

// subjectStop: words that make what follows a plan or a condition, not a
// state: "to be completed", "will be implemented", "once complete".
var subjectStop = map[string]bool{"to": true, "will": true, "shall": true, "should": true, "must": true,
	"once": true, "when": true, "until": true, "if": true, "due": true, "expected": true, "planned": true,
	"aim": true, "aims": true, "before": true, "after": true, "can": true, "could": true, "would": true}

// statusTail is a whole status phrase, nothing after it.
var statusTail = regexp.MustCompile(`^(?:(?:is |are |was |were |has |have )?(?:now |been )*)?(?:not (?:yet )?(?:started|commenced|begun)|yet to (?:start|begin|commence)|(?:fully |now )?(?:complete[d]?|implemented|achieved|closed|finished|done)|in[\s-]progress|on[\s-]?going|under ?way|on track|off track|delayed|overdue|not (?:yet )?(?:fully )?complete[d]?|partially (?:complete[d]?|implemented))$`)

// pendingRE finds an action waiting on something: it is still open.
var pendingRE = regexp.MustCompile(`(?i)\b(response|reply|decision|sign[- ]off|approval|confirmation|outcome) (is |still )?(awaited|pending)\b|\bawaiting (a |the )?(response|reply|decision|sign[- ]off|approval|confirmation)\b`)

// stillOpenRE finds words that say part of the action is still to come:
// "Audit under way", "prompt not yet added", "guidance in preparation",
// "Revision delayed", "No reply yet", "survey in progress", "Session
// booked for December".
var stillOpenRE = regexp.MustCompile(`(?i)\b((is|are) (now )?being \w+|under ?way|in progress|not yet (added|agreed|complete[d]?|done|in place|issued|published|received|signed)|in preparation|being (developed|drafted|prepared|written)|delayed|postponed|no (reply|response) yet|(booked|scheduled|planned|arranged) for)\b`)

// nothingLeftRE finds words that say no more is to be done on the action,
// whatever else is awaited: "No reply yet, but nothing more for us to do",
// "No further action required".
var nothingLeftRE = regexp.MustCompile(`(?i)\b(is now (part of|in place|embedded|routine|standard practice)|nothing (more|further|else) (for us |for the \w+ )?to do|no further action (is )?(required|needed|to (be )?take[n]?))\b`)

// StillOpen reads an update whose opening words give no status but whose
// first paragraph says that part of the action is still to come: ongoing;
// or that nothing more is to be done on it: completed.
// It is the weakest reading, taken only when nothing else in the row (a
// status, completion or RAG cell, a colour and its legend) gives a status.
func StillOpen(text string) Status {
	text = Clean(text)
	if ParseStatus(text).Status != "" {
		return Status{}
	}
	first, _, _ := strings.Cut(text, "\n")
	if m := nothingLeftRE.FindString(first); m != "" {
		return Status{Status: StatusCompleted, Printed: m}
	}
	if m := stillOpenRE.FindString(first); m != "" {
		return Status{Status: StatusOngoing, Printed: m}
	}
	return Status{}
}

// fallbackStatus reads a cell whose opening words say nothing: a progress
// log's last entry, else words in its first paragraph that say the action
// waits on a reply ("Letter sent 14/07/2022. Response awaited").
func fallbackStatus(text string) Status {
	if st := logStatus(text); st.Status != "" {
		return st
	}
	first, _, _ := strings.Cut(text, "\n")
	if m := pendingRE.FindString(first); m != "" {
		return Status{Status: StatusOngoing, Printed: m}
	}

	return Status{}
}

// statusLabel starts a paragraph that states the status: "Status: ...".
var statusLabel = regexp.MustCompile(`(?i)^(current )?(status|rag|position|update)\s*[:\-–]\s*`)

// closingStatus reads a cell that ends with an explicit "Status: ..."
// line, which overrides what the cell says first.
func closingStatus(text string) Status {
	i := strings.LastIndex(text, "\n")
	if i < 0 || !strings.HasPrefix(strings.ToLower(text[i+1:]), "status") || !statusLabel.MatchString(text[i+1:]) {
		return Status{}
	}
	last := text[i+1:]
	st := Status{Status: matchStatus(openingWords(last)), Printed: firstClause(last)}
	if st.Status == "" {
		return Status{}
	}
	if st.Status == StatusCompleted {
		st.Date = dateAfterStatus(last)
	}
	return st
}

// logStatus reads a progress log, whose entries are paragraphs: the last
// entry that is dated ("March 2023: Complete"), labelled ("Status:
// Completed - ...") or short ("Ongoing") and opens with status words gives
// the status.
func logStatus(text string) Status {
	paras := strings.Split(text, "\n")
	for i := len(paras) - 1; i > 0; i-- {
		p := paras[i]
		d, end := firstDate(p)
		dated := end > 0 && strings.HasPrefix(p, d.Printed)
		if !dated && !statusLabel.MatchString(p) && len(strings.Fields(p)) > 4 {
			continue
		}
		if st := matchStatus(openingWords(p)); st != "" {
			s := Status{Status: st, Printed: firstClause(p)}
			if st == StatusCompleted {
				s.Date = dateAfterStatus(p)
			}
			return s
		}
	}
	return Status{}
}

// openingWords strips bullets, filler and a leading date from the start.
func openingWords(text string) string {
	first, _, _ := strings.Cut(text, "\n")
	first = strings.ToLower(strings.TrimLeft(first, "-•*·:;., "))
	for i := 0; i < 3; i++ {
		first = statusFiller.ReplaceAllString(first, "")
		if d, end := firstDate(first); end > 0 && strings.HasPrefix(first, strings.ToLower(d.Printed)) {
			first = strings.TrimLeft(first[end:], " :-–.,")
		}
	}
	return first
}

func matchStatus(open string) string {
	for _, p := range statusPhrases {
		if p.re.MatchString(open) {
			return p.status
		}
	}
	return ""
}

// firstClause is the first line up to a ":" (after any "Status:" label
// and any leading date, which it keeps: "January 2024: Closed"), at most
// 80 bytes.
func firstClause(text string) string {
	c, _, _ := strings.Cut(text, "\n")
	c = strings.TrimSpace(statusLabel.ReplaceAllString(c, ""))
	start := 0
	if d, end := firstDate(c); end > 0 && strings.HasPrefix(c, d.Printed) {
		start = end + len(c[end:]) - len(strings.TrimLeft(c[end:], ": "))
	}
	if i := strings.Index(c[start:], ":"); i >= 0 {
		c = c[:start+i]
	}
	if len(c) > 80 {
		c = strings.TrimSpace(truncate(c, 80)) + "…"
	}
	return strings.TrimSpace(c)
}

func truncate(s string, n int) string {
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// dateAfterStatus is a date printed in the first clause after the status
// words ("Complete 31/01/2020", "Completed - June 2020.").
func dateAfterStatus(text string) Date {
	c := firstClause(text)
	if len(c) > 60 {
		c = truncate(c, 60)
	}
	if d, end := firstDate(c); end > 0 && d.ISO != "" {
		return d
	}
	return Date{}
}

// ParseYN reads a "Complete Y/N" cell. "Y" or "Yes" is completed. "N" or
// "No" is ongoing: the action is open, and the plan does not say that no
// work has started. Status words ("Ongoing") are read as ParseStatus does.
func ParseYN(text string) Status {
	t := strings.ToLower(strings.Trim(Clean(text), " .!"))
	word, rest, _ := strings.Cut(t, " ")
	switch strings.Trim(word, ".,:;-–") {
	case "y", "yes":
		return Status{Status: StatusCompleted, Printed: firstClause(Clean(text)), Date: dateAfterStatus(rest)}
	case "n", "no":
		return Status{Status: StatusOngoing, Printed: firstClause(Clean(text))}
	}
	return ParseStatus(text)
}

// numRange is a run of action numbers a cell gives one status ("1-3 Complete").
type numRange struct {
	lo, hi int
	status string
}

var rangeRE = regexp.MustCompile(`(?i)\b(?:actions?|recs?\.?|recommendations?|items?|points?)?\s*(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\s*(?:(?:are|were|is|now|have been|has been)\s+)*([a-z][a-z -]*)`)

// statusRanges finds "1-3 Complete", "Actions 4 to 6 ongoing" in text.
func statusRanges(text string) []numRange {
	var out []numRange
	for _, m := range rangeRE.FindAllStringSubmatch(Clean(text), -1) {
		lo, _ := strconv.Atoi(m[1])
		hi, _ := strconv.Atoi(m[2])
		st := matchStatus(strings.ToLower(m[3]))
		if st != "" && lo >= 1 && lo < hi && hi-lo < 50 {
			out = append(out, numRange{lo, hi, st})
		}
	}
	return out
}

// inRanges returns the status a range gives the row numbered number.
func inRanges(rs []numRange, number string) string {
	n := leadingInt(number)
	for _, r := range rs {
		if n >= r.lo && n <= r.hi {
			return r.status
		}
	}
	return ""
}

var leadingIntRE = regexp.MustCompile(`^\D{0,4}?(\d+)`)

// leadingInt is the first number of a row number ("R3" is 3, "5.1" is 5).
func leadingInt(s string) int {
	m := leadingIntRE.FindStringSubmatch(s)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// tickStatus reads a cell of ticks and crosses alone: a tick is done, a
// cross not started, both ("✓ / ✗") started but not finished.
func tickStatus(text string) string {
	tick, cross := false, false
	for _, r := range text {
		switch {
		case strings.ContainsRune("✓✔☑", r):
			tick = true
		case strings.ContainsRune("✗✘☒✕×", r):
			cross = true
		case unicode.IsSpace(r) || strings.ContainsRune("/,;&-–", r):
		default:
			return ""
		}
	}
	switch {
	case tick && cross:
		return StatusOngoing
	case tick:
		return StatusCompleted
	case cross:
		return StatusNotStarted
	}
	return ""
}

// firstPersonRE reads progress told in the first person, in its first
// clause: "We are piloting ..." (ongoing), "We have not yet changed ..."
// (not started), "We have added ..." (completed).
var firstPersonRE = regexp.MustCompile(`(?i)^we(?: (are|'re) (?:now |currently )?\w+ing\b| (?:have|'ve) (not|n't) (?:yet )?\w+| haven't (?:yet )?\w+| (?:have|'ve) (?:now |already |also )?(\w+ed|done|built|written|sent|made|set up|met|begun)\b)`)

func firstPersonStatus(text string) string {
	m := firstPersonRE.FindStringSubmatch(strings.TrimSpace(text))
	switch {
	case m == nil:
		return ""
	case m[1] != "":
		return StatusOngoing
	case m[2] != "" || strings.HasPrefix(strings.ToLower(m[0]), "we haven't"):
		return StatusNotStarted
	case m[3] == "begun" || strings.EqualFold(m[3], "started"):
		return StatusOngoing
	}
	return StatusCompleted
}
