package store

import (
	"database/sql"
	"testing"
	"time"

	"github.com/actionplan/actionplan/extract"
)

// A document that could not be read says why (documents.error: "why the
// document could not be read (outcome error)"), even when the extractor
// gave no error: an error outcome with an empty reason tells the analyst
// nothing. A document with no outcome at all is an error too.
func TestLoadErrorHasReason(t *testing.T) {
	db := openTemp(t)
	for i, outcome := range []extract.Outcome{extract.OutcomeError, ""} {
		in := fixture("broken.pdf", "bytes "+string(rune('a'+i)), diana, nil)
		in.Doc.Outcome, in.Doc.Err, in.Doc.Tables = outcome, nil, nil
		mustLoad(t, db, in)
		var got, errText sql.NullString
		db.SQL().QueryRow("SELECT outcome, error FROM documents WHERE sha256 = ?", in.SHA256).Scan(&got, &errText)
		if got.String != string(extract.OutcomeError) || errText.String == "" {
			t.Errorf("outcome %q loaded as %q with error %q, want an error with its reason", outcome, got.String, errText.String)
		}
	}
}

// A source known by its fetch details but not its address gives the
// document no address: url stays NULL, not an empty string.
func TestLoadSourceWithoutURL(t *testing.T) {
	db := openTemp(t)
	in := fixture("diana.pdf", "v1", diana, dianaRows())
	in.Source = &Source{FetchedAt: "2024-10-01T12:00:00Z", ETag: `"abc"`}
	mustLoad(t, db, in)
	if n := count(t, db, "SELECT count(*) FROM documents WHERE url IS NULL"); n != 1 {
		t.Errorf("documents with no url: %d, want 1", n)
	}
	if n := count(t, db, "SELECT count(*) FROM files WHERE url IS NULL AND etag = '\"abc\"'"); n != 1 {
		t.Errorf("files with no url and the etag: %d, want 1", n)
	}
}

// With no as-of or plan date, a plan's statuses speak for the day its PDF
// was last modified, else created (asOfDate); with none of these, for no
// day.
func TestLoadAsOfFromPDFDates(t *testing.T) {
	db := openTemp(t)
	mod := time.Date(2023, 5, 4, 23, 30, 0, 0, time.UTC)
	created := time.Date(2023, 1, 2, 9, 0, 0, 0, time.UTC)
	review := diana
	review.PlanDate, review.AsOf = "", ""
	for _, c := range []struct {
		mod, created time.Time
		want, source string
	}{
		{mod, created, "2023-05-04", "pdf_date"},
		{time.Time{}, created, "2023-01-02", "pdf_date"},
		{time.Time{}, time.Time{}, "", ""},
	} {
		in := fixture("undated.pdf", "bytes "+c.want, review, dianaRows())
		in.Doc.Meta.ModDate, in.Doc.Meta.CreationDate = c.mod, c.created
		mustLoad(t, db, in)
		var date, source sql.NullString
		db.SQL().QueryRow("SELECT as_of_date, as_of_date_source FROM documents WHERE sha256 = ?", in.SHA256).Scan(&date, &source)
		if date.String != c.want || source.String != c.source {
			t.Errorf("modified %v, created %v: as of %q (%q), want %q (%q)", c.mod, c.created, date.String, source.String, c.want, c.source)
		}
	}
}
