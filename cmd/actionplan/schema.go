package main

import (
	"context"
	"flag"
	"fmt"
	"slices"

	"github.com/actionplan/actionplan/store/schema"
)

const schemaUsage = `usage: actionplan schema [--format markdown|datasette]

Write the documentation of the database's schema to stdout, generated from
one source (store/schema/schema.json) and the schema this build creates:

  --format markdown    the data dictionary: every table, view and column,
                       with its meaning, type and value set, and the canned
                       queries (default)
  --format datasette   Datasette's metadata.json: the same descriptions,
                       search for the export views, and the canned queries
                       (datasette actionplans.db -m metadata.json)

Exit status: 0 done, 1 failure, 2 bad usage.
`

func init() {
	register(command{name: "schema", summary: "write the data dictionary or Datasette's metadata.json", run: runSchema})
}

func runSchema(ctx context.Context, args []string, s IO) int {
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	format := fs.String("format", "markdown", "markdown or datasette")
	if code, ok := parseFlags(fs, schemaUsage, args, s); !ok {
		return code
	}
	switch {
	case fs.NArg() > 0:
		return usageError(s, "schema", schemaUsage, "unexpected argument %q", fs.Arg(0))
	case !slices.Contains(schema.Formats, *format):
		return usageError(s, "schema", schemaUsage, "--format must be markdown or datasette, not %q", *format)
	}
	b, err := schema.Generate(ctx, *format)
	if err != nil {
		fmt.Fprintf(s.Err, "actionplan schema: %v\n", err)
		return ExitFailure
	}
	s.Out.Write(b)
	return ExitOK
}
