package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A tiny made-up truth and output pair; the blind PDFs are never touched.
const fakeTruth = `{"file": "fake.pdf", "outcome": "ok",
 "review": {"type": "DHR", "area": "Upper Wyre", "pseudonym": "Nell"},
 "records": [
  {"number": "1", "recommendation": "", "recommendation_number": "1", "action": "Train staff", "lead_agency": "Police", "status": "completed",
   "cells": {"No.": "1.1", "Action": "Train staff\nin March", "Lead": "Police", "Status": "C"}},
  {"number": "1.2", "recommendation": "Band one", "recommendation_number": "1", "action": "Audit", "lead_agency": "ICB", "status": "ongoing",
   "cells": {"No.": "1.2", "Action": "Audit", "Lead": "ICB", "Status": "O"}},
  {"number": "2.1", "recommendation": "Band two", "recommendation_number": "2", "action": "Write", "lead_agency": "CSP", "status": "not_started",
   "cells": {"No.": "2.1", "Action": "Write", "Lead": "CSP", "Status": "NS"}}
 ]}`

// The second record was dropped, a spurious one was added before the third,
// and key case, paragraph breaks and spacing differ where they must not count.
const fakeOutput = `{"review_type":"DHR","area":"upper  wyre","pseudonym":"Ned","number":"1","recommendation":"","recommendation_number":"1","action":"Train staff","lead_agency":"Police","status":"completed","cells":{"NO.":"1.1","action":"Train  staff in March","Lead ":"Police","Status":"C"}}
{"review_type":"DHR","number":"","recommendation":"Key: C = complete","action":"","lead_agency":"","status":"","cells":{"No.":"Key: C = complete"}}
{"review_type":"DHR","number":"2.1","recommendation":"Band two","recommendation_number":2,"action":"Write","lead_agency":"CSP","status":"ongoing","cells":{"No.":"2.1","Action":"Write","Lead":"CSP","Status":"N S"}}
`

func TestScoreFakePair(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "truth", "fake.pdf.json"), fakeTruth)
	truths, err := loadTruths(filepath.Join(dir, "truth"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := parseJSONL([]byte(fakeOutput))
	if err != nil {
		t.Fatal(err)
	}
	s := scoreFile(truths[0], got)
	check := func(name string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %d, want %d\n%s", name, got, want, strings.Join(s.Mismatches, "\n"))
		}
	}
	check("cells", s.Cells, 12)
	check("cells exact", s.CellsExact, 4+3) // row 2 missing; row 3 status cell wrong
	check("missing", s.Missing, 1)
	check("extra", s.Extra, 1)
	check("status", s.Status, 3)
	check("status exact", s.StatusExact, 1)
	check("fields", s.Fields, 15)
	// row 1: all five; row 2: none; row 3: all five (2 reads as "2").
	check("fields exact", s.FieldsExact, 10)
	check("rows exact files", s.RowsExactFiles, 0)
	check("outcome right", s.OutcomeRight, 1)
	check("type", s.TypeRight, 1)
	check("area", s.AreaRight, 1)
	check("pseudonym", s.PseudonymRight, 0)
}

func TestScoreExactAndLookalike(t *testing.T) {
	tr := Truth{File: "a.pdf", Outcome: "ok", Review: Review{Type: "SAR"}, Records: []Record{
		{Number: "1", Status: "", Cells: map[string]string{"Ref": "1", "Addressed to": "All agencies"}},
	}}
	out := `{"review_type":"SAR","number":"1","status":"","cells":{"Ref":"1","Addressed to":"All  agencies"}}` + "\n"
	got, _ := parseJSONL([]byte(out))
	s := scoreFile(tr, got)
	if s.RowsExactFiles != 1 || s.CellsExact != 2 || s.StatusExact != 1 {
		t.Errorf("exact file scored %+v", s)
	}
	// A look-alike must give no records: any record makes the outcome wrong.
	look := Truth{File: "b.pdf", Outcome: "no_plan"}
	if s := scoreFile(look, got); s.OutcomeRight != 0 || s.PlanFiles != 0 {
		t.Errorf("look-alike with records scored %+v", s)
	}
	if s := scoreFile(look, nil); s.OutcomeRight != 1 {
		t.Errorf("look-alike without records scored %+v", s)
	}
	// A plan with no output: every cell, status and the outcome are wrong.
	if s := scoreFile(tr, nil); s.CellsExact != 0 || s.Cells != 2 || s.OutcomeRight != 0 || s.Missing != 1 || s.TypeRight != 0 {
		t.Errorf("empty output scored %+v", s)
	}
}

// The runner executes the binary on each truth's PDF and saves what it printed.
func TestRunWithFakeBinary(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "truth", "fake.pdf.json"), fakeTruth)
	writeFile(t, filepath.Join(dir, "pdf", "fake.pdf"), "%PDF-1.4 not read by the fake")
	outFile := filepath.Join(dir, "out.jsonl")
	writeFile(t, outFile, fakeOutput)
	bin := filepath.Join(dir, "fake-actionplan")
	writeFile(t, bin, "#!/bin/sh\n[ \"$1 $2 $3\" = \"inspect --format jsonl\" ] || exit 2\ncat '"+outFile+"'\n")
	if err := os.Chmod(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	save := filepath.Join(dir, "saved")
	var b strings.Builder
	o := options{bin: bin, dir: dir, save: save, timeout: 10e9}
	if err := run(o, &b); err != nil {
		t.Fatal(err)
	}
	report := b.String()
	for _, want := range []string{"cell accuracy", "0.5833  (7/12)", "status accuracy", "(1/3)"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	saved, err := os.ReadFile(filepath.Join(save, "fake.pdf.jsonl"))
	if err != nil || string(saved) != fakeOutput {
		t.Errorf("saved output = %q, %v", saved, err)
	}
	// Reading the saved outputs gives the same report.
	var b2 strings.Builder
	if err := run(options{dir: dir, outputs: save}, &b2); err != nil {
		t.Fatal(err)
	}
	if b2.String() != report {
		t.Errorf("report from saved outputs differs:\n%s\nvs\n%s", b2.String(), report)
	}
}

func TestAlignKeepsOrderAcrossDroppedRows(t *testing.T) {
	want := []Record{
		{Number: "1", Cells: map[string]string{"A": "x1", "B": "same"}},
		{Number: "2", Cells: map[string]string{"A": "x2", "B": "same"}},
		{Number: "3", Cells: map[string]string{"A": "x3", "B": "same"}},
	}
	got := []Got{
		{Number: "1", Cells: map[string]string{"A": "x1", "B": "same"}},
		{Number: "3", Cells: map[string]string{"A": "x3", "B": "same"}},
	}
	pairs := align(want, got)
	if pairs[0] != 0 || pairs[1] != -1 || pairs[2] != 1 {
		t.Errorf("align = %v, want [0 -1 1]", pairs)
	}
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestComparisonForms(t *testing.T) {
	for _, c := range []struct {
		a, b      string
		text, fld bool
	}{
		{"the Board's  report", "the Board\u2019s report", true, true},
		{"Aims: • one • two", "Aims: - one - two", false, true},
		{"• one", "• one", true, true},
		{"one two", "one  - two", false, false},
		{"long-term", "long- term", false, false},
	} {
		if got := sameText(c.a, c.b); got != c.text {
			t.Errorf("sameText(%q, %q) = %v", c.a, c.b, got)
		}
		if got := sameField(c.a, c.b); got != c.fld {
			t.Errorf("sameField(%q, %q) = %v", c.a, c.b, got)
		}
	}
}
