package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

func TestOpenMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	ctx := context.Background()
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var app, uv int
	var mode string
	db.SQL().QueryRow("PRAGMA application_id").Scan(&app)
	db.SQL().QueryRow("PRAGMA user_version").Scan(&uv)
	db.SQL().QueryRow("PRAGMA journal_mode").Scan(&mode)
	if app != ApplicationID || uv != SchemaVersion() || uv < 1 || mode != "wal" {
		t.Errorf("application_id %x user_version %d journal %s", app, uv, mode)
	}
	var fk, sync, busy int
	db.SQL().QueryRow("PRAGMA foreign_keys").Scan(&fk)
	db.SQL().QueryRow("PRAGMA synchronous").Scan(&sync)
	db.SQL().QueryRow("PRAGMA busy_timeout").Scan(&busy)
	if fk != 1 || sync != 1 || busy != int(BusyTimeout.Milliseconds()) {
		t.Errorf("foreign_keys %d synchronous %d busy_timeout %d", fk, sync, busy)
	}
	db.Close()
	// Opening again applies nothing and keeps the data.
	db, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, path, Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesForeign(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	other := filepath.Join(dir, "other.db")
	raw, err := sql.Open("sqlite3", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("CREATE TABLE t (x); PRAGMA application_id = 1234"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	unmarked := filepath.Join(dir, "unmarked.db")
	raw, _ = sql.Open("sqlite3", unmarked)
	raw.Exec("CREATE TABLE t (x)")
	raw.Close()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte(strings.Repeat("not a database\n", 100)), 0o644)
	for _, p := range []string{other, unmarked, text} {
		_, err := Open(ctx, p, Options{})
		if !errors.Is(err, ErrForeign) {
			t.Errorf("%s: got %v, want ErrForeign", filepath.Base(p), err)
		} else {
			t.Logf("%v", err)
		}
	}
	// A database from a newer build.
	newer := filepath.Join(dir, "newer.db")
	db, err := Open(ctx, newer, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.SQL().Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1))
	db.Close()
	if _, err := Open(ctx, newer, Options{}); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("newer schema: got %v", err)
	}
}

func TestLoad(t *testing.T) {
	db := openTemp(t)
	in := fixture("diana.pdf", "v1", diana, dianaRows())
	in.Source = &Source{URL: "https://example.org/diana.pdf"}
	in.Norm.Review.AsOf = "2024-10"
	r := mustLoad(t, db, in)
	if r.Status != StatusNew || r.Rows != 4 {
		t.Fatalf("got %+v", r)
	}
	got := tableCounts(t, db)
	want := map[string]int{"documents": 1, "files": 1, "reviews": 1, "plans": 2, "recommendations": 3,
		"actions": 4, "action_cells": 20, "agencies": 4, "action_agencies": 4, "actions_fts": 4, "recommendations_fts": 3}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("counts\n got %v\nwant %v", got, want)
	}
	var url, outcome string
	var pages, rows int
	db.SQL().QueryRow("SELECT url, outcome, pages, action_rows FROM documents").Scan(&url, &outcome, &pages, &rows)
	if url != in.Source.URL || outcome != "ok" || pages != 3 || rows != 4 {
		t.Errorf("document: %s %s %d %d", url, outcome, pages, rows)
	}
	// The merged recommendation: one row, two actions, status from both.
	var n int
	var status string
	db.SQL().QueryRow("SELECT actions, status FROM recommendations WHERE seq = 1").Scan(&n, &status)
	if n != 2 || status != "ongoing" {
		t.Errorf("recommendation 1: %d actions, status %q", n, status)
	}
	// The export view gives the record's shape.
	var agencies, cells, rec, upd string
	db.SQL().QueryRow(`SELECT agencies, cells, recommendation, coalesce(update_text, '') FROM action_export WHERE seq = 2`).
		Scan(&agencies, &cells, &rec, &upd)
	if agencies != `["Probation"]` || !strings.Contains(cells, `"Action to Take":"Notify agencies"`) ||
		!strings.HasPrefix(rec, "Ascertain") {
		t.Errorf("export row: %s %s %s", agencies, cells, rec)
	}
	// Full-text search over recommendation text finds both actions of rec 1.
	if n := count(t, db, "SELECT count(*) FROM actions_fts WHERE actions_fts MATCH 'bereaved'"); n != 2 {
		t.Errorf("fts bereaved: %d", n)
	}
	if n := count(t, db, "SELECT count(*) FROM actions_fts WHERE actions_fts MATCH 'action_text:training'"); n != 1 {
		t.Errorf("fts training: %d", n)
	}
	// The non-plan table keeps its rows.
	if n := count(t, db, "SELECT count(*) FROM plans WHERE is_plan = 0 AND rows_json LIKE '%Chair%'"); n != 1 {
		t.Errorf("non-plan table rows: %d", n)
	}
	// Overdue at the plan's as-of date (2024-10-01): every action with a
	// status other than completed (the last has none, never overdue).
	if n := count(t, db, "SELECT count(*) FROM overdue_actions"); n != 3 {
		t.Errorf("overdue: %d", n)
	}
	if n := count(t, db, "SELECT count(*) FROM overdue_actions WHERE as_of_date = '2024-10-01' AND days_overdue = 1280"); n != 3 {
		t.Errorf("overdue at the as-of date: %d", n)
	}
	// Missing values are NULL, not ''.
	if n := count(t, db, "SELECT count(*) FROM actions WHERE evidence IS NULL AND status IS NULL"); n != 1 {
		t.Errorf("NULL for missing values: %d", n)
	}
	if n := count(t, db, "SELECT count(*) FROM actions WHERE target_date_iso = '2021-03-31' AND target_date_start = '2021-03-01' AND target_date_precision = 'month'"); n != 4 {
		t.Errorf("target dates in one form: %d", n)
	}
	if n := count(t, db, "SELECT count(*) FROM actions_fts WHERE actions_fts MATCH 'policy'"); n != 1 {
		t.Errorf("fts policy: %d", n)
	}
	var integrity string
	db.SQL().QueryRow("INSERT INTO actions_fts (actions_fts, rank) VALUES ('integrity-check', 1)").Err()
	db.SQL().QueryRow("PRAGMA integrity_check").Scan(&integrity)
	if integrity != "ok" {
		t.Error(integrity)
	}
}

