package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/actionplan/actionplan/cmd/actionplan/fetch"
)

const fetchUsage = `usage: actionplan fetch --into DIR [--sites FILE] [flags] [URL...]

Collect review PDFs from the web pages that publish them, politely and
incrementally, into DIR, with their provenance in DIR/sources.csv for
'actionplan ingest --sources DIR/sources.csv DIR'.

A sites file has one start URL per line, optionally followed by depth=N and
by link patterns (* matches any characters); # starts a comment:

  https://www.example.gov.uk/community-safety/domestic-homicide-reviews
  https://www.example.gov.uk/safeguarding/sars depth=2 https://www.example.gov.uk/safeguarding/*

Links are followed on the hosts of the sites file, or, when a line has
patterns, only where a pattern matches the whole URL (on any host). Depth 1
fetches the start page and the documents it links (links to .pdf, links that
say PDF, and paths like /downloads/file/123/name); 2 also the pages it links
and their documents. A response is saved only if its bytes are a PDF.

  --into DIR             where PDFs, sources.csv and the state file
                         (.actionplan-fetch.json) go; created when missing
  --sites FILE           the sites file (start URLs may also be given as arguments)
  --depth N              depth of sites that give none (default 1)
  --contact TEXT         an e-mail address or URL for site owners, added to the
                         User-Agent (please give one)
  --user-agent TEXT      the whole User-Agent (default actionplan/VERSION (+CONTACT))
  --delay D              between two requests to one host (default 2s; robots.txt's
                         Crawl-delay applies when longer)
  --per-host N           requests to one host at once (default 1)
  --timeout D            per request, the download included (default 1m)
  --retries N            retries after a 429, a 5xx or a network error (default 3)
  --backoff D            wait before the first retry when the server names none;
                         doubles each retry (default 5s)
  --max-retry-after D    longest Retry-After honoured; longer fails the URL (default 5m)
  --max-pages N          HTML pages visited in the run (default 500)
  --max-bytes SIZE       largest file downloaded, such as 200MB (default 200MB)
  --max-time D           the whole run, 0 for no limit (default 2h)
  --json                 print the summary on stdout as one JSON object

Durations are written like 500ms, 2s, 1m30s. Documents fetched before are
asked for with If-None-Match / If-Modified-Since and not downloaded again when
unchanged; a changed document is saved as a new file beside the old one; the
same bytes under two URLs are saved once. A known document that answers 404
or 410 is recorded as gone (sources.csv gone_at); its file is kept.

Exit status: 0 every URL was fetched, 1 the run failed (DIR cannot be
written, interrupted, ...), 2 bad usage or a bad sites file, 3 the run
finished but some URLs failed or a limit (--max-pages, --max-time) stopped it.
`

func init() {
	register(command{name: "fetch", summary: "collect review PDFs from web pages into a folder, with sources.csv", run: runFetch})
}

// fetchClock is the clock the crawler waits with; tests replace it.
var fetchClock fetch.Clock = fetch.RealClock{}

// fetchOptions are the parsed flags of fetch.
type fetchOptions struct {
	cfg                      fetch.Config
	sites, contact, maxBytes string
	json                     bool
}

// fetchFlags defines the flags of fetch.
func fetchFlags() (*flag.FlagSet, *fetchOptions) {
	fs := flag.NewFlagSet("fetch", flag.ContinueOnError)
	d := fetch.DefaultConfig()
	o := &fetchOptions{cfg: d}
	cfg := &o.cfg
	fs.StringVar(&cfg.Dir, "into", "", "output folder")
	fs.StringVar(&o.sites, "sites", "", "sites file")
	fs.IntVar(&cfg.Depth, "depth", d.Depth, "default crawl depth")
	fs.StringVar(&o.contact, "contact", "", "contact for site owners")
	fs.StringVar(&cfg.UserAgent, "user-agent", "", "User-Agent")
	fs.DurationVar(&cfg.Delay, "delay", d.Delay, "delay between requests to one host")
	fs.IntVar(&cfg.PerHost, "per-host", d.PerHost, "requests to one host at once")
	fs.DurationVar(&cfg.Timeout, "timeout", d.Timeout, "per request")
	fs.IntVar(&cfg.Retries, "retries", d.Retries, "retries")
	fs.DurationVar(&cfg.Backoff, "backoff", d.Backoff, "first retry wait")
	fs.DurationVar(&cfg.MaxRetryAfter, "max-retry-after", d.MaxRetryAfter, "longest Retry-After honoured")
	fs.IntVar(&cfg.MaxPages, "max-pages", d.MaxPages, "pages per run")
	fs.StringVar(&o.maxBytes, "max-bytes", "200MB", "largest file")
	fs.DurationVar(&cfg.MaxTime, "max-time", d.MaxTime, "whole run")
	fs.BoolVar(&o.json, "json", false, "summary as JSON on stdout")
	return fs, o
}

