package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

// row is a test action row: number, recommendation, action, lead agency, status.
type row struct {
	num, rec, action, lead, status string
	group                          int
}

var planColumns = []string{"", "Recommendation", "Action to Take", "Lead Agency", "Status"}

// fixture builds a Document and its normalized Result as the extractor and
// normalizer would: one plan table (and one non-plan table), one record a row.
func fixture(name, content string, review normalize.Review, rows []row) LoadInput {
	sum := sha256.Sum256([]byte(content))
	sha := hex.EncodeToString(sum[:])
	doc := &extract.Document{
		File: name, SHA256: sha, Size: int64(len(content)), Outcome: extract.OutcomeOK,
		Meta: extract.Meta{Pages: 3, Title: "Action plan " + name, Producer: "test"},
		Tables: []extract.Table{
			{Index: 0, IsPlan: false, Columns: []string{"Name", "Role"}, PageFirst: 1, PageLast: 1,
				Rows: []extract.Row{{Seq: 0, Cells: []string{"A. Chair", "Chair"}, PageFirst: 1, PageLast: 1}}},
			{Index: 1, IsPlan: true, Columns: planColumns, PageFirst: 2, PageLast: 3},
		},
	}
	var res normalize.Result
	res.Review = review
	for i, r := range rows {
		page := 2 + i/2
		doc.Tables[1].Rows = append(doc.Tables[1].Rows, extract.Row{
			Seq: i + 1, Number: r.num, Group: r.group, PageFirst: page, PageLast: page,
			Cells: []string{r.num + ".", r.rec, r.action, r.lead, r.status},
		})
		var detail []normalize.Agency
		var names []string
		if r.lead != "" {
			detail = []normalize.Agency{{Printed: r.lead, Canonical: r.lead, Sector: "police", Matched: true}}
			names = []string{r.lead}
		}
		res.Records = append(res.Records, normalize.Record{
			File: name, SHA256: sha, ReviewType: review.Type, Reference: review.Reference,
			Area: review.Area, Pseudonym: review.Pseudonym, Seq: i + 1, Number: r.num,
			Recommendation: r.rec, Scope: "local", Action: r.action, LeadAgency: r.lead,
			Agencies: names, AgencyDetail: detail, Status: r.status, StatusPrinted: r.status,
			TargetDate: "March 2021", TargetDateISO: "2021-03", TargetDatePrec: "month",
			PageFirst: page, PageLast: page, Table: 1, Group: r.group,
			Cells: map[string]string{"": r.num + ".", "Recommendation": r.rec, "Action to Take": r.action,
				"Lead Agency": r.lead, "Status": r.status},
		})
	}
	return LoadInput{
		Path: filepath.Join("plans", name), Size: int64(len(content)),
		ModTime: time.Date(2024, 10, 1, 12, 0, 0, 0, time.UTC), SHA256: sha, Doc: doc, Norm: res,
	}
}

var diana = normalize.Review{Type: "DHR", Reference: "KMBC DHR05", Area: "Knowsley", Pseudonym: "Diana", PlanDate: "2020-11"}

func dianaRows() []row {
	return []row{
		{"1", "Ascertain the wishes of bereaved families regarding contact from the perpetrator", "Ask at first meeting", "Merseyside Police", "ongoing", 1},
		{"1", "Ascertain the wishes of bereaved families regarding contact from the perpetrator", "Notify agencies", "Probation", "not_started", 1},
		{"2", "Raise awareness of coercive control among GPs", "Training for GPs", "NHS Cheshire and Merseyside", "ongoing", 2},
		{"3", "Review the housing allocation policy for victims", "Policy review", "Knowsley Council", "", 3},
	}
}

func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func mustLoad(t testing.TB, db *DB, in LoadInput) LoadResult {
	t.Helper()
	r, err := db.Load(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// count runs a count query.
func count(t testing.TB, db *DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// tableCounts gives the row count of every table, for before/after checks.
func tableCounts(t testing.TB, db *DB) map[string]int {
	m := map[string]int{}
	for _, tb := range []string{"documents", "files", "reviews", "plans", "recommendations", "actions",
		"action_cells", "agencies", "action_agencies", "actions_fts", "recommendations_fts"} {
		m[tb] = count(t, db, fmt.Sprintf("SELECT count(*) FROM %s", tb))
	}
	return m
}
