package extract

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// cmap is a parsed CMap: codespace ranges, code-to-Unicode mappings (from a
// ToUnicode CMap) and code-to-CID mappings (from an embedded encoding CMap).
type cmap struct {
	space  []codespace
	uni    map[uint64]string // key: length<<32 | code
	uniRng []uniRange
	cid    map[uint64]int
	cidRng []cidRange
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

var errNotStream = errors.New("not a stream")

func key(n int, code uint32) uint64 { return uint64(n)<<32 | uint64(code) }

// parseCMap reads a CMap stream. It never panics: malformed input gives
// whatever mappings were read before it.
func parseCMap(v pdf.Value, limit int) (cm *cmap) {
	data, err := streamBytes(v, 4<<20)
	if err != nil && len(data) == 0 {
		return &cmap{uni: map[uint64]string{}, cid: map[uint64]int{}}
	}
	return parseCMapBytes(data, limit)
}

// parseCMapBytes reads CMap source text with our own tokenizer: the operators
// that matter are the end* ones closing codespace, bfchar/bfrange and
// cidchar/cidrange blocks; every other keyword clears the operands. At most
// limit tokens are read.
func parseCMapBytes(data []byte, limit int) *cmap {
	cm := &cmap{uni: map[uint64]string{}, cid: map[uint64]int{}}
	lx := psLexer{data: data}
	var stk []psTok
	var marks []int // start of open arrays in stk
	for n := 0; n < limit; n++ {
		t, ok := lx.next()
		if !ok {
			break
		}
		switch t.kind {
		case tokOpenArr:
			if len(marks) < 64 {
				marks = append(marks, len(stk))
			}
			continue
		case tokCloseArr:
			if k := len(marks); k > 0 {
				m := marks[k-1]
				marks = marks[:k-1]
				arr := psTok{kind: tokArray, arr: append([]psTok(nil), stk[m:]...)}
				stk = append(stk[:m], arr)
			}
			continue
		case tokKeyword:
			cm.keyword(t.s, stk)
			stk, marks = stk[:0], marks[:0]
			continue
		}
		if len(stk) < 1<<16 {
			stk = append(stk, t)
		}
	}
	return cm
}

func (cm *cmap) keyword(kw string, a []psTok) {
	switch kw {
	case "endcodespacerange":
		cm.readCodespace(a)
	case "endbfchar":
		cm.readBfChar(a)
	case "endbfrange":
		cm.readBfRange(a)
	case "endcidchar":
		cm.readCidChar(a)
	case "endcidrange":
		cm.readCidRange(a)
	}
}

// streamBytes reads a stream's decoded bytes, at most max of them. A panic
// inside the library's filters becomes an error.
func streamBytes(v pdf.Value, max int64) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = panicError(r)
		}
	}()
	if v.Kind() != pdf.Stream {
		return nil, errNotStream
	}
	rd := v.Reader()
	defer rd.Close()
	return io.ReadAll(io.LimitReader(rd, max))
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

func (cm *cmap) readCodespace(a []psTok) {
	for i := 0; i+1 < len(a); i += 2 {
		lo, hi := a[i].s, a[i+1].s
		if len(lo) == 0 || len(lo) != len(hi) || len(lo) > 4 {
			continue
		}
		cm.space = append(cm.space, codespace{n: len(lo), lo: []byte(lo), hi: []byte(hi)})
	}
}

func (cm *cmap) readBfChar(a []psTok) {
	for i := 0; i+1 < len(a); i += 2 {
		src := a[i].s
		if src == "" {
			continue
		}
		c, n := codeOf(src)
		cm.uni[key(n, c)] = dstText(a[i+1])
	}
}

