package extract

func findTables(doc *Document) []Table { return nil }
