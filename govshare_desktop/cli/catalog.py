"""`govshare catalog list|show|validate|search`: the unit's catalog, headless and scriptable."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

from govshare_desktop.app.context import AppContext
from govshare_desktop.cli.common import EXIT_OK, EXIT_PROBLEMS, label, print_json, wording
from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.messages import Translate, finding_text
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.services.catalog.filing import DRAFT
from govshare_desktop.settings.user_file import atomic_write_text


def _rows(ctx: AppContext, resources: list[Resource]) -> list[dict[str, Any]]:
    states = ctx.services.catalog.sync_states([r.id for r in resources])
    return [_row(r, str(states.get(r.id, ""))) for r in resources]


def _row(resource: Resource, sync_state: str) -> dict[str, Any]:
    return {
        "id": resource.id,
        "unit_code": resource.unit_code,
        "code": resource.code,
        "name": resource.name,
        "share_type": str(resource.share_type),
        "data_items": len(resource.data_items),
        "sync_state": sync_state,
        "secret": resource.secret,
    }


def _print_table(ctx: AppContext, resources: list[Resource], speak: Translate) -> None:
    headers = [label(speak, k) for k in ("unit", "code", "name", "share_type", "items")]
    print("\t".join(headers))
    words = wording(ctx, speak)
    for r in resources:
        share = words.value("share_type", r.share_type)
        mark = " 🔒" if r.secret else ""
        print(f"{r.unit_code}\t{r.code}\t{r.name}{mark}\t{share}\t{len(r.data_items)}")
    print(label(speak, "count", n=len(resources)))


def cmd_list(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    resources = ctx.services.catalog.list_resources(args.unit)
    if args.json:
        print_json({"resources": _rows(ctx, resources)})
    else:
        _print_table(ctx, resources, speak)
    return EXIT_OK


def cmd_search(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    filters = SearchFilters(
        unit_code=args.unit, share_type=args.share_type, provider_code=args.provider
    )
    resources = ctx.services.catalog.search(args.query, filters, limit=args.limit)
    if args.json:
        print_json({"query": args.query, "resources": _rows(ctx, resources)})
    else:
        _print_table(ctx, resources, speak)
    return EXIT_OK


def cmd_show(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    resource = ctx.services.catalog.find(args.key)
    if resource is None:
        if args.json:
            print_json({"error": "not_found", "key": args.key})
        else:
            print(label(speak, "not_found", key=args.key))
        return EXIT_PROBLEMS
    if args.json:
        print_json(dataclasses.asdict(resource))
        return EXIT_OK
    words = wording(ctx, speak)
    for spec in ctx.profile.fields:
        value = getattr(resource, spec.key, resource.extra.get(spec.key, ""))
        if spec.key == "classification":
            value = resource.classification.code
        print(f"{words.field(spec.key)}: {words.value(spec.key, value)}")
    if resource.secret:
        print(label(speak, "secret"))
    print(f"{label(speak, 'items')}:")
    for item in resource.data_items:
        kind = ctx.profile.enum_label("data_type", str(item.data_type), english=words.english)
        print(f"  {item.name}\t{kind}\t{item.length or ''}")
    return EXIT_OK


def cmd_validate(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    resources = {r.id: r for r in ctx.services.catalog.list_resources(args.unit)}
    findings = ctx.services.catalog.validate_all(args.unit)
    rows: list[dict[str, Any]] = [
        {
            "resource_id": rid,
            "resource_code": resources[rid].code,
            "resource_name": resources[rid].name,
            "field": f.field,
            "item": f.item,
            "finding": f.code.value,
            "severity": f.severity.value,
            "message": finding_text(f, speak),
        }
        for rid, found in findings.items()
        for f in found
    ]
    errors = sum(1 for row in rows if row["severity"] == Severity.ERROR.value)
    warnings = len(rows) - errors
    if args.json:
        print_json({"ok": errors == 0, "resources": len(resources), "errors": errors,
                    "warnings": warnings, "findings": rows})  # fmt: skip
    else:
        for row in rows:
            where = row["field"]
            if row["item"] is not None:
                where = f"{label(speak, 'item', n=row['item'] + 1)} {where}"
            severity = label(speak, "error" if row["severity"] == "error" else "warning")
            print(
                f"{row['resource_code']}\t{row['resource_name']}\t{where}\t{severity}\t{row['message']}"
            )
        if rows:
            print(label(speak, "findings", errors=errors, warnings=warnings))
        else:
            print(label(speak, "valid", n=len(resources)))
    return EXIT_OK if errors == 0 else EXIT_PROBLEMS


def cmd_export_dcat(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    document = ctx.services.catalog.export_dcat(args.unit)
    text = json.dumps(document, ensure_ascii=False, indent=2)
    target = Path(args.output)
    atomic_write_text(target, text + "\n")
    count = len(document["dcat:dataset"])
    if args.json:
        print_json({"ok": True, "output": str(target), "datasets": count})
    else:
        print(label(speak, "exported", n=count, path=target))
    return EXIT_OK


def cmd_one_source(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    overlaps = ctx.services.catalog.one_source()
    if args.json:
        print_json(
            {"overlaps": [dataclasses.asdict(o) | {"justified": o.justified} for o in overlaps]}
        )
        return EXIT_OK
    words = wording(ctx, speak)
    for overlap in overlaps:
        kind = label(speak, "overlap_item" if overlap.kind == "data_item" else "overlap_name")
        mark = label(speak, "justified") if overlap.justified else label(speak, "unresolved")
        data_type = words.data_type(overlap.data_type) if overlap.data_type else ""
        print(f"{kind}\t{overlap.name}\t{data_type}\t{mark}")
        for holder in overlap.holders:
            provider = holder.provider_name or holder.provider
            print(f"\t{provider}\t{holder.resource_code}\t{holder.resource_name}")
    unresolved = sum(1 for o in overlaps if not o.justified)
    print(label(speak, "overlaps", n=len(overlaps), open=unresolved))
    return EXIT_OK


def cmd_export_json(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    document = ctx.services.derivation.export_document(args.unit or "")
    atomic_write_text(Path(args.output), json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    count = len(document["resources"])
    if args.json:
        print_json({"ok": True, "output": args.output, "resources": count})
    else:
        print(label(speak, "exported_json", n=count, path=args.output))
    return EXIT_OK


def cmd_load_superior(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    path = Path(args.file)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KnownError(ErrorCode.FILE_UNREADABLE, path=str(path), reason=str(exc)) from exc
    try:
        result = ctx.services.derivation.load_superior(document)
    except KnownError as error:
        raise KnownError(error.code, **(error.params | {"path": str(path)})) from error
    if args.json:
        print_json(dataclasses.asdict(result))
    else:
        print(label(speak, "loaded_superior", unit=result.unit_code, added=result.added,
                    changed=result.changed, unchanged=result.unchanged))  # fmt: skip
    return EXIT_OK


def cmd_derive(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    sources = []
    for key in args.sources:
        found = ctx.services.catalog.find(key)
        if found is None:
            print(label(speak, "not_found", key=key))
            return EXIT_PROBLEMS
        sources.append(found.id)
    created = ctx.services.derivation.derive(sources, args.unit or "")
    if args.json:
        print_json({"created": _rows(ctx, created)})
    else:
        for resource in created:
            print(label(speak, "derived", code=resource.code, name=resource.name))
    return EXIT_OK


def _state_words(speak: Translate) -> dict[str, str]:
    return {
        "submitted": label(speak, "state_submitted"),
        "filed": label(speak, "state_filed"),
        "returned": label(speak, "state_returned"),
        "draft": label(speak, "state_draft"),
    }


def cmd_file(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    version = ctx.services.filing.submit(args.unit or "", args.reason or "")
    if args.json:
        print_json({"ok": True, "number": version.number, "state": version.state.value})
    else:
        print(label(speak, "submitted", n=version.number))
    return EXIT_OK


def cmd_versions(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    versions = ctx.services.filing.versions(args.unit or "")
    if args.json:
        print_json({"versions": [dataclasses.asdict(v) for v in versions]})
        return EXIT_OK
    words = _state_words(speak)
    for v in versions:
        when = v.frozen_at.strftime("%Y-%m-%d %H:%M") if v.frozen_at else ""
        extra = f"\t{v.authority_comment}" if v.authority_comment else ""
        print(f"v{v.number}\t{words.get(v.state.value, v.state.value)}\t{when}\t{v.reason}{extra}")
    status = ctx.services.filing.status(args.unit or "")
    if status.draft_differs:
        print(label(speak, "draft_differs"))
    return EXIT_OK


def _version_arg(text: str) -> int | str:
    text = text.strip().lower().removeprefix("v")
    return text if text == DRAFT else int(text)


def cmd_diff(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    diff = ctx.services.filing.diff(args.unit or "", args.old, args.new)
    if args.json:
        print_json(dataclasses.asdict(diff))
        return EXIT_OK
    words = wording(ctx, speak)
    for title, changes in (("added", diff.added), ("removed", diff.removed)):
        for change in changes:
            print(f"{label(speak, title)}\t{change.code}\t{change.name}")
    for change in diff.changed:
        print(f"{label(speak, 'changed')}\t{change.code}\t{change.name}")
        for f in change.fields:
            old, new = words.change(f.field, f.old), words.change(f.field, f.new)
            print(f"\t{words.field(f.field)}: {old} → {new}")
        item_changes = (
            ("items_added", change.items_added),
            ("items_removed", change.items_removed),
            ("items_changed", change.items_changed),
        )
        for key, names in item_changes:
            if names:
                print(f"\t{label(speak, key)}: {'、'.join(names)}")
    counts = {"added": len(diff.added), "removed": len(diff.removed), "changed": len(diff.changed)}
    print(label(speak, "diff_summary", unchanged=diff.unchanged, **counts))
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    catalog = commands.add_parser("catalog", help="the unit's information resource catalog")
    actions = catalog.add_subparsers(dest="catalog_command", required=True, metavar="ACTION")
    scope = argparse.ArgumentParser(add_help=False, parents=[common])
    scope.add_argument(
        "--unit", metavar="CODE", help="one unit's resources (default: all held here)"
    )
    listing = actions.add_parser("list", parents=[scope], help="resources by code")
    listing.set_defaults(handler=cmd_list)
    show = actions.add_parser("show", parents=[common], help="one resource with its data items")
    show.add_argument("key", metavar="CODE_OR_ID")
    show.set_defaults(handler=cmd_show)
    validate = actions.add_parser(
        "validate", parents=[scope], help="check every resource; exit 1 if any error is found"
    )
    validate.set_defaults(handler=cmd_validate)
    search = actions.add_parser(
        "search", parents=[scope], help="full-text search, Chinese included"
    )
    search.add_argument("query")
    search.add_argument("--share-type", choices=("unconditional", "conditional", "not_shared"))
    search.add_argument("--provider", metavar="CREDIT_CODE")
    search.add_argument("--limit", type=int, default=200)
    search.set_defaults(handler=cmd_search)
    export = actions.add_parser(
        "export-dcat", parents=[scope], help="resources open to society as DCAT JSON-LD (Art. 19)"
    )
    export.add_argument("output", metavar="OUT.jsonld")
    export.set_defaults(handler=cmd_export_dcat)
    one_source = actions.add_parser(
        "one-source", parents=[common], help="一数一源: the same data offered by several providers"
    )
    one_source.set_defaults(handler=cmd_one_source)
    export_json = actions.add_parser(
        "export-json",
        parents=[scope],
        help="the unit's catalog as an exchange file for its subordinates",
    )
    export_json.add_argument("output", metavar="OUT.json")
    export_json.set_defaults(handler=cmd_export_json)
    load = actions.add_parser(
        "load-superior", parents=[common], help="hold the superior unit's catalog (exchange file)"
    )
    load.add_argument("file", metavar="FILE.json")
    load.set_defaults(handler=cmd_load_superior, exclusive=True, migrate=False, needs_head=True)
    derive = actions.add_parser(
        "derive",
        parents=[scope],
        help="new entries from the superior's (Art. 11 §3), linked to them",
    )
    derive.add_argument("sources", nargs="+", metavar="CODE_OR_ID")
    derive.set_defaults(handler=cmd_derive, exclusive=True, migrate=False, needs_head=True)
    for parser in (listing, show, validate, search, export, one_source, export_json):
        parser.set_defaults(exclusive=False, migrate=False, needs_head=True)
    filing = actions.add_parser(
        "file", parents=[scope], help="freeze the catalog as a version and submit it for 备案"
    )
    filing.add_argument("--reason", help="required when filing again after a reorganisation")
    filing.set_defaults(handler=cmd_file, exclusive=True, migrate=False, needs_head=True)
    versions = actions.add_parser(
        "versions", parents=[scope], help="the filed versions and their state"
    )
    versions.set_defaults(handler=cmd_versions, exclusive=False, migrate=False, needs_head=True)
    diff = actions.add_parser("diff", parents=[scope], help="what changed between two versions")
    diff.add_argument("old", type=_version_arg, metavar="OLD", help="a version number, or draft")
    diff.add_argument("new", type=_version_arg, metavar="NEW", help="a version number, or draft")
    diff.set_defaults(handler=cmd_diff, exclusive=False, migrate=False, needs_head=True)
