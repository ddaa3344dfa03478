package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/store"
	"github.com/actionplan/actionplan/store/schema"
)

// TestAnalystDatabase checks a database built from the corpus as analysts
// use it: one current plan per review, duplicates counted once, the quality
// report, the Datasette metadata and sqlite-utils.
func TestAnalystDatabase(t *testing.T) {
	db := readmeCorpus(t)
	sdb := openSQL(t, db)
	t.Run("versions", func(t *testing.T) { checkVersions(t, sdb) })
	t.Run("report", func(t *testing.T) { checkReport(t, db, sdb) })
	t.Run("metadata.json", func(t *testing.T) { checkMetadata(t, sdb) })
	t.Run("sqlite-utils", func(t *testing.T) { checkSQLiteUtils(t, db) })
}

func checkVersions(t *testing.T, db *sql.DB) {
	for q, want := range map[string]int{
		// Exactly one current document per review that has a readable plan.
		`SELECT count(*) FROM reviews v WHERE EXISTS (SELECT 1 FROM documents d WHERE d.review_id = v.id AND d.outcome = 'ok')
		   AND (SELECT count(*) FROM documents d WHERE d.review_id = v.id AND d.is_current = 1) <> 1`: 0,
		// A duplicate has the same rows as its original, is never current, and shares its review.
		`SELECT count(*) FROM documents d JOIN documents o ON o.id = d.duplicate_of
		 WHERE d.is_current = 1 OR d.content_hash IS NOT o.content_hash OR d.review_id IS NOT o.review_id
		    OR o.duplicate_of IS NOT NULL`: 0,
		// Missing values are NULL, never ''.
		`SELECT count(*) FROM actions WHERE action_text = '' OR status = '' OR lead_agency = '' OR target_date_iso = ''`: 0,
		// target_date_iso has one form.
		`SELECT count(*) FROM actions WHERE target_date_iso IS NOT NULL AND target_date_iso NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`: 0,
		// Unknown status is never overdue.
		`SELECT count(*) FROM overdue_actions WHERE status IS NULL OR status = 'completed'`: 0,
	} {
		if n := queryInt(t, db, q); n != want {
			t.Errorf("%d, want %d: %s", n, want, q)
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL`); n == 0 {
		t.Log("no duplicates in this corpus")
	}
}

func checkReport(t *testing.T, db string, sdb *sql.DB) {
	out, _ := mustRunCLI(t, ExitOK, "report", "--db", db, "--json")
	var r store.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		got  int
		want string
	}{
		"without review":  {len(r.WithoutReview), `SELECT count(*) FROM documents WHERE review_id IS NULL`},
		"duplicates":      {len(r.Duplicates), `SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL`},
		"no_plan, tables": {len(r.NoPlanWithTables), `SELECT count(DISTINCT d.id) FROM documents d JOIN plans p ON p.document_id = d.id WHERE d.outcome = 'no_plan'`},
		"unmatched names": {len(r.UnmatchedAgencies), `SELECT count(DISTINCT ag.name) FROM action_agencies aa JOIN agencies ag ON ag.id = aa.agency_id JOIN actions a ON a.id = aa.action_id JOIN documents d ON d.id = a.document_id AND d.duplicate_of IS NULL WHERE aa.matched = 0`},
	} {
		if want := queryInt(t, sdb, c.want); c.got != want {
			t.Errorf("report %s: %d, want %d", name, c.got, want)
		}
	}
	mentions := 0
	for _, a := range r.UnmatchedAgencies {
		mentions += a.Mentions
	}
	if want := queryInt(t, sdb, `SELECT count(*) FROM action_agencies aa JOIN actions a ON a.id = aa.action_id
		JOIN documents d ON d.id = a.document_id AND d.duplicate_of IS NULL WHERE aa.matched = 0`); mentions != want {
		t.Errorf("unmatched mentions %d, want %d", mentions, want)
	}
	text, _ := mustRunCLI(t, ExitOK, "report", "--db", db)
	for _, h := range []string{"documents with no review:", "no_plan documents that show tables:",
		"agency names matched to nothing:", "empty key fields", "statuses not recognized:", "duplicates:"} {
		if !strings.Contains(text, h) {
			t.Errorf("report text lacks %q", h)
		}
	}
}

// checkMetadata reads store/schema/metadata.json as Datasette would: every
// table, view and column it names exists in the database, every fts_table
// and fts_pk too, and every canned query runs.
func checkMetadata(t *testing.T, db *sql.DB) {
	b, err := os.ReadFile(filepath.Join("..", "..", "store", "schema", "metadata.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Databases map[string]struct {
			Tables map[string]struct {
				Description string            `json:"description"`
				Columns     map[string]string `json:"columns"`
				FTSTable    string            `json:"fts_table"`
				FTSPK       string            `json:"fts_pk"`
			} `json:"tables"`
			Queries map[string]struct {
				SQL string `json:"sql"`
			} `json:"queries"`
		} `json:"databases"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	d, ok := m.Databases[schema.DatasetteDB]
	if !ok || len(d.Tables) == 0 || len(d.Queries) < 3 {
		t.Fatalf("metadata.json: no database %q with tables and queries", schema.DatasetteDB)
	}
	for name, tb := range d.Tables {
		cols := map[string]bool{}
		rows, err := db.Query(`SELECT name FROM pragma_table_info(?)`, name)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			rows.Scan(&c)
			cols[c] = true
		}
		rows.Close()
		if len(cols) == 0 {
			t.Errorf("metadata.json names %s, which the database lacks", name)
			continue
		}
		for c := range tb.Columns {
			if !cols[c] {
				t.Errorf("metadata.json names %s.%s, which the database lacks", name, c)
			}
		}
		if tb.FTSTable != "" {
			q := `SELECT count(*) FROM ` + name + ` WHERE ` + tb.FTSPK + ` IN (SELECT rowid FROM ` + tb.FTSTable +
				` WHERE ` + tb.FTSTable + ` MATCH 'plan')`
			if _, err := db.Exec(q); err != nil {
				t.Errorf("search of %s through %s (%s): %v", name, tb.FTSTable, tb.FTSPK, err)
			}
		}
	}
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range s.Queries {
		if _, ok := d.Queries[q.Name]; !ok {
			t.Errorf("metadata.json lacks canned query %s", q.Name)
		}
		rows, err := db.Query(d.Queries[q.Name].SQL, schema.QueryArgs(q)...)
		if err != nil {
			t.Errorf("canned query %s: %v", q.Name, err)
			continue
		}
		n := 0
		for rows.Next() {
			n++
		}
		rows.Close()
		t.Logf("canned query %s: %d rows", q.Name, n)
	}
}

// checkSQLiteUtils runs the analysts' other tool on the database: it lists
// the tables and searches actions and recommendations.
func checkSQLiteUtils(t *testing.T, db string) {
	bin, err := exec.LookPath("sqlite-utils")
	if err != nil {
		t.Skip("sqlite-utils is not installed (Debian: sqlite-utils python3-click-default-group); .ci/run installs it")
	}
	run := func(args ...string) string {
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("sqlite-utils %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	if out := run("tables", db, "--counts"); !strings.Contains(out, `"actions"`) {
		t.Errorf("sqlite-utils tables:\n%s", out)
	}
	for _, table := range []string{"actions", "recommendations"} {
		var hits []map[string]any
		out := run("search", db, table, "plan", "--limit", "5")
		if err := json.Unmarshal([]byte(out), &hits); err != nil {
			t.Fatalf("sqlite-utils search %s: %v\n%s", table, err, out)
		}
		if len(hits) == 0 {
			t.Errorf("sqlite-utils search %s plan: nothing found", table)
		}
	}
	run("rows", db, "action_export", "--limit", "3")
}
