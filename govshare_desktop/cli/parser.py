"""Every `govshare` command and its arguments, declared without importing what runs them.

Building the parser must cost nothing beyond argparse: `govshare info` answers in a
fraction of the time the store, the services and the Excel libraries take to import. So
each command names its handler as "module:function" under `govshare_desktop.cli`, and
`cli.main` imports only the module of the command it dispatches. Per command:

- `exclusive`: takes the one-writer lock of the data directory (commands that write);
- `migrate`: backs up and upgrades an older database first (`db upgrade` only);
- `needs_head`: refuses to run on an older database (exit 2, "run govshare db upgrade");
- `preflight_only`: the handler receives the `Session` and opens the store only if it must.
"""

from __future__ import annotations

import argparse
from typing import TypeAlias

from govshare_desktop import __version__

DRAFT = "draft"  # the working copy in `catalog diff`; services.catalog.filing.DRAFT (a test checks)

# ShareRequestState's values, spelled out so building the parser imports nothing (a test
# checks they agree)
SHARE_REQUEST_STATES = (
    "draft", "submitted", "agreed", "declined", "filed", "granted", "applied",
    "explanation_requested", "explained", "escalated", "decided_share", "decided_no_share",
    "secrecy_dispute", "withdrawn",
)  # fmt: skip

SubCommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _version_arg(text: str) -> int | str:
    text = text.strip().lower().removeprefix("v")
    return text if text == DRAFT else int(text)


def _command(
    commands: SubCommands,
    name: str,
    handler: str,
    *,
    parents: list[argparse.ArgumentParser],
    help: str,
    exclusive: bool = False,
    migrate: bool = False,
    needs_head: bool = True,
    preflight_only: bool = False,
    prepare: str | None = None,
) -> argparse.ArgumentParser:
    """`handler` and `prepare` are "module:function" in `cli/`; `prepare(args)` runs before
    the store loads and its result (something with `discard()`) is `args.prepared`."""
    parser = commands.add_parser(name, parents=parents, help=help)
    parser.set_defaults(
        handler=handler,
        prepare=prepare,
        exclusive=exclusive,
        migrate=migrate,
        needs_head=needs_head,
        preflight_only=preflight_only,
    )
    return parser


