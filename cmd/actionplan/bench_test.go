package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/actionplan/actionplan/extract"
)

// BenchmarkRerunUnchanged measures the nightly case: ingest over a folder of
// 120 files already loaded and unchanged (symbolic links to the corpus PDFs,
// or generated plans while the corpus is empty; files that fail are left
// out). Reported per 100 files.
//
//	go test -tags sqlite_fts5 -run '^$' -bench RerunUnchanged ./cmd/actionplan
func BenchmarkRerunUnchanged(b *testing.B) {
	requireExtractor(b)
	const n = 120
	dir := b.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	// Files that fail are extracted again on every run by design: leave
	// them out, to measure the unchanged path alone.
	var corpus []string
	all, _ := filepath.Glob(filepath.Join("..", "..", "corpus", "pdf", "*.pdf"))
	for _, p := range all {
		if extract.File(context.Background(), p, extract.Options{}).Outcome != extract.OutcomeError {
			corpus = append(corpus, p)
		}
	}
	for i := 0; i < n; i++ {
		p := filepath.Join(in, fmt.Sprintf("f%03d.pdf", i))
		if len(corpus) > 0 {
			abs, _ := filepath.Abs(corpus[i%len(corpus)])
			if err := os.Symlink(abs, p); err != nil {
				b.Fatal(err)
			}
			continue
		}
		writeTestFile(b, p, samplePlan(i).pdfBytes())
	}
	db := filepath.Join(dir, "bench.db")
	if code, _, errs := runCLI(b, "ingest", "--db", db, in); code != ExitOK && code != ExitSomeFailed {
		b.Fatalf("first ingest: %d\n%s", code, errs)
	}
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		if code, _, errs := runCLI(b, "ingest", "--db", db, in); code != ExitOK && code != ExitSomeFailed {
			b.Fatalf("re-run: %d\n%s", code, errs)
		}
	}
	per100 := time.Since(start).Seconds() * 1000 / float64(b.N) * 100 / n
	b.ReportMetric(per100, "ms/100files")
}