func TestLoadAgainIsIdempotent(t *testing.T) {
	db := openTemp(t)
	in := fixture("diana.pdf", "v1", diana, dianaRows())
	first := mustLoad(t, db, in)
	before := tableCounts(t, db)
	again := mustLoad(t, db, in)
	if again.Status != StatusUnchanged || again.DocumentID != first.DocumentID {
		t.Errorf("second load: %+v", again)
	}
	in.Force = true
	forced := mustLoad(t, db, in)
	if forced.Status != StatusReloaded || forced.DocumentID != first.DocumentID {
		t.Errorf("forced load: %+v", forced)
	}
	if after := tableCounts(t, db); !reflect.DeepEqual(before, after) {
		t.Errorf("counts changed\nbefore %v\n after %v", before, after)
	}
	checkFTS(t, db)
	// A newer extractor re-extracts: the stored version is older.
	s, ok, err := db.Document(context.Background(), in.SHA256)
	if err != nil || !ok || !s.Current(ExtractorVersion) || s.Current("99.0") {
		t.Errorf("current: %+v %v %v", s, ok, err)
	}
	in.Force, in.ExtractorVersion = false, "99.0"
	if r := mustLoad(t, db, in); r.Status != StatusReloaded {
		t.Errorf("newer extractor: %+v", r)
	}
	if v := count(t, db, "SELECT count(*) FROM documents WHERE extractor_version = '99.0'"); v != 1 {
		t.Errorf("extractor version not updated")
	}
}

// checkFTS verifies the external-content index agrees with its content.
func checkFTS(t *testing.T, db *DB) {
	t.Helper()
	for _, fts := range []string{"actions_fts", "recommendations_fts"} {
		if _, err := db.SQL().Exec("INSERT INTO " + fts + " (" + fts + ", rank) VALUES ('integrity-check', 1)"); err != nil {
			t.Errorf("%s integrity: %v", fts, err)
		}
	}
}

