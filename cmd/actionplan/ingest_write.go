package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
	"github.com/actionplan/actionplan/store"
)

type storeSource = store.Source

// write is the one writer: it loads each result in its own transaction, in
// the order workers finish, and counts. It stops writing at the first error
// of the database itself (the run failed), draining the rest.
func (in *ingester) write(ctx context.Context, results <-chan *fileResult, p *progress) (runSummary, error) {
	var sum runSummary
	var fatal error
	for r := range results {
		if fatal != nil || ctx.Err() != nil {
			in.release(r)
			continue
		}
		status, detail, err := in.writeOne(ctx, r, &sum)
		if err == nil && r.sha != "" && r.kind != kindUnchanged {
			in.markLoaded(r.sha)
		}
		in.release(r)
		if err != nil {
			fatal = err
			continue
		}
		in.notePath(r)
		sum.Seen++
		p.file(r.path, status, detail)
	}
	return sum, fatal
}

// notePath remembers the bytes a path held, for the sources table.
func (in *ingester) notePath(r *fileResult) {
	if in.src == nil || r.sha == "" {
		return
	}
	if abs, err := filepath.Abs(r.path); err == nil {
		in.shaByPath[abs] = r.sha
	}
}

// writeOne stores one result and returns the words for the progress line.
func (in *ingester) writeOne(ctx context.Context, r *fileResult, sum *runSummary) (status, detail string, err error) {
	li := store.LoadInput{Path: r.path, Size: r.size, ModTime: r.mtime, SHA256: r.sha, Source: r.src,
		Doc: r.doc, Norm: r.norm, ExtractorVersion: extractorVersion, RunID: in.run, Force: in.opt.force}
	switch r.kind {
	case kindUnchanged:
		sum.Unchanged++
		return "unchanged", "", nil
	case kindSeen:
		if err := in.db.Seen(ctx, li); err != nil {
			return "", "", err
		}
		sum.Unchanged++
		return "unchanged", "", nil
	}
	res, err := in.db.Load(ctx, li)
	if err != nil {
		if errors.Is(err, store.ErrLocked) || store.IsCorrupt(err) || ctx.Err() != nil {
			// The database itself failed: the run stops, whatever the file.
			return "", "", in.db.Explain(err)
		}
		// The document cannot be stored (our bug): record it as failed.
		li.Doc = &extract.Document{File: r.doc.File, SHA256: r.sha, Meta: r.doc.Meta,
			Outcome: extract.OutcomeError, Err: fmt.Errorf("cannot be stored: %v", err)}
		li.Norm, li.Force = normalize.Result{}, true
		if res, err = in.db.Load(ctx, li); err != nil {
			return "", "", err
		}
	}
	if res.Status != store.StatusUnchanged {
		tallyFlags(sum, r.path, li.Norm.Flags)
	}
	return tally(sum, r.path, res, li.Doc)
}

// tallyFlags counts a loaded document's quality flags in the summary.
func tallyFlags(sum *runSummary, path string, flags []extract.Flag) {
	if len(flags) == 0 {
		return
	}
	if sum.Flags == nil {
		sum.Flags = map[string]int{}
	}
	sum.FlaggedFiles++
	for _, f := range flags {
		sum.Flags[f.Code]++
	}
	sum.FlaggedPaths = append(sum.FlaggedPaths, flaggedFile{Path: path, Flags: len(flags)})
}

// tally adds one loaded document to the summary.
func tally(sum *runSummary, path string, res store.LoadResult, doc *extract.Document) (status, detail string, err error) {
	switch res.Status {
	case store.StatusUnchanged:
		sum.Unchanged++
		return "unchanged", "", nil
	case store.StatusNew:
		sum.New++
	default:
		sum.Reloaded++
	}
	pages := doc.Meta.Pages
	if pages == 0 {
		pages = len(doc.Pages)
	}
	sum.Pages += pages
	sum.Rows += res.Rows
	switch doc.Outcome {
	case extract.OutcomeOK:
		sum.WithRows++
	case extract.OutcomeNoPlan:
		sum.NoPlan++
	case extract.OutcomeNoText:
		sum.NoText++
	default:
		sum.Failed++
		msg := store.ErrorText(filepath.Base(path), doc.Err)
		if msg == "" {
			msg = "unknown error"
		}
		sum.FailedFiles = append(sum.FailedFiles, failedFile{Path: path, Error: msg})
		return "failed", msg, nil
	}
	detail = fmt.Sprintf("%s, %d pages, %d rows", res.Status, pages, res.Rows)
	if len(doc.Incomplete) > 0 {
		// Read in part: said on its line and in the summary, not only in
		// documents.warnings.
		notRead := strings.Join(doc.Incomplete, "; ")
		sum.Partial++
		sum.PartialFiles = append(sum.PartialFiles, partialFile{Path: path, NotRead: notRead})
		if doc.PagesRead < pages {
			detail = fmt.Sprintf("%s, %d of %d pages read, %d rows", res.Status, doc.PagesRead, pages, res.Rows)
		}
		detail += "; read in part: " + notRead
	}
	return string(doc.Outcome), detail, nil
}
