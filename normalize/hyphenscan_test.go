package normalize

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// The regular expressions replaceBroken and replaceSpaced were first
// written with (brokenWord, spacedHyphen) define them: these tests check
// that the scanners find the same matches and give the same text.

var (
	brokenWord   = regexp.MustCompile(`(^|[^\pL])(\pL{4,}) (\p{Ll}+)`)
	spacedHyphen = regexp.MustCompile(`(\pL+)- (\p{Ll}+)`)
)

func brokenByRegexp(p string, fix func(lead, left, right string) (string, bool)) string {
	return brokenWord.ReplaceAllStringFunc(p, func(m string) string {
		sub := brokenWord.FindStringSubmatch(m)
		if r, ok := fix(sub[1], sub[2], sub[3]); ok {
			return r
		}
		return m
	})
}

// scanTexts are random texts built from the pieces the two patterns turn
// on: letters of both cases and of other scripts, hyphens, single and
// double spaces, line breaks, punctuation, digits and bad UTF-8.
func scanTexts(n int) []string {
	parts := []string{"Decemb", "er", "Commissionin", "g", "recom", "mendation", "-", "- ", " -", " ", "  ", "\n", "in", "to",
		"The", "ABCD", "é", "É", "ß", "ǅ", "ﬁ", "٣", "1", ".", ",", "(", "'", "’", "\xff", "\xe2\x80", "Mar", "ch", "ing",
		"pre", "and", "x", "Xy", "self", "neglect", "co", "ordinated", "A", "b"}
	rnd := rand.New(rand.NewSource(1))
	out := []string{"", " ", "-", "- a", "abcd e", "abcd-  e", "x abcd efgh ijkl mnop", "abcd eFgh- ij- kl"}
	for range n {
		var b strings.Builder
		for j := rnd.Intn(14); j >= 0; j-- {
			b.WriteString(parts[rnd.Intn(len(parts))])
			if rnd.Intn(3) == 0 {
				b.WriteByte(' ')
			}
		}
		out = append(out, b.String())
	}
	return out
}

func TestReplaceBrokenMatchesRegexp(t *testing.T) {
	fixes := map[string]func(lead, left, right string) (string, bool){
		"join": func(lead, left, right string) (string, bool) { return lead + left + right, true },
		"mark": func(lead, left, right string) (string, bool) {
			return "<" + lead + "|" + left + "|" + right + ">", true
		},
		"some": func(lead, left, right string) (string, bool) { return lead + left + right, len(right)%2 == 0 },
		"none": func(lead, left, right string) (string, bool) { return "", false },
	}
	for _, s := range scanTexts(100000) {
		for name, fix := range fixes {
			if got, want := replaceBroken(s, fix), brokenByRegexp(s, fix); got != want {
				t.Fatalf("%s: replaceBroken(%q) = %q, the regular expression gives %q", name, s, got, want)
			}
		}
	}
}

func TestReplaceSpacedMatchesRegexp(t *testing.T) {
	fixes := map[string]func(string) string{
		"join": func(m string) string { return strings.Replace(m, "- ", "", 1) },
		"mark": func(m string) string { return "<" + m + ">" },
		"same": func(m string) string { return m },
		"some": func(m string) string {
			if len(m)%2 == 0 {
				return strings.Replace(m, "- ", "-", 1)
			}
			return m
		},
	}
	for _, s := range scanTexts(100000) {
		for name, fix := range fixes {
			if got, want := replaceSpaced(s, fix), spacedHyphen.ReplaceAllStringFunc(s, fix); got != want {
				t.Fatalf("%s: replaceSpaced(%q) = %q, the regular expression gives %q", name, s, got, want)
			}
		}
	}
}

func FuzzReplaceBroken(f *testing.F) {
	for _, s := range scanTexts(20) {
		f.Add(s)
	}
	join := func(lead, left, right string) (string, bool) { return "<" + lead + left + right + ">", true }
	mark := func(m string) string { return "<" + m + ">" }
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := replaceBroken(s, join), brokenByRegexp(s, join); got != want {
			t.Fatalf("replaceBroken(%q) = %q, want %q", s, got, want)
		}
		if got, want := replaceSpaced(s, mark), spacedHyphen.ReplaceAllStringFunc(s, mark); got != want {
			t.Fatalf("replaceSpaced(%q) = %q, want %q", s, got, want)
		}
	})
}
