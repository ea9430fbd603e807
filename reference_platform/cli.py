"""`govshare-platform`: serve the reference platform, seed demo data, prune the change feed."""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from reference_platform.changes import prune, rotate_epoch
from reference_platform.db.database import Database
from reference_platform.seed import AlreadySeeded, seed_demo
from reference_platform.settings import (
    DEFAULT_DB_URL,
    DEFAULT_MAX_ATTACHMENT_BYTES,
    DEFAULT_MAX_BODY_BYTES,
    DEFAULT_PROFILE,
    FAULTS_ENV,
    PROFILE_ENV,
    Settings,
    SignInLimits,
    env_flag,
    utc_now,
)

DB_ENV = "GOVSHARE_PLATFORM_DB"
DEFAULT_PORT = 8750


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govshare-platform", description="The GovShare reference sharing platform."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    db_default = os.environ.get(DB_ENV, DEFAULT_DB_URL)

    serve = commands.add_parser("serve", help="run the HTTP server")
    serve.add_argument(
        "--db",
        default=db_default,
        help=(
            "sqlite:///FILE or postgresql://USER:PASSWORD@HOST:PORT/DB (psycopg 3)"
            f" (default {DEFAULT_DB_URL}, or ${DB_ENV})"
        ),
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument(
        "--profile", type=Path, default=Path(os.environ.get(PROFILE_ENV, DEFAULT_PROFILE))
    )
    serve.add_argument("--access-token-ttl", type=int, default=15 * 60, metavar="SECONDS")
    serve.add_argument("--refresh-token-ttl", type=int, default=30 * 24 * 3600, metavar="SECONDS")
    serve.add_argument(
        "--max-body-bytes",
        type=_positive,
        default=DEFAULT_MAX_BODY_BYTES,
        metavar="BYTES",
        help=f"refuse larger request bodies with 413 (default {DEFAULT_MAX_BODY_BYTES})",
    )
    serve.add_argument(
        "--max-attachment-bytes",
        type=_positive,
        default=DEFAULT_MAX_ATTACHMENT_BYTES,
        metavar="BYTES",
        help=f"refuse larger attachments with 413 (default {DEFAULT_MAX_ATTACHMENT_BYTES})",
    )
    limits = SignInLimits()
    sign_in = serve.add_argument_group(
        "sign-in throttling",
        "Failed password sign-ins counted over a sliding window; past a limit, 429 with"
        " Retry-After (reference_platform/auth/throttle.py explains the choice).",
    )
    for flag, value, metavar, text in (
        ("--sign-in-window", limits.window, "SECONDS", "how long a failure counts"),
        (
            "--sign-in-lockout",
            limits.lockout,
            "SECONDS",
            "the first lockout; each further failure doubles it, up to the window",
        ),
        (
            "--sign-in-failures-per-account-address",
            limits.per_account_address,
            "N",
            "for one username from one address",
        ),
        ("--sign-in-failures-per-address", limits.per_address, "N", "from one address"),
        ("--sign-in-failures-per-account", limits.per_account, "N", "for one username"),
    ):
        sign_in.add_argument(
            flag, type=_positive, default=value, metavar=metavar, help=f"{text} (default {value})"
        )
    serve.add_argument(
        "--enable-faults",
        action="store_true",
        help=f"allow fault injection over /api/v1/_faults (tests only; or {FAULTS_ENV}=1)",
    )
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])

    seed = commands.add_parser("seed", help="create demo units, officers and catalogs")
    seed.add_argument("--db", default=db_default)
    seed.add_argument("--demo", action="store_true", help="the demo world (required)")
    seed.add_argument("--json", action="store_true", help="print the officers as JSON")

    prune_cmd = commands.add_parser("prune", help="drop change-feed entries past retention")
    prune_cmd.add_argument("--db", default=db_default)
    prune_cmd.add_argument("--keep-days", type=float, required=True)

    epoch = commands.add_parser(
        "rotate-epoch", help="invalidate every feed cursor (after a restore)"
    )
    epoch.add_argument("--db", default=db_default)
    return parser


def _serve(args: argparse.Namespace) -> int:
    import uvicorn  # noqa: PLC0415 - only the server needs it

    from reference_platform.app import create_app  # noqa: PLC0415
    from reference_platform.http_protocol import MAX_HEAD_BYTES, ProblemH11Protocol  # noqa: PLC0415

    faults = args.enable_faults or env_flag(FAULTS_ENV)
    if faults and not _is_loopback(args.host):
        print("refusing to enable faults on a non-loopback address", file=sys.stderr)
        return 2
    settings = Settings(
        db_url=args.db,
        profile_path=args.profile,
        access_token_ttl=args.access_token_ttl,
        refresh_token_ttl=args.refresh_token_ttl,
        max_body_bytes=args.max_body_bytes,
        max_attachment_bytes=args.max_attachment_bytes,
        sign_in=SignInLimits(
            window=args.sign_in_window,
            lockout=args.sign_in_lockout,
            per_account_address=args.sign_in_failures_per_account_address,
            per_address=args.sign_in_failures_per_address,
            per_account=args.sign_in_failures_per_account,
        ),
        faults_enabled=faults,
    )
    uvicorn.run(
        create_app(settings),
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        http=ProblemH11Protocol,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
    )
    return 0


def _seed(args: argparse.Namespace) -> int:
    if not args.demo:
        print("nothing to seed: pass --demo", file=sys.stderr)
        return 2
    db = Database(args.db)
    try:
        officers = seed_demo(db, utc_now)
    except AlreadySeeded as exc:
        print(f"not seeded: {exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    if args.json:
        document = {
            "officers": [
                {
                    "username": o.username,
                    "password": o.password,
                    "unit_code": o.unit_code,
                    "unit_name": o.unit_name,
                    "roles": list(o.roles),
                }
                for o in officers
            ]
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for o in officers:
            roles = ",".join(o.roles)
            print(f"{o.username:<16} {o.password:<20} {o.unit_code:<10} {roles:<18} {o.unit_name}")
    return 0


def _maintain(args: argparse.Namespace) -> int:
    db = Database(args.db)
    try:
        db.create_schema()
        with db.write() as session:
            if args.command == "prune":
                removed = prune(session, utc_now() - timedelta(days=args.keep_days))
                print(f"removed {removed} change-feed entries")
            else:
                print(f"new epoch {rotate_epoch(session)}")
    finally:
        db.dispose()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    if args.command == "seed":
        return _seed(args)
    return _maintain(args)
