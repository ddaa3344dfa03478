package fetch

// Summary is what a run did; the command prints it, and --json prints it as
// is.
type Summary struct {
	Sites      int   `json:"sites"`
	Pages      int   `json:"pages"`       // HTML pages visited and read for links
	PDFs       int   `json:"pdfs"`        // document URLs that answered with a PDF (or "not modified")
	New        int   `json:"new"`         // of those, URLs fetched for the first time
	Changed    int   `json:"changed"`     // known URLs that now serve other bytes (saved as a new file)
	Unchanged  int   `json:"unchanged"`   // known URLs that serve the same bytes (304, or the same hash)
	Gone       int   `json:"gone"`        // known document URLs that answered 404 or 410
	Failed     int   `json:"failed"`      // URLs that could not be fetched, or were not a PDF where one was linked
	Disallowed int   `json:"disallowed"`  // URLs robots.txt disallows, not fetched
	Other      int   `json:"other"`       // responses neither HTML nor PDF, ignored
	FilesSaved int   `json:"files_saved"` // files written (the same bytes under two URLs are saved once)
	BytesSaved int64 `json:"bytes_saved"`
	Requests   int   `json:"requests"` // HTTP requests, robots.txt, retries and redirects included
	Retries    int   `json:"retries"`
	// Stopped names the limit that ended the crawl early: "max-pages" or
	// "max-time"; "" when it ran to the end.
	Stopped  string    `json:"stopped"`
	Seconds  float64   `json:"seconds"`
	Into     string    `json:"into"`
	Sources  string    `json:"sources"` // the sources.csv written
	Failures []Failure `json:"failures"`
}

// Failure is one URL that failed, with why.
type Failure struct {
	URL      string `json:"url"`
	Referrer string `json:"referrer,omitempty"`
	Error    string `json:"error"`
}

// Event is one URL settled, for progress reports.
type Event struct {
	URL    string
	Status string // page, new, changed, unchanged, gone, failed, disallowed, other
	Detail string // the file saved, the reason of a failure, ...
}
