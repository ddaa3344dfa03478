package store

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/normalize"
)

func recordKeys() map[string]reflect.StructField {
	m := map[string]reflect.StructField{}
	rt := reflect.TypeOf(normalize.Record{})
	for i := 0; i < rt.NumField(); i++ {
		k, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		m[k] = rt.Field(i)
	}
	return m
}

func TestColumnKeysAreRecordKeys(t *testing.T) {
	keys := recordKeys()
	for k := range columnKeys {
		if _, ok := keys[k]; !ok {
			t.Errorf("columnKeys names %q, which normalize.Record does not have", k)
		}
	}
}

// Every key of a record comes back from the export as it was loaded,
// including keys without a column of their own (kept in actions.extra).
func TestExportRoundTrip(t *testing.T) {
	db := openTemp(t)
	in := fixture("rt.pdf", "rt", diana, []row{{"1", "Share information", "Agree a protocol", "Test Police", "ongoing", 1}})
	rec := &in.Norm.Records[0]
	rec.Theme, rec.ScopePrinted, rec.LeadOfficer, rec.Milestone = "Theme 1", "Local", "Chair", "Protocol signed"
	rec.Outcome, rec.Update, rec.CompletionDate, rec.Evidence = "Fewer delays", "Signed in May", "May 2021", "Minutes"
	rec.StatusSource, rec.StatusDate, rec.RAG, rec.AsOf = "Status", "2021-05-01", "green", "2024-10"
	rv := reflect.ValueOf(rec).Elem()
	for k, f := range recordKeys() {
		if columnKeys[k] {
			continue
		}
		v := rv.FieldByIndex(f.Index)
		switch v.Kind() {
		case reflect.String:
			v.SetString("value of " + k)
		case reflect.Int, reflect.Int64:
			v.SetInt(7)
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Float64:
			v.SetFloat(0.5)
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.String {
				v.Set(reflect.ValueOf([]string{"value of " + k}))
			}
		}
	}
	mustLoad(t, db, in)
	var got []normalize.Record
	if err := db.Actions(context.Background(), func(r ActionRecord) error { got = append(got, r.Record); return nil }); err != nil {
		t.Fatal(err)
	}
	want := *rec
	want.TargetDateISO = "2021-03-31" // the database's one form: the period's last day
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("round trip\n got %+v\nwant %+v", got, want)
	}
}
