"""Title comparison forms, blocking keys and the near-equal test."""

from __future__ import annotations

import pytest

from listbot.normalize.titles import (
    blocking_keys,
    near_equal,
    normalize_title,
    similarity,
    title_stem,
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Calibrate before use: Improving few-shot performance of language models",
            "Calibrate Before Use: Improving Few-Shot Performance of Language Models",
        ),
        ('"Language Models are Few-Shot Learners"', "Language Models are Few Shot Learners"),
        ("Openai’s GPT-3 language model", "OpenAI's gpt-3 Language Model"),
        ("Attention Is All You Need v2", "Attention is all you need"),
        ("Attention Is All You Need (v2)", "attention is all you need"),
        ("ＦＵＬＬ width", "full width"),
    ],
)
def test_equal_after_normalisation(first: str, second: str) -> None:
    assert normalize_title(first) == normalize_title(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("GPT-3", "GPT-4"),
        ("Llama 2: Open Foundation", "Llama 3: Open Foundation"),
        ("Scaling laws", "Scaling law"),
    ],
)
def test_different_after_normalisation(first: str, second: str) -> None:
    assert normalize_title(first) != normalize_title(second)


def test_cjk_titles_keep_their_letters() -> None:
    assert normalize_title("《深度学习》：入门") == "深度学习 入门"


def test_stem_drops_a_trailing_subtitle() -> None:
    assert title_stem("Chinchilla: Training Compute-Optimal Models") == "chinchilla"
    assert title_stem("A - B") == "a"
    assert title_stem("No subtitle here") == "no subtitle here"


def test_blocking_keys_need_four_words() -> None:
    assert blocking_keys("awesome go") == ()
    keys = blocking_keys("language models are few shot learners")
    assert keys == ("^language models are", "$few shot learners")


def test_near_equal() -> None:
    a = normalize_title("Language Models are Few-Shot Learners")
    assert near_equal(a, normalize_title("Language Model are Few-Shot Learners"))
    assert near_equal(a, normalize_title("Languge Models are Few-Shot Learners"))
    assert not near_equal(a, a)  # equal is not "near"
    # numbered works differ in their numbers, however alike the rest is
    assert not near_equal("qwen2 technical report", "qwen2 5 technical report")
    assert not near_equal("gpt 3 technical report", "gpt 4 technical report")
    assert not near_equal(a, normalize_title("Language Models are Unsupervised Multitask Learners"))
    assert similarity(a, a) == 1.0
    assert 0.0 <= similarity(a, "x") < 0.5
