package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ledongthuc/pdf"
)

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = 60 * time.Second
	}
	if o.MaxPages <= 0 {
		o.MaxPages = 2000
	}
	if o.MaxOps <= 0 {
		o.MaxOps = 2_000_000
	}
	if o.MaxGlyphs <= 0 {
		o.MaxGlyphs = 200_000
	}
	if o.MaxXObjDepth <= 0 {
		o.MaxXObjDepth = 8
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 256 << 20
	}
	if o.MaxStreamBytes <= 0 {
		o.MaxStreamBytes = 64 << 20
	}
	if o.MaxDecoded <= 0 {
		o.MaxDecoded = 256 << 20
	}
	return o
}

func fileImpl(ctx context.Context, path string, opt Options) *Document {
	opt = opt.withDefaults()
	name := filepath.Base(path)
	st, err := os.Stat(path)
	if err == nil && st.Size() > opt.MaxBytes {
		err = fmt.Errorf("file too large (%d bytes, limit %d)", st.Size(), opt.MaxBytes)
	}
	if err != nil {
		return &Document{File: name, Outcome: OutcomeError, Err: &Error{File: name, Op: "read", Err: err}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return &Document{File: name, Outcome: OutcomeError, Err: &Error{File: name, Op: "read", Err: err}}
	}
	return bytesImpl(ctx, name, data, opt)
}

func bytesImpl(ctx context.Context, name string, data []byte, opt Options) (doc *Document) {
	opt = opt.withDefaults()
	sum := sha256.Sum256(data)
	doc = &Document{File: name, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
	defer func() {
		if r := recover(); r != nil {
			doc.Outcome, doc.Err = OutcomeError, &Error{File: name, Op: "extract", Err: panicError(r)}
		}
	}()
	// One bound for the whole file: the gate, the pages and the tables.
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	cut := truncation(data)
	g, err := gate(ctx, data, &opt)
	if err != nil {
		if cut != "" && sniff(data) == nil {
			// One wording wherever the file was cut: what the parser
			// tripped on depends on where the cut fell.
			err = fmt.Errorf("%s; its structure cannot be read (%v)", cut, err)
		}
		doc.Outcome, doc.Err = OutcomeError, &Error{File: name, Err: err}
		return doc
	}
	doc.Meta = g.meta
	doc.Warnings = append(g.warnings, g.caps...)
	doc.Incomplete = g.caps
	images := readPages(ctx, g, doc, &opt)
	if err := ctx.Err(); err != nil && len(doc.Pages) < doc.Meta.Pages {
		if len(doc.Pages) == 0 || !errors.Is(err, context.DeadlineExceeded) {
			doc.Outcome = OutcomeError
			doc.Err = &Error{File: name, Page: len(doc.Pages) + 1, Op: "extract", Err: fmt.Errorf("gave up after %s: %w", opt.Timeout, err)}
			return doc
		}
		// Like the page cap: what was read is kept, and said to be a part.
		note := fmt.Sprintf("time bound: only the first %d of %d pages read within %s", len(doc.Pages), doc.Meta.Pages, opt.Timeout)
		doc.Incomplete = append(doc.Incomplete, note)
		doc.Warnings = append(doc.Warnings, note)
	}
	if cut != "" {
		doc.Incomplete = append(doc.Incomplete, cut+"; its pages were read as far as they go")
		doc.Warnings = append(doc.Warnings, cut)
	}
	finish(doc, images)
	if cut != "" && doc.Outcome == OutcomeNoText {
		// The text is lost with the end of the file, not missing from it.
		doc.Outcome = OutcomeError
		doc.Err = &Error{File: name, Err: fmt.Errorf("%s; no text could be read from what is left", cut)}
	}
	if !opt.KeepGlyphs {
		dropGlyphs(doc)
	}
	return doc
}

// readPages interprets every page up to the page cap, one recover per page.
func readPages(ctx context.Context, g *gated, doc *Document, opt *Options) int {
	rd := newReading(ctx, opt)
	pages := pageList(g.reader, opt.MaxPages)
	if doc.Meta.Pages < len(pages) {
		doc.Meta.Pages = len(pages)
	}
	if n := doc.Meta.Pages; n > opt.MaxPages {
		rd.note("page cap: only the first %d of %d pages read", opt.MaxPages, n)
		rd.capped = true
	}
	images := 0
	for i, p := range pages {
		if ctx.Err() != nil {
			break
		}
		pg, im, err := readPage(i+1, p, opt, rd)
		images += im
		if err != nil {
			var e *Error
			if errors.As(err, &e) {
				e.File = doc.File
			}
			pg.Err = err
			doc.Warnings = append(doc.Warnings, err.Error())
		}
		doc.Pages = append(doc.Pages, pg)
	}
	doc.PagesRead = len(doc.Pages)
	doc.Incomplete = append(doc.Incomplete, rd.notes...)
	doc.Warnings = append(doc.Warnings, rd.notes...)
	return images
}

// pageList returns the file's pages in order, at most max of them. The
// gate has rebuilt the page tree (no loops, each page once); depth is
// bounded all the same.
func pageList(r *pdf.Reader, max int) []pdf.Page {
	var out []pdf.Page
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array {
			if v.Kind() == pdf.Dict {
				out = append(out, pdf.Page{V: v})
			}
			return
		}
		for i := 0; i < kids.Len() && len(out) < max && depth < 64; i++ {
			walk(kids.Index(i), depth+1)
		}
	}
	walk(r.Trailer().Key("Root").Key("Pages"), 0)
	return out
}

// finish finds furniture and tables and sets the outcome.
func finish(doc *Document, images int) {
	words := 0
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			words += len(l.Words)
		}
	}
	if words == 0 {
		doc.Outcome = OutcomeNoText
		if len(doc.Pages) > 0 && allPagesFailed(doc) {
			doc.Outcome = OutcomeError
			doc.Err = doc.Pages[0].Err
		}
		return
	}
	markFurniture(doc.Pages)
	doc.Tables = findTables(doc)
	judgePlans(doc)
	doc.Outcome = OutcomeNoPlan
	// Action rows are numbered through the document's plans; rows of other
	// tables through their own table.
	seq := 0
	for i := range doc.Tables {
		t := &doc.Tables[i]
		t.Index = i
		for j := range t.Rows {
			if t.IsPlan {
				seq++
				t.Rows[j].Seq = seq
			} else {
				t.Rows[j].Seq = j + 1
			}
		}
		if t.IsPlan {
			doc.Outcome = OutcomeOK
		}
	}
	flagDocument(doc)
}

func allPagesFailed(doc *Document) bool {
	for _, p := range doc.Pages {
		if p.Err == nil {
			return false
		}
	}
	return true
}

// dropGlyphs frees the per-glyph detail once the tables are rebuilt: words
// and lines keep their text and boxes.
func dropGlyphs(doc *Document) {
	for i := range doc.Pages {
		for _, ls := range [][]Line{doc.Pages[i].Lines, doc.Pages[i].Furniture} {
			for j := range ls {
				for k := range ls[j].Words {
					ls[j].Words[k].Glyphs = nil
				}
			}
		}
	}
}
