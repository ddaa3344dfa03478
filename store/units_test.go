package store

import (
	"errors"
	"testing"

	"github.com/actionplan/actionplan/normalize"
)

var normalizeReviewNone = normalize.Review{}

func TestPeriodEnd(t *testing.T) {
	for in, want := range map[string]string{
		"2023-03-31": "2023-03-31", "2022-03": "2022-03-31", "2024-02": "2024-02-29",
		"2024-Q2": "2024-06-30", "2024-Q4": "2024-12-31", "2025": "2025-12-31",
		"": "", "2023-02-30": "", "2023-13": "", "soon": "",
	} {
		if got := periodEnd(in); got != want {
			t.Errorf("periodEnd(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOlderVersion(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"0.1.0", "0.1.0", false}, {"0.9", "0.10", true}, {"0.10", "0.9", false},
		{"1", "1.0.1", true}, {"v2", "1.9", false}, {"", "0.1", true}, {"0.1", "", false},
	} {
		if got := OlderVersion(c.a, c.b); got != c.want {
			t.Errorf("OlderVersion(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestMatchRecs(t *testing.T) {
	mk := func(id int64, num, text string) recRef {
		return recRef{id: id, number: num, words: words(text), lineage: id}
	}
	prev := []recRef{mk(1, "1", "train all staff in coercive control"), mk(2, "1", "audit the referral pathway"),
		mk(3, "2", "share information with housing")}
	cur := []recRef{mk(11, "1", "audit the referral pathway annually"), mk(12, "1", "train all staff in coercive control"),
		mk(13, "3", "share information with housing")}
	matchRecs(prev, cur)
	for i, want := range []int64{2, 1, 3} {
		if cur[i].prev == nil || cur[i].prev.id != want {
			t.Errorf("cur %d matched %+v, want %d", cur[i].id, cur[i].prev, want)
		}
	}
	if cur[2].method != "text" || cur[1].method != "number+text" {
		t.Errorf("methods %q %q", cur[1].method, cur[2].method)
	}
}

func TestErrorText(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{errors.New("plan.pdf: truncated: xref missing"), "truncated: xref missing"},
		{errors.New("plan.pdf:p4: interpret page: bad"), "p4: interpret page: bad"},
		{errors.New("other.pdf: x"), "other.pdf: x"},
		{errors.New("permission denied"), "permission denied"},
	} {
		if got := ErrorText("plan.pdf", c.err); got != c.want {
			t.Errorf("ErrorText(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
