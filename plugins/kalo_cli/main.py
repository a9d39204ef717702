"""The content commands, run from the project's root with ``PYTHONPATH=plugins``:

    python -m kalo_cli check --orgdir organizations --inputdir content
    python -m kalo_cli new-org --orgdir organizations "Όνομα φορέα"
    python -m kalo_cli schema

``check`` prints every problem (English, then Greek indented) and a summary, and exits 1
on any error. No command ever shows a traceback: content mistakes are Problems, and
anything unexpected is reported in one line at this boundary.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from kalo.i18n import translate
from kalo.problems import Problem, format_report, message_langs
from kalo_cli.annotations import github_commands, gitlab_code_quality
from kalo_cli.words import LANGS, errors_and_warnings, not_published_heading

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    _utf8_output()
    try:
        args = _parser().parse_args(argv)
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the boundary: never a traceback for a volunteer
        print(f"internal error, please report it: {type(error).__name__}: {error}", file=sys.stderr)
        print(
            f"    εσωτερικό σφάλμα, παρακαλούμε αναφέρετέ το: {type(error).__name__}: {error}",
            file=sys.stderr,
        )
        return 3


def _utf8_output() -> None:
    """Greek messages must print even in a terminal set to ASCII."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kalo_cli", description=__doc__.split("\n\n")[0]
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate all content without building")
    check.add_argument("--orgdir", type=Path, default=Path("organizations"))
    check.add_argument("--inputdir", type=Path, default=Path("content"))
    check.add_argument(
        "--settings", type=Path, default=None, help="the site's settings file (pelicanconf.py)"
    )
    check.add_argument(
        "--code-quality",
        type=Path,
        default=None,
        metavar="FILE",
        help="also write a GitLab Code Quality report (JSON) of every finding",
    )
    check.add_argument(
        "--today",
        type=datetime.date.fromisoformat,
        default=None,
        help="check as on this day (YYYY-MM-DD); for tests",
    )
    check.set_defaults(run=run_check)

    new_org = commands.add_parser("new-org", help="start the folder of a new organization")
    new_org.add_argument("name", help="the organization's name in Greek")
    new_org.add_argument("--orgdir", type=Path, default=Path("organizations"))
    new_org.set_defaults(run=run_new_org)

    schema = commands.add_parser(
        "schema", help="regenerate the JSON Schemas in schema/ and the field references in docs/"
    )
    schema.add_argument("--root", type=Path, default=PROJECT_ROOT, help="the project's root")
    schema.set_defaults(run=run_schema)
    return parser


# --- check ----------------------------------------------------------------------------


def run_check(args: argparse.Namespace) -> int:
    from kalo_cli.checks import CHECKERS, CheckRoots

    roots = CheckRoots(
        orgdir=args.orgdir,
        inputdir=args.inputdir,
        display_root=_display_root(args.orgdir),
        today=args.today or datetime.date.today(),
        settings=_read_settings(args.settings),
    )
    problems: list[Problem] = []
    left_out: list[Problem] = []
    summaries: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for checker in CHECKERS:
        outcome = checker(roots)
        problems.extend(outcome.problems)
        left_out.extend(outcome.left_out)
        errors = sum(1 for p in outcome.problems if p.severity == "error")
        warnings = len(outcome.problems) - errors
        for lang in LANGS:
            line = translate(lang, "%(summary)s; %(counts)s") % {
                "summary": outcome.summary[lang],
                "counts": errors_and_warnings(lang, errors, warnings),
            }
            summaries[lang].append(line)
    first, second = message_langs()
    if os.environ.get("GITHUB_ACTIONS") == "true":  # on the pull request's changed lines
        print("\n".join(github_commands([*problems, *left_out])))
    if args.code_quality is not None:
        args.code_quality.write_text(gitlab_code_quality([*problems, *left_out]), encoding="utf-8")
    if problems:
        print(format_report(problems))
        print()
    if left_out:
        print(f"{not_published_heading(first)} / {not_published_heading(second)}")
        print(format_report(left_out))
        print()
    for first_line, second_line in zip(summaries[first], summaries[second], strict=True):
        print(first_line)
        print("    " + second_line)
    return 1 if any(p.severity == "error" for p in problems) else 0


def _read_settings(path: Path | None) -> dict:
    """The UPPERCASE values of a Pelican settings file (plain Python; Pelican is not loaded)."""
    if path is None:
        return {}
    import runpy

    values = runpy.run_path(str(path))
    return {key: value for key, value in values.items() if key.isupper()}


def _display_root(orgdir: Path) -> Path:
    """Name files from the working folder when the content is under it, as typed."""
    cwd = Path.cwd()
    if orgdir.resolve().is_relative_to(cwd.resolve()):
        return cwd
    return orgdir.resolve().parent


# --- new-org --------------------------------------------------------------------------


def run_new_org(args: argparse.Namespace) -> int:
    from kalo.elot743 import slugify
    from organizations.scaffold import scaffold_about, scaffold_profile

    name = " ".join(args.name.split())
    slug = slugify(name)
    if len(name) < 2 or not slug:
        _say(
            'Give the organization\'s name in Greek, e.g. make new-org NAME="Κοινωνική Κουζίνα"',
            'Δώστε την επωνυμία στα ελληνικά, π.χ. make new-org NAME="Κοινωνική Κουζίνα"',
        )
        return 1
    folder = args.orgdir / slug
    if folder.exists():
        _say(
            f"{folder.as_posix()}/ already exists: that organization is already there. "
            "To change it, edit its profile.yaml; for another organization with a similar "
            "name, give a fuller name.",
            f"ο φάκελος {folder.as_posix()}/ υπάρχει ήδη: ο φορέας είναι ήδη καταχωρισμένος. "
            "Για αλλαγές, επεξεργαστείτε το profile.yaml του· για άλλον φορέα με παρόμοια "
            "επωνυμία, δώστε πληρέστερη επωνυμία.",
        )
        return 1
    if not args.orgdir.is_dir():
        _say(
            f"the organizations folder {args.orgdir.as_posix()}/ does not exist",
            f"ο φάκελος των φορέων {args.orgdir.as_posix()}/ δεν υπάρχει",
        )
        return 1
    folder.mkdir()
    (folder / "profile.yaml").write_text(scaffold_profile(name), encoding="utf-8")
    (folder / "about.el.md").write_text(scaffold_about(), encoding="utf-8")
    _say(
        f"Created {folder.as_posix()}/ with profile.yaml and about.el.md. Fill in the fields "
        "marked REQUIRED, add the logo and photos to the folder, then run: make check",
        f"Δημιουργήθηκε ο φάκελος {folder.as_posix()}/ με profile.yaml και about.el.md. "
        "Συμπληρώστε τα πεδία με την ένδειξη ΥΠΟΧΡΕΩΤΙΚΟ, βάλτε λογότυπο και φωτογραφίες στον "
        "φάκελο και τρέξτε: make check",
    )
    return 0


def _say(english: str, greek: str) -> None:
    print(english)
    print("    " + greek)


# --- schema ---------------------------------------------------------------------------


def run_schema(args: argparse.Namespace) -> int:
    from kalo_cli.generated import GENERATED

    for generated in GENERATED:
        path = args.root / generated.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generated.make(), encoding="utf-8")
        print(f"wrote {generated.path}")
    return 0
