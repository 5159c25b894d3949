package meshtrace

import (
	"context"
	"iter"
	"net/url"
	"regexp"
)

// Page is one page of a list. Its Items are this page's; All walks this page
// and the following ones, fetching each when the loop reaches it.
type Page[T any] struct {
	Items []T
	// NextCursor is the cursor of the next page; empty on the last page.
	NextCursor string
	// Total counts the matches over all pages (total_matched of trace lists, total of the others).
	Total int
	// RateLimit holds the X-RateLimit-* headers of the response that carried this page.
	RateLimit *RateLimit
	RequestID string
	fetch     func(ctx context.Context, cursor string) (*Page[T], error)
}

// HasNextPage reports whether another page follows.
func (p *Page[T]) HasNextPage() bool { return p.NextCursor != "" }

// NextPage fetches the following page (one request); nil, nil on the last page.
func (p *Page[T]) NextPage(ctx context.Context) (*Page[T], error) {
	if p.NextCursor == "" {
		return nil, nil
	}
	return p.fetch(ctx, p.NextCursor)
}

// Pages yields this page and every following one, each fetched when the loop
// reaches it; a failed fetch is yielded as the error and ends the sequence.
func (p *Page[T]) Pages(ctx context.Context) iter.Seq2[*Page[T], error] {
	return func(yield func(*Page[T], error) bool) {
		for page := p; page != nil; {
			if !yield(page, nil) {
				return
			}
			next, err := page.NextPage(ctx)
			if err != nil {
				yield(nil, err)
				return
			}
			page = next
		}
	}
}

// All yields every item of this page and of the following pages; breaking
// out of the loop stops the fetching.
func (p *Page[T]) All(ctx context.Context) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for page, err := range p.Pages(ctx) {
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, item := range page.Items {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}

// allItems walks every page from the first one, which is fetched when the loop starts.
func allItems[T any](ctx context.Context, first func(ctx context.Context) (*Page[T], error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		page, err := first(ctx)
		if err != nil {
			var zero T
			yield(zero, err)
			return
		}
		for item, err := range page.All(ctx) {
			if !yield(item, err) {
				return
			}
		}
	}
}

var nextLink = regexp.MustCompile(`<([^>]*)>\s*;\s*rel="?next"?`)

// cursorOfLink takes the cursor of the rel="next" target of a Link header
// (RFC 8288). Only the cursor is kept and sent with this client's own base
// URL and parameters, so a gateway behind a path-rewriting proxy still pages right.
func cursorOfLink(link string) string {
	match := nextLink.FindStringSubmatch(link)
	if match == nil {
		return ""
	}
	target, err := url.Parse(match[1])
	if err != nil {
		return ""
	}
	return target.Query().Get("cursor")
}
