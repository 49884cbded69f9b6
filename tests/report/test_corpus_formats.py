"""Every format on the real lists' findings; SARIF through ``listbot lint --format sarif``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from listbot.api import lint_paths
from listbot.cli import main
from listbot.config import Config
from listbot.report import ReportContext, render
from tests.conftest import corpus_params
from tests.report.test_formats import SCHEMA


@pytest.fixture(scope="module")
def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip("../shared/fixtures/sarif is absent")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


@pytest.mark.parametrize("source", corpus_params())
def test_corpus_in_every_format(source: Path, sarif_validator, tmp_path: Path) -> None:
    output = tmp_path / "report.sarif"
    args = ["lint", "--offline", "--exit-zero", "--format", "sarif", "--output", str(output)]
    assert main([*args, str(source)]) == 0
    sarif = json.loads(output.read_text(encoding="utf-8"))
    sarif_validator.validate(sarif)
    findings = lint_paths([source], Config(), offline=True).findings
    results = sarif["runs"][0]["results"]
    located = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]) for r in results]
    assert located == [
        (
            f.rule,
            {
                "startLine": f.line,
                "startColumn": f.column,
                "endLine": f.end_line,
                "endColumn": f.end_column,
            },
        )
        for f in findings
    ]
    prints = [r["partialFingerprints"]["listbot/v1"] for r in results]
    assert len(set(prints)) == len(prints), "two findings share a fingerprint"

    context = ReportContext(files=(str(source),))
    rdjson = json.loads(render("rdjson", findings, context))
    assert len(rdjson["diagnostics"]) == len(findings)

    annotations = render("github", findings, context).splitlines()
    assert len(annotations) == len(findings)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in annotations)

    markdown = render("markdown", findings, context)
    for rule in {f.rule for f in findings}:
        assert f"### [`{rule}`]" in markdown
    rows = [line for line in markdown.splitlines() if line.startswith("| [")]
    assert len(rows) == len(findings)
