package extract

import "bytes"

// maxNesting bounds how deep arrays and dictionaries nest in a file's
// objects. Real files nest a few levels; pdfcpu refuses an object nested
// past 100 and loses it whole, so a page dictionary holding a very deep
// junk array would lose its page.
const maxNesting = 64

// flattenDeep returns data with every array or dictionary nested deeper
// than maxNesting replaced, in place and at the same length, by `null`
// (or a `0` where only two bytes are free), as poppler skips what it
// cannot parse and keeps the rest of the object. Stream data, strings and
// comments are stepped over. It returns data itself, not a copy, and 0,
// when nothing is too deep.
func flattenDeep(data []byte) ([]byte, int) {
	out := data
	n := 0
	depth := 0
	start := -1 // where the subtree too deep began
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case '(':
			i = skipString(data, i)
		case '<':
			if i+1 < len(data) && data[i+1] == '<' {
				i++
				depth++
				if depth == maxNesting+1 {
					start = i - 1
				}
				continue
			}
			if j := bytes.IndexByte(data[i:], '>'); j >= 0 {
				i += j
			} else {
				i = len(data)
			}
		case '[':
			depth++
			if depth == maxNesting+1 {
				start = i
			}
		case ']', '>':
			if c == '>' {
				if i+1 >= len(data) || data[i+1] != '>' {
					continue
				}
				i++
			}
			if depth == maxNesting+1 && start >= 0 {
				if n == 0 {
					out = bytes.Clone(data)
				}
				blank(out[start : i+1])
				n++
				start = -1
			}
			if depth > 0 {
				depth--
			}
		case 's':
			if bytes.HasPrefix(data[i:], []byte("stream")) && (i == 0 || !isRegular(data[i-1])) &&
				i+6 < len(data) && (data[i+6] == '\n' || data[i+6] == '\r') {
				j := bytes.Index(data[i+6:], []byte("endstream"))
				if j < 0 {
					return out, n
				}
				i += 6 + j + len("endstream") - 1
				depth = 0 // objects do not run over a stream
				start = -1
			}
		case 'e':
			if bytes.HasPrefix(data[i:], []byte("endobj")) && (i == 0 || !isRegular(data[i-1])) {
				depth, start = 0, -1 // an unbalanced object ends here
				i += len("endobj") - 1
			}
		}
	}
	return out, n
}

// skipString returns the index of the ')' that closes the literal string
// opened at i, or the end of data.
func skipString(data []byte, i int) int {
	level := 0
	for ; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '(':
			level++
		case ')':
			level--
			if level == 0 {
				return i
			}
		}
	}
	return len(data)
}

func blank(b []byte) {
	for i := range b {
		b[i] = ' '
	}
	if len(b) >= 4 {
		copy(b, "null")
	} else {
		b[0] = '0'
	}
}

// isRegular reports whether c is a regular character: neither white space
// nor a delimiter.
func isRegular(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0, '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return false
	}
	return true
}
