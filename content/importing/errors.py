class ImportFailure(Exception):
    """An import file was refused. Nothing was written.

    `problems` lists every problem found, each naming the item and the field.
    """

    def __init__(self, problems: list["Problem"]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def code(self) -> str:
        return self.problems[0].code if self.problems else "IMPORT_INVALID"


class Problem:
    def __init__(self, code: str, where: str, field: str, message: str):
        self.code, self.where, self.field, self.message = code, where, field, message

    def __str__(self):
        location = self.where + (f", field '{self.field}'" if self.field else "")
        return f"[{self.code}] {location}: {self.message}"

    def as_dict(self):
        return {"code": self.code, "where": self.where, "field": self.field, "message": self.message}
