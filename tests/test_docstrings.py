"""The examples in the docstrings of geo and gazetteer run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import gazetteer
import geo


def _modules() -> list[str]:
    names = []
    for pkg in (geo, gazetteer):
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            if not info.name.endswith("__main__"):
                names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} docstring examples failed"


def test_the_examples_exist():
    """A module set with no examples at all would make the test above vacuous."""
    attempted = sum(doctest.testmod(importlib.import_module(n), verbose=False).attempted for n in _modules())
    assert attempted >= 10
