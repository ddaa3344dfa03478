package extract

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// maxMetadataBytes bounds an XMP metadata stream. pdfcpu's validation
// decodes every /Metadata stream whole, at up to 512 MiB, and parses it as
// XML: a metadata bomb held 2 GB and took half a minute. Real XMP packets
// are kilobytes, a few megabytes with an embedded thumbnail.
const maxMetadataBytes = 8 << 20

// emptyOverlongMetadata empties, before validation, every metadata stream
// that decodes to more than maxMetadataBytes, so that pdfcpu never inflates
// it. It returns a note for each.
func emptyOverlongMetadata(x *model.XRefTable) (notes []string) {
	for nr, e := range x.Table {
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		sd, ok := e.Object.(types.StreamDict)
		if !ok || len(sd.FilterPipeline) == 0 {
			continue
		}
		if t := sd.Dict.Type(); t == nil || *t != "Metadata" {
			continue
		}
		if decodedAtMost(sd, maxMetadataBytes) {
			continue
		}
		sd.Raw, sd.Content = []byte{}, nil
		sd.FilterPipeline = nil
		sd.Delete("Filter")
		sd.Delete("DecodeParms")
		zero := int64(0)
		sd.StreamLength = &zero
		sd.Dict["Length"] = types.Integer(0)
		x.Table[nr].Object = sd
		if len(notes) < 5 {
			notes = append(notes, fmt.Sprintf("decoded-size cap: metadata stream (object %d) decodes to more than %d MiB; not read", nr, maxMetadataBytes>>20))
		}
	}
	return notes
}

// decodedAtMost reports whether sd decodes to at most limit bytes, or
// cannot be decoded at all (then pdfcpu fails on it quickly). A FlateDecode
// stream is inflated and counted, never held.
func decodedAtMost(sd types.StreamDict, limit int64) bool {
	if len(sd.FilterPipeline) == 1 && sd.FilterPipeline[0].Name == "FlateDecode" && sd.FilterPipeline[0].DecodeParms == nil {
		r, err := zlib.NewReader(bytes.NewReader(sd.Raw))
		if err != nil {
			return true
		}
		n, _ := io.CopyN(io.Discard, r, limit+1)
		return n <= limit
	}
	probe := sd
	probe.Content = nil
	return !errors.Is(probe.DecodeWithLimit(limit), filter.ErrDecodeLimitExceeded)
}

// defuseXRefBombs finds, before pdfcpu reads the file, every
// cross-reference stream (/Type /XRef) whose FlateDecode data inflates past
// maxHeldBytes, and spoils its zlib header in place (same length, offsets
// kept) so that pdfcpu cannot inflate it: pdfcpu decodes a
// cross-reference stream whole, up to 512 MiB, before any limit of ours
// applies (one such bomb held 2.2 GB for 25 s). Without it pdfcpu finds the
// objects by scanning the file, as poppler does. The data is counted as it
// is inflated, never held; data is copied only when one is found.
func defuseXRefBombs(data []byte) ([]byte, []string) {
	out := data
	var notes []string
	key := []byte("/XRef")
	for i := 0; ; {
		j := bytes.Index(data[i:], key)
		if j < 0 {
			break
		}
		at := i + j
		i = at + len(key)
		if i < len(data) && isRegular(data[i]) {
			continue // a longer name
		}
		k := bytes.Index(data[i:min(len(data), i+4096)], []byte("stream"))
		if k < 0 {
			continue
		}
		start := i + k + len("stream")
		if start < len(data) && data[start] == '\r' {
			start++
		}
		if start < len(data) && data[start] == '\n' {
			start++
		}
		r, err := zlib.NewReader(bytes.NewReader(data[start:]))
		if err != nil {
			continue
		}
		n, _ := io.CopyN(io.Discard, r, maxHeldBytes+1)
		if n <= maxHeldBytes {
			continue
		}
		if len(notes) == 0 {
			out = bytes.Clone(data)
		}
		// pdfcpu takes the object at startxref for the cross-reference
		// stream whatever its /Type: spoil the zlib header instead, so that
		// decoding fails at once and pdfcpu rebuilds the table.
		out[start], out[start+1] = 0, 0
		notes = append(notes, fmt.Sprintf("decoded-size cap: cross-reference stream (byte %d) decodes to more than %d MiB; not read, the objects were found by scanning the file",
			at, maxHeldBytes>>20))
	}
	return out, notes
}
