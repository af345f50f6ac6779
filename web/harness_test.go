package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/demo"
	"github.com/buurtnet/buurtnet/server"
	"github.com/buurtnet/buurtnet/sqlite"
)

// chromium finds the browser the tests drive: $CHROMIUM, else Debian's
// chromium package. The browser tests skip without one, except in CI
// (CI=true), where scripts/test installs it and they must run.
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium: CI must run the browser tests (scripts/test installs the chromium package)")
	}
	t.Skip("no Chromium here (apt-get install chromium, or set CHROMIUM); CI runs these tests")
	return ""
}

// explorer is the service on the demo network with a browser tab on it.
type explorer struct {
	t     *testing.T
	srv   *httptest.Server
	db    *sqlite.DB
	ctx   context.Context
	shots string

	mu       sync.Mutex
	foreign  []string // requests to anything but the service
	problems []string // uncaught exceptions, console errors, CSP reports
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func newExplorer(t *testing.T) *explorer {
	t.Helper()
	exe := chromium(t)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "buurtnet.db"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	network, err := demo.Network()
	require.NoError(t, err)
	_, err = db.Apply(ctx, network, buurtnet.ApplyOptions{})
	require.NoError(t, err)
	srv := httptest.NewServer(server.NewHandler(server.Config{Store: db, Explorer: true, Playground: true, Introspection: true, Logger: quiet}))
	t.Cleanup(srv.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.WindowSize(1280, 900), chromedp.Flag("lang", "nl-BE"), chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)

	shots := os.Getenv("BUURTNET_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(shots, 0o755))
	e := &explorer{t: t, srv: srv, db: db, ctx: bctx, shots: shots}
	require.NoError(t, chromedp.Listen(bctx, e.observe))
	e.do(chromedp.EmulateViewport(1280, 900))
	// A Dutch-speaking facilitator: the browser here asks for English, so
	// pick Dutch once, as they would; the explorer remembers it.
	e.open("/")
	e.click(`button[data-lang="nl"]`)
	e.wait(`document.documentElement.lang === 'nl' && document.body.dataset.ready === 'true'`)
	t.Cleanup(func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		if len(e.foreign) > 0 {
			t.Errorf("requests left the machine: %v", e.foreign)
		}
		if len(e.problems) > 0 {
			t.Errorf("the pages reported errors: %v", e.problems)
		}
	})
	return e
}

func (e *explorer) observe(ev any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		if !strings.HasPrefix(u, e.srv.URL+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") && !strings.HasPrefix(u, "file:") {
			e.foreign = append(e.foreign, u)
		}
	case *runtime.EventExceptionThrown:
		e.problems = append(e.problems, "exception: "+ev.ExceptionDetails.Text+" "+describe(ev.ExceptionDetails.Exception))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			e.problems = append(e.problems, "console: "+strings.Join(parts, " "))
		}
	case *cdplog.EventEntryAdded:
		// A refused request (4xx/5xx) is logged here too; only the
		// violations of the content security policy are a page's fault.
		if ev.Entry.Level == cdplog.EntryLevelError && strings.Contains(ev.Entry.Text, "Content Security Policy") {
			e.problems = append(e.problems, "csp: "+ev.Entry.Text)
		}
	}
}

func describe(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	return o.Description
}

func (e *explorer) do(steps ...chromedp.Action[chromedp.Void]) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, 30*time.Second)
	defer cancel()
	require.NoError(e.t, chromedp.Do(ctx, steps...))
}

// eval runs JavaScript in the page and decodes its value.
func eval[T any](e *explorer, js string) T {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	require.NoError(e.t, err, js)
	return v
}

// wait polls a JavaScript condition until it holds.
func (e *explorer) wait(cond string) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, 20*time.Second)
	defer cancel()
	var err error
	for {
		_, err = chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(15*time.Second)))
		// A poll that starts while the page is still being replaced loses
		// its execution context; the new page gets a new one, so ask again.
		if err == nil || ctx.Err() != nil || !contextLost(err) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	require.NoError(e.t, err, "waiting for %s; page: %s", cond, e.mainText())
}

func contextLost(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "Cannot find context with specified id") || strings.Contains(msg, "Execution context was destroyed")
}

