package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/actionplan/actionplan/normalize"
)

// SyncRegistry replaces the tables agency_registry, agency_registry_names
// and areas with the registry names are matched against (the shipped one
// and the user's alias files), in one transaction, and sets each known
// agency's sector from it, so that analysts can join the registry and see
// why a name matched.
func (d *DB) SyncRegistry(ctx context.Context, rows []normalize.RegistryRow, areas []normalize.Area) error {
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{`DELETE FROM agency_registry_names`, `DELETE FROM agency_registry`, `DELETE FROM areas`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		if err := insertRegistry(ctx, tx, rows); err != nil {
			return err
		}
		if err := insertAreas(ctx, tx, areas); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE agencies SET sector = r.sector
			FROM agency_registry r WHERE r.name = agencies.name AND r.sector IS NOT NULL`)
		return err
	})
	if err != nil {
		return &Error{DB: d.Path, Op: "record the agency registry", Err: explain(err)}
	}
	return nil
}

func insertRegistry(ctx context.Context, tx *sql.Tx, rows []normalize.RegistryRow) error {
	body, err := tx.PrepareContext(ctx, `INSERT INTO agency_registry (name, sector, kind, code, code_system, area,
		successor, part_of) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (name) DO NOTHING`)
	if err != nil {
		return err
	}
	defer body.Close()
	name, err := tx.PrepareContext(ctx, `INSERT INTO agency_registry_names (alias, name, kind) VALUES (?,?,?)
		ON CONFLICT (alias, name) DO NOTHING`)
	if err != nil {
		return err
	}
	defer name.Close()
	for _, r := range rows {
		if r.Canonical == "" {
			continue
		}
		if _, err := body.ExecContext(ctx, r.Canonical, nullString(r.Sector), nullString(r.Kind), nullString(r.Code),
			nullString(strings.ToUpper(r.CodeScheme)), nullString(r.Area), nullString(r.Successor),
			nullString(r.PartOf)); err != nil {
			return err
		}
	}
	for _, r := range rows {
		names := [][2]string{{r.Canonical, "canonical"}}
		for _, a := range r.Aliases {
			names = append(names, [2]string{a, "alias"})
		}
		for _, f := range r.FormerNames {
			names = append(names, [2]string{f, "former"})
		}
		for _, n := range names {
			if n[0] == "" || r.Canonical == "" {
				continue
			}
			if _, err := name.ExecContext(ctx, n[0], r.Canonical, n[1]); err != nil {
				return err
			}
		}
	}
	return nil
}

func insertAreas(ctx context.Context, tx *sql.Tx, areas []normalize.Area) error {
	st, err := tx.PrepareContext(ctx, `INSERT INTO areas (name, code, tier, council, police_force, pcc, icb)
		VALUES (?,?,?,?,?,?,?) ON CONFLICT (name) DO NOTHING`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, a := range areas {
		if a.Name == "" {
			continue
		}
		if _, err := st.ExecContext(ctx, a.Name, nullString(a.Code), nullString(a.Tier), nullString(a.Council),
			nullString(a.Force), nullString(a.PCC), nullString(a.ICB)); err != nil {
			return err
		}
	}
	return nil
}
