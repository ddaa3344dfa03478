package normalize

import (
	"regexp"
	"strings"

	"github.com/actionplan/actionplan/extract"
)

// Status keys: a plan may print its status as letter codes ("C", "IP",
// "NYS") or as a colour alone, and explain them in a key near the table
// ("Key: C = Complete; IP = In progress; NYS = Not yet started", "G =
// complete, A = on track, R = off track"). A code is read through the
// plan's own key first, then through the codes plans commonly use; a
// colour through the legend (rag.go), then through the usual meaning of
// RAG colours, so that every colour, amber included, gives a status.

// Codes maps a status code, upper-cased, to the status the plan's key
// gives it.
type Codes map[string]string

// codeRE finds "CODE =" in a key line: a code of one to four capitals, or
// a colour word.
var codeRE = regexp.MustCompile(`(?:^|[\s,;:(/])([A-Z]{1,4}|[0-9]|(?i:red|amber|green|blue|yellow|grey|purple))\s*=\s*`)

var keyLead = regexp.MustCompile(`(?i)^\s*(status |rag |colour |progress )?(key|legend)\b`)

// FindCodes reads the document's key lines: lines with two "CODE =
// meaning" pairs or more, or one after "Key" or "Legend".
func FindCodes(lines []string) Codes {
	c := Codes{}
	meanings := map[string]string{}
	for _, l := range lines {
		ms := codeRE.FindAllStringSubmatchIndex(l, -1)
		if len(ms) < 2 && !(len(ms) == 1 && keyLead.MatchString(l)) {
			continue
		}
		for i, m := range ms {
			end := len(l)
			if i+1 < len(ms) {
				end = ms[i+1][0]
			}
			code := strings.ToUpper(l[m[2]:m[3]])
			meaning := strings.Trim(l[m[1]:end], " ;,.\t")
			if _, seen := c[code]; seen {
				continue
			}
			if st := ParseStatus(meaning).Status; st != "" {
				c[code] = st
			}
			meanings[code] = strings.ToLower(meaning)
		}
	}
	scaleNot(c, meanings)
	return c
}

// scaleNot reads a key that grades one word ("I = implemented, P = partly
// implemented, N = not implemented"): beside a "partly" grade, "not ..."
// is the bottom of the scale, not started, though "not implemented" alone
// reads as not yet finished.
func scaleNot(c Codes, meanings map[string]string) {
	partly := false
	for _, m := range meanings {
		if strings.HasPrefix(m, "partly ") || strings.HasPrefix(m, "partially ") {
			partly = true
		}
	}
	if !partly {
		return
	}
	for code, m := range meanings {
		if strings.HasPrefix(m, "not ") && c[code] == StatusOngoing {
			c[code] = StatusNotStarted
		}
	}
}

// FindCodeLabels reads the labels of the document's key lines: the words
// before the first code ("Assurance level: 1 = not started; 2 = ..."
// gives "assurance level"), lower-cased without spaces, so that a column
// printed under that name is read through the key whatever it is called.
func FindCodeLabels(lines []string) []string {
	var out []string
	for _, l := range lines {
		ms := codeRE.FindAllStringSubmatchIndex(l, -1)
		if len(ms) < 2 {
			continue
		}
		label := strings.TrimRight(strings.TrimSpace(l[:ms[0][2]]), ":-–— ")
		if n := len(strings.Fields(label)); n == 0 || n > 4 {
			continue
		}
		if k := compactKey(label); k != "key" && k != "legend" {
			out = append(out, k)
		}
	}
	return out
}

// compactKey is a header or label lower-cased, without punctuation or
// spaces: a narrow column may break its header inside a word
// ("Assuranc e level").
func compactKey(s string) string { return strings.ReplaceAll(headerKey(s), " ", "") }

// labelCodeStatus reads a row's status from a column named as a key's
// label ("Assurance level") whose cell is one of the key's codes ("4").
func (d *docState) labelCodeStatus(cols columns, r extract.Row) (Status, string) {
	for i, h := range cols.headers {
		if i >= len(r.Cells) || !containsStr(d.codeLabels, compactKey(h)) {
			continue
		}
		cell := strings.Trim(d.clean.Clean(r.Cells[i]), " .")
		if st := d.codes[strings.ToUpper(cell)]; st != "" && codeCell.MatchString(cell) {
			return Status{Status: st, Printed: cell}, h
		}
	}
	return Status{}, ""
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// defaultCodes are the codes plans use without always explaining them.
var defaultCodes = map[string]string{
	"C": StatusCompleted, "CO": StatusCompleted, "COMP": StatusCompleted, "D": StatusCompleted,
	"O": StatusOngoing, "OG": StatusOngoing, "IP": StatusOngoing, "P": StatusOngoing, "WIP": StatusOngoing, "OT": StatusOngoing,
	"NS": StatusNotStarted, "NYS": StatusNotStarted, "NST": StatusNotStarted,
}

var codeCell = regexp.MustCompile(`^([A-Za-z]{1,4}|[0-9])$`)

// codeStatus reads a status or RAG cell that holds a code alone ("C",
// "NYS"): through the plan's key, else the usual codes.
func (d *docState) codeStatus(field, cell string) Status {
	cell = strings.Trim(cell, " .")
	if (field != FieldStatus && field != FieldRAG) || !codeCell.MatchString(cell) || ragWordOnly(cell) != "" {
		return Status{} // a colour word is read through the legend
	}
	code := strings.ToUpper(cell)
	st := d.codes[code]
	if st == "" {
		st = defaultCodes[code]
	}
	return Status{Status: st, Printed: cell}
}

// defaultColours is what a RAG colour means when the plan has no key:
// green done, amber and yellow under way, red not started; where the plan
// also uses blue, blue is done and green is on track.
func defaultColour(rag string, blue bool) string {
	switch rag {
	case "blue":
		return StatusCompleted
	case "green":
		if blue {
			return StatusOngoing
		}
		return StatusCompleted
	case "amber", "yellow":
		return StatusOngoing
	case "red":
		return StatusNotStarted
	}
	return ""
}

// applyColourDefaults gives a status to the rows whose RAG colour neither
// the cell's words nor the plan's key explained.
func applyColourDefaults(recs []Record) {
	blue := false
	for _, r := range recs {
		blue = blue || r.RAG == "blue"
	}
	for i := range recs {
		r := &recs[i]
		if r.Status != "" || r.RAG == "" {
			continue
		}
		if st := defaultColour(r.RAG, blue); st != "" {
			r.Status, r.StatusPrinted, r.StatusSource = st, r.RAG, "rag (usual colours)"
		}
	}
}
