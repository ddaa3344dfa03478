package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

// BenchmarkLoad loads every readable corpus PDF, extracted and normalized
// once beforehand, into a new database: the store's whole part of an
// ingest (make bench runs it with -benchmem):
//
//	go test -tags sqlite_fts5 -run '^$' -bench Load -benchmem ./store
func BenchmarkLoad(b *testing.B) {
	names, _ := filepath.Glob(filepath.Join("..", "corpus", "pdf", "*.pdf"))
	norm, err := normalize.New(normalize.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var ins []LoadInput
	rows := 0
	for _, n := range names {
		doc := extract.File(context.Background(), n, extract.Options{})
		if doc.Outcome == extract.OutcomeError {
			continue
		}
		res := norm.Document(doc)
		rows += len(res.Records)
		ins = append(ins, LoadInput{Path: n, Size: doc.Size, ModTime: time.Unix(0, 0), SHA256: doc.SHA256, Doc: doc, Norm: res})
	}
	if len(ins) == 0 {
		b.Skip("no readable PDFs in ../corpus/pdf")
	}
	ctx := context.Background()
	dir := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		path := filepath.Join(dir, "bench.db")
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		db, err := Open(ctx, path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, in := range ins {
			if _, err := db.Load(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(rows*i)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkSyncRegistry writes the shipped registry into a new database,
// as the first run of ingest does.
func BenchmarkSyncRegistry(b *testing.B) {
	norm, err := normalize.New(normalize.Options{})
	if err != nil {
		b.Fatal(err)
	}
	reg := norm.Registry()
	rows, areas := reg.Rows(), reg.Areas()
	ctx := context.Background()
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(dir, "bench.db")
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		db, err := Open(ctx, path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := db.SyncRegistry(ctx, rows, areas); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}
