package extract

import "math"

// Path construction and painting: stroked straight segments and thin filled
// rectangles become ruling lines; W and W* narrow the clip box.

const thinRule = 3.0 // a filled rectangle thinner than this many points is a rule

func (in *interp) pathOp(stk *opStack, op string) {
	switch op {
	case "m":
		a := nums(stk, 2)
		in.cx, in.cy = in.gs.ctm.apply(a[0], a[1])
		in.sx, in.sy = in.cx, in.cy
		in.pathBox.add(in.cx, in.cy)
	case "l":
		a := nums(stk, 2)
		x, y := in.gs.ctm.apply(a[0], a[1])
		in.segment(x, y, false)
	case "c":
		a := nums(stk, 6)
		in.curveTo(a[4], a[5])
	case "v", "y":
		a := nums(stk, 4)
		in.curveTo(a[2], a[3])
	case "h":
		in.segment(in.sx, in.sy, false)
	case "re":
		in.rectangle(nums(stk, 4))
	case "W", "W*":
		in.clipPending = true
	case "S", "s":
		if op == "s" {
			in.segment(in.sx, in.sy, false)
		}
		in.stroke()
		in.endPath()
	case "f", "F", "f*":
		in.fill()
		in.endPath()
	case "B", "B*", "b", "b*":
		in.fill()
		in.stroke()
		in.endPath()
	case "n":
		in.endPath()
	default:
		// Operators we do not need (d, j, J, M, ri, i, gs, cs, CS, sh, BMC,
		// BDC, EMC, MP, DP, d0, d1, BX, EX): their operands are dropped.
	}
}

func (in *interp) curveTo(x, y float64) {
	dx, dy := in.gs.ctm.apply(x, y)
	in.cx, in.cy = dx, dy
	in.pathBox.add(dx, dy)
	in.path = append(in.path, pathSeg{x0: math.NaN()}) // a curve breaks rule detection
}

func (in *interp) segment(x, y float64, isRect bool) {
	in.path = append(in.path, pathSeg{in.cx, in.cy, x, y, isRect})
	in.cx, in.cy = x, y
	in.pathBox.add(x, y)
}

func (in *interp) rectangle(a [6]float64) {
	m := in.gs.ctm
	x0, y0 := m.apply(a[0], a[1])
	x1, y1 := m.apply(a[0]+a[2], a[1])
	x2, y2 := m.apply(a[0]+a[2], a[1]+a[3])
	x3, y3 := m.apply(a[0], a[1]+a[3])
	in.cx, in.cy = x0, y0
	in.pathBox.add(x0, y0)
	in.segment(x1, y1, true)
	in.segment(x2, y2, true)
	in.segment(x3, y3, true)
	in.segment(x0, y0, true)
	in.sx, in.sy = x0, y0
}

func (in *interp) endPath() {
	if in.clipPending && !in.pathBox.empty() {
		in.gs.clip = in.gs.clip.intersect(in.pathBox)
	}
	in.clipPending = false
	in.path = in.path[:0]
	in.pathBox = emptyRect()
}

// stroke turns straight axis-aligned segments into rules.
func (in *interp) stroke() {
	if in.gs.strokeW {
		return
	}
	for _, s := range in.path {
		if math.IsNaN(s.x0) {
			continue
		}
		in.addRule(s.x0, s.y0, s.x1, s.y1)
	}
}

// fill turns thin filled rectangles into rules along their long side.
func (in *interp) fill() {
	if in.gs.fillW {
		return
	}
	for i := 0; i+3 < len(in.path); i++ {
		if !in.path[i].rect {
			continue
		}
		b := emptyRect()
		for _, s := range in.path[i : i+4] {
			b.add(s.x0, s.y0)
			b.add(s.x1, s.y1)
		}
		i += 3
		w, h := b.x1-b.x0, b.y1-b.y0
		switch {
		case h <= thinRule && w > h:
			y := (b.y0 + b.y1) / 2
			in.addRule(b.x0, y, b.x1, y)
		case w <= thinRule && h > w:
			x := (b.x0 + b.x1) / 2
			in.addRule(x, b.y0, x, b.y1)
		default:
			in.addFill(b)
		}
	}
}

// addFill keeps a coloured area, such as a cell shaded red, amber or green.
func (in *interp) addFill(b rect) {
	c := b.intersect(in.gs.clip)
	if c.empty() || len(in.fills) >= 5000 {
		return
	}
	in.fills = append(in.fills, rawFill{c, in.gs.fillRGB})
}

func (in *interp) addRule(x0, y0, x1, y1 float64) {
	dx, dy := math.Abs(x1-x0), math.Abs(y1-y0)
	if dx < 1 && dy < 1 {
		return
	}
	if dx > 1 && dy > 1 {
		return // diagonal
	}
	c := in.gs.clip
	r := rawRule{math.Min(x0, x1), math.Min(y0, y1), math.Max(x0, x1), math.Max(y0, y1)}
	r.x0, r.x1 = math.Max(r.x0, c.x0), math.Min(r.x1, c.x1)
	r.y0, r.y1 = math.Max(r.y0, c.y0), math.Min(r.y1, c.y1)
	if r.x1 < r.x0-0.5 || r.y1 < r.y0-0.5 {
		return
	}
	if len(in.rules) < 20000 {
		in.rules = append(in.rules, r)
	}
}
