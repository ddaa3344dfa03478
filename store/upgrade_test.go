package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// oldDB makes a database with the schema of migrations 1..upto, as an
// earlier build left it, and runs fill on it.
func oldDB(t *testing.T, upto int, fill string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", DSN(path, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, m := range ms[:upto] {
		if _, err := raw.Exec(m.SQL); err != nil {
			t.Fatalf("%s: %v", m.Name, err)
		}
	}
	if _, err := raw.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", upto, ApplicationID)); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(fill); err != nil {
		t.Fatal(err)
	}
	return path
}

// Rows as the schema of migration 3 stored them: ” for missing values,
// month and quarter target dates, the same plan printed twice (documents 1
// and 2) and a later version (3).
const schema3Rows = `
INSERT INTO reviews (id, review_type, reference, area, pseudonym, ref_key, name_key)
VALUES (1, 'DHR', '', 'Knowsley', 'Diana', NULL, 'dhr|knowsley|diana');
INSERT INTO documents (id, sha256, path, file, outcome, extractor_version, review_id, plan_date, as_of,
    version, previous_document_id, superseded_by_id, rows, loaded_at, title)
VALUES (1, 'a', 'a.pdf', 'a.pdf', 'ok', '0.1', 1, '2020-11', '', 1, NULL, 2, 2, '2025-01-01', ''),
       (2, 'b', 'b.pdf', 'b.pdf', 'ok', '0.1', 1, '2020-11', '', 2, 1, 3, 2, '2025-01-01', 'Plan'),
       (3, 'c', 'c.pdf', 'c.pdf', 'ok', '0.1', 1, '2020-11', '2024-10', 3, 2, NULL, 2, '2025-01-01', '');
INSERT INTO plans (id, document_id, table_index, is_plan, page_first, page_last)
VALUES (1, 1, 0, 1, 1, 1), (2, 2, 0, 1, 1, 1), (3, 3, 0, 1, 1, 1);
INSERT INTO recommendations (id, document_id, plan_id, review_id, seq, number, text, status, actions,
    page_first, page_last, lineage_id)
VALUES (1, 1, 1, 1, 1, '1', 'Train staff on coercive control', 'ongoing', 2, 1, 1, 1),
       (2, 2, 2, 1, 1, '1', 'Train staff on coercive control', 'ongoing', 2, 1, 1, 2),
       (3, 3, 3, 1, 1, '1', 'Train staff on coercive control', 'ongoing', 2, 1, 1, 3);
INSERT INTO actions (id, document_id, plan_id, recommendation_id, seq, number, action, lead_agency,
    target_date, target_date_iso, target_date_precision, target_date_end, status, update_text, page_first, page_last, extra)
VALUES (1, 1, 1, 1, 1, '1', 'Deliver training', 'Merseyside Police', 'March 2021', '2021-03', 'month', '2021-03-31', 'ongoing', '', 1, 1, '{"completion_date_iso":"2021-05"}'),
       (2, 1, 1, 1, 2, '1', 'Audit referrals', 'Knowsley Council', 'Q2 2022', '2022-Q2', 'quarter', '2022-06-30', '', '', 1, 1, '{}'),
       (3, 2, 2, 2, 1, '1', 'Deliver training', 'Merseyside Police', 'March 2021', '2021-03', 'month', '2021-03-31', 'ongoing', '', 1, 1, '{"completion_date_iso":"2021-05"}'),
       (4, 2, 2, 2, 2, '1', 'Audit referrals', 'Knowsley Council', 'Q2 2022', '2022-Q2', 'quarter', '2022-06-30', '', '', 1, 1, '{}'),
       (5, 3, 3, 3, 1, '1', 'Deliver training', 'Merseyside Police', 'March 2021', '2021-03', 'month', '2021-03-31', 'ongoing', 'Half the staff trained', 1, 1, '{}'),
       (6, 3, 3, 3, 2, '1', 'Audit referrals', 'Knowsley Council', '2022', '2022', 'year', '2022-12-31', 'not_started', '', 1, 1, '{}');
INSERT INTO action_cells (action_id, position, header, text) VALUES (1, 0, '', '1'), (1, 1, 'Action', 'Deliver training');
INSERT INTO agencies (id, name, sector, matched) VALUES (1, 'Merseyside Police', 'police', 1), (2, 'Knowsley Council', '', 0);
INSERT INTO action_agencies (action_id, position, agency_id, printed)
VALUES (1, 0, 1, 'Merseyside Police'), (2, 0, 2, 'Knowsley Council'), (3, 0, 1, 'Merseyside Police'),
       (4, 0, 2, 'Knowsley Council'), (5, 0, 1, 'Merseyside Police'), (6, 0, 2, 'Knowsley Council');
`

// analystSchema is the number of the analyst schema's migration.
func analystSchema(t *testing.T) int {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if strings.HasSuffix(m.Name, "_analyst_schema.sql") {
			return m.Version
		}
	}
	t.Fatal("no analyst_schema migration")
	return 0
}

