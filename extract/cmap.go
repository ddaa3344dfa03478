package extract

import (
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// cmap is a parsed CMap: codespace ranges, code-to-Unicode mappings (from a
// ToUnicode CMap) and code-to-CID mappings (from an embedded encoding CMap).
type cmap struct {
	space   []codespace
	uni     map[uint64]string // key: length<<32 | code
	uniRng  []uniRange
	cid     map[uint64]int
	cidRng  []cidRange
	maxUnis int
}

type codespace struct {
	n      int
	lo, hi []byte
}

type uniRange struct {
	n      int
	lo, hi uint32
	base   []uint16 // destination of lo, as UTF-16; incremented along the range
	list   []string // or one destination per code
}

type cidRange struct {
	n      int
	lo, hi uint32
	cid    int
}

func key(n int, code uint32) uint64 { return uint64(n)<<32 | uint64(code) }

// parseCMap reads a CMap stream. It never panics: malformed input gives
// whatever mappings were read before it.
func parseCMap(v pdf.Value, limit int) (cm *cmap) {
	cm = &cmap{uni: map[uint64]string{}, cid: map[uint64]int{}}
	defer func() {
		if r := recover(); r != nil {
			return
		}
	}()
	ops := 0
	pdf.Interpret(v, func(stk *pdf.Stack, op string) {
		ops++
		if ops > limit {
			panic("cmap too long")
		}
		switch op {
		case "endcodespacerange":
			cm.readCodespace(popAll(stk))
		case "endbfchar":
			cm.readBfChar(popAll(stk))
		case "endbfrange":
			cm.readBfRange(popAll(stk))
		case "endcidchar":
			cm.readCidChar(popAll(stk))
		case "endcidrange":
			cm.readCidRange(popAll(stk))
		default:
			// begin* operators carry a count; usecmap, def and the like are
			// of no use here. Leave operands for the end* operators.
			if len(op) > 5 && op[:5] == "begin" {
				popAll(stk)
			}
		}
	})
	return cm
}

func popAll(stk *pdf.Stack) []pdf.Value {
	n := stk.Len()
	out := make([]pdf.Value, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = stk.Pop()
	}
	return out
}

func codeOf(s string) (uint32, int) {
	var c uint32
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | uint32(s[i])
	}
	n := len(s)
	if n > 4 {
		n = 4
	}
	return c, n
}

func (cm *cmap) readCodespace(a []pdf.Value) {
	for i := 0; i+1 < len(a); i += 2 {
		lo, hi := a[i].RawString(), a[i+1].RawString()
		if len(lo) == 0 || len(lo) != len(hi) || len(lo) > 4 {
			continue
		}
		cm.space = append(cm.space, codespace{n: len(lo), lo: []byte(lo), hi: []byte(hi)})
	}
}

func (cm *cmap) readBfChar(a []pdf.Value) {
	for i := 0; i+1 < len(a); i += 2 {
		src := a[i].RawString()
		if src == "" {
			continue
		}
		c, n := codeOf(src)
		cm.uni[key(n, c)] = dstText(a[i+1])
	}
}

func (cm *cmap) readBfRange(a []pdf.Value) {
	for i := 0; i+2 < len(a); i += 3 {
		lo, n := codeOf(a[i].RawString())
		hi, _ := codeOf(a[i+1].RawString())
		if n == 0 || hi < lo || hi-lo > 65535 {
			continue
		}
		r := uniRange{n: n, lo: lo, hi: hi}
		d := a[i+2]
		if d.Kind() == pdf.Array {
			for j := 0; j < d.Len(); j++ {
				r.list = append(r.list, dstText(d.Index(j)))
			}
		} else {
			r.base = utf16Units(d.RawString())
		}
		cm.uniRng = append(cm.uniRng, r)
	}
}

func (cm *cmap) readCidChar(a []pdf.Value) {
	for i := 0; i+1 < len(a); i += 2 {
		c, n := codeOf(a[i].RawString())
		if n > 0 {
			cm.cid[key(n, c)] = int(a[i+1].Int64())
		}
	}
}

func (cm *cmap) readCidRange(a []pdf.Value) {
	for i := 0; i+2 < len(a); i += 3 {
		lo, n := codeOf(a[i].RawString())
		hi, _ := codeOf(a[i+1].RawString())
		if n > 0 && hi >= lo {
			cm.cidRng = append(cm.cidRng, cidRange{n: n, lo: lo, hi: hi, cid: int(a[i+2].Int64())})
		}
	}
}

func utf16Units(s string) []uint16 {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	if len(s)%2 == 1 {
		u = append(u, uint16(s[len(s)-1]))
	}
	return u
}

// dstText decodes a bfchar/bfrange destination: UTF-16BE bytes, or a name.
func dstText(v pdf.Value) string {
	if v.Kind() == pdf.Name {
		s, _ := glyphText(v.Name())
		return s
	}
	return string(utf16.Decode(utf16Units(v.RawString())))
}

// lookup returns the Unicode text of a code of n bytes.
func (cm *cmap) lookup(n int, c uint32) (string, bool) {
	if s, ok := cm.uni[key(n, c)]; ok {
		return s, true
	}
	for i := range cm.uniRng {
		r := &cm.uniRng[i]
		if r.n != n || c < r.lo || c > r.hi {
			continue
		}
		off := c - r.lo
		if r.list != nil {
			if int(off) < len(r.list) {
				return r.list[off], true
			}
			return "", false
		}
		if len(r.base) == 0 {
			return "", false
		}
		u := append([]uint16(nil), r.base...)
		u[len(u)-1] += uint16(off)
		return string(utf16.Decode(u)), true
	}
	return "", false
}

// cidOf maps a code to a CID through cidchar/cidrange mappings.
func (cm *cmap) cidOf(n int, c uint32) (int, bool) {
	if v, ok := cm.cid[key(n, c)]; ok {
		return v, true
	}
	for _, r := range cm.cidRng {
		if r.n == n && c >= r.lo && c <= r.hi {
			return r.cid + int(c-r.lo), true
		}
	}
	return 0, false
}

// codeLen returns the byte length of the code starting at s, from the
// codespace ranges; def when none match.
func (cm *cmap) codeLen(s string, def int) int {
	if cm == nil || len(cm.space) == 0 {
		return def
	}
	for _, sp := range cm.space {
		if sp.n > len(s) {
			continue
		}
		ok := true
		for i := 0; i < sp.n; i++ {
			if s[i] < sp.lo[i] || s[i] > sp.hi[i] {
				ok = false
				break
			}
		}
		if ok {
			return sp.n
		}
	}
	return def
}
