package extract

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// errNoPageTree is a catalog without a /Pages entry, or one that is not a
// page-tree node: the file holds no pages a reader can find.
var errNoPageTree = errors.New("no page tree: the catalog has no /Pages dictionary")

// inheritable are the page attributes a page takes from its ancestors.
var inheritable = []string{"Resources", "MediaBox", "CropBox", "Rotate"}

// maxTreeDepth bounds the page tree's nesting; real files use a few levels.
const maxTreeDepth = 256

// pageTree is what a walk of the page tree found.
type pageTree struct {
	cat     types.Dict
	root    types.Dict
	rootRef *types.IndirectRef // nil when the catalog holds the root directly
	leaves  []treeLeaf
	damage  []string // what was wrong, each once: a loop, a node met twice, a wrong /Count
}

type treeLeaf struct {
	ref     types.IndirectRef
	inherit types.Dict // attributes from the ancestors on the path walked
}

// repairPageTree walks the page tree of x in document order, each node
// once, as poppler does: a /Kids entry that leads back to a node already
// met (a loop, or a page listed twice) is skipped, and so is a kid that is
// not a dictionary. When the walk met such damage, a node whose /Parent is
// not the node it hangs from, or a /Count that disagrees with the pages
// found, the tree is rebuilt flat: the root's /Kids list every page found,
// once, in order, each page holding the attributes it inherited on its
// path. It returns the pages found (for restoreTree), what was repaired,
// for the document's warnings, or errNoPageTree.
func repairPageTree(x *model.XRefTable) (t *pageTree, warnings []string, err error) {
	t, err = walkTree(x)
	if err != nil {
		return nil, nil, err
	}
	if c := t.root.IntEntry("Count"); c == nil || *c != len(t.leaves) {
		t.damage = append(t.damage, fmt.Sprintf("/Count %s where %d pages were found", countString(c), len(t.leaves)))
	}
	if len(t.damage) == 0 {
		return t, nil, nil
	}
	n, err := rebuildTree(x, t)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range t.damage {
		warnings = append(warnings, "page tree: "+d)
	}
	warnings = append(warnings, fmt.Sprintf("page tree rebuilt: %d pages, each read once", n))
	return t, warnings, nil
}

// restoreTree puts back the pages found before validation when pdfcpu's
// validation, which rebuilds each node's /Kids as it goes, left fewer (it
// drops the rest of a tree at the first node it finds invalid). It
// returns a warning, or "".
func restoreTree(x *model.XRefTable, before *pageTree) string {
	after, err := walkTree(x)
	if err == nil && len(after.leaves) >= len(before.leaves) {
		return ""
	}
	n, err := rebuildTree(x, before)
	if err != nil {
		return ""
	}
	x.PageCount = n
	return fmt.Sprintf("page tree: validation dropped pages; the %d pages found before it were put back", n)
}

// walkTree finds the root of the page tree and walks it.
func walkTree(x *model.XRefTable) (*pageTree, error) {
	cat, err := x.Catalog()
	if err != nil || cat == nil {
		return nil, fmt.Errorf("no catalog: %v", err)
	}
	obj, ok := cat.Find("Pages")
	if !ok || obj == nil {
		return nil, errNoPageTree
	}
	rootRef, isRef := obj.(types.IndirectRef)
	root, derr := x.DereferenceDict(obj)
	if derr != nil || root == nil {
		return nil, errNoPageTree
	}
	t := &pageTree{cat: cat, root: root}
	seen := map[int]bool{}
	if isRef {
		t.rootRef = &rootRef
		seen[rootRef.ObjectNumber.Value()] = true
	}
	t.walk(x, root, t.rootRef, types.Dict{}, seen, 0)
	return t, nil
}

// rebuildTree makes t's root the one node over t's pages, in order, and
// returns how many it holds.
func rebuildTree(x *model.XRefTable, t *pageTree) (int, error) {
	if t.rootRef == nil {
		ref, err := x.IndRefForNewObject(t.root)
		if err != nil {
			return 0, err
		}
		t.rootRef = ref
		t.cat.Update("Pages", *ref)
	}
	kids := make(types.Array, 0, len(t.leaves))
	for _, l := range t.leaves {
		page, err := x.DereferenceDict(l.ref)
		if err != nil || page == nil {
			continue
		}
		for k, v := range l.inherit {
			if _, has := page.Find(k); !has {
				page.Insert(k, v)
			}
		}
		page.Update("Parent", *t.rootRef)
		kids = append(kids, l.ref)
	}
	for _, k := range inheritable {
		t.root.Delete(k) // each page now holds what it inherited
	}
	t.root.Update("Kids", kids)
	t.root.Update("Count", types.Integer(len(kids)))
	t.root.Update("Type", types.Name("Pages"))
	return len(kids), nil
}

