package extract

import (
	"strings"

	pdffont "github.com/pdfcpu/pdfcpu/pkg/font"

	"github.com/ledongthuc/pdf"
)

// font is what the interpreter needs of a PDF font: how to cut a string
// into codes, each code's Unicode text and its advance width.
type font struct {
	name      string
	composite bool         // Type0: multi-byte codes, CID widths
	toUni     *cmap        // ToUnicode, may be nil
	encCMap   *cmap        // an embedded encoding CMap of a Type0 font, may be nil
	enc       *[256]string // simple fonts: code to text from the base encoding and Differences
	widths    map[int]float64
	firstChar int
	simpleW   []float64 // simple fonts: /Widths from FirstChar, glyph units
	missingW  float64
	defaultW  float64       // Type0: /DW
	scale     float64       // glyph units to text space: 0.001, or the Type3 FontMatrix
	core      string        // standard-14 name for width fallback
	coreW     *[256]float64 // widths from the standard-14 metrics, when no /Widths
	ascent    float64       // in text space units of 1 (fraction of size)
	descent   float64
}

const maxCMapOps = 200000

// loadFont reads a font dictionary.
func loadFont(v pdf.Value) *font {
	f := &font{scale: 0.001, ascent: 0.8, descent: -0.2, name: v.Key("BaseFont").Name()}
	sub := v.Key("Subtype").Name()
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.toUni = parseCMap(tu, maxCMapOps)
	}
	desc := v.Key("FontDescriptor")
	if sub == "Type0" {
		f.loadComposite(v)
		desc = v.Key("DescendantFonts").Index(0).Key("FontDescriptor")
	} else {
		f.loadSimple(v, sub)
	}
	if a := desc.Key("Ascent").Float64(); a > 0 && a < 2000 {
		f.ascent = a / 1000
	}
	if d := desc.Key("Descent").Float64(); d < 0 && d > -1000 {
		f.descent = d / 1000
	}
	return f
}

func (f *font) loadComposite(v pdf.Value) {
	f.composite = true
	f.defaultW = 1000
	d := v.Key("DescendantFonts").Index(0)
	if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.defaultW = dw.Float64()
	}
	f.widths = cidWidths(d.Key("W"))
	if e := v.Key("Encoding"); e.Kind() == pdf.Stream {
		f.encCMap = parseCMap(e, maxCMapOps)
	}
}

// cidWidths reads a /W array: c [w1 w2 ...] or cfirst clast w.
func cidWidths(w pdf.Value) map[int]float64 {
	out := map[int]float64{}
	n := w.Len()
	for i := 0; i < n; {
		first := int(w.Index(i).Int64())
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && j < 65536; j++ {
				out[first+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		last := int(next.Int64())
		wd := w.Index(i + 2).Float64()
		for c := first; c <= last && c-first < 65536; c++ {
			out[c] = wd
		}
		i += 3
	}
	return out
}

func (f *font) loadSimple(v pdf.Value, sub string) {
	f.firstChar = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		f.simpleW = append(f.simpleW, ws.Index(i).Float64())
	}
	f.missingW = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if sub == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() == 6 {
			f.scale = m.Index(0).Float64()
		}
	}
	base := stripSubset(f.name)
	if len(f.simpleW) == 0 {
		f.core = coreName(base)
	}
	f.enc = simpleEncoding(v, base, sub)
	if f.core != "" {
		f.coreW = coreWidths(f.core, f.enc)
	}
}

// coreWidths looks up each code's width in the standard-14 metrics. The
// metrics are keyed by WinAnsi code (by built-in code for Symbol and
// ZapfDingbats), so a code's text is mapped back to its WinAnsi code.
func coreWidths(core string, enc *[256]string) *[256]float64 {
	var t [256]float64
	fixed := core == "Courier" || strings.HasPrefix(core, "Courier-")
	builtin := core == "Symbol" || core == "ZapfDingbats"
	for c := range t {
		t[c] = 500
		if fixed {
			t[c] = 600
		}
		code, ok := c, builtin
		if !builtin {
			code, ok = winAnsiCode[enc[c]]
		}
		if !ok || code < 32 {
			continue
		}
		if w, err := pdffont.CharWidth(core, rune(code)); err == nil && w > 0 && w != 1000 || err == nil && w == 1000 && !fixed {
			t[c] = float64(w)
		}
	}
	return &t
}

