package meshtrace

import (
	"net/http"
	"strconv"
	"time"
)

// RateLimit is the X-RateLimit-* headers of a response: the key's budget per
// minute, what is left of it, and when it is whole again.
type RateLimit struct {
	Limit     int
	Remaining int
	Reset     time.Time
}

func rateLimitOf(header http.Header) *RateLimit {
	limit, err1 := strconv.Atoi(header.Get("X-RateLimit-Limit"))
	remaining, err2 := strconv.Atoi(header.Get("X-RateLimit-Remaining"))
	reset, err3 := strconv.ParseInt(header.Get("X-RateLimit-Reset"), 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return nil
	}
	return &RateLimit{Limit: limit, Remaining: remaining, Reset: time.Unix(reset, 0).UTC()}
}
