package dataset

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"nianbao/data"
	"nianbao/data/internal/regular"
)

// ReadFile reads and validates a dataset file; errors start with the file
// name. It reads a regular file (or a link to one) of at most
// data.MaxDatasetSize bytes, and refuses anything else before reading it.
func ReadFile(name string) (*data.Report, error) {
	b, err := regular.Read(name, data.MaxDatasetSize)
	var nr *regular.NotRegularError
	var tl *regular.TooLargeError
	switch {
	case errors.As(err, &nr):
		return nil, fmt.Errorf("%s: %w", name, &data.FieldError{Reason: nr.Error() + "; a dataset is a file"})
	case errors.As(err, &tl) && tl.Size >= 0:
		return nil, fmt.Errorf("%s: %w", name, &data.FieldError{Reason: fmt.Sprintf("the file is %d bytes; a dataset is at most %d (2 MiB)", tl.Size, data.MaxDatasetSize)})
	case errors.As(err, &tl):
		return nil, fmt.Errorf("%s: %w", name, &data.FieldError{Reason: fmt.Sprintf("the file grew past %d bytes while it was read; a dataset is at most that (2 MiB)", data.MaxDatasetSize)})
	case err != nil:
		return nil, err
	}
	r, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return r, nil
}

// ReadDir reads every dataset file (*.json) of dir, parsed and validated, in
// a stable order (by body, then the newest year first), or the first error
// naming the file and the place. No two files may hold the same body and
// year.
func ReadDir(dir string) ([]*data.Report, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var reports []*data.Report
	seen := map[string]string{}
	for _, n := range names {
		r, err := ReadFile(n)
		if err != nil {
			return nil, err
		}
		if id := strings.TrimSuffix(filepath.Base(n), ".json"); r.ID != id {
			return nil, fmt.Errorf("%s: id %q does not match the file name", n, r.ID)
		}
		key := fmt.Sprintf("%s %d", r.Body, r.Year)
		if other, ok := seen[key]; ok {
			return nil, fmt.Errorf("%s: %s%d年 is already in %s", n, r.Body, r.Year, other)
		}
		seen[key] = n
		reports = append(reports, r)
	}
	if len(reports) == 0 {
		return nil, fmt.Errorf("%s: no dataset (*.json)", dir)
	}
	data.SortReports(reports)
	return reports, nil
}

// WriteFile validates a report (Validate, and the size of its dataset) and
// writes it atomically: to a temporary file in the same folder, then renamed
// over name, so neither a refused report nor a partial file is ever left
// behind. Errors start with the file name.
func WriteFile(name string, r *data.Report) error {
	if err := r.Validate(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	b, err := data.Encode(r)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > data.MaxDatasetSize {
		return fmt.Errorf("%s: %w", name, &data.FieldError{Reason: fmt.Sprintf("the dataset would be %d bytes; a dataset is at most %d (2 MiB)", len(b), data.MaxDatasetSize)})
	}
	return writeAtomic(name, b)
}

// writeAtomic writes b to name through a temporary file and a rename.
func writeAtomic(name string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = f.Chmod(0o644) // CreateTemp makes it private; a dataset is not
	if err == nil {
		_, err = f.Write(b)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
