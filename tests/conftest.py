"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def gaz():
    """The package gazetteer without any user overlay (tests must not depend on a user's files)."""
    from gazetteer import Gazetteer

    return Gazetteer.load(user=False)


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium with the network blocked (tests/conftest_browser.py), one per test module."""
    from conftest_browser import browser_or_fail

    pw, b = browser_or_fail()
    yield b
    b.close()
    pw.stop()


@pytest.fixture(scope="session")
def sample_ar_path() -> Path:
    return FIXTURES / "sirte-live-2016-ar.txt"


@pytest.fixture(scope="session")
def sample_ar_text(sample_ar_path) -> str:
    return sample_ar_path.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _isolated_user_gazetteer(tmp_path_factory, monkeypatch):
    """Point the user overlay at an empty temp file so a developer's overlay never leaks into tests."""
    monkeypatch.setenv("KHARITA_USER_GAZETTEER", str(tmp_path_factory.getbasetemp() / "user-gazetteer.tsv"))
