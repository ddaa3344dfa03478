package store

import (
	"context"
	"testing"

	"github.com/actionplan/actionplan/normalize"
)

// TestSyncRegistryUnchanged: a registry the tables already hold is not
// written again; any difference in a body, a name or an area (or a row
// changed in the database) writes it whole, and the tables then hold it.
func TestSyncRegistryUnchanged(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	rows := []normalize.RegistryRow{
		{Canonical: "Knowsley Council", Sector: "local_authority", Kind: "council", Code: "E08000011", CodeScheme: "ons",
			Area: "Knowsley", Aliases: []string{"KMBC", "Knowsley MBC", "O'Hare's Council"}, FormerNames: []string{"Knowsley Borough"}},
		{Canonical: "Knowsley", Kind: "other", Aliases: []string{"Knowsley Council", "KMBC"}},
		{Canonical: "Knowsley Council", Sector: "police"}, // a repeat: the first is kept
		{Canonical: "Merseyside Police", Sector: "police", Kind: "police", Aliases: []string{"Merseyside Police Service"}},
	}
	areas := []normalize.Area{{Name: "Knowsley", Code: "E08000011", Tier: "metropolitan", Council: "Knowsley Council",
		Force: "Merseyside Police"}, {Name: "Knowsley B"}}
	sync := func(want bool, rows []normalize.RegistryRow, areas []normalize.Area) {
		t.Helper()
		written, err := db.syncRegistry(ctx, rows, areas)
		if err != nil {
			t.Fatal(err)
		}
		if written != want {
			t.Fatalf("written %v, want %v", written, want)
		}
		tx, err := db.db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		if held, err := registryHeld(ctx, tx, rows, areas); err != nil || !held {
			t.Fatalf("after sync the tables do not hold the registry (%v)", err)
		}
	}
	sync(true, rows, areas)
	sync(false, rows, areas)
	rows[3].Aliases = append(rows[3].Aliases, "Merseyside Constabulary")
	sync(true, rows, areas)
	sync(false, rows, areas)
	rows[0].Code = ""
	sync(true, rows, areas)
	areas[1].ICB = "NHS Cheshire and Merseyside"
	sync(true, rows, areas)
	if _, err := db.db.ExecContext(ctx, `UPDATE agency_registry_names SET kind = 'alias' WHERE alias = 'Knowsley Borough'`); err != nil {
		t.Fatal(err)
	}
	sync(true, rows, areas)
	sync(true, rows[:3], areas)
	sync(true, rows[:3], areas[:1])
	sync(false, rows[:3], areas[:1])
}
