"""``frozen.direct_init``: the model's frozen, slotted classes and link verdicts keep the
``__init__`` that ``dataclass`` would give them (parameters, defaults, errors), only faster."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from typing import Any

import pytest

from listbot import model
from listbot.frozen import direct_init
from listbot.model import Link, LinkKind, Span
from listbot.net.policy import Verdict

CLASSES = [
    value
    for value in vars(model).values()
    if isinstance(value, type)
    and dataclasses.is_dataclass(value)
    and value.__module__ == model.__name__
    and "__slots__" in vars(value)
] + [Verdict]


def test_every_slotted_model_class_has_it() -> None:
    assert {cls.__name__ for cls in CLASSES} >= {"Span", "Link", "ListItem", "Entry", "Heading"}
    for cls in CLASSES:
        assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
        assert "_set_" in cls.__init__.__code__.co_names[0]  # not dataclass's own


def sample(spec: dataclasses.Field[Any], index: int) -> object:
    return spec.default if spec.default is not dataclasses.MISSING else f"value {index}"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_same_parameters_and_instances_as_dataclass(cls: type) -> None:
    specs = dataclasses.fields(cls)
    parameters = inspect.signature(cls).parameters
    assert [(p.name, p.default) for p in parameters.values()] == [
        (s.name, inspect.Parameter.empty if s.default is dataclasses.MISSING else s.default)
        for s in specs
    ]
    values = {spec.name: f"value {n}" for n, spec in enumerate(specs)}
    by_keyword = cls(**values)
    by_position = cls(*values.values())
    assert by_keyword == by_position
    assert {name: getattr(by_keyword, name) for name in values} == values
    required = {
        s.name: sample(s, n) for n, s in enumerate(specs) if s.default is dataclasses.MISSING
    }
    defaults = cls(**required)
    for spec in specs:
        if spec.default is not dataclasses.MISSING:
            assert getattr(defaults, spec.name) == spec.default
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(by_keyword, specs[0].name, "changed")
    assert pickle.loads(pickle.dumps(by_keyword)) == by_keyword
    assert dataclasses.replace(by_keyword, **{specs[0].name: "other"}) != by_keyword


def test_missing_and_unknown_arguments_fail_as_before() -> None:
    with pytest.raises(TypeError, match="missing 2 required positional arguments"):
        Span(1, 2)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Link(LinkKind.INLINE, "u", "t", Span(1, 1, 1, 2), colour="red")  # type: ignore[call-arg]


def test_only_plain_fields_are_accepted() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithPostInit:
        value: int

        def __post_init__(self) -> None:
            pass

    for cls in (WithFactory, WithPostInit):
        with pytest.raises(TypeError, match="direct_init"):
            direct_init(cls)
