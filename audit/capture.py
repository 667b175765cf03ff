"""Capture: drive Chromium through each profile's CapturePlan and save what it saw.

This is the only module that touches the network or a browser. Live runs and offline
replays go through the same code: a replay only adds Playwright's `route_from_har` to the
browser context, so the path the demo and the tests exercise is the live path.

Per profile: one fresh browser context (its own cookies and its own HAR), the plan's steps
in order, then the plan's follow-up steps computed from the documents seen so far (asked
again with what those returned, until there is nothing new: at most three rounds). The
outcome is named at the network level only (HTTP status, redirects to a login page, net
errors, timeouts); walls drawn inside a 200 page are each platform extractor's business.

Assets (`AssetRef`: a profile's avatar image) go through the same runner: one navigation to
the image's URL, whose response bytes are kept (a navigation, not an API request, so
`route_from_har` serves it in a replay like any document). No DOM, no screenshot.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import (
    Browser,
    BrowserContext,
    Page,
    Request,
    Response,
    Route,
    async_playwright,
)
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from audit.browser import find_chromium, launch_args
from audit.documents import Document, parse_har
from audit.errors import BrowserMissingError, InputError
from audit.model import AssetRef, CaptureTarget, Outcome
from audit.platforms.base import CapturePlan, Step
from audit.safeio import MAX_ASSET_BYTES, MAX_HAR_BYTES, read_input
from audit.snapshot import FILE_NAMES, Manifest, write_index, write_profile

__all__ = ["CaptureOptions", "Progress", "capture", "capture_async", "classify"]

# Called with "start", "retry", then the outcome's value ("ok", "timeout", ...) per profile.
Progress = Callable[[CaptureTarget, str], None]
# A profile (or the brand's website) and what to load for it.
Job = tuple[CaptureTarget, CapturePlan]

_BLOCKED_TYPES = frozenset({"image", "media", "font", "stylesheet"})
# `plan.follow` is asked again after its steps ran, with what they returned (Mastodon: the
# lookup gives the statuses URL, the statuses give the threads to read), until it has
# nothing new; at most this many rounds.
_FOLLOW_ROUNDS = 3
_TRACKERS = (
    "google-analytics.com",
    "googletagmanager.com",
    "doubleclick.net",
    "googlesyndication.com",
    "connect.facebook.net",
    "analytics.tiktok.com",
    "bat.bing.com",
    "hotjar.com",
    "segment.io",
    "sentry.io",
    "scorecardresearch.com",
)
_LOGIN_PATH = re.compile(
    r"/(?:accounts/login|login|signin|sign_in|sign-in|i/flow/login|authwall|uas/login)"
    r"(?:[/.?#]|$)",
    re.I,
)
_CAPTCHA = re.compile(
    r"captcha|are you a robot|unusual traffic|verify you are human|cf-chl|challenge-platform",
    re.I,
)
_FETCH_JS = """async ([url, headers]) => {
  const r = await fetch(url, {headers, credentials: 'include'});
  const text = await r.text();
  return {status: r.status, url: r.url, head: text.slice(0, 20000)};
}"""
_VIEWPORT = {"width": 1280, "height": 900}
# Caps on grabbing the DOM and screenshot once the plan ran; after a timeout the page is
# usually still navigating and waiting longer would break the per-profile hard timeout.
_GRACE_S = 5.0
_GRACE_AFTER_TIMEOUT_S = 1.0
# Browser housekeeping (opening/closing a context, installing routes) is instant when
# Chromium is healthy; a wedged Chromium must cost a bounded wait, never a hung run.
_HOUSEKEEPING_S = 15.0


@dataclass
class CaptureOptions:
    """How politely and how hard to capture.

    `timeout_s` is a hard cap per profile, retries and backoff included. `jitter` adds up to
    that many random seconds before each profile and each retry (live only), so a batch does
    not hit a platform in lock-step. `replay` serves every request from recorded HAR(s)
    instead of the network: one HAR for all profiles, or a mapping ref.key -> HAR. Replays
    never retry and never wait: a HAR answers the same way every time.
    """

    concurrency: int = 4
    per_host: int = 2
    timeout_s: float = 45.0
    retries: int = 2
    backoff_s: float = 1.0
    jitter: float = 0.5
    settle_s: float = 3.0
    storage_state: Path | None = None
    replay: dict[str, Path] | Path | None = None
    chromium: str | None = None
    block_resources: bool = True
    screenshot: bool = True

    def validate(self) -> None:
        """Refuse bad options before a browser starts, naming the option."""
        for name in ("concurrency", "per_host"):
            if getattr(self, name) < 1:
                raise InputError(f"{name} must be at least 1, not {getattr(self, name)!r}")
        for name in ("timeout_s", "settle_s"):
            if getattr(self, name) <= 0:
                raise InputError(f"{name} must be positive, not {getattr(self, name)!r}")
        if self.retries < 0 or self.backoff_s < 0 or self.jitter < 0:
            raise InputError("retries, backoff_s and jitter cannot be negative")
        if self.storage_state is not None:
            _check_storage_state(Path(self.storage_state))
        hars = self.replay.values() if isinstance(self.replay, Mapping) else [self.replay]
        for har in hars:
            if har is not None and not Path(har).is_file():
                raise InputError(f"replay HAR {har}: no such file; check the path")


_STATE_HOW = "save one with Playwright's `context.storage_state(path=...)` while logged in"


def _check_storage_state(path: Path) -> None:
    """A Playwright storage state: a JSON object with a `cookies` list (and `origins`)."""
    if not path.is_file():
        raise InputError(f"--storage-state {path}: no such file; {_STATE_HOW}")
    try:
        if path.stat().st_size > 50 * 1024 * 1024:
            raise ValueError("larger than 50 MB")
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        raise InputError(
            f"--storage-state {path} is not a Playwright storage state ({exc}); {_STATE_HOW}"
        ) from None
    if (
        not isinstance(state, dict)
        or not isinstance(state.get("cookies"), list)
        or not isinstance(state.get("origins", []), list)
    ):
        raise InputError(
            f"--storage-state {path} is not a Playwright storage state (no 'cookies' list); "
            + _STATE_HOW
        )


def classify(
    status: int | None, final_url: str | None, body: str = ""
) -> tuple[Outcome, str | None]:
    """Name what a response means for the profile, from what the network said alone."""
    path = urlsplit(final_url or "").path
    if _LOGIN_PATH.search(path):
        return Outcome.LOGIN_WALL, f"redirected to a login page ({final_url})"
    if status is None or status < 400:
        return Outcome.OK, None
    label = _status_label(status)
    if status in (404, 410):
        return Outcome.NOT_FOUND, f"{label}: the profile does not exist (or was removed)"
    if status == 401:
        return Outcome.LOGIN_WALL, f"{label}: the platform wants a login"
    if status == 429:
        return Outcome.BLOCKED, f"{label}: rate limited by the platform"
    if status == 403 and _CAPTCHA.search(body):
        return Outcome.BLOCKED, f"{label} with a captcha/challenge page"
    return Outcome.ERROR, label


def _status_label(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _is_transient(status: int | None) -> bool:
    return status is not None and (status >= 500 or status == 429)


# --- one attempt -----------------------------------------------------------------------


@dataclass
class _Attempt:
    """What one try at a profile produced; the last try becomes the manifest."""

    captured_at: datetime
    outcome: Outcome = Outcome.OK
    reason: str | None = None
    transient: bool = False
    url: str | None = None
    final_url: str | None = None
    http_status: int | None = None
    notes: list[str] = field(default_factory=list)
    har: dict[str, Any] | None = None
    dom: str | None = None
    screenshot: bytes | None = None
    asset: bytes | None = None
    content_type: str | None = None

    def fail(self, outcome: Outcome, reason: str | None, *, transient: bool = False) -> None:
        if self.outcome is Outcome.OK:
            self.outcome, self.reason, self.transient = outcome, reason, transient


class _Bodies:
    """HTML/JSON bodies seen while the plan runs, for `plan.follow`: the HAR only exists once
    the context closes, and follow-up steps are needed before that."""

    def __init__(self) -> None:
        self._entries: list[dict[str, Any]] = []
        self._pending: set[asyncio.Task[None]] = set()

    def on_response(self, response: Response) -> None:
        if response.request.resource_type not in ("document", "xhr", "fetch"):
            return
        if 300 <= response.status < 400:
            return
        task = asyncio.ensure_future(self._grab(response))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _grab(self, response: Response) -> None:
        try:
            text = await response.text()
        except PlaywrightError:  # body gone (navigated away, aborted): not a document
            return
        content = {"mimeType": response.headers.get("content-type", ""), "text": text}
        self._entries.append(
            {
                "request": {"url": response.url},
                "response": {"status": response.status, "content": content},
            }
        )

    async def settle(self) -> None:
        if self._pending:
            await asyncio.gather(*list(self._pending), return_exceptions=True)

    def cancel(self) -> None:
        for task in self._pending:
            task.cancel()

    def documents(self) -> list[Document]:
        return parse_har({"log": {"entries": list(self._entries)}})


class _Runner:
    def __init__(
        self,
        browser: Browser,
        options: CaptureOptions,
        out_dir: Path,
        progress: Progress | None,
    ) -> None:
        self._browser = browser
        self._options = options
        self._out_dir = out_dir
        self._progress = progress
        self._all = asyncio.Semaphore(options.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._browser_version = f"Chromium {browser.version}"
        major = browser.version.split(".")[0]
        # Headless Chromium announces itself as "HeadlessChrome", which platforms answer
        # with a wall; present the same browser under its ordinary name.
        self._user_agent = (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            f"Chrome/{major}.0.0.0 Safari/537.36"
        )

    def _say(self, ref: CaptureTarget, message: str) -> None:
        if self._progress is not None:
            self._progress(ref, message)

    async def run(self, ref: CaptureTarget, plan: CapturePlan) -> Manifest:
        """Host slot first, then a global slot: a profile waiting on its busy host must not
        hold a global slot that a profile on another host could use.

        The whole profile, retries and housekeeping included, runs under a hard deadline:
        whatever the browser does, every profile ends with a manifest."""
        host = _host_of(ref, plan)
        host_slots = self._hosts.setdefault(host, asyncio.Semaphore(self._options.per_host))
        limit = self._options.timeout_s + 4 * _HOUSEKEEPING_S
        async with host_slots, self._all:
            self._say(ref, "start")
            try:
                manifest = await asyncio.wait_for(self._profile(ref, plan), limit)
            except asyncio.TimeoutError:
                stuck = _Attempt(captured_at=datetime.now(timezone.utc))
                stuck.fail(Outcome.TIMEOUT, f"the browser did not finish within {limit:g} s")
                manifest = await self._save(ref, plan, stuck, input_kind="live")
        self._say(ref, manifest.outcome.value)
        return manifest

    async def _profile(self, ref: CaptureTarget, plan: CapturePlan) -> Manifest:
        options = self._options
        replay = _replay_for(options.replay, ref)
        if options.replay is not None and replay is None:
            return await self._save(ref, plan, _missing_replay(ref), input_kind="har")
        if not plan.steps:
            empty = _Attempt(captured_at=datetime.now(timezone.utc))
            empty.fail(Outcome.ERROR, f"the capture plan for {ref.label} has no steps")
            return await self._save(ref, plan, empty, input_kind="har" if replay else "live")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + options.timeout_s
        live = replay is None
        if live and options.jitter:
            await asyncio.sleep(random.uniform(0, options.jitter))
        earlier: list[str] = []
        attempt_no = 0
        while True:
            result = await self._attempt(plan, replay, deadline, asset=isinstance(ref, AssetRef))
            if not (live and result.transient and attempt_no < options.retries):
                break
            delay = options.backoff_s * 2**attempt_no + random.uniform(0, options.jitter)
            if loop.time() + delay >= deadline:
                break
            earlier.append(
                f"attempt {attempt_no + 1}: {result.reason}; retried after {delay:.1f} s"
            )
            self._say(ref, "retry")
            await asyncio.sleep(delay)
            attempt_no += 1
        result.notes[:0] = earlier
        if replay:
            result.captured_at = _har_time(replay) or result.captured_at
        return await self._save(ref, plan, result, input_kind="har" if replay else "live")

    async def _save(
        self, ref: CaptureTarget, plan: CapturePlan, result: _Attempt, *, input_kind: str
    ) -> Manifest:
        """Write the profile folder off the event loop (HARs run to megabytes and the write
        fsyncs), so other profiles keep capturing meanwhile."""
        manifest = Manifest.model_validate(
            {
                "ref": ref,
                "url": result.url or _first_url(ref, plan),
                "final_url": result.final_url,
                "http_status": result.http_status,
                "outcome": result.outcome,
                "reason": result.reason,
                "captured_at": result.captured_at,
                "input_kind": input_kind,
                "browser_version": self._browser_version,
                "notes": result.notes,
                "content_type": result.content_type if result.asset is not None else None,
            }
        )
        await asyncio.to_thread(
            write_profile,
            self._out_dir,
            manifest,
            har=result.har,
            dom=result.dom,
            screenshot=result.screenshot,
            asset=result.asset,
        )
        return manifest.model_copy(update={"files": _files_of(result)})

    async def _attempt(
        self, plan: CapturePlan, replay: Path | None, deadline: float, *, asset: bool = False
    ) -> _Attempt:
        options = self._options
        loop = asyncio.get_running_loop()
        result = _Attempt(captured_at=datetime.now(timezone.utc))
        bodies = _Bodies()
        with tempfile.TemporaryDirectory(prefix="findable-har-") as tmp:
            har_path = Path(tmp) / "capture.har"
            try:
                context = await asyncio.wait_for(
                    self._browser.new_context(
                        record_har_path=har_path,
                        record_har_content="embed",
                        record_har_mode="full",
                        storage_state=options.storage_state,
                        service_workers="block",
                        user_agent=self._user_agent,
                        viewport=_VIEWPORT,  # type: ignore[arg-type]
                        locale="en-US",
                    ),
                    _HOUSEKEEPING_S,
                )
            except (PlaywrightError, asyncio.TimeoutError) as exc:
                result.fail(Outcome.ERROR, f"the browser could not open a page: {_first_line(exc)}")
                return result
            try:
                await asyncio.wait_for(self._prepare(context, replay), _HOUSEKEEPING_S)
                if not asset:
                    context.on("response", bodies.on_response)
                page = await asyncio.wait_for(context.new_page(), _HOUSEKEEPING_S)
                remaining = max(deadline - loop.time(), 0.1)
                page.set_default_timeout(remaining * 1000)
                run = (
                    self._fetch_asset(page, plan, result, live=replay is None)
                    if asset
                    else self._run_plan(page, plan, result, bodies, live=replay is None)
                )
                try:
                    await asyncio.wait_for(run, timeout=remaining)
                except (asyncio.TimeoutError, PlaywrightTimeoutError):
                    result.fail(
                        Outcome.TIMEOUT, f"no complete answer within {options.timeout_s:g} s"
                    )
                if not asset:
                    await self._keep_page(page, result)
            except PlaywrightError as exc:  # the browser or page died under us
                result.fail(Outcome.ERROR, f"browser error: {_first_line(exc)}")
            except asyncio.TimeoutError:
                result.fail(Outcome.ERROR, "the browser stopped answering while opening a page")
            finally:
                bodies.cancel()
                try:
                    await asyncio.wait_for(context.close(), _HOUSEKEEPING_S)
                except (PlaywrightError, asyncio.TimeoutError):
                    result.notes.append("the browser did not close the page cleanly; no HAR kept")
            if har_path.is_file():
                try:
                    result.har = await asyncio.to_thread(_load_json, har_path)
                except ValueError:  # cut short by a browser that stopped answering
                    result.notes.append("the recorded HAR was incomplete and is not kept")
        return result

    async def _prepare(self, context: BrowserContext, replay: Path | None) -> None:
        """Routes: the HAR first, then the blocker, which Playwright consults first (the last
        route registered wins) and hands everything it does not block back via fallback."""
        if replay is not None:
            await context.route_from_har(replay, not_found="abort")
        if self._options.block_resources:
            await context.route("**/*", _block)

    async def _keep_page(self, page: Page, result: _Attempt) -> None:
        """The final DOM and a viewport screenshot, best effort: a page stuck loading still
        gets a manifest, just without these. When the DOM cannot be read the page is still
        navigating, and a screenshot would only wait for the same navigation."""
        grace = _GRACE_AFTER_TIMEOUT_S if result.outcome is Outcome.TIMEOUT else _GRACE_S
        try:
            result.dom = await asyncio.wait_for(page.content(), grace)
        except (asyncio.TimeoutError, PlaywrightError):
            result.notes.append("the page was still loading: no DOM or screenshot kept")
            return
        if not self._options.screenshot:
            return
        try:
            result.screenshot = await asyncio.wait_for(
                page.screenshot(type="png", full_page=False, timeout=grace * 1000),
                grace + 1,
            )
        except (asyncio.TimeoutError, PlaywrightError):
            result.notes.append("no screenshot could be taken")

    async def _fetch_asset(
        self, page: Page, plan: CapturePlan, result: _Attempt, *, live: bool
    ) -> None:
        """Navigate to the asset's URL (the plan's first step) and keep the answer's bytes
        when it is an image of a sane size; anything else is a failed capture with why."""
        url = plan.steps[0].url
        result.url = url
        try:
            response = await page.goto(url, wait_until="commit")
            if response is None:
                result.fail(Outcome.ERROR, f"{url} gave no response")
                return
            result.final_url, result.http_status = response.url, response.status
            if response.status >= 400:
                outcome, _ = classify(response.status, response.url)
                result.fail(
                    outcome,
                    f"{_status_label(response.status)}: the image could not be downloaded",
                    transient=live and _is_transient(response.status),
                )
                return
            body = await response.body()
        except PlaywrightTimeoutError:
            raise
        except PlaywrightError as exc:
            failure = f"goto {url} failed: {_first_line(exc)}"
            words = _net_words(url, exc)
            if words is not None:
                result.notes.append(failure)
            result.fail(Outcome.ERROR, words or failure, transient=live)
            return
        ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if not ctype.startswith("image/"):
            result.fail(Outcome.ERROR, f"{url} is not an image ({ctype or 'no content type'})")
        elif not body:
            result.fail(Outcome.ERROR, f"{url} answered with an empty body")
        elif len(body) > MAX_ASSET_BYTES:
            result.fail(Outcome.ERROR, f"{url} is {len(body)} bytes, too large to be an avatar")
        else:
            result.asset, result.content_type = body, ctype

    async def _run_plan(
        self, page: Page, plan: CapturePlan, result: _Attempt, bodies: _Bodies, *, live: bool
    ) -> None:
        for index, step in enumerate(plan.steps):
            if not await self._step(page, step, result, main=index == 0, live=live):
                return
        if plan.follow is None:
            return
        done = {step.url for step in plan.steps}
        for _ in range(_FOLLOW_ROUNDS):
            await bodies.settle()
            try:
                more = [s for s in plan.follow(bodies.documents()) if s.url not in done]
            except Exception as exc:  # a platform's follow() bug is a note, not a crashed run
                result.notes.append(f"follow-up steps could not be planned: {exc!r}")
                return
            if not more:
                return
            for step in more:
                done.add(step.url)
                if live and self._options.jitter:  # polite between follow-up requests too
                    await asyncio.sleep(random.uniform(0, self._options.jitter))
                if not await self._step(page, step, result, main=False, live=live):
                    return

    async def _step(
        self, page: Page, step: Step, result: _Attempt, *, main: bool, live: bool
    ) -> bool:
        """Run one step; False when a required step failed and the plan must stop."""
        try:
            status, final_url, body = await self._do(page, step)
        except PlaywrightTimeoutError:
            if not step.optional:
                raise
            result.notes.append(f"optional {step.action} {step.url} timed out")
            return True
        except PlaywrightError as exc:
            failure = f"{step.action} {step.url} failed: {_first_line(exc)}"
            if step.optional:
                result.notes.append(f"optional {failure}")
                return True
            if main:
                result.url = step.url
            words = _net_words(step.url, exc)
            if words is not None:  # the plain words for the user, the browser's for the record
                result.notes.append(failure)
            result.fail(Outcome.ERROR, words or failure, transient=live)
            return False
        outcome, reason = classify(status, final_url, body)
        if main:
            result.url, result.final_url, result.http_status = step.url, final_url, status
        if outcome is Outcome.OK:
            return True
        where = "" if main else f" ({step.action} {step.url})"
        if step.optional:
            result.notes.append(f"optional {step.action} {step.url}: {reason}")
            return True
        result.fail(outcome, f"{reason}{where}", transient=live and _is_transient(status))
        return False

    async def _do(self, page: Page, step: Step) -> tuple[int | None, str, str]:
        if step.action == "fetch":
            got = await page.evaluate(_FETCH_JS, [step.url, dict(step.headers)])
            return int(got["status"]), str(got["url"]), str(got["head"])
        if step.headers:
            await page.set_extra_http_headers(dict(step.headers))
        try:
            response = await page.goto(step.url, wait_until="domcontentloaded")
        finally:
            if step.headers:
                await page.set_extra_http_headers({})
        status = response.status if response is not None else None
        if response is not None and _is_data(response.headers.get("content-type", "")):
            # An API answer (JSON) is the whole document: it runs nothing and loads nothing
            # more, so an idle-network wait would only add half a second to every such step.
            # Its body is read now, while the page still shows it: navigating on before the
            # recorder has it would lose it.
            with contextlib.suppress(PlaywrightError):
                await response.body()
        else:
            await self._settle(page, step)
        body = ""
        if status == 403 and response is not None:
            try:
                body = (await response.text())[:20000]
            except PlaywrightError:
                body = ""
        return status, page.url, body

    async def _settle(self, page: Page, step: Step) -> None:
        """Let a web page finish loading its data (best effort, bounded by `settle_s`)."""
        settle_ms = self._options.settle_s * 1000
        # Pages that poll forever never go idle: what loaded by then is enough.
        with contextlib.suppress(PlaywrightTimeoutError):
            await page.wait_for_load_state("networkidle", timeout=settle_ms)
        if step.wait_for:  # a hint that the data arrived, not a promise
            with contextlib.suppress(PlaywrightTimeoutError):
                await page.wait_for_selector(step.wait_for, state="attached", timeout=settle_ms)


async def _block(route: Route, request: Request) -> None:
    """Drop what the audit never reads (pixels, fonts, styles, trackers) to be fast;
    documents, XHR/fetch and scripts always go through, since they carry the data."""
    if request.resource_type in _BLOCKED_TYPES or _is_tracker(request.url):
        await route.abort("blockedbyclient")
    else:
        await route.fallback()


def _is_data(content_type: str) -> bool:
    """A JSON answer (`application/json`, `application/activity+json`, ...): a document that
    runs no script and loads nothing else."""
    kind = content_type.split(";")[0].strip().lower()
    return kind.startswith("application/") and (kind.endswith("/json") or kind.endswith("+json"))


def _is_tracker(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == t or host.endswith("." + t) for t in _TRACKERS)


# --- helpers ---------------------------------------------------------------------------


def _first_url(ref: CaptureTarget, plan: CapturePlan) -> str:
    return plan.steps[0].url if plan.steps else ref.url


def _host_of(ref: CaptureTarget, plan: CapturePlan) -> str:
    return (urlsplit(_first_url(ref, plan)).hostname or "").lower()


def _files_of(result: _Attempt) -> dict[str, str]:
    present = {
        "har": result.har,
        "dom": result.dom,
        "screenshot": result.screenshot,
        "asset": result.asset,
    }
    return {role: FILE_NAMES[role] for role, value in present.items() if value is not None}


def _load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _replay_for(replay: Mapping[str, Path] | Path | None, ref: CaptureTarget) -> Path | None:
    """The HAR to replay for `ref`, or None. A replay set with nothing for `ref` also gives
    None, and the caller then records an error instead of going to the network: a replay
    promises to stay offline."""
    if replay is None:
        return None
    if isinstance(replay, Mapping):
        har = replay.get(ref.key)
        return Path(har) if har is not None else None
    return Path(replay)


def _missing_replay(ref: CaptureTarget) -> _Attempt:
    result = _Attempt(captured_at=datetime.now(timezone.utc))
    result.fail(Outcome.ERROR, f"no recorded HAR for {ref.key} in the replay set")
    return result


def _har_time(path: Path) -> datetime | None:
    """When a HAR was recorded (its earliest entry), so replaying it audits the same day."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return _har_time_of(path, stat.st_mtime_ns, stat.st_size)


