package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// defaultDB is the database ingest, export and stats use without --db.
const defaultDB = "actionplans.db"

// parseFlags parses args. It returns ok=false with the exit status when the
// command must stop: -h prints the help on stdout (status 0), a bad flag
// prints the error and the help on stderr (status 2).
func parseFlags(fs *flag.FlagSet, usage string, args []string, s IO) (code int, ok bool) {
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		io.WriteString(s.Out, usage)
		return ExitOK, false
	case err != nil:
		fmt.Fprintf(s.Err, "actionplan %s: %v\n%s", fs.Name(), err, usage)
		return ExitUsage, false
	}
	return ExitOK, true
}

// usageError reports a bad combination of arguments.
func usageError(s IO, name, usage, format string, a ...any) int {
	fmt.Fprintf(s.Err, "actionplan %s: %s\n%s", name, fmt.Sprintf(format, a...), usage)
	return ExitUsage
}
