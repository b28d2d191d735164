"""Geometric layout of PDF pages: lines (`lines.py`) and cells chained into articles (`cells.py`);
the `banmian.stages.layout` stage puts them together."""
