"""The NLU server's life cycle: start `rasa run --enable-api`, wait until ready, stop.

`NluServer` owns one Rasa process (from `.venv-rasa`) serving one model on
127.0.0.1. `start()` returns once `GET /` answers, `GET /status` names the
loaded model and a warm-up parse has succeeded; `stop()` ends the process
(SIGTERM, then SIGKILL). `nlu_server(settings)` is the context manager
`labbaik run`, `labbaik nlu parse` and the tests use: it reuses a server that
already answers at `settings.url`, otherwise starts one (training a model
first when none exists) and stops it on exit. `serving()` is the same for
async code.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from nlu import project
from nlu.settings import NluSettings

log = logging.getLogger(__name__)

DEFAULT_LOG = project.ROOT / "var" / "log" / "nlu-server.log"


class ServerError(RuntimeError):
    """The NLU server did not start or did not become ready."""


def is_healthy(url: str, timeout: float = 1.0) -> bool:
    """True when a Rasa server answers `GET /` at `url`."""
    try:
        r = httpx.get(url.rstrip("/") + "/", timeout=timeout)
    except httpx.HTTPError:
        return False
    return r.status_code == 200 and r.text.startswith("Hello from Rasa")


class NluServer:
    """One `rasa run --enable-api -m <model>` process that we started and will stop."""

    def __init__(
        self,
        model: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 5005,
        log_path: Path = DEFAULT_LOG,
        startup_timeout: float = 300.0,
    ) -> None:
        self.model = model.resolve()  # rasa runs in the project directory
        self.host = host
        self.port = port
        self.log_path = log_path
        self.startup_timeout = startup_timeout
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def start(self) -> None:
        if self._proc is not None:
            raise ServerError("already started")
        if not self.model.is_file():
            raise ServerError(f"no model at {self.model}")
        if is_healthy(self.url):
            raise ServerError(f"another server already answers at {self.url}")
        cmd = [
            str(project.rasa_executable()),
            "run",
            "--enable-api",
            "--model",
            str(self.model),
            "--interface",
            self.host,
            "--port",
            str(self.port),
        ]
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as out:
            self._proc = subprocess.Popen(
                cmd,
                cwd=project.PROJECT_DIR,
                env=project.rasa_env(),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, stopped as one
            )
        log.info("NLU server starting (pid %s, port %s)", self._proc.pid, self.port)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        log.info("NLU server ready at %s", self.url)

    def _wait_ready(self) -> None:
        assert self._proc is not None
        deadline = time.monotonic() + self.startup_timeout
        with httpx.Client(base_url=self.url, timeout=5.0) as http:
            while True:
                if self._proc.poll() is not None:
                    raise ServerError(
                        f"rasa run exited with {self._proc.returncode}; see {self.log_path}"
                    )
                if time.monotonic() > deadline:
                    raise ServerError(
                        f"NLU server not ready after {self.startup_timeout:.0f} s; "
                        f"see {self.log_path}"
                    )
                try:
                    status = http.get("/status")
                    if status.status_code == 200 and status.json().get("model_file"):
                        warm = http.post("/model/parse", json={"text": "warm up"})
                        if warm.status_code == 200 and "intent" in warm.json():
                            return
                except (httpx.HTTPError, ValueError):
                    pass
                time.sleep(0.5)

    def wait(self) -> int:
        """Block until the server process exits (for `labbaik nlu serve`)."""
        if self._proc is None:
            raise ServerError("not started")
        return self._proc.wait()

    def stop(self, timeout: float = 20.0) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
        log.info("NLU server stopped")

    def __enter__(self) -> NluServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "127.0.0.1", parts.port or 5005


def _warn_if_stale(url: str) -> None:
    """Log when a server we did not start serves another model than the current data's."""
    try:
        loaded = Path(httpx.get(url + "/status", timeout=2.0).json().get("model_file", "")).name
    except (httpx.HTTPError, ValueError, AttributeError):
        return
    current = project.model_path().name
    if loaded and loaded != current:
        log.warning("NLU server at %s serves %s, not the current model %s", url, loaded, current)


@contextlib.contextmanager
def nlu_server(settings: NluSettings, *, log_path: Path = DEFAULT_LOG) -> Iterator[str]:
    """Yield the URL of a ready NLU server, starting (and later stopping) one if needed.

    A model is trained first when none exists for the current data. Raises
    `ServerError` when no server can be had (Rasa missing, training failed, the
    configured URL is not local, the process died or was not ready in time).
    """
    if is_healthy(settings.url):
        _warn_if_stale(settings.url)
        yield settings.url
        return
    host, port = host_port(settings.url)
    if host not in {"127.0.0.1", "localhost"}:
        raise ServerError(f"no NLU server answers at {settings.url} and it is not local")
    try:
        model = project.ensure_model()
    except project.TrainingError as exc:  # callers handle one error type
        raise ServerError(f"no model to serve: {exc}") from exc
    with NluServer(model, host="127.0.0.1", port=port, log_path=log_path) as srv:
        yield srv.url


@contextlib.asynccontextmanager
async def serving(settings: NluSettings, *, log_path: Path = DEFAULT_LOG) -> AsyncIterator[str]:
    """`nlu_server` for async code: start-up and shut-down run in a worker thread."""
    cm = nlu_server(settings, log_path=log_path)
    url = await asyncio.to_thread(cm.__enter__)
    try:
        yield url
    finally:
        await asyncio.to_thread(cm.__exit__, None, None, None)


def process_rss_bytes(pid: int) -> int | None:
    """Resident memory of a process (Linux /proc), or None when unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a process has used (Linux /proc), or None when unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime (fields 14, 15)


def find_server_pid(port: int) -> int | None:
    """The pid of a `rasa run ... --port <port>` process on this machine, if any."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        is_rasa_run = b"run" in args and any(a.endswith(b"/rasa") for a in args)
        if is_rasa_run and b"--port" in args and str(port).encode() in args:
            return int(proc.name)
    return None
