package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress reports each file ingest finishes: a bar when stderr is a
// terminal, otherwise one plain line per file, fit for a cron log.
type progress struct {
	w     io.Writer
	total int
	done  int
	bar   *progressbar.ProgressBar
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// unsynced hides the *os.File from progressbar, which would otherwise fsync
// the terminal on every redraw.
type unsynced struct{ io.Writer }

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total}
	if isTerminal(w) {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(unsynced{w}),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionFullWidth(),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// file reports one finished file. On a terminal only failures are printed,
// above the bar.
func (p *progress) file(path, status, detail string) {
	p.done++
	line := fmt.Sprintf("%d/%d %-9s %s", p.done, p.total, status, logName(path))
	if detail != "" {
		line += ": " + oneLine(detail)
	}
	if p.bar == nil {
		fmt.Fprintln(p.w, line)
		return
	}
	if status == "failed" {
		p.bar.Clear()
		fmt.Fprintln(p.w, line)
	}
	p.bar.Add(1)
}

// finish removes the bar.
func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// logName is a path as a log line shows it: as it is, or quoted as Go's %q
// does when it holds a control character (a newline would break the one
// line per file) or is not valid UTF-8.
func logName(path string) string {
	if plain(path) {
		return path
	}
	return strconv.Quote(path)
}

// oneLine is a message as a log line shows it: control characters (a file
// name with a newline, inside an error) escaped as %q escapes them.
func oneLine(s string) string {
	if plain(s) {
		return s
	}
	q := strconv.Quote(s)
	return strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
}

func plain(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}
