package spec

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const small = `{"id": "t", "review": {"type": "DHR"}, "layout": {}, "blocks": [
 {"kind": "table", "table": {"plan": false, "columns": ["Date", "Event"], "widths": [1, 1],
   "rows": [{"cells": ["01/01/2020", "Call"]}]}},
 {"kind": "table", "table": {"plan": true, "columns": ["", "Recommendation\nand  scope", "Update"], "widths": [1, 5, 5],
   "instruction": ["", "What is the over-arching recommendation?", ""],
   "rows": [
     {"theme": "Theme 1 -\n Risk"},
     {"number": "1", "cells": ["1.", "Do  a\n\nthen b", "Done"], "span": {"0": 2, "1": 2},
      "expect": {"scope": "local", "status": "completed", "agencies": ["Merseyside Police"]}},
     {"cells": [null, null, "On going"], "expect": {"scope": "local", "status": "ongoing", "agencies": null}},
     {"number": "2", "cells": ["2.", "Do c", ""], "expect": {"scope": "", "status": "", "agencies": []}}
   ]}}]}`

func parse(t *testing.T, js string) *Spec {
	t.Helper()
	var s Spec
	if err := json.Unmarshal([]byte(js), &s); err != nil {
		t.Fatal(err)
	}
	return &s
}

func TestExpected(t *testing.T) {
	s := parse(t, small)
	if err := s.check(); err != nil {
		t.Fatal(err)
	}
	g := Expected(s, "t.pdf", "ok")
	if len(g.Plans) != 1 {
		t.Fatalf("%d plans, want 1 (the chronology is not a plan)", len(g.Plans))
	}
	p := g.Plans[0]
	if want := []string{"", "Recommendation and scope", "Update"}; !reflect.DeepEqual(p.Columns, want) {
		t.Errorf("columns %q, want %q", p.Columns, want)
	}
	want := []GRow{
		{Number: "1", Theme: "Theme 1 - Risk", Group: 1, Cells: []string{"1.", "Do a\nthen b", "Done"},
			Expect: Expect{Scope: "local", Status: "completed", Agencies: []string{"Merseyside Police"}}},
		{Number: "1", Theme: "Theme 1 - Risk", Group: 1, Cells: []string{"1.", "Do a\nthen b", "On going"},
			Expect: Expect{Scope: "local", Status: "ongoing", Agencies: []string{}}},
		{Number: "2", Theme: "Theme 1 - Risk", Group: 2, Cells: []string{"2.", "Do c", ""},
			Expect: Expect{Scope: "", Status: "", Agencies: []string{}}},
	}
	if !reflect.DeepEqual(p.Rows, want) {
		t.Errorf("rows\n got %+v\nwant %+v", p.Rows, want)
	}
	for _, o := range []string{"no_text", "error"} {
		if g := Expected(s, "t.pdf", o); len(g.Plans) != 0 || g.Review != nil {
			t.Errorf("%s: %+v, want no plans and no review", o, g)
		}
	}
	if g := Expected(s, "t.pdf", "no_plan"); len(g.Plans) != 0 || g.Review == nil {
		t.Errorf("no_plan: %+v, want review and no plans", g)
	}
}

func TestCheckRejects(t *testing.T) {
	bad := map[string]string{
		"null without span": strings.Replace(small, `"span": {"0": 2, "1": 2},`, ``, 1),
		"span without null": strings.Replace(small, `[null, null, "On going"]`, `["1.", null, "On going"]`, 1),
		"missing expect":    strings.Replace(small, `, "expect": {"scope": "", "status": "", "agencies": []}`, ``, 1),
		"short row":         strings.Replace(small, `["2.", "Do c", ""]`, `["2.", "Do c"]`, 1),
		"widths":            strings.Replace(small, `"widths": [1, 5, 5]`, `"widths": [1, 5]`, 1),
	}
	for name, js := range bad {
		if err := parse(t, js).check(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestLoadCorpus(t *testing.T) {
	paths, _ := filepath.Glob("../src/*.json")
	if len(paths) == 0 {
		t.Fatal("no specs in ../src")
	}
	for _, p := range paths {
		s, err := Load(p)
		if err != nil {
			t.Error(err)
			continue
		}
		if s.ID+".json" != filepath.Base(p) {
			t.Errorf("%s: id %q does not match the file name", p, s.ID)
		}
	}
}

const banded = `{"id": "b", "layout": {}, "blocks": [
 {"kind": "table", "table": {"plan": true, "columns": ["No.", "Action", "Lead"], "widths": [1, 5, 2],
   "legend": "Key: C = complete",
   "rows": [
     {"theme": "Recommendation 4: Share  the plan", "band": {"number": "4", "text": "Share  the plan"}},
     {"number": "4.1", "cells": ["4.1", "Write \uf0b7 it", "Police"], "expect": {"scope": "", "status": "", "agencies": []}},
     {"theme": "Theme 2"},
     {"number": "5.1", "cells": ["5.1", "Send it", "Police"], "expect": {"scope": "", "status": "", "agencies": []}}
   ]}}]}`

// TestExpectedBands: the rows under a band carry its number and text; a
// plain theme row ends the band; Symbol bullets become plain bullets.
func TestExpectedBands(t *testing.T) {
	s := parse(t, banded)
	if err := s.check(); err != nil {
		t.Fatal(err)
	}
	rows := Expected(s, "b.pdf", "ok").Plans[0].Rows
	if e := rows[0].Expect; e.RecommendationNumber != "4" || e.Recommendation != "Share the plan" {
		t.Errorf("row 1: recommendation %q %q, want 4, Share the plan", e.RecommendationNumber, e.Recommendation)
	}
	if rows[0].Cells[1] != "Write \u2022 it" {
		t.Errorf("row 1 action %q: Symbol bullet not mapped", rows[0].Cells[1])
	}
	if e := rows[1].Expect; e.RecommendationNumber != "" || e.Recommendation != "" || rows[1].Theme != "Theme 2" {
		t.Errorf("row 2 keeps the band after a plain theme: %+v", rows[1])
	}
}

// The specs of known failures (corpus/known) stay loadable, ready to move
// to corpus/src once fixed.
func TestKnownSpecsLoad(t *testing.T) {
	paths, _ := filepath.Glob("../known/*.json")
	for _, p := range paths {
		if _, err := Load(p); err != nil {
			t.Error(err)
		}
	}
}
