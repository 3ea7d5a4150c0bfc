"""The indicator registry: what each indicator is called, where it comes from, and how it is counted.

The metadata lives in layouts/indicators.yaml so that the leeswijzer, the 'Bron' lines and the
method-change pages are edited as text, not code. Loading checks every field and reports all
problems at once, each with file, line and key.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import yaml

from reportgen.errors import LayoutError, Problem
from reportgen.indicators.catalog import INDICATOR_FUNCTIONS, IndicatorFunction
from reportgen.problems import Collector
from reportgen.yamlfile import compose_with_lines, read_text, syntax_error

DEFAULT_REGISTRY = Path(__file__).resolve().parents[2] / "layouts" / "indicators.yaml"
PEILDATUM_FIELDS = ("jaar", "vorig_jaar", "twee_jaar_terug")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
TEXT_KEYS = ("title", "unit", "bron", "peildatum", "toelichting")
KEYS = (*TEXT_KEYS, "functie", "methoden")
OPTIONAL_KEYS = ("regioanalyse",)
METHOD_KEYS = ("editie", "samenvatting", "beschrijving")
KIND_FUNCTIONS = "reportgen.kinds."
"""Package prefix of the modules a `functie` of the form `module:function` may name."""


@dataclass(frozen=True)
class MethodVersion:
    """One way of computing an indicator, used from edition `editie` on."""

    editie: int
    samenvatting: str
    beschrijving: str


@dataclass(frozen=True)
class IndicatorMeta:
    """Everything printed about an indicator besides its value.

    `bron` may name several sources separated by ';'. `functie` is the name of the function in
    the indicator catalog, or None for entries that only document an analysis of the
    Regioanalyse. `methoden` runs from the original method to the latest change.
    `regioanalyse` names the indicators of the Regioanalyse that show the same figure: the
    leeswijzer of another document cites the pages where those appear (empty: not in it).
    """

    id: str
    title: str
    unit: str
    bron: str
    peildatum: str
    toelichting: str
    regioanalyse: tuple[str, ...]
    methoden: tuple[MethodVersion, ...]
    functie: str | None

    @property
    def bronnen(self) -> tuple[str, ...]:
        """The sources one by one."""
        return tuple(part.strip() for part in self.bron.split(";") if part.strip())

    @property
    def function(self) -> IndicatorFunction | Callable | None:
        """The function computing this indicator, None for registry-only entries."""
        return function_named(self.functie) if self.functie else None


def function_named(name: str) -> IndicatorFunction | Callable | None:
    """The function a `functie` value names, or None when there is none.

    A plain name is a function of the Regioplan catalog; `module:function` with a module under
    KIND_FUNCTIONS is a document kind's own figure function (e.g. the Regioanalyse GZ's
    `reportgen.kinds.regioanalyse_gz.figures.capacity:gz_capaciteit`), imported only when asked
    for, so the registry names no kind in code.
    """
    if name in INDICATOR_FUNCTIONS:
        return INDICATOR_FUNCTIONS[name]
    module_name, colon, attribute = name.partition(":")
    if not (colon and module_name.startswith(KIND_FUNCTIONS) and attribute.isidentifier()):
        return None
    try:
        module = import_module(module_name)
    except ImportError:
        return None
    found = getattr(module, attribute, None)
    return found if callable(found) else None


def methods_changed_since(meta: IndicatorMeta, edition: int) -> list[MethodVersion]:
    """Method changes that took effect after the previous edition, up to and including `edition`.

    The first version is the original method, never a change.
    """
    return [m for m in meta.methoden[1:] if edition - 1 < m.editie <= edition]


def peildatum_text(meta: IndicatorMeta, edition: int) -> str:
    """The reference date of an edition as printed, e.g. "januari 2022 t/m februari 2023"."""
    return meta.peildatum.format(jaar=edition, vorig_jaar=edition - 1, twee_jaar_terug=edition - 2)


class _Checker(Collector):
    """Reads nodes of one file into values, collecting problems with their line."""

    def problem(self, node: yaml.Node, message: str) -> None:
        self.add(node.start_mark.line + 1, message)

    def mapping(self, node: yaml.Node, where: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Key -> (key node, value node); non-text and repeated keys are problems."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{where}: expected a mapping of keys, got {_kind(node)}")
            return {}
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, f"{where}: keys must be text")
            elif key_node.value in result:
                self.problem(key_node, f"{where}: key '{key_node.value}' appears twice")
            else:
                result[key_node.value] = (key_node, value_node)
        return result

    def text(self, node: yaml.Node, where: str, one_line: bool = False) -> str:
        """A non-empty text value."""
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and node.value.strip()):
            self.problem(node, f"{where}: expected non-empty text, got {_kind(node)}")
            return ""
        value = node.value.strip()
        if one_line and "\n" in value:
            self.problem(node, f"{where}: must be a single line")
        return value

    def integer(self, node: yaml.Node, where: str, minimum: int = 1) -> int:
        """A whole number of at least `minimum`."""
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int")):
            self.problem(node, f"{where}: expected a whole number, got {_kind(node)}")
            return 0
        value = int(node.value.replace("_", ""), 0)
        if value < minimum:
            self.problem(node, f"{where}: must be at least {minimum}, got {value}")
        return value

    def keys(
        self, fields: dict, required: tuple[str, ...], node: yaml.Node, where: str, optional: tuple[str, ...] = ()
    ) -> bool:
        """Report missing and unknown keys; True when all required keys are present."""
        for key, (key_node, _) in fields.items():
            if key not in required and key not in optional:
                known = ", ".join((*required, *optional))
                self.problem(key_node, f"{where}: unknown key '{key}' (expected one of {known})")
        missing = [k for k in required if k not in fields]
        for key in missing:
            self.problem(node, f"{where}: key '{key}' is missing")
        return not missing


def _kind(node: yaml.Node) -> str:
    """What a node holds, for messages."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag.endswith(":null"):
        return "nothing"
    return repr(node.value)


