"""Prints where the ghostc Python module was imported from and the ghostc
executable it would run."""

import ghostc
from ghostc import compiler

print(ghostc.__file__)
print(compiler.find_ghostc())
