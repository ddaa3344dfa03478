package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readmeSQL returns the ```sql blocks of README.md's "## Database" section.
func readmeSQL(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "\n## Database\n")
	if start < 0 {
		t.Fatal(`README.md has no "## Database" section`)
	}
	section := text[start+1:]
	if end := strings.Index(section[1:], "\n## "); end >= 0 {
		section = section[:end+1]
	}
	var blocks []string
	for _, m := range regexp.MustCompile("(?s)```sql\n(.*?)```").FindAllStringSubmatch(section, -1) {
		blocks = append(blocks, m[1])
	}
	return blocks
}

// TestReadmeQueries runs every SQL block of the README's Database section
// against a loaded database: the corpus when it is there, else generated plans.
func TestReadmeQueries(t *testing.T) {
	requireExtractor(t)
	blocks := readmeSQL(t)
	if len(blocks) < 5 {
		t.Fatalf("%d SQL examples in the README, want at least 5", len(blocks))
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "readme.db")
	src := filepath.Join("..", "..", "corpus", "pdf")
	if pdfs, _ := filepath.Glob(filepath.Join(src, "*.pdf")); len(pdfs) == 0 {
		src = filepath.Join(dir, "in")
		samplePlans(t, src, 6)
	}
	if code, _, errs := runCLI(t, "ingest", "--db", db, src); code != ExitOK && code != ExitSomeFailed {
		t.Fatalf("ingest: status %d\n%s", code, errs)
	}
	sdb := openSQL(t, db)
	for i, block := range blocks {
		for _, stmt := range strings.Split(block, ";\n") {
			if strings.TrimSpace(stmt) == "" {
				continue
			}
			rows, err := sdb.Query(stmt)
			if err != nil {
				t.Errorf("README SQL example %d: %v\n%s", i+1, err, stmt)
				continue
			}
			n := 0
			for rows.Next() {
				n++
			}
			if err := rows.Err(); err != nil {
				t.Errorf("README SQL example %d: %v\n%s", i+1, err, stmt)
			}
			rows.Close()
			t.Logf("example %d: %d rows", i+1, n)
		}
	}
}
