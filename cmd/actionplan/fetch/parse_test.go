package fetch

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestRobots(t *testing.T) {
	txt := `# comments and odd spacing
User-agent: *
Disallow: /private/
Disallow: /*.cgi$
Allow: /private/public/
crawl-delay: 1.5

User-agent: Googlebot
User-agent: ActionPlan/2.0
Disallow: /search
Allow: /search/reviews
Disallow: /docs/%7Edraft
Crawl-delay: 3

User-agent: otherbot
Disallow: /
`
	r := ParseRobots([]byte(txt), "actionplan")
	if r.Delay != 3*time.Second {
		t.Errorf("Crawl-delay %v, want 3s (our group)", r.Delay)
	}
	for path, want := range map[string]bool{
		"/":                  true,
		"/private/x.pdf":     true, // the * group does not apply: we have our own
		"/search":            false,
		"/search?q=dhr":      false,
		"/search/reviews/1":  true, // longer Allow wins
		"/docs/%7edraft.pdf": false,
		"/robots.txt":        true,
	} {
		if got := r.Allowed(mustURL(t, "https://x.example"+path)); got != want {
			t.Errorf("actionplan %s: allowed %v, want %v", path, got, want)
		}
	}
	star := ParseRobots([]byte(txt), "somebot")
	for path, want := range map[string]bool{
		"/private/a.pdf":         false,
		"/private/public/a.pdf":  true,
		"/run.cgi":               false,
		"/run.cgi?x=1":           true, // $ anchors at the end
		"/reviews/plan.pdf":      true,
		"/private":               true,
		"/PRIVATE/a.pdf":         true, // paths are case-sensitive
		"/private/public":        false,
		"/private/public/":       true,
		"/private/public/x?y=/z": true,
	} {
		if got := star.Allowed(mustURL(t, "https://x.example"+path)); got != want {
			t.Errorf("* %s: allowed %v, want %v", path, got, want)
		}
	}
	if star.Delay != 1500*time.Millisecond {
		t.Errorf("* Crawl-delay %v", star.Delay)
	}
	// Equal lengths: Allow wins; nothing for anyone: all allowed.
	tie := ParseRobots([]byte("User-agent: *\nDisallow: /a\nAllow: /a\n"), "actionplan")
	if !tie.Allowed(mustURL(t, "http://x/a")) {
		t.Error("a tie between Allow and Disallow must allow")
	}
	if !ParseRobots(nil, "actionplan").Allowed(mustURL(t, "http://x/a")) {
		t.Error("an empty robots.txt must allow")
	}
	if (&Robots{DenyAll: true}).Allowed(mustURL(t, "http://x/a")) {
		t.Error("DenyAll allowed a page")
	}
}

func TestExtractLinks(t *testing.T) {
	page := `<html><head><base href="https://lib.example/reviews/"></head><body>
<!-- <a href="commented.pdf">no</a> -->
<script>var s = '<a href="script.pdf">no</a>';</script>
<a href="2023/dhr-1.pdf?x=1&amp;y=2#page=3">DHR
   <b>one</b></a>
<a href="/download/9" type="application/pdf" title="Plan nine">download</a>
<a href="/download/10">Action plan [PDF 300KB]</a>
<a href="/download/11" title="Eleven"><img src="x.png"></a>
<a href="javascript:void(0)">js</a><a href="mailto:x@y">mail</a><a href="#top">top</a><a href="">empty</a>
<iframe src="//cdn.example/embedded.pdf"></iframe>
<a href="unclosed.pdf">Unclosed
<p>paragraph</p>
</body></html>`
	links, nofollow := ExtractLinks([]byte(page), mustURL(t, "https://lib.example/list"))
	if nofollow {
		t.Error("nofollow without a robots meta tag")
	}
	want := []Link{
		{URL: mustURL(t, "https://lib.example/reviews/2023/dhr-1.pdf?x=1&y=2"), Text: "DHR one"},
		{URL: mustURL(t, "https://lib.example/download/9"), Text: "download", PDFHint: true},
		{URL: mustURL(t, "https://lib.example/download/10"), Text: "Action plan [PDF 300KB]", PDFHint: true},
		{URL: mustURL(t, "https://lib.example/download/11"), Text: "Eleven"},
		{URL: mustURL(t, "https://cdn.example/embedded.pdf")},
		{URL: mustURL(t, "https://lib.example/reviews/unclosed.pdf"), Text: "Unclosed paragraph"},
	}
	if len(links) != len(want) {
		t.Fatalf("%d links, want %d: %+v", len(links), len(want), links)
	}
	for i, w := range want {
		g := links[i]
		if g.URL.String() != w.URL.String() || g.Text != w.Text || g.PDFHint != w.PDFHint {
			t.Errorf("link %d = %s %q %v, want %s %q %v", i, g.URL, g.Text, g.PDFHint, w.URL, w.Text, w.PDFHint)
		}
	}
	_, nofollow = ExtractLinks([]byte(`<meta name="ROBOTS" content="noindex, nofollow"><a href="a.pdf">a</a>`),
		mustURL(t, "https://x.example/"))
	if !nofollow {
		t.Error("robots meta nofollow not seen")
	}
	long, _ := ExtractLinks([]byte(`<a href="a.pdf">`+strings.Repeat("é word ", 200)+`</a>`), mustURL(t, "https://x.example/"))
	if n := len(long[0].Text); n > linkTextMax || !strings.HasPrefix(long[0].Text, "é word") {
		t.Errorf("long link text: %d bytes", n)
	}
}

