package extract

import (
	"strconv"
	"strings"
)

// Simple fonts' base encodings, as 256-entry tables of Unicode text.

var winAnsi, standardEnc, macRoman, pdfDocEnc, symbolEnc [256]string

func init() {
	for c := 32; c < 127; c++ {
		s := string(rune(c))
		winAnsi[c], standardEnc[c], macRoman[c], pdfDocEnc[c] = s, s, s, s
	}
	for c := 160; c < 256; c++ {
		winAnsi[c] = string(rune(c))
		pdfDocEnc[c] = string(rune(c))
	}
	winAnsi[160] = " "
	fill(&winAnsi, 0x80, "€\x00‚ƒ„…†‡ˆ‰Š‹Œ\x00Ž\x00\x00‘’“”•–—˜™š›œ\x00žŸ")
	winAnsi[0x95] = "•"
	standardEnc['\''] = "’"
	standardEnc['`'] = "‘"
	fill(&standardEnc, 0xA1, "¡¢£⁄¥ƒ§¤'“«‹›ﬁﬂ\x00–†‡·\x00¶•‚„”»…‰\x00¿\x00`´ˆ˜¯˘˙¨\x00˚¸\x00˝˛ˇ—")
	fill(&standardEnc, 0xE1, "Æ\x00ª\x00\x00\x00\x00ŁØŒº")
	fill(&standardEnc, 0xF1, "æ\x00\x00\x00ı\x00\x00łøœß")
	fill(&macRoman, 0x80, "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ")
	fill(&symbolEnc, 0x20, " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_\uf8e5αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼")
	fill(&symbolEnc, 0xA0, "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…\uf8e6\uf8e7↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇\uf6da\uf6d9\uf6db∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈\uf8e8\uf8e9\uf8ea∑\uf8eb\uf8ec\uf8ed\uf8ee\uf8ef\uf8f0\uf8f1\uf8f2\uf8f3\uf8f4\x00〉∫⌠\uf8f5⌡\uf8f6\uf8f7\uf8f8\uf8f9\uf8fa\uf8fb\uf8fc\uf8fd\uf8fe")
	fill(&pdfDocEnc, 0x80, "•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž\x00€")
	winAnsiCode = reverseWinAnsi()
	addSymbolNames()
}

// winAnsiCode maps text back to its WinAnsi code, for the standard-14
// metrics, which are keyed by it.
var winAnsiCode map[string]int

func reverseWinAnsi() map[string]int {
	m := map[string]int{}
	for c := 255; c >= 32; c-- {
		if winAnsi[c] != "" {
			m[winAnsi[c]] = c
		}
	}
	m[" "] = 32
	return m
}

func fill(t *[256]string, from int, s string) {
	i := from
	for _, r := range s {
		if i > 255 {
			return
		}
		if r != 0 {
			t[i] = string(r)
		}
		i++
	}
}

// baseEncoding returns the table for a named encoding, or nil.
func baseEncoding(name string) *[256]string {
	switch name {
	case "WinAnsiEncoding":
		return &winAnsi
	case "MacRomanEncoding", "MacExpertEncoding":
		return &macRoman
	case "StandardEncoding":
		return &standardEnc
	case "PDFDocEncoding":
		return &pdfDocEnc
	}
	return nil
}

// glyphText maps a glyph name to Unicode text: the table of common names,
// then the uniXXXX and uXXXX[XX] forms, then ligature and suffixed names
// ("f_f_i", "a.sc").
func glyphText(name string) (string, bool) {
	if s, ok := glyphNames[name]; ok {
		return s, true
	}
	if s, ok := mathGlyphNames[name]; ok {
		return s, true
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		return glyphText(name[:i])
	}
	if strings.Contains(name, "_") {
		var b strings.Builder
		for _, part := range strings.Split(name, "_") {
			s, ok := glyphText(part)
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
		return b.String(), true
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var b strings.Builder
		for i := 3; i < len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 32)
			if err != nil {
				return "", false
			}
			b.WriteRune(rune(v))
		}
		return b.String(), true
	}
	if len(name) >= 5 && len(name) <= 7 && name[0] == 'u' {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && v <= 0x10FFFF {
			return string(rune(v)), true
		}
	}
	return "", false
}

