package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// startWithReadTimeout runs the service with a read timeout of one second
// and a minimum body rate of 1 KiB a second.
func startWithReadTimeout(t *testing.T) *Main {
	t.Helper()
	m := NewMain()
	m.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	require.NoError(t, m.ParseFlags([]string{"--listen", "127.0.0.1:0", "--store", ":memory:", "--demo=false",
		"--read-timeout", "1s", "--min-body-rate", "1024"}))
	require.NoError(t, m.Run(context.Background()))
	t.Cleanup(func() { _ = m.Close() })
	return m
}

// trickle opens a connection, sends head, then one byte of drip a second
// until the service cuts the connection off or a minute has passed. It
// returns how long the service took to stop reading, and its answer, if
// it gave one.
func trickle(t *testing.T, addr, head, drip string) (time.Duration, *http.Response) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	start := time.Now()
	_, err = io.WriteString(conn, head)
	require.NoError(t, err)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			if _, err := io.WriteString(conn, drip[i%len(drip):i%len(drip)+1]); err != nil {
				return
			}
		}
	}()
	// The test's own bound: far past the service's, far short of the
	// minute the client would go on for.
	require.NoError(t, conn.SetReadDeadline(start.Add(30*time.Second)))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	took := time.Since(start)
	var netErr net.Error
	require.False(t, errors.As(err, &netErr) && netErr.Timeout(), "the service still read after 30 s")
	if err != nil {
		return took, nil // cut off without an answer
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return took, resp
}

// TestSlowBodyIsCutOff: a client that sends its body a byte a second is
// cut off once the read timeout has passed, not when it is done.
func TestSlowBodyIsCutOff(t *testing.T) {
	m := startWithReadTimeout(t)
	head := "POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
	took, resp := trickle(t, m.Addr, head, `"query":"{ projects { totalCount } }"`)
	assert.Less(t, took, 10*time.Second, "cut off near the 1 s read timeout")
	assert.GreaterOrEqual(t, took, 900*time.Millisecond, "not before the read timeout")
	if assert.NotNil(t, resp, "the service says why") {
		assert.Equal(t, http.StatusRequestTimeout, resp.StatusCode)
	}
}

// TestSlowHeadersAreCutOff: the same for a client that sends its headers
// slowly.
func TestSlowHeadersAreCutOff(t *testing.T) {
	m := startWithReadTimeout(t)
	took, _ := trickle(t, m.Addr, "POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\n", "X-Slow: 1\r\n")
	assert.Less(t, took, 10*time.Second, "cut off near the 1 s read timeout")
	assert.GreaterOrEqual(t, took, 900*time.Millisecond, "not before the read timeout")
}

// slowReader gives its text 1 KiB at a time, a quarter of a second apart:
// 4 KiB a second, four times the service's minimum rate in these tests.
type slowReader struct{ rest string }

func (r *slowReader) Read(p []byte) (int, error) {
	if r.rest == "" {
		return 0, io.EOF
	}
	time.Sleep(250 * time.Millisecond)
	n := copy(p[:min(len(p), 1024)], r.rest)
	r.rest = r.rest[n:]
	return n, nil
}

// TestBodyAtAnHonestRateIsRead: a body that takes longer than the read
// timeout to arrive, but comes at a steady rate above the minimum, is read
// and answered.
func TestBodyAtAnHonestRateIsRead(t *testing.T) {
	m := startWithReadTimeout(t)
	body := `{"query":"{ projects { totalCount } }` + strings.Repeat(" ", 8<<10) + `"}`
	req, err := http.NewRequest(http.MethodPost, "http://"+m.Addr+"/query", &slowReader{rest: body})
	require.NoError(t, err)
	req.ContentLength = int64(len(body))
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Greater(t, time.Since(start), time.Second, "the body took longer than the read timeout")
	assert.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	assert.Contains(t, string(b), `"totalCount":0`)
}

func TestReadTimeoutFlags(t *testing.T) {
	t.Setenv("BUURTNET_READ_TIMEOUT", "3s")
	t.Setenv("BUURTNET_MIN_BODY_RATE", "2048")
	m := NewMain()
	require.NoError(t, m.ParseFlags(nil))
	assert.Equal(t, 3*time.Second, m.Limits.ReadTimeout)
	assert.Equal(t, int64(2048), m.Limits.MinBodyRate)
	assert.Error(t, NewMain().ParseFlags([]string{"--read-timeout", "0s"}), "no bound is refused")
	assert.Error(t, NewMain().ParseFlags([]string{"--min-body-rate", "-1"}))
}

func TestLargeHeadersAreRefused(t *testing.T) {
	m := startWithReadTimeout(t)
	req, err := http.NewRequest(http.MethodGet, "http://"+m.Addr+"/healthz", nil)
	require.NoError(t, err)
	req.Header.Set("X-Padding", strings.Repeat("a", 100<<10))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, resp.StatusCode)
}
