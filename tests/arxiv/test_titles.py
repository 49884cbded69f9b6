"""Pure parts of the arXiv check: title matching, claims, link forms, batches, records, options."""

from __future__ import annotations

from datetime import date

import pytest

from listbot.checks.arxiv_plan import (
    ids_to_fetch,
    is_fresh,
    is_withdrawn,
    plan_batches,
    record_from_fields,
)
from listbot.checks.arxiv_rules import RULES, ArxivOptions
from listbot.checks.arxiv_titles import (
    is_title_like,
    label_conflict,
    label_names,
    same_paper,
    title_claims,
)
from listbot.config import ConfigError, config_from_mapping
from listbot.normalize.arxiv_ids import parse_arxiv_id
from listbot.normalize.arxiv_refs import collect_refs, link_forms
from tests.arxiv.docs import make_document

THRESHOLD = ArxivOptions().title_similarity


@pytest.mark.parametrize(
    ("claimed", "actual"),
    [
        ("Language Models are Few-Shot Learners", "Language Models are Few-Shot Learners"),
        ('"language models are few shot learners"', "Language Models are Few-Shot Learners"),
        ("Data-centric Artificial Intelligence", "Data-centric Artificial Intelligence: A Survey"),
        ("Scaling laws for neural language models v2", "Scaling Laws for Neural Language Models"),
        ("{BERT}: Pre-training of Deep Bidirectional Transformers", "BERT: Pre-training of Deep "
         "Bidirectional Transformers for Language Understanding"),
        ("Self-Instruct: Aligning Language Model with Self Generated Instructions",
         "Self-Instruct: Aligning Language Models with Self-Generated Instructions"),
        ("LLM for Patient-Trial Matching: Privacy-Aware Data Augmentation Towards Better "
         "Performance and Generalizability", "Large Language Models for Healthcare Data "
         "Augmentation: An Example on Patient-Trial Matching"),
    ],
)  # fmt: skip
def test_same_paper_written_differently(claimed: str, actual: str) -> None:
    assert same_paper(claimed, actual, THRESHOLD)


@pytest.mark.parametrize(
    ("claimed", "actual"),
    [
        ("Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism",
         "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models"),
        ("Reducing Activation Recomputation in Large Transformer Models",
         "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM"),
        ("The Flan Collection: Designing Data and Methods for Effective Instruction Tuning",
         "Atlas: Few-shot Learning with Retrieval Augmented Language Models"),
        ("Training Compute-Optimal Large Language Models",
         "Scaling Laws for Neural Language Models"),
    ],
)  # fmt: skip
def test_different_papers(claimed: str, actual: str) -> None:
    assert not same_paper(claimed, actual, THRESHOLD)


@pytest.mark.parametrize(
    "text", ["mC4 (english)", "The Stack", "Paper", "Tech.Report", "PDF", "OPT-1.3|6.7|13|30|66B"]
)
def test_names_and_generic_link_texts_are_not_titles(text: str) -> None:
    assert not is_title_like(text)


def test_labels() -> None:
    albert = "ALBERT: A Lite BERT for Self-supervised Learning of Language Representations"
    assert label_conflict("RoBERTa", albert)
    assert not label_conflict("ALBERT", albert)
    assert label_names("ALBERT", albert) and not label_names("RoBERTa", albert)
    assert not label_conflict("GLM", "GLM-130B: An Open Bilingual Pre-trained Model")
    assert not label_conflict("LLaMA 2", "Llama 2: Open Foundation and Fine-Tuned Chat Models")
    assert not label_conflict("GPT-3", "Language Models are Few-Shot Learners")
    assert not label_conflict("Gopher", "Scaling Language Models: Methods, Analysis & Insights")


def test_claims_come_from_bold_then_link_text_then_plain_text_before() -> None:
    doc = make_document(
        "- RoBERTa **ALBERT: A Lite BERT for Self-supervised Learning**, 2019, [Paper](https://arxiv.org/abs/1909.11942)\n"
        "- [Tree of Thoughts: Deliberate Problem Solving](https://arxiv.org/pdf/2305.10601.pdf)\n"
        "- Some Plain Title Of A Paper, NeurIPS 2020. [Paper](https://arxiv.org/abs/2005.14165)\n"
        "- [A blog post about the paper](https://example.org) ([Paper](https://arxiv.org/abs/2006.14109))\n"
        "- **mC4** [mC4](https://arxiv.org/abs/2010.11934)\n"
    )  # fmt: skip
    claims = [title_claims(ref.entry, ref.link) for ref in collect_refs(doc) if ref.link]
    assert [(c.title, c.source, c.label) for c in claims] == [
        ("ALBERT: A Lite BERT for Self-supervised Learning", "bold", "RoBERTa"),
        ("Tree of Thoughts: Deliberate Problem Solving", "link", None),
        ("Some Plain Title Of A Paper", "before", None),
        (None, "", None),
        (None, "", None),
    ]


def test_refs_in_text_code_is_skipped_and_shared_entries_marked() -> None:
    doc = make_document(
        "See arXiv:2005.14165 and [x](https://arxiv.org/abs/2005.14165).\n"
        "```\narXiv:1706.03762\n```\n"
        "- **Two papers** [A](https://arxiv.org/abs/1706.03762) [B](https://arxiv.org/abs/1810.04805)\n"
    )  # fmt: skip
    refs = collect_refs(doc)
    assert [(r.span.line, r.written, r.shared_entry) for r in refs] == [
        (1, "2005.14165", False),
        (5, "1706.03762", True),
        (5, "1810.04805", True),
    ]


