package meshtrace

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Sentinel errors an *APIError matches with errors.Is, by HTTP status.
var (
	ErrBadRequest   = errors.New("meshtrace: bad request")         // 400
	ErrUnauthorized = errors.New("meshtrace: unauthorized")        // 401
	ErrForbidden    = errors.New("meshtrace: forbidden")           // 403
	ErrNotFound     = errors.New("meshtrace: not found")           // 404
	ErrConflict     = errors.New("meshtrace: conflict")            // 409
	ErrRateLimited  = errors.New("meshtrace: rate limited")        // 429
	ErrServer       = errors.New("meshtrace: server error")        // 5xx
	ErrUnavailable  = errors.New("meshtrace: service unavailable") // 503
)

// APIError is an error status of the gateway with the documented envelope
// {"error": {"code", "message", "param", "request_id"}}.
type APIError struct {
	StatusCode int
	Code       string
	Message    string
	// Param names the parameter at fault; empty when the envelope's param is null.
	Param     string
	RequestID string
	Header    http.Header
	// RateLimit holds the X-RateLimit-* headers of the response, if it had them.
	RateLimit *RateLimit
	// RetryAfter is the Retry-After of a 429 or 503 answer; 0 when absent.
	RetryAfter     time.Duration
	retryAfterSent bool
}

func (e *APIError) Error() string {
	text := fmt.Sprintf("meshtrace: %d %s: %s", e.StatusCode, e.Code, e.Message)
	if e.Param != "" {
		text += fmt.Sprintf(" (param %s)", e.Param)
	}
	if e.RequestID != "" {
		text += fmt.Sprintf(" [%s]", e.RequestID)
	}
	return text
}

// Is matches the sentinel error of the status: errors.Is(err, meshtrace.ErrNotFound).
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrBadRequest:
		return e.StatusCode == http.StatusBadRequest
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrServer:
		return e.StatusCode >= 500
	case ErrUnavailable:
		return e.StatusCode == http.StatusServiceUnavailable
	}
	return false
}

// ConnectionError is a request that got no response: the gateway was
// unreachable, the connection failed, or the attempt timed out.
type ConnectionError struct {
	Method string
	URL    string
	Err    error
}

func (e *ConnectionError) Error() string {
	return fmt.Sprintf("meshtrace: %s %s: %v", e.Method, e.URL, e.Err)
}

func (e *ConnectionError) Unwrap() error { return e.Err }
