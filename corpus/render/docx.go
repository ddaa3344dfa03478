package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/actionplan/actionplan/corpus/spec"
)

// fixedTime stamps every zip entry so that a rendering is byte-stable.
var fixedTime = time.Date(2024, 10, 1, 9, 0, 0, 0, time.UTC)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// docx writes the spec as a WordprocessingML package.
func docx(s *spec.Spec) []byte {
	files := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreProps(s)},
		{"word/_rels/document.xml.rels", docRels},
		{"word/styles.xml", styles(s)},
		{"word/header1.xml", headerXML(s)},
		{"word/footer1.xml", footerXML(s)},
		{"word/document.xml", documentXML(s)},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			panic(err) // writing to memory cannot fail
		}
		w.Write([]byte(f.body))
	}
	zw.Close()
	return buf.Bytes()
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`

const docRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>`

func coreProps(s *spec.Spec) string {
	title := s.ID
	if s.Review != nil {
		title = strings.TrimSpace(s.Review.Type + " " + s.Review.Reference + " action plan")
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>` + esc(title) + `</dc:title><dc:creator>Community Safety Partnership</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2024-10-01T09:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2024-10-01T09:00:00Z</dcterms:modified>
</cp:coreProperties>`
}

func styles(s *spec.Spec) string {
	f, sz := esc(font(s, nil)), int(size(s, nil)*2)
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles %s>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s" w:eastAsia="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="%d"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="%d"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="160"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
</w:styles>`, wNS, f, f, f, f, sz, sz, sz+8, sz+4)
}

func headerXML(s *spec.Spec) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + wNS + `>` +
		`<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>` + run(s.Layout.Header, false) + `</w:p></w:hdr>`
}

func footerXML(s *spec.Spec) string {
	var b strings.Builder
	for _, part := range footerParts(s.Layout.Footer) {
		switch part {
		case "{page}":
			b.WriteString(`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
		case "{pages}":
			b.WriteString(`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
		default:
			b.WriteString(run(part, false))
		}
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ` + wNS + `>` +
		`<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>` + b.String() + `</w:p></w:ftr>`
}

func documentXML(s *spec.Spec) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>`)
	for _, blk := range s.Blocks {
		b.WriteString(docxBlock(s, blk))
	}
	b.WriteString(sectPr(s))
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

func sectPr(s *spec.Spec) string {
	w, h := pageTwips(s)
	orient := ""
	if landscape(s) {
		orient = ` w:orient="landscape"`
	}
	m := marginTwips(s)
	return fmt.Sprintf(`<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:footerReference w:type="default" r:id="rId3"/>`+
		`<w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`,
		w, h, orient, m, m, m, m)
}

func docxBlock(s *spec.Spec, blk spec.Block) string {
	switch blk.Kind {
	case "title":
		return para("Title", "", blk.Text, true)
	case "heading":
		return para("Heading1", "", blk.Text, true)
	case "pagebreak":
		return `<w:p><w:r><w:br w:type="page"/></w:r></w:p>`
	case "table":
		return docxTable(s, blk.Table) + `<w:p/>`
	default:
		return para("BodyText", "", blk.Text, blk.Bold)
	}
}

// para writes one paragraph; "\n" inside text becomes a line break.
func para(style, extraPPr, text string, bold bool) string {
	ppr := extraPPr
	if style != "" {
		ppr = `<w:pStyle w:val="` + style + `"/>` + ppr
	}
	return `<w:p><w:pPr>` + ppr + `</w:pPr>` + run(text, bold) + `</w:p>`
}

func run(text string, bold bool) string {
	if text == "" {
		return ""
	}
	rpr := ""
	if bold {
		rpr = `<w:rPr><w:b/></w:rPr>`
	}
	lines := strings.Split(text, "\n")
	var b strings.Builder
	b.WriteString(`<w:r>` + rpr)
	for i, l := range lines {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		for _, piece := range symbolPieces(l) {
			if piece.font != "" {
				fmt.Fprintf(&b, `<w:sym w:font="%s" w:char="%04X"/>`, piece.font, piece.text[0])
				continue
			}
			b.WriteString(`<w:t xml:space="preserve">` + esc(string(piece.text)) + `</w:t>`)
		}
	}
	b.WriteString(`</w:r>`)
	return b.String()
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
