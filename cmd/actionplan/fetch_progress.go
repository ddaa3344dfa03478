package main

import (
	"fmt"
	"io"
	"time"

	"github.com/actionplan/actionplan/cmd/actionplan/fetch"
	"github.com/schollz/progressbar/v3"
)

// fetchProgress reports each URL fetch settles: on a terminal a spinner
// with a count (failures printed above it), otherwise one plain line per
// URL, fit for a cron log.
type fetchProgress struct {
	w   io.Writer
	n   int
	bar *progressbar.ProgressBar
}

func newFetchProgress(w io.Writer) *fetchProgress {
	p := &fetchProgress{w: w}
	if isTerminal(w) {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(unsynced{w}),
			progressbar.OptionSetDescription("fetch"),
			progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

func (p *fetchProgress) event(e fetch.Event) {
	p.n++
	line := fmt.Sprintf("%d %-10s %s", p.n, e.Status, e.URL)
	if e.Detail != "" {
		line += ": " + e.Detail
	}
	if p.bar == nil {
		fmt.Fprintln(p.w, line)
		return
	}
	if e.Status == "failed" {
		p.bar.Clear()
		fmt.Fprintln(p.w, line)
	}
	p.bar.Add(1)
}

func (p *fetchProgress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
