package extract

import (
	"errors"
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// rawGlyph is a shown glyph in device space (default user space, y up).
type rawGlyph struct {
	text   string
	ox, oy float64 // origin on the baseline
	ax, ay float64 // advance vector of the glyph's own width
	ux, uy float64 // up vector, length = effective font size
	asc    float64 // font ascent and descent as fractions of the size
	desc   float64
	space  bool
}

// rawRule is a ruling segment in device space.
type rawRule struct{ x0, y0, x1, y1 float64 }

type gstate struct {
	ctm            matrix
	font           *font
	size           float64
	tc, tw, tz, tl float64
	ts             float64
	render         int
	clip           rect
	lineWidth      float64
	fillW, strokeW bool       // current fill/stroke colour is white
	fillRGB        [3]float64 // current fill colour
}

// rawFill is a filled area (a cell's shading) in device space.
type rawFill struct {
	r   rect
	rgb [3]float64
}

// docFonts caches loaded fonts for a whole document, keyed by the font
// dictionary's printed form (which names its indirect objects).
type docFonts map[string]*font

type pathSeg struct {
	x0, y0, x1, y1 float64
	rect           bool // part of a re rectangle
}

var errTooManyOps = errors.New("too many operators")

// interp interprets one page's content stream and the Form XObjects it uses.
type interp struct {
	opt         *Options
	rd          *reading // the document's font cache, stream bounds and notes
	page        int
	gs          gstate
	stack       []gstate
	tm, tlm     matrix
	glyphs      []rawGlyph
	rules       []rawRule
	fills       []rawFill
	images      int
	path        []pathSeg
	pathBox     rect
	cx, cy      float64 // current point, device
	sx, sy      float64 // subpath start
	clipPending bool
	ops         int
	depth       int
	resFonts    map[string]*font
	res         pdf.Value
	marked      []markedSpan // open marked-content spans
}

func newInterp(opt *Options, rd *reading, page int, mediaClip rect) *interp {
	in := &interp{opt: opt, rd: rd, page: page, pathBox: emptyRect(), glyphs: make([]rawGlyph, 0, 2048)}
	in.gs = gstate{ctm: identity, tz: 100, clip: mediaClip, lineWidth: 1}
	return in
}

// run interprets a content stream (a stream or an array of streams) with
// its resources. The stream is tokenized by our own lexer (cmap.go) as it
// is decoded: the library's loops forever on an unterminated string at the
// end of a stream.
func (in *interp) run(content, res pdf.Value, what string) {
	savedRes, savedFonts := in.res, in.resFonts
	in.res, in.resFonts = res, map[string]*font{}
	defer func() { in.res, in.resFonts = savedRes, savedFonts }()
	in.exec(&psLexer{src: in.rd.contentReader(content, what)})
}

// exec runs the operators of a content stream. Operands are collected on a
// stack that each operator empties; arrays nest.
func (in *interp) exec(lx *psLexer) {
	var stk opStack
	var marks []int
	for {
		t, ok := lx.next()
		if !ok {
			return
		}
		switch t.kind {
		case tokOpenArr:
			if len(marks) < 32 {
				marks = append(marks, len(stk.v))
			}
			continue
		case tokCloseArr:
			if k := len(marks); k > 0 {
				m := marks[k-1]
				marks = marks[:k-1]
				arr := psTok{kind: tokArray, arr: append([]psTok(nil), stk.v[m:]...)}
				stk.v = append(stk.v[:m], arr)
			}
			continue
		case tokKeyword:
			if t.s == "true" || t.s == "false" || t.s == "null" {
				break // an operand
			}
			if len(marks) > 0 {
				continue // no operator inside an array
			}
			in.ops++
			if in.ops > in.opt.MaxOps || len(in.glyphs) > in.opt.MaxGlyphs {
				panic(errTooManyOps)
			}
			switch {
			case t.s == "ID":
				lx.skipInlineImage()
				in.images++
			case stk.Len() >= arity[t.s]: // like poppler, skip an operator short of operands
				in.do(&stk, t.s)
			}
			stk.v = stk.v[:0]
			continue
		case tokOther:
			continue // dictionary brackets
		}
		if len(stk.v) < 1<<16 {
			stk.v = append(stk.v, t)
		}
	}
}

// arity is the operand count of the operators that need a fixed number.
var arity = map[string]int{
	"cm": 6, "Tm": 6, "c": 6, "d1": 6, "re": 4, "v": 4, "y": 4, "m": 2, "l": 2, "Td": 2, "TD": 2,
	"Tf": 2, "d0": 2, "Tc": 1, "Tw": 1, "Tz": 1, "TL": 1, "Ts": 1, "Tr": 1, "w": 1, "Tj": 1,
	"'": 1, "\"": 3, "TJ": 1, "Do": 1, "g": 1, "G": 1, "rg": 3, "RG": 3, "k": 4, "K": 4,
}

// opStack holds an operator's operands.
type opStack struct{ v []psTok }

func (s *opStack) Len() int { return len(s.v) }

// Pop returns the top operand, or a zero token (reading as 0, "" and no
// array) when the stack is empty.
func (s *opStack) Pop() psTok {
	n := len(s.v)
	if n == 0 {
		return psTok{kind: tokOther}
	}
	t := s.v[n-1]
	s.v = s.v[:n-1]
	return t
}

func (t psTok) Float64() float64 {
	if t.kind == tokNum {
		return t.num
	}
	return 0
}

func (t psTok) Name() string {
	if t.kind == tokName {
		return t.s
	}
	return ""
}

func (t psTok) RawString() string {
	if t.kind == tokString {
		return t.s
	}
	return ""
}

// nums pops n (at most 6) numeric operands, in order.
func nums(stk *opStack, n int) [6]float64 {
	var out [6]float64
	for i := n - 1; i >= 0; i-- {
		out[i] = stk.Pop().Float64()
	}
	return out
}

func (in *interp) do(stk *opStack, op string) {
	switch op {
	case "q":
		if len(in.stack) < 256 {
			in.stack = append(in.stack, in.gs)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			in.gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		a := nums(stk, 6)
		m := matrix{a[0], a[1], a[2], a[3], a[4], a[5]}.mul(in.gs.ctm)
		if m.finite() {
			in.gs.ctm = m
		}
	case "w":
		in.gs.lineWidth = math.Abs(nums(stk, 1)[0])
	case "g", "rg", "k", "G", "RG", "K", "sc", "scn", "SC", "SCN":
		in.colour(stk, op)
	case "BT":
		in.tm, in.tlm = identity, identity
	case "ET":
	case "Tf":
		size := stk.Pop().Float64()
		in.gs.font = in.font(stk.Pop().Name())
		in.gs.size = size
	case "Tc":
		in.gs.tc = nums(stk, 1)[0]
	case "Tw":
		in.gs.tw = nums(stk, 1)[0]
	case "Tz":
		in.gs.tz = nums(stk, 1)[0]
	case "TL":
		in.gs.tl = nums(stk, 1)[0]
	case "Ts":
		in.gs.ts = nums(stk, 1)[0]
	case "Tr":
		in.gs.render = int(nums(stk, 1)[0])
	case "Td":
		a := nums(stk, 2)
		in.moveLine(a[0], a[1])
	case "TD":
		a := nums(stk, 2)
		in.gs.tl = -a[1]
		in.moveLine(a[0], a[1])
	case "Tm":
		a := nums(stk, 6)
		m := matrix{a[0], a[1], a[2], a[3], a[4], a[5]}
		if m.finite() {
			in.tm, in.tlm = m, m
		}
	case "T*":
		in.moveLine(0, -in.gs.tl)
	case "Tj":
		in.show(stk.Pop().RawString())
	case "'":
		s := stk.Pop().RawString()
		in.moveLine(0, -in.gs.tl)
		in.show(s)
	case "\"":
		s := stk.Pop().RawString()
		a := nums(stk, 2)
		in.gs.tw, in.gs.tc = a[0], a[1]
		in.moveLine(0, -in.gs.tl)
		in.show(s)
	case "TJ":
		in.showArray(stk.Pop())
	case "Do":
		in.xobject(stk.Pop().Name())
	case "BI", "EI":
	case "BMC", "BDC":
		in.beginMarked(stk, op == "BDC")
	case "EMC":
		in.endMarked()
	default:
		in.pathOp(stk, op)
	}
}

func (in *interp) moveLine(tx, ty float64) {
	in.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(in.tlm)
	in.tm = in.tlm
}

// font resolves a font resource name, through the page cache and then the
// document cache.
func (in *interp) font(name string) *font {
	if f, ok := in.resFonts[name]; ok {
		return f
	}
	v := in.res.Key("Font").Key(name)
	var f *font
	if v.Kind() == pdf.Dict {
		k := v.String()
		if f = in.rd.fonts[k]; f == nil {
			f = loadFont(v)
			in.rd.fonts[k] = f
		}
	}
	in.resFonts[name] = f
	return f
}

func (in *interp) colour(stk *opStack, op string) {
	n := stk.Len()
	vals := make([]float64, n)
	k := 0
	for i := n - 1; i >= 0; i-- {
		v := stk.Pop()
		if v.kind == tokNum {
			vals[i] = v.num
			k++
		}
	}
	if k != n {
		vals = vals[:0] // a pattern name: no colour to read
	}
	rgb, ok := toRGB(vals)
	white := ok && rgb[0] > 0.99 && rgb[1] > 0.99 && rgb[2] > 0.99
	switch op {
	case "g", "rg", "k", "sc", "scn":
		in.gs.fillW = white
		if ok {
			in.gs.fillRGB = rgb
		}
	default:
		in.gs.strokeW = white
	}
}

// toRGB reads a gray, RGB or CMYK colour.
func toRGB(v []float64) ([3]float64, bool) {
	switch len(v) {
	case 1:
		return [3]float64{v[0], v[0], v[0]}, true
	case 3:
		return [3]float64{v[0], v[1], v[2]}, true
	case 4:
		return [3]float64{(1 - v[0]) * (1 - v[3]), (1 - v[1]) * (1 - v[3]), (1 - v[2]) * (1 - v[3])}, true
	}
	return [3]float64{}, false
}

// show renders a string with the current font and text state.
func (in *interp) show(s string) {
	f := in.gs.font
	if f == nil || s == "" {
		return
	}
	gs := &in.gs
	th := gs.tz / 100
	f.decode(s, func(text string, w float64, space bool) {
		trm := matrix{gs.size * th, 0, 0, gs.size, 0, gs.ts}.mul(in.tm).mul(gs.ctm)
		adv := w*gs.size + gs.tc
		if space {
			adv += gs.tw
		}
		in.emit(text, w, trm)
		in.tm = matrix{1, 0, 0, 1, adv * th, 0}.mul(in.tm)
	})
}

func (in *interp) emit(text string, w float64, trm matrix) {
	f := in.gs.font
	ox, oy := trm.apply(0, 0)
	ax, ay := trm.vec(w, 0)
	ux, uy := trm.vec(0, 1)
	if !in.gs.clip.contains(ox+ax/2, oy+ay/2, 1) {
		return
	}
	text = plainBullet(expandLigature(text))
	space := false
	if r, _ := utf8.DecodeRuneInString(text); text != "" {
		space = r == ' ' || r == '\t' || r == '\u00a0'
	}
	in.glyphs = append(in.glyphs, rawGlyph{text: text, ox: ox, oy: oy, ax: ax, ay: ay,
		ux: ux, uy: uy, asc: f.ascent, desc: f.descent, space: space})
}

func (in *interp) showArray(a psTok) {
	th := in.gs.tz / 100
	for _, x := range a.arr {
		switch x.kind {
		case tokString:
			in.show(x.s)
		case tokNum:
			tx := -x.num / 1000 * in.gs.size * th
			in.tm = matrix{1, 0, 0, 1, tx, 0}.mul(in.tm)
		}
	}
}

// xobject follows a Form XObject, with its depth bounded; images are counted.
func (in *interp) xobject(name string) {
	x := in.res.Key("XObject").Key(name)
	switch x.Key("Subtype").Name() {
	case "Image":
		in.images++
		return
	case "Form":
	default:
		return
	}
	in.form(x, in.res)
}

// form runs a Form XObject under the current state, with its depth bounded:
// its /Matrix is applied, the state is restored after it.
func (in *interp) form(x, parentRes pdf.Value) {
	if in.depth >= in.opt.MaxXObjDepth {
		return
	}
	saved := in.gs
	savedStack := len(in.stack)
	if c := formMatrix(x).mul(in.gs.ctm); c.finite() {
		in.gs.ctm = c
	}
	res := x.Key("Resources")
	if res.Kind() != pdf.Dict {
		res = parentRes
	}
	savedTm, savedTlm := in.tm, in.tlm
	in.depth++
	in.run(x, res, fmt.Sprintf("page %d form XObject", in.page))
	in.depth--
	in.gs = saved
	in.stack = in.stack[:savedStack]
	in.tm, in.tlm = savedTm, savedTlm
}

// annotations draws the normal appearance streams of a page's annotations,
// as pdftotext does: text in form fields, free-text and stamp annotations is
// part of the page. Hidden and no-view annotations are skipped; Popup
// annotations draw nothing.
func (in *interp) annotations(annots pdf.Value, base gstate) {
	for i := 0; i < annots.Len() && i < 10000; i++ {
		a := annots.Index(i)
		if a.Kind() != pdf.Dict || a.Key("Subtype").Name() == "Popup" {
			continue
		}
		if fl := a.Key("F").Int64(); fl&2 != 0 || fl&32 != 0 {
			continue
		}
		ap := a.Key("AP").Key("N")
		if ap.Kind() == pdf.Dict && ap.Key("BBox").IsNull() {
			ap = ap.Key(a.Key("AS").Name()) // one appearance per state
		}
		if ap.Kind() != pdf.Stream {
			continue
		}
		r, ok := boxOf(a.Key("Rect"))
		if !ok {
			continue
		}
		in.gs = base
		in.stack = in.stack[:0]
		in.gs.ctm = appearanceMatrix(ap, r)
		in.form(ap, in.res)
	}
}

// appearanceMatrix maps an appearance stream's form space to the page so
// that its transformed BBox fills the annotation's Rect (ISO 32000 12.5.5).
func appearanceMatrix(ap pdf.Value, r rect) matrix {
	m := formMatrix(ap)
	bb, ok := boxOf(ap.Key("BBox"))
	if !ok {
		return matrix{1, 0, 0, 1, r.x0, r.y0}
	}
	t := emptyRect()
	for _, p := range [4][2]float64{{bb.x0, bb.y0}, {bb.x1, bb.y0}, {bb.x1, bb.y1}, {bb.x0, bb.y1}} {
		x, y := m.apply(p[0], p[1])
		t.add(x, y)
	}
	sx, sy := 1.0, 1.0
	if w := t.x1 - t.x0; w > 1e-6 {
		sx = (r.x1 - r.x0) / w
	}
	if h := t.y1 - t.y0; h > 1e-6 {
		sy = (r.y1 - r.y0) / h
	}
	a := matrix{sx, 0, 0, sy, r.x0 - t.x0*sx, r.y0 - t.y0*sy}
	return a
}

// formMatrix is a Form XObject's /Matrix, identity when absent or bad.
func formMatrix(x pdf.Value) matrix {
	m := x.Key("Matrix")
	if m.Len() != 6 {
		return identity
	}
	mm := matrix{m.Index(0).Float64(), m.Index(1).Float64(), m.Index(2).Float64(),
		m.Index(3).Float64(), m.Index(4).Float64(), m.Index(5).Float64()}
	if !mm.finite() {
		return identity
	}
	return mm
}

// expandLigature spells out typographic ligatures, as text extractors do.
func expandLigature(s string) string {
	if len(s) != 3 || s[0] != 0xEF || s[1] != 0xAC {
		return s
	}
	switch s {
	case "\uFB00":
		return "ff"
	case "\uFB01":
		return "fi"
	case "\uFB02":
		return "fl"
	case "\uFB03":
		return "ffi"
	case "\uFB04":
		return "ffl"
	case "\uFB05", "\uFB06":
		return "st"
	}
	return s
}
