package main

import (
	"database/sql"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/corpus/bad"
)

// TestIngestHostile ingests every hostile case of corpus/bad mixed with
// good plans (one named with a newline), with two workers, and checks the
// exit status, each file's outcome, rows and words (in the summary and in
// the database), what was read only in part, the good files' rows, and
// that the progress log keeps one line per file.
func TestIngestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the hostile set holds 4 GiB bombs and a 3,000-page file")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := bad.Write(in); err != nil {
		t.Fatal(err)
	}
	good := map[string]string{
		"good_one.pdf":         "Domestic Homicide Review (Alpha) Action Plan",
		"good\nnewline.pdf":    "Safeguarding Adults Review (Beta) Action Plan",
		"good_three\t\x1b.pdf": "Domestic Homicide Review (Gamma) Action Plan",
	}
	for name, title := range good {
		writeTestFile(t, filepath.Join(in, name), bad.Good(title))
	}
	db := filepath.Join(dir, "plans.db")
	code, out, errs := runCLI(t, "ingest", "--db", db, "--workers", "2", "--json", in)
	if code != ExitSomeFailed {
		t.Fatalf("status %d, want %d (some files unreadable)\n%s", code, ExitSomeFailed, errs)
	}
	var sum runSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary: %v\n%s", err, out)
	}
	cases := bad.Cases()
	if want := len(cases) + len(good); sum.Seen != want {
		t.Errorf("seen %d, want %d", sum.Seen, want)
	}

	// One line per file in the log, names with control characters quoted.
	lines := 0
	for _, l := range strings.Split(errs, "\n") {
		if strings.Contains(l, "/") && strings.Contains(l, ".pdf") && !strings.HasPrefix(l, " ") && !strings.HasPrefix(l, "ingest:") {
			lines++
		}
	}
	if lines != sum.Seen {
		t.Errorf("%d progress lines for %d files:\n%s", lines, sum.Seen, errs)
	}
	for _, q := range []string{`good\nnewline.pdf"`, `good_three\t\x1b.pdf"`} {
		if !strings.Contains(errs, q) {
			t.Errorf("log lacks the quoted name %s", q)
		}
	}

	failed := map[string]string{}
	for _, f := range sum.FailedFiles {
		failed[filepath.Base(f.Path)] = f.Error
	}
	partial := map[string]string{}
	for _, p := range sum.PartialFiles {
		partial[filepath.Base(p.Path)] = p.NotRead
	}
	sdb, err := sql.Open("sqlite3", db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	type stored struct {
		outcome, errText, notRead string
		rows, pagesRead           int
	}
	docs := map[string]stored{}
	rs, err := sdb.Query(`SELECT file, outcome, coalesce(error, ''), not_read, action_rows, coalesce(pages_read, -1) FROM documents`)
	if err != nil {
		t.Fatal(err)
	}
	for rs.Next() {
		var f string
		var s stored
		if err := rs.Scan(&f, &s.outcome, &s.errText, &s.notRead, &s.rows, &s.pagesRead); err != nil {
			t.Fatal(err)
		}
		docs[f] = s
	}
	rs.Close()

	for _, c := range cases {
		d, ok := docs[c.Name]
		if !ok {
			t.Errorf("%s: not in the database", c.Name)
			continue
		}
		if d.outcome != c.Want.Outcome {
			t.Errorf("%s: outcome %s, want %s (%s%s)", c.Name, d.outcome, c.Want.Outcome, d.errText, d.notRead)
		}
		if c.Want.Rows >= 0 && d.rows != c.Want.Rows {
			t.Errorf("%s: %d rows, want %d", c.Name, d.rows, c.Want.Rows)
		}
		said := d.errText + " " + d.notRead
		if c.Want.Outcome == "error" {
			said = failed[c.Name]
			if said == "" {
				t.Errorf("%s: not among the summary's failed files", c.Name)
			}
		}
		if !strings.Contains(said, c.Want.Message) {
			t.Errorf("%s: said %q, want words %q", c.Name, said, c.Want.Message)
		}
		if c.Want.Partial {
			if partial[c.Name] == "" || d.notRead == "" {
				t.Errorf("%s: read in part, but the summary says %q and not_read %q", c.Name, partial[c.Name], d.notRead)
			}
		} else if c.Want.Outcome != "error" && (partial[c.Name] != "" || d.notRead != "") {
			t.Errorf("%s: read whole, but said to be read in part: %q", c.Name, d.notRead)
		}
	}
	if d := docs["page_cap.pdf"]; d.pagesRead != 2000 {
		t.Errorf("page_cap.pdf: %d pages read stored, want 2000", d.pagesRead)
	}

	// The good files are loaded whole, every row with its agency.
	for name := range good {
		d := docs[name]
		if d.outcome != "ok" || d.rows != bad.PlanRows || d.notRead != "" {
			t.Errorf("%q: %s, %d rows, not read %q; want ok, %d rows", name, d.outcome, d.rows, d.notRead, bad.PlanRows)
		}
	}
	var police int
	if err := sdb.QueryRow(`SELECT count(*) FROM actions a JOIN documents d ON d.id = a.document_id
		WHERE d.file LIKE 'good%' AND a.lead_agency = 'Test Police'`).Scan(&police); err != nil {
		t.Fatal(err)
	}
	if police != len(good) {
		t.Errorf("%d good rows led by Test Police, want %d", police, len(good))
	}
}

// TestCollectUnwalkable: a folder that cannot be read is returned as a
// failure with its cause, and the files around it are still found.
func TestCollectUnwalkable(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a/one.pdf", "b/two.PDF", "c/three.pdf"} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(dir, p), []byte("%PDF-1.4"))
	}
	denied := filepath.Join(dir, "b")
	walk := func(root string, fn fs.WalkDirFunc) error {
		return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if p == denied {
				// What WalkDir reports for a folder it may not read; it
				// then goes on past it.
				if err := fn(p, d, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}); err != nil {
					return err
				}
				return filepath.SkipDir
			}
			return fn(p, d, err)
		})
	}
	files, unwalkable := collectWith([]string{dir}, walk)
	if len(files) != 2 || len(unwalkable) != 1 {
		t.Fatalf("files %v, unwalkable %v", files, unwalkable)
	}
	if u := unwalkable[0]; u.Path != denied || !strings.Contains(u.Error, "cannot read the folder: permission denied") {
		t.Errorf("unwalkable %+v", u)
	}
}
