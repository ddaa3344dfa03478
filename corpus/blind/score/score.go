package main

import (
	"fmt"
	"sort"
	"strings"
)

// Score is what one file (or the sum of several) earned.
type Score struct {
	File    string `json:"file,omitempty"`
	Outcome string `json:"outcome,omitempty"` // the truth's outcome
	Error   string `json:"error,omitempty"`   // the extractor's failure, if any

	WantRows int `json:"want_rows"`
	GotRows  int `json:"got_rows"`
	Missing  int `json:"missing_rows"` // expected records with no partner
	Extra    int `json:"extra_rows"`   // extracted records with no partner

	Cells      int `json:"cells"`
	CellsExact int `json:"cells_exact"`
	// Fields are number, recommendation, recommendation_number (band
	// plans), action and lead_agency.
	Fields      int `json:"fields"`
	FieldsExact int `json:"fields_exact"`
	Status      int `json:"status"`
	StatusExact int `json:"status_exact"`

	PlanFiles      int `json:"plan_files"`
	RowsExactFiles int `json:"rows_exact_files"` // plan files: row count equal, every cell exact
	StrictFiles    int `json:"strict_files"`     // ... and every field exact too
	OutcomeFiles   int `json:"outcome_files"`
	OutcomeRight   int `json:"outcome_right"`

	ReviewFiles    int `json:"review_files"`
	TypeRight      int `json:"type_right"`
	AreaRight      int `json:"area_right"`
	PseudonymRight int `json:"pseudonym_right"`

	Mismatches []string `json:"mismatches,omitempty"`
}

// scoreFile compares one file's extracted records with its truth.
func scoreFile(t Truth, got []Got) Score {
	s := Score{File: t.File, Outcome: t.Outcome, WantRows: len(t.Records), GotRows: len(got), OutcomeFiles: 1}
	isPlan := t.Outcome == "ok"
	if isPlan == (len(got) > 0) {
		s.OutcomeRight = 1
	} else {
		s.note("outcome: want %s, got %d records", t.Outcome, len(got))
	}
	if isPlan {
		s.PlanFiles = 1
		s.review(t.Review, got)
	}
	pairs := align(t.Records, got)
	allCells, allStrict := true, true
	used := 0
	for i, want := range t.Records {
		cellsOK, fieldsOK := s.record(i, want, pairs[i], got)
		allCells = allCells && cellsOK
		allStrict = allStrict && cellsOK && fieldsOK
		if pairs[i] >= 0 {
			used++
		}
	}
	s.Missing = len(t.Records) - used
	s.Extra = len(got) - used
	if isPlan && len(got) == len(t.Records) && allCells {
		s.RowsExactFiles = 1
		if allStrict {
			s.StrictFiles = 1
		}
	}
	return s
}

// record scores one expected record against its partner (-1: none). It
// reports whether every cell, and every field, was exact.
func (s *Score) record(i int, want Record, j int, got []Got) (cellsOK, fieldsOK bool) {
	fields := wantFields(want)
	s.Cells += len(want.Cells)
	s.Fields += len(fields)
	s.Status++
	if j < 0 {
		s.note("row %d (%s): missing", i+1, want.Number)
		return len(want.Cells) == 0, len(fields) == 0
	}
	g := got[j]
	idx := cellIndex(g)
	cellsOK = true
	for _, h := range sortedKeys(want.Cells) {
		v, ok := idx[keyOf(h)]
		if ok && sameText(want.Cells[h], v) {
			s.CellsExact++
			continue
		}
		cellsOK = false
		if !ok {
			s.note("row %d (%s) cell %q: missing column (got %s)", i+1, want.Number, h, strings.Join(sortedKeys(g.Cells), " | "))
		} else {
			s.note("row %d (%s) cell %q:\n      want %q\n      got  %q", i+1, want.Number, h, collapse(want.Cells[h]), collapse(v))
		}
	}
	gf := gotFields(g)
	fieldsOK = true
	for _, f := range sortedKeys(fields) {
		if sameField(fields[f], gf[f]) {
			s.FieldsExact++
			continue
		}
		fieldsOK = false
		s.note("row %d (%s) field %s:\n      want %q\n      got  %q", i+1, want.Number, f, collapse(fields[f]), collapse(gf[f]))
	}
	if strings.EqualFold(strings.TrimSpace(g.Status), want.Status) {
		s.StatusExact++
	} else {
		s.note("row %d (%s) status: want %q, got %q", i+1, want.Number, want.Status, g.Status)
	}
	return cellsOK, fieldsOK
}

func (s *Score) review(want Review, got []Got) {
	s.ReviewFiles = 1
	var g Got
	if len(got) > 0 {
		g = got[0]
	}
	check := func(name, w, v string, right *int) {
		if sameLoose(w, v) {
			*right = 1
		} else {
			s.note("review %s: want %q, got %q", name, w, v)
		}
	}
	check("type", want.Type, g.ReviewType, &s.TypeRight)
	check("area", want.Area, g.Area, &s.AreaRight)
	check("pseudonym", want.Pseudonym, g.Pseudonym, &s.PseudonymRight)
}

func wantFields(r Record) map[string]string {
	f := map[string]string{
		"number":         r.Number,
		"recommendation": r.Recommendation,
		"action":         r.Action,
		"lead_agency":    r.LeadAgency,
	}
	if r.RecommendationNumber != nil {
		f["recommendation_number"] = *r.RecommendationNumber
	}
	return f
}

func gotFields(g Got) map[string]string {
	return map[string]string{
		"number":                g.Number,
		"recommendation":        g.Recommendation,
		"action":                g.Action,
		"lead_agency":           g.LeadAgency,
		"recommendation_number": g.RecommendationNumber,
	}
}

func (s *Score) note(format string, args ...any) {
	s.Mismatches = append(s.Mismatches, fmt.Sprintf(format, args...))
}

// add sums another file's counts into s.
func (s *Score) add(o Score) {
	s.WantRows += o.WantRows
	s.GotRows += o.GotRows
	s.Missing += o.Missing
	s.Extra += o.Extra
	s.Cells += o.Cells
	s.CellsExact += o.CellsExact
	s.Fields += o.Fields
	s.FieldsExact += o.FieldsExact
	s.Status += o.Status
	s.StatusExact += o.StatusExact
	s.PlanFiles += o.PlanFiles
	s.RowsExactFiles += o.RowsExactFiles
	s.StrictFiles += o.StrictFiles
	s.OutcomeFiles += o.OutcomeFiles
	s.OutcomeRight += o.OutcomeRight
	s.ReviewFiles += o.ReviewFiles
	s.TypeRight += o.TypeRight
	s.AreaRight += o.AreaRight
	s.PseudonymRight += o.PseudonymRight
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ratio is n/d, or 1 when there was nothing to get right.
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}
