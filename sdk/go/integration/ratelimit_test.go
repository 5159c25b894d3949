package integration_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	meshtrace "mesh-trace/sdk-go"
)

func TestRetryAfterA429ThenSucceeds(t *testing.T) {
	fx := load(t)
	ctx := context.Background()
	impatient := newClient(t, meshtrace.WithAPIKey(fx.RateLimitedKey), meshtrace.WithMaxRetries(0))
	for range 2 {
		if _, err := impatient.Services.List(ctx, nil); err != nil {
			t.Fatal(err)
		}
	}
	if limit, _ := impatient.RateLimit(); limit.Remaining != 0 {
		t.Fatalf("remaining %d", limit.Remaining)
	}
	_, err := impatient.Services.List(ctx, nil)
	var apiErr *meshtrace.APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, meshtrace.ErrRateLimited) || apiErr.StatusCode != 429 || apiErr.Code != "rate_limited" || apiErr.RetryAfter < time.Second || apiErr.RateLimit == nil || apiErr.RateLimit.Remaining != 0 {
		t.Fatalf("429: %v", err)
	}

	patient := newClient(t, meshtrace.WithAPIKey(fx.RateLimitedKey))
	started := time.Now()
	services, err := patient.Services.List(ctx, nil)
	waited := time.Since(started)
	if err != nil || services.Total < 1 {
		t.Fatalf("after waiting: %v", err)
	}
	if waited < apiErr.RetryAfter-2*time.Second {
		t.Fatalf("waited %v for a Retry-After of %v", waited, apiErr.RetryAfter)
	}
	fmt.Printf("429 retry-after %d s, succeeded after %.1f s\n", int(apiErr.RetryAfter.Seconds()), waited.Seconds())
}
