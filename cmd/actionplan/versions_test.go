package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// Two published versions of one plan, loaded newest first: the history view
// follows each recommendation from the first version's status to the latest.
func TestPlanVersionsHistory(t *testing.T) {
	requireExtractor(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	v1 := samplePlan(1)
	v2 := samplePlan(1)
	v2.title[1] = "Action Plan Anna1 (pseudonym) October 2024"
	v2.rows = [][]string{
		{"1. Train staff on coercive control", "Deliver training", "Test Police", "March 2021", "Completed"},
		{"2. Share information with housing", "Agree a protocol", "Test Council", "June 2022", "Completed"},
		{"3. Review the referral pathway", "Audit referrals", "Test NHS Trust", "2030", "Ongoing"},
	}
	writeTestFile(t, filepath.Join(in, "b-2021.pdf"), v1.pdfBytes())
	writeTestFile(t, filepath.Join(in, "a-2024.pdf"), v2.pdfBytes())
	db := filepath.Join(dir, "v.db")
	mustRunCLI(t, ExitOK, "ingest", "--db", db, "--workers", "1", in)
	sdb := openSQL(t, db)
	if n := queryInt(t, sdb, "SELECT count(*) FROM reviews"); n != 1 {
		t.Fatalf("reviews: %d", n)
	}
	rows, err := sdb.Query(`SELECT number, first_status, latest_status, versions, latest_file
		FROM recommendation_latest_status ORDER BY number`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var num, first, latest, file string
		var versions int
		rows.Scan(&num, &first, &latest, &versions, &file)
		got = append(got, fmt.Sprintf("%s %s->%s %d %s", num, first, latest, versions, file))
	}
	want := []string{
		"1 completed->completed 2 a-2024.pdf",
		"2 ongoing->completed 2 a-2024.pdf",
		"3 not_started->ongoing 2 a-2024.pdf",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("latest status\n got %q\nwant %q", got, want)
	}
}
