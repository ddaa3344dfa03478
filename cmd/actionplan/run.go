package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Exit statuses, the contract with scripts and cron jobs.
const (
	ExitOK         = 0 // every file was read
	ExitFailure    = 1 // the run itself failed (database cannot be opened, ...)
	ExitUsage      = 2 // bad usage
	ExitSomeFailed = 3 // the run finished, but at least one file could not be read
)

// IO is the set of streams a command uses: stdout is data, stderr is for
// progress, warnings and summaries.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// command is one subcommand. Each lives in its own file and registers itself.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, s IO) int
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// Run executes the command line args (without the program name) and returns
// the exit status.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	s := IO{In: stdin, Out: stdout, Err: stderr}
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return ExitOK
	case "-version", "--version", "version":
		fmt.Fprintln(stdout, "actionplan", Version)
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "actionplan: unknown command %q\n", args[0])
		usage(stderr)
		return ExitUsage
	}
	return c.run(ctx, args[1:], s)
}

// Version is the program's version, set at build time with -ldflags.
var Version = "dev"

func usage(w io.Writer) {
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("usage: actionplan <command> [flags] [args]\n\ncommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-8s %s\n", n, commands[n].summary)
	}
	b.WriteString("\nRun 'actionplan <command> -h' for a command's flags.\n")
	io.WriteString(w, b.String())
}
