"""Every rule fixture under tests/fixtures, checked both ways against its markers."""

from pathlib import Path

import pytest

from newslint.testing import check_fixture, collect_fixtures

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    "fixture", collect_fixtures(FIXTURES), ids=lambda p: p.relative_to(FIXTURES).as_posix()
)
def test_fixture(fixture):
    check_fixture(fixture)
