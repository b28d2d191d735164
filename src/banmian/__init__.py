"""banmian (版面): rebuild articles from raw Chinese newspaper pages."""
import os

# banmian's matrices are tiny (a page's fragments); waking BLAS threads for them costs more
# than it gives (4 ms instead of 0.2 ms a page, measured). Scale out across pages instead.
# Set before numpy is first imported; an explicit setting of the user's wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
# the compiled modules (setup.py), or pure Python where they are missing or stale: decided
# before any of them is imported
from banmian._compiled import COMPILED, PURE_REASON
from banmian.errors import BanmianError, BadInput
from banmian.pipeline import parse_text, parse_path, iter_pages, iter_pdf_pages, iter_source_pages

__version__ = "0.1.0"
__all__ = ["BanmianError", "BadInput", "parse_text", "parse_path", "iter_pages", "iter_pdf_pages",
           "iter_source_pages", "__version__"]
