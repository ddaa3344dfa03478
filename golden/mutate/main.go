// Command mutate is the project's mutation test (make mutate): it changes
// the product one small step at a time (a comparison or logical operator
// flipped, a condition negated, a constant changed, a statement deleted),
// runs the tests that should notice, and reports each mutant killed (a test
// failed) or survived (every test passed).
//
// It works on a copy of the module in a temporary folder, so an interrupted
// run leaves the source as it was. A mutant that does not compile is not
// counted. Run it from the module root:
//
//	go run ./golden/mutate                  # every target file
//	go run ./golden/mutate -only status.go  # files whose path contains this
//	go run ./golden/mutate -list            # the mutants, without running tests
//	go run ./golden/mutate -sample 8        # every 8th mutant of each file
//
// gremlins (go-gremlins/gremlins) runs only the mutated package's tests, or
// else the whole suite for every mutant; extract's row rebuilding is tested
// end to end by golden/, and the whole suite takes minutes, hence this
// command, which runs a chosen set of packages per target.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// target is a source file and the packages whose tests should notice a
// change in it.
type target struct {
	file string
	pkgs []string
}

// The golden tests first: they kill most mutants of the rebuild, and a
// package's own tests run only for the mutants they let through.
var rebuild = []string{"./golden -run TestGolden", "./extract"}

// targets: the row rebuilding (rows.go and the files it was split into),
// the header reader, statuses, agencies and the loader.
var targets = []target{
	{"extract/rows.go", rebuild},
	{"extract/rowgroup.go", rebuild},
	{"extract/pagejoin.go", rebuild},
	{"extract/rowfinish.go", rebuild},
	{"extract/rownumber.go", rebuild},
	{"extract/header.go", rebuild},
	{"normalize/status.go", []string{"./normalize", "./golden -run TestGoldenCanonical"}},
	{"normalize/agency.go", []string{"./normalize", "./golden -run TestGoldenCanonical"}},
	{"store/load.go", []string{"./store", "./cmd/actionplan -run TestIngest"}},
}

// mutant is one change: replace src[start:end] with repl.
type mutant struct {
	file       string
	line, col  int
	kind       string
	start, end int
	orig, repl string
}

func (m mutant) String() string {
	return fmt.Sprintf("%s:%d:%d %s: %s -> %s", m.file, m.line, m.col, m.kind, oneLine(m.orig), oneLine(m.repl))
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	if s == "" {
		return `""`
	}
	return s
}

func main() {
	only := flag.String("only", "", "mutate only the target files whose path contains this")
	list := flag.Bool("list", false, "list the mutants and stop")
	timeout := flag.Duration("timeout", 4*time.Minute, "time allowed to one mutant's tests (a timeout counts as killed)")
	tags := flag.String("tags", "sqlite_fts5", "build tags")
	sample := flag.Int("sample", 1, "run every Nth mutant of each file (1: all); the report counts those run")
	flag.Parse()

	var ms []mutant
	counts := map[string]int{}
	for _, t := range targets {
		if *only != "" && !strings.Contains(t.file, *only) {
			continue
		}
		src, err := os.ReadFile(t.file)
		if err != nil {
			fatal(err)
		}
		fm, err := mutants(t.file, src)
		if err != nil {
			fatal(err)
		}
		for i, m := range fm {
			if i%max(*sample, 1) == 0 {
				ms = append(ms, m)
				counts[t.file]++
			}
		}
	}
	if *list {
		for _, m := range ms {
			fmt.Println(m)
		}
		for _, t := range targets {
			if n, ok := counts[t.file]; ok {
				fmt.Printf("%s: %d mutants\n", t.file, n)
			}
		}
		return
	}

	work, err := os.MkdirTemp("", "mutate-")
	if err != nil {
		fatal(err)
	}
	defer os.RemoveAll(work)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		os.RemoveAll(work)
		os.Exit(130)
	}()
	if err := copyModule(".", work); err != nil {
		fatal(err)
	}
	pkgsOf := map[string][]string{}
	for _, t := range targets {
		pkgsOf[t.file] = t.pkgs
	}

	type result struct {
		m      mutant
		status string // killed, survived, timeout, invalid
	}
	var results []result
	start := time.Now()
	for i, m := range ms {
		status := runMutant(work, m, pkgsOf[m.file], *tags, *timeout)
		results = append(results, result{m, status})
		fmt.Printf("[%d/%d %s] %-8s %s\n", i+1, len(ms), time.Since(start).Round(time.Second), status, m)
	}

	fmt.Println("\nmutation report")
	byFile := map[string][4]int{} // killed, survived, timeout, invalid
	var files []string
	for _, r := range results {
		c, ok := byFile[r.m.file]
		if !ok {
			files = append(files, r.m.file)
		}
		switch r.status {
		case "killed":
			c[0]++
		case "survived":
			c[1]++
		case "timeout":
			c[2]++
		default:
			c[3]++
		}
		byFile[r.m.file] = c
	}
	sort.Strings(files)
	tk, tn := 0, 0
	for _, f := range files {
		c := byFile[f]
		k, n := c[0]+c[2], c[0]+c[1]+c[2]
		tk, tn = tk+k, tn+n
		fmt.Printf("%-24s killed %3d of %3d (%5.1f%%)  timed out %d, not compiling %d\n", f, k, n, pct(k, n), c[2], c[3])
	}
	fmt.Printf("%-24s killed %3d of %3d (%5.1f%%)\n", "total", tk, tn, pct(tk, tn))
	fmt.Println("\nsurvivors:")
	for _, r := range results {
		if r.status == "survived" {
			fmt.Println("  " + r.m.String())
		}
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "mutate:", err)
	os.Exit(1)
}

