"""banmian (版面): rebuild articles from raw Chinese newspaper pages."""
from banmian.errors import BanmianError, BadInput
from banmian.pipeline import parse_text, parse_path, iter_pages

__version__ = "0.1.0"
__all__ = ["BanmianError", "BadInput", "parse_text", "parse_path", "iter_pages", "__version__"]
