package main

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/actionplan/actionplan/corpus/spec"
)

// html writes the spec as one HTML page. Running headers and footers use CSS
// page-margin boxes, which Chromium prints; wkhtmltopdf gets them from
// wkArgs instead.
func html(s *spec.Spec) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\n<title>")
	b.WriteString(template.HTMLEscapeString(docTitle(s)))
	b.WriteString("</title>\n<style>\n" + css(s) + "</style></head>\n<body>\n")
	for _, blk := range s.Blocks {
		b.WriteString(htmlBlock(s, blk))
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

func docTitle(s *spec.Spec) string {
	if s.Review != nil {
		return strings.TrimSpace(s.Review.Type + " " + s.Review.Reference + " action plan")
	}
	return s.ID
}

func css(s *spec.Spec) string {
	orient := "portrait"
	if landscape(s) {
		orient = "landscape"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "@page { size: A4 %s; margin: %.1fcm;\n", orient, marginCM(s))
	if s.Layout.Header != "" {
		fmt.Fprintf(&b, "  @top-center { content: %q; font: 8pt %q; }\n", s.Layout.Header, font(s, nil))
	}
	if s.Layout.Footer != "" {
		fmt.Fprintf(&b, "  @bottom-center { content: %s; font: 8pt %q; }\n", cssFooter(s.Layout.Footer), font(s, nil))
	}
	b.WriteString("}\n")
	fmt.Fprintf(&b, "body { font-family: %q; font-size: %.1fpt; line-height: 1.2; margin: 0; }\n", font(s, nil), size(s, nil))
	b.WriteString("h1 { font-size: 1.5em; margin: 0 0 6pt 0; } h2 { font-size: 1.25em; margin: 12pt 0 6pt 0; break-after: avoid; }\n")
	b.WriteString("p.body { margin: 0 0 8pt 0; text-align: justify; } p.c { margin: 0 0 4pt 0; } p.c:last-child { margin-bottom: 0; }\n")
	b.WriteString(".pb { break-before: page; }\n")
	b.WriteString("table { border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: 10pt; }\n")
	b.WriteString("td, th { vertical-align: top; padding: 3pt 5pt; text-align: left; }\n")
	b.WriteString("table.ruled td, table.ruled th { border: 0.75pt solid #000; }\n")
	b.WriteString("th { font-weight: bold; } th.center { text-align: center; vertical-align: middle; }\n")
	b.WriteString("tr.keep { break-inside: avoid; page-break-inside: avoid; } tr.split { break-inside: auto; }\n")
	b.WriteString("thead { display: table-header-group; } td.theme { font-weight: bold; } td.instr { font-style: italic; }\n")
	return b.String()
}

func cssFooter(f string) string {
	var parts []string
	for _, p := range footerParts(f) {
		switch p {
		case "{page}":
			parts = append(parts, "counter(page)")
		case "{pages}":
			parts = append(parts, "counter(pages)")
		default:
			parts = append(parts, fmt.Sprintf("%q", p))
		}
	}
	return strings.Join(parts, " ")
}

func htmlBlock(s *spec.Spec, blk spec.Block) string {
	switch blk.Kind {
	case "title":
		return "<h1>" + lines(blk.Text) + "</h1>\n"
	case "heading":
		return "<h2>" + lines(blk.Text) + "</h2>\n"
	case "pagebreak":
		return "<div class=\"pb\"></div>\n"
	case "table":
		return htmlTable(s, blk.Table)
	}
	if blk.Bold {
		return "<p class=\"body\"><b>" + lines(blk.Text) + "</b></p>\n"
	}
	return "<p class=\"body\">" + lines(blk.Text) + "</p>\n"
}

// lines escapes text and turns "\n" into <br>.
func lines(s string) string {
	parts := strings.Split(s, "\n")
	for i := range parts {
		var b strings.Builder
		for _, pc := range symbolPieces(parts[i]) {
			if pc.font != "" {
				fmt.Fprintf(&b, "<span style=\"font-family: %s\">%s</span>", pc.font, string(pc.text))
				continue
			}
			b.WriteString(template.HTMLEscapeString(string(pc.text)))
		}
		parts[i] = b.String()
	}
	return strings.Join(parts, "<br>")
}

// wkArgs gives wkhtmltopdf the page layout, one argument per line. The
// Debian build uses an unpatched Qt, which ignores running headers and
// footers and always shrinks to fit, so none are asked for.
func wkArgs(s *spec.Spec) string {
	orient := "Portrait"
	if landscape(s) {
		orient = "Landscape"
	}
	m := fmt.Sprintf("%.0fmm", marginCM(s)*10)
	args := []string{"--page-size", "A4", "--orientation", orient,
		"--margin-top", m, "--margin-bottom", m, "--margin-left", m, "--margin-right", m,
		"--title", docTitle(s)}
	return strings.Join(args, "\n") + "\n"
}
