package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"strconv"
	"strings"

	"github.com/actionplan/actionplan/store"
)

const exportUsage = `usage: actionplan export [--db FILE] [--format jsonl|csv] [--what WHAT] [--out FILE]

Write the database's records, to stdout or --out.

  --db FILE        the database (default actionplans.db)
  --format F       jsonl (default): one JSON object a line, a missing value
                   as null; csv: a header row, lists joined with "; ",
                   objects (cells, agency_detail, warnings) as JSON text,
                   a missing value as an empty field
  --what W         actions (default): one record per action row, with the keys
                   of the action record, then action_id, document_id,
                   recommendation_id, review_id, area_code, plan_version,
                   is_current, duplicate_of, plan_date, as_of_date,
                   target_date_start, lineage_id, previous_action_id;
                   reviews: one per review, with its current plan and counts;
                   documents: one per document, with its outcome, warnings,
                   plan date, as-of date, version and review;
                   recommendations: one per recommendation, with its version
                   and review (the columns of the views review_export,
                   document_export and recommendation_export)
  --out FILE       write there instead of stdout (replaced only when complete)

Duplicates (documents whose rows repeat an earlier document's) are included,
flagged by duplicate_of; is_current marks the one current plan of a review.

Exit status: 0 done, 1 the database cannot be read, 2 bad usage.
`

func init() {
	register(command{name: "export", summary: "write action, recommendation, document or review records as JSONL or CSV", run: runExport})
}

func runExport(ctx context.Context, args []string, s IO) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	db := fs.String("db", defaultDB, "database file")
	format := fs.String("format", "jsonl", "jsonl or csv")
	what := fs.String("what", "actions", "actions, recommendations, documents or reviews")
	out := fs.String("out", "", "output file (default stdout)")
	if code, ok := parseFlags(fs, exportUsage, args, s); !ok {
		return code
	}
	_, known := store.Exports[*what]
	switch {
	case fs.NArg() > 0:
		return usageError(s, "export", exportUsage, "unexpected argument %q", fs.Arg(0))
	case *format != "jsonl" && *format != "csv":
		return usageError(s, "export", exportUsage, "--format must be jsonl or csv, not %q", *format)
	case *what != "actions" && !known:
		return usageError(s, "export", exportUsage, "--what must be actions, recommendations, documents or reviews, not %q", *what)
	}
	if err := exportDB(ctx, *db, *format, *what, *out, s.Out); err != nil {
		fmt.Fprintf(s.Err, "actionplan export: %v\n", err)
		return ExitFailure
	}
	return ExitOK
}

func exportDB(ctx context.Context, dbPath, format, what, out string, stdout io.Writer) error {
	db, err := openExisting(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	return writeOut(out, stdout, func(w io.Writer) error {
		enc := newEncoder(w, format)
		var err error
		if what == "actions" {
			err = db.Actions(ctx, func(r store.ActionRecord) error { return enc.write(r) })
		} else {
			err = db.Export(ctx, what, func(r store.Row) error { return enc.writeRow(r) })
		}
		if err != nil {
			return err
		}
		return enc.flush()
	})
}

// openExisting opens, read-only, a database that must already exist,
// without creating one by mistake for a mistyped --db. It works on a file
// or in a folder that cannot be written.
func openExisting(ctx context.Context, path string) (*store.DB, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("database %s does not exist (run 'actionplan ingest' first)", path)
	}
	return store.Open(ctx, path, store.Options{ReadOnly: true})
}

// writeOut runs fn on stdout, or on a temporary file renamed to out once fn
// succeeds, so that a failed export leaves no half file.
func writeOut(out string, stdout io.Writer, fn func(io.Writer) error) error {
	if out == "" || out == "-" {
		bw := bufio.NewWriter(stdout)
		if err := fn(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	f, err := os.CreateTemp(dirOf(out), ".export-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	bw := bufio.NewWriter(f)
	if err := fn(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), out)
}

func dirOf(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[:i+1]
	}
	return "."
}

// encoder writes records as JSONL or CSV. CSV columns are the record's JSON
// keys in struct order; lists of strings are joined with "; ", other
// non-scalar values are written as JSON text.
type encoder struct {
	format string
	json   *json.Encoder
	csv    *csv.Writer
	header bool
}

func newEncoder(w io.Writer, format string) *encoder {
	e := &encoder{format: format}
	if format == "csv" {
		e.csv = csv.NewWriter(w)
	} else {
		e.json = json.NewEncoder(w)
		e.json.SetEscapeHTML(false)
	}
	return e
}

func (e *encoder) write(v any) error {
	if e.json != nil {
		return e.json.Encode(v)
	}
	rv := reflect.ValueOf(v)
	keys, vals := csvFields(rv)
	if !e.header {
		e.header = true
		if err := e.csv.Write(keys); err != nil {
			return err
		}
	}
	return e.csv.Write(vals)
}

func (e *encoder) flush() error {
	if e.csv != nil {
		e.csv.Flush()
		return e.csv.Error()
	}
	return nil
}

// writeRow writes a view's row: JSON with its keys in order, or CSV.
func (e *encoder) writeRow(r store.Row) error {
	if e.json != nil {
		return e.json.Encode(r)
	}
	if !e.header {
		e.header = true
		if err := e.csv.Write(r.Keys); err != nil {
			return err
		}
	}
	vals := make([]string, len(r.Values))
	for i, v := range r.Values {
		switch x := v.(type) {
		case nil:
		case string:
			vals[i] = x
		case json.RawMessage:
			vals[i] = string(x)
		default:
			vals[i] = fmt.Sprint(x)
		}
	}
	return e.csv.Write(vals)
}

// csvFields gives a struct's JSON keys and its values as CSV text; the
// fields of an embedded struct come in its place.
func csvFields(rv reflect.Value) (keys, vals []string) {
	rt := rv.Type()
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			k, v := csvFields(rv.Field(i))
			keys, vals = append(keys, k...), append(vals, v...)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		keys = append(keys, name)
		vals = append(vals, csvValue(rv.Field(i)))
	}
	return keys, vals
}

func csvValue(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int64, reflect.Int32:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return csvValue(v.Elem())
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.String {
			return strings.Join(v.Interface().([]string), "; ")
		}
	}
	b, _ := json.Marshal(v.Interface())
	return string(b)
}
