package extract

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/fault"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"
)

var disableConfig sync.Once

// gated is a file that passed the gate: its metadata, and a clean copy that
// ledongthuc/pdf can open.
type gated struct {
	meta     Meta
	reader   *pdf.Reader
	warnings []string
	caps     []string // caps hit while the structure was read: what was not read
}

// gateTimeout bounds pdfcpu's work on one file: malformed structure must not
// hang the run. A gate that overruns is abandoned (its goroutine finishes
// on its own) and the file fails.
var gateTimeout = 120 * time.Second

// gate runs pdfcpu over data: relaxed validation (an error is a warning),
// decryption with the empty user password, repair, and a clean rewrite with
// no object or xref streams. Panics inside the libraries become errors.
func gate(ctx context.Context, data []byte, opt *Options) (*gated, error) {
	disableConfig.Do(disableConfigDir)
	if e := sniff(data); e != nil {
		return nil, e
	}
	type result struct {
		g   *gated
		err error
	}
	done := make(chan result, 1)
	go func() {
		g, err := gateWork(data, opt)
		done <- result{g, err}
	}()
	t := time.NewTimer(gateTimeout)
	defer t.Stop()
	select {
	case r := <-done:
		return r.g, r.err
	case <-t.C:
		return nil, fmt.Errorf("gave up reading the file structure after %s", gateTimeout)
	case <-ctx.Done():
		return nil, fmt.Errorf("gave up reading the file structure: the file's time bound (%s) ran out", opt.Timeout)
	}
}

func gateWork(data []byte, opt *Options) (g *gated, err error) {
	defer func() {
		if r := recover(); r != nil {
			g, err = nil, panicError(r)
		}
	}()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	// pdfcpu holds what it decodes (object streams): the stream cap holds
	// for its work too.
	conf.Limits.MaxDecodeBytes = min(opt.MaxStreamBytes, maxHeldBytes)
	conf.Limits.MaxStreamBytes = opt.MaxBytes
	data, deep := flattenDeep(data)
	data, xrefCaps := defuseXRefBombs(data)
	ctx, err := readContext(bytes.NewReader(data), conf)
	if err != nil {
		return nil, explainRead(err)
	}
	g = &gated{caps: xrefCaps}
	if deep > 0 {
		g.warnings = append(g.warnings, fmt.Sprintf("%d arrays or dictionaries nested deeper than %d levels skipped", deep, maxNesting))
	}
	// Before validation, which drops a page tree whose /Kids loop back.
	tree, tw, err := repairPageTree(ctx.XRefTable)
	if err != nil {
		return nil, err
	}
	g.warnings = append(g.warnings, tw...)
	if n := repairStreamLengths(ctx.XRefTable, data); n > 0 {
		g.warnings = append(g.warnings, fmt.Sprintf("%d streams whose /Length is wrong read up to their endstream", n))
	}
	g.caps = append(g.caps, emptyOverlongMetadata(ctx.XRefTable)...)
	fonts := snapshotFontDicts(ctx.XRefTable)
	if verr := validate.XRefTable(ctx); verr != nil {
		g.warnings = append(g.warnings, "validation: "+firstLine(verr.Error()))
	}
	restoreFontDicts(fonts)
	if w := restoreTree(ctx.XRefTable, tree); w != "" {
		g.warnings = append(g.warnings, w)
	}
	if ctx.PageCount == 0 {
		if perr := ctx.EnsurePageCount(); perr != nil {
			return nil, fmt.Errorf("page tree: %w", perr)
		}
	}
	g.meta = metaOf(ctx)
	failed, capped := recodeStreams(ctx, opt)
	if failed > 0 {
		g.warnings = append(g.warnings, fmt.Sprintf("%d streams could not be re-encoded", failed))
	}
	if capped > 0 {
		g.caps = append(g.caps, fmt.Sprintf("decoded-size cap: %d streams in filters the reader does not read (LZW, RunLength, ASCIIHex) decode past the caps (%d MiB a stream, %d MiB the document); the rest is not read",
			capped, min(opt.MaxStreamBytes, maxHeldBytes)>>20, opt.MaxDecoded>>20))
	}
	clean, err := rewrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("rewrite clean copy: %w", err)
	}
	g.reader, err = pdf.NewReader(bytes.NewReader(clean), int64(len(clean)))
	if err != nil {
		return nil, fmt.Errorf("reopen clean copy: %w", err)
	}
	return g, nil
}

// fontDictSnap is a font resource dictionary as read, before validation.
type fontDictSnap struct {
	d    types.Dict
	orig map[string]types.Object
}

