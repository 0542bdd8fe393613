from .errors import ImportFailure, Problem
from .importer import FORMAT, ImportResult, import_data, import_file

__all__ = ["FORMAT", "ImportFailure", "ImportResult", "Problem", "import_data", "import_file"]
