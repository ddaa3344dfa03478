package normalize

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// Benchmarks of each stage of normalize over the corpus PDFs, extracted
// once (make bench runs them with -benchmem):
//
//	go test -tags sqlite_fts5 -run '^$' -bench . -benchmem ./normalize

var benchDocs = sync.OnceValue(func() []*extract.Document {
	names, _ := filepath.Glob(filepath.Join("..", "corpus", "pdf", "*.pdf"))
	var docs []*extract.Document
	for _, n := range names {
		if d := extract.File(context.Background(), n, extract.Options{}); d.Outcome != extract.OutcomeError {
			docs = append(docs, d)
		}
	}
	return docs
})

func corpusDocs(b *testing.B) []*extract.Document {
	docs := benchDocs()
	if len(docs) == 0 {
		b.Skip("no readable PDFs in ../corpus/pdf")
	}
	return docs
}

func corpusCells(b *testing.B) []string {
	var out []string
	for _, d := range corpusDocs(b) {
		for _, t := range d.Tables {
			for _, r := range t.Rows {
				out = append(out, r.Cells...)
			}
		}
	}
	return out
}

// BenchmarkLoadRegistry: the shipped registry thawed from
// data/registry.frozen (paid once per process, at the first document),
// with the index of its keys built once (BenchmarkFrozenKeys).
func BenchmarkLoadRegistry(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadRegistry(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFrozenKeys: the index of the frozen registry's 65,000 keys.
func BenchmarkFrozenKeys(b *testing.B) {
	_, keys, _ := strings.Cut(frozenData, "\n@keys ")
	b.ReportAllocs()
	for b.Loop() {
		newLineIndex(keys)
	}
}

// BenchmarkBuildRegistry: the shipped registry built by its rules from
// data/*.tsv, as every start-up did before it was frozen.
func BenchmarkBuildRegistry(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := buildRegistry(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocument: the whole of normalize, per corpus document.
func BenchmarkDocument(b *testing.B) {
	docs := corpusDocs(b)
	n, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			n.Document(d)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/doc")
}

// BenchmarkReview: review identity (type, reference, area, pseudonym, date).
func BenchmarkReview(b *testing.B) {
	docs := corpusDocs(b)
	n, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			n.Review(d)
		}
	}
}

// BenchmarkFindIn: bodies named in running text, every corpus cell.
func BenchmarkFindIn(b *testing.B) {
	cells, reg := corpusCells(b), registry(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, c := range cells {
			reg.FindIn(c, Context{Area: "Knowsley"})
		}
	}
}

// BenchmarkAgencies: every corpus cell read as a lead-agency cell.
func BenchmarkAgencies(b *testing.B) {
	cells, reg := corpusCells(b), registry(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, c := range cells {
			reg.Agencies(c, Context{Area: "Sefton"})
		}
	}
}

// BenchmarkNameKey: the key of every corpus cell.
func BenchmarkNameKey(b *testing.B) {
	cells := corpusCells(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, c := range cells {
			nameKey(c)
		}
	}
}

// BenchmarkClean, BenchmarkDates, BenchmarkStatus: every corpus cell.
func BenchmarkClean(b *testing.B)  { benchCells(b, func(s string) { Clean(s) }) }
func BenchmarkDates(b *testing.B)  { benchCells(b, func(s string) { FindDates(s); ParseDate(s) }) }
func BenchmarkStatus(b *testing.B) { benchCells(b, func(s string) { ParseStatus(s) }) }

func benchCells(b *testing.B, fn func(string)) {
	cells := corpusCells(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, c := range cells {
			fn(c)
		}
	}
}
