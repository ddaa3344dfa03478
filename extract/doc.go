// Package extract turns a PDF into positioned text, then tables, then whole
// logical rows with page provenance.
//
// The pipeline is: gate (pdfcpu validates, decrypts, repairs and writes a clean
// copy), interpret (our own content-stream interpreter over ledongthuc/pdf's
// object layer gives glyphs and ruling lines), layout (words, lines, page
// furniture), tables (header detection, column bounds) and rows (fragments
// joined across pages). It never interprets what a cell means: canonical
// fields, statuses and agencies belong to package normalize.
package extract