def _peildatum(check: _Checker, node: yaml.Node, where: str) -> str:
    """A date template using only the known fields."""
    value = check.text(node, where, one_line=True)
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError as exc:
        check.problem(node, f"{where}: not a valid template ({exc})")
        return value
    unknown = sorted(names - set(PEILDATUM_FIELDS))
    if unknown:
        known = ", ".join("{" + f + "}" for f in PEILDATUM_FIELDS)
        check.problem(node, f"{where}: unknown field {{{unknown[0]}}}; use {known}")
    return value


def _methods(check: _Checker, node: yaml.Node, where: str) -> tuple[MethodVersion, ...]:
    """The method versions, oldest first, editions strictly increasing."""
    if not (isinstance(node, yaml.SequenceNode) and node.value):
        check.problem(node, f"{where}: expected a non-empty list of method versions, got {_kind(node)}")
        return ()
    versions: list[MethodVersion] = []
    for i, item in enumerate(node.value):
        item_where = f"{where}[{i}]"
        fields = check.mapping(item, item_where)
        if not check.keys(fields, METHOD_KEYS, item, item_where):
            continue
        editie_node = fields["editie"][1]
        editie = check.integer(editie_node, f"{item_where}, key 'editie'", minimum=2000)
        if versions and editie <= versions[-1].editie:
            check.problem(editie_node, f"{item_where}, key 'editie': {editie} must come after {versions[-1].editie}")
        summary = check.text(fields["samenvatting"][1], f"{item_where}, key 'samenvatting'", one_line=True)
        description = check.text(fields["beschrijving"][1], f"{item_where}, key 'beschrijving'")
        versions.append(MethodVersion(editie, summary, " ".join(description.split())))
    return tuple(versions)


