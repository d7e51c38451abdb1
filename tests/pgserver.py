"""Start a throw-away PostgreSQL server for tests (Debian `postgresql` package, any version).

The service manager does not run in containers, so we run `initdb` and `pg_ctl` ourselves in a
temp dir on 127.0.0.1 and a free port. As root the server runs as user `postgres` (PostgreSQL
refuses to run as root). `start()` returns a `PgServer` or raises `PgUnavailable` saying why,
so the fixture can skip with that reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


class PgUnavailable(RuntimeError):
    """No PostgreSQL server can be started here; the message says why."""


@dataclass
class PgServer:
    bindir: Path
    datadir: Path
    port: int
    user: str  # OS user running the server
    superuser: str  # database role created by initdb

    @property
    def base_url(self) -> str:
        return f"postgresql://{self.superuser}@127.0.0.1:{self.port}"

    def url(self, db: str = "postgres") -> str:
        return f"{self.base_url}/{db}"

    def create_database(self, name: str) -> str:
        """A fresh, empty database; returns its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        _run_as(self.user, [str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m",
                            "immediate", "-w", "stop"], check=False)
        shutil.rmtree(self.datadir.parent, ignore_errors=True)


def _bindir() -> Path:
    env = os.environ.get("NEWSPRISM_PG_BINDIR")
    candidates = [env] if env else sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise PgUnavailable("PostgreSQL server binaries (initdb, pg_ctl) not found; install the "
                        "Debian package `postgresql` (bash scripts/system-deps.sh)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as(user: str | None, cmd: list[str], check: bool = True,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
    if user is not None and os.geteuid() == 0:
        import pwd

        pw = pwd.getpwnam(user)

        def demote() -> None:
            os.setgid(pw.pw_gid)
            os.setuid(pw.pw_uid)

        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=timeout,
                              preexec_fn=demote, cwd="/tmp",
                              env={**os.environ, "HOME": pw.pw_dir, "USER": user})
    return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=timeout)


def start() -> PgServer:
    bindir = _bindir()
    user: str | None = None
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError as exc:
            raise PgUnavailable("running as root and there is no `postgres` user to run the "
                                "server as") from exc
        user = "postgres"
    base = Path(tempfile.mkdtemp(prefix="newsprism-pg-"))
    datadir = base / "data"
    if user is not None:
        import pwd

        pw = pwd.getpwnam(user)
        os.chown(base, pw.pw_uid, pw.pw_gid)
    os.chmod(base, 0o755)
    superuser = user or os.environ.get("USER") or "postgres"
    try:
        _run_as(user, [str(bindir / "initdb"), "-D", str(datadir), "-U", superuser,
                       "-A", "trust", "-E", "UTF8", "--no-locale"], timeout=120)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        shutil.rmtree(base, ignore_errors=True)
        detail = getattr(exc, "stderr", "") or str(exc)
        raise PgUnavailable(f"initdb failed: {detail.strip()[-300:]}") from exc
    last = ""
    for _attempt in range(3):  # the free port can be taken between probe and bind
        port = _free_port()
        opts = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories='' "
                "-c fsync=off -c max_connections=50")
        try:
            _run_as(user, [str(bindir / "pg_ctl"), "-D", str(datadir), "-o", opts,
                           "-l", str(base / "log"), "-w", "-t", "30", "start"], timeout=60)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            log = (base / "log").read_text(errors="replace") if (base / "log").exists() else ""
            last = (log or getattr(exc, "stderr", "") or str(exc)).strip()[-300:]
            continue
        server = PgServer(bindir, datadir, port, user or superuser, superuser)
        if _ready(server):
            return server
        server.stop()
        raise PgUnavailable("PostgreSQL started but does not accept connections")
    shutil.rmtree(base, ignore_errors=True)
    raise PgUnavailable(f"pg_ctl start failed: {last}")


def _ready(server: PgServer, wait: float = 20.0) -> bool:
    import psycopg

    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            with psycopg.connect(server.url(), connect_timeout=2):
                return True
        except psycopg.OperationalError:
            time.sleep(0.2)
    return False


_SHARED: PgServer | PgUnavailable | None = None
_DB_COUNTER = [0]


def shared_server() -> PgServer:
    """One server per test process, started on first use and stopped at exit; raises
    `PgUnavailable` (every time, with the first reason) when it cannot be started."""
    global _SHARED
    if _SHARED is None:
        try:
            _SHARED = start()
        except PgUnavailable as exc:
            _SHARED = exc
        else:
            import atexit

            atexit.register(_SHARED.stop)
    if isinstance(_SHARED, PgUnavailable):
        raise _SHARED
    return _SHARED


def fresh_database_url(prefix: str = "t") -> str:
    """A new empty database on the shared server (skip the test on `PgUnavailable`)."""
    server = shared_server()
    _DB_COUNTER[0] += 1
    return server.create_database(f"{prefix}_{os.getpid()}_{_DB_COUNTER[0]}")
