"""`dossier` command line: a thin adapter over dossier.stages (no logic of its own)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import DossierError
from .stages import Project, build
from .yamlio import write_atomic


def _project(args: argparse.Namespace) -> Project:
    return Project.at(Path(args.root))


def cmd_validate(args: argparse.Namespace) -> int:
    # build() reads every file first and reports all their problems at once; corrections name
    # extracted ids, so whether they still exist is known only after assembly. Nothing is
    # written; unchanged sources come from extracted/.
    result = build(_project(args), write_extractions=False)
    print(f"ok: {len(result.sources)} sources, {len(result.editorial.actors.actors)} curated actors, "
          f"corrections match the extraction")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    result = build(_project(args), write_extractions=True)
    run = result.run
    print(f"{len(result.sources)} sources: {run.extracted} extracted, {run.reused} unchanged"
          + (f", removed {', '.join(run.removed)}" if run.removed else ""))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from .review import review_items

    items = review_items(build(_project(args), write_extractions=False))
    for item in items:
        print(f"{item.kind:6} {item.id:45} {item.what}  [{item.where}]")
    print(f"{len(items)} item(s) to review")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    import datetime as dt

    from .intake import add_sources

    added = add_sources([Path(name) for name in args.files], _project(args).content_dir, today=dt.date.today(),
                        id=args.id, title=args.title, outlet=args.outlet, url=args.url, published=args.published)
    for path, meta in added:
        print(f"{path}: published {meta.published or 'unbekannt'}, outlet {meta.outlet or 'unbekannt'}")
    print("check the front matter of the new file(s), then run mkdocs build")
    return 0


def _iso_date(value: str):
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(value) if "T" in value or " " in value else dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is no ISO date (2025-09-02) or date-time (2025-09-02T05:24)") from None


def cmd_schema(args: argparse.Namespace) -> int:
    from .schemas import schema_files

    out = Path(args.root) / "schemas"
    for name, schema in schema_files().items():
        write_atomic(out / name, json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    print(f"wrote {len(schema_files())} schemas to {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dossier", description="Build a curated dossier from news articles.")
    parser.add_argument("--root", default=".", help="project folder (with content/, templates/, extracted/)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check sources and editorial YAML; report every problem as file:line").set_defaults(func=cmd_validate)
    sub.add_parser("extract", help="run the extraction for new or changed sources, write extracted/*.yml").set_defaults(func=cmd_extract)
    sub.add_parser("review", help="list what still needs an editor (unreviewed actors, unresolved dates, ...)").set_defaults(func=cmd_review)
    add = sub.add_parser("add", help="turn copied article pages into content/sources/<id>.md, front matter read from the page")
    add.add_argument("files", nargs="+", help="text files, each one article page as copied (UTF-8)")
    add.add_argument("--id", help="the source id (default: the headline as a slug)")
    add.add_argument("--title", help="the headline (default: the page's first line that is no sentence)")
    add.add_argument("--outlet", help="the outlet (default: the agency tag of the dateline, if any)")
    add.add_argument("--url", help="the page's address")
    add.add_argument("--published", type=_iso_date, help="publication date or date-time, ISO (default: the page's date line)")
    add.set_defaults(func=cmd_add)
    sub.add_parser("schema", help="write JSON Schemas for the YAML files and data/dossier.json to schemas/").set_defaults(func=cmd_schema)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DossierError as exc:
        print(exc, file=sys.stderr)
        print(f"dossier: {len(exc.problems)} problem(s) found", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
