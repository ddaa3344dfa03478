package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Surviving mutants of status.go (make mutate): the text is cleaned before
// its opening words are read, and a progress log's short last entry (four
// words or fewer) gives the status even when neither dated nor labelled.
func TestParseStatusMutants(t *testing.T) {
	for in, want := range map[string]string{
		"\u00a0 Completed\u00a0in June":                              StatusCompleted,
		"Work began in 2022.\nOngoing pending board approval":        StatusOngoing,
		"Work began in 2022.\nOngoing pending formal board approval": "",
	} {
		if got := ParseStatus(in).Status; got != want {
			t.Errorf("ParseStatus(%q) = %q, want %q", in, got, want)
		}
	}
}

// A status's printed clause is cut at 80 bytes on a character boundary, and
// an impossible date beside "Complete" gives no status date.
func TestStatusClauseAndDate(t *testing.T) {
	long := "Complete " + strings.Repeat("é", 60)
	st := ParseStatus(long)
	if !utf8.ValidString(st.Printed) || !strings.HasSuffix(st.Printed, "…") || len(st.Printed) > 80+len("…") {
		t.Errorf("clause of a long cell: %q", st.Printed)
	}
	if got := truncate("abcé", 4); got != "abc" {
		t.Errorf("truncate inside a character: %q", got)
	}
	if got := truncate("é", 1); got != "" {
		t.Errorf("truncate inside the first character: %q", got)
	}
	if got := truncate("abcdef", 4); got != "abcd" {
		t.Errorf("truncate: %q", got)
	}
	if d := ParseStatus("Complete 31 September 2020").Date; d.Printed != "" || d.ISO != "" {
		t.Errorf("impossible date taken as the status date: %+v", d)
	}
	if d := ParseStatus("Complete 30 September 2020").Date; d.ISO != "2020-09-30" {
		t.Errorf("status date: %+v", d)
	}
}

// StillOpen reads the cleaned text, as ParseStatus does: a no-break space
// between "under" and "way", or a blank first line (a cell whose text
// starts on its second line), does not hide the words (surviving mutant of
// status.go: the text was read uncleaned).
func TestStillOpenCleaned(t *testing.T) {
	for _, in := range []string{
		"Standard amended. Audit under\u00a0way; early findings show the reason recorded.",
		"\n\nSample review found gaps. Refresher guidance in preparation.",
	} {
		if got := StillOpen(in).Status; got != StatusOngoing {
			t.Errorf("StillOpen(%q) = %q, want %q", in, got, StatusOngoing)
		}
	}
}

// A printed clause of exactly 80 bytes is "at most 80 bytes" (firstClause's
// contract): it is kept whole, with no ellipsis.
func TestStatusClauseOf80Bytes(t *testing.T) {
	clause := "Completed " + strings.Repeat("x", 70)
	if len(clause) != 80 {
		t.Fatalf("clause is %d bytes", len(clause))
	}
	if got := ParseStatus(clause).Printed; got != clause {
		t.Errorf("80-byte clause printed as %q", got)
	}
}
