package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
	ReadOnly    bool          // open without migrating (export, stats); the file must exist
}

// DSN is the data source name for path: every pooled connection gets WAL,
// foreign keys, the busy timeout, immediate write transactions and
// synchronous=NORMAL.
func DSN(path string, opt Options) string {
	bt := opt.BusyTimeout
	if bt == 0 {
		bt = BusyTimeout
	}
	p := []string{
		"_journal_mode=WAL",
		fmt.Sprintf("_busy_timeout=%d", bt.Milliseconds()),
		"_foreign_keys=1",
		"_txlock=immediate",
		"_synchronous=NORMAL",
	}
	if opt.ReadOnly {
		p = append(p, "mode=ro")
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
	sdb, err := sql.Open("sqlite3", DSN(path, opt))
	if err != nil {
		return nil, &Error{DB: path, Op: "open", Err: err}
	}
	d := &DB{Path: path, db: sdb}
	if err := d.check(ctx); err != nil {
		sdb.Close()
		return nil, &Error{DB: path, Op: "open", Err: explain(err)}
	}
	if !opt.ReadOnly {
		if err := d.migrate(ctx); err != nil {
			sdb.Close()
			return nil, &Error{DB: path, Op: "migrate", Err: explain(err)}
		}
	} else if err := d.checkVersion(ctx); err != nil {
		sdb.Close()
		return nil, &Error{DB: path, Op: "open", Err: err}
	}
	return d, nil
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
