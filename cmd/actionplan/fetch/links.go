package fetch

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// Link is one link of a page, resolved against the page's URL (or its <base>).
type Link struct {
	URL  *url.URL
	Text string // the link's text, spaces collapsed; else its title or aria-label
	// PDFHint is set when the markup says the link is a PDF: a type
	// attribute naming PDF, or link text that mentions PDF.
	PDFHint bool
}

// linkTextMax bounds a link's recorded text.
const linkTextMax = 300

// ExtractLinks returns the links of an HTML page (a, area, iframe, embed,
// object), resolved against base, http and https only, in document order. A
// page whose robots meta tag says nofollow (or none) yields no links;
// nofollow reports that.
func ExtractLinks(body []byte, base *url.URL) (links []Link, nofollow bool) {
	z := html.NewTokenizer(bytes.NewReader(body))
	var open *Link // the <a> whose text is being read
	var text strings.Builder
	closeA := func() {
		if open == nil {
			return
		}
		t := collapseSpace(text.String())
		if t != "" {
			open.Text = t
		}
		open.PDFHint = open.PDFHint || mentionsPDF(open.Text)
		links = append(links, *open)
		open = nil
		text.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			closeA()
			return links, nofollow
		case html.TextToken:
			if open != nil && text.Len() < 4*linkTextMax {
				text.Write(z.Text())
				text.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if string(name) == "a" {
				closeA()
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if _, dup := attrs[string(k)]; !dup {
					attrs[string(k)] = string(v)
				}
			}
			tag := string(name)
			switch tag {
			case "base":
				if u, err := base.Parse(strings.TrimSpace(attrs["href"])); err == nil && attrs["href"] != "" {
					base = u
				}
				continue
			case "meta":
				if strings.EqualFold(attrs["name"], "robots") {
					c := strings.ToLower(attrs["content"])
					if strings.Contains(c, "nofollow") || strings.Contains(c, "none") {
						nofollow = true
					}
				}
				continue
			}
			ref := map[string]string{"a": "href", "area": "href", "iframe": "src", "embed": "src", "object": "data"}[tag]
			if ref == "" {
				continue
			}
			if tag == "a" {
				closeA() // an <a> left open
			}
			u := resolve(base, attrs[ref])
			if u == nil {
				continue
			}
			l := Link{URL: u, Text: linkLabel(attrs)}
			l.PDFHint = strings.Contains(strings.ToLower(attrs["type"]), "pdf")
			if tag == "a" && tt == html.StartTagToken {
				open = &l
				continue
			}
			l.PDFHint = l.PDFHint || mentionsPDF(l.Text)
			links = append(links, l)
		}
	}
}

// resolve makes href absolute; nil for empty, unparsable and non-http links.
func resolve(base *url.URL, href string) *url.URL {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return nil
	}
	u, err := base.Parse(href)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	u.Fragment, u.RawFragment = "", ""
	return u
}

func linkLabel(attrs map[string]string) string {
	for _, k := range []string{"title", "aria-label"} {
		if t := collapseSpace(attrs[k]); t != "" {
			return t
		}
	}
	return ""
}

// collapseSpace joins runs of white space into one space and bounds the
// length.
func collapseSpace(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > linkTextMax {
		cut := linkTextMax
		for cut > 0 && !utf8Start(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// mentionsPDF reports whether link text names PDF as a word ("Report (PDF,
// 1.2 MB)").
func mentionsPDF(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if w == "pdf" {
			return true
		}
	}
	return false
}
