package extract

import "testing"

func TestParseCMapBytes(t *testing.T) {
	src := `%!PS-Adobe-3.0 Resource-CMap
/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Test def
2 begincodespacerange <00> <80> <8140> <FFFF> endcodespacerange
3 beginbfrange
<20> <22> <0041>
<23> <24> [<0066006C> /Euro]
<8140> <8141> <D83DDE00>
endbfrange
1 beginbfchar <41> (\000z) endbfchar
1 begincidrange <8140> <81FF> 633 endcidrange
1 begincidchar <30> 17 endcidchar
endcmap CMapName currentdict /CMap defineresource pop end end`
	cm := parseCMapBytes([]byte(src), 10000)
	for _, c := range []struct {
		n    int
		code uint32
		want string
	}{
		{1, 0x20, "A"}, {1, 0x22, "C"}, {1, 0x23, "fl"}, {1, 0x24, "€"},
		{2, 0x8141, "😁"}, {1, 0x41, "z"},
	} {
		if got, ok := cm.lookup(c.n, c.code); !ok || got != c.want {
			t.Errorf("lookup(%d, %#x) = %q %v, want %q", c.n, c.code, got, ok, c.want)
		}
	}
	if n := cm.codeLen("\x81\x40", 1); n != 2 {
		t.Errorf("codeLen of a two-byte code = %d", n)
	}
	if n := cm.codeLen("\x41\x81", 2); n != 1 {
		t.Errorf("codeLen of a one-byte code = %d", n)
	}
	if cid, ok := cm.cidOf(2, 0x8142); !ok || cid != 635 {
		t.Errorf("cidOf(0x8142) = %d %v, want 635", cid, ok)
	}
	if cid, ok := cm.cidOf(1, 0x30); !ok || cid != 17 {
		t.Errorf("cidOf(0x30) = %d %v, want 17", cid, ok)
	}
	// Truncated input keeps what was read.
	cm = parseCMapBytes([]byte(src[:len(src)/2]), 10000)
	if _, ok := cm.lookup(1, 0x20); ok {
		t.Log("partial bfrange read") // the block was not closed: nothing is required
	}
}
