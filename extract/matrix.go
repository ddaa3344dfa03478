package extract

import "math"

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: m applied first, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// vec applies the linear part only.
func (m matrix) vec(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2], x*m[1] + y*m[3]
}

func (m matrix) finite() bool {
	for _, v := range m {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e7 {
			return false
		}
	}
	return true
}

// rect is an axis-aligned box in device space (y up).
type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) empty() bool { return r.x1 < r.x0 || r.y1 < r.y0 }

func (r rect) intersect(o rect) rect {
	return rect{math.Max(r.x0, o.x0), math.Max(r.y0, o.y0), math.Min(r.x1, o.x1), math.Min(r.y1, o.y1)}
}

func (r rect) contains(x, y, tol float64) bool {
	return x >= r.x0-tol && x <= r.x1+tol && y >= r.y0-tol && y <= r.y1+tol
}

func (r *rect) add(x, y float64) {
	if x < r.x0 {
		r.x0 = x
	}
	if x > r.x1 {
		r.x1 = x
	}
	if y < r.y0 {
		r.y0 = y
	}
	if y > r.y1 {
		r.y1 = y
	}
}

func emptyRect() rect { return rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)} }
