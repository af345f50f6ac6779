// Package gql is the small GraphQL-over-HTTP client the load and benchmark
// scripts share: one POST, its outcome and latency, and percentiles.
package gql

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Result is the outcome of one request.
type Result struct {
	Took   time.Duration
	Status int // HTTP status; 0 when no answer came
	// Codes are the extensions.code of the GraphQL errors answered (the
	// message where an error has no code).
	Codes []string
	// Err is a failure to send the request or read the answer, such as the
	// client's timeout.
	Err error
	// Data is the answer's data member, for callers that look into it.
	Data json.RawMessage
}

// OK reports whether the request was answered, with status 200 and no error.
func (r Result) OK() bool { return r.Err == nil && r.Status == http.StatusOK && len(r.Codes) == 0 }

// Problem says in a few words what went wrong, "" when nothing did:
// "TIMEOUT", "HTTP 503 UNAVAILABLE", "no answer within 2m0s".
func (r Result) Problem() string {
	switch {
	case r.Err != nil:
		return r.Err.Error()
	case r.OK():
		return ""
	}
	p := strings.Join(r.Codes, ",")
	if r.Status != http.StatusOK {
		p = strings.TrimSpace(fmt.Sprintf("HTTP %d %s", r.Status, p))
	}
	return p
}

// Post sends one GraphQL request and waits for the whole answer. It never
// retries. A client timeout is reported as "no answer within …".
func Post(ctx context.Context, client *http.Client, target, token, query string, vars map[string]any) Result {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return Result{Err: fmt.Errorf("encode request: %w", err)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return Result{Err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	began := time.Now()
	r := post(client, req)
	r.Took = time.Since(began)
	return r
}

func post(client *http.Client, req *http.Request) Result {
	resp, err := client.Do(req)
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return Result{Err: fmt.Errorf("no answer within %s", client.Timeout)}
		}
		return Result{Err: err}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return Result{Status: resp.StatusCode, Err: fmt.Errorf("read answer: %w", err)}
	}
	var answer struct {
		Data   json.RawMessage
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	r := Result{Status: resp.StatusCode}
	if err := json.Unmarshal(b, &answer); err != nil {
		if resp.StatusCode == http.StatusOK {
			r.Err = fmt.Errorf("answer is not JSON: %.80q", b)
		}
		return r
	}
	r.Data = answer.Data
	for _, e := range answer.Errors {
		code := e.Extensions.Code
		if code == "" {
			code = e.Message
		}
		if !slices.Contains(r.Codes, code) {
			r.Codes = append(r.Codes, code)
		}
	}
	return r
}

// Percentile returns the p-th percentile of sorted latencies (the lower
// nearest rank), 0 for none.
func Percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[(len(sorted)-1)*p/100]
}

// MustBeLoopback refuses any target that is not this machine: these tools
// only ever load the local machine.
func MustBeLoopback(target string) error {
	u, err := url.Parse(target)
	if err != nil {
		return err
	}
	ips, err := net.LookupIP(u.Hostname())
	if err != nil {
		return err
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("%s is not a loopback address: this tool only loads the local machine", u.Hostname())
		}
	}
	return nil
}
