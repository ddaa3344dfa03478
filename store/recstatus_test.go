package store

import (
	"context"
	"testing"
	"time"

	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

// A recommendation's status sums up the statuses of its actions that have
// one: an action with no status printed does not make it ongoing.
func TestRecommendationStatusIgnoresActionsWithoutStatus(t *testing.T) {
	recs := func(ss ...string) []normalize.Record {
		out := make([]normalize.Record, len(ss))
		for i, s := range ss {
			out[i].Status = s
		}
		return out
	}
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"completed", ""}, "completed"},
		{[]string{"", "not_started", ""}, "not_started"},
		{[]string{"ongoing", ""}, "ongoing"},
		{[]string{"", ""}, ""},
		{nil, ""},
		{[]string{"completed", "completed"}, "completed"},
		{[]string{"completed", "not_started"}, "ongoing"},
		{[]string{"completed", "ongoing", ""}, "ongoing"},
	} {
		if got := recommendationStatus(recs(c.in...)); got != c.want {
			t.Errorf("recommendationStatus(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A document whose metadata gives no page count takes the number of pages
// read (a surviving mutant of load.go).
func TestLoadPagesFromPagesRead(t *testing.T) {
	db := openTemp(t)
	in := fixture("pages.pdf", "pages", diana, dianaRows())
	in.Doc.Meta.Pages = 0
	in.Doc.Pages = make([]extract.Page, 4)
	mustLoad(t, db, in)
	if n := count(t, db, "SELECT pages FROM documents WHERE file = 'pages.pdf'"); n != 4 {
		t.Errorf("pages %d, want the 4 read", n)
	}
	in = fixture("meta.pdf", "meta", diana, dianaRows())
	in.Doc.Meta.Pages = 1
	in.Doc.Pages = make([]extract.Page, 2)
	mustLoad(t, db, in)
	if n := count(t, db, "SELECT pages FROM documents WHERE file = 'meta.pdf'"); n != 1 {
		t.Errorf("pages %d, want the metadata's 1", n)
	}
}

// The fast path: a path whose size and mtime are as loaded is unchanged; a
// new mtime (a file rewritten with bytes of the same size) is not (a
// surviving mutant of load.go stored every real mtime as 0).
func TestFileUnchangedByMtime(t *testing.T) {
	db := openTemp(t)
	in := fixture("fast.pdf", "fast", diana, dianaRows())
	mustLoad(t, db, in)
	f, ok, err := db.File(context.Background(), in.Path)
	if err != nil || !ok {
		t.Fatalf("file not recorded: %v", err)
	}
	if !f.Unchanged(in.Size, in.ModTime) {
		t.Error("same size and mtime: want unchanged")
	}
	if f.Unchanged(in.Size, in.ModTime.Add(time.Second)) {
		t.Error("a new mtime: want changed")
	}
	if f.Unchanged(in.Size+1, in.ModTime) {
		t.Error("a new size: want changed")
	}
}
