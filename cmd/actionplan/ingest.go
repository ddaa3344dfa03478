package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
	"github.com/actionplan/actionplan/store"
)

const ingestUsage = `usage: actionplan ingest [--db FILE] [--workers N] [--json] [--force] [--sources FILE.csv] [--aliases FILE] PATH...

Extract the action plans of PDF files and load them into a SQLite database.
Folders are walked recursively for *.pdf in any case.

  --db FILE           the database (default actionplans.db); created when missing
  --workers N         files extracted at once (default: the number of CPUs)
  --json              print the summary on stdout as one JSON object
  --force             extract again files whose bytes are already loaded
  --sources FILE.csv  provenance: a CSV with a header naming path and url, and
                      optionally fetched_at, etag, last_modified, sha256,
                      referrer, link_text and gone_at, as 'fetch' writes it;
                      each URL of a loaded file goes into the sources table
  --aliases FILE      extra agency names, in the format of the shipped registry
                      (see README, "Agencies"); repeatable. Files already loaded
                      keep their agencies until re-extracted with --force

A file whose size and modification time are unchanged since the last run,
or whose bytes are already loaded, is skipped without extraction, unless it
failed before (failed files are tried again on every run) or was loaded by an
older extractor. Each file is loaded in one transaction, whole or not at all.
Progress goes to stderr: a bar on a terminal, otherwise one line per file.
A second ingest into the same database waits for the first one's writes.

Exit status: 0 every file was read (files without a plan or without text are
not failures), 1 the run failed (the database cannot be opened, ...), 2 bad
usage, 3 the run finished but some files could not be read.
`

func init() {
	register(command{name: "ingest", summary: "extract PDFs and load their action plans into the database", run: runIngest})
}

// extractorVersion is what documents are stamped with; a document loaded by
// an older extractor is extracted again.
var extractorVersion = extract.Version

// ingestOptions are the parsed flags of ingest.
type ingestOptions struct {
	db      string
	workers int
	json    bool
	force   bool
	sources string
	aliases fileList
	paths   []string
}

func runIngest(ctx context.Context, args []string, s IO) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	var o ingestOptions
	fs.StringVar(&o.db, "db", defaultDB, "database file")
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "files extracted at once")
	fs.BoolVar(&o.json, "json", false, "summary as JSON on stdout")
	fs.BoolVar(&o.force, "force", false, "extract again files already loaded")
	fs.StringVar(&o.sources, "sources", "", "CSV of path,url,... for provenance")
	fs.Var(&o.aliases, "aliases", "agency alias file (repeatable)")
	if code, ok := parseFlags(fs, ingestUsage, args, s); !ok {
		return code
	}
	o.paths = fs.Args()
	if len(o.paths) == 0 {
		return usageError(s, "ingest", ingestUsage, "no PDF files or folders given")
	}
	if o.workers < 1 {
		return usageError(s, "ingest", ingestUsage, "--workers must be at least 1")
	}
	return ingest(ctx, o, s)
}

