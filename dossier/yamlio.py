"""Safe YAML in (with line numbers for errors), deterministic YAML out, atomic writes."""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DossierError, Problem

# Editorial files are small; anything bigger is a mistake (or an attack) and is refused early.
MAX_YAML_BYTES = 5 * 1024 * 1024


# libyaml (shipped in PyYAML's wheels) parses about six times faster than the pure-Python parser.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that refuses duplicate keys (PyYAML silently keeps the last one)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (first at line {seen[key]})", key_node.start_mark
                )
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


class YamlDocument:
    """A parsed YAML document that can point back to the line of any value."""

    def __init__(self, path: Path, data: Any, root: yaml.Node | None, line_offset: int = 0):
        self.path = path
        self.data = data
        self.root = root
        self.line_offset = line_offset

    def line_of(self, loc: Iterable[str | int]) -> int | None:
        """Line (1-based) of the value at a pydantic error location, or of its nearest parent."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            child = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == part:
                        child = value_node if not isinstance(value_node, yaml.ScalarNode) else value_node
                        line = key_node.start_mark.line + 1
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                child = node.value[part]
                line = child.start_mark.line + 1
            if child is None:
                break
            node = child
        return None if line is None else line + self.line_offset

    def validate(self, model: type[BaseModel], context: dict[str, Any] | None = None) -> BaseModel:
        """Validate against a pydantic model; every problem reported with its line."""
        try:
            return model.model_validate(self.data, context=context)
        except ValidationError as exc:
            raise DossierError([self.problem(err["loc"], _describe(err)) for err in exc.errors()]) from None

    def problem(self, loc: Iterable[str | int], message: str) -> Problem:
        return Problem(self.path, self.line_of(loc), message)


def _describe(err: dict[str, Any]) -> str:
    where = ".".join(str(p) for p in err["loc"])
    if err["type"] == "extra_forbidden":
        return f"unknown field '{err['loc'][-1]}'"
    msg = err["msg"]
    return f"{where}: {msg}" if where else msg


def parse_yaml(text: str, path: Path, line_offset: int = 0) -> YamlDocument:
    """Parse YAML text safely: no Python tags, no aliases (no 'billion laughs'), no duplicate keys."""
    path = Path(path)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise DossierError.at(path, None, f"file is larger than {MAX_YAML_BYTES // (1024 * 1024)} MB")
    try:
        for event in yaml.parse(text, Loader=_SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise DossierError.at(
                    path, event.start_mark.line + 1 + line_offset, "YAML anchors and aliases (&, *) are not allowed"
                )
        loader = _StrictLoader(text)
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise DossierError.at(path, line, f"invalid YAML: {message}", column) from None
    except yaml.YAMLError as exc:
        raise DossierError.at(path, None, f"invalid YAML: {exc}") from None
    return YamlDocument(path, data, root, line_offset)


def read_yaml(path: Path) -> YamlDocument:
    path = Path(path)
    if path.stat().st_size > MAX_YAML_BYTES:
        raise DossierError.at(path, None, f"file is larger than {MAX_YAML_BYTES // (1024 * 1024)} MB")
    return parse_yaml(read_text(path), path)


def read_text(path: Path) -> str:
    """Read UTF-8 text; a wrong encoding is reported with the line it occurs on."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DossierError.at(path, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


class _PyDumper(yaml.SafeDumper):
    """Block style, unicode kept; lists directly under their key (PyYAML's and libyaml's default)."""


_PyDumper.add_representer(str, _str_presenter)
_Dumper: type = _PyDumper
if hasattr(yaml, "CSafeDumper"):
    # libyaml writes the same text (tested) three times faster.
    class _CDumper(yaml.CSafeDumper):  # type: ignore[misc, valid-type]
        pass

    _CDumper.add_representer(str, _str_presenter)
    _Dumper = _CDumper


def dump_yaml(data: Any, header: str = "", *, dumper: type | None = None) -> str:
    """Deterministic YAML: key order as given, no line folding, unicode as is."""
    body = yaml.dump(data, Dumper=dumper or _Dumper, allow_unicode=True, sort_keys=False, width=1_000_000,
                     default_flow_style=False)
    return header + body


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write bytes to path via a temporary file and rename: readers see the old or the new file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_cache_pickle(path: Path, value: object) -> None:
    """Pickle a cache file under .cache/ atomically; a cache is only an optimisation, so a folder
    that cannot be written (a read-only checkout) is not an error."""
    try:
        write_bytes_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass


def write_atomic(path: Path, text: str) -> bool:
    """Write text to path via a temporary file and rename; returns False when unchanged."""
    path = Path(path)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