// runMutant applies m in the copy, runs the tests, and restores the file.
func runMutant(work string, m mutant, pkgs []string, tags string, timeout time.Duration) string {
	path := filepath.Join(work, m.file)
	orig, err := os.ReadFile(path)
	if err != nil {
		fatal(err)
	}
	mutated := append(append(append([]byte{}, orig[:m.start]...), m.repl...), orig[m.end:]...)
	if err := os.WriteFile(path, mutated, 0o644); err != nil {
		fatal(err)
	}
	defer os.WriteFile(path, orig, 0o644)

	for _, p := range pkgs {
		args := []string{"test", "-tags", tags, "-count=1", "-failfast", "-timeout", timeout.String()}
		args = append(args, strings.Fields(p)...)
		ctx, cancel := context.WithTimeout(context.Background(), timeout+30*time.Second)
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = work
		out, err := cmd.CombinedOutput()
		timedOut := ctx.Err() != nil
		cancel()
		switch {
		case timedOut || bytes.Contains(out, []byte("panic: test timed out")):
			return "timeout"
		case err != nil && (bytes.Contains(out, []byte("[build failed]")) || bytes.Contains(out, []byte("[setup failed]"))):
			return "invalid"
		case err != nil:
			return "killed"
		}
	}
	return "survived"
}

// copyModule copies the module's files (not .git, not bin) to dst.
func copyModule(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() && (rel == ".git" || rel == "bin") {
			return filepath.SkipDir
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

var swaps = map[token.Token][]token.Token{
	token.EQL:  {token.NEQ},
	token.NEQ:  {token.EQL},
	token.LSS:  {token.GEQ, token.LEQ},
	token.LEQ:  {token.GTR, token.LSS},
	token.GTR:  {token.LEQ, token.GEQ},
	token.GEQ:  {token.LSS, token.GTR},
	token.LAND: {token.LOR},
	token.LOR:  {token.LAND},
	token.ADD:  {token.SUB},
	token.SUB:  {token.ADD},
	token.MUL:  {token.QUO},
	token.QUO:  {token.MUL},
}

// mutants lists the mutants of one file: operators flipped (comparisons
// negated and moved across their boundary, && and || swapped, arithmetic
// inverted), '!' removed, other if conditions negated, integer and float
// constants changed, and statements deleted (calls, assignments that are
// not declarations, ++/--, break and continue).
func mutants(file string, src []byte) ([]mutant, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out []mutant
	add := func(kind string, start, end token.Pos, repl string) {
		s, e := fset.Position(start), fset.Position(end)
		out = append(out, mutant{file: file, line: s.Line, col: s.Column, kind: kind,
			start: s.Offset, end: e.Offset, orig: string(src[s.Offset:e.Offset]), repl: repl})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GenDecl:
			if n.Tok == token.IMPORT {
				return false
			}
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
		case *ast.BinaryExpr:
			for _, to := range swaps[n.Op] {
				add("operator", n.OpPos, n.OpPos+token.Pos(len(n.Op.String())), to.String())
			}
		case *ast.UnaryExpr:
			if n.Op == token.NOT {
				add("negation removed", n.OpPos, n.OpPos+1, "")
			}
		case *ast.IfStmt:
			switch c := n.Cond.(type) {
			case *ast.BinaryExpr:
				if c.Op != token.LAND && c.Op != token.LOR {
					break
				}
				add("condition negated", c.Pos(), c.End(), "!("+string(src[fset.Position(c.Pos()).Offset:fset.Position(c.End()).Offset])+")")
			case *ast.UnaryExpr:
			default:
				add("condition negated", c.Pos(), c.End(), "!("+string(src[fset.Position(c.Pos()).Offset:fset.Position(c.End()).Offset])+")")
			}
		case *ast.BasicLit:
			switch n.Kind {
			case token.INT:
				v, err := strconv.ParseInt(n.Value, 0, 64)
				if err != nil {
					break
				}
				repl := strconv.FormatInt(v+1, 10)
				if v == 1 {
					repl = "0"
				}
				add("constant", n.Pos(), n.End(), repl)
			case token.FLOAT:
				v, err := strconv.ParseFloat(n.Value, 64)
				if err != nil {
					break
				}
				add("constant", n.Pos(), n.End(), strconv.FormatFloat(v*2, 'g', -1, 64))
			}
		case *ast.BlockStmt:
			for _, s := range n.List {
				switch s := s.(type) {
				case *ast.ExprStmt:
					if _, ok := s.X.(*ast.CallExpr); ok {
						add("statement deleted", s.Pos(), s.End(), "")
					}
				case *ast.AssignStmt:
					if s.Tok != token.DEFINE {
						add("statement deleted", s.Pos(), s.End(), "")
					}
				case *ast.IncDecStmt:
					add("statement deleted", s.Pos(), s.End(), "")
				case *ast.BranchStmt:
					if s.Tok == token.BREAK || s.Tok == token.CONTINUE {
						add("statement deleted", s.Pos(), s.End(), "")
					}
				}
			}
		}
		return true
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out, nil
}