// Rows of the tables migrations 4 and 5 added, which refer to documents.
const schema5Rows = `
INSERT INTO sources (url, sha256, document_id) VALUES ('https://example.org/c.pdf', 'c', 3);
INSERT INTO document_flags (document_id, code, detail) VALUES (2, 'number_sequence_gap', '1, 3');
`

// A database made by the schema before the analyst schema,
// with rows, is upgraded: missing values become NULL, target dates take one
// form, the plan printed twice is one version, the index is rebuilt, and
// every row is kept.
func TestUpgradeFromSchema3(t *testing.T) {
	path := oldDB(t, analystSchema(t)-1, schema3Rows+schema5Rows)
	db, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checks := []struct {
		q    string
		want int
	}{
		{"PRAGMA user_version", SchemaVersion()},
		{"SELECT count(*) FROM actions", 6},
		{"SELECT count(*) FROM action_cells WHERE header IS NULL", 1},
		{"SELECT count(*) FROM documents WHERE title IS NULL", 2},
		{"SELECT count(*) FROM actions WHERE status IS NULL", 2},
		{"SELECT count(*) FROM actions WHERE update_text IS NULL", 5},
		{"SELECT count(*) FROM reviews WHERE reference IS NULL", 1},
		{"SELECT count(*) FROM agencies WHERE sector IS NULL", 1},
		{"SELECT count(*) FROM actions WHERE target_date_iso = '2021-03-31' AND target_date_start = '2021-03-01'", 3},
		{"SELECT count(*) FROM actions WHERE target_date_iso = '2022-06-30' AND target_date_start = '2022-04-01'", 2},
		{"SELECT count(*) FROM actions WHERE target_date_iso = '2022-12-31' AND target_date_start = '2022-01-01'", 1},
		{"SELECT count(*) FROM actions WHERE completion_date_iso = '2021-05' AND extra = '{}'", 2},
		{"SELECT count(*) FROM documents WHERE id = 2 AND duplicate_of = 1 AND version = 1 AND is_current = 0", 1},
		{"SELECT count(*) FROM documents WHERE id = 3 AND version = 2 AND is_current = 1 AND previous_document_id = 1", 1},
		{"SELECT count(*) FROM documents WHERE is_current = 1", 1},
		{"SELECT count(*) FROM documents WHERE as_of_date = '2020-11-01' AND as_of_date_source = 'plan_date'", 2},
		{"SELECT count(*) FROM actions WHERE document_id = 3 AND lineage_id IN (1, 2)", 2},
		{"SELECT count(*) FROM actions_fts WHERE actions_fts MATCH 'update_text:half'", 1},
		{"SELECT count(*) FROM actions_fts WHERE actions_fts MATCH 'coercive'", 6},
		{"SELECT count(*) FROM recommendations_fts WHERE recommendations_fts MATCH 'coercive'", 3},
		{"SELECT count(*) FROM overdue_actions", 2},
		{"SELECT count(*) FROM action_history WHERE lineage_id = 1", 2},
		{"SELECT count(*) FROM sources s JOIN documents d ON d.id = s.document_id WHERE d.file = 'c.pdf'", 1},
		{"SELECT count(*) FROM document_flags f JOIN documents d ON d.id = f.document_id WHERE d.file = 'b.pdf'", 1},
		{"SELECT json_array_length(flags) FROM document_export WHERE document_id = 2", 1},
	}
	for _, c := range checks {
		if n := count(t, db, c.q); n != c.want {
			t.Errorf("%s: %d, want %d", c.q, n, c.want)
		}
	}
	checkFTS(t, db)
	var integrity string
	db.SQL().QueryRow("PRAGMA integrity_check").Scan(&integrity)
	if integrity != "ok" {
		t.Error(integrity)
	}
	mustLoad(t, db, fixture("d.pdf", "d", diana, dianaRows()))
	checkFTS(t, db)
}

// A review typed LCSPR by an earlier build is a CSPR after the upgrade,
// alone or in a joint review, and other types are left alone.
func TestUpgradeLCSPRIsCSPR(t *testing.T) {
	path := oldDB(t, 7, `
INSERT INTO reviews (id, review_type, area, pseudonym, name_key) VALUES
 (1, 'LCSPR', 'Leeds', 'Child T', 'a'), (2, 'SAR/LCSPR', 'Leeds', 'Child U', 'b'),
 (3, 'CSPR', 'Dorset', 'Child J', 'c'), (4, 'DHR', 'Sefton', 'Mary', 'd');`)
	db, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got string
	if err := db.SQL().QueryRow(`SELECT group_concat(review_type, ',') FROM (SELECT review_type FROM reviews ORDER BY id)`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if want := "CSPR,SAR/CSPR,CSPR,DHR"; got != want {
		t.Errorf("review types after upgrade: %s, want %s", got, want)
	}
}
