package normalize

import (
	"fmt"
	"math"
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

// ColourRAG names the RAG colour of a cell's shading ("#92d050" is green),
// for plans that give the status by colour alone; "" for greys, white,
// black and colours that are none of red, amber, yellow, green or blue.
func ColourRAG(hex string) string {
	var r, g, b int
	if len(hex) != 7 || hex[0] != '#' {
		return ""
	}
	if _, err := fmt.Sscanf(hex[1:], "%02x%02x%02x", &r, &g, &b); err != nil {
		return ""
	}
	h, s, v := hsv(float64(r)/255, float64(g)/255, float64(b)/255)
	if s < 0.3 || v < 0.3 {
		return ""
	}
	switch {
	case h < 15 || h >= 330:
		return "red"
	case h < 52:
		return "amber"
	case h < 68:
		return "yellow"
	case h < 170:
		return "green"
	case h >= 190 && h < 260:
		return "blue"
	}
	return ""
}

func hsv(r, g, b float64) (h, s, v float64) {
	mx, mn := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	v = mx
	if mx == 0 || mx == mn {
		return 0, 0, v
	}
	d := mx - mn
	s = d / mx
	switch mx {
	case r:
		h = math.Mod((g-b)/d, 6)
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	h *= 60
	if h < 0 {
		h += 360
	}
	return h, s, v
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
