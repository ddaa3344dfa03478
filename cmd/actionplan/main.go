// Command actionplan reads published UK statutory review PDFs and loads their
// action plans into SQLite. main only maps an error to an exit code; the work
// is done by Run, which tests call directly.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
)

func main() {
	stopProfile := startProfile()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	stopProfile()
	os.Exit(code)
}

// startProfile writes a CPU profile of the whole run to the file named by
// ACTIONPLAN_CPUPROFILE, and a heap profile at exit to ACTIONPLAN_MEMPROFILE,
// for `go tool pprof` (a development aid: see corpus/bench.sh). It returns the
// function that finishes them.
func startProfile() func() {
	cpu, mem := os.Getenv("ACTIONPLAN_CPUPROFILE"), os.Getenv("ACTIONPLAN_MEMPROFILE")
	var f *os.File
	if cpu != "" {
		var err error
		if f, err = os.Create(cpu); err != nil {
			fmt.Fprintln(os.Stderr, "actionplan: cpu profile:", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "actionplan: cpu profile:", err)
			f.Close()
			f = nil
		}
	}
	return func() {
		if f != nil {
			pprof.StopCPUProfile()
			f.Close()
		}
		if mem != "" {
			if m, err := os.Create(mem); err == nil {
				pprof.Lookup("allocs").WriteTo(m, 0)
				m.Close()
			}
		}
	}
}
