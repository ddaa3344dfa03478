package normalize

import (
	"bufio"
	_ "embed"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A hyphen at the end of a line is either part of a compound ("self-" +
// "neglect" is "self-neglect", "co-" + "ordinated" is "co-ordinated") or
// the producer's split of one word to fit the line ("recom-" + "mendation"
// is "recommendation"). The decision, first rule that applies:
//  1. what follows does not start with a lower-case letter: keep;
//  2. the document writes the word hyphenated elsewhere, or the part
//     before is an "always" prefix of data/prefixes.txt ("co", "self"): keep;
//  3. the document writes the word joined elsewhere: join;
//     a "word" prefix ("pre", "follow") keeps it when what follows is in the
//     word list or is short ("pre-existing", "follow-up", but "pre-" +
//     "vention" is "prevention");
//  4. the joined word is in the word list (data/words.txt) or is a month
//     ("Febru-" + "ary"): join;
//  5. otherwise keep: when unsure, the hyphen stays.

//go:embed data/words.txt
var wordsData string

//go:embed data/prefixes.txt
var prefixData string

// wordIndex indexes the word list's lines where they are (lineIndex), at
// first use: most runs of the command (--help, stats, export) never need
// it. A map of its 62,000 words took 40 ms and 10 MB to build.
var (
	wordIndex = sync.OnceValue(func() *lineIndex { return newLineIndex(wordsData) })
	prefixes  = loadPrefixes(prefixData)
)

// inWordList reports whether w is in the word list.
func inWordList(w string) bool { return wordIndex().has(w) }

func loadSet(data string) map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			m[w] = true
		}
	}
	return m
}

func loadPrefixes(data string) map[string]string {
	m := map[string]string{}
	for w := range loadSet(data) {
		if p, rule, ok := strings.Cut(w, "\t"); ok {
			m[p] = rule
		}
	}
	return m
}

// evidence is how a document writes its words: "self-neglect" seen
// hyphenated inside a line, "recommendation" seen joined.
type evidence map[string]bool

var evWord = regexp.MustCompile(`\pL+(?:-\pL+)*`)

func (e evidence) learn(text string) {
	for _, w := range evWord.FindAllString(text, -1) {
		e[strings.ToLower(w)] = true
	}
}

// mendHyphen joins left (ending in "-") and right, the two sides of a
// line break, into one string.
func (e evidence) mendHyphen(left, right string) string {
	if keepHyphen(e, left, right) {
		return left + right
	}
	return strings.TrimSuffix(left, "-") + right
}

func keepHyphen(e evidence, left, right string) bool {
	r, _ := utf8.DecodeRuneInString(right)
	if !unicode.IsLower(r) {
		return true
	}
	stem := strings.ToLower(lastWord(strings.TrimSuffix(left, "-")))
	tail := strings.ToLower(firstWord(right))
	if stem == "" || tail == "" {
		return true
	}
	if e[stem+"-"+tail] || prefixes[stem] == "always" {
		return true
	}
	if e[stem+tail] {
		return false
	}
	switch prefixes[stem] {
	case "word":
		if inWordList(tail) || len(tail) <= 3 {
			return true
		}
	}
	return !isWord(stem + tail)
}

// lastWord is the trailing run of letters of s (after any earlier hyphen).
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}

// JoinLines joins the lines of one paragraph as printed, mending a hyphen
// at a line end by the rules above; other line ends become spaces. The
// result is cleaned like a cell.
func (c *Cleaner) JoinLines(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		l = strings.TrimSpace(ligatures.Replace(l))
		if l == "" {
			continue
		}
		cur := b.String()
		switch {
		case cur == "":
			b.WriteString(l)
		case endsInWordHyphen(cur):
			b.Reset()
			b.WriteString(c.ev.mendHyphen(cur, l))
		default:
			b.WriteString(" " + l)
		}
	}
	return c.Clean(b.String())
}

// JoinLines joins a paragraph's lines using the word list only.
func JoinLines(lines []string) string { return defaultCleaner.JoinLines(lines) }

func endsInWordHyphen(s string) bool {
	if !strings.HasSuffix(s, "-") {
		return false
	}
	return unicode.IsLetter(lastRune(strings.TrimSuffix(s, "-")))
}

// A spaced hyphen is "recom- mendation": a word, a hyphen, one space and a
// lower-case word, where the extractor joined two lines with a space
// (replaceSpaced; spacedHyphen in the tests).

// Words after which a hyphen is suspended, not broken: "pre- and post-".
var suspended = map[string]bool{"and": true, "or": true, "to": true, "nor": true}