@cache
def _har_time_of(path: Path, mtime_ns: int, size: int) -> datetime | None:
    """Cached per file version: a batch replays the same HAR for many runs."""
    try:
        raw = json.loads(read_input(path, max_bytes=MAX_HAR_BYTES, what="HAR").decode("utf-8-sig"))
    except (InputError, ValueError):
        return None
    log = raw.get("log") if isinstance(raw, dict) else None
    entries = log.get("entries") if isinstance(log, dict) else None
    times: list[datetime] = []
    for entry in entries if isinstance(entries, list) else []:
        stamp = entry.get("startedDateTime") if isinstance(entry, dict) else None
        if not isinstance(stamp, str):
            continue
        try:
            when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            continue
        times.append(when if when.tzinfo else when.replace(tzinfo=timezone.utc))
    return min(times) if times else None


# Chromium's network errors (net::ERR_...) in words a user knows; the rest keep the browser's.
_NET_WORDS: tuple[tuple[str, str], ...] = (
    ("ERR_INTERNET_DISCONNECTED", "could not reach {host} (no internet connection)"),
    ("ERR_NAME_NOT_RESOLVED", "could not reach {host} (no internet connection?)"),
    ("ERR_NAME_RESOLUTION_FAILED", "could not reach {host} (no internet connection?)"),
    ("ERR_ADDRESS_UNREACHABLE", "could not reach {host} (no internet connection?)"),
    ("ERR_NETWORK_CHANGED", "could not reach {host} (the network changed; try again)"),
    ("ERR_CONNECTION_REFUSED", "could not reach {host} (the connection was refused)"),
    ("ERR_CONNECTION_RESET", "could not reach {host} (the connection was cut)"),
    ("ERR_CONNECTION_CLOSED", "could not reach {host} (the connection was cut)"),
    ("ERR_CONNECTION_TIMED_OUT", "could not reach {host} (the connection timed out)"),
    ("ERR_TIMED_OUT", "could not reach {host} (the connection timed out)"),
    ("ERR_PROXY_CONNECTION_FAILED", "could not reach {host} (the proxy did not answer)"),
    ("ERR_TUNNEL_CONNECTION_FAILED", "could not reach {host} (the proxy did not answer)"),
    ("ERR_CERT_", "could not reach {host} safely (its certificate is not valid)"),
    ("ERR_SSL_", "could not reach {host} safely (the secure connection failed)"),
    ("ERR_BLOCKED_BY_ADMINISTRATOR", "{host} is blocked on this network"),
)