func TestFailedFileIsRetried(t *testing.T) {
	db := openTemp(t)
	in := fixture("broken.pdf", "broken", diana, nil)
	in.Doc.Outcome, in.Doc.Err, in.Doc.Tables = extract.OutcomeError, errors.New("truncated: cross-reference table missing"), nil
	in.Norm.Review = normalizeReviewNone
	mustLoad(t, db, in)
	in.Doc.Err = errors.New("truncated: still")
	r := mustLoad(t, db, in)
	if r.Status != StatusReloaded {
		t.Errorf("failed file not retried: %+v", r)
	}
	var msg string
	db.SQL().QueryRow("SELECT error FROM documents").Scan(&msg)
	if msg != "truncated: still" {
		t.Errorf("error not updated: %q", msg)
	}
	// A file that could not be read at all has no sha256; once read, its
	// unread record goes.
	un := LoadInput{Path: "plans/gone.pdf", Doc: &extract.Document{File: "gone.pdf",
		Outcome: extract.OutcomeError, Err: errors.New("permission denied")}}
	mustLoad(t, db, un)
	mustLoad(t, db, un)
	if n := count(t, db, "SELECT count(*) FROM documents WHERE sha256 IS NULL"); n != 1 {
		t.Errorf("unread documents: %d", n)
	}
	ok := fixture("gone.pdf", "now readable", diana, dianaRows())
	ok.Path = un.Path
	mustLoad(t, db, ok)
	if n := count(t, db, "SELECT count(*) FROM documents WHERE sha256 IS NULL"); n != 0 {
		t.Errorf("unread documents left: %d", n)
	}
}

func TestChangedFileIsNewDocument(t *testing.T) {
	db := openTemp(t)
	v1 := fixture("diana.pdf", "v1", diana, dianaRows())
	mustLoad(t, db, v1)
	rows2 := dianaRows()
	rows2[0].status = "completed" // a new version: other rows
	v2 := fixture("diana.pdf", "v2 bytes", diana, rows2)
	v2.Norm.Review.AsOf = "2024-10"
	r := mustLoad(t, db, v2)
	if r.Status != StatusNew {
		t.Fatalf("changed file: %+v", r)
	}
	if n := count(t, db, "SELECT count(*) FROM documents"); n != 2 {
		t.Errorf("documents: %d", n)
	}
	f, ok, err := db.File(context.Background(), v1.Path)
	if err != nil || !ok || f.SHA256 != v2.SHA256 || f.Doc.ID != r.DocumentID {
		t.Errorf("file row: %+v %v %v", f, ok, err)
	}
	var prev, superseded sql.NullInt64
	var version int
	db.SQL().QueryRow("SELECT version, previous_document_id FROM documents WHERE id = ?", r.DocumentID).Scan(&version, &prev)
	db.SQL().QueryRow("SELECT superseded_by_id FROM documents WHERE id = ?", prev.Int64).Scan(&superseded)
	if version != 2 || !prev.Valid || superseded.Int64 != r.DocumentID {
		t.Errorf("version %d previous %v superseded %v", version, prev, superseded)
	}
}

func TestStatusHistoryAcrossVersions(t *testing.T) {
	db := openTemp(t)
	rows1 := dianaRows()
	rows2 := dianaRows()
	rows2[0].status, rows2[1].status = "completed", "completed" // rec 1 done
	rows2[2].rec = "Improve the understanding GP practices have of coercive control"
	rows2[3].num = "4" // renumbered, same text
	v1 := fixture("diana-2020.pdf", "v1", diana, rows1)
	v2 := fixture("diana-2024.pdf", "v2", diana, rows2)
	// The later version is loaded first: versions follow the plan's dates.
	v2.Norm.Review.AsOf = "2024-10"
	// The reference alone identifies the review; area and pseudonym are missing.
	v2.Norm.Review.Area, v2.Norm.Review.Pseudonym = "", ""
	mustLoad(t, db, v2)
	mustLoad(t, db, v1)
	if n := count(t, db, "SELECT count(*) FROM reviews"); n != 1 {
		t.Fatalf("reviews: %d", n)
	}
	rows, err := db.SQL().Query(`SELECT number, coalesce(first_status, ''), coalesce(latest_status, ''), versions,
		latest_version FROM recommendation_latest_status ORDER BY number`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var num, first, latest string
		var versions, lv int
		rows.Scan(&num, &first, &latest, &versions, &lv)
		got = append(got, fmt.Sprintf("%s %s->%s %d v%d", num, first, latest, versions, lv))
	}
	want := []string{"1 ongoing->completed 2 v2", "2 ongoing->ongoing 2 v2", "4 -> 2 v2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("latest status\n got %q\nwant %q", got, want)
	}
	var methods []string
	r2, _ := db.SQL().Query(`SELECT coalesce(match_method, '') FROM recommendation_history WHERE version = 2 ORDER BY recommendation_id`)
	for r2.Next() {
		var m string
		r2.Scan(&m)
		methods = append(methods, m)
	}
	r2.Close()
	if !reflect.DeepEqual(methods, []string{"number+text", "number", "text"}) {
		t.Errorf("methods %q", methods)
	}
	// Overdue at the current version's as-of date (2024-10): rec 2's action
	// is ongoing; rec 4's has no status, which is never overdue.
	if n := count(t, db, "SELECT count(*) FROM overdue_actions"); n != 1 {
		t.Errorf("overdue in current version: %d", n)
	}
}

