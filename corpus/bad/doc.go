// Package bad makes the hostile PDFs of the robustness tests: decompression
// bombs, streams whose /Length lies, page trees that loop, very deep arrays,
// broken embedded fonts, missing page trees, truncated files and long
// documents over the page cap. Each case is made at test time from a few
// lines of Go (a bomb is a few megabytes that inflate to gigabytes, so none
// is committed) and carries what the extractor must make of it.
package bad
