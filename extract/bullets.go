package extract

// Symbol-font bullets: Word documents draw list bullets from the Symbol and
// Wingdings fonts, and many producers keep the font's own code, which
// Unicode places in the private use area (U+F0B7 for the Symbol bullet,
// U+F0A7 for the Wingdings square, U+F0D8 for its arrowhead...). A reader
// sees a bullet; the text gets "•" for each.

// symbolBullets are the private-use code points of the common bullets of
// the Symbol and Wingdings fonts.
var symbolBullets = map[rune]bool{
	0xF0B7: true, // Symbol bullet
	0xF0A8: true, // Symbol / Wingdings hollow bullet
	0xF0A7: true, // Wingdings small square
	0xF0D8: true, // Wingdings arrowhead
	0xF076: true, // Wingdings diamond of four
	0xF0FC: true, // Wingdings tick
	0xF06E: true, // Wingdings black square
	0xF06F: true, // Wingdings white square
	0xF071: true, // Wingdings shadowed square
	0xF0E0: true, // Wingdings arrow
	0xF0F0: true, // Wingdings open arrow
	0xF09F: true, // Wingdings small bullet
	0xF0A1: true, // Wingdings circle
}

// plainBullet replaces a glyph's text when it is a Symbol or Wingdings
// bullet.
func plainBullet(text string) string {
	for i, r := range text {
		if i > 0 || !symbolBullets[r] {
			return text
		}
		if len(text) == len(string(r)) {
			return "•"
		}
	}
	return text
}
