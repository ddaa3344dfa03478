package normalize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cleaned text keeps paragraphs apart with "\n". A list item, whatever
// bullet glyph the producer used (•, ◦, ▪, a Symbol or Wingdings glyph in
// the private-use area, or a leading "-", "*" or "–"), becomes its own
// paragraph starting "- ". Numbered items ("1.", "a)") keep their numbers.
// Quotes are kept as printed.

var ligatures = strings.NewReplacer(
	"\uFB00", "ff", "\uFB01", "fi", "\uFB02", "fl", "\uFB03", "ffi",
	"\uFB04", "ffl", "\uFB05", "st", "\uFB06", "st",
	"\u00AD", "", "\u200B", "", "\uFEFF", "", "\u200C", "", "\u200D", "",
	"\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n",
)

// Tags a producer left in the text: paragraph ends and line breaks become
// paragraph breaks, list items become list items, the rest go.
var (
	tagBreak = regexp.MustCompile(`(?i)</(?:p|li|div|ul|ol|h[1-6])\s*>|<br\s*/?>|<(?:p|div|ul|ol)(?:\s[^<>]*)?>`)
	tagItem  = regexp.MustCompile(`(?i)<li(?:\s[^<>]*)?>`)
	tagOther = regexp.MustCompile(`(?i)</?(?:i|b|u|em|strong|span|font|sup|sub|a|h[1-6])(?:\s[^<>]*)?\s*/?>`)
)

// Clean tidies one cell's text; Clean(Clean(s)) == Clean(s). Hyphens that
// a line break left inside a word ("recom- mendation") are decided from
// the embedded word list only; Cleaner.Clean also uses a document's words.
func Clean(s string) string { return defaultCleaner.Clean(s) }

var defaultCleaner = &Cleaner{}

// Cleaner cleans text using what a document shows of its own words.
type Cleaner struct {
	ev evidence
}

// NewCleaner returns a Cleaner that learns from texts, all the cells of one
// document, how the document writes its words (joined or hyphenated).
func NewCleaner(texts ...string) *Cleaner {
	c := &Cleaner{ev: evidence{}}
	for _, t := range texts {
		c.ev.learn(ligatures.Replace(t))
	}
	return c
}

// Clean tidies s: ligatures, soft hyphens, stray tags, bullets, broken
// hyphens and whitespace.
func (c *Cleaner) Clean(s string) string {
	if tickStatus(s) != "" {
		return strings.Join(strings.Fields(s), " ") // "✓", "✓ / ✗": an answer, not a bullet
	}
	s = stripTags(strings.Map(controlToSpace, ligatures.Replace(s)))
	var paras []string
	for _, p := range strings.Split(s, "\n") {
		for _, item := range splitBullets(p) {
			if item = c.paragraph(item); item != "" {
				paras = append(paras, item)
			}
		}
	}
	return strings.Join(paras, "\n")
}

// stripTags removes tags until none is left ("<p <b>>" hides a second).
func stripTags(s string) string {
	for {
		t := tagItem.ReplaceAllString(s, "\n\u2022 ")
		t = tagBreak.ReplaceAllString(t, "\n")
		t = tagOther.ReplaceAllString(t, "")
		if t == s {
			return s
		}
		s = t
	}
}

// paragraph collapses whitespace and mends hyphens in one paragraph.
func (c *Cleaner) paragraph(p string) string {
	p = strings.Join(strings.FieldsFunc(p, isSpace), " ")
	item := false
	for {
		rest, ok := cutBullet(p)
		if !ok {
			break
		}
		p, item = rest, true
	}
	p = c.mendSpaced(p)
	if item {
		if p == "" {
			return ""
		}
		return "- " + p
	}
	return p
}

// controlToSpace turns control characters other than line breaks into
// spaces, before tags are looked for.
func controlToSpace(r rune) rune {
	if r != '\n' && unicode.IsControl(r) {
		return ' '
	}
	return r
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00A0' || unicode.Is(unicode.Zs, r) || unicode.IsControl(r)
}

// isBulletGlyph reports a rune used only as a bullet.
func isBulletGlyph(r rune) bool {
	switch r {
	case '•', '◦', '▪', '▫', '■', '□', '●', '○', '►', '▸', '‣', '⁃', '∙', '➢', '➤', '✓', '✔', '❖', '◆', '◇', '⦁':
		return true
	}
	return r >= 0xF000 && r <= 0xF0FF // Symbol and Wingdings glyphs
}

// splitBullets breaks a paragraph before every bullet glyph that starts a
// word, so that items joined into one line come apart again.
func splitBullets(p string) []string {
	var out []string
	start := 0
	for i, r := range p {
		if i > start && isBulletGlyph(r) && (i == 0 || isSpace(lastRune(p[:i]))) {
			out = append(out, p[start:i])
			start = i
		}
	}
	return append(out, p[start:])
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// cutBullet removes a leading bullet: a bullet glyph, or "-", "*", "–", "o"
// followed by a space.
func cutBullet(p string) (string, bool) {
	r, n := utf8.DecodeRuneInString(p)
	if isBulletGlyph(r) {
		return strings.TrimLeftFunc(p[n:], isSpace), true
	}
	for _, b := range []string{"- ", "* ", "– ", "o "} {
		if strings.HasPrefix(p, b) {
			return p[len(b):], true
		}
	}
	return p, false
}
