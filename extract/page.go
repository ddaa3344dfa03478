package extract

import (
	"fmt"
	"math"

	"github.com/ledongthuc/pdf"
)

// pageBox returns the page's MediaBox and /Rotate, following inherited
// attributes. Like pdftotext, text is read over the whole MediaBox: a
// CropBox does not hide it.
func pageBox(p pdf.Page) (rect, int) {
	media, ok := boxOf(inherited(p.V, "MediaBox"))
	if !ok {
		media = rect{0, 0, 612, 792}
	}
	rot := int(inherited(p.V, "Rotate").Int64()) % 360
	if rot < 0 {
		rot += 360
	}
	rot = rot / 90 * 90
	return media, rot
}

func boxOf(v pdf.Value) (rect, bool) {
	if v.Len() != 4 {
		return rect{}, false
	}
	a, b, c, d := v.Index(0).Float64(), v.Index(1).Float64(), v.Index(2).Float64(), v.Index(3).Float64()
	r := rect{math.Min(a, c), math.Min(b, d), math.Max(a, c), math.Max(b, d)}
	ok := r.x1-r.x0 > 1 && r.y1-r.y0 > 1 && r.x1-r.x0 < 1e6 && r.y1-r.y0 < 1e6
	return r, ok
}

func inherited(v pdf.Value, key string) pdf.Value {
	for i := 0; i < 32 && v.Kind() == pdf.Dict; i++ {
		if x := v.Key(key); !x.IsNull() {
			return x
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// toPage maps device space to top-down page space under /Rotate.
type toPage struct {
	box rect
	rot int
}

func (t toPage) size() (w, h float64) {
	w, h = t.box.x1-t.box.x0, t.box.y1-t.box.y0
	if t.rot == 90 || t.rot == 270 {
		return h, w
	}
	return w, h
}

func (t toPage) pt(x, y float64) (float64, float64) {
	b := t.box
	switch t.rot {
	case 90:
		return y - b.y0, x - b.x0
	case 180:
		return b.x1 - x, y - b.y0
	case 270:
		return b.y1 - y, b.x1 - x
	}
	return x - b.x0, b.y1 - y
}

func (t toPage) vec(x, y float64) (float64, float64) {
	switch t.rot {
	case 90:
		return y, x
	case 180:
		return -x, y
	case 270:
		return -y, -x
	}
	return x, -y
}

// pagePanicHook, when set (by tests and fuzz targets), sees every panic
// recovered while a page is interpreted, inside the deferred recover, so
// that it can tell our own bugs from malformed input.
var pagePanicHook func(r any)

// readPage interprets one page, under a recover so that a bad operator costs
// at most this page.
func readPage(num int, p pdf.Page, opt *Options, rd *reading) (pg Page, images int, err error) {
	box, rot := pageBox(p)
	tp := toPage{box, rot}
	pg.Number = num
	pg.Width, pg.Height = tp.size()
	in := newInterp(opt, rd, num, box)
	defer func() {
		if r := recover(); r != nil {
			if pagePanicHook != nil {
				pagePanicHook(r)
			}
			err = &Error{Page: num, Op: "interpret page", Err: panicError(r)}
		}
		// Whatever was read before a failure is kept.
		sets, extra := orient(in.glyphs, tp, &pg)
		pg.Rules = orientRules(in.rules, tp, extra, pg.Width, pg.Height)
		pg.Fills = orientFills(in.fills, tp, extra, pg.Width, pg.Height)
		pg.Lines = buildLines(sets[0])
		if len(sets[1])+len(sets[2])+len(sets[3]) > 0 {
			var turned []Line
			for rel := 1; rel < 4; rel++ {
				turned = append(turned, unturnLines(buildLines(sets[rel]), rel, pg.Width, pg.Height)...)
			}
			pg.Lines = append(pg.Lines, marginTurned(&pg, turned)...)
			sortLines(pg.Lines)
		}
		images = in.images
	}()
	base := in.gs
	rd.failed = nil
	defer func() {
		if err == nil && rd.failed != nil {
			err = &Error{Page: num, Op: "read content", Err: rd.failed}
		}
	}()
	res := inherited(p.V, "Resources")
	content := p.V.Key("Contents")
	if content.Kind() == pdf.Stream || content.Kind() == pdf.Array {
		in.run(content, res, fmt.Sprintf("page %d content", num))
	}
	in.res = res
	in.annotations(p.V.Key("Annots"), base)
	return pg, in.images, nil
}

// orient maps glyphs to page space and turns the page so that the dominant
// text direction runs left to right. It returns the glyphs by direction
// relative to the dominant one (0: with it, 1: running down, 2: upside down,
// 3: running up), each set turned into its own frame where it runs left to
// right, and the turn applied to the page.
func orient(raw []rawGlyph, tp toPage, pg *Page) ([4][]Glyph, int) {
	var count [4]int
	dirs := make([]int8, len(raw))
	for i := range raw {
		ax, ay := tp.vec(raw[i].ax, raw[i].ay)
		if ax == 0 && ay == 0 {
			ax, ay = tp.vec(raw[i].uy, -raw[i].ux)
		}
		d := direction(ax, ay)
		dirs[i] = int8(d)
		count[d]++
	}
	best := 0
	for d := 1; d < 4; d++ {
		if count[d] > count[best] {
			best = d
		}
	}
	extra := best * 90 // clockwise turn that brings the dominant direction to the right
	pg.Rotation = (tp.rot + extra) % 360
	W, H := pg.Width, pg.Height
	if best == 1 || best == 3 {
		pg.Width, pg.Height = H, W
	}
	var out [4][]Glyph
	out[0] = make([]Glyph, 0, count[best])
	for i := range raw {
		g := &raw[i]
		rel := (int(dirs[i]) - best + 4) % 4
		x, y := tp.pt(g.ox, g.oy)
		x, y = turn(x, y, best, W, H)
		ax, ay := tp.vec(g.ax, g.ay)
		ax, ay = turnVec(ax, ay, best)
		ux, uy := tp.vec(g.ux, g.uy)
		if rel != 0 {
			x, y = turn(x, y, rel, pg.Width, pg.Height)
			ax, ay = turnVec(ax, ay, rel)
		}
		size := math.Hypot(ux, uy)
		if !(size > 0.01) || size > 5000 {
			continue
		}
		w := math.Hypot(ax, ay)
		if ax < 0 {
			w = 0
		}
		out[rel] = append(out[rel], Glyph{Text: g.text, X0: x, X1: x + w, Base: y,
			Top: y - g.asc*size, Size: size, Space: g.space})
	}
	return out, best
}

// marginTurned moves to the page's furniture the lines that run across its
// text direction beside all its upright text (a portrait page's running
// header and footer on a page turned for a landscape table, a reference
// printed up the margin): they are no part of the text's flow, and where
// they stand tall beside a table they would cut its rows. It returns the
// other turned lines.
func marginTurned(pg *Page, turned []Line) []Line {
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, l := range pg.Lines {
		x0, x1 = math.Min(x0, l.X0), math.Max(x1, l.X1)
	}
	var keep []Line
	for _, l := range turned {
		if l.X1 <= x0+1 || l.X0 >= x1-1 {
			pg.Furniture = append(pg.Furniture, l)
			continue
		}
		keep = append(keep, l)
	}
	return keep
}

// unturnLines maps lines built in the frame of relative direction rel back
// to the page (W×H, after the dominant turn): their boxes stand upright on
// the page, as tall narrow boxes for text running up or down.
func unturnLines(lines []Line, rel int, W, H float64) []Line {
	for i := range lines {
		l := &lines[i]
		l.X0, l.Top, l.X1, l.Bottom = unturnBox(l.X0, l.Top, l.X1, l.Bottom, rel, W, H)
		for j := range l.Words {
			w := &l.Words[j]
			w.X0, w.Top, w.X1, w.Bottom = unturnBox(w.X0, w.Top, w.X1, w.Bottom, rel, W, H)
			for k := range w.Glyphs {
				g := &w.Glyphs[k]
				var b float64
				g.X0, g.Top, g.X1, b = unturnBox(g.X0, g.Top, g.X1, g.Base, rel, W, H)
				g.Base = b
			}
		}
	}
	return lines
}

// unturnBox maps a box back through turn(rel) on a W×H page.
func unturnBox(x0, y0, x1, y1 float64, rel int, W, H float64) (float64, float64, float64, float64) {
	ax, ay := unturn(x0, y0, rel, W, H)
	bx, by := unturn(x1, y1, rel, W, H)
	return math.Min(ax, bx), math.Min(ay, by), math.Max(ax, bx), math.Max(ay, by)
}

// unturn is the inverse of turn.
func unturn(x, y float64, d int, W, H float64) (float64, float64) {
	switch d {
	case 1:
		return W - y, x
	case 2:
		return W - x, H - y
	case 3:
		return y, H - x
	}
	return x, y
}

// direction classifies an advance vector in page space (y down):
// 0 right, 1 down, 2 left, 3 up.
func direction(x, y float64) int {
	if math.Abs(x) >= math.Abs(y) {
		if x >= 0 {
			return 0
		}
		return 2
	}
	if y > 0 {
		return 1
	}
	return 3
}

// turn rotates a point of a W×H page so that direction d runs rightwards.
func turn(x, y float64, d int, W, H float64) (float64, float64) {
	switch d {
	case 1: // text runs down: turn the page anticlockwise
		return y, W - x
	case 2:
		return W - x, H - y
	case 3: // text runs up: turn clockwise
		return H - y, x
	}
	return x, y
}

func turnVec(x, y float64, d int) (float64, float64) {
	switch d {
	case 1:
		return y, -x
	case 2:
		return -x, -y
	case 3:
		return -y, x
	}
	return x, y
}

func orientRules(raw []rawRule, tp toPage, d int, W0, H0 float64) []Rule {
	W, H := W0, H0
	if d == 1 || d == 3 {
		W, H = H0, W0
	}
	out := make([]Rule, 0, len(raw))
	for _, r := range raw {
		x0, y0 := tp.pt(r.x0, r.y0)
		x1, y1 := tp.pt(r.x1, r.y1)
		x0, y0 = turn(x0, y0, d, W, H)
		x1, y1 = turn(x1, y1, d, W, H)
		out = append(out, Rule{math.Min(x0, x1), math.Min(y0, y1), math.Max(x0, x1), math.Max(y0, y1)})
	}
	return out
}

// orientFills maps filled areas to page space, as orientRules does rules.
func orientFills(raw []rawFill, tp toPage, d int, W, H float64) []Fill {
	if len(raw) == 0 {
		return nil
	}
	rs := make([]rawRule, len(raw))
	for i, f := range raw {
		rs[i] = rawRule{f.r.x0, f.r.y0, f.r.x1, f.r.y1}
	}
	out := make([]Fill, len(raw))
	for i, r := range orientRules(rs, tp, d, W, H) {
		c := raw[i].rgb
		out[i] = Fill{r.X0, r.Y0, r.X1, r.Y1, fmt.Sprintf("#%02x%02x%02x", channel(c[0]), channel(c[1]), channel(c[2]))}
	}
	return out
}

func channel(v float64) int {
	return int(math.Round(math.Max(0, math.Min(1, v)) * 255))
}

func (p Page) String() string { return fmt.Sprintf("page %d (%d lines)", p.Number, len(p.Lines)) }