func countString(c *int) string {
	if c == nil {
		return "missing"
	}
	return fmt.Sprint(*c)
}

func (t *pageTree) note(s string) {
	for _, d := range t.damage {
		if d == s {
			return
		}
	}
	if len(t.damage) < 5 {
		t.damage = append(t.damage, s)
	}
}

// walk visits node's kids in order. inherit holds the attributes the node
// passes down.
func (t *pageTree) walk(x *model.XRefTable, node types.Dict, self *types.IndirectRef, inherit types.Dict, seen map[int]bool, depth int) {
	if depth > maxTreeDepth {
		t.note(fmt.Sprintf("nested deeper than %d levels; the deeper pages are not read", maxTreeDepth))
		return
	}
	here := types.Dict{}
	for k, v := range inherit {
		here[k] = v
	}
	for _, k := range inheritable {
		if v, ok := node.Find(k); ok && v != nil {
			here[k] = v
		}
	}
	kidsObj, _ := node.Find("Kids")
	kids, err := x.DereferenceArray(kidsObj)
	if err != nil {
		t.note("a /Kids entry is not an array")
		return
	}
	for _, k := range kids {
		ref, ok := k.(types.IndirectRef)
		if !ok {
			t.note("a /Kids entry is not a reference")
			continue
		}
		n := ref.ObjectNumber.Value()
		if seen[n] {
			t.note(fmt.Sprintf("/Kids lead back to object %d (a loop, or a page listed twice); it is read once", n))
			continue
		}
		seen[n] = true
		d, err := x.DereferenceDict(ref)
		if err != nil || d == nil {
			t.note(fmt.Sprintf("object %d in /Kids is not a dictionary", n))
			continue
		}
		if self != nil {
			if p, ok := d["Parent"].(types.IndirectRef); !ok || p.ObjectNumber != self.ObjectNumber {
				t.note("a node's /Parent is not the node it hangs from")
			}
		}
		if typ := d.Type(); (typ != nil && *typ == "Page") || !hasKids(d) {
			t.leaves = append(t.leaves, treeLeaf{ref: ref, inherit: here})
			continue
		}
		t.walk(x, d, &ref, here, seen, depth+1)
	}
}

func hasKids(d types.Dict) bool {
	_, ok := d.Find("Kids")
	return ok
}

// repairStreamLengths gives every stream whose /Length stops short of its
// data (or runs past it) the bytes up to its `endstream` keyword, as
// poppler does when the keyword is not where /Length says. data is the
// file as read; encrypted files are left alone (their streams were
// decrypted in place). It returns how many streams were repaired.
func repairStreamLengths(x *model.XRefTable, data []byte) (n int) {
	if x.E != nil || x.Encrypt != nil {
		return 0
	}
	for _, e := range x.Table {
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		sd, ok := e.Object.(types.StreamDict)
		if !ok || sd.Raw == nil {
			continue
		}
		raw, ok := streamUpToEnd(data, sd.StreamOffset, len(sd.Raw))
		if !ok {
			continue
		}
		sd.Raw = raw
		l := int64(len(raw))
		sd.StreamLength = &l
		sd.Dict["Length"] = types.Integer(l)
		e.Object = sd
		n++
	}
	return n
}

// streamUpToEnd returns the data of the stream starting at off when the
// `endstream` keyword does not follow its n bytes: the bytes up to the
// next `endstream`, less the end of line before it. ok is false when the
// keyword is where it should be, or nowhere.
func streamUpToEnd(data []byte, off int64, n int) (raw []byte, ok bool) {
	if off <= 0 || off > int64(len(data)) {
		return nil, false
	}
	end := off + int64(n)
	if end <= int64(len(data)) {
		rest := bytes.TrimLeft(data[end:min(end+64, int64(len(data)))], " \t\r\n\f\x00")
		if bytes.HasPrefix(rest, []byte("endstream")) {
			return nil, false
		}
	}
	i := bytes.Index(data[off:], []byte("endstream"))
	if i < 0 {
		return nil, false
	}
	raw = data[off : off+int64(i)]
	switch {
	case bytes.HasSuffix(raw, []byte("\r\n")):
		raw = raw[:len(raw)-2]
	case bytes.HasSuffix(raw, []byte("\n")), bytes.HasSuffix(raw, []byte("\r")):
		raw = raw[:len(raw)-1]
	}
	return raw, true
}
