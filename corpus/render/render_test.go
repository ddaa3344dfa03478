package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/corpus/spec"
)

// wellFormed reports the first XML syntax error in doc.
func wellFormed(doc []byte) error {
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// TestRenderCorpus renders every spec and checks that the DOCX parts and the
// flat ODT are well-formed XML and that every cell's text reaches the output.
func TestRenderCorpus(t *testing.T) {
	paths, _ := filepath.Glob("../src/*.json")
	if len(paths) == 0 {
		t.Fatal("no specs")
	}
	for _, p := range paths {
		s, err := spec.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(s.ID, func(t *testing.T) {
			d := docx(s)
			zr, err := zip.NewReader(bytes.NewReader(d), int64(len(d)))
			if err != nil {
				t.Fatal(err)
			}
			var body []byte
			for _, f := range zr.File {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				if err := wellFormed(b); err != nil {
					t.Errorf("docx %s: %v", f.Name, err)
				}
				if f.Name == "word/document.xml" {
					body = b
				}
			}
			fo := fodt(s)
			if err := wellFormed([]byte(fo)); err != nil {
				t.Errorf("fodt: %v", err)
			}
			h := html(s)
			for _, blk := range s.Blocks {
				if blk.Kind != "table" {
					continue
				}
				for _, r := range blk.Table.Rows {
					for _, c := range r.Cells {
						for _, para := range strings.Split(spec.Text(c), "\n") {
							if !renderedIn(string(body), fo, para) || !strings.Contains(h, lines(para)) {
								t.Errorf("paragraph %q missing from a rendering", para)
							}
						}
					}
				}
			}
		})
	}
}

func TestDocxDeterministic(t *testing.T) {
	s, err := spec.Load("../src/seed_kmbc_dhr05.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(docx(s), docx(s)) {
		t.Error("two renderings of one spec differ")
	}
}

// renderedIn reports whether the DOCX body and the flat ODT both print
// para: its text runs as escaped text, its Symbol and Wingdings bullets as
// symbols of those fonts.
func renderedIn(docxBody, fo, para string) bool {
	for _, pc := range symbolPieces(para) {
		if pc.font != "" {
			sym := fmt.Sprintf(`<w:sym w:font="%s" w:char="%04X"/>`, pc.font, pc.text[0])
			span := `<text:span text:style-name="Sym` + pc.font + `">` + string(pc.text) + `</text:span>`
			if !strings.Contains(docxBody, sym) || !strings.Contains(fo, span) {
				return false
			}
			continue
		}
		if e := esc(string(pc.text)); !strings.Contains(docxBody, e) || !strings.Contains(fo, e) {
			return false
		}
	}
	return true
}
