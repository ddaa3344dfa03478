package extract

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// Benchmarks of each stage of extraction over corpus/pdf, with
// allocations (make bench runs them with -benchmem):
//
//	go test -tags sqlite_fts5 -run '^$' -bench 'Gate|Interpret|Layout|Tables' -benchmem ./extract
//
// Gate is pdfcpu's pass over the file structure; Interpret runs the
// content streams of every page into glyphs and builds their lines
// (readPages); Layout is the line building alone; Tables is the table
// finding and row rebuilding over pages already read (findTables).

func benchFiles(b *testing.B) [][]byte {
	names, _ := filepath.Glob(filepath.Join("..", "corpus", "pdf", "*.pdf"))
	var files [][]byte
	for _, n := range names {
		if data, err := os.ReadFile(n); err == nil {
			files = append(files, data)
		}
	}
	if len(files) == 0 {
		b.Skip("no PDFs in ../corpus/pdf")
	}
	return files
}

func BenchmarkGate(b *testing.B) {
	files := benchFiles(b)
	opt := Options{}.withDefaults()
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range files {
			gate(context.Background(), data, &opt)
		}
	}
}

func BenchmarkInterpret(b *testing.B) {
	opt := Options{}.withDefaults()
	var gs []*gated
	for _, data := range benchFiles(b) {
		if g, err := gate(context.Background(), data, &opt); err == nil {
			gs = append(gs, g)
		}
	}
	b.ReportAllocs()
	pages := 0
	for b.Loop() {
		for _, g := range gs {
			doc := &Document{Meta: g.meta}
			readPages(context.Background(), g, doc, &opt)
			pages += len(doc.Pages)
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkLayout builds the lines of every page from its glyphs (those
// its words hold, as read with KeepGlyphs), copied first each time, since
// buildLines may reorder them.
func BenchmarkLayout(b *testing.B) {
	var pages [][]Glyph
	n := 0
	for _, data := range benchFiles(b) {
		doc := Bytes(context.Background(), "bench.pdf", data, Options{KeepGlyphs: true})
		for _, p := range doc.Pages {
			var gs []Glyph
			for _, ls := range [][]Line{p.Lines, p.Furniture} {
				for _, l := range ls {
					for _, w := range l.Words {
						gs = append(gs, w.Glyphs...)
					}
				}
			}
			pages = append(pages, gs)
			n = max(n, len(gs))
		}
	}
	buf := make([]Glyph, n)
	b.ReportAllocs()
	for b.Loop() {
		for _, gs := range pages {
			buildLines(buf[:copy(buf, gs)])
		}
	}
}

func BenchmarkTables(b *testing.B) {
	var docs []*Document
	for _, data := range benchFiles(b) {
		if doc := Bytes(context.Background(), "bench.pdf", data, Options{}); len(doc.Tables) > 0 {
			docs = append(docs, doc)
		}
	}
	// findTables only reads the pages: the same tables twice.
	if len(docs) == 0 || !reflect.DeepEqual(findTables(docs[0]), findTables(docs[0])) {
		b.Fatal("no tables, or findTables changed its document")
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			findTables(doc)
		}
	}
}