def test_ids_to_fetch_skips_invalid_future_and_cached() -> None:
    doc = make_document(
        "- [a](https://arxiv.org/abs/2005.14165v2) [b](https://arxiv.org/pdf/2005.14165)\n"
        "- [c](https://arxiv.org/abs/1412.12345) [d](https://arxiv.org/abs/2901.00001)\n"
        "- [e](https://arxiv.org/abs/hep-th/9901001) [f](https://arxiv.org/abs/1706.03762)\n"
    )
    refs = collect_refs(doc)
    today = date(2026, 4, 15)
    assert ids_to_fetch(refs, today) == ["1706.03762", "2005.14165", "hep-th/9901001"]
    assert ids_to_fetch(refs, today, cached=["1706.03762"]) == ["2005.14165", "hep-th/9901001"]


def test_plan_batches() -> None:
    ids = [f"2301.{n:05d}" for n in range(205, 0, -1)] + ["2301.00001"]
    batches = plan_batches(ids, 100)
    assert [len(b) for b in batches] == [100, 100, 5]
    assert sorted(i for b in batches for i in b) == sorted(set(ids))
    assert plan_batches([], 100) == []


@pytest.mark.parametrize(
    ("url", "forms"),
    [
        ("https://arxiv.org/abs/2005.14165", []),
        ("https://arxiv.org/pdf/2005.14165.pdf", ["pdf"]),
        ("http://export.arxiv.org/abs/2005.14165v3", ["versioned", "http", "host"]),
        ("https://arxiv.org/html/2402.06196v1", ["html", "versioned"]),
        ("https://ar5iv.labs.arxiv.org/html/2005.14165", ["mirror"]),
        ("https://doi.org/10.48550/arXiv.2005.14165", []),
    ],
)
def test_link_forms(url: str, forms: list[str]) -> None:
    from listbot.normalize.arxiv_ids import arxiv_id_from_url

    arxiv_id = arxiv_id_from_url(url)
    assert arxiv_id is not None
    assert link_forms(url, arxiv_id) == forms


def test_withdrawal_notices() -> None:
    assert is_withdrawn("This paper has been withdrawn by the author", None)
    assert is_withdrawn(None, "Withdrawn due to a flaw in Lemma 2.")
    assert is_withdrawn("withdrawn by arXiv admin", "")
    assert not is_withdrawn("12 pages", "We study drugs withdrawn from the market.")


def test_records_and_freshness() -> None:
    record = record_from_fields(
        version=3,
        title="A  title\n  on two lines",
        published=date(2020, 12, 31),
        journal_ref=None,
        doi="10.1/x",
        comment=None,
        summary="An abstract.",
        fetched=1000.0,
    )
    assert record["title"] == "A title on two lines"
    assert record["published"] == "2020-12-31" and record["withdrawn"] is False
    options = ArxivOptions(cache_days=30, not_found_cache_days=1)
    assert is_fresh(record, 1000.0 + 29 * 86400, options)
    assert not is_fresh(record, 1000.0 + 31 * 86400, options)
    missing = {"found": False, "fetched": 1000.0}
    assert is_fresh(missing, 1000.0 + 3600, options)
    assert not is_fresh(missing, 1000.0 + 2 * 86400, options)
    assert not is_fresh({"found": True}, 1000.0, options)


def test_arxiv_table_in_config() -> None:
    config = config_from_mapping(
        {"arxiv": {"api_url": "http://127.0.0.1:9/api/query", "batch_size": 50, "delay": 0}}
    )
    options = config.section("arxiv")
    assert (options.batch_size, options.delay) == (50, 0)
    assert options.api_url == "http://127.0.0.1:9/api/query"


@pytest.mark.parametrize(
    ("table", "says"),
    [
        ({"batch_size": 5000}, "batch_size"),
        ({"title_similarity": 2}, "title_similarity"),
        ({"api_url": "ftp://x"}, "api_url"),
        ({"batch_sise": 10}, "batch_sise"),
    ],
)
def test_bad_arxiv_options_name_the_key(table: dict[str, object], says: str) -> None:
    with pytest.raises(ConfigError, match=says) as error:
        config_from_mapping({"arxiv": table}, source="listbot.toml")
    assert "listbot.toml" in str(error.value) and "[arxiv]" in str(error.value)


def test_rules_are_documented_network_rules() -> None:
    assert [rule.id for rule in RULES] == [
        "arxiv-not-found",
        "arxiv-title-mismatch",
        "arxiv-withdrawn",
        "arxiv-published",
    ]
    for rule in RULES:
        assert rule.network
        assert "## What it does" in rule.doc and "## Why is this bad?" in rule.doc
    assert [rule.id for rule in RULES if not rule.enabled] == ["arxiv-published"]
    assert parse_arxiv_id("2005.14165") is not None


def test_link_form_options_are_the_rules_own() -> None:
    config = config_from_mapping({"rules": {"arxiv-link-form": {"forms": ["pdf", "mirror"]}}})
    assert config.rule_options("arxiv-link-form").forms == ("pdf", "mirror")
    with pytest.raises(ConfigError, match="gopher"):
        config_from_mapping({"rules": {"arxiv-link-form": {"forms": ["gopher"]}}})
