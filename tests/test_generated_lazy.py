"""The generated layer is lazy: importing an endpoint module loads only the models it uses.

``anythingllm_api/models/__init__.py`` comes from our template (spec/templates/models_init.py.jinja):
it imports no model at run time and serves every public name through a PEP 562 ``__getattr__``, while
type checkers read the names from its ``TYPE_CHECKING`` imports. The endpoint template imports its
models (and attrs, through them and the client class) where a response is parsed, so importing an
endpoint module to build a request loads no model and no attrs. Checked on the committed package and
on packages generated from the older release specs.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.recordings import ROOT, SHARED
from tests.spec_tools import regen

GENERATED = ROOT / "generated"
OLDER = ["v1.7.4", "v1.9.0", "v1.12.0"]

# Run in a fresh interpreter with the package under test first on sys.path: for each endpoint module,
# import it with no model module loaded, and note which model modules that import loaded.
_CHILD = """
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
import anythingllm_api
assert anythingllm_api.__file__.startswith(sys.argv[1]), anythingllm_api.__file__
out = {}
for name in json.loads(sys.argv[2]):
    for loaded in [m for m in sys.modules if m.startswith("anythingllm_api.models.") or m == name]:
        del sys.modules[loaded]
    importlib.import_module(name)
    out[name] = sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("anythingllm_api.models."))
attrs_loaded = "attr" in sys.modules
models = importlib.import_module("anythingllm_api.models")
declared = json.loads(sys.argv[3])
home = {n: importlib.import_module(m, "anythingllm_api.models") for n, m in declared.items()}
same = [n for n, module in home.items() if getattr(models, n) is getattr(module, n)]
undir = sorted(set(declared) - set(dir(models)))
print(json.dumps({"loaded": out, "same": same, "all": sorted(models.__all__), "undir": undir, "attrs": attrs_loaded}))
"""


def _top_level_models(source: Path) -> set[str]:
    """The model modules a file imports when it is imported (not those under TYPE_CHECKING or in functions)."""
    names = set()
    for node in ast.parse(source.read_text()).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("models."):
            names.add(node.module.split(".", 1)[1])
    return names


def _declared(init: Path) -> dict[str, str]:
    """What type checkers see: each name of the ``if TYPE_CHECKING:`` imports and its module (``.workspace``)."""
    (block,) = [n for n in ast.parse(init.read_text()).body if isinstance(n, ast.If)]
    return {
        alias.name: f".{node.module}" for node in block.body if isinstance(node, ast.ImportFrom) for alias in node.names
    }


def _expected_closure(package: Path, endpoint: Path) -> list[str]:
    """Every model module the endpoint's import loads: its top-level model imports, followed transitively."""
    todo, seen = list(_top_level_models(endpoint)), set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_top_level_models(package / "models" / f"{name}.py"))
    return sorted(seen)


def _endpoints(package: Path) -> dict[str, Path]:
    return {
        f"anythingllm_api.api.{path.parent.name}.{path.stem}": path
        for path in sorted((package / "api").glob("*/*.py"))
        if path.stem != "__init__"
    }


def _check_lazy(root: Path) -> None:
    package = root / "anythingllm_api"
    endpoints = _endpoints(package)
    declared = _declared(package / "models" / "__init__.py")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(root), json.dumps(list(endpoints)), json.dumps(declared)],
        capture_output=True,
        text=True,
        check=False,
        cwd=root,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout)
    assert found["attrs"] is False  # importing every endpoint module loaded no attrs class
    all_models = {p.stem for p in (package / "models").glob("*.py")} - {"__init__"}
    for name, path in endpoints.items():
        expected = _expected_closure(package, path)
        assert found["loaded"][name] == expected, name
        assert len(expected) < len(all_models) // 4, f"{name} loads {len(expected)} of {len(all_models)} models"
    # Every public name still resolves at run time to what type checkers see, and dir() lists it.
    assert {m.lstrip(".") for m in declared.values()} == all_models
    assert found["all"] == sorted(declared) == sorted(found["same"])
    assert found["undir"] == []


def test_each_committed_endpoint_module_loads_only_the_models_it_uses() -> None:
    _check_lazy(GENERATED)


def test_importing_the_models_package_loads_no_model() -> None:
    code = (
        "import sys, anythingllm_api.models; print(sum(n.startswith('anythingllm_api.models.') for n in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"


def test_an_unknown_model_name_is_an_attribute_error() -> None:
    import anythingllm_api.models as models

    with pytest.raises(AttributeError, match="has no attribute 'NoSuchModel'"):
        models.NoSuchModel  # noqa: B018
    from anythingllm_api.models import ChatRequest
    from anythingllm_api.models.chat_request import ChatRequest as Direct

    assert ChatRequest is Direct is models.ChatRequest


def test_type_checkers_see_every_model_name(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from anythingllm_api.models import ChatRequest, Workspace\n\nx: int = ChatRequest\nreveal_type(Workspace)\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent", str(probe)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={"MYPYPATH": str(GENERATED), "PATH": ""},
    )
    out = done.stdout
    assert 'expression has type "type[ChatRequest]"' in out, out
    assert 'Revealed type is "def' in out and "anythingllm_api.models.workspace.Workspace" in out, out


@pytest.mark.release_specs
@pytest.mark.parametrize("version", OLDER)
def test_packages_generated_from_older_releases_are_lazy_too(
    version: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_file = SHARED / "openapi" / f"{version}.json"
    assert regen.main(["--file", str(spec_file), "--output", str(tmp_path / "anythingllm_api")]) == 0
    capsys.readouterr()
    _check_lazy(tmp_path)
