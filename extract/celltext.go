package extract

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Cell text: join a cell's lines into text, with paragraph breaks where
// the layout shows them.

func joinLines(ls []cellLine) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = l.text
	}
	return strings.Join(parts, " ")
}

// columnRights estimates where each column's text wraps: the upper
// quartile of the widest line of each wrapped cell, so that one word
// overflowing its cell does not move it.
func (b *builder) columnRights() []float64 {
	n := b.cols.n()
	maxes := make([][]float64, n)
	all := make([]float64, n)
	for _, g := range b.groups {
		for _, r := range g.rows {
			for c, ls := range r.cells {
				m := 0.0
				for _, l := range ls {
					m = math.Max(m, math.Min(l.x1, b.cols.bounds[c+1]))
				}
				all[c] = math.Max(all[c], m)
				if len(ls) >= 2 {
					maxes[c] = append(maxes[c], m)
				}
			}
		}
	}
	right := make([]float64, n)
	for c := range right {
		right[c] = all[c]
		if e := maxes[c]; len(e) > 0 {
			sort.Float64s(e)
			right[c] = e[len(e)*3/4]
		}
	}
	return right
}

// linePitch is the usual distance between baselines inside a cell: the
// median over consecutive lines on one page.
func (b *builder) linePitch() float64 {
	var ps []float64
	for _, g := range b.groups {
		for _, r := range g.rows {
			for _, ls := range r.cells {
				for i := 1; i < len(ls); i++ {
					if d := ls[i].base - ls[i-1].base; ls[i].page == ls[i-1].page && d > 0 {
						ps = append(ps, d)
					}
				}
			}
		}
	}
	if len(ps) == 0 {
		return 0
	}
	sort.Float64s(ps)
	return ps[len(ps)/2]
}

// cellText joins a cell's lines: lines of one paragraph with a space,
// paragraphs with "\n". After a line-end hyphen no space, except where a
// word's hyphen meets a lower-case word ("peo-" over "ple", "self-" over
// "neglect"): whether that hyphen is the producer's (TeX hyphenates words
// where the source has none) or the word's own is a question of words, not
// of layout, so the line break stays visible as "peo- ple" for
// normalize's hyphen mender, which has the word list.
func cellText(ls []cellLine, right, pitch float64) string {
	if len(ls) >= 3 {
		// A cell of three lines or more shows its own wrap width.
		own := 0.0
		for _, l := range ls {
			own = math.Max(own, l.x1)
		}
		right = math.Min(right, own)
	}
	edge, justified := justifiedEdge(ls)
	var sb strings.Builder
	for i, l := range ls {
		if i > 0 {
			prev := ls[i-1]
			switch {
			case brokenNumber(prev, l, right):
			case justified && shortOfEdge(prev, l, edge):
				sb.WriteByte('\n')
			case paragraphBreak(prev, l, right, pitch):
				sb.WriteByte('\n')
			case hyphenEnd(prev.text):
				if wordBreakHyphen(prev.text, l.text) {
					sb.WriteByte(' ')
				}
			default:
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(l.text)
	}
	return sb.String()
}

// justifiedEdge finds the right edge of a justified cell: the producer
// stretches the spaces of every line but a paragraph's last to end at one
// x. Lines of one word have no space to stretch and say nothing; of the
// others before the cell's last line, at least three, and two thirds,
// must end there to within a few hundredths of a point (ragged lines end
// wherever their words do).
func justifiedEdge(ls []cellLine) (float64, bool) {
	var xs []float64
	for _, l := range ls[:max(len(ls)-1, 0)] { // the last line ends the last paragraph
		if strings.Contains(strings.TrimSpace(l.text), " ") {
			xs = append(xs, l.x1)
		}
	}
	best, count := 0.0, 0
	for _, x := range xs {
		k := 0
		for _, y := range xs {
			if math.Abs(x-y) <= 0.15 {
				k++
			}
		}
		if k > count || k == count && x > best {
			best, count = x, k
		}
	}
	return best, count >= 3 && 3*count >= 2*len(xs)
}

// shortOfEdge: in a justified cell, a line that stops short of the edge
// ends its paragraph, whether or not the next word would have fitted after
// it: a line of several words has spaces the producer would have
// stretched; a line of one word has none, so it also has to end a sentence
// with the next line opening one (a word alone on a line inside a
// paragraph is one the producer could neither stretch nor hyphenate).
// pdflatex sets the next paragraph of a cell with no indent and no extra
// space, so this is all that shows the break there. A line cut by a page
// break says nothing.
func shortOfEdge(prev, cur cellLine, edge float64) bool {
	if cur.page != prev.page || cur.joined || prev.x1 >= edge-0.3*prev.size || hyphenEnd(prev.text) {
		return false
	}
	return strings.Contains(strings.TrimSpace(prev.text), " ") || endsSentence(prev.text) && startsUpper(cur.text)
}

// brokenNumber: a date too wide for its column, broken by the producer
// where it ran out of room ("31/03/20" over "24"): the line is that one
// token, filling the column, and only the two pieces together make a date.
func brokenNumber(prev, cur cellLine, right float64) bool {
	if strings.Contains(prev.text, " ") || prev.x1 < right-0.5 || fullDate.MatchString(prev.text) {
		return false
	}
	next, _, _ := strings.Cut(cur.text, " ")
	return fullDate.MatchString(prev.text + next)
}

var fullDate = regexp.MustCompile(`^\d{1,2}[/.]\d{1,2}[/.]\d{4}[.,;]?$`)

func hyphenEnd(s string) bool {
	r := []rune(s)
	n := len(r)
	return n >= 2 && (r[n-1] == '-' || r[n-1] == '\u2010') && (unicode.IsLetter(r[n-2]) || unicode.IsDigit(r[n-2]))
}

// wordBreakHyphen: a line ending in a letter and "-", followed by a line
// starting with a lower-case letter.
func wordBreakHyphen(prev, next string) bool {
	r := []rune(prev)
	n := len(r)
	return n >= 2 && r[n-1] == '-' && unicode.IsLetter(r[n-2]) && startsLower(next)
}

var bulletStart = regexp.MustCompile(`^([•◦▪‣∙·○■□➢➤►\x{F0B7}\x{F0A7}\x{F076}\x{F0D8}\x{F0FC}*]|\d{1,2}[.)]\s|[a-z][.)]\s|\([a-z0-9]{1,3}\)\s)`)

// paragraphBreak decides whether a cell's next line opens a paragraph:
//   - it starts with a bullet;
//   - the previous line ended though the next word would have fitted;
//   - on one page, the baselines stand further apart than the usual line
//     pitch, unless the previous line is full and the next goes on in lower
//     case (an HTML printer leaves such a gap where it moves a line off the
//     page);
//   - across a page break, where the gap says nothing, the previous line
//     ends a sentence and the next starts a new one.
func paragraphBreak(prev, cur cellLine, right, pitch float64) bool {
	if bulletStart.MatchString(cur.text) {
		return true
	}
	full := prev.x1+0.3*prev.size+cur.firstW >= right-0.4*prev.size
	if !full {
		return true
	}
	if !cur.joined && cur.page == prev.page {
		return pitch > 0 && cur.base-prev.base > pitch+0.3*cur.size && !startsLower(cur.text)
	}
	return cur.page != prev.page && endsSentence(prev.text) && startsUpper(cur.text)
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}
