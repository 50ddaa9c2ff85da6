package data

import (
	"encoding/json"
	"fmt"
)

// The site's open data (see README.md, "Open data"): at stable addresses
// under OpenDataDir, each report's dataset and cells, a catalog of every
// report with its key figures and rates, every cell of every report in one
// file, and a Frictionless Data Package (datapackage.json) describing the
// two tables with their schema and the site's licence.
const (
	OpenDataDir     = "data" // the folder of the open data, the reports' packs' too (catalog.PacksDir)
	OpenReportsDir  = OpenDataDir + "/reports"
	OpenCatalog     = "catalog.csv"      // under OpenDataDir
	OpenCells       = "cells.csv"        // under OpenDataDir
	OpenDataPackage = "datapackage.json" // under OpenDataDir
)

// DataPackage is a Frictionless Data Package descriptor (Data Package and
// Tabular Data Resource specifications, v1), as much of it as the site
// writes.
type DataPackage struct {
	Profile     string            `json:"profile"`
	Name        string            `json:"name"`
	Title       string            `json:"title,omitempty"`
	Description string            `json:"description,omitempty"`
	Homepage    string            `json:"homepage,omitempty"`
	Licenses    []License         `json:"licenses,omitempty"`
	Sources     []PackageSource   `json:"sources,omitempty"`
	Resources   []PackageResource `json:"resources"`
}

// License is a licence of a data package: an SPDX-style name or the
// address of its text, and its title.
type License struct {
	Name  string `json:"name,omitempty"`
	Path  string `json:"path,omitempty"`
	Title string `json:"title,omitempty"`
}

// PackageSource is where a package's data comes from.
type PackageSource struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

// PackageResource is one file of a data package: a tabular data resource.
type PackageResource struct {
	Profile     string       `json:"profile"`
	Name        string       `json:"name"`
	Path        string       `json:"path"`
	Title       string       `json:"title,omitempty"`
	Description string       `json:"description,omitempty"`
	Format      string       `json:"format"`
	MediaType   string       `json:"mediatype"`
	Encoding    string       `json:"encoding"`
	Bytes       int64        `json:"bytes"`
	Hash        string       `json:"hash"` // "sha256:…"
	Dialect     *Dialect     `json:"dialect,omitempty"`
	Schema      *TableSchema `json:"schema"`
}

// Dialect is a CSV file's dialect.
type Dialect struct {
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	DoubleQuote    bool   `json:"doubleQuote"`
	Header         bool   `json:"header"`
}

// TableSchema is a table's columns, in order, and its key.
type TableSchema struct {
	Fields      []Field  `json:"fields"`
	PrimaryKey  []string `json:"primaryKey,omitempty"`
	MissingVals []string `json:"missingValues"`
}

// Field is one column of a table.
type Field struct {
	Name        string           `json:"name"`
	Title       string           `json:"title,omitempty"`
	Type        string           `json:"type"`
	Format      string           `json:"format,omitempty"`
	Description string           `json:"description,omitempty"`
	Constraints *FieldConstraint `json:"constraints,omitempty"`
}

// FieldConstraint constrains a column's values.
type FieldConstraint struct {
	Required bool     `json:"required,omitempty"`
	Unique   bool     `json:"unique,omitempty"`
	Minimum  *int64   `json:"minimum,omitempty"`
	Enum     []string `json:"enum,omitempty"`
}

// ParseDataPackage reads a descriptor the site wrote.
func ParseDataPackage(b []byte) (*DataPackage, error) {
	var p DataPackage
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("datapackage.json: %w", err)
	}
	return &p, nil
}

// Resource is the resource of the name, or nil.
func (p *DataPackage) Resource(name string) *PackageResource {
	for i := range p.Resources {
		if p.Resources[i].Name == name {
			return &p.Resources[i]
		}
	}
	return nil
}
