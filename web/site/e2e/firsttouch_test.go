package e2e

// BenchmarkFirstInteraction (issue 22): the time from a visitor's first
// touch or key on a page read without the app to the app running, on the
// shipped portal's front page, catalog and fullest /outcomes as deployed,
// in a fresh browser on a 4G link (its service worker's too) at 4x CPU
// slowdown: the app's download, compilation and first render, which a
// reader who never interacts never pays. It prints the figures and never
// fails on them; `make bench` runs it.

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"nianbao/web/site"
)

// firstInteraction loads url in a fresh throttled browser, lets the page
// settle, touches it (a tap on its heading) or presses Tab, and returns
// the time until the app says it runs.
func firstInteraction(b *testing.B, url string, touch bool) time.Duration {
	ctx, done := freshBrowser(b, 3*time.Minute)
	defer done()
	err := chromedp.Run(ctx, network.Enable(), emulation.SetFocusEmulationEnabled(true),
		emulation.SetTouchEmulationEnabled(true),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{link}).Do(ctx)
			return err
		}),
		emulation.SetCPUThrottlingRate(cpuSlowdown),
		chromedp.Navigate(url),
		// Read: the page loaded, its service worker installed, its
		// first charts drawn; nothing of the app.
		poll(`document.readyState === "complete" && !!navigator.serviceWorker.controller && !document.documentElement.dataset.app`),
	)
	if err != nil {
		b.Fatalf("%s: %v", url, err)
	}
	// app.wasm comes through the service worker, whose own fetches the
	// page's emulated link does not slow: it needs the link too.
	if err := throttleServiceWorkers(ctx); err != nil {
		b.Fatalf("%s: %v", url, err)
	}
	start := time.Now()
	var act chromedp.Action = chromedp.Tasks{
		input.DispatchKeyEvent(input.KeyDown).WithKey("Tab").WithCode("Tab").WithWindowsVirtualKeyCode(9),
		input.DispatchKeyEvent(input.KeyUp).WithKey("Tab").WithCode("Tab").WithWindowsVirtualKeyCode(9),
	}
	if touch {
		at := []*input.TouchPoint{{X: 20, Y: 200}}
		act = chromedp.Tasks{
			input.DispatchTouchEvent(input.TouchStart, at),
			input.DispatchTouchEvent(input.TouchEnd, []*input.TouchPoint{}),
		}
	}
	if err := chromedp.Run(ctx, act); err != nil {
		b.Fatal(err)
	}
	var state string
	for time.Since(start) < 2*time.Minute {
		if err := chromedp.Run(ctx, chromedp.Evaluate(`document.documentElement.dataset.app || ""`, &state)); err != nil {
			b.Fatal(err)
		}
		if state == "running" {
			return time.Since(start)
		}
		if state == "failed" {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.Fatalf("%s: the app did not start after the first %s (state %q)", url, map[bool]string{true: "touch", false: "key"}[touch], state)
	return 0
}

func BenchmarkFirstInteraction(b *testing.B) {
	runs := 3
	if n, err := strconv.Atoi(os.Getenv("BENCH_RUNS")); err == nil && n > 0 {
		runs = n
	}
	dist, v, front, _ := deployedPortal(b)
	hs := httptest.NewServer(site.Handler(dist))
	defer hs.Close()
	for i := 0; i < b.N; i++ {
		fmt.Printf("\nFirst interaction to the app running: fresh browser, 4G (9 Mbit/s down, 40 ms; app.wasm gzipped over plain HTTP, where a portal's HTTPS sends brotli), %dx CPU slowdown, %d runs each\n", cpuSlowdown, runs)
		for _, p := range phonePages(v, front) {
			for _, touch := range []bool{true, false} {
				var ms series
				for range runs {
					ms = append(ms, float64(firstInteraction(b, hs.URL+p.path, touch).Milliseconds()))
				}
				med, lo, hi := ms.stats()
				what := "a key (Tab)"
				if touch {
					what = "a tap"
				}
				fmt.Printf("%-22s %-12s %6.0f ms [%.0f–%.0f]  (goal: 1,000 ms)\n", p.name, what, med, lo, hi)
			}
		}
	}
}

// throttleServiceWorkers puts the page's service worker on the emulated
// link: DevTools emulates a link per target, and what a page fetches
// through its worker goes over the worker's (unthrottled, app.wasm took
// 450 ms where the link takes 1.5 s).
func throttleServiceWorkers(ctx context.Context) error {
	ts, err := chromedp.Targets(ctx)
	if err != nil {
		return err
	}
	n := 0
	for _, t := range ts {
		if t.Type != "service_worker" {
			continue
		}
		n++
		// Not cancelled: cancelling would close the worker. The
		// browser's end ends it.
		wctx, _ := chromedp.NewContext(ctx, chromedp.WithTargetID(t.TargetID))
		if err := chromedp.Run(wctx, chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{link}).Do(ctx)
			return err
		})); err != nil {
			return fmt.Errorf("the service worker's link: %w", err)
		}
	}
	if n == 0 {
		return fmt.Errorf("no service worker to put on the link")
	}
	return nil
}
