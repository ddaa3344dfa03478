package store

import (
	"encoding/json"

	"github.com/actionplan/actionplan/normalize"
)

// columnKeys are the action record's keys that the schema stores in columns
// of their own (or derives from documents, reviews, recommendations, cells
// and agencies). Every other key of a record goes into actions.extra, so that
// keys normalize adds later are kept and exported without a migration.
var columnKeys = map[string]bool{
	"file": true, "sha256": true, "review_type": true, "reference": true, "area": true, "pseudonym": true,
	"seq": true, "number": true, "recommendation": true, "scope": true, "action": true, "lead_agency": true,
	"agencies": true, "milestone": true, "target_date": true, "outcome": true, "update": true, "status": true,
	"page_first": true, "page_last": true, "cells": true, "table": true, "group": true, "theme": true,
	"scope_printed": true, "lead_officer": true, "target_date_iso": true, "target_date_precision": true,
	"completion_date": true, "evidence": true, "status_printed": true, "status_source": true,
	"status_date": true, "rag": true, "as_of": true, "agency_detail": true, "completion_date_iso": true,
}

// extraJSON is the JSON object of r's keys that have no column.
func extraJSON(r normalize.Record) string {
	b, err := json.Marshal(r)
	if err != nil {
		return "{}"
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return "{}"
	}
	for k := range m {
		if columnKeys[k] {
			delete(m, k)
		}
	}
	return marshal(m)
}
