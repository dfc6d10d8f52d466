package store

import "strings"

// inSizes are the lengths an IN (…) list is padded to, with NULLs that
// match nothing: a handful of query texts then serve every batch, and
// each is prepared once per connection (see _stmt_cache_size) instead of
// once per query, which for hundreds of ids costs more than the lookup.
var inSizes = [...]int{8, 64, 512}

// inPlaceholders holds "?,?,…,?" for each of inSizes.
var inPlaceholders = func() map[int]string {
	m := map[int]string{}
	for _, n := range inSizes {
		m[n] = strings.TrimSuffix(strings.Repeat("?,", n), ",")
	}
	return m
}()

// inChunks runs one query per chunk of values: query gets the placeholders
// of the chunk's padded IN list, and args are head then the chunk.
func inChunks[V any](values []V, head []any, query func(placeholders string, args []any) error) error {
	for len(values) > 0 {
		n := inSizes[len(inSizes)-1]
		for _, size := range inSizes {
			if size >= len(values) {
				n = size
				break
			}
		}
		chunk := values[:min(len(values), n)]
		values = values[len(chunk):]
		args := make([]any, 0, len(head)+n)
		args = append(args, head...)
		for _, v := range chunk {
			args = append(args, v)
		}
		for range n - len(chunk) {
			args = append(args, nil)
		}
		if err := query(inPlaceholders[n], args); err != nil {
			return err
		}
	}
	return nil
}
