package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/actionplan/actionplan/store"
)

// collectPDFs expands the command-line paths into the PDF files to ingest:
// a folder is walked recursively for *.pdf in any case (following no
// symbolic links to folders, but taking symbolic links to files); a file is
// taken whatever its name. A path that does not exist is kept, so that it
// is recorded as failed. The result is cleaned, de-duplicated and sorted.
// A folder that cannot be read is a failure of the run's input, not a
// warning: each is returned in unwalkable, with why.
func collectPDFs(args []string) (files []string, unwalkable []failedFile) {
	return collectWith(args, filepath.WalkDir)
}

func collectWith(args []string, walk func(string, fs.WalkDirFunc) error) ([]string, []failedFile) {
	var bad []failedFile
	fail := func(p string, err error) {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			p, err = pe.Path, pe.Err
		}
		bad = append(bad, failedFile{Path: p, Error: fmt.Sprintf("cannot read the folder: %v", err)})
	}
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil || !info.IsDir() {
			add(a)
			continue
		}
		err = walk(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fail(p, err)
				return nil
			}
			if d.IsDir() || !strings.EqualFold(filepath.Ext(p), ".pdf") {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if info, err := os.Stat(p); err != nil || info.IsDir() {
					return nil
				}
			}
			add(p)
			return nil
		})
		if err != nil {
			fail(a, err)
		}
	}
	sort.Strings(out)
	return out, bad
}

// sources maps files to where they were fetched from (ingest --sources), by
// path and by sha256.
type sourceMap struct {
	byPath map[string]store.Source
	bySHA  map[string]store.Source
	// rows are every row of the CSV, for the sources table: one per URL and
	// file, with the paths it may name (absolute).
	rows []sourceRow
}

type sourceRow struct {
	rec   store.SourceRecord
	paths []string
}

// records returns the rows as source records, each with its sha256: the
// CSV's, or else that of the file its path names (shaByPath, by absolute
// path, from this run).
func (s *sourceMap) records(shaByPath map[string]string) []store.SourceRecord {
	if s == nil {
		return nil
	}
	var out []store.SourceRecord
	for _, r := range s.rows {
		rec := r.rec
		for _, p := range r.paths {
			if rec.SHA256 != "" {
				break
			}
			rec.SHA256 = shaByPath[p]
		}
		if rec.SHA256 != "" {
			out = append(out, rec)
		}
	}
	return out
}

// lookup finds the source of path (or of its bytes).
func (s *sourceMap) lookup(path, sha string) (store.Source, bool) {
	if s == nil {
		return store.Source{}, false
	}
	if abs, err := filepath.Abs(path); err == nil {
		if src, ok := s.byPath[abs]; ok {
			return src, true
		}
	}
	src, ok := s.bySHA[sha]
	return src, ok && sha != ""
}

// readSources reads a sources CSV with a header naming at least path and url
// (fetch writes path, url, fetched_at, etag, last_modified, sha256, then
// referrer, link_text and gone_at; other columns are ignored). A
// relative path is taken relative to the CSV's folder, or else to the
// current folder.
func readSources(name string) (*sourceMap, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	if _, ok := col["path"]; !ok {
		return nil, fmt.Errorf("%s: the header has no path column", name)
	}
	if _, ok := col["url"]; !ok {
		return nil, fmt.Errorf("%s: the header has no url column", name)
	}
	s := &sourceMap{byPath: map[string]store.Source{}, bySHA: map[string]store.Source{}}
	base := filepath.Dir(name)
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return s, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		get := func(k string) string {
			if i, ok := col[k]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		src := store.Source{URL: get("url"), FetchedAt: get("fetched_at"), ETag: get("etag"),
			LastModified: get("last_modified")}
		p := get("path")
		if p == "" {
			continue
		}
		_, hasGone := col["gone_at"]
		row := sourceRow{rec: store.SourceRecord{SHA256: strings.ToLower(get("sha256")), URL: src.URL, Path: p,
			FetchedAt: src.FetchedAt, ETag: src.ETag, LastModified: src.LastModified,
			Referrer: get("referrer"), LinkText: get("link_text"), GoneAt: get("gone_at"), HasGoneAt: hasGone}}
		for _, cand := range sourcePaths(base, p) {
			if abs, err := filepath.Abs(cand); err == nil {
				row.paths = append(row.paths, abs)
				if _, dup := s.byPath[abs]; !dup {
					s.byPath[abs] = src
				}
			}
		}
		if sha := row.rec.SHA256; sha != "" {
			s.bySHA[sha] = src
		}
		s.rows = append(s.rows, row)
	}
}

func sourcePaths(base, p string) []string {
	if filepath.IsAbs(p) {
		return []string{p}
	}
	return []string{filepath.Join(base, p), p}
}
