package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered file of migrations/, NNNN_name.sql.
type migration struct {
	Version int
	Name    string
	SQL     string
}

// migrations lists the embedded migrations in order; their numbers must run
// 1, 2, 3, ... without gaps.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", base)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{Version: v, Name: base, SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.Name, i+1)
		}
	}
	return ms, nil
}

// SchemaVersion is the schema version this build brings a database to.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// migrate applies, forward only, each migration newer than the database's
// user_version, each in its own immediate transaction that also sets
// user_version and application_id. Two processes migrating at once are
// serialised by the write lock; the second finds the work done.
func (d *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if err := d.checkVersion(ctx); err != nil {
		return err
	}
	var uv int
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&uv); err != nil {
		return err
	}
	for _, m := range ms[min(uv, len(ms)):] { // up to date: no write lock taken
		if err := d.apply(ctx, m); err != nil {
			return fmt.Errorf("%s: %w", m.Name, err)
		}
	}
	return nil
}

// checkVersion refuses a database written by a newer build.
func (d *DB) checkVersion(ctx context.Context) error {
	var uv int
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&uv); err != nil {
		return err
	}
	if known := SchemaVersion(); uv > known {
		return fmt.Errorf("schema version %d is newer than this build knows (%d): upgrade actionplan", uv, known)
	}
	return nil
}

// apply runs one migration on a connection of its own with foreign keys
// off, as SQLite's procedure for rebuilding a table asks (dropping a parent
// table would otherwise cascade to its children), and checks the keys with
// PRAGMA foreign_key_check before committing.
func (d *DB) apply(ctx context.Context, m migration) error {
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON")
	tx, err := conn.BeginTx(ctx, nil) // BEGIN IMMEDIATE: _txlock in the DSN
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var uv int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&uv); err != nil {
		return err
	}
	if uv >= m.Version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	_, name, _ := strings.Cut(m.Name, "_")
	if fn := afterMigration[name]; fn != nil {
		if err := fn(ctx, tx); err != nil {
			return err
		}
	}
	if err := foreignKeyCheck(ctx, tx); err != nil {
		return err
	}
	set := fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", m.Version, ApplicationID)
	if _, err := tx.ExecContext(ctx, set); err != nil {
		return err
	}
	return tx.Commit()
}

// foreignKeyCheck fails when a migration left a row pointing at nothing.
func foreignKeyCheck(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return err
		}
		return fmt.Errorf("foreign key check: a row of %s (rowid %d) refers to a missing row of %s", table, rowid.Int64, parent)
	}
	return rows.Err()
}
