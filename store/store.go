package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// ApplicationID marks an actionplan database ("APLN"): PRAGMA application_id.
const ApplicationID = 0x41504c4e

// BusyTimeout is how long a connection waits for another writer (a second
// ingest into the same file) before giving up with "database is locked".
const BusyTimeout = 60 * time.Second

// ErrForeign is returned by Open for a file that is not an actionplan database.
var ErrForeign = errors.New("not an actionplan database")

// ErrLocked is wrapped by errors caused by another process holding the write
// lock longer than BusyTimeout.
var ErrLocked = errors.New("database is locked by another process (another ingest running?)")

// DB is an open actionplan database.
type DB struct {
	Path string
	db   *sql.DB
}

// Options tunes Open; the zero value is what the commands use.
type Options struct {
	BusyTimeout time.Duration // default BusyTimeout
	ReadOnly    bool          // open read-only, without migrating (export, stats); the file must exist
	immutable   bool          // read-only fallback for a file SQLite cannot lock (a read-only folder)
}

// DSN is the data source name for path: every pooled connection gets WAL,
// foreign keys, the busy timeout, immediate write transactions and
// synchronous=NORMAL.
func DSN(path string, opt Options) string {
	bt := opt.BusyTimeout
	if bt == 0 {
		bt = BusyTimeout
	}
	p := []string{fmt.Sprintf("_busy_timeout=%d", bt.Milliseconds()), "_foreign_keys=1"}
	if opt.ReadOnly {
		// No pragma that writes: a read-only open changes nothing, not
		// even the journal mode.
		p = append(p, "mode=ro")
		if opt.immutable {
			p = append(p, "immutable=1")
		}
	} else {
		p = append(p, "_journal_mode=WAL", "_txlock=immediate", "_synchronous=NORMAL")
	}
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(path) + "?" + strings.Join(p, "&")
}

// Open opens (creating it when needed) the database at path, refuses a file
// that belongs to another application, and brings the schema up to date.
func Open(ctx context.Context, path string, opt Options) (*DB, error) {
	wait := opt.BusyTimeout
	if wait == 0 {
		wait = BusyTimeout
	}
	deadline := time.Now().Add(wait)
	for {
		d, err := open(ctx, path, opt)
		if err == nil || !busy(err) || time.Now().After(deadline) || ctx.Err() != nil {
			return d, err
		}
		// Another process is creating or upgrading the file (switching a
		// new file to WAL takes a lock the busy handler does not wait for):
		// try again.
		time.Sleep(50 * time.Millisecond)
	}
}

func open(ctx context.Context, path string, opt Options) (*DB, error) {
	// Whose file it is, read without writing a byte: a writing open would
	// switch another application's file to WAL before we could refuse it.
	if err := probe(ctx, path, opt); err != nil {
		return nil, &Error{DB: path, Op: "open", Err: explainOpen(path, err)}
	}
	if opt.ReadOnly {
		return openReadOnly(ctx, path, opt)
	}
	sdb, err := sql.Open("sqlite3", DSN(path, opt))
	if err != nil {
		return nil, &Error{DB: path, Op: "open", Err: err}
	}
	d := &DB{Path: path, db: sdb}
	if err := d.check(ctx); err != nil {
		sdb.Close()
		return nil, &Error{DB: path, Op: "open", Err: explainOpen(path, err)}
	}
	if err := d.quickCheck(ctx); err != nil {
		sdb.Close()
		return nil, &Error{DB: path, Op: "open", Err: err}
	}
	if err := d.migrate(ctx); err != nil {
		sdb.Close()
		return nil, &Error{DB: path, Op: "migrate", Err: explainOpen(path, err)}
	}
	return d, nil
}