def _indicator(check: _Checker, ident: str, id_node: yaml.Node, node: yaml.Node) -> IndicatorMeta | None:
    """One entry, or None when it has problems; missing keys are reported at the id's line."""
    where = f"indicator '{ident}'"
    before = len(check.problems)
    fields = check.mapping(node, where)
    if not fields or not check.keys(fields, KEYS, id_node, where, OPTIONAL_KEYS):
        return None
    texts = {}
    for key in TEXT_KEYS:
        value_node = fields[key][1]
        if key == "peildatum":
            texts[key] = _peildatum(check, value_node, f"{where}, key 'peildatum'")
        else:
            one_line = key != "toelichting"
            texts[key] = " ".join(check.text(value_node, f"{where}, key '{key}'", one_line).split())
    functie_node = fields["functie"][1]
    functie = None
    if not (isinstance(functie_node, yaml.ScalarNode) and functie_node.tag.endswith(":null")):
        functie = check.text(functie_node, f"{where}, key 'functie'", one_line=True)
        if functie and function_named(functie) is None:
            known = ", ".join(INDICATOR_FUNCTIONS)
            check.problem(
                functie_node,
                f"{where}, key 'functie': unknown function '{functie}' (known: {known}; "
                f"or a kind's figure as '{KIND_FUNCTIONS}<module>:<function>')",
            )
    analysis = _analysis_ids(check, fields.get("regioanalyse", (None, None))[1], ident, where)
    methods = _methods(check, fields["methoden"][1], f"{where}, key 'methoden'")
    if len(check.problems) > before:
        return None
    return IndicatorMeta(id=ident, regioanalyse=analysis, methoden=methods, functie=functie, **texts)


def _analysis_ids(check: _Checker, node: yaml.Node | None, ident: str, where: str) -> tuple[str, ...]:
    """The indicator ids of the Regioanalyse showing the same figure; without the key, the entry itself."""
    if node is None:
        return (ident,)
    if not isinstance(node, yaml.SequenceNode):
        check.problem(node, f"{where}, key 'regioanalyse': expected a list of indicator ids, got {_kind(node)}")
        return ()
    ids = []
    for item in node.value:
        text = check.text(item, f"{where}, key 'regioanalyse'", one_line=True)
        if text and not ID_PATTERN.match(text):
            check.problem(item, f"{where}, key 'regioanalyse': '{text}' is not an indicator id")
        ids.append(text)
    return tuple(ids)


def _unknown_analysis_ids(check: _Checker, root: yaml.Node, registry: dict[str, IndicatorMeta]) -> None:
    """Report every id under 'regioanalyse' that is no entry of the registry, at its entry's line."""
    lines = {k.value: k.start_mark.line + 1 for k, _ in root.value if isinstance(k, yaml.ScalarNode)}
    for meta in registry.values():
        for other in meta.regioanalyse:
            if other not in registry:
                check.add(lines[meta.id], f"indicator '{meta.id}', key 'regioanalyse': unknown indicator '{other}'")


def load_registry(path: Path | None = None) -> dict[str, IndicatorMeta]:
    """Indicator id -> metadata, in file order; every problem of the file in one LayoutError."""
    path = Path(path) if path is not None else DEFAULT_REGISTRY
    text = read_text(path, LayoutError, "indicator registry not found")
    try:
        root = compose_with_lines(text)
    except yaml.MarkedYAMLError as exc:
        raise syntax_error(exc, path) from None
    check = _Checker(path)
    if root is None:
        raise LayoutError([Problem("the registry is empty", source=str(path), line=1)])
    registry: dict[str, IndicatorMeta] = {}
    for ident, (key_node, value_node) in check.mapping(root, "registry").items():
        if not ID_PATTERN.match(ident):
            check.problem(key_node, f"indicator id '{ident}' must be lower case letters, digits and '_'")
            continue
        meta = _indicator(check, ident, key_node, value_node)
        if meta is not None:
            registry[ident] = meta
    _unknown_analysis_ids(check, root, registry)
    if check.problems:
        raise LayoutError(check.problems)
    return registry
