package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

// process decides what one file needs, cheapest test first: the size and
// mtime remembered for its path, then its sha256, and only then extraction.
// It returns nil when ctx is cancelled.
func (in *ingester) process(ctx context.Context, path string) *fileResult {
	if ctx.Err() != nil {
		return nil
	}
	r := &fileResult{path: path, kind: kindLoad}
	info, err := os.Stat(path)
	if err != nil {
		r.doc = unreadable(path, err)
		return r
	}
	r.size, r.mtime = info.Size(), info.ModTime()
	if in.unchanged(ctx, r) {
		return r
	}
	if r.sha, err = hashFile(path); err != nil {
		r.doc = unreadable(path, err)
		return r
	}
	r.src = in.source(path, r.sha)
	if !in.acquire(ctx, r.sha) {
		return nil
	}
	r.acquired = true
	if in.alreadyLoaded(ctx, r.sha) {
		r.kind = kindSeen
		return r
	}
	r.doc, r.norm = in.extract(ctx, path, r.sha)
	if ctx.Err() != nil {
		in.release(r)
		return nil
	}
	return r
}

// unchanged is the fast path: a path whose size and mtime are as stored, and
// whose document is current, costs one query. It sets r.kind.
func (in *ingester) unchanged(ctx context.Context, r *fileResult) bool {
	if in.opt.force {
		return false
	}
	known, ok, err := in.db.File(ctx, r.path)
	if err != nil || !ok || !known.Unchanged(r.size, r.mtime) || !known.Doc.Current(extractorVersion) {
		return false
	}
	r.kind, r.sha = kindUnchanged, known.SHA256
	if src := in.source(r.path, known.SHA256); src != nil && src.URL != known.URL {
		r.kind, r.src = kindSeen, src // record the new provenance
	}
	return true
}

// alreadyLoaded reports whether these bytes need no extraction: loaded by
// this run (another path with the same bytes), or loaded before by a current
// extractor without error (unless --force).
func (in *ingester) alreadyLoaded(ctx context.Context, sha string) bool {
	in.mu.Lock()
	done := in.loaded[sha]
	in.mu.Unlock()
	if done {
		return true
	}
	if in.opt.force {
		return false
	}
	d, ok, err := in.db.Document(ctx, sha)
	return err == nil && ok && d.Current(extractorVersion)
}

// extract reads the file and normalizes what it found. A panic, our own bug,
// is recorded as the file's error so that the run goes on.
func (in *ingester) extract(ctx context.Context, path, sha string) (doc *extract.Document, res normalize.Result) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(os.Stderr, "actionplan ingest: %s: panic: %v\n%s", logName(path), p, debug.Stack())
			doc = &extract.Document{File: filepath.Base(path), SHA256: sha, Outcome: extract.OutcomeError,
				Err: fmt.Errorf("internal error (a bug in actionplan): %v", p)}
			res = normalize.Result{}
		}
	}()
	in.extracted.Add(1)
	// The normalizer (the registry, and its copy in the database) is built
	// while this file is extracted, not after it: every worker would wait
	// for it at its first document.
	in.warm.Do(func() { go in.norm() })
	doc = extract.File(ctx, path, extract.Options{})
	doc.SHA256 = sha
	if doc.Outcome == extract.OutcomeError {
		return doc, res
	}
	norm, err := in.norm()
	if err != nil {
		doc.Outcome, doc.Err = extract.OutcomeError, fmt.Errorf("normalizer: %w", err)
		return doc, res
	}
	return doc, norm.Document(doc)
}

// acquire marks sha as being worked on, first waiting for any other worker
// holding it, so that copies of one file are extracted once. It reports
// false when ctx is cancelled while waiting.
func (in *ingester) acquire(ctx context.Context, sha string) bool {
	for {
		in.mu.Lock()
		ch, busy := in.inflight[sha]
		if !busy {
			in.inflight[sha] = make(chan struct{})
			in.mu.Unlock()
			return true
		}
		in.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return false
		}
	}
}

// release ends the work on r's sha256; written says it is now loaded.
func (in *ingester) release(r *fileResult) {
	if !r.acquired {
		return
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if ch, ok := in.inflight[r.sha]; ok {
		close(ch)
		delete(in.inflight, r.sha)
	}
	r.acquired = false
}

func (in *ingester) markLoaded(sha string) {
	in.mu.Lock()
	in.loaded[sha] = true
	in.mu.Unlock()
}

func (in *ingester) source(path, sha string) *storeSource {
	src, ok := in.src.lookup(path, sha)
	if !ok {
		return nil
	}
	return &src
}

// unreadable is the document of a file that could not even be opened.
func unreadable(path string, err error) *extract.Document {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = fmt.Errorf("cannot read the file: %w", pe.Err)
	}
	return &extract.Document{File: filepath.Base(path), Outcome: extract.OutcomeError, Err: err}
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
