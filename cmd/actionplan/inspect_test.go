package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const seedPDF = "../../corpus/pdf/seed_kmbc_dhr05_lo.pdf"

func requireSeed(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(seedPDF); err != nil {
		t.Fatalf("corpus PDF %s is missing: %v", seedPDF, err)
	}
}

func TestInspectJSONL(t *testing.T) {
	requireSeed(t)
	out, _ := mustRunCLI(t, ExitOK, "inspect", "--format", "jsonl", seedPDF)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 10 {
		t.Fatalf("%d records, want the seed's 10", len(lines))
	}
	for i, l := range lines {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		for _, k := range []string{"file", "sha256", "seq", "number", "page_first", "page_last", "cells", "recommendation", "status"} {
			if _, ok := rec[k]; !ok {
				t.Errorf("record %d has no key %q", i+1, k)
			}
		}
		if int(rec["seq"].(float64)) != i+1 {
			t.Errorf("record %d: seq %v", i+1, rec["seq"])
		}
	}
}

func TestInspectPagesAndText(t *testing.T) {
	requireSeed(t)
	out, _ := mustRunCLI(t, ExitOK, "inspect", "--format", "pages", seedPDF)
	if n := strings.Count(out, "\f"); n != 6 {
		t.Errorf("%d form feeds, want one per page (6)", n)
	}
	if !strings.Contains(out, "Domestic Homicide Review (KMBC DHR05)") {
		t.Errorf("pages output lacks the title line")
	}
	out, _ = mustRunCLI(t, ExitOK, "inspect", seedPDF)
	if !strings.Contains(out, "action plan 1, pages 1-6, 10 rows") {
		t.Errorf("text output does not describe the plan:\n%s", out[:min(len(out), 400)])
	}
}

func TestInspectSVG(t *testing.T) {
	requireSeed(t)
	dir := t.TempDir()
	mustRunCLI(t, ExitOK, "inspect", "--svg", dir, seedPDF)
	files, _ := filepath.Glob(filepath.Join(dir, "*.svg"))
	if len(files) != 6 {
		t.Fatalf("%d SVG files, want 6", len(files))
	}
	b, err := os.ReadFile(files[1])
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.HasPrefix(s, "<svg") || !strings.Contains(s, "continued from p1") || !strings.Contains(s, "stroke-dasharray") {
		t.Errorf("page 2 SVG lacks the row continued from page 1 or the column bounds")
	}
}

func TestInspectBadInput(t *testing.T) {
	mustRunCLI(t, ExitUsage, "inspect")
	mustRunCLI(t, ExitUsage, "inspect", "--format", "xml", "x.pdf")
	dir := t.TempDir()
	bad := filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(bad, []byte("<!DOCTYPE html><html></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs := mustRunCLI(t, ExitSomeFailed, "inspect", bad, filepath.Join(dir, "missing.pdf"))
	if !strings.Contains(errs, "page.pdf: not a PDF (starts like an HTML page)") || !strings.Contains(errs, "missing.pdf") {
		t.Errorf("errors do not name the files and causes:\n%s", errs)
	}
}

// A user's alias file changes how a printed name resolves, with no rebuild.
func TestInspectAliases(t *testing.T) {
	requireSeed(t)
	dir := t.TempDir()
	al := filepath.Join(dir, "aliases.tsv")
	line := "Homicide Support Test Body\tvictim_family_support\tVictim Support National Homicide Service\n"
	if err := os.WriteFile(al, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := mustRunCLI(t, ExitOK, "inspect", "--format", "jsonl", "--aliases", al, seedPDF)
	if !strings.Contains(out, `"agencies":["Homicide Support Test Body"]`) {
		t.Errorf("the alias file was not applied:\n%s", out)
	}
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("Acme\tno_such_sector\tA\n"), 0o644)
	_, errs := mustRunCLI(t, ExitFailure, "ingest", "--db", filepath.Join(dir, "x.db"), "--aliases", bad, seedPDF)
	if !strings.Contains(errs, "bad.tsv:1") {
		t.Errorf("the error does not name the alias file and line: %s", errs)
	}
}
