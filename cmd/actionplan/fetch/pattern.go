package fetch

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// Pattern is a link pattern of a sites file, matched against a whole
// absolute URL: * stands for any run of characters (slashes included), ?
// for one character; everything else stands for itself.
type Pattern struct {
	text string
	re   *regexp.Regexp
}

// CompilePattern compiles a link pattern.
func CompilePattern(p string) (Pattern, error) {
	if p == "" {
		return Pattern{}, fmt.Errorf("empty pattern")
	}
	var b strings.Builder
	b.WriteString("^")
	for _, r := range p {
		switch r {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return Pattern{}, fmt.Errorf("pattern %q: %w", p, err)
	}
	return Pattern{text: p, re: re}, nil
}

// Match reports whether u matches the pattern.
func (p Pattern) Match(u string) bool { return p.re.MatchString(u) }

func (p Pattern) String() string { return p.text }

// hostKey is the host a politeness limit and the same-host rule apply to:
// lower case, without a default port and without a leading "www.".
func hostKey(u *url.URL) string {
	h := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	h = strings.TrimPrefix(h, "www.")
	if port != "" {
		return h + ":" + port
	}
	return h
}

// normalURL is the form under which a URL is visited once: without its
// fragment, with the scheme and host in lower case and a path of at least /.
func normalURL(u *url.URL) string {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	c.Scheme = strings.ToLower(c.Scheme)
	c.Host = strings.ToLower(c.Host)
	if c.Path == "" && c.RawPath == "" {
		c.Path = "/"
	}
	return c.String()
}
