package fetch

import (
	"bufio"
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// robotsMaxBytes is how much of a robots.txt is read (RFC 9309 asks for at
// least 500 KiB).
const robotsMaxBytes = 512 * 1024

// Robots is the part of a robots.txt (RFC 9309) that applies to one crawler.
type Robots struct {
	rules []robotsRule
	// Delay is the group's Crawl-delay (a common extension), 0 when none.
	Delay time.Duration
	// DenyAll is set when robots.txt could not be fetched for a server error:
	// the site is then taken as wholly disallowed (RFC 9309, 2.3.1.4).
	DenyAll bool
}

type robotsRule struct {
	allow   bool
	pattern string
}

// ParseRobots reads a robots.txt for the crawler whose product token is
// agent (such as "actionplan"). The groups naming the agent apply (merged),
// or else the groups for *. Lines it does not know are ignored.
func ParseRobots(body []byte, agent string) *Robots {
	agent = strings.ToLower(agent)
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false // the previous line was a user-agent line
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 64*1024), robotsMaxBytes)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			name, _, _ := strings.Cut(strings.ToLower(val), "/")
			cur.agents = append(cur.agents, strings.TrimSpace(name))
			inAgents = true
			continue
		case "allow", "disallow":
			if cur != nil && val != "" {
				cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: val})
			}
		case "crawl-delay":
			if cur != nil {
				if s, err := strconv.ParseFloat(val, 64); err == nil && s > 0 && s < 86400 {
					cur.delay = time.Duration(s * float64(time.Second))
				}
			}
		}
		inAgents = false
	}
	pick := func(name string) *Robots {
		var r *Robots
		for _, g := range groups {
			for _, a := range g.agents {
				if a == name {
					if r == nil {
						r = &Robots{}
					}
					r.rules = append(r.rules, g.rules...)
					r.Delay = max(r.Delay, g.delay)
					break
				}
			}
		}
		return r
	}
	if r := pick(agent); r != nil {
		return r
	}
	if r := pick("*"); r != nil {
		return r
	}
	return &Robots{}
}

// Allowed reports whether the crawler may fetch u: the longest matching rule
// decides, Allow winning a tie; no matching rule allows. /robots.txt itself
// is always allowed.
func (r *Robots) Allowed(u *url.URL) bool {
	if r == nil {
		return true
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if p == "/robots.txt" {
		return true
	}
	if r.DenyAll {
		return false
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, p) {
			continue
		}
		n := len(rule.pattern)
		if n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern (* for any characters, a
// final $ for the end of the path) against the start of path.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	pattern = normalizeEscapes(pattern)
	path = normalizeEscapes(path)
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	for i, part := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return strings.HasSuffix(path[pos:], part)
		}
		j := strings.Index(path[pos:], part)
		if j < 0 {
			return false
		}
		pos += j + len(part)
	}
	return !anchored || pos == len(path)
}

// normalizeEscapes upper-cases percent escapes, so that %2f and %2F compare
// equal.
func normalizeEscapes(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b[i+1] = upperHex(b[i+1])
			b[i+2] = upperHex(b[i+2])
		}
	}
	return string(b)
}

func upperHex(c byte) byte {
	if c >= 'a' && c <= 'f' {
		return c - 'a' + 'A'
	}
	return c
}
