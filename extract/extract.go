package extract

import (
	"context"
	"time"
)

// Version identifies the extractor's behaviour. It changes whenever a
// change to the extractor can change what it gives for the same file, so
// that a database loaded by an older extractor can be re-extracted.
const Version = "0.2.0"

// Options bounds the work one file may take. PDFs from the web are hostile
// input: every limit has a default when left zero.
type Options struct {
	Timeout      time.Duration // whole file; default 60s
	MaxPages     int           // pages interpreted; default 2000
	MaxOps       int           // content-stream operators per page; default 2,000,000
	MaxGlyphs    int           // glyphs per page; default 200,000
	MaxXObjDepth int           // nested Form XObjects; default 8
	MaxBytes     int64         // file size; default 256 MiB
	// MaxStreamBytes bounds the bytes decoded from one stream (content or
	// form); default 64 MiB. MaxDecoded bounds them over the distinct
	// streams of a document, a stream shared by pages counted once;
	// default 256 MiB. Streams are decoded as they are read, never held
	// whole: the caps bound time, and keep a bomb from running on.
	MaxStreamBytes int64
	MaxDecoded     int64
	KeepGlyphs     bool // keep per-glyph detail in Pages' words after the tables are rebuilt
}

// File extracts the PDF at path. It always returns a Document; when the file
// cannot be read, Outcome is OutcomeError and Err says why, naming the file.
func File(ctx context.Context, path string, opt Options) *Document {
	return fileImpl(ctx, path, opt)
}

// Bytes extracts a PDF held in memory; name is used in errors and as File.
func Bytes(ctx context.Context, name string, data []byte, opt Options) *Document {
	return bytesImpl(ctx, name, data, opt)
}
