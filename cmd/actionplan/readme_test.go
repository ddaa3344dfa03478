package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// readmeExample is one ```sql block of README's "## Database" section with
// the name of the check of its answer (<!-- answer: NAME --> before it).
type readmeExample struct {
	check string
	sql   string
}

// readmeSQL returns the ```sql blocks of README.md's "## Database" section.
func readmeSQL(t *testing.T) []readmeExample {
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
	var out []readmeExample
	re := regexp.MustCompile("(?s)(?:<!-- answer: ([a-z_]+) -->\n)?```sql\n(.*?)```")
	for _, m := range re.FindAllStringSubmatch(section, -1) {
		out = append(out, readmeExample{check: m[1], sql: m[2]})
	}
	return out
}

// result is what one statement gave: column names and rows as text (NULL
// as "NULL").
type result struct {
	cols []string
	rows [][]string
}

func (r result) col(name string) int {
	for i, c := range r.cols {
		if c == name {
			return i
		}
	}
	return -1
}

func runQuery(t *testing.T, db *sql.DB, q string) (result, error) {
	rows, err := db.Query(q)
	if err != nil {
		return result{}, err
	}
	defer rows.Close()
	var r result
	r.cols, _ = rows.Columns()
	for rows.Next() {
		vals := make([]any, len(r.cols))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return r, err
		}
		row := make([]string, len(vals))
		for i, v := range vals {
			switch x := v.(type) {
			case nil:
				row[i] = "NULL"
			case []byte:
				row[i] = string(x)
			default:
				row[i] = fmt.Sprint(x)
			}
		}
		r.rows = append(r.rows, row)
	}
	return r, rows.Err()
}

// readmeCorpus is the database the README examples run on: the corpus when
// it is there, else generated plans.
func readmeCorpus(t *testing.T) string {
	t.Helper()
	requireExtractor(t)
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
	return db
}

// TestReadmeQueries runs every SQL block of the README's Database section
// against a database built from the corpus and checks its answer against
// the same figures reached another way.
func TestReadmeQueries(t *testing.T) {
	examples := readmeSQL(t)
	if len(examples) < 5 {
		t.Fatalf("%d SQL examples in the README, want at least 5", len(examples))
	}
	db := readmeCorpus(t)
	sdb := openSQL(t, db)
	checks := readmeChecks(t, db, sdb)
	for i, ex := range examples {
		check, ok := checks[ex.check]
		if !ok {
			t.Errorf("README SQL example %d has no known answer check (<!-- answer: NAME --> before it): %q", i+1, ex.check)
			continue
		}
		var results []result
		for _, stmt := range strings.Split(ex.sql, ";\n") {
			if strings.TrimSpace(stmt) == "" {
				continue
			}
			r, err := runQuery(t, sdb, stmt)
			if err != nil {
				t.Errorf("README SQL example %d (%s): %v\n%s", i+1, ex.check, err, stmt)
				continue
			}
			results = append(results, r)
		}
		t.Logf("example %d (%s): %d statements", i+1, ex.check, len(results))
		if err := check(results); err != nil {
			t.Errorf("README SQL example %d (%s): wrong answer: %v", i+1, ex.check, err)
		}
	}
}

