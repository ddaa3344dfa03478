package extract

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract extracts every PDF of corpus/pdf and, when present,
// <shared>/realworld, and reports pages per second. corpus/bench.sh compares
// the built binary with poppler on one core.
func BenchmarkExtract(b *testing.B) {
	var files [][]byte
	for _, dir := range []string{filepath.Join("..", "corpus", "pdf"), filepath.Join(*sharedDir, "realworld")} {
		names, _ := filepath.Glob(filepath.Join(dir, "*.[pP][dD][fF]"))
		for _, n := range names {
			if data, err := os.ReadFile(n); err == nil {
				files = append(files, data)
			}
		}
	}
	if len(files) == 0 {
		b.Skip("no PDFs in ../corpus/pdf or the shared realworld folder")
	}
	b.ReportAllocs()
	b.ResetTimer()
	pages := 0
	for i := 0; i < b.N; i++ {
		for _, data := range files {
			doc := Bytes(context.Background(), "bench.pdf", data, Options{})
			pages += len(doc.Pages)
			WritePages(io.Discard, doc)
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}