func runFetch(ctx context.Context, args []string, s IO) int {
	fs, o := fetchFlags()
	if code, ok := parseFlags(fs, fetchUsage, args, s); !ok {
		return code
	}
	cfg := o.cfg
	sitesFile, contact, maxBytes, asJSON := o.sites, o.contact, o.maxBytes, o.json
	bad := func(format string, a ...any) int { return usageError(s, "fetch", fetchUsage, format, a...) }
	var err error
	if cfg.MaxBytes, err = fetch.ParseBytes(maxBytes); err != nil || cfg.MaxBytes == 0 {
		return bad("--max-bytes: want a size above 0, such as 200MB")
	}
	switch {
	case cfg.Dir == "":
		return bad("--into DIR is required")
	case sitesFile == "" && fs.NArg() == 0:
		return bad("no sites: give --sites FILE or start URLs")
	case cfg.Depth < 0:
		return bad("--depth must be 0 or more")
	case cfg.PerHost < 1:
		return bad("--per-host must be at least 1")
	case cfg.Retries < 0:
		return bad("--retries must be 0 or more")
	case cfg.MaxPages < 1:
		return bad("--max-pages must be at least 1")
	case cfg.Delay < 0 || cfg.Timeout <= 0 || cfg.Backoff < 0 || cfg.MaxRetryAfter <= 0 || cfg.MaxTime < 0:
		return bad("--delay, --backoff and --max-time must be 0 or more; --timeout and --max-retry-after above 0")
	}
	sites, code := readSites(s, sitesFile, fs.Args())
	if code != ExitOK {
		return code
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = userAgent(contact)
	}
	if contact == "" && !strings.Contains(cfg.UserAgent, "@") && !strings.Contains(cfg.UserAgent, "+") {
		fmt.Fprintln(s.Err, "actionplan fetch: note: no --contact given; site owners cannot reach you")
	}
	cfg.Clock = fetchClock
	p := newFetchProgress(s.Err)
	cfg.Progress = p.event
	sum, err := fetch.Run(ctx, cfg, sites)
	p.finish()
	printFetchSummary(s, sum, asJSON)
	switch {
	case err != nil:
		fmt.Fprintf(s.Err, "actionplan fetch: %v\n", err)
		return ExitFailure
	case sum.Failed > 0 || sum.Stopped != "":
		return ExitSomeFailed
	}
	return ExitOK
}

// readSites reads the sites file and the start URLs given as arguments.
func readSites(s IO, file string, urls []string) ([]fetch.Site, int) {
	var sites []fetch.Site
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			fmt.Fprintf(s.Err, "actionplan fetch: --sites: %v\n", err)
			return nil, ExitFailure
		}
		defer f.Close()
		if sites, err = fetch.ParseSites(f, file); err != nil {
			return nil, usageError(s, "fetch", fetchUsage, "%v", err)
		}
	}
	for _, u := range urls {
		site, err := fetch.ParseSite(u)
		if err != nil {
			return nil, usageError(s, "fetch", fetchUsage, "%v", err)
		}
		site.Line = u
		sites = append(sites, site)
	}
	if len(sites) == 0 {
		return nil, usageError(s, "fetch", fetchUsage, "%s lists no sites", file)
	}
	return sites, ExitOK
}

// userAgent names the program, its version and the contact.
func userAgent(contact string) string {
	ua := "actionplan/" + Version
	if contact != "" {
		ua += " (+" + contact + ")"
	}
	return ua
}

func printFetchSummary(s IO, sum fetch.Summary, asJSON bool) {
	fmt.Fprintf(s.Err, "fetch: %d sites, %d pages, %d PDFs: %d new, %d changed, %d unchanged; "+
		"%d gone, %d failed, %d disallowed by robots.txt, %d other; %d files saved (%s), "+
		"%d requests, %d retries, %.1f seconds\n",
		sum.Sites, sum.Pages, sum.PDFs, sum.New, sum.Changed, sum.Unchanged,
		sum.Gone, sum.Failed, sum.Disallowed, sum.Other, sum.FilesSaved, fetch.FormatBytes(sum.BytesSaved),
		sum.Requests, sum.Retries, sum.Seconds)
	if sum.Stopped != "" {
		fmt.Fprintf(s.Err, "fetch: stopped early: --%s reached\n", sum.Stopped)
	}
	for _, f := range sum.Failures {
		line := fmt.Sprintf("fetch: failed %s: %s", f.URL, f.Error)
		if f.Referrer != "" {
			line += " (linked from " + f.Referrer + ")"
		}
		fmt.Fprintln(s.Err, line)
	}
	if asJSON {
		b, _ := json.Marshal(sum)
		fmt.Fprintf(s.Out, "%s\n", b)
	}
}
