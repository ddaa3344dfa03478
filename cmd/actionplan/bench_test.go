package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkRerunUnchanged measures the nightly case: ingest over a folder of
// 120 files already loaded and unchanged (symbolic links to the corpus PDFs,
// or generated plans while the corpus is empty). Reported per 100 files.
//
//	go test -tags sqlite_fts5 -run '^$' -bench RerunUnchanged ./cmd/actionplan
func BenchmarkRerunUnchanged(b *testing.B) {
	requireExtractor(b)
	const n = 120
	dir := b.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "corpus", "pdf", "*.pdf"))
	for i := 0; i < n; i++ {
		p := filepath.Join(in, fmt.Sprintf("f%03d.pdf", i))
		if len(corpus) > 0 {
			abs, _ := filepath.Abs(corpus[i%len(corpus)])
			if err := os.Symlink(abs, p); err != nil {
				b.Fatal(err)
			}
			continue
		}
		writeFile(b, p, samplePlan(i).pdfBytes())
	}
	db := filepath.Join(dir, "bench.db")
	if code, _, errs := run(b, "ingest", "--db", db, in); code != ExitOK && code != ExitSomeFailed {
		b.Fatalf("first ingest: %d\n%s", code, errs)
	}
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		if code, _, errs := run(b, "ingest", "--db", db, in); code != ExitOK && code != ExitSomeFailed {
			b.Fatalf("re-run: %d\n%s", code, errs)
		}
	}
	per100 := time.Since(start).Seconds() * 1000 / float64(b.N) * 100 / n
	b.ReportMetric(per100, "ms/100files")
}
