package fetch

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// pdfMagicWindow is how far into a file %PDF- may start (readers accept
// junk before it).
const pdfMagicWindow = 1024

// isPDF reports whether the first bytes of a response hold the PDF header.
func isPDF(head []byte) bool {
	return bytes.Contains(head[:min(len(head), pdfMagicWindow)], []byte("%PDF-"))
}

// errTooLarge is a body over the per-file limit.
type errTooLarge struct{ limit int64 }

func (e errTooLarge) Error() string {
	return fmt.Sprintf("larger than the %s allowed (--max-bytes)", FormatBytes(e.limit))
}

// download writes a PDF body to a temporary file in dir, hashing it on the
// way; at most limit bytes. The caller renames or removes the file.
func download(dir string, body *bufio.Reader, limit int64) (tmp, sum string, size int64, err error) {
	f, err := os.CreateTemp(dir, ".fetch-*.part")
	if err != nil {
		return "", "", 0, err
	}
	tmp = f.Name()
	h := sha256.New()
	size, err = io.Copy(io.MultiWriter(f, h), io.LimitReader(body, limit+1))
	if err == nil && size > limit {
		err = errTooLarge{limit}
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return "", "", 0, err
	}
	return tmp, hex.EncodeToString(h.Sum(nil)), size, nil
}

// fileName is the name a PDF is saved under: the start of its content hash,
// then a name cleaned from the server's Content-Disposition or the URL's
// last segment. It never holds a path separator or starts with a dot.
func fileName(sum string, u *url.URL, disposition string) string {
	name := ""
	if _, params, err := mime.ParseMediaType(disposition); err == nil {
		name = params["filename"]
	}
	if name == "" {
		name = path.Base(u.Path)
	}
	return sum[:16] + "-" + cleanName(name) + ".pdf"
}

// cleanName keeps letters, digits, '-' and '_' of a name (its extension
// dropped), joining runs of anything else into one '-'; at most 60 bytes.
func cleanName(name string) string {
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	if ext := filepath.Ext(name); strings.EqualFold(ext, ".pdf") {
		name = strings.TrimSuffix(name, ext)
	}
	var b strings.Builder
	dash := false
	for _, r := range name {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
		if !ok {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		if b.Len() >= 60 {
			break
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "document"
	}
	return b.String()
}
