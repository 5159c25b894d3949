package meshtrace

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

const (
	// Exponential backoff for network errors (and 429/503 without Retry-After): 0.5 s, 1 s, 2 s … capped at 8 s.
	backoffInitial = 500 * time.Millisecond
	backoffMax     = 8 * time.Second
)

// backoffDelay is the wait before retry number attempt (0-based): the
// exponential step, of which the upper half is random ("equal jitter"), so
// that clients failing together do not retry together.
func backoffDelay(attempt int, random func() float64) time.Duration {
	step := backoffMax
	if attempt < 16 {
		step = min(backoffMax, backoffInitial<<attempt)
	}
	return step/2 + time.Duration(random()*float64(step/2))
}

// parseRetryAfter reads Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
func parseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if seconds, err := strconv.ParseUint(value, 10, 32); err == nil {
		return time.Duration(seconds) * time.Second, true
	}
	at, err := http.ParseTime(value)
	if err != nil {
		return 0, false
	}
	return max(0, at.Sub(now)), true
}

type request struct {
	method string
	// path is below the base URL and starts with '/'.
	path  string
	query url.Values
	body  any
	// idempotent overrides the method's idempotency (a search is a POST that only reads).
	idempotent *bool
}

type response struct {
	header    http.Header
	rateLimit *RateLimit
	requestID string
}

type transport struct {
	baseURL            string
	apiKey             string
	http               *http.Client
	maxRetries         int
	maxRetryWait       time.Duration
	retryNonIdempotent bool
	headers            http.Header
	random             func() float64

	mu            sync.Mutex
	lastRateLimit *RateLimit
}

// do sends the request, retrying as the policy allows, and decodes a success into out (when not nil).
func (t *transport) do(ctx context.Context, req request, out any) (*response, error) {
	safe := req.method == http.MethodGet || req.method == http.MethodDelete || req.method == http.MethodHead || req.method == http.MethodPut
	if req.idempotent != nil {
		safe = *req.idempotent
	}
	retryable := safe || t.retryNonIdempotent
	for attempt := 0; ; attempt++ {
		res, err := t.send(ctx, req, out)
		if err == nil {
			return res, nil
		}
		if !retryable || attempt >= t.maxRetries || ctx.Err() != nil {
			return res, err
		}
		var delay time.Duration
		var apiErr *APIError
		var connErr *ConnectionError
		switch {
		case errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusTooManyRequests || apiErr.StatusCode == http.StatusServiceUnavailable):
			if apiErr.retryAfterSent {
				delay = apiErr.RetryAfter
			} else {
				delay = backoffDelay(attempt, t.random)
			}
			if delay > t.maxRetryWait {
				return res, err
			}
		case errors.As(err, &connErr):
			delay = backoffDelay(attempt, t.random)
		default:
			return res, err
		}
		timer := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			timer.Stop()
			return res, err
		case <-timer.C:
		}
	}
}

func (t *transport) send(ctx context.Context, req request, out any) (*response, error) {
	target := t.baseURL + req.path
	if len(req.query) > 0 {
		target += "?" + req.query.Encode()
	}
	var body io.Reader
	if req.body != nil {
		encoded, err := json.Marshal(req.body)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(encoded)
	}
	httpReq, err := http.NewRequestWithContext(ctx, req.method, target, body)
	if err != nil {
		return nil, err
	}
	for name, values := range t.headers {
		httpReq.Header[name] = values
	}
	httpReq.Header.Set("Authorization", "Bearer "+t.apiKey)
	httpReq.Header.Set("Accept", "application/json")
	httpReq.Header.Set("User-Agent", "mesh-trace-go/"+Version)
	if body != nil {
		httpReq.Header.Set("Content-Type", "application/json")
	}
	httpRes, err := t.http.Do(httpReq)
	if err != nil {
		return nil, &ConnectionError{Method: req.method, URL: target, Err: err}
	}
	defer httpRes.Body.Close()
	raw, err := io.ReadAll(httpRes.Body)
	if err != nil {
		return nil, &ConnectionError{Method: req.method, URL: target, Err: err}
	}
	res := &response{header: httpRes.Header, rateLimit: rateLimitOf(httpRes.Header), requestID: httpRes.Header.Get("X-Request-Id")}
	if res.rateLimit != nil {
		t.mu.Lock()
		t.lastRateLimit = res.rateLimit
		t.mu.Unlock()
	}
	if httpRes.StatusCode >= 400 {
		return res, apiErrorOf(httpRes, raw, res)
	}
	if out != nil && len(raw) > 0 {
		if err := json.Unmarshal(raw, out); err != nil {
			return res, err
		}
	}
	return res, nil
}

func apiErrorOf(httpRes *http.Response, raw []byte, res *response) *APIError {
	var envelope struct {
		Error *struct {
			Code      string  `json:"code"`
			Message   string  `json:"message"`
			Param     *string `json:"param"`
			RequestID string  `json:"request_id"`
		} `json:"error"`
	}
	apiErr := &APIError{
		StatusCode: httpRes.StatusCode,
		Code:       "http_" + strconv.Itoa(httpRes.StatusCode),
		Message:    http.StatusText(httpRes.StatusCode),
		RequestID:  res.requestID,
		Header:     httpRes.Header,
		RateLimit:  res.rateLimit,
	}
	if retryAfter, ok := parseRetryAfter(httpRes.Header.Get("Retry-After"), time.Now()); ok {
		apiErr.RetryAfter = retryAfter
		apiErr.retryAfterSent = true
	}
	if json.Unmarshal(raw, &envelope) == nil && envelope.Error != nil {
		apiErr.Code = envelope.Error.Code
		apiErr.Message = envelope.Error.Message
		if envelope.Error.Param != nil {
			apiErr.Param = *envelope.Error.Param
		}
		if envelope.Error.RequestID != "" {
			apiErr.RequestID = envelope.Error.RequestID
		}
	}
	return apiErr
}

func defaultRandom() float64 { return rand.Float64() }