// snapshotFontDicts copies every font resource dictionary. pdfcpu's relaxed
// validation "repairs" a font it finds invalid (a Type0 font whose
// descendant lacks a FontDescriptor) by deleting it from the resources,
// where poppler reads the text; restoreFontDicts puts such entries back.
func snapshotFontDicts(x *model.XRefTable) (snaps []fontDictSnap) {
	defer func() {
		if recover() != nil {
			snaps = nil
		}
	}()
	for nr, e := range x.Table {
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		o, err := x.Dereference(*types.NewIndirectRef(nr, 0))
		if err != nil {
			continue
		}
		var d types.Dict
		switch v := o.(type) {
		case types.Dict:
			d = v
		case types.StreamDict:
			d = v.Dict
		default:
			continue
		}
		res, err := x.DereferenceDict(d["Resources"])
		if err != nil || res == nil {
			continue
		}
		fd, err := x.DereferenceDict(res["Font"])
		if err != nil || len(fd) == 0 {
			continue
		}
		orig := make(map[string]types.Object, len(fd))
		for k, v := range fd {
			orig[k] = v
		}
		snaps = append(snaps, fontDictSnap{fd, orig})
	}
	return snaps
}

func restoreFontDicts(snaps []fontDictSnap) {
	for _, s := range snaps {
		for k, v := range s.orig {
			if cur, ok := s.d[k]; !ok || cur == nil {
				s.d[k] = v
			}
		}
	}
}

// readableFilters are the stream filters ledongthuc/pdf decodes itself.
var readableFilters = map[string]bool{"FlateDecode": true, "ASCII85Decode": true}

// imageFilters compress image data, which we never read.
var imageFilters = map[string]bool{"DCTDecode": true, "JPXDecode": true, "JBIG2Decode": true, "CCITTFaxDecode": true}

// maxHeldBytes bounds a stream that pdfcpu decodes, which it holds whole
// (and grows a buffer to twice its size for): object streams, and streams
// recoded for the reader. Four workers each recoding a 64 MiB LZW bomb
// peaked at 1.1 GB; real object streams and LZW content are far smaller.
const maxHeldBytes = 16 << 20

// recodeStreams decodes, with pdfcpu, every non-image stream whose filters
// ledongthuc/pdf cannot read (LZWDecode, RunLengthDecode, ASCIIHexDecode)
// and stores it again with FlateDecode. It returns how many failed; those
// are left as they were, to cost at most the pages that use them. Decoding
// stops at the caps: maxHeldBytes (or MaxStreamBytes) a stream, MaxDecoded
// in all; capped counts the streams cut short for that.
func recodeStreams(ctx *model.Context, opt *Options) (failed, capped int) {
	var total int64
	// In object order, so that the same streams are read on every run.
	for _, nr := range slices.Sorted(maps.Keys(ctx.XRefTable.Table)) {
		e := ctx.XRefTable.Table[nr]
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		sd, ok := e.Object.(types.StreamDict)
		if !ok || len(sd.FilterPipeline) == 0 || sd.Raw == nil || !needsRecode(sd) {
			continue
		}
		limit := min(opt.MaxStreamBytes, maxHeldBytes, opt.MaxDecoded-total)
		if limit <= 0 {
			capped++
			continue
		}
		n, cut, err := recode(&sd, limit)
		total += n
		if err != nil {
			failed++
			continue
		}
		if cut {
			capped++
		}
		ctx.XRefTable.Table[nr].Object = sd
	}
	return failed, capped
}

func needsRecode(sd types.StreamDict) bool {
	if st := sd.Subtype(); st != nil && *st == "Image" {
		return false
	}
	need := false
	for _, f := range sd.FilterPipeline {
		if imageFilters[f.Name] {
			return false
		}
		if !readableFilters[f.Name] {
			need = true
		}
	}
	return need
}

// recode stores sd again with FlateDecode. A stream that decodes past
// limit keeps its first limit bytes (cut is true), as the reader's own
// streams stop at the cap: the text at its head is still read.
func recode(sd *types.StreamDict, limit int64) (n int64, cut bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = panicError(r)
		}
	}()
	probe := *sd
	err = probe.DecodeWithLimit(limit)
	if errors.Is(err, filter.ErrDecodeLimitExceeded) {
		head, herr := sd.DecodeLengthWithLimit(limit, limit)
		if herr != nil {
			return 0, false, herr
		}
		probe.Content, cut, err = head, true, nil
	}
	if err != nil {
		return 0, false, err
	}
	sd.Content = probe.Content
	n = int64(len(sd.Content))
	sd.FilterPipeline = []types.PDFFilter{{Name: "FlateDecode"}}
	sd.Update("Filter", types.Name("FlateDecode"))
	sd.Delete("DecodeParms")
	err = sd.Encode()
	sd.Content = nil // the clean copy is written from Raw: hold only that
	return n, cut, err
}

