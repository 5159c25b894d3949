package meshtrace

import (
	"errors"
	"net/http"
	"os"
	"strings"
	"time"
)

// Version of this library, sent in the User-Agent header.
const Version = "0.1.0"

// DefaultBaseURL is used when neither WithBaseURL nor MESH_TRACE_BASE_URL gives one.
const DefaultBaseURL = "http://127.0.0.1:4000/v1"

// Client is a client of the Mesh-Trace REST API v1; safe for concurrent use.
type Client struct {
	Traces     *TracesService
	Nodes      *NodesService
	Services   *ServicesService
	Topology   *TopologyService
	AlertRules *AlertRulesService

	baseURL   string
	transport *transport
}

type config struct {
	apiKey             string
	baseURL            string
	httpClient         *http.Client
	timeout            time.Duration
	maxRetries         int
	maxRetryWait       time.Duration
	retryNonIdempotent bool
	headers            http.Header
}

// Option configures a Client.
type Option func(*config)

// WithAPIKey sets the API key (default: MESH_TRACE_API_KEY).
func WithAPIKey(key string) Option { return func(c *config) { c.apiKey = key } }

// WithBaseURL sets the base URL, ending in /v1 (default: MESH_TRACE_BASE_URL, else DefaultBaseURL).
func WithBaseURL(baseURL string) Option { return func(c *config) { c.baseURL = baseURL } }

// WithHTTPClient sends requests with this client (its Timeout replaces WithTimeout's).
func WithHTTPClient(client *http.Client) Option { return func(c *config) { c.httpClient = client } }

// WithTimeout bounds each attempt (default 30 s).
func WithTimeout(timeout time.Duration) Option { return func(c *config) { c.timeout = timeout } }

// WithMaxRetries sets how many times a failed request is retried (default 2).
func WithMaxRetries(n int) Option { return func(c *config) { c.maxRetries = n } }

// WithMaxRetryWait sets the longest Retry-After waited for (default 120 s); a longer one is returned as the error at once.
func WithMaxRetryWait(d time.Duration) Option { return func(c *config) { c.maxRetryWait = d } }

// WithRetryNonIdempotent also retries POST and PATCH requests (heartbeats,
// rule creation and updates); a repeated create makes a second rule.
func WithRetryNonIdempotent() Option { return func(c *config) { c.retryNonIdempotent = true } }

// WithHeader adds a header to every request.
func WithHeader(name, value string) Option { return func(c *config) { c.headers.Add(name, value) } }

// NewClient returns a client; it fails when no API key is given or set in MESH_TRACE_API_KEY.
func NewClient(options ...Option) (*Client, error) {
	cfg := config{
		apiKey:       os.Getenv("MESH_TRACE_API_KEY"),
		baseURL:      os.Getenv("MESH_TRACE_BASE_URL"),
		timeout:      30 * time.Second,
		maxRetries:   2,
		maxRetryWait: 120 * time.Second,
		headers:      http.Header{},
	}
	for _, option := range options {
		option(&cfg)
	}
	if cfg.apiKey == "" {
		return nil, errors.New("meshtrace: no API key: pass WithAPIKey or set MESH_TRACE_API_KEY")
	}
	if cfg.maxRetries < 0 {
		return nil, errors.New("meshtrace: max retries must be 0 or more")
	}
	if cfg.baseURL == "" {
		cfg.baseURL = DefaultBaseURL
	}
	httpClient := cfg.httpClient
	if httpClient == nil {
		httpClient = &http.Client{Timeout: cfg.timeout}
	}
	t := &transport{
		baseURL:            strings.TrimRight(cfg.baseURL, "/"),
		apiKey:             cfg.apiKey,
		http:               httpClient,
		maxRetries:         cfg.maxRetries,
		maxRetryWait:       cfg.maxRetryWait,
		retryNonIdempotent: cfg.retryNonIdempotent,
		headers:            cfg.headers,
		random:             defaultRandom,
	}
	return &Client{
		Traces:     &TracesService{t: t},
		Nodes:      &NodesService{t: t},
		Services:   &ServicesService{t: t},
		Topology:   &TopologyService{t: t},
		AlertRules: &AlertRulesService{t: t},
		baseURL:    t.baseURL,
		transport:  t,
	}, nil
}

// BaseURL is the base URL requests go to.
func (c *Client) BaseURL() string { return c.baseURL }

// RateLimit returns the X-RateLimit-* headers of the latest response; false before the first.
func (c *Client) RateLimit() (RateLimit, bool) {
	c.transport.mu.Lock()
	defer c.transport.mu.Unlock()
	if c.transport.lastRateLimit == nil {
		return RateLimit{}, false
	}
	return *c.transport.lastRateLimit, true
}
