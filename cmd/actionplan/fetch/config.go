package fetch

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Config bounds and paces a crawl. Start from DefaultConfig; zero
// UserAgent, Agent, PerHost, Timeout, MaxRetryAfter, MaxPages, MaxBytes,
// MaxPageBytes, Client and Clock take the defaults, while a zero Delay,
// Retries, Backoff or MaxTime (no limit) is taken as given.
type Config struct {
	Dir       string // output folder: the PDFs, sources.csv and the state file
	UserAgent string // the User-Agent header
	Agent     string // the product token robots.txt groups are matched against
	Depth     int    // depth of sites that give none

	Delay         time.Duration // between the starts of two requests to one host
	PerHost       int           // requests to one host at once
	Timeout       time.Duration // per request, the body included
	Retries       int           // further attempts after a 429, a 5xx or a network error
	Backoff       time.Duration // wait before the first retry without Retry-After; doubles
	MaxRetryAfter time.Duration // longest wait honoured; a longer Retry-After fails the URL

	MaxPages     int           // HTML pages visited in the whole run
	MaxBytes     int64         // bytes of one file
	MaxPageBytes int64         // bytes of one HTML page read for links
	MaxTime      time.Duration // the whole run; 0 for no limit

	Client   *http.Client // default: one with no redirects followed by itself
	Clock    Clock        // default: RealClock
	Progress func(Event)  // called once per URL settled; may be nil
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{
		UserAgent: "actionplan (statutory review collector)", Agent: "actionplan", Depth: 1,
		Delay: 2 * time.Second, PerHost: 1, Timeout: 60 * time.Second, Retries: 3,
		Backoff: 5 * time.Second, MaxRetryAfter: 5 * time.Minute,
		MaxPages: 500, MaxBytes: 200 << 20, MaxPageBytes: 10 << 20, MaxTime: 2 * time.Hour,
	}
}

func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.UserAgent == "" {
		c.UserAgent = d.UserAgent
	}
	if c.Agent == "" {
		c.Agent = d.Agent
	}
	if c.PerHost < 1 {
		c.PerHost = 1
	}
	if c.Timeout <= 0 {
		c.Timeout = d.Timeout
	}
	if c.MaxRetryAfter <= 0 {
		c.MaxRetryAfter = d.MaxRetryAfter
	}
	if c.MaxPages <= 0 {
		c.MaxPages = d.MaxPages
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = d.MaxBytes
	}
	if c.MaxPageBytes <= 0 {
		c.MaxPageBytes = min(d.MaxPageBytes, c.MaxBytes)
	}
	if c.Clock == nil {
		c.Clock = RealClock{}
	}
	if c.Client == nil {
		c.Client = &http.Client{
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	} else {
		cl := *c.Client
		cl.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		c.Client = &cl
	}
	return c
}

// ParseBytes reads a size: a whole number of bytes, or with a suffix k, KB,
// KiB, M, MB, MiB, G, GB or GiB (all powers of 1024).
func ParseBytes(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30},
		{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("%q is not a size (such as 50MB)", s)
	}
	return n * mult, nil
}

// FormatBytes writes a size for people: 512 B, 1.5 MB.
func FormatBytes(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	case n < 1<<30:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
}