// symbolNames are the glyph names of the Symbol font's built-in encoding,
// in code order from 0x20 to 0x7E and from 0xA0 to 0xFE ("" where the code
// is unused). Zipped with symbolEnc they name the Greek letters and the
// mathematical signs that TeX and Symbol-encoded fonts use in Differences.
var symbolNames = strings.Fields(`space exclam universal numbersign existential percent ampersand suchthat
parenleft parenright asteriskmath plus comma minus period slash zero one two three four five six seven
eight nine colon semicolon less equal greater question congruent Alpha Beta Chi Delta Epsilon Phi Gamma
Eta Iota theta1 Kappa Lambda Mu Nu Omicron Pi Theta Rho Sigma Tau Upsilon sigma1 Omega Xi Psi Zeta
bracketleft therefore bracketright perpendicular underscore radicalex alpha beta chi delta epsilon phi
gamma eta iota phi1 kappa lambda mu nu omicron pi theta rho sigma tau upsilon omega1 omega xi psi zeta
braceleft bar braceright similar
Euro Upsilon1 minute lessequal fraction infinity florin club diamond heart spade arrowboth arrowleft
arrowup arrowright arrowdown degree plusminus second greaterequal multiply proportional partialdiff
bullet divide notequal equivalence approxequal ellipsis arrowvertex arrowhorizex carriagereturn aleph
Ifraktur Rfraktur weierstrass circlemultiply circleplus emptyset intersection union propersuperset
reflexsuperset notsubset propersubset reflexsubset element notelement angle gradient registerserif
copyrightserif trademarkserif product radical dotmath logicalnot logicaland logicalor arrowdblboth
arrowdblleft arrowdblup arrowdblright arrowdbldown lozenge angleleft registersans copyrightsans
trademarksans summation parenlefttp parenleftex parenleftbt bracketlefttp bracketleftex bracketleftbt
bracelefttp braceleftmid braceleftbt braceex - angleright integral integraltp integralex integralbt
parenrighttp parenrightex parenrightbt bracketrighttp bracketrightex bracketrightbt bracerighttp
bracerightmid bracerightbt`)

// mathGlyphNames holds glyph names beyond glyphNames: the Symbol font's and
// those of TeX's math fonts (CMSY, CMMI, MSAM).
var mathGlyphNames = map[string]string{
	"diamondmath": "⋄", "minusplus": "∓", "circleminus": "⊖", "circledivide": "⊘", "circledot": "⊙",
	"equivasymptotic": "≍", "precedesequal": "⪯", "followsequal": "⪰", "lessmuch": "≪", "greatermuch": "≫",
	"precedes": "≺", "follows": "≻", "arrownortheast": "↗", "arrowsoutheast": "↘", "similarequal": "≃",
	"arrownorthwest": "↖", "arrowsouthwest": "↙", "prime": "′", "owner": "∋", "triangle": "△",
	"triangleinv": "▽", "mapsto": "↦", "Rfractur": "ℜ", "Ifractur": "ℑ", "latticetop": "⊤",
	"unionmulti": "⊎", "turnstileleft": "⊢", "turnstileright": "⊣", "floorleft": "⌊", "floorright": "⌋",
	"ceilingleft": "⌈", "ceilingright": "⌉", "angbracketleft": "⟨", "angbracketright": "⟩", "bardbl": "‖",
	"arrowbothv": "↕", "arrowdblbothv": "⇕", "wreathproduct": "≀", "coproduct": "∐", "nabla": "∇",
	"unionsq": "⊔", "intersectionsq": "⊓", "epsilon1": "ϵ", "vector": "⃗", "tie": "⁀", "dotlessj": "ȷ",
	"star": "⋆", "latticebot": "⊥", "negationslash": "̸",
}

func addSymbolNames() {
	codes := make([]int, 0, 190)
	for c := 0x20; c <= 0x7E; c++ {
		codes = append(codes, c)
	}
	for c := 0xA0; c <= 0xFE; c++ {
		codes = append(codes, c)
	}
	for i, name := range symbolNames {
		if i >= len(codes) {
			break
		}
		if _, ok := glyphNames[name]; ok || name == "-" || symbolEnc[codes[i]] == "" {
			continue
		}
		if _, ok := mathGlyphNames[name]; !ok {
			mathGlyphNames[name] = symbolEnc[codes[i]]
		}
	}
}
