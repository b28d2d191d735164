"""banmian's evaluation and benchmark tools (not part of the installed package).

Scripts here run both as ``python bench/NAME.py`` and as ``bench.NAME`` modules (tests import
them with the repository root on ``sys.path``). See bench/README.md.
"""