// openReadOnly opens with mode=ro, falling back to immutable=1 where SQLite
// cannot take even a read lock (a WAL file in a folder we may not write,
// where the -shm file cannot be made). A database of an older schema is
// brought up to date first when the file can be written.
func openReadOnly(ctx context.Context, path string, opt Options) (*DB, error) {
	d, err := openRO(ctx, path, opt)
	if err != nil && !opt.immutable && cannotLock(err) {
		opt.immutable = true
		d, err = openRO(ctx, path, opt)
	}
	if err != nil {
		return nil, &Error{DB: path, Op: "open", Err: explainOpen(path, err)}
	}
	var uv int
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&uv); err != nil {
		d.Close()
		return nil, &Error{DB: path, Op: "open", Err: explainOpen(path, err)}
	}
	if uv >= SchemaVersion() {
		return d, nil
	}
	d.Close()
	w := opt
	w.ReadOnly, w.immutable = false, false
	wd, err := open(ctx, path, w)
	if err != nil {
		return nil, fmt.Errorf("schema version %d is older than this build's (%d) and cannot be upgraded (%w): run 'actionplan ingest' on it with write access first",
			uv, SchemaVersion(), err)
	}
	wd.Close()
	return openRO(ctx, path, opt)
}

func openRO(ctx context.Context, path string, opt Options) (*DB, error) {
	sdb, err := sql.Open("sqlite3", DSN(path, opt))
	if err != nil {
		return nil, err
	}
	d := &DB{Path: path, db: sdb}
	if err := d.check(ctx); err != nil {
		sdb.Close()
		return nil, err
	}
	if err := d.checkVersion(ctx); err != nil {
		sdb.Close()
		return nil, err
	}
	return d, nil
}

// cannotLock reports SQLite's failures to open or lock a file it may read
// but not write beside.
func cannotLock(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		// Not SQLITE_BUSY: another process writing is waited for (Open
		// tries again), never read around with immutable=1, which would
		// read the file as if nobody were changing it.
		return se.Code == sqlite3.ErrCantOpen || se.Code == sqlite3.ErrReadonly || se.Code == sqlite3.ErrIoErr ||
			se.Code == sqlite3.ErrPerm
	}
	return false
}

// probe refuses, without opening it for writing, a file that is not an
// actionplan database: it reads the SQLite header (magic, application_id),
// and for an unmarked SQLite file counts its objects through a read-only
// connection. A missing or empty file passes: Open creates it (a read-only
// open then fails on its own).
func probe(ctx context.Context, path string, opt Options) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var head [100]byte
	n, err := io.ReadFull(f, head[:])
	f.Close()
	if n == 0 && (err == io.EOF || err == nil) {
		return nil
	}
	if n < len(head) || string(head[:16]) != "SQLite format 3\x00" {
		return fmt.Errorf("%w (not a SQLite file)", ErrForeign)
	}
	if app := binary.BigEndian.Uint32(head[68:72]); app == ApplicationID {
		return nil
	} else if app != 0 {
		return fmt.Errorf("%w (application_id 0x%08x)", ErrForeign, app)
	}
	// Unmarked in the file's header (or marked only in a WAL not yet
	// checkpointed): ask SQLite, read-only.
	ro := opt
	ro.ReadOnly = true
	sdb, err := sql.Open("sqlite3", DSN(path, ro))
	if err != nil {
		return err
	}
	defer sdb.Close()
	err = (&DB{Path: path, db: sdb}).check(ctx)
	if err != nil && cannotLock(err) && !opt.immutable {
		sdb.Close()
		ro.immutable = true
		if sdb, err = sql.Open("sqlite3", DSN(path, ro)); err != nil {
			return err
		}
		err = (&DB{Path: path, db: sdb}).check(ctx)
	}
	return err
}

// ErrCorrupt is wrapped by errors that SQLite reports as a damaged file.
var ErrCorrupt = errors.New("the database file is damaged")

// recoverHint says how to get the data back from a damaged file.
func recoverHint(path string) string {
	return fmt.Sprintf("recover what it holds with: sqlite3 %q .recover | sqlite3 recovered.db, "+
		"or ingest the PDFs again into a new --db file", path)
}