func ingest(ctx context.Context, o ingestOptions, s IO) int {
	start := time.Now()
	fail := func(err error) int {
		fmt.Fprintf(s.Err, "actionplan ingest: %v\n", err)
		return ExitFailure
	}
	var src *sourceMap
	if o.sources != "" {
		var err error
		if src, err = readSources(o.sources); err != nil {
			return fail(fmt.Errorf("--sources: %w", err))
		}
	}
	db, err := store.Open(ctx, o.db, store.Options{})
	if err != nil {
		return fail(err)
	}
	defer db.Close()
	files, unwalkable := collectPDFs(o.paths)
	for _, u := range unwalkable {
		fmt.Fprintf(s.Err, "actionplan ingest: %s: %s (counted as failed)\n", logName(u.Path), oneLine(u.Error))
	}
	run, err := db.BeginRun(ctx, Version, extractorVersion, o.paths)
	if err != nil {
		return fail(err)
	}
	// The normalizer loads its registry and word lists on first use: a run
	// over unchanged files never needs it.
	nopt := normalize.Options{AliasFiles: o.aliases}
	if len(o.aliases) > 0 {
		// Read the user's alias files now, so that a mistake in one stops
		// the run before anything is loaded.
		if _, err := normalize.New(nopt); err != nil {
			return fail(fmt.Errorf("--aliases: %w", err))
		}
	}
	// The registry goes into the database with the first normalizer, so
	// that analysts can join it; before any document of the run is loaded.
	norm := sync.OnceValues(func() (*normalize.Normalizer, error) {
		n, err := normalize.New(nopt)
		if err != nil {
			return nil, err
		}
		reg := n.Registry()
		return n, db.SyncRegistry(ctx, reg.Rows(), reg.Areas())
	})
	in := &ingester{opt: o, db: db, norm: norm, src: src, run: run,
		inflight: map[string]chan struct{}{}, loaded: map[string]bool{}, shaByPath: map[string]string{}}
	sum, werr := in.loop(ctx, files, newProgress(s.Err, len(files)))
	if werr == nil && ctx.Err() == nil && src != nil {
		// Every URL of the CSV whose bytes are loaded, with its referrer,
		// link text and gone_at: one transaction after the documents.
		sum.Sources, werr = db.RecordSources(ctx, run, src.records(in.shaByPath))
	}
	sum.Extracted = int(in.extracted.Load())
	// Folders that could not be read: their files are not loaded, and a
	// nightly job must not report success.
	sum.Failed += len(unwalkable)
	sum.UnreadFolders = len(unwalkable)
	sum.FailedFiles = append(sum.FailedFiles, unwalkable...)
	sum.Seconds = time.Since(start).Seconds()
	sum.Database, sum.RunID = o.db, run
	if sum.FailedFiles == nil {
		sum.FailedFiles = []failedFile{}
	}
	if sum.PartialFiles == nil {
		sum.PartialFiles = []partialFile{}
	}
	status := "finished"
	if werr != nil || ctx.Err() != nil {
		status = "interrupted"
	}
	if err := db.FinishRun(context.WithoutCancel(ctx), run, status, sum); err != nil && werr == nil {
		werr = err
	}
	if werr == nil && sum.New+sum.Reloaded > 0 {
		db.Optimize(ctx) // best effort: statistics for analysts' queries
	}
	printSummary(s, sum, o.json)
	switch {
	case werr != nil:
		return fail(werr)
	case ctx.Err() != nil:
		return fail(errors.New("interrupted"))
	case sum.Failed > 0:
		return ExitSomeFailed
	}
	return ExitOK
}

// runSummary is what an ingest run did; --json prints it as is.
type runSummary struct {
	Seen      int `json:"seen"`
	New       int `json:"new"`
	Reloaded  int `json:"reloaded"` // extracted again: --force, a newer extractor, failed before
	Unchanged int `json:"unchanged"`
	WithRows  int `json:"with_rows"` // of the files extracted: outcome ok
	NoPlan    int `json:"no_plan"`
	NoText    int `json:"no_text"`
	Failed    int `json:"failed"`
	Pages     int `json:"pages"` // pages of the files extracted
	// Extracted counts the files read and extracted by this run; files whose
	// path, size and mtime, or whose bytes (sha256), are already loaded are
	// not, so a run over known files extracts none.
	Extracted int     `json:"extracted"`
	Rows      int     `json:"rows"`    // action rows loaded
	Sources   int     `json:"sources"` // with --sources: URLs recorded for loaded documents
	Seconds   float64 `json:"seconds"`
	Database  string  `json:"database"`
	RunID     int64   `json:"run_id"`
	// UnreadFolders counts the folders that could not be walked; each is
	// also among Failed and FailedFiles.
	UnreadFolders int `json:"unread_folders"`
	// FailedFiles names each file (or folder) that could not be read, with why.
	FailedFiles []failedFile `json:"failed_files"`
	// Partial counts the files loaded but read only in part (a cap hit, a
	// stream that cannot be decoded, a truncated file); PartialFiles says
	// which and what was not read (documents.not_read keeps it).
	Partial      int           `json:"read_in_part"`
	PartialFiles []partialFile `json:"read_in_part_files"`
	// Flags counts the quality flags of the files loaded, by code;
	// FlaggedFiles is how many of them have any (export --what documents
	// and the document_flags table say which and why).
	Flags        map[string]int `json:"flags"`
	FlaggedFiles int            `json:"flagged_files"`
	FlaggedPaths []flaggedFile  `json:"flagged_paths"`
}

