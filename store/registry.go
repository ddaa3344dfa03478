package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/actionplan/actionplan/normalize"
)

// SyncRegistry replaces the tables agency_registry, agency_registry_names
// and areas with the registry names are matched against (the shipped one
// and the user's alias files), in one transaction, and sets each known
// agency's sector from it, so that analysts can join the registry and see
// why a name matched.
func (d *DB) SyncRegistry(ctx context.Context, rows []normalize.RegistryRow, areas []normalize.Area) error {
	_, err := d.syncRegistry(ctx, rows, areas)
	return err
}

// syncRegistry is SyncRegistry; it reports whether it rewrote the tables.
// Tables that already hold exactly this registry, as every run after the
// first finds them, are left as they are: rewriting 50,000 names took a
// tenth of a whole ingest's CPU on a few hundred files.
func (d *DB) syncRegistry(ctx context.Context, rows []normalize.RegistryRow, areas []normalize.Area) (bool, error) {
	written := false
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		ctx := stmtCtx(ctx)
		same, err := registryHeld(ctx, tx, rows, areas)
		if err != nil {
			return err
		}
		if same {
			return setSectors(ctx, tx)
		}
		written = true
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
		return setSectors(ctx, tx)
	})
	if err != nil {
		return false, &Error{DB: d.Path, Op: "record the agency registry", Err: explain(err)}
	}
	return written, nil
}

// setSectors sets each known agency's sector from the registry.
func setSectors(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE agencies SET sector = r.sector
		FROM agency_registry r WHERE r.name = agencies.name AND r.sector IS NOT NULL`)
	return err
}

// registryHeld reports whether the three tables hold exactly what
// insertRegistry and insertAreas would write for rows and areas: each
// table, sorted by its key, read in one query as SQL quote()d text, against
// the same text made here (the first of rows with one key, as ON CONFLICT
// DO NOTHING keeps).
func registryHeld(ctx context.Context, tx *sql.Tx, rows []normalize.RegistryRow, areas []normalize.Area) (bool, error) {
	// A new database holds none: no need to build the text.
	var held int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM agency_registry`).Scan(&held); err != nil || held == 0 {
		return false, err
	}
	var bodies, names, places []keyedRow
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Canonical == "" || seen[r.Canonical] {
			continue
		}
		seen[r.Canonical] = true
		bodies = append(bodies, keyedRow{r.Canonical, "", quoteRow(r.Canonical, r.Sector, r.Kind, r.Code, strings.ToUpper(r.CodeScheme), r.Area, r.Successor, r.PartOf)})
	}
	seen = map[string]bool{}
	for _, r := range rows {
		if r.Canonical == "" {
			continue
		}
		add := func(alias, kind string) {
			if k := alias + "\x00" + r.Canonical; alias != "" && !seen[k] {
				seen[k] = true
				names = append(names, keyedRow{alias, r.Canonical, quoteRow(alias, r.Canonical, kind)})
			}
		}
		add(r.Canonical, "canonical")
		for _, a := range r.Aliases {
			add(a, "alias")
		}
		for _, f := range r.FormerNames {
			add(f, "former")
		}
	}
	seen = map[string]bool{}
	for _, a := range areas {
		if a.Name == "" || seen[a.Name] {
			continue
		}
		seen[a.Name] = true
		places = append(places, keyedRow{a.Name, "", quoteRow(a.Name, a.Code, a.Tier, a.Council, a.Force, a.PCC, a.ICB)})
	}
	for _, q := range []struct {
		want []keyedRow
		sql  string
	}{
		{bodies, `SELECT count(*), coalesce(group_concat(quote(name)||','||quote(sector)||','||quote(kind)||','||quote(code)||','||
			quote(code_system)||','||quote(area)||','||quote(successor)||','||quote(part_of), char(10) ORDER BY name), '')
			FROM agency_registry`},
		{names, `SELECT count(*), coalesce(group_concat(quote(alias)||','||quote(name)||','||quote(kind), char(10) ORDER BY alias, name), '')
			FROM agency_registry_names`},
		{places, `SELECT count(*), coalesce(group_concat(quote(name)||','||quote(code)||','||quote(tier)||','||quote(council)||','||
			quote(police_force)||','||quote(pcc)||','||quote(icb), char(10) ORDER BY name), '') FROM areas`},
	} {
		var n int
		var got string
		if err := tx.QueryRowContext(ctx, q.sql).Scan(&n, &got); err != nil {
			return false, err
		}
		if n != len(q.want) {
			return false, nil
		}
		// Sorted as SQLite sorts the keys (BINARY: by their bytes).
		slices.SortFunc(q.want, func(a, b keyedRow) int {
			return cmp.Or(strings.Compare(a.k1, b.k1), strings.Compare(a.k2, b.k2))
		})
		var b strings.Builder
		for i, r := range q.want {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(r.text)
		}
		if got != b.String() {
			return false, nil
		}
	}
	return true, nil
}

// keyedRow is a row's key (one or two columns) and its quoted text.
type keyedRow struct{ k1, k2, text string }

// quoteRow writes fields as SQLite's quote() does, "" as NULL (nullString),
// joined by commas.
func quoteRow(fields ...string) string {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		if f == "" {
			b.WriteString("NULL")
			continue
		}
		b.WriteByte('\'')
		b.WriteString(strings.ReplaceAll(f, "'", "''"))
		b.WriteByte('\'')
	}
	return b.String()
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
