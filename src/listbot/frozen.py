"""A faster ``__init__`` for frozen, slotted dataclasses (the document model, verdicts)."""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any, TypeVar

C = TypeVar("C", bound=type)


def direct_init(cls: C) -> C:
    """Give a frozen, slotted dataclass an ``__init__`` that fills its slots directly.

    A frozen dataclass sets each field with ``object.__setattr__(self, "name", value)``,
    which looks the name up again on every call; the parser makes a few objects per entry
    (a link, its span, its item) and the link checker one verdict per URL, and that lookup
    was a twentieth of parsing a list. This ``__init__`` calls each slot's own setter
    instead: the same parameters and defaults, the same instances, and assignment
    afterwards still raises.
    """
    setters: dict[str, Any] = {}
    parameters: list[str] = []
    assignments: list[str] = []
    for spec in fields(cls):
        if not spec.init or spec.default_factory is not MISSING or spec.kw_only is True:
            raise TypeError(f"direct_init: {cls.__name__}.{spec.name} is not a plain field")
        setters[f"_set_{spec.name}"] = cls.__dict__[spec.name].__set__
        if spec.default is MISSING:
            parameters.append(spec.name)
        else:
            setters[f"_default_{spec.name}"] = spec.default
            parameters.append(f"{spec.name}=_default_{spec.name}")
        assignments.append(f"    _set_{spec.name}(self, {spec.name})")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"direct_init: {cls.__name__} has __post_init__")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + "\n".join(assignments)
    exec(source, setters)  # the text is built from field names only
    init = setters["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init  # type: ignore[misc]
    return cls