// rewrite writes ctx as PDF 1.7 without object or xref streams, decrypted.
func rewrite(ctx *model.Context) ([]byte, error) {
	if ctx.Encrypt != nil || ctx.E != nil {
		ctx.Cmd = model.DECRYPT
		ctx.Conf.Cmd = model.DECRYPT
	}
	ctx.Encrypt = nil
	ctx.E = nil
	ctx.EncKey = nil
	ctx.Conf.WriteObjectStream = false
	ctx.Conf.WriteXRefStream = false
	v := model.V17
	ctx.HeaderVersion = &v
	ctx.RootVersion = nil
	var buf bytes.Buffer
	if err := writeContext(ctx, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func metaOf(ctx *model.Context) Meta {
	x := ctx.XRefTable
	m := Meta{
		Pages:    x.PageCount,
		Title:    clip(x.Title),
		Author:   clip(x.Author),
		Subject:  clip(x.Subject),
		Creator:  clip(x.Creator),
		Producer: clip(x.Producer),
	}
	if x.HeaderVersion != nil {
		m.Version = x.HeaderVersion.String()
	}
	m.CreationDate = pdfDate(x.CreationDate)
	m.ModDate = pdfDate(x.ModDate)
	if x.E != nil || x.Encrypt != nil {
		m.Encrypted = true
		if x.E != nil {
			m.Permissions = permissions(x.E.P)
		}
	}
	return m
}

func pdfDate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, ok := types.DateTime(s, true)
	if !ok {
		return time.Time{}
	}
	return t.UTC()
}

// permissions names the user-access bits an encrypted file grants.
func permissions(p int) []string {
	names := []struct {
		bit  int
		name string
	}{{3, "print"}, {4, "modify"}, {5, "copy"}, {6, "annotate"}, {9, "fill_forms"},
		{10, "extract_for_accessibility"}, {11, "assemble"}, {12, "print_high_quality"}}
	out := []string{}
	for _, n := range names {
		if p&(1<<(n.bit-1)) != 0 {
			out = append(out, n.name)
		}
	}
	return out
}

// truncation says how a file is cut short, or "" when it is whole: a
// whole PDF ends with %%EOF, perhaps followed by white space or a little
// junk (some servers append a newline or an HTML comment).
func truncation(data []byte) string {
	tail := data[max(0, len(data)-2048):]
	if bytes.Contains(tail, []byte("%%EOF")) {
		return ""
	}
	return fmt.Sprintf("truncated: the file stops at byte %d, before its end (no %%%%EOF)", len(data))
}

// sniff rejects what is plainly not a PDF, with words a researcher understands.
func sniff(data []byte) error {
	if len(data) == 0 {
		return errors.New("empty file")
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.Contains(head, []byte("%PDF-")) {
		return nil
	}
	lower := bytes.ToLower(bytes.TrimSpace(head))
	switch {
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return errors.New("not a PDF (starts like an HTML page)")
	case bytes.HasPrefix(lower, []byte("pk\x03\x04")):
		return errors.New("not a PDF (starts like a ZIP or Office document)")
	case bytes.HasPrefix(lower, []byte("\xd0\xcf\x11\xe0")):
		return errors.New("not a PDF (starts like an old Word document)")
	}
	return errors.New("not a PDF (no %PDF- header)")
}

// explainRead turns pdfcpu's read errors into words a researcher understands.
func explainRead(err error) error {
	msg := err.Error()
	low := strings.ToLower(msg)
	switch {
	case strings.Contains(low, "password"), errors.Is(err, pdfcpu.ErrWrongPassword):
		return errors.New("encrypted with a user password")
	case strings.Contains(low, "xref") || strings.Contains(low, "startxref") || strings.Contains(low, "eof"):
		return fmt.Errorf("damaged: its cross-reference table cannot be read (%s)", firstLine(msg))
	case strings.Contains(low, "unsupported encryption"), strings.Contains(low, "encrypt"):
		return fmt.Errorf("unsupported encryption (%s)", firstLine(msg))
	}
	return fmt.Errorf("unreadable PDF (%s)", firstLine(msg))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return clip(s)
}

func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 300 {
		s = s[:300]
	}
	return s
}

// The three calls below are what pdfcpu's pkg/api does for ReadContext,
// DisableConfigDir and WriteContext, made here directly: importing pkg/api
// links its form filling, whose dependency go-runewidth fills two 1.1M-entry
// tables at init (30-300 ms of every start-up, inspect and --help included).

// disableConfigDir keeps pdfcpu from reading or creating a configuration
// directory; its defaults are built in.
func disableConfigDir() { model.ConfigPath = "disable" }

// readContext reads the file's structure; pdfcpu's own failures (fault
// panics) come back as errors, as from api.ReadContext.
func readContext(rs io.ReadSeeker, conf *model.Configuration) (ctx *model.Context, err error) {
	defer fault.Catch(&err)
	return pdfcpu.Read(rs, conf)
}

// writeContext writes ctx as a PDF to w.
func writeContext(ctx *model.Context, w io.Writer) (err error) {
	ctx.Write.Writer = bufio.NewWriter(w)
	defer func() {
		err = errors.Join(err, ctx.Write.Flush())
	}()
	return pdfcpu.WriteContext(ctx)
}