def _net_words(url: str, exc: BaseException) -> str | None:
    """A browser network failure said plainly ("could not reach www.instagram.com (no
    internet connection?)"); None when it is not one of the known network errors."""
    text = _first_line(exc)
    host = urlsplit(url).hostname or url
    for code, words in _NET_WORDS:
        if f"net::{code}" in text:
            return words.format(host=host)
    return None


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "message", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _dedupe(
    jobs: Sequence[Job],
) -> list[Job]:
    seen: dict[str, Job] = {}
    for ref, plan in jobs:
        seen.setdefault(ref.key, (ref, plan))
    return list(seen.values())


# --- entry points ----------------------------------------------------------------------


async def capture_async(
    jobs: Sequence[Job],
    out_dir: Path,
    options: CaptureOptions,
    progress: Progress | None = None,
    *,
    context: Mapping[str, Any] | None = None,
) -> list[Manifest]:
    """Capture every job into the snapshot folder `out_dir` with one browser, and return
    one manifest per distinct profile (first occurrence order), failures included.

    Writes each profile folder as it finishes, then `snapshot.json` (with `context`, which
    the CLI may also rewrite later with `write_index`).
    """
    options.validate()
    unique = _dedupe(jobs)
    out_dir = Path(out_dir)
    executable = options.chromium or await asyncio.to_thread(find_chromium)
    async with async_playwright() as pw:
        try:
            browser = await pw.chromium.launch(
                executable_path=executable, args=launch_args(), headless=True
            )
        except PlaywrightError as exc:
            raise BrowserMissingError(
                f"Chromium at {executable} would not start ({_first_line(exc)}); "
                "set FINDABLE_CHROMIUM to a working Chromium"
            ) from exc
        try:
            runner = _Runner(browser, options, out_dir, progress)
            manifests = await asyncio.gather(*(runner.run(ref, plan) for ref, plan in unique))
        finally:
            await browser.close()
    write_index(out_dir, [m.ref.key for m in manifests], context or {})
    return list(manifests)


def capture(
    jobs: Sequence[Job],
    out_dir: Path,
    options: CaptureOptions | None = None,
    progress: Progress | None = None,
    *,
    context: Mapping[str, Any] | None = None,
) -> list[Manifest]:
    """`capture_async` for synchronous callers (the CLI); not for use inside an event loop."""
    return asyncio.run(
        capture_async(jobs, out_dir, options or CaptureOptions(), progress, context=context)
    )
