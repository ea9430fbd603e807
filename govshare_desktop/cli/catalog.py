"""`govshare catalog list|show|validate|search`: the unit's catalog, headless and scriptable."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govshare_desktop.cli.common import EXIT_OK, EXIT_PROBLEMS, label, print_json
from govshare_desktop.cli.terminal import terminal_safe
from govshare_desktop.cli.words import Words
from govshare_desktop.domain.entities import Resource
from govshare_desktop.domain.enums import Severity
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.messages import finding_text
from govshare_desktop.domain.search import SearchFilters
from govshare_desktop.settings.user_file import atomic_write_text

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext
    from govshare_desktop.domain.messages import Translate

ITEM_COLUMNS = ("name", "data_type", "length")  # a data item's line in `catalog show`


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
    words = Words.of(ctx, speak)
    headers = [label(speak, k) for k in ("unit", "code", "name", "share_type", "items")]
    print("\t".join(headers))
    for r in resources:
        share = words.field("share_type", r.share_type)
        mark = " 🔒" if r.secret else ""
        cells = (words.value(r.unit_code), words.value(r.code), words.value(r.name) + mark)
        print("\t".join((*cells, share, str(len(r.data_items)))))
    print(label(speak, "count", n=len(resources)))


def cmd_list(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    """The resources, under the data directory's unit (given by the first sign-in)."""
    resources = ctx.services.catalog.list_resources(args.unit)
    unit = ctx.services.runtime.identity.get()
    if args.json:
        held = {"code": unit.unit_code, "name": unit.unit_name,
                "credit_code": unit.unit_credit_code} if unit.unit_code else None  # fmt: skip
        print_json({"unit": held, "resources": _rows(ctx, resources)})
        return EXIT_OK
    if unit.unit_code:
        print(label(speak, "catalog_of", unit=terminal_safe(unit.unit_name or unit.unit_code),
                    code=terminal_safe(unit.unit_code),
                    credit_code=terminal_safe(unit.unit_credit_code or "—")))  # fmt: skip
    else:
        print(label(speak, "no_unit"))
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
            print(label(speak, "not_found", key=terminal_safe(args.key)))
        return EXIT_PROBLEMS
    if args.json:
        print_json(dataclasses.asdict(resource))
        return EXIT_OK
    words = Words.of(ctx, speak)
    for spec in ctx.profile.fields:
        if spec.key == "classification":
            cls = resource.classification
            value = words.classification(cls.code, cls.category)
        else:
            raw = getattr(resource, spec.key, resource.extra.get(spec.key, ""))
            # a multi-line value goes on indented lines under its field, not into the next
            value = words.field(spec.key, raw, multiline=True).replace("\n", "\n    ")
        print(f"{words.label(spec.key)}: {value}")
    if resource.secret:
        print(label(speak, "secret"))
    print(f"{label(speak, 'items')}:")
    for item in resource.data_items:
        cells = (words.field(k, getattr(item, k), item=True) for k in ITEM_COLUMNS)
        print("  " + "\t".join(cells))
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
        words = Words.of(ctx, speak)
        for row in rows:
            item = row["item"]
            where = words.label(row["field"], item=item is not None)
            if item is not None:
                where = f"{label(speak, 'item', n=item + 1)} {where}"
            severity = label(speak, "error" if row["severity"] == "error" else "warning")
            cells = (words.value(row["resource_code"]), words.value(row["resource_name"]), where,
                     severity, terminal_safe(row["message"]))  # fmt: skip
            print("\t".join(cells))
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
        print(label(speak, "exported", n=count, path=terminal_safe(str(target))))
    return EXIT_OK


def cmd_one_source(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    overlaps = ctx.services.catalog.one_source()
    if args.json:
        print_json(
            {"overlaps": [dataclasses.asdict(o) | {"justified": o.justified} for o in overlaps]}
        )
        return EXIT_OK
    words = Words.of(ctx, speak)
    for overlap in overlaps:
        kind = label(speak, "overlap_item" if overlap.kind == "data_item" else "overlap_name")
        mark = label(speak, "justified") if overlap.justified else label(speak, "unresolved")
        data_type = words.field("data_type", overlap.data_type, item=True)
        print("\t".join((kind, words.value(overlap.name), data_type, mark)))
        for holder in overlap.holders:
            cells = (holder.provider_name or holder.provider, holder.resource_code,
                     holder.resource_name)  # fmt: skip
            print("\t" + "\t".join(words.value(c) for c in cells))
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
        print(label(speak, "exported_json", n=count, path=terminal_safe(args.output)))
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
        print(label(speak, "loaded_superior", unit=terminal_safe(result.unit_code),
                    added=result.added, changed=result.changed,
                    unchanged=result.unchanged))  # fmt: skip
    return EXIT_OK


def cmd_derive(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    sources = []
    for key in args.sources:
        found = ctx.services.catalog.find(key)
        if found is None:
            print(label(speak, "not_found", key=terminal_safe(key)))
            return EXIT_PROBLEMS
        sources.append(found.id)
    created = ctx.services.derivation.derive(sources, args.unit or "")
    if args.json:
        print_json({"created": _rows(ctx, created)})
    else:
        words = Words.of(ctx, speak)
        for resource in created:
            print(label(speak, "derived", code=words.value(resource.code),
                        name=words.value(resource.name)))  # fmt: skip
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
    states = _state_words(speak)
    words = Words.of(ctx, speak)
    for v in versions:
        cells = [f"v{v.number}", states.get(v.state.value, v.state.value),
                 words.value(v.frozen_at), words.value(v.reason)]  # fmt: skip
        if v.authority_comment:
            cells.append(words.value(v.authority_comment))
        print("\t".join(cells))
    status = ctx.services.filing.status(args.unit or "")
    if status.draft_differs:
        print(label(speak, "draft_differs"))
    return EXIT_OK


def cmd_diff(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    diff = ctx.services.filing.diff(args.unit or "", args.old, args.new)
    if args.json:
        print_json(dataclasses.asdict(diff))
        return EXIT_OK
    words = Words.of(ctx, speak)
    for title, changes in (("added", diff.added), ("removed", diff.removed)):
        for change in changes:
            print("\t".join((label(speak, title), words.value(change.code),
                             words.value(change.name))))  # fmt: skip
    for change in diff.changed:
        print("\t".join((label(speak, "changed"), words.value(change.code),
                         words.value(change.name))))  # fmt: skip
        for f in change.fields:
            old, new = words.field(f.field, f.old), words.field(f.field, f.new)
            print(f"\t{words.label(f.field)}: {old} → {new}")
        item_changes = (
            ("items_added", change.items_added),
            ("items_removed", change.items_removed),
            ("items_changed", change.items_changed),
        )
        for key, names in item_changes:
            if names:
                print(f"\t{label(speak, key)}: {words.value(names)}")
    counts = {"added": len(diff.added), "removed": len(diff.removed), "changed": len(diff.changed)}
    print(label(speak, "diff_summary", unchanged=diff.unchanged, **counts))
    return EXIT_OK
