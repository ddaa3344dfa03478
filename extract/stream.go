package extract

import (
	"context"
	"fmt"
	"io"

	"github.com/ledongthuc/pdf"
)

// reading is what one document's pages share while they are read: the
// font cache, the bounds on decoded stream bytes, and notes on what could
// not be read.
type reading struct {
	ctx        context.Context
	opt        *Options
	fonts      docFonts
	decoded    int64           // bytes decoded from distinct streams
	counted    map[string]bool // streams already counted (pages may share one)
	over       map[string]bool // streams that ran past their cap
	notes      []string        // what was not read, and why, each once
	noted      map[string]bool
	capped     bool  // a cap on decoded bytes was hit
	totalNoted bool  // the document's cap was noted
	lost       bool  // a stream could not be decoded
	failed     error // the last stream that could not be decoded, with why
}

func newReading(ctx context.Context, opt *Options) *reading {
	return &reading{ctx: ctx, opt: opt, fonts: docFonts{}, counted: map[string]bool{}, over: map[string]bool{}, noted: map[string]bool{}}
}

// note records, once, something of the document that was not read.
func (r *reading) note(format string, a ...any) {
	s := fmt.Sprintf(format, a...)
	if !r.noted[s] && len(r.notes) < 20 {
		r.noted[s] = true
		r.notes = append(r.notes, s)
	}
}

// open returns the decoded bytes of stream v as a reader that stops at the
// caps: MaxStreamBytes from this stream, and MaxDecoded over the distinct
// streams of the document (a stream that several pages share is counted
// once, unless it ran past its cap: a bomb that pages share is not
// inflated again for free). what names the stream in notes ("page 3
// content"). Bytes are
// decoded as they are read, never held whole. A stream that cannot be
// decoded reads as far as it could be decoded, and is noted.
func (r *reading) open(v pdf.Value, what string) (rd io.Reader) {
	key := v.String()
	limit := r.opt.MaxStreamBytes
	first := !r.counted[key] || r.over[key]
	if first {
		r.counted[key] = true
		if left := r.opt.MaxDecoded - r.decoded; left < limit {
			limit = max(left, 0)
		}
	}
	defer func() {
		if p := recover(); p != nil {
			r.lost = true
			r.failed = fmt.Errorf("%s cannot be decoded (%v)", what, p)
			r.note("%v", r.failed)
			rd = eofReader{}
		}
	}()
	return &boundedReader{r: r, src: v.Reader(), left: limit, count: first, what: what, key: key}
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// boundedReader reads a decoded stream up to its limit, counting the bytes
// against the document, checking the deadline now and then, and turning a
// decoding error or a panic in the library's filters into an end of stream
// with a note.
type boundedReader struct {
	r     *reading
	src   io.Reader
	left  int64
	count bool // counts against the document's total
	what  string
	key   string
	read  int64
	done  bool
}

func (b *boundedReader) Read(p []byte) (n int, err error) {
	if b.done {
		return 0, io.EOF
	}
	if b.left <= 0 {
		return b.atLimit()
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	defer func() {
		if x := recover(); x != nil {
			n, err = 0, io.EOF
			b.fail(fmt.Errorf("%v", x))
		}
	}()
	if b.r.ctx.Err() != nil {
		b.done = true
		return 0, io.EOF
	}
	n, err = b.src.Read(p)
	b.left -= int64(n)
	b.read += int64(n)
	if b.count {
		b.r.decoded += int64(n)
	}
	if err != nil && err != io.EOF {
		b.fail(err)
		return n, io.EOF
	}
	return n, err
}

// atLimit ends the stream at its cap, noting the cap only when the stream
// had more to give.
func (b *boundedReader) atLimit() (int, error) {
	b.done = true
	var one [1]byte
	func() {
		defer func() { recover() }()
		if n, _ := b.src.Read(one[:]); n == 0 {
			return
		}
		b.r.capped = true
		again := b.r.over[b.key] // a stream already noted, read again by another page
		b.r.over[b.key] = true
		switch {
		case b.read >= b.r.opt.MaxStreamBytes:
			if !again {
				b.r.note("decoded-size cap: %s decodes to more than %d MiB; the rest is not read", b.what, b.r.opt.MaxStreamBytes>>20)
			}
		case !b.r.totalNoted:
			b.r.totalNoted = true
			b.r.note("decoded-size cap: the document's streams decode to more than %d MiB; the rest of %s and later streams are not read",
				b.r.opt.MaxDecoded>>20, b.what)
		}
	}()
	return 0, io.EOF
}

func (b *boundedReader) fail(err error) {
	b.done = true
	b.r.lost = true
	if b.read > 0 {
		b.r.failed = fmt.Errorf("%s cannot be decoded past byte %d (%w)", b.what, b.read, err)
	} else {
		b.r.failed = fmt.Errorf("%s cannot be decoded (%w)", b.what, err)
	}
	b.r.note("%v", b.r.failed)
}

// contentReader reads a content stream, or the streams of an array one
// after another with a newline between them, each opened when reached.
func (r *reading) contentReader(v pdf.Value, what string) io.Reader {
	if v.Kind() == pdf.Stream {
		return r.open(v, what)
	}
	return &streamsReader{r: r, arr: v, what: what}
}

type streamsReader struct {
	r    *reading
	arr  pdf.Value
	what string
	i    int
	cur  io.Reader
}

func (s *streamsReader) Read(p []byte) (int, error) {
	for {
		if s.cur == nil {
			if s.i >= s.arr.Len() || s.i >= 10000 {
				return 0, io.EOF
			}
			v := s.arr.Index(s.i)
			s.i++
			if v.Kind() != pdf.Stream {
				continue
			}
			s.cur = s.r.open(v, fmt.Sprintf("%s (stream %d of %d)", s.what, s.i, s.arr.Len()))
		}
		n, err := s.cur.Read(p)
		if err == io.EOF {
			s.cur = nil
			if n == 0 && len(p) > 0 {
				p[0] = '\n'
				return 1, nil
			}
		}
		if n > 0 {
			return n, nil
		}
	}
}