// simpleEncoding builds the code-to-text table of a simple font.
func simpleEncoding(v pdf.Value, base, sub string) *[256]string {
	var t [256]string
	start := &standardEnc
	if sub == "TrueType" || isSymbolic(v) {
		start = &winAnsi
	}
	e := v.Key("Encoding")
	switch e.Kind() {
	case pdf.Name:
		if b := baseEncoding(e.Name()); b != nil {
			start = b
		}
	case pdf.Dict:
		if b := baseEncoding(e.Key("BaseEncoding").Name()); b != nil {
			start = b
		}
	}
	if strings.HasPrefix(base, "Symbol") && (e.Kind() != pdf.Name && e.Key("BaseEncoding").IsNull()) {
		t = symbolEnc // the font's built-in encoding
	} else if strings.HasPrefix(base, "Symbol") || strings.HasPrefix(base, "ZapfDingbats") || strings.HasPrefix(base, "Wingdings") {
		for c := range t {
			if c >= 32 {
				t[c] = string(rune(0xF000 + c))
			}
		}
	} else {
		t = *start
	}
	if e.Kind() == pdf.Dict {
		applyDifferences(&t, e.Key("Differences"))
	}
	return &t
}

func isSymbolic(v pdf.Value) bool {
	flags := v.Key("FontDescriptor").Key("Flags").Int64()
	return flags&4 != 0 && flags&32 == 0
}

func applyDifferences(t *[256]string, d pdf.Value) {
	code := 0
	for i := 0; i < d.Len(); i++ {
		x := d.Index(i)
		switch x.Kind() {
		case pdf.Integer:
			code = int(x.Int64())
		case pdf.Name:
			if code >= 0 && code < 256 {
				if s, ok := glyphText(x.Name()); ok {
					t[code] = s
				} else if x.Name() == ".notdef" {
					t[code] = ""
				} // else, like poppler, an unknown name keeps the base encoding's text
			}
			code++
		}
	}
}

func stripSubset(name string) string {
	if len(name) > 7 && name[6] == '+' {
		return name[7:]
	}
	return name
}

// coreName maps a base font name to one of the standard 14 for widths.
func coreName(base string) string {
	b := strings.ToLower(strings.ReplaceAll(base, "-", ","))
	bold := strings.Contains(b, "bold")
	ital := strings.Contains(b, "italic") || strings.Contains(b, "oblique")
	var fam string
	switch {
	case strings.Contains(b, "courier"), strings.Contains(b, "mono"):
		fam = "Courier"
	case strings.Contains(b, "times"), strings.Contains(b, "serif") && !strings.Contains(b, "sans"):
		fam = "Times"
	case strings.HasPrefix(b, "symbol"):
		return "Symbol"
	case strings.HasPrefix(b, "zapf"):
		return "ZapfDingbats"
	default:
		fam = "Helvetica"
	}
	suffix := ""
	switch {
	case bold && ital:
		suffix = "BoldItalic"
		if fam != "Times" {
			suffix = "BoldOblique"
		}
	case bold:
		suffix = "Bold"
	case ital:
		suffix = "Italic"
		if fam != "Times" {
			suffix = "Oblique"
		}
	}
	if fam == "Times" && suffix == "" {
		return "Times-Roman"
	}
	if suffix == "" {
		return fam
	}
	return fam + "-" + suffix
}

// decode cuts a shown string into codes and calls fn for each with its text,
// its width in text space (unscaled by size), and whether it is the
// single-byte code 32 (to which Tw applies).
func (f *font) decode(s string, fn func(text string, w float64, space bool)) {
	for len(s) > 0 {
		n := 1
		if f.composite {
			def := 2
			if f.encCMap != nil {
				n = f.encCMap.codeLen(s, def)
			} else {
				n = f.toUni.codeLen(s, def)
				if n != 2 && n != 1 {
					n = def
				}
			}
			if n > len(s) {
				n = len(s)
			}
		}
		c, _ := codeOf(s[:n])
		s = s[n:]
		text := f.text(n, c)
		if text == "\x00" {
			text = "" // poppler ignores null characters
		}
		fn(text, f.width(n, c)*f.scale, n == 1 && c == 32)
	}
}

func (f *font) text(n int, c uint32) string {
	if f.toUni != nil {
		if t, ok := f.toUni.lookup(n, c); ok {
			return t
		}
	}
	if f.enc != nil && c < 256 {
		return f.enc[c]
	}
	return ""
}

func (f *font) width(n int, c uint32) float64 {
	if f.composite {
		cid := int(c)
		if f.encCMap != nil {
			if v, ok := f.encCMap.cidOf(n, c); ok {
				cid = v
			}
		}
		if w, ok := f.widths[cid]; ok {
			return w
		}
		return f.defaultW
	}
	i := int(c) - f.firstChar
	if i >= 0 && i < len(f.simpleW) {
		return f.simpleW[i]
	}
	if len(f.simpleW) > 0 {
		return f.missingW // outside FirstChar..LastChar
	}
	if f.coreW != nil && c < 256 {
		return f.coreW[c]
	}
	if f.missingW > 0 {
		return f.missingW
	}
	return 500
}