func (e *explorer) mainText() string {
	ctx, cancel := context.WithTimeout(e.ctx, 5*time.Second)
	defer cancel()
	s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + ' ' + (document.querySelector('main')?.innerText ?? '').slice(0, 500)`))
	return s
}

// open loads path as a visitor would (a full page load) and waits for the
// page to be drawn.
func (e *explorer) open(path string) {
	e.t.Helper()
	e.do(chromedp.Navigate(e.srv.URL + path))
	e.ready(path)
}

// ready waits until the explorer has drawn the page at path.
func (e *explorer) ready(path string) {
	e.t.Helper()
	p, _, _ := strings.Cut(path, "?")
	e.wait(fmt.Sprintf(`document.body.dataset.ready === 'true' && location.pathname === %q`, p))
}

// click clicks the element and, for a link or a form, waits for the page
// it leads to.
func (e *explorer) click(sel string) {
	e.t.Helper()
	e.do(chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
}

func (e *explorer) text(sel string) string {
	e.t.Helper()
	return eval[string](e, fmt.Sprintf(`(document.querySelector(%q)?.innerText ?? '')`, sel))
}

// shot saves a full-page screenshot as <name>.png in the screenshot folder.
func (e *explorer) shot(name string) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(e.t, err)
	require.NoError(e.t, os.WriteFile(filepath.Join(e.shots, name+".png"), png, 0o644))
}

// shotOf saves a screenshot of one element as <name>.png.
func (e *explorer) shotOf(sel, name string) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel), chromedp.NodeVisible))
	require.NoError(e.t, err)
	require.NoError(e.t, os.WriteFile(filepath.Join(e.shots, name+".png"), png, 0o644))
}

// axe runs the axe-core accessibility rules (WCAG 2.1 A and AA) on the page
// and fails on any serious or critical violation.
func (e *explorer) axe(name string) {
	e.t.Helper()
	if !eval[bool](e, `typeof axe !== 'undefined'`) {
		src, err := os.ReadFile(filepath.Join("testdata", "axe.min.js"))
		require.NoError(e.t, err)
		_ = eval[any](e, string(src)+"; true")
	}
	type violation struct {
		ID, Impact, Help string
		Nodes            []struct{ Target []any }
	}
	res := eval[[]violation](e, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
		.then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
			.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => ({target: n.target}))})))`)
	for _, v := range res {
		e.t.Errorf("%s: accessibility %s (%s): %s, at %v", name, v.Impact, v.ID, v.Help, v.Nodes)
	}
}

// noOverflow checks that nothing runs off the right edge of the window.
func (e *explorer) noOverflow(name string) {
	e.t.Helper()
	w := eval[[]int](e, `[document.documentElement.scrollWidth, window.innerWidth]`)
	if w[0] > w[1] {
		wide := eval[[]string](e, `[...document.querySelectorAll('body *')].filter(el => el.getBoundingClientRect().right > window.innerWidth + 1
			&& ![...el.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1) && !el.closest('.scroll'))
			.slice(0, 5).map(el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))`)
		e.t.Errorf("%s: the page is %d px wide in a %d px window; too wide: %v", name, w[0], w[1], wide)
	}
}

// token makes a token of the role and returns its secret.
func (e *explorer) token(role buurtnet.AccessRole) string {
	e.t.Helper()
	tok, secret, err := buurtnet.NewToken("test "+strings.ToLower(string(role)), role)
	require.NoError(e.t, err)
	require.NoError(e.t, e.db.CreateToken(context.Background(), tok))
	return secret
}

// signIn pastes the token into the sign-in page, as a facilitator does.
func (e *explorer) signIn(secret string) {
	e.t.Helper()
	e.open("/signin")
	e.do(chromedp.SendKeys(chromedp.CSS("#token"), secret), chromedp.Click(chromedp.CSS("main form button[type=submit]")))
	e.wait(`document.querySelector('[data-testid=who]') !== null && document.body.dataset.ready === 'true'`)
}

type gqlError struct {
	Message    string
	Extensions struct{ Code, Field string }
}

// gql asks the API directly (not through the browser), to compare.
func (e *explorer) gql(secret, query string, vars map[string]any, out any) []gqlError {
	e.t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	require.NoError(e.t, err)
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+"/query", bytes.NewReader(body))
	require.NoError(e.t, err)
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("Authorization", "Bearer "+secret)
	}
	return e.send(req, out)
}

func (e *explorer) send(req *http.Request, out any) []gqlError {
	e.t.Helper()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(e.t, err)
	defer resp.Body.Close()
	var res struct {
		Data   json.RawMessage
		Errors []gqlError
	}
	require.NoError(e.t, json.NewDecoder(resp.Body).Decode(&res))
	if out != nil && len(res.Data) > 0 && string(res.Data) != "null" {
		require.NoError(e.t, json.Unmarshal(res.Data, out))
	}
	return res.Errors
}

// importDryRun uploads a file to the API as the explorer does, for the
// report to compare with.
func (e *explorer) importDryRun(secret, path string, out any) {
	e.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("operations", `{"query":"mutation($file: Upload!) { importNetwork(file: $file, dryRun: true) { problems { sheet row column message } } }","variables":{"file":null}}`)
	_ = w.WriteField("map", `{"0":["variables.file"]}`)
	f, err := w.CreateFormFile("0", filepath.Base(path))
	require.NoError(e.t, err)
	data, err := os.ReadFile(path)
	require.NoError(e.t, err)
	_, _ = f.Write(data)
	require.NoError(e.t, w.Close())
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+"/query", &body)
	require.NoError(e.t, err)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+secret)
	require.Empty(e.t, e.send(req, out))
}

// downloads lets the browser save files into a fresh folder and returns it.
func (e *explorer) downloads() string {
	e.t.Helper()
	dir := e.t.TempDir()
	ctx, cancel := context.WithTimeout(e.ctx, 10*time.Second)
	defer cancel()
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
	require.NoError(e.t, err)
	return dir
}

// downloaded waits for a file whose name ends in suffix to appear in dir.
func (e *explorer) downloaded(dir, suffix string) []byte {
	e.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, en := range entries {
			if strings.HasSuffix(en.Name(), suffix) {
				data, err := os.ReadFile(filepath.Join(dir, en.Name()))
				if err == nil && len(data) > 0 {
					return data
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	e.t.Fatalf("no %s file was downloaded into %s", suffix, dir)
	return nil
}
