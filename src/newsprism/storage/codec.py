"""Round-trip any model dataclass to plain JSON-able data and back (storage, Dask, the API).

`to_data` turns dataclasses into dicts and tuples into lists; `from_data(cls, data)` rebuilds
the typed value from the field annotations. The report's public form is `report.py`'s job.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import threading
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


_PLAIN = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass type's field names; None for any other type."""
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def to_data(value: Any) -> Any:
    cls = value.__class__
    if cls in _PLAIN:
        return value
    if cls is tuple or cls is list:
        return [v if v.__class__ in _PLAIN else to_data(v) for v in value]
    names = _field_names(cls)
    if names is not None:
        return {name: to_data(getattr(value, name)) for name in names}
    if isinstance(value, (tuple, list)):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, collections.abc.Sequence) and not isinstance(value, (str, bytes)):
        return [to_data(v) for v in value]  # stories held packed (storage.packed), one at a time
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


Decoder = typing.Callable[[Any], Any]


def _same(data: Any) -> Any:
    return data


def _to_float(data: Any) -> Any:
    return float(data) if isinstance(data, int) else data


_DECODERS: dict[Any, Decoder] = {}  # finished decoders, read without the lock
_PENDING: dict[Any, Decoder] = {}  # those of the build under way (under _LOCK)
_LOCK = threading.RLock()


def _decoder(cls: Any) -> Decoder:
    """The function that rebuilds a `cls` from `to_data` output, built once per type (reading
    the annotations on every value made decoding stored facts the slowest part of a load).
    Built by one thread at a time, and published when the outermost type is done: the web
    app's threads once found another thread's self-referring placeholder and called it
    (RecursionError, a story page answered 500; issue 23)."""
    got = _DECODERS.get(cls)
    if got is not None:
        return got
    with _LOCK:
        got = _DECODERS.get(cls) or _PENDING.get(cls)
        if got is not None:
            return got
        outermost = not _PENDING
        # a placeholder first, so a type that refers to itself finds an entry; it is called
        # only when decoding, after the build is published
        _PENDING[cls] = lambda data: _DECODERS[cls](data)
        try:
            got = _PENDING[cls] = _build(cls)
            if outermost:
                _DECODERS.update(_PENDING)
        finally:
            if outermost:
                _PENDING.clear()
        return got


def _build(cls: Any) -> Decoder:
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(cls) if a is not type(None)]
        return _decoder(args[0]) if len(args) == 1 else _same
    if origin is typing.Literal:
        return _same
    if origin is collections.abc.Sequence:  # `Report.stories`: decoded as a tuple
        each = _decoder(typing.get_args(cls)[0])
        return lambda data: None if data is None else tuple(
            None if v is None else each(v) for v in data)
    if origin is tuple:
        parts = typing.get_args(cls)
        if len(parts) == 2 and parts[1] is Ellipsis:
            item = _decoder(parts[0])
            if item is _same:
                return lambda data: None if data is None else tuple(data)
            return lambda data: None if data is None else tuple(
                None if v is None else item(v) for v in data)
        items = [_decoder(a) for a in parts]
        return lambda data: None if data is None else tuple(
            None if v is None else d(v) for d, v in zip(items, data, strict=True))
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        hints = _hints(cls)
        fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls)]

        def dataclass_from(data: Any) -> Any:
            if data is None:
                return None
            kwargs = {}
            for name, dec in fields:
                if name in data:
                    v = data[name]
                    kwargs[name] = v if v is None or dec is _same else dec(v)
            return cls(**kwargs)
        return dataclass_from
    if cls is float:
        return _to_float
    return _same


def from_data(cls: Any, data: Any) -> Any:
    """Rebuild a value of type `cls` (a dataclass, tuple[...] or plain type) from `to_data`."""
    if data is None:
        return None
    return _decoder(cls)(data)


def load(cls: type[T], data: Any) -> T:
    return typing.cast(T, from_data(cls, data))
