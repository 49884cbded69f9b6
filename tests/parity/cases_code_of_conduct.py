"""awesome-lint's code-of-conduct tests (test/rules/code-of-conduct.test.js), restated with
our own code of conduct of the same shape: the contact address on line 58."""

from __future__ import annotations

from tests.parity.harness import Case, pairs

RULE = ("code-of-conduct",)
SOURCE = "test/fixtures/code-of-conduct/"
LIST = "# Awesome Birds\n\n- [Heron](https://heron.example) - Stands still for hours.\n"


def conduct(address: str) -> str:
    """Our own code of conduct: a title, 53 promises, and the contact on line 58."""
    promises = "\n".join(
        f"{n}. We promise to treat every birder kindly, rule {n}." for n in range(1, 54)
    )
    return (
        "# Birdwatchers' Code of Conduct\n\n"
        + promises
        + "\n\n"
        + "Report unkind behaviour to the people who keep this list by writing\n"
        + f"to {address}. Every report is read and answered.\n\n"
        + "Thank you for keeping the hide quiet.\n"
    )


def _case(fixture: str, companions: dict[str, str], *found: int, **more: object) -> Case:
    return Case(
        SOURCE + fixture,
        RULE,
        LIST,
        pairs(*(("awesome-code-of-conduct", line) for line in found)),
        companions=companions,
        **more,  # type: ignore[arg-type]
    )


CASES = [
    # "code-of-conduct - invalid if empty"
    _case("error0", {"code-of-conduct.md": ""}, 1),
    # "code-of-conduct - invalid if has placeholder" (skipped in awesome-lint 2.3.0, which
    # looks for a reference link and so reports nothing; its expectation is line 58)
    _case("error1", {"code-of-conduct.md": conduct("[INSERT EMAIL ADDRESS]")}, 58),
    # "code-of-conduct - invalid if just copied" (skipped too; 2.3.0 prints it at line 57,
    # where the paragraph holding the address starts; the expectation is line 58)
    _case("error2", {"code-of-conduct.md": conduct("sindresorhus@gmail.com")}, 58),
    # "code-of-conduct - valid if missing"
    _case("valid0", {}),
    # "code-of-conduct - valid if replaced"
    _case("valid1", {"code-of-conduct.md": conduct("wardens@birds.example")}),
    # "code-of-conduct - valid if is sindresorhus himself": package.json names the owner.
    _case(
        "valid2",
        {
            "code-of-conduct.md": conduct("sindresorhus@gmail.com"),
            "package.json": '{\n\t"repository": "sindresorhus/awesome-birds"\n}\n',
        },
    ),
    # "code-of-conduct - valid with another file name"
    _case("valid3", {"code_of_conduct.md": conduct("wardens@birds.example")}),
    # "code-of-conduct - valid with another folder"
    _case("valid4", {".github/code-of-conduct.md": conduct("wardens@birds.example")}),
]