// quickCheck runs PRAGMA quick_check before anything is written: a damaged
// file stops the run (SQLite's integrity checks without the index
// cross-checks; it costs a read of the whole file).
func (d *DB) quickCheck(ctx context.Context) error {
	rows, err := d.db.QueryContext(ctx, "PRAGMA quick_check(5)")
	if err != nil {
		return d.corrupt(err)
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return d.corrupt(err)
		}
		msgs = append(msgs, m)
	}
	if err := rows.Err(); err != nil {
		return d.corrupt(err)
	}
	if len(msgs) == 1 && msgs[0] == "ok" {
		return nil
	}
	return fmt.Errorf("%w (quick_check: %s); %s", ErrCorrupt, strings.Join(msgs, "; "), recoverHint(d.Path))
}

// corrupt words err as ErrCorrupt with the recovery hint when SQLite
// reports the file damaged, and returns it unchanged otherwise.
func (d *DB) corrupt(err error) error {
	if IsCorrupt(err) && !errors.Is(err, ErrCorrupt) {
		return fmt.Errorf("%w (%v); %s", ErrCorrupt, err, recoverHint(d.Path))
	}
	return err
}

// Explain words a failure of the database itself: a damaged file gets the
// recovery hint.
func (d *DB) Explain(err error) error { return d.corrupt(err) }

// IsCorrupt reports whether err is SQLite finding the file damaged
// (SQLITE_CORRUPT, or SQLITE_NOTADB on a file that was one).
func IsCorrupt(err error) bool {
	if errors.Is(err, ErrCorrupt) {
		return true
	}
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// busy reports SQLite's "database is locked" or "table is locked".
func busy(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked
	}
	return errors.Is(err, ErrLocked)
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// SQL gives the underlying handle, for tests and read-only queries.
func (d *DB) SQL() *sql.DB { return d.db }

// check refuses a file with another application_id, or an unmarked file that
// already holds tables of its own.
func (d *DB) check(ctx context.Context) error {
	var app, uv, objects int
	if err := d.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return err
	}
	if app == ApplicationID {
		return nil
	}
	if app != 0 {
		return fmt.Errorf("%w (application_id 0x%08x)", ErrForeign, uint32(app))
	}
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&uv); err != nil {
		return err
	}
	err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&objects)
	if err != nil {
		return err
	}
	if uv != 0 || objects != 0 {
		return fmt.Errorf("%w (a SQLite file with %d objects of another application)", ErrForeign, objects)
	}
	return nil
}

// explainOpen is explain, and for a file SQLite cannot open, the real
// cause: its folder missing, not a folder, or not writable.
func explainOpen(path string, err error) error {
	var se sqlite3.Error
	var pe *fs.PathError
	if errors.As(err, &se) && se.Code == sqlite3.ErrCantOpen || errors.As(err, &pe) {
		dir := filepath.Dir(path)
		st, serr := os.Stat(dir)
		switch {
		case errors.Is(serr, fs.ErrNotExist):
			return fmt.Errorf("cannot create the database: its folder %s does not exist", dir)
		case serr == nil && !st.IsDir():
			return fmt.Errorf("cannot create the database: %s is not a folder", dir)
		case serr == nil:
			if werr := canWrite(dir); werr != nil {
				return fmt.Errorf("cannot open the database for writing: its folder %s is not writable (SQLite makes its -wal and -shm files there): %v", dir, werr)
			}
		}
		if pe != nil {
			return fmt.Errorf("cannot read the database: %v", pe.Err)
		}
	}
	if IsCorrupt(err) && !errors.Is(err, ErrCorrupt) {
		return fmt.Errorf("%w (%v); %s", ErrCorrupt, err, recoverHint(path))
	}
	return explain(err)
}

// canWrite tries to make (and removes) a file in dir: whether we may
// write there, whoever we are, on any system.
func canWrite(dir string) error {
	f, err := os.CreateTemp(dir, ".actionplan-probe-*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return pe.Err
		}
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}

// explain turns SQLite's terse errors into words.
func explain(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB:
			return fmt.Errorf("%w (not a SQLite file)", ErrForeign)
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return fmt.Errorf("%w: %v", ErrLocked, err)
		case sqlite3.ErrCantOpen:
			return fmt.Errorf("cannot open the file (does its folder exist?): %v", err)
		}
	}
	return err
}
