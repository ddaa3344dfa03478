package normalize

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// nameKeyRegexp is the definition nameKey is held to: the regular
// expressions it was first written with. nameKey reads a name in one pass
// instead; these tests check that the two agree.
var (
	keyApos  = regexp.MustCompile(`['’‘` + "`" + `]`)
	keyPunct = regexp.MustCompile(`[^\pL\pN]+`)
)

func nameKeyRegexp(s string) string {
	s = strings.ToLower(ligatures.Replace(s))
	s = andSigns.Replace(s)
	s = keyApos.ReplaceAllString(s, "")
	s = " " + strings.TrimSpace(keyPunct.ReplaceAllString(s, " ")) + " "
	for _, p := range keyPhrases {
		s = strings.ReplaceAll(s, p.from, p.to)
	}
	s = strings.TrimSpace(s)
	return strings.TrimPrefix(s, "the ")
}

func checkKey(t *testing.T, s string) {
	t.Helper()
	if got, want := nameKey(s), nameKeyRegexp(s); got != want {
		t.Fatalf("nameKey(%q) = %q, the regular expressions give %q", s, got, want)
	}
}

// TestNameKeyMatchesRegexp: every name of the registry, every rune on its
// own and between letters, and random names built from the characters
// keys treat specially (ligatures, soft hyphens, "&", apostrophes, letters
// whose lower case is longer, digits of other scripts, bad UTF-8).
func TestNameKeyMatchesRegexp(t *testing.T) {
	r := registry(t)
	n := 0
	for id := range r.entries {
		for _, name := range r.names[id] {
			checkKey(t, name)
			checkKey(t, "The "+name+" & Co.")
			n++
		}
	}
	if n < 1000 {
		t.Fatalf("only %d registry names checked", n)
	}
	// every rune of the Basic Multilingual Plane's alphabetic blocks, then
	// every 7th
	for c := rune(0); c <= utf8.MaxRune; c++ {
		if c >= 0xD800 && c < 0xE000 || c > 0x3000 && c%7 != 0 {
			continue
		}
		checkKey(t, string(c))
		checkKey(t, "ab"+string(c)+"Cd x")
	}
	parts := []string{"Police", " and ", "Crime", "Commissioner", "the ", "The", "NHS", "Foundation", "Trust", "&", "+",
		"'", "’", "‘", "`", "\u00AD", "\uFB01", "\uFB03", "\r\n", "\r", "\u2028", "İ", "ª", "²", "٣", "Ⅻ", "é", "e\u0301",
		"\xff", "\xe2\x80", " ", "  ", "-", ".", "(", ")", "Children", "s", "Services", "Social", "Care", "Safeguarding",
		"Adults", "Board", "OPCC", "Constabulary", "Service", "Force", "Dept", "ft", "uhb", "Clinical", "Commissioning", "Group"}
	rnd := rand.New(rand.NewSource(1))
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for j := rnd.Intn(10); j >= 0; j-- {
			b.WriteString(parts[rnd.Intn(len(parts))])
			if rnd.Intn(2) == 0 {
				b.WriteByte(' ')
			}
		}
		checkKey(t, b.String())
	}
}

func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"Office of the Police & Crime Commissioner", "Children’s Services", "\uFB01re", "İstanbul", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkKey(t, s) })
}

// TestDateFormsNeedADigit: ParseDate and firstDate skip text without an
// ASCII digit, which holds only while every date form needs one. Month
// names, ordinals, quarters and separators in every order, with no digit,
// must match no form.
func TestDateFormsNeedADigit(t *testing.T) {
	parts := []string{"Q", "q", "FY", "st", "nd", "rd", "th", " of ", "March", "Sept", "december", "Jan", ",", "/", "-", ".", "'", "’",
		" ", "  ", "\t", "²", "٣", "Ⅻ", "one", "twenty", "O", "l", "I", "(", ")", "to", "by"}
	rnd := rand.New(rand.NewSource(2))
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for j := rnd.Intn(8); j >= 0; j-- {
			b.WriteString(parts[rnd.Intn(len(parts))])
		}
		s := b.String()
		for _, f := range dateForms {
			if f.re.MatchString(s) {
				t.Fatalf("date form %v matches %q, which has no digit", f.re, s)
			}
		}
	}
}
