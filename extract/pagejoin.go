package extract

import (
	"math"
	"strings"
	"unicode"
)

// Page joins: decide whether the first band on a page goes on with the
// row that the page break cut, and join it cell by cell.

// continuation decides whether the first band on a page continues the row
// cut by the page break.
func (b *builder) continuation(cells [][]cellLine) bool {
	g := b.lastGroup()
	if g == nil {
		return false
	}
	if b.leadingEmpty(cells) {
		return !b.freshAction(cells)
	}
	if b.numbered*2 >= len(b.groups) {
		return numberOfCells(cells, b.cols) == ""
	}
	last := g.rows[len(g.rows)-1]
	foot := rowFoot(last)
	for c := range cells {
		if len(cells[c]) == 0 || len(last.cells[c]) == 0 {
			continue
		}
		pl := last.cells[c][len(last.cells[c])-1]
		if pl.page != last.pageLast || foot-pl.bot > 0.5*(pl.bot-pl.top) {
			continue // the cell ended above the break: it was whole
		}
		prev := pl.text
		next := cells[c][0].text
		if !endsSentence(prev) && (startsLower(next) || endsMidPhrase(prev)) {
			return true
		}
	}
	return false
}

// rowFoot is the bottom of a row's lowest line on its last page. Only a
// cell whose text reaches it can have been cut by the page break: a cell
// that ended higher up ("tbc" beside a three-line issue) was whole, and
// what starts the next page beside it is another row's.
func rowFoot(r *rowAcc) float64 {
	foot := math.Inf(-1)
	for _, c := range r.cells {
		if n := len(c); n > 0 && c[n-1].page == r.pageLast {
			foot = math.Max(foot, c[n-1].bot)
		}
	}
	return foot
}

// freshAction: a band at the top of a page, under the merged cells of a
// recommendation, that starts a new action rather than going on with the
// last: every cell the last action filled outside the leading columns is
// filled again, and each starts afresh where the last one ended whole (no
// line stopping mid-phrase or on a hyphen, no lower-case start). A printer
// that breaks the page just before an action row need draw nothing there to
// tell the two apart; a row that goes on leaves some cell short or running
// on.
func (b *builder) freshAction(cells [][]cellLine) bool {
	g := b.lastGroup()
	last := g.rows[len(g.rows)-1]
	fresh := 0
	for c := b.leadCols(); c < len(cells) && c < len(last.cells); c++ {
		if len(last.cells[c]) == 0 {
			continue
		}
		if len(cells[c]) == 0 {
			return false
		}
		prev := last.cells[c][len(last.cells[c])-1].text
		next := cells[c][0].text
		if endsMidPhrase(prev) || hyphenEnd(prev) || startsLower(next) {
			return false
		}
		fresh++
	}
	return fresh >= 2
}

// endsMidPhrase: a line that stops on a comma, a hyphen or a word that
// cannot end a sentence ("the", "of", "and") goes on in the next. A cell
// of one capitalised word ("A" in a RAG column, "In" as a status) is a
// value, not the start of a phrase.
func endsMidPhrase(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if strings.ContainsAny(s[len(s)-1:], ",-&/(") {
		return true
	}
	f := strings.Fields(s)
	w := f[len(f)-1]
	if len(f) == 1 && strings.ToLower(w) != w {
		return false
	}
	return midPhraseWords[strings.ToLower(w)]
}

var midPhraseWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "and": true, "or": true, "in": true,
	"for": true, "with": true, "by": true, "on": true, "at": true, "from": true, "that": true,
	"their": true, "its": true, "his": true, "her": true, "our": true, "is": true, "are": true,
	"be": true, "was": true, "were": true, "will": true, "should": true, "would": true, "must": true,
	"into": true, "as": true, "which": true, "who": true, "where": true, "when": true, "than": true,
}

func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.ContainsAny(s[len(s)-1:], ".!?:")
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// appendTo joins a continuation band to the last row, cell by cell; further
// action rows of the band become new actions of the same recommendation.
func (b *builder) appendTo(subs [][][]cellLine, bd band) {
	g := b.lastGroup()
	last := g.rows[len(g.rows)-1]
	for c, lines := range subs[0] {
		if len(lines) == 0 {
			continue
		}
		lines[0].joined = true
		target := last
		if g.merged[c] {
			target = g.rows[0]
		}
		target.cells[c] = appendDedup(target.cells[c], lines)
		target.touch([][]cellLine{lines})
		last.touch([][]cellLine{lines})
	}
	for _, s := range subs[1:] {
		g.rows = append(g.rows, newRow(s))
	}
}

// appendDedup appends lines, dropping a first line that repeats the last
// (a producer drew the line cut by the page break on both pages).
func appendDedup(dst, src []cellLine) []cellLine {
	if len(dst) > 0 && len(src) > 0 && dst[len(dst)-1].text == src[0].text && len(src[0].text) > 3 {
		src = src[1:]
		if len(src) > 0 {
			src[0].joined = true
		}
	}
	return append(dst, src...)
}
