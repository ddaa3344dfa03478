package bad

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
)

// bomb returns a zlib stream (what /FlateDecode reads) that inflates to
// head followed by mib MiB of spaces, without ever holding them: one MiB is
// compressed once, after a MiB that fills the window with spaces, and its
// byte-aligned deflate blocks are repeated. A few kilobytes per gigabyte.
func bomb(head []byte, mib int) []byte { return bombOf(head, ' ', mib) }

// bombOf is bomb with fill bytes in place of spaces.
func bombOf(head []byte, fill byte, mib int) []byte {
	const chunk = 1 << 20
	spaces := bytes.Repeat([]byte{fill}, chunk)
	var d bytes.Buffer
	w, _ := flate.NewWriter(&d, flate.BestCompression)
	w.Write(head)
	w.Write(spaces) // fills the window: the next block refers to spaces only
	w.Flush()
	prefix := append([]byte(nil), d.Bytes()...)
	d.Reset()
	w.Write(spaces)
	w.Flush()
	block := append([]byte(nil), d.Bytes()...)
	d.Reset()
	w.Close()
	tail := d.Bytes()

	var out bytes.Buffer
	out.Grow(len(prefix) + (mib-1)*len(block) + len(tail) + 6)
	out.Write([]byte{0x78, 0xda})
	out.Write(prefix)
	for i := 1; i < mib; i++ {
		out.Write(block)
	}
	out.Write(tail)
	sum := adler32.Checksum(head)
	one := adler32.Checksum(spaces)
	for i := 0; i < mib; i++ {
		sum = adler32Combine(sum, one, chunk)
	}
	out.Write(binary.BigEndian.AppendUint32(nil, sum))
	return out.Bytes()
}

// adler32Combine is the Adler-32 of A followed by B (len2 bytes) from the
// checksums of A and B, as zlib's adler32_combine computes it.
func adler32Combine(a1, a2 uint32, len2 int64) uint32 {
	const base = 65521
	rem := uint32(len2 % base)
	sum1 := a1 & 0xffff
	sum2 := (rem * sum1) % base
	sum1 += (a2 & 0xffff) + base - 1
	sum2 += (a1 >> 16) + (a2 >> 16) + base - rem
	if sum1 >= base {
		sum1 -= base
	}
	if sum1 >= base {
		sum1 -= base
	}
	if sum2 >= base<<1 {
		sum2 -= base << 1
	}
	if sum2 >= base {
		sum2 -= base
	}
	return sum1 | sum2<<16
}
