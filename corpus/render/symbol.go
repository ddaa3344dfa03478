package main

// Symbol-font bullets: a spec writes a bullet from the Symbol or Wingdings
// font as the private-use code point Word stores for it (U+F0B7 is the
// Symbol bullet, U+F0A7 the Wingdings square, ...). Each renderer prints
// it in that font, as Word documents do.

// symbolFont names the font a private-use bullet code point is drawn from.
var symbolFont = map[rune]string{
	0xF0B7: "Symbol", 0xF0A8: "Symbol",
	0xF0A7: "Wingdings", 0xF0D8: "Wingdings", 0xF076: "Wingdings", 0xF0FC: "Wingdings", 0xF06E: "Wingdings",
}

// piece is a run of text in the body font (font "") or one symbol.
type piece struct {
	text []rune
	font string
}

// symbolPieces splits s into body-font runs and single symbols.
func symbolPieces(s string) []piece {
	var out []piece
	for _, r := range s {
		if f, ok := symbolFont[r]; ok {
			out = append(out, piece{text: []rune{r}, font: f})
			continue
		}
		if n := len(out); n > 0 && out[n-1].font == "" {
			out[n-1].text = append(out[n-1].text, r)
			continue
		}
		out = append(out, piece{text: []rune{r}})
	}
	return out
}
