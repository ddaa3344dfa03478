package fetch

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
)

// Site is one line of a sites file: where a crawl starts, how deep it goes and
// which links it may follow.
type Site struct {
	Start *url.URL
	// Depth is how many links away from Start the crawl goes: 0 fetches Start
	// alone, 1 (the default) Start and the documents it links, 2 also the
	// pages it links and their documents, and so on. -1 means the default.
	Depth int
	// Patterns, when there are any, restrict the links followed to those that
	// match one (on any host); without patterns, links on the hosts of the
	// sites file are followed.
	Patterns []Pattern
	// Line is where the site was read, for messages ("sites.txt:3").
	Line string
}

// ParseSites reads a sites file: one start URL per line, optionally followed
// by depth=N and by link patterns, separated by spaces. Blank lines and lines
// starting with # are ignored. name is used in error messages.
func ParseSites(r io.Reader, name string) ([]Site, error) {
	var sites []Site
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		site, err := ParseSite(line)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		site.Line = where
		sites = append(sites, site)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return sites, nil
}

// ParseSite reads one sites-file line (without comments).
func ParseSite(line string) (Site, error) {
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return Site{}, fmt.Errorf("no URL")
	}
	u, err := StartURL(fields[0])
	if err != nil {
		return Site{}, err
	}
	s := Site{Start: u, Depth: -1}
	for _, f := range fields[1:] {
		if v, ok := strings.CutPrefix(strings.ToLower(f), "depth="); ok {
			d, err := strconv.Atoi(v)
			if err != nil || d < 0 {
				return Site{}, fmt.Errorf("depth=%s: want a whole number, 0 or more", v)
			}
			s.Depth = d
			continue
		}
		p, err := CompilePattern(f)
		if err != nil {
			return Site{}, err
		}
		s.Patterns = append(s.Patterns, p)
	}
	return s, nil
}

// StartURL checks a start URL: absolute, http or https, with a host.
func StartURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%q is not a URL: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%q: want an http:// or https:// URL", raw)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%q: the URL has no host", raw)
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}