func (cm *cmap) readBfRange(a []psTok) {
	for i := 0; i+2 < len(a); i += 3 {
		lo, n := codeOf(a[i].s)
		hi, _ := codeOf(a[i+1].s)
		if n == 0 || hi < lo || hi-lo > 65535 {
			continue
		}
		r := uniRange{n: n, lo: lo, hi: hi}
		d := a[i+2]
		if d.kind == tokArray {
			for _, x := range d.arr {
				r.list = append(r.list, dstText(x))
			}
		} else {
			r.base = utf16Units(d.s)
		}
		cm.uniRng = append(cm.uniRng, r)
	}
}

func (cm *cmap) readCidChar(a []psTok) {
	for i := 0; i+1 < len(a); i += 2 {
		c, n := codeOf(a[i].s)
		if n > 0 {
			cm.cid[key(n, c)] = int(a[i+1].num)
		}
	}
}

func (cm *cmap) readCidRange(a []psTok) {
	for i := 0; i+2 < len(a); i += 3 {
		lo, n := codeOf(a[i].s)
		hi, _ := codeOf(a[i+1].s)
		if n > 0 && hi >= lo {
			cm.cidRng = append(cm.cidRng, cidRange{n: n, lo: lo, hi: hi, cid: int(a[i+2].num)})
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
func dstText(v psTok) string {
	if v.kind == tokName {
		s, _ := glyphText(v.s)
		return s
	}
	return string(utf16.Decode(utf16Units(v.s)))
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

// A tokenizer for the PostScript subset of CMap files: numbers, strings
// (literal and hex), names, array brackets, dictionary brackets and bare
// keywords. It never panics; at the end of input next reports false.

type tokKind uint8

const (
	tokNum tokKind = iota
	tokString
	tokName
	tokKeyword
	tokOpenArr
	tokCloseArr
	tokArray
	tokOther // << >> { }
)

type psTok struct {
	kind tokKind
	s    string  // string bytes, name or keyword
	num  float64 // tokNum
	arr  []psTok // tokArray
}

// psLexer tokenizes PostScript-like text: CMaps and content streams. It
// reads from data, or, when src is set, from a window over src refilled as
// it goes, so that a content stream is tokenized as it is decoded and never
// held whole. A token longer than maxToken bytes is cut.
type psLexer struct {
	data []byte
	pos  int
	src  io.Reader // nil: data is everything
	mark int       // start of the token being read: kept when the window moves
}

const (
	lexWindow = 64 << 10
	maxToken  = 1 << 20
)

// avail reports whether a byte is at lx.pos, refilling the window.
func (lx *psLexer) avail() bool {
	if lx.pos < len(lx.data) {
		return true
	}
	return lx.fill()
}

// fill moves the window on: bytes before mark are dropped, more are read.
func (lx *psLexer) fill() bool {
	if lx.src == nil {
		return false
	}
	keep := lx.data[lx.mark:]
	if len(keep) >= maxToken { // a token this long is junk: cut it here
		keep = keep[:0]
		lx.mark = lx.pos
	}
	if lx.data == nil || cap(lx.data) < len(keep)+lexWindow/2 {
		buf := make([]byte, len(keep), max(lexWindow, 2*len(keep)))
		copy(buf, keep)
		lx.data = buf
	} else {
		n := copy(lx.data[:cap(lx.data)], keep)
		lx.data = lx.data[:n]
	}
	lx.pos -= lx.mark
	lx.mark = 0
	for {
		n, err := lx.src.Read(lx.data[len(lx.data):cap(lx.data)])
		lx.data = lx.data[:len(lx.data)+n]
		if n > 0 {
			return true
		}
		if err != nil {
			lx.src = nil
			return false
		}
	}
}

func isPSSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0
}

func isPSDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (lx *psLexer) next() (psTok, bool) {
	for lx.avail() {
		c := lx.data[lx.pos]
		if isPSSpace(c) {
			lx.pos++
			lx.mark = lx.pos
			continue
		}
		if c == '%' {
			for lx.avail() && lx.data[lx.pos] != '\n' && lx.data[lx.pos] != '\r' {
				lx.pos++
				lx.mark = lx.pos
			}
			continue
		}
		break
	}
	lx.mark = lx.pos
	if !lx.avail() {
		return psTok{}, false
	}
	c := lx.data[lx.pos]
	switch c {
	case '[':
		lx.pos++
		return psTok{kind: tokOpenArr}, true
	case ']':
		lx.pos++
		return psTok{kind: tokCloseArr}, true
	case '{', '}', ')':
		lx.pos++
		return psTok{kind: tokOther}, true
	case '<':
		lx.pos++
		if lx.avail() && lx.data[lx.pos] == '<' {
			lx.pos++
			return psTok{kind: tokOther}, true
		}
		return lx.hex(), true
	case '>':
		lx.pos++
		if lx.avail() && lx.data[lx.pos] == '>' {
			lx.pos++
		}
		return psTok{kind: tokOther}, true
	case '(':
		return lx.literal(), true
	case '/':
		lx.pos++
		return psTok{kind: tokName, s: unescapeName(lx.regular())}, true
	}
	w := lx.regular()
	if w == "" { // a stray byte
		lx.pos++
		return psTok{kind: tokOther}, true
	}
	if f, err := strconv.ParseFloat(w, 64); err == nil {
		return psTok{kind: tokNum, num: f}, true
	}
	return psTok{kind: tokKeyword, s: w}, true
}

func (lx *psLexer) regular() string {
	lx.mark = lx.pos
	for lx.avail() && !isPSSpace(lx.data[lx.pos]) && !isPSDelim(lx.data[lx.pos]) {
		lx.pos++
		if lx.pos-lx.mark >= maxToken {
			break
		}
	}
	return string(lx.data[lx.mark:lx.pos])
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (lx *psLexer) hex() psTok {
	// the '<' is read
	var out []byte
	var hi byte
	half := false
	for lx.avail() {
		c := lx.data[lx.pos]
		lx.pos++
		lx.mark = lx.pos
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if half && len(out) < maxToken {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return psTok{kind: tokString, s: string(out)}
}

func (lx *psLexer) literal() psTok {
	lx.pos++ // '('
	var out []byte
	depth := 1
	for lx.avail() {
		c := lx.data[lx.pos]
		lx.pos++
		lx.mark = lx.pos
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return psTok{kind: tokString, s: string(out)}
			}
		case '\\':
			if !lx.avail() {
				continue
			}
			e := lx.data[lx.pos]
			lx.pos++
			lx.mark = lx.pos
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && lx.avail() && lx.data[lx.pos] >= '0' && lx.data[lx.pos] <= '7'; k++ {
						v = v*8 + int(lx.data[lx.pos]-'0')
						lx.pos++
						lx.mark = lx.pos
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		if len(out) < maxToken {
			out = append(out, c)
		}
	}
	return psTok{kind: tokString, s: string(out)}
}

// unescapeName decodes #xx escapes in a name.
func unescapeName(s string) string {
	if strings.IndexByte(s, '#') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && i+2 < len(s) {
			h, ok1 := unhex(s[i+1])
			l, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				b = append(b, h<<4|l)
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}

// skipInlineImage moves past an inline image's data, which follows the ID
// operator and one whitespace byte, up to the EI operator: "EI" standing
// after whitespace and before whitespace, a delimiter or the end.
func (lx *psLexer) skipInlineImage() {
	if !lx.avail() {
		return
	}
	lx.pos++ // the whitespace after ID
	lx.mark = lx.pos
	// Look for whitespace, "EI", then whitespace, a delimiter or the end.
	var p1, p2 byte = 'x', ' ' // the two bytes before lx.pos
	state := 0
	for lx.avail() {
		c := lx.data[lx.pos]
		lx.pos++
		lx.mark = lx.pos
		if state == 1 {
			if isPSSpace(c) || isPSDelim(c) {
				lx.pos-- // leave the byte after EI to the tokenizer
				lx.mark = lx.pos
				return
			}
			state = 0
		}
		if p2 == 'E' && c == 'I' && isPSSpace(p1) {
			state = 1
		}
		p1, p2 = p2, c
	}
}
