package main

import (
	"fmt"
	"strings"

	"github.com/actionplan/actionplan/corpus/spec"
)

// fodt writes the spec as a flat OpenDocument text file: one XML file that
// LibreOffice reads directly. Tables use table:table-header-rows for a
// repeated header, fo:keep-together on rows that must not break, and
// table:number-rows-spanned for merged cells.
func fodt(s *spec.Spec) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
`)
	fmt.Fprintf(&b, "<office:meta><dc:title>%s</dc:title><meta:creation-date>2024-10-01T09:00:00</meta:creation-date><dc:date>2024-10-01T09:00:00</dc:date></office:meta>\n", esc(docTitle(s)))
	f := esc(font(s, nil))
	fmt.Fprintf(&b, `<office:font-face-decls><style:font-face style:name="%s" svg:font-family="'%s'"/></office:font-face-decls>
`, f, f)
	b.WriteString(odfStyles(s))
	b.WriteString(odfAutoStyles(s))
	b.WriteString(odfMaster(s))
	b.WriteString("<office:body><office:text>\n")
	pb := false
	for ti, blk := range s.Blocks {
		if blk.Kind == "pagebreak" {
			pb = true
			continue
		}
		b.WriteString(odfBlock(s, blk, ti, pb))
		pb = false
	}
	b.WriteString("</office:text></office:body></office:document>\n")
	return b.String()
}

func odfStyles(s *spec.Spec) string {
	sz := size(s, nil)
	return fmt.Sprintf(`<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties style:font-name="%[1]s" fo:font-size="%.1[2]fpt" fo:language="en" fo:country="GB"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="%.1[3]fpt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="%.1[4]fpt" fo:font-weight="bold"/></style:style>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.25cm"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.14cm"/></style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph"><style:paragraph-properties fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8pt"/></style:style>
</office:styles>
`, esc(font(s, nil)), sz, sz+4, sz+2)
}

func odfAutoStyles(s *spec.Spec) string {
	w, h := 21.0, 29.7
	orient := "portrait"
	if landscape(s) {
		w, h, orient = h, w, "landscape"
	}
	m := marginCM(s)
	var b strings.Builder
	b.WriteString("<office:automatic-styles>\n")
	fmt.Fprintf(&b, `<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="%.2fcm" fo:page-height="%.2fcm" style:print-orientation="%s" fo:margin-top="%.2fcm" fo:margin-bottom="%.2fcm" fo:margin-left="%.2fcm" fo:margin-right="%.2fcm"/>`,
		w, h, orient, m*0.6, m*0.6, m, m)
	b.WriteString(`<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.3cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>` + "\n")
	b.WriteString(`<style:style style:name="PB" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="PBT" style:family="paragraph" style:parent-style-name="Title"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Bold" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="THC" style:family="paragraph" style:parent-style-name="Table_20_Heading"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="TI" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="TT" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="SymSymbol" style:family="text"><style:text-properties fo:font-family="Symbol" style:font-charset="x-symbol"/></style:style>
<style:style style:name="SymWingdings" style:family="text"><style:text-properties fo:font-family="Wingdings" style:font-charset="x-symbol"/></style:style>
<style:style style:name="RowKeep" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
<style:style style:name="RowFree" style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:style>
`)
	for ti, t := range tables(s) {
		b.WriteString(odfTableStyles(s, t, ti))
	}
	b.WriteString("</office:automatic-styles>\n")
	return b.String()
}

func tables(s *spec.Spec) map[int]*spec.Table {
	out := map[int]*spec.Table{}
	for i, blk := range s.Blocks {
		if blk.Kind == "table" {
			out[i] = blk.Table
		}
	}
	return out
}

// odfTableStyles names the table T<i>, its columns T<i>.C<n> and its cell
// styles T<i>.cell, T<i>.head, T<i>.theme and T<i>.fill<colour>.
func odfTableStyles(s *spec.Spec, t *spec.Table, ti int) string {
	pw := 21.0
	if landscape(s) {
		pw = 29.7
	}
	tw := pw - 2*marginCM(s)
	var b strings.Builder
	fmt.Fprintf(&b, `<style:style style:name="T%d" style:family="table"><style:table-properties style:width="%.2fcm" table:align="left" fo:margin-bottom="0.3cm"/></style:style>`+"\n", ti, tw)
	for ci, w := range widths(t, 10000) {
		fmt.Fprintf(&b, `<style:style style:name="T%d.C%d" style:family="table-column"><style:table-column-properties style:column-width="%.3fcm"/></style:style>`+"\n", ti, ci, float64(w)/10000*tw)
	}
	border := "0.5pt solid #000000"
	if t.Borderless {
		border = "none"
	}
	cell := func(name, fill string) {
		bg := ""
		if fill != "" {
			bg = ` fo:background-color="#` + fill + `"`
		}
		fmt.Fprintf(&b, `<style:style style:name="T%d.%s" style:family="table-cell"><style:table-cell-properties fo:padding-left="0.1cm" fo:padding-right="0.1cm" fo:padding-top="0.06cm" fo:padding-bottom="0.06cm" fo:border="%s"%s/></style:style>`+"\n", ti, name, border, bg)
	}
	cell("cell", "")
	cell("head", t.HeaderShade)
	theme := t.HeaderShade
	if theme == "" {
		theme = "F2F2F2"
	}
	cell("theme", theme)
	for _, fill := range fills(t) {
		cell("fill"+fill, fill)
	}
	return b.String()
}

func fills(t *spec.Table) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range t.Rows {
		for _, f := range r.Fill {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

func odfMaster(s *spec.Spec) string {
	var b strings.Builder
	b.WriteString(`<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">`)
	if s.Layout.Header != "" {
		b.WriteString(`<style:header><text:p text:style-name="Header">` + esc(s.Layout.Header) + `</text:p></style:header>`)
	}
	if s.Layout.Footer != "" {
		b.WriteString(`<style:footer><text:p text:style-name="Header">`)
		for _, part := range footerParts(s.Layout.Footer) {
			switch part {
			case "{page}":
				b.WriteString(`<text:page-number text:select-page="current">1</text:page-number>`)
			case "{pages}":
				b.WriteString(`<text:page-count>1</text:page-count>`)
			default:
				b.WriteString(esc(part))
			}
		}
		b.WriteString(`</text:p></style:footer>`)
	}
	b.WriteString("</style:master-page></office:master-styles>\n")
	return b.String()
}