def common_options() -> argparse.ArgumentParser:
    """--home and --json, accepted before or after the subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--home",
        metavar="DIR",
        help="data directory (default: per-user data dir, or $GOVSHARE_HOME)",
    )
    common.add_argument("--json", action="store_true", help="print one JSON object")
    return common


def _database(commands: SubCommands, common: argparse.ArgumentParser) -> None:
    _command(
        commands,
        "info",
        "db:cmd_info",
        parents=[common],
        needs_head=False,
        preflight_only=True,
        help="version, data directory, DB, schema, profile",
    )
    db = commands.add_parser("db", help="database maintenance")
    actions = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    _command(
        actions,
        "upgrade",
        "db:cmd_db_upgrade",
        parents=[common],
        exclusive=True,
        migrate=True,
        needs_head=False,
        help="back up, then upgrade to the newest schema",
    )
    _command(
        actions,
        "check",
        "db:cmd_db_check",
        parents=[common],
        needs_head=False,
        help="integrity check; exit 1 unless sound and at head",
    )


def _catalog(commands: SubCommands, common: argparse.ArgumentParser) -> None:
    catalog = commands.add_parser("catalog", help="the unit's information resource catalog")
    actions = catalog.add_subparsers(dest="catalog_command", required=True, metavar="ACTION")
    scope = argparse.ArgumentParser(add_help=False, parents=[common])
    scope.add_argument(
        "--unit", metavar="CODE", help="one unit's resources (default: all held here)"
    )
    _command(actions, "list", "catalog:cmd_list", parents=[scope], help="resources by code")
    show = _command(
        actions,
        "show",
        "catalog:cmd_show",
        parents=[common],
        help="one resource with its data items",
    )
    show.add_argument("key", metavar="CODE_OR_ID")
    _command(
        actions,
        "validate",
        "catalog:cmd_validate",
        parents=[scope],
        help="check every resource; exit 1 if any error is found",
    )
    search = _command(
        actions,
        "search",
        "catalog:cmd_search",
        parents=[scope],
        help="full-text search, Chinese included",
    )
    search.add_argument("query")
    search.add_argument("--share-type", choices=("unconditional", "conditional", "not_shared"))
    search.add_argument("--provider", metavar="CREDIT_CODE")
    search.add_argument("--limit", type=int, default=200)
    dcat = _command(
        actions,
        "export-dcat",
        "catalog:cmd_export_dcat",
        parents=[scope],
        help="resources open to society as DCAT JSON-LD (Art. 19)",
    )
    dcat.add_argument("output", metavar="OUT.jsonld")
    _command(
        actions,
        "one-source",
        "catalog:cmd_one_source",
        parents=[common],
        help="一数一源: the same data offered by several providers",
    )
    export_json = _command(
        actions,
        "export-json",
        "catalog:cmd_export_json",
        parents=[scope],
        help="the unit's catalog as an exchange file for its subordinates",
    )
    export_json.add_argument("output", metavar="OUT.json")
    load = _command(
        actions,
        "load-superior",
        "catalog:cmd_load_superior",
        parents=[common],
        exclusive=True,
        help="hold the superior unit's catalog (exchange file)",
    )
    load.add_argument("file", metavar="FILE.json")
    derive = _command(
        actions,
        "derive",
        "catalog:cmd_derive",
        parents=[scope],
        exclusive=True,
        help="new entries from the superior's (Art. 11 §3), linked to them",
    )
    derive.add_argument("sources", nargs="+", metavar="CODE_OR_ID")
    filing = _command(
        actions,
        "file",
        "catalog:cmd_file",
        parents=[scope],
        exclusive=True,
        help="freeze the catalog as a version and submit it for 备案",
    )
    filing.add_argument("--reason", help="required when filing again after a reorganisation")
    _command(
        actions,
        "versions",
        "catalog:cmd_versions",
        parents=[scope],
        help="the filed versions and their state",
    )
    diff = _command(
        actions,
        "diff",
        "catalog:cmd_diff",
        parents=[scope],
        help="what changed between two versions",
    )
    diff.add_argument("old", type=_version_arg, metavar="OLD", help="a version number, or draft")
    diff.add_argument("new", type=_version_arg, metavar="NEW", help="a version number, or draft")


def _workbooks(commands: SubCommands, common: argparse.ArgumentParser) -> None:
    importing = _command(
        commands,
        "import-catalog",
        "excel:cmd_import",
        parents=[common],
        exclusive=True,
        prepare="read_ahead:start",
        help="import a catalog workbook (all or nothing)",
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--dry-run", action="store_true", help="check only; store nothing")
    importing.add_argument(
        "--report", metavar="OUT.xlsx", help="write the workbook with its problems marked"
    )
    importing.add_argument(
        "--update-existing",
        action="store_true",
        help="let rows change resources the catalog already holds (otherwise: code_taken)",
    )
    _command(
        commands,
        "undo-import",
        "excel:cmd_undo_import",
        parents=[common],
        exclusive=True,
        help="take the latest import back, if nothing of it was synced or edited since",
    )
    template = _command(
        commands,
        "export-template",
        "excel:cmd_export_template",
        parents=[common],
        needs_head=False,
        help="write an empty catalog template",
    )
    template.add_argument("output", metavar="OUT.xlsx")
    catalog = _command(
        commands,
        "export-catalog",
        "excel:cmd_export_catalog",
        parents=[common],
        help="write the catalog into the template",
    )
    catalog.add_argument("output", metavar="OUT.xlsx")
    catalog.add_argument("--unit", metavar="CODE", help="one unit's resources (default: all)")
    validate = _command(
        commands,
        "validate-data",
        "data_files:cmd_validate_data",
        parents=[common],
        help="check a data file (xlsx, xls, ods, csv) against a resource's data items",
    )
    validate.add_argument("file", metavar="FILE")
    validate.add_argument(
        "--resource", required=True, metavar="CODE", help="the resource's code (or id)"
    )
    validate.add_argument(
        "--report", metavar="OUT.xlsx", help="also save the findings as a workbook"
    )


def _account(commands: SubCommands, common: argparse.ArgumentParser) -> None:
    login = _command(
        commands,
        "login",
        "account:cmd_login",
        parents=[common],
        exclusive=True,
        help="sign in to the platform (password from stdin, or asked for)",
    )
    login.add_argument(
        "--platform", metavar="URL", help="the platform's address (default: the setting)"
    )
    login.add_argument("--user", required=True, metavar="NAME", help="the platform user name")
    logout = _command(
        commands,
        "logout",
        "account:cmd_logout",
        parents=[common],
        exclusive=True,
        help="sign out (refused while changes wait to be sent)",
    )
    logout.add_argument(
        "--force", action="store_true", help="sign out even though changes wait (they stay)"
    )


def _sync(commands: SubCommands, common: argparse.ArgumentParser) -> None:
    sync = _command(
        commands,
        "sync",
        "sync:cmd_sync",
        parents=[common],
        exclusive=True,
        help="send the changes made here and take in the platform's (exit 0/1/2/3/4/5)",
    )
    sync.add_argument(
        "--once", action="store_true", required=True, help="one cycle, then exit (required)"
    )


def _directory(commands: SubCommands, common: argparse.ArgumentParser) -> None:
    directory = _command(
        commands,
        "directory",
        "directory:cmd_directory",
        parents=[common],
        help="the shared directory (共享目录) held here: other units' filed catalogs",
    )
    directory.add_argument(
        "--search", metavar="TEXT", help="full-text search, Chinese included (as the catalog's)"
    )


def _requests(commands: SubCommands, common: argparse.ArgumentParser) -> None:
    requests = commands.add_parser("requests", help="share requests (共享申请, Art. 13) held here")
    actions = requests.add_subparsers(dest="requests_command", required=True, metavar="ACTION")
    listed = _command(
        actions, "list", "requests:cmd_list", parents=[common],
        help="requests by direction and state, newest first",
    )  # fmt: skip
    listed.add_argument(
        "--direction", choices=("in", "out", "authority"),
        help="in: to this unit as provider; out: by this unit; authority: before it",
    )  # fmt: skip
    listed.add_argument("--state", choices=SHARE_REQUEST_STATES, metavar="STATE",
                        help="one state, e.g. submitted")  # fmt: skip
    show = _command(
        actions, "show", "requests:cmd_show", parents=[common],
        help="one request with its history and what may be done next",
    )  # fmt: skip
    show.add_argument("id", metavar="ID")


def _objections(commands: SubCommands, common: argparse.ArgumentParser) -> None:
    objections = commands.add_parser(
        "objections", help="data-quality objections (异议, Art. 16) held here"
    )
    actions = objections.add_subparsers(dest="objections_command", required=True, metavar="ACTION")
    listed = _command(
        actions, "list", "objections:cmd_list", parents=[common],
        help="objections raised by this unit or to answer, newest first",
    )  # fmt: skip
    listed.add_argument(
        "--direction", choices=("in", "out"),
        help="in: to answer as the provider; out: raised by this unit",
    )  # fmt: skip


def _audit(commands: SubCommands, common: argparse.ArgumentParser) -> None:
    _command(
        commands,
        "verify-audit",
        "verify_audit:cmd_verify_audit",
        parents=[common],
        help="check the audit log's sealed chain; exit 1 naming the first broken link",
    )


def _grants(commands: SubCommands, common: argparse.ArgumentParser) -> None:
    grants = commands.add_parser("grants", help="grants (授权, Art. 14) this unit holds")
    actions = grants.add_subparsers(dest="grants_command", required=True, metavar="ACTION")
    _command(
        actions, "list", "grants:cmd_list", parents=[common],
        help="grants held: items, validity, what is allowed, revocations",
    )  # fmt: skip
    rows = _command(
        actions, "rows", "grants:cmd_rows", parents=[common],
        help="a grant's rows, granted columns only (audited; offline from the encrypted copy)",
    )  # fmt: skip
    rows.add_argument("grant_id", metavar="GRANT_ID")
    rows.add_argument("--limit", type=int, default=20, metavar="N", help="at most N rows (20)")


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="govshare", description="GovShare Desktop, headless.", parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"govshare {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _database(commands, common)
    _catalog(commands, common)
    _workbooks(commands, common)
    _account(commands, common)
    _sync(commands, common)
    _directory(commands, common)
    _requests(commands, common)
    _objections(commands, common)
    _audit(commands, common)
    _grants(commands, common)
    return parser


def command_paths(parser: argparse.ArgumentParser | None = None) -> list[str]:
    """Every runnable command as typed after `govshare`, e.g. "catalog show"."""
    paths: list[str] = []

    def walk(node: argparse.ArgumentParser, prefix: str) -> None:
        actions = [a for a in node._actions if isinstance(a, argparse._SubParsersAction)]
        if not actions:
            paths.append(prefix)
        for action in actions:
            for name, child in action.choices.items():
                walk(child, f"{prefix} {name}".strip())

    walk(parser or build_parser(), "")
    return paths
