// Command render writes, from every corpus source spec (corpus/src/*.json),
// the documents the real producers turn into the corpus PDFs: a DOCX for
// LibreOffice, a flat ODT (.fodt) for LibreOffice, an HTML page for Chromium and wkhtmltopdf, the
// wkhtmltopdf arguments that carry the page layout HTML cannot give it, LaTeX
// for pdflatex (.tex with longtable; .xl.tex with xltabular, and pdflscape
// pages for a landscape spec) and a sheet layout (.sheet.json) that
// corpus/xlsx.py turns into an .xlsx for LibreOffice Calc.
// It never runs a producer; corpus/make.sh does.
//
//	go run ./corpus/render -src corpus/src -out corpus/build
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/actionplan/actionplan/corpus/spec"
)

func main() {
	src := flag.String("src", "corpus/src", "directory of source specs")
	out := flag.String("out", "corpus/build", "directory to write renderings to")
	flag.Parse()
	if err := renderDir(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "render:", err)
		os.Exit(1)
	}
}

func renderDir(src, out string) error {
	paths, err := filepath.Glob(filepath.Join(src, "*.json"))
	if err != nil {
		return err
	}
	sort.Strings(paths)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, p := range paths {
		s, err := spec.Load(p)
		if err != nil {
			return err
		}
		if err := renderAll(s, out); err != nil {
			return fmt.Errorf("%s: %w", s.ID, err)
		}
	}
	return nil
}

func renderAll(s *spec.Spec, out string) error {
	base := filepath.Join(out, s.ID)
	if err := os.WriteFile(base+".docx", docx(s), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(base+".fodt", []byte(fodt(s)), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(base+".html", []byte(html(s)), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(base+".tex", []byte(tex(s, false, false)), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(base+".xl.tex", []byte(tex(s, true, true)), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(base+".sheet.json", sheetJSON(s), 0o644); err != nil {
		return err
	}
	return os.WriteFile(base+".wkargs", []byte(wkArgs(s)), 0o644)
}
