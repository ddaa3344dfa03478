package main

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestProcesses runs the real binary, built once for its subtests.
func TestProcesses(t *testing.T) {
	requireExtractor(t)
	bin := binary(t)
	t.Run("two ingests at once", func(t *testing.T) { testTwoIngestProcesses(t, bin) })
	t.Run("SIGKILL mid-ingest", func(t *testing.T) { testKillMidIngest(t, bin) })
}

// testTwoIngestProcesses runs two real ingest processes into one database at
// once, over folders that share files: both finish, nothing is lost or
// doubled, and the file is sound.
func testTwoIngestProcesses(t *testing.T, bin string) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	samplePlans(t, a, 60)
	os.MkdirAll(b, 0o755)
	for i := 41; i <= 80; i++ { // 41-60 are the same bytes as in a, under other paths
		writeTestFile(t, filepath.Join(b, fmt.Sprintf("copy-%03d.pdf", i)), samplePlan(i).pdfBytes())
	}
	db := filepath.Join(dir, "shared.db")
	var wg sync.WaitGroup
	outs := make([]string, 2)
	errs := make([]error, 2)
	for i, folder := range []string{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := exec.Command(bin, "ingest", "--db", db, "--workers", "2", folder).CombinedOutput()
			outs[i], errs[i] = string(out), err
		}()
	}
	wg.Wait()
	for i := range errs {
		if errs[i] != nil {
			t.Errorf("process %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	sdb := openSQL(t, db)
	checkIntegrity(t, sdb)
	for q, want := range map[string]int{
		"SELECT count(*) FROM documents":                             80,
		"SELECT count(*) FROM files":                                 100,
		"SELECT count(*) FROM actions":                               240,
		"SELECT count(*) FROM import_runs WHERE status = 'finished'": 2,
	} {
		if n := queryInt(t, sdb, q); n != want {
			t.Errorf("%s: %d, want %d", q, n, want)
		}
	}
}

// testKillMidIngest kills a real ingest with SIGKILL part way: the database
// stays sound, and a re-run ends with the same rows as a clean run.
func testKillMidIngest(t *testing.T, bin string) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	const files = 250
	samplePlans(t, in, files)
	db := filepath.Join(dir, "killed.db")
	cmd := exec.Command(bin, "ingest", "--db", db, "--workers", "2", in)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	for n := 0; n < 25 && sc.Scan(); n++ {
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix
		t.Fatal(err)
	}
	cmd.Wait()
	sdb := openSQL(t, db)
	checkIntegrity(t, sdb)
	loaded := queryInt(t, sdb, "SELECT count(*) FROM documents")
	t.Logf("killed after %d of %d documents", loaded, files)
	if loaded == files {
		t.Log("the run finished before the kill landed; the test still checks the re-run")
	}
	// Every document is whole: three actions each.
	if n := queryInt(t, sdb, "SELECT count(*) FROM documents WHERE action_rows <> 3 OR action_rows <> (SELECT count(*) FROM actions a WHERE a.document_id = documents.id)"); n != 0 {
		t.Errorf("%d partial documents", n)
	}
	sdb.Close()
	mustRunCLI(t, ExitOK, "ingest", "--db", db, in)
	clean := filepath.Join(dir, "clean.db")
	mustRunCLI(t, ExitOK, "ingest", "--db", clean, in)
	for _, what := range []string{"actions", "documents"} {
		got, _ := mustRunCLI(t, ExitOK, "export", "--db", db, "--what", what)
		want, _ := mustRunCLI(t, ExitOK, "export", "--db", clean, "--what", what)
		if got, want = withoutLoadOrder(t, got), withoutLoadOrder(t, want); got != want {
			t.Errorf("export --what %s differs from a clean run's (%d vs %d lines)", what,
				strings.Count(got, "\n"), strings.Count(want, "\n"))
		}
	}
}

func openSQL(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func checkIntegrity(t testing.TB, db *sql.DB) {
	t.Helper()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q %v", res, err)
	}
	if _, err := db.Exec("INSERT INTO actions_fts (actions_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Fatalf("full-text index: %v", err)
	}
}

func queryInt(t testing.TB, db *sql.DB, q string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// loadOrderKeys are the export keys that depend on the order documents were
// loaded in (row ids) or on when (timestamps), not on their content.
var loadOrderKeys = []string{"document_id", "review_id", "duplicate_of", "previous_document_id",
	"superseded_by_id", "current_document_id", "loaded_at"}

// withoutLoadOrder drops loadOrderKeys from every JSONL record.
func withoutLoadOrder(t testing.TB, jsonl string) string {
	t.Helper()
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		for _, k := range loadOrderKeys {
			delete(m, k)
		}
		out, _ := json.Marshal(m)
		b.Write(out)
		b.WriteByte('\n')
	}
	return b.String()
}