type flaggedFile struct {
	Path  string `json:"path"`
	Flags int    `json:"flags"`
}

type partialFile struct {
	Path    string `json:"path"`
	NotRead string `json:"not_read"`
}

type failedFile struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

func printSummary(s IO, sum runSummary, asJSON bool) {
	fmt.Fprintf(s.Err, "ingest: %d files seen: %d new, %d reloaded, %d unchanged; "+
		"%d with rows, %d without a plan, %d without text, %d failed; %d pages, %d rows, %.1f seconds\n",
		sum.Seen, sum.New, sum.Reloaded, sum.Unchanged, sum.WithRows, sum.NoPlan, sum.NoText, sum.Failed,
		sum.Pages, sum.Rows, sum.Seconds)
	if sum.Partial > 0 {
		fmt.Fprintf(s.Err, "ingest: %d files read only in part (documents.not_read says what was not read):\n", sum.Partial)
		for i, p := range sum.PartialFiles {
			if i == 20 {
				fmt.Fprintf(s.Err, "  ... and %d more\n", len(sum.PartialFiles)-i)
				break
			}
			fmt.Fprintf(s.Err, "  %s: %s\n", logName(p.Path), oneLine(p.NotRead))
		}
	}
	if sum.UnreadFolders > 0 {
		fmt.Fprintf(s.Err, "ingest: %d folders could not be read (counted as failed):\n", sum.UnreadFolders)
		for _, f := range sum.FailedFiles {
			if strings.HasPrefix(f.Error, "cannot read the folder") {
				fmt.Fprintf(s.Err, "  %s: %s\n", logName(f.Path), oneLine(f.Error))
			}
		}
	}
	if sum.FlaggedFiles > 0 {
		fmt.Fprintf(s.Err, "ingest: quality flags on %d files: %s (export --what documents lists them)\n",
			sum.FlaggedFiles, flagCounts(sum.Flags))
	}
	if sum.Sources > 0 {
		fmt.Fprintf(s.Err, "ingest: %d source URLs recorded (table sources)\n", sum.Sources)
	}
	if asJSON {
		if sum.Flags == nil {
			sum.Flags = map[string]int{}
		}
		if sum.FlaggedPaths == nil {
			sum.FlaggedPaths = []flaggedFile{}
		}
		b, _ := json.Marshal(sum)
		fmt.Fprintf(s.Out, "%s\n", b)
	}
}

// ingester runs one ingest: workers extract and normalize, one writer loads.
type ingester struct {
	opt  ingestOptions
	db   *store.DB
	norm func() (*normalize.Normalizer, error)
	warm sync.Once // starts norm in the background at the first extraction
	src  *sourceMap
	run  int64

	mu       sync.Mutex
	inflight map[string]chan struct{} // sha256 being extracted or written
	loaded   map[string]bool          // sha256 written by this run

	shaByPath map[string]string // absolute path -> sha256, with --sources (writer only)

	extracted atomic.Int64 // files extracted by this run
}

// outcome of one file, from a worker to the writer.
type fileResult struct {
	path     string
	size     int64
	mtime    time.Time
	sha      string
	src      *store.Source
	kind     resultKind
	doc      *extract.Document
	norm     normalize.Result
	acquired bool // holds ingester.inflight[sha]
}

type resultKind int

const (
	kindUnchanged resultKind = iota // same size and mtime: nothing to write
	kindSeen                        // bytes already loaded: record the path
	kindLoad                        // extracted: load the document
)

func (in *ingester) loop(ctx context.Context, files []string, p *progress) (runSummary, error) {
	jobs := make(chan string)
	results := make(chan *fileResult, in.opt.workers)
	var wg sync.WaitGroup
	for range in.opt.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range jobs {
				if r := in.process(ctx, path); r != nil {
					results <- r
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, f := range files {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	sum, err := in.write(ctx, results, p)
	p.finish()
	return sum, err
}

// flagCounts lists flag counts by code, most frequent first.
func flagCounts(m map[string]int) string {
	codes := make([]string, 0, len(m))
	for c := range m {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		if m[codes[i]] != m[codes[j]] {
			return m[codes[i]] > m[codes[j]]
		}
		return codes[i] < codes[j]
	})
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%s %d", c, m[c])
	}
	return strings.Join(parts, ", ")
}
