package normalize

import (
	"regexp"
	"strings"
)

// RAG colours are kept apart from the status: a colour means a status
// only through the plan's own legend ("Green = complete" in its text or in
// a key table) or where the cell also prints status words.

var ragWord = regexp.MustCompile(`(?i)\b(red|amber|green|blue|yellow|r|a|g|b)\b`)

var ragColour = regexp.MustCompile(`(?i)\b(red|amber|green|blue|yellow)\b`)

var ragLetters = map[string]string{"r": "red", "a": "amber", "g": "green", "b": "blue"}

// ParseRAG returns the first colour a cell names, or "". A single letter
// counts only when it is the whole cell ("G").
func ParseRAG(text string) string {
	t := strings.ToLower(strings.Trim(Clean(text), " .:-"))
	if c, ok := ragLetters[t]; ok {
		return c
	}
	for _, m := range ragWord.FindAllStringSubmatch(t, -1) {
		if len(m[1]) > 1 {
			return m[1]
		}
	}
	return ""
}

// Legend maps a colour to the status the plan says it means.
type Legend map[string]string

var legendRE = regexp.MustCompile(`(?i)\b(red|amber|green|blue|yellow)\b\s*(?:=|:|-|–|—|\bmeans\b|\bis\b|\bindicates\b)\s*([^=;,\n]{1,60})`)

// FindLegend reads colour keys from the document's text lines ("Green =
// complete", "Blue: Completed", "Red - not started") and from key tables
// whose rows pair a colour with its meaning.
func FindLegend(lines []string, keyRows [][]string) Legend {
	l := Legend{}
	for _, line := range lines {
		for _, m := range legendRE.FindAllStringSubmatch(line, -1) {
			l.add(m[1], m[2])
		}
	}
	for _, row := range keyRows {
		if len(row) >= 2 && ragWordOnly(row[0]) != "" {
			l.add(ragWordOnly(row[0]), row[1])
		}
	}
	return l
}

func ragWordOnly(s string) string {
	t := strings.ToLower(strings.Trim(Clean(s), " .:-"))
	switch t {
	case "red", "amber", "green", "blue", "yellow":
		return t
	}
	return ""
}

// add records what a colour means, if the meaning reads as a status; the
// first statement of a colour wins.
func (l Legend) add(colour, meaning string) {
	colour = strings.ToLower(colour)
	if _, ok := l[colour]; ok {
		return
	}
	if st := ParseStatus(meaning).Status; st != "" {
		l[colour] = st
	}
}
