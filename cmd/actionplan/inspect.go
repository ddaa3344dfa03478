package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/actionplan/actionplan/extract"
	"github.com/actionplan/actionplan/normalize"
)

const inspectUsage = `usage: actionplan inspect [--format text|jsonl|pages] [--svg DIR] [--aliases FILE] FILE.pdf...

Extract each file without a database and print what was found:
  text    the rebuilt tables, readable (default)
  jsonl   one action record per line, as 'export' writes them
  pages   each page's text as our interpreter reads it, a form feed after
          each page, like pdftotext (to compare our text layer with poppler's)
--svg DIR draws each page with its detected table structure into DIR.
--aliases FILE adds agency names (repeatable), as for ingest.

Exit status: 0 when every file was read, 3 when some could not be, 2 on bad usage.
`

func init() {
	register(command{name: "inspect", summary: "print the tables rebuilt from PDFs (no database)", run: runInspect})
}

func runInspect(ctx context.Context, args []string, s IO) int {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	format := fs.String("format", "text", "text, jsonl or pages")
	svgDir := fs.String("svg", "", "write one SVG per page into this folder")
	var aliases fileList
	fs.Var(&aliases, "aliases", "agency alias file (repeatable)")
	if code, ok := parseFlags(fs, inspectUsage, args, s); !ok {
		return code
	}
	switch {
	case fs.NArg() == 0:
		return usageError(s, "inspect", inspectUsage, "no PDF files given")
	case *format != "text" && *format != "jsonl" && *format != "pages":
		return usageError(s, "inspect", inspectUsage, "--format must be text, jsonl or pages, not %q", *format)
	}
	norm, err := normalize.New(normalize.Options{AliasFiles: aliases})
	if err != nil {
		fmt.Fprintln(s.Err, "actionplan inspect:", err)
		return ExitFailure
	}
	code := ExitOK
	for _, path := range fs.Args() {
		doc := extract.File(ctx, path, extract.Options{})
		if doc.Outcome == extract.OutcomeError {
			fmt.Fprintf(s.Err, "actionplan inspect: %v\n", doc.Err)
			code = ExitSomeFailed
			if *format != "pages" {
				continue
			}
		}
		for _, w := range doc.Warnings {
			fmt.Fprintf(s.Err, "%s: warning: %s\n", doc.File, w)
		}
		if err := inspectOne(s.Out, doc, norm, *format); err != nil {
			fmt.Fprintln(s.Err, "actionplan inspect:", err)
			return ExitFailure
		}
		if *svgDir != "" {
			if err := writeSVGs(*svgDir, doc, norm.Document(doc).Flags); err != nil {
				fmt.Fprintf(s.Err, "actionplan inspect: %s: svg: %v\n", doc.File, err)
				code = ExitSomeFailed
			}
		}
	}
	return code
}

func inspectOne(w io.Writer, doc *extract.Document, norm *normalize.Normalizer, format string) error {
	switch format {
	case "pages":
		return extract.WritePages(w, doc)
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, r := range norm.Document(doc).Records {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	return writeTablesText(w, doc, norm.Document(doc).Flags)
}

// writeTablesText prints the document's quality flags and its rebuilt
// tables for a reader, with the hyphens that line ends left in cells
// mended as normalize mends them for loading.
func writeTablesText(w io.Writer, doc *extract.Document, flags []extract.Flag) error {
	var texts []string
	for _, t := range doc.Tables {
		for _, r := range t.Rows {
			texts = append(texts, r.Cells...)
		}
	}
	mend := normalize.NewCleaner(texts...).MendHyphens
	var b strings.Builder
	fmt.Fprintf(&b, "== %s: %s, %d pages, %d tables, %d flags\n", doc.File, doc.Outcome, len(doc.Pages), len(doc.Tables), len(flags))
	for _, f := range flags {
		fmt.Fprintf(&b, "flag %s: %s\n", f.Code, flagWhere(f))
	}
	for _, t := range doc.Tables {
		kind := "table"
		if t.IsPlan {
			kind = "action plan"
		}
		fmt.Fprintf(&b, "\n-- %s %d, pages %d-%d, %d rows\n", kind, t.Index+1, t.PageFirst, t.PageLast, len(t.Rows))
		for _, r := range t.Rows {
			fmt.Fprintf(&b, "\n[row %d] number=%q pages=%d-%d", r.Seq, r.Number, r.PageFirst, r.PageLast)
			if r.Theme != "" {
				fmt.Fprintf(&b, " theme=%q", r.Theme)
			}
			if r.Group != 0 {
				fmt.Fprintf(&b, " group=%d", r.Group)
			}
			b.WriteByte('\n')
			for i, c := range r.Cells {
				h := ""
				if i < len(t.Columns) {
					h = t.Columns[i]
				}
				if h == "" {
					h = "#"
				}
				fmt.Fprintf(&b, "  %s: %s\n", h, strings.ReplaceAll(mend(c), "\n", "\n      ¶ "))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// flagWhere says where a flag points and what it found.
func flagWhere(f extract.Flag) string {
	var at []string
	if f.Table > 0 {
		at = append(at, fmt.Sprintf("table %d", f.Table))
	}
	if f.Page > 0 {
		at = append(at, fmt.Sprintf("page %d", f.Page))
	}
	if len(at) == 0 {
		return f.Detail
	}
	return strings.Join(at, ", ") + ": " + f.Detail
}
