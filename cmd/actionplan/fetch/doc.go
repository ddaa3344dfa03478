// Package fetch collects review PDFs from the web pages that councils,
// partnerships and libraries publish them on, for `actionplan fetch`.
//
// A crawl starts from the URLs of a sites file, follows links on the same
// hosts to pages (within a depth) and to documents, and saves each response
// that really is a PDF under a name made from its content hash. It is polite
// (robots.txt, a delay and a concurrency limit per host, bounded retries that
// honour Retry-After) and incremental: a state file in the output folder
// remembers each document's ETag and Last-Modified between runs, so that an
// unchanged document is not downloaded again. Every saved file is listed with
// its provenance in sources.csv, the file `actionplan ingest --sources` reads.
package fetch
