"""Serve the dashboard to a class: one Streamlit process per core behind Debian's nginx.

`make class` (or `python -m dashboard.serve`) starts as many Streamlit processes as the machine has
cores, each on its own local port, and nginx in front on one port for the whole class:

- sticky sessions by cookie, so each browser keeps its websocket, its downloads and its session on
  the process that holds them (a whole class behind one school address is still spread out);
- Streamlit's JavaScript and CSS and the map boundaries served by nginx from disk, gzip-compressed,
  so thirty browsers opening at once do not queue behind the Python processes.

Ctrl-C stops everything. `make run` (one process) stays the way to run it for one user.
"""

from __future__ import annotations

import argparse
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import streamlit

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent  # nginx.conf, a Jinja2 template


class ServeError(RuntimeError):
    """The class server could not start; the message says what to do."""


@dataclass
class ClassServer:
    url: str
    backends: list[str]
    processes: list[subprocess.Popen[bytes]]  # the Streamlit processes, then nginx
    run_dir: Path
    restarted: list[int] = field(default_factory=list)  # ports of the Streamlit processes restarted after dying

    @property
    def streamlit_pids(self) -> list[int]:
        return [process.pid for process in self.processes[:-1]]


def free_port(address: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((address, 0))
        return int(probe.getsockname()[1])


def worker_user() -> str:
    """Debian's unprivileged web user, or nobody where it does not exist."""
    for name in ("www-data", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    return "nobody"


WORKER_USER = worker_user()


def nginx_config(run_dir: Path, ports: list[int], port: int, address: str = "0.0.0.0") -> str:
    """nginx's configuration for this class session (all paths inside run_dir)."""
    # started by root, the workers that face the network run as an unprivileged user, never as root
    user = WORKER_USER if os.geteuid() == 0 else None
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined)
    return environment.get_template("nginx.conf").render(
        user=user,
        run_dir=run_dir,
        ports=ports,
        port=port,
        address=address,
        streamlit_static=Path(streamlit.__file__).parent / "static",
        app_static=ROOT / "dashboard" / "static",
    )


def wait_healthy(url: str, processes: list[subprocess.Popen[bytes]], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise ServeError(f"a server process exited with {process.returncode}; see the messages above")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise ServeError(f"{url} did not answer within {seconds:.0f} s")


def environment(data_dir: Path | None = None) -> dict[str, str]:
    """This process's environment, pointing the app at another data folder when given."""
    env = dict(os.environ)
    if data_dir is not None:
        env["NPOE_DATA_DIR"] = str(data_dir)
    return env


def start_streamlit(
    port: int,
    env: dict[str, str],
    log: Path | None = None,
    quiet: bool = False,
    script: str = "dashboard/app.py",
) -> subprocess.Popen[bytes]:
    """One Streamlit process on 127.0.0.1:port; its messages go to `log` when given, else to the console
    (or nowhere when `quiet`)."""
    command = [sys.executable, "-m", "dashboard.run", "run", script, "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    if log is None:
        output = subprocess.DEVNULL if quiet else None
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as output_file:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=output_file, stderr=subprocess.STDOUT)


RESTART_CHECK_SECONDS = 1.0


def supervise(
    processes: list[subprocess.Popen[bytes]], start: Callable[[int], subprocess.Popen[bytes]], count: int,
    stopping: threading.Event, restarted: list[int],
) -> None:  # fmt: skip
    """Restart any of the first `count` processes (the Streamlit ones) that dies, until `stopping` is set.

    nginx sends a dead process's sessions to the others meanwhile (they open a new session there); the restarted
    process takes new sessions again.
    """
    while not stopping.wait(RESTART_CHECK_SECONDS):
        for index in range(count):
            if processes[index].poll() is not None and not stopping.is_set():
                processes[index] = start(index)
                restarted.append(index)


@contextmanager
def class_server(
    workers: int | None = None,
    port: int = 8501,
    address: str = "0.0.0.0",
    data_dir: Path | None = None,
    log_dir: Path | None = None,
) -> Iterator[ClassServer]:
    """Start the Streamlit processes and nginx; stop them all on leaving.

    With `log_dir`, each Streamlit process writes its messages to streamlit-<port>.log there.
    """
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise ServeError("nginx is missing: run `make nginx` (or `sudo apt-get install -y nginx`)")
    workers = workers or os.cpu_count() or 1
    # one cookie secret shared by all, so a cookie set by one process is valid on the others
    env = environment(data_dir) | {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(16)}
    run_dir = Path(tempfile.mkdtemp(prefix="npoe-class-"))
    run_dir.chmod(0o755)  # the unprivileged workers must reach their temporary folders inside it
    processes: list[subprocess.Popen[bytes]] = []
    stopping = threading.Event()
    watcher: threading.Thread | None = None
    try:
        ports = [free_port() for _ in range(workers)]
        logs = [log_dir / f"streamlit-{backend}.log" if log_dir else None for backend in ports]
        processes += [start_streamlit(backend, env, log) for backend, log in zip(ports, logs, strict=True)]
        backends = [f"http://127.0.0.1:{backend}" for backend in ports]
        for backend in backends:
            wait_healthy(backend, processes)
        config = run_dir / "nginx.conf"
        config.write_text(nginx_config(run_dir, ports, port, address))
        checked = subprocess.run([nginx, "-t", "-p", str(run_dir), "-c", str(config)], capture_output=True, text=True)
        if checked.returncode != 0:
            raise ServeError(f"nginx refused its configuration ({config}): {checked.stderr.strip()}")
        processes.append(subprocess.Popen([nginx, "-p", str(run_dir), "-c", str(config), "-g", "daemon off;"]))
        url = f"http://{'127.0.0.1' if address == '0.0.0.0' else address}:{port}"
        wait_healthy(url, processes)
        running = ClassServer(url, backends, processes, run_dir)
        watcher = threading.Thread(
            target=supervise, name="npoe-supervisor", daemon=True,
            args=(processes, lambda i: start_streamlit(ports[i], env, logs[i]), len(ports), stopping,
                  running.restarted),
        )  # fmt: skip
        watcher.start()
        yield running
    finally:
        stopping.set()
        if watcher is not None:
            watcher.join(timeout=5)
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(run_dir, ignore_errors=True)


def lan_address() -> str:
    """This machine's address on the local network, for the URL to give students."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8501, help="the port students open (default 8501)")
    parser.add_argument("--workers", type=int, default=None, help="Streamlit processes (default: one per core)")
    args = parser.parse_args(argv)
    try:
        with class_server(args.workers, args.port) as server:
            print(f"\nThe class server is ready: {len(server.backends)} Streamlit processes behind nginx.")
            print(
                f"Students open http://{lan_address()}:{args.port} (on this machine: {server.url}). Ctrl-C stops it.\n"
            )
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        print("Stopped.")
    except ServeError as error:
        print(f"Could not start the class server: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
