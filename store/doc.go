// Package store keeps extracted and normalized action plans in SQLite, the
// analysts' interface: documents keyed by the sha256 of their bytes, reviews
// and their plan versions, recommendations followed across versions, actions
// with every cell as printed, agencies, full-text search and views for the
// common questions. Each document is loaded in one transaction, whole or not
// at all.
//
// It reads package extract's and package normalize's types and never opens a
// PDF or interprets a cell: what a cell means is normalize's business.
package store