func TestFileNames(t *testing.T) {
	sum := strings.Repeat("ab", 32)
	for _, tc := range []struct {
		url, disposition, want string
	}{
		{"https://x.example/reviews/DHR%20Anna%20(final).PDF", "", "DHR-Anna-final"},
		{"https://x.example/a/..%2F..%2Fetc%2Fpasswd", "", "passwd"},
		{"https://x.example/download/123", `attachment; filename="..\..\Plan 7.pdf"`, "Plan-7"},
		{"https://x.example/download/123", `attachment; filename*=UTF-8''Pl%C3%A0n%20%C2%A3.pdf`, "Pl-n"},
		{"https://x.example/", "", "document"},
		{"https://x.example/.hidden", "", "hidden"},
		{"https://x.example/" + strings.Repeat("long", 40) + ".pdf", "", strings.Repeat("long", 15)},
	} {
		got := fileName(sum, mustURL(t, tc.url), tc.disposition)
		want := sum[:16] + "-" + tc.want + ".pdf"
		if got != want {
			t.Errorf("%s %q: %s, want %s", tc.url, tc.disposition, got, want)
		}
		if strings.ContainsAny(got, `/\`) || strings.HasPrefix(got, ".") {
			t.Errorf("unsafe name %s", got)
		}
	}
}

func TestIsPDF(t *testing.T) {
	for _, tc := range []struct {
		head string
		want bool
	}{
		{"%PDF-1.7\n", true},
		{strings.Repeat(" ", 1000) + "%PDF-1.4", true},
		{strings.Repeat(" ", 1020) + "%PDF-1.4", false}, // starts within 1024 bytes but is cut: not whole
		{strings.Repeat(" ", 2000) + "%PDF-1.4", false},
		{"<html>%PDF-</html>", true}, // bytes decide, as readers do
		{"<!doctype html><title>Not found</title>", false},
		{"", false},
	} {
		if got := isPDF([]byte(tc.head)); got != tc.want {
			t.Errorf("isPDF(%.30q...) = %v, want %v", tc.head, got, tc.want)
		}
	}
}

func TestParseSites(t *testing.T) {
	in := "\ufeff# sites\n\nhttps://www.a.example/dhr\nhttps://b.example/sar depth=2 https://b.example/sar/* *.pdf\n  http://c.example/x#frag depth=0  \n"
	sites, err := ParseSites(strings.NewReader(in), "sites.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(sites) != 3 || sites[0].Depth != -1 || sites[1].Depth != 2 || len(sites[1].Patterns) != 2 ||
		sites[2].Depth != 0 || sites[2].Start.String() != "http://c.example/x" || sites[1].Line != "sites.txt:4" {
		t.Fatalf("%+v", sites)
	}
	if !sites[1].Patterns[0].Match("https://b.example/sar/2024/x.pdf") || sites[1].Patterns[0].Match("https://b.example/sarx") {
		t.Error("pattern with * and a literal")
	}
	if !sites[1].Patterns[1].Match("https://cdn.example/a.pdf") || sites[1].Patterns[1].Match("https://cdn.example/a.pdf?x") {
		t.Error("pattern *.pdf")
	}
	for _, bad := range []string{"ftp://x.example/", "/relative", "https://x.example/ depth=x", "https://x.example/ depth=-1", "https:///nohost"} {
		if _, err := ParseSites(strings.NewReader(bad+"\n"), "s.txt"); err == nil || !strings.Contains(err.Error(), "s.txt:1") {
			t.Errorf("%q: %v, want an error naming s.txt:1", bad, err)
		}
	}
}

func TestParseBytesAndRetryAfter(t *testing.T) {
	for in, want := range map[string]int64{"100": 100, "2k": 2048, "200MB": 200 << 20, "1 GiB": 1 << 30, "5b": 5} {
		if got, err := ParseBytes(in); err != nil || got != want {
			t.Errorf("ParseBytes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "-1", "lots", "1.5MB", "99999999999GB"} {
		if _, err := ParseBytes(bad); err == nil {
			t.Errorf("ParseBytes(%q) accepted", bad)
		}
	}
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"7": 7 * time.Second, "0": 0, "Thu, 01 Jan 2026 12:01:30 GMT": 90 * time.Second,
		"Thu, 01 Jan 2026 11:00:00 GMT": 0,
	} {
		if got, ok := retryAfter(in, now); !ok || got != want {
			t.Errorf("retryAfter(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if _, ok := retryAfter("soon", now); ok {
		t.Error("retryAfter accepted a word")
	}
}