// MendHyphens mends the hyphens that line breaks left in s ("recom-
// mendation" printed over two lines) and the words a narrow column broke
// with no hyphen ("Decemb er"), from the word list and what the cleaner's
// document shows of its words, and changes nothing else.
func (c *Cleaner) MendHyphens(s string) string { return c.mendSpaced(s) }

// A broken word is "Decemb er", "Commissionin g": a word wider than its
// column, which the producer broke where the column ended, with no hyphen
// (LibreOffice, Chromium), and the extractor joined with a space
// (replaceBroken; brokenWord in the tests).

// mendBroken joins such a word when its first part is no word, its second
// part is no word of four letters or more, and the two together are a
// word: in the word list, a month, or written whole elsewhere in the
// document. A first part of fewer than four letters is too likely a word
// of its own ("in to" stays).
func (e evidence) mendBroken(p string) string {
	return replaceBroken(p, func(lead, left, right string) (string, bool) {
		l, r := strings.ToLower(left), strings.ToLower(right)
		if isWord(l) || len(r) >= 4 && isWord(r) || !(isWord(l+r) || e[l+r]) {
			return "", false
		}
		return lead + left + right, true
	})
}

// replaceBroken is brokenWord.ReplaceAllStringFunc(p, ...) read in one
// pass, without the regular expression, which tried every position of
// every paragraph (TestReplaceBrokenMatchesRegexp holds it to it): each
// match, left to right and not overlapping, is given to fix as its three
// groups; fix returns its replacement, or false to keep the match.
func replaceBroken(p string, fix func(lead, left, right string) (string, bool)) string {
	var b strings.Builder
	done := 0 // p[:done] is in b, once something was replaced
	for i := 0; i < len(p); {
		c, w := utf8.DecodeRuneInString(p[i:])
		ls := i // where group 2's letters start
		if i > 0 || !unicode.IsLetter(c) {
			if unicode.IsLetter(c) {
				i += w
				continue
			}
			ls = i + w
		}
		j, n := ls, 0
		for j < len(p) {
			c, w := utf8.DecodeRuneInString(p[j:])
			if !unicode.IsLetter(c) {
				break
			}
			j, n = j+w, n+1
		}
		if n < 4 || j >= len(p) || p[j] != ' ' {
			i += w
			continue
		}
		k := j + 1
		for k < len(p) {
			c, w := utf8.DecodeRuneInString(p[k:])
			if !unicode.Is(unicode.Ll, c) {
				break
			}
			k += w
		}
		if k == j+1 {
			i += w
			continue
		}
		if r, ok := fix(p[i:ls], p[ls:j], p[j+1:k]); ok {
			b.WriteString(p[done:i])
			b.WriteString(r)
			done = k
		}
		i = k
	}
	if done == 0 {
		return p
	}
	b.WriteString(p[done:])
	return b.String()
}

// replaceSpaced is spacedHyphen.ReplaceAllStringFunc(p, ...) read in one
// pass (TestReplaceSpacedMatchesRegexp): each "letters- lower-case
// letters", left to right and not overlapping, is given to fix whole.
func replaceSpaced(p string, fix func(m string) string) string {
	var b strings.Builder
	done, from := 0, 0 // p[:done] is in b; matches start at from or later
	for h := strings.Index(p, "- "); h >= 0; {
		// letters before the hyphen, back to from
		ls := h
		for ls > from {
			c, w := utf8.DecodeLastRuneInString(p[from:ls])
			if !unicode.IsLetter(c) {
				break
			}
			ls -= w
		}
		k := h + 2
		for k < len(p) {
			c, w := utf8.DecodeRuneInString(p[k:])
			if !unicode.Is(unicode.Ll, c) {
				break
			}
			k += w
		}
		next := h + 1
		if ls < h && k > h+2 {
			if r := fix(p[ls:k]); r != p[ls:k] {
				b.WriteString(p[done:ls])
				b.WriteString(r)
				done = k
			}
			from, next = k, k
		}
		h = strings.Index(p[next:], "- ")
		if h >= 0 {
			h += next
		}
	}
	if done == 0 {
		return p
	}
	b.WriteString(p[done:])
	return b.String()
}

func isWord(w string) bool {
	_, month := monthNames[w]
	return inWordList(w) || month && len(w) > 3
}

// mendSpaced mends hyphens broken at a line end inside joined text, again
// until nothing changes, since matches may overlap ("A- a- a"), then words
// broken at a line end without a hyphen.
func (c *Cleaner) mendSpaced(p string) string {
	p = c.ev.mendBroken(p)
	for {
		q := replaceSpaced(p, func(m string) string {
			left, right, _ := strings.Cut(m, " ")
			if suspended[right] {
				return m
			}
			return c.ev.mendHyphen(left, right)
		})
		if q == p {
			return p
		}
		p = q
	}
}
