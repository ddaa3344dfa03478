package normalize

import "strings"

// lineIndex finds the lines of an embedded text by their first field (up
// to a tab or the line's end): an open-addressing hash table of line
// offsets, built in one pass over the text. Nothing is allocated per line
// and nothing is copied: a lookup returns a slice of the text. It is how
// the word list and the frozen registry's keys (65,000 of them) are ready
// in a few milliseconds at start-up, where a Go map of the same keys took
// a tenth of a second to fill. Lines that start with "#" and blank lines
// are skipped; of two lines with one key, the first wins.
type lineIndex struct {
	text  string
	slots []uint32 // offset of a line + 1; 0 is an empty slot
	mask  uint32
}

func newLineIndex(text string) *lineIndex {
	n := strings.Count(text, "\n") + 1
	size := 1
	for size < 2*n {
		size <<= 1
	}
	x := &lineIndex{text: text, slots: make([]uint32, size), mask: uint32(size - 1)}
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text) - off
		}
		line := text[off : off+end]
		if line != "" && line[0] != '#' {
			key, _, _ := strings.Cut(line, "\t")
			x.insert(key, uint32(off+1))
		}
		off += end + 1
	}
	return x
}

// hashKey is FNV-1a: the same in every process, so that nothing about the
// table depends on a random seed.
func hashKey(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func (x *lineIndex) insert(key string, pos uint32) {
	for i := hashKey(key) & x.mask; ; i = (i + 1) & x.mask {
		p := x.slots[i]
		if p == 0 {
			x.slots[i] = pos
			return
		}
		if x.keyAt(p) == key {
			return
		}
	}
}

// keyAt is the first field of the line at pos.
func (x *lineIndex) keyAt(pos uint32) string {
	line := x.text[pos-1:]
	for i := 0; i < len(line); i++ {
		if line[i] == '\t' || line[i] == '\n' {
			return line[:i]
		}
	}
	return line
}

// find returns the rest of key's line after its first tab ("" when the
// line is the key alone).
func (x *lineIndex) find(key string) (string, bool) {
	if x == nil || key == "" || strings.ContainsAny(key, "\t\n") {
		return "", false
	}
	for i := hashKey(key) & x.mask; ; i = (i + 1) & x.mask {
		p := x.slots[i]
		if p == 0 {
			return "", false
		}
		line := x.text[p-1:]
		if len(line) < len(key) || line[:len(key)] != key {
			continue
		}
		rest := line[len(key):]
		switch {
		case rest == "" || rest[0] == '\n':
			return "", true
		case rest[0] == '\t':
			rest = rest[1:]
			if e := strings.IndexByte(rest, '\n'); e >= 0 {
				rest = rest[:e]
			}
			return rest, true
		}
	}
}

// has reports whether key is the first field of a line.
func (x *lineIndex) has(key string) bool {
	_, ok := x.find(key)
	return ok
}
