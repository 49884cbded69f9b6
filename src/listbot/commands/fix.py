"""``listbot lint --fix`` and ``--diff``: fix files on disk, byte for byte, or show the diff.

Each file is read as bytes and decoded (BOM noted), fixed with :func:`listbot.fix.fix_text`,
encoded back with the same BOM, and written atomically only when it changed. Unless
``--offline``, the network checks run first and their fixable findings (permanent
redirects, moved repositories) join the first pass of fixes. ``--diff`` prints a unified
diff, writes nothing, and exits 1 when there is something to fix (as ruff does).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

from listbot.api import RunResult, lint_paths
from listbot.commands.common import network_options, notice, report, write_output
from listbot.config import Config
from listbot.findings import Applicability, Finding
from listbot.fix import BOM, FixResult, FixVerificationError, fix_text, split_lines
from listbot.parse import read_companions
from listbot.source import InputError, read_source
from listbot.textio import write_bytes_atomic


def network_fixes(
    paths: Sequence[Path], config: Config, options: dict[str, object]
) -> tuple[dict[str, list[Finding]], RunResult]:
    """The network checks' findings per file, and the run (for its notices and errors)."""
    from listbot.rules import get_rule

    run = lint_paths(paths, config, offline=False, options=options)
    by_file: dict[str, list[Finding]] = {}
    for finding in run.findings:
        rule = get_rule(finding.rule)
        if rule is None or not rule.network:
            continue
        by_file.setdefault(finding.file, []).append(finding)
    return by_file, run


def unified_diff(path: str, before: str, after: str) -> str:
    """A ``diff -u`` of two texts, line endings as they are, ``\\ No newline`` marked."""
    lines = difflib.unified_diff(
        split_lines(before), split_lines(after), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    out: list[str] = []
    for line in lines:
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def encode(text: str) -> bytes:
    """Text (with its BOM, if any, as the first character) to the bytes of the file."""
    return text.encode("utf-8")


def _applicable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (unsafe or finding.fix.applicability is Applicability.SAFE)


def _moved(finding: Finding, result: FixResult) -> Finding:
    """A finding of the original text, placed on the fixed text (its stale fix dropped)."""
    if not result.maps:
        return finding
    return finding.with_(span=result.map_span(finding.span), fix=None)


def run_fix_command(args: argparse.Namespace, paths: Sequence[Path], config: Config) -> int:
    """Fix (or diff) every file; report what is left; return the exit code."""
    unsafe = bool(getattr(args, "unsafe_fixes", False))
    offline = bool(getattr(args, "offline", False))
    result = RunResult()
    from_network: dict[str, list[Finding]] = {}
    if not offline:
        from_network, run = network_fixes(paths, config, network_options(args))
        result.notices.extend(run.notices)
        result.fatal = run.fatal
    fixed_total = 0
    diffs: list[str] = []
    for path in paths:
        try:
            source = read_source(path)
        except InputError as error:
            result.input_errors.append(str(error))
            continue
        original = (BOM if source.bom else "") + source.text
        network = from_network.get(source.path, [])
        try:
            fixed = fix_text(
                original,
                source.path,
                config,
                unsafe=unsafe,
                extra=[f for f in network if _applicable(f, unsafe)],
                companions=read_companions(Path(path)),
            )
        except FixVerificationError as error:
            result.input_errors.append(
                f"{source.path}: fixes not applied, the file is unchanged: {error}. "
                "This is a bug in listbot; please report it with the file."
            )
            continue
        fixed_total += fixed.applied
        if fixed.document is not None:
            result.documents.append(fixed.document)
            result.notices.extend(fixed.document.notices)
        changed = fixed.text != original
        if args.diff:
            if changed:
                diffs.append(unified_diff(source.path, original, fixed.text))
            result.findings.extend(fixed.remaining)
            continue
        if changed:
            write_bytes_atomic(Path(path), encode(fixed.text))
        applied_network = {id(f) for f in fixed.fixed_extra}
        left = [_moved(f, fixed) for f in network if id(f) not in applied_network]
        result.findings.extend([*fixed.remaining, *left])
    result.findings.sort(key=Finding.sort_key)
    if args.diff:
        return _finish_diff(args, result, diffs, fixed_total)
    return report(args, result, fixed=fixed_total)


def _finish_diff(args: argparse.Namespace, result: RunResult, diffs: list[str], fixed: int) -> int:
    for error in result.input_errors:
        print(f"listbot: error: {error}", file=sys.stderr)
    write_output(args, "".join(diffs))
    if fixed:
        notice(args, f"would fix {fixed} finding{'' if fixed == 1 else 's'}")
    if result.input_errors or result.fatal:
        return 2
    return 1 if diffs else 0