func TestFailureMidDocumentLeavesNothing(t *testing.T) {
	db := openTemp(t)
	rows := dianaRows()
	rows[2].status = "finished-ish" // violates the CHECK on actions.status: the third row fails
	in := fixture("bad.pdf", "bad", diana, rows)
	in.Source = &Source{URL: "https://example.org/bad.pdf"}
	_, err := db.Load(context.Background(), in)
	if err == nil || !strings.Contains(err.Error(), "CHECK") {
		t.Fatalf("got %v, want a CHECK failure", err)
	}
	for tb, n := range tableCounts(t, db) {
		if n != 0 {
			t.Errorf("%s: %d rows left", tb, n)
		}
	}
	// The database stays usable, and a later document loads whole.
	mustLoad(t, db, fixture("good.pdf", "good", diana, dianaRows()))
	checkFTS(t, db)
}

func TestConcurrentWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	ctx := context.Background()
	const perWriter, shared = 15, 10
	var wg sync.WaitGroup
	errs := make(chan error, 2*(perWriter+shared))
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			db, err := Open(ctx, path, Options{})
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			for i := 0; i < perWriter+shared; i++ {
				name := fmt.Sprintf("w%d-%d.pdf", w, i)
				content := name
				if i >= perWriter {
					name = fmt.Sprintf("shared-%d.pdf", i)
					content = name
				}
				rev := diana
				rev.Reference = fmt.Sprintf("DHR%d", i)
				in := fixture(name, content, rev, dianaRows())
				if _, err := db.Load(ctx, in); err != nil {
					errs <- err
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(t, db, "SELECT count(*) FROM documents"); n != 2*perWriter+shared {
		t.Errorf("documents: %d", n)
	}
	if n := count(t, db, "SELECT count(*) FROM actions"); n != 4*(2*perWriter+shared) {
		t.Errorf("actions: %d", n)
	}
	var ic string
	db.SQL().QueryRow("PRAGMA integrity_check").Scan(&ic)
	if ic != "ok" {
		t.Error(ic)
	}
	checkFTS(t, db)
}

func TestReviewIdentity(t *testing.T) {
	db := openTemp(t)
	load := func(name string, r normalize.Review) int64 {
		rows := dianaRows()
		rows[3].action = "Policy review for " + name // each document its own rows: no duplicates
		res := mustLoad(t, db, fixture(name, name, r, rows))
		var review sql.NullInt64
		db.SQL().QueryRow("SELECT review_id FROM documents WHERE id = ?", res.DocumentID).Scan(&review)
		return review.Int64
	}
	a := load("a.pdf", normalize.Review{Type: "DHR", Area: "Knowsley", Pseudonym: "Diana"})
	b := load("b.pdf", normalize.Review{Type: "DHR", Reference: "KMBC DHR05", Area: "Knowsley", Pseudonym: "Diana"})
	c := load("c.pdf", normalize.Review{Type: "dhr", Reference: "kmbc  dhr05"})
	d := load("d.pdf", normalize.Review{Type: "DHR", Reference: "KMBC DHR09", Area: "Knowsley", Pseudonym: "Diana"})
	e := load("e.pdf", normalize.Review{Type: "SAR", Area: "Knowsley", Pseudonym: "Diana"})
	f := load("f.pdf", normalize.Review{})
	if a == 0 || b != a || c != a {
		t.Errorf("same review: %d %d %d", a, b, c)
	}
	if d == a || e == a || e == d || f != 0 {
		t.Errorf("other reviews: a %d d %d e %d f %d", a, d, e, f)
	}
	var ref string
	db.SQL().QueryRow("SELECT reference FROM reviews WHERE id = ?", a).Scan(&ref)
	if ref != "KMBC DHR05" {
		t.Errorf("reference filled in: %q", ref)
	}
}