// readmeChecks are the answer checks by name: each compares an example's
// answer with what stats, export or the underlying tables say.
func readmeChecks(t *testing.T, dbPath string, db *sql.DB) map[string]func([]result) error {
	stats := statsOf(t, dbPath)
	recs := exportRecords(t, dbPath)
	q := func(query string) result {
		r, err := runQuery(t, db, query)
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return r
	}
	return map[string]func([]result) error{
		"status_counts": func(rs []result) error {
			got := map[string]int{}
			for _, row := range rs[0].rows {
				got[strings.Replace(row[0], "(none)", "", 1)] = atoi(row[1])
			}
			return sameCounts(got, stats.ByStatus)
		},
		"search_actions": func(rs []result) error {
			if len(rs[0].rows) == 0 {
				return fmt.Errorf("no match for 'training OR information'")
			}
			for _, row := range rs[0].rows {
				ex := strings.ToLower(row[rs[0].col("excerpt")])
				if !strings.Contains(ex, "[train") && !strings.Contains(ex, "[inform") {
					return fmt.Errorf("excerpt without a match: %s", ex)
				}
			}
			return nil
		},
		"search_recommendations": func(rs []result) error {
			seen := map[string]bool{}
			want := map[string]bool{}
			for _, r := range recs {
				if r.IsCurrent && (hasWord(r.Recommendation, "train") || hasWord(r.Action, "train") ||
					hasWord(r.Milestone, "train") || hasWord(r.Outcome, "train") || hasWord(r.Evidence, "train") ||
					hasWord(r.Update, "train")) {
					want[fmt.Sprintf("%s|%s", r.File, r.Recommendation)] = true
				}
			}
			for _, row := range rs[0].rows {
				if seen[row[0]] {
					return fmt.Errorf("recommendation %s twice", row[0])
				}
				seen[row[0]] = true
			}
			// Recommendations with the same text in one document count once in want.
			got := map[string]bool{}
			for _, row := range rs[0].rows {
				got[row[1]+"|"+row[3]] = true
			}
			if len(got) != len(want) {
				return fmt.Errorf("%d recommendations found, the export has %d whose texts say train*", len(got), len(want))
			}
			return nil
		},
		"gone_sources": func(rs []result) error {
			n := q("SELECT count(*) FROM sources WHERE gone_at IS NOT NULL").rows[0][0]
			if fmt.Sprint(len(rs[0].rows)) != n {
				return fmt.Errorf("%d rows, %s sources gone", len(rs[0].rows), n)
			}
			return nil
		},
		"status_changed": func(rs []result) error {
			r := rs[0]
			for _, row := range r.rows {
				if row[r.col("first_status")] == row[r.col("latest_status")] || atoi(row[r.col("versions")]) < 2 {
					return fmt.Errorf("row without a change: %v", row)
				}
			}
			want := q(`SELECT count(*) FROM recommendations f JOIN recommendations l ON l.lineage_id = f.id
				JOIN documents d ON d.id = l.document_id AND d.is_current = 1
				WHERE f.lineage_id = f.id AND l.id <> f.id AND f.status IS NOT l.status`).rows[0][0]
			if fmt.Sprint(len(r.rows)) != want {
				return fmt.Errorf("%d rows, want %s", len(r.rows), want)
			}
			return nil
		},
		"recommendation_history": func(rs []result) error {
			want := q(`SELECT count(*) FROM recommendations r JOIN documents d ON d.id = r.document_id
				WHERE d.duplicate_of IS NULL AND r.review_id IN (SELECT review_id FROM documents WHERE version > 1)`).rows[0][0]
			return rowCount(rs[0], want)
		},
		"action_history": func(rs []result) error {
			want := q(`SELECT count(*) FROM actions a JOIN documents d ON d.id = a.document_id
				WHERE d.duplicate_of IS NULL AND d.review_id IN (SELECT review_id FROM documents WHERE version > 1)`).rows[0][0]
			if err := rowCount(rs[0], want); err != nil {
				return err
			}
			r := rs[0]
			last := map[string]int{}
			for _, row := range r.rows {
				l, v := row[r.col("lineage_id")], atoi(row[r.col("version")])
				if v <= last[l] {
					return fmt.Errorf("lineage %s: version %d after %d", l, v, last[l])
				}
				last[l] = v
			}
			return nil
		},
		"overdue_by_agency": func(rs []result) error {
			want := map[string]int{}
			for _, r := range recs {
				if r.IsCurrent && (r.Status == "ongoing" || r.Status == "not_started") && r.TargetDateISO != "" &&
					r.AsOfDate != "" && r.TargetDateISO < r.AsOfDate {
					for _, a := range uniq(r.Agencies) {
						want[a]++
					}
				}
			}
			got := map[string]int{}
			for _, row := range rs[0].rows {
				got[row[0]] = atoi(row[1])
			}
			if len(want) == 0 {
				t.Log("no overdue actions in this corpus")
			}
			return sameCounts(got, want)
		},
		"sector_share": func(rs []result) error {
			got := map[string]int{}
			for _, row := range rs[0].rows {
				got[strings.Replace(row[0], "(none)", "", 1)] = atoi(row[1])
			}
			return sameCounts(got, stats.BySector)
		},
		"cells_of_a_plan": func(rs []result) error {
			want := q(`SELECT count(*) FROM action_cells c JOIN actions a ON a.id = c.action_id
				WHERE a.document_id = (SELECT min(id) FROM documents WHERE outcome = 'ok')`).rows[0][0]
			return rowCount(rs[0], want)
		},
		"failed_and_runs": func(rs []result) error {
			if len(rs) != 2 {
				return fmt.Errorf("%d statements", len(rs))
			}
			if err := rowCount(rs[0], fmt.Sprint(stats.ByOutcome["error"])); err != nil {
				return err
			}
			return rowCount(rs[1], "1")
		},
	}
}

func statsOf(t *testing.T, db string) struct {
	ByStatus  map[string]int `json:"by_status"`
	BySector  map[string]int `json:"by_sector"`
	ByOutcome map[string]int `json:"by_outcome"`
} {
	out, _ := mustRunCLI(t, ExitOK, "stats", "--db", db, "--json")
	var st struct {
		ByStatus  map[string]int `json:"by_status"`
		BySector  map[string]int `json:"by_sector"`
		ByOutcome map[string]int `json:"by_outcome"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	return st
}

type exportRecord struct {
	File           string   `json:"file"`
	Recommendation string   `json:"recommendation"`
	Action         string   `json:"action"`
	Milestone      string   `json:"milestone"`
	Outcome        string   `json:"outcome"`
	Evidence       string   `json:"evidence"`
	Update         string   `json:"update"`
	Status         string   `json:"status"`
	TargetDateISO  string   `json:"target_date_iso"`
	AsOfDate       string   `json:"as_of_date"`
	IsCurrent      bool     `json:"is_current"`
	Agencies       []string `json:"agencies"`
}

func exportRecords(t *testing.T, db string) []exportRecord {
	out, _ := mustRunCLI(t, ExitOK, "export", "--db", db)
	var recs []exportRecord
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var r exportRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	return recs
}

// hasWord reports a word of s that the Porter stemmer reduces to the stem
// "train" as it does "training" (train, trains, trained, training), the
// words FTS5 finds for "training".
func hasWord(s, stem string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	}) {
		for _, suffix := range []string{"", "s", "ed", "ing", "ings"} {
			if w == stem+suffix {
				return true
			}
		}
	}
	return false
}

func sameCounts(got, want map[string]int) error {
	for k, v := range want {
		if v != 0 && got[k] != v {
			return fmt.Errorf("%q: %d, want %d (got %v, want %v)", k, got[k], v, got, want)
		}
	}
	for k, v := range got {
		if want[k] != v {
			return fmt.Errorf("%q: %d, want %d", k, v, want[k])
		}
	}
	return nil
}

func rowCount(r result, want string) error {
	if fmt.Sprint(len(r.rows)) != want {
		return fmt.Errorf("%d rows, want %s", len(r.rows), want)
	}
	return nil
}

func atoi(s string) int {
	var n int
	fmt.Sscan(s, &n)
	return n
}

func uniq(xs []string) []string {
	m := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !m[x] {
			m[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}
