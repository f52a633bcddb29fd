"""Package list for setuptools: newslint, and the rules/ folder installed as
newslint_rules (everything else is in pyproject.toml)."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["newslint", "newslint.*"])
    + ["newslint_rules" + name[len("rules"):] for name in find_packages(include=["rules", "rules.*"])],
)
