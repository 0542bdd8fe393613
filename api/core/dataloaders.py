"""Per-request loaders. A new set is made for every request, so nothing stale is ever served.

Resolvers of a list register all keys of the list first (`prime`); the first `load` then
fetches every registered key in one go. This keeps the number of SQL queries flat however many
pages, blocks or keywords a response holds.
"""

from collections.abc import Callable, Hashable, Iterable


class BatchLoader:
    def __init__(self, load_many: Callable[[set], dict]):
        self._load_many = load_many
        self._cache: dict = {}
        self._pending: set = set()

    def prime(self, keys: Iterable[Hashable]):
        self._pending |= {k for k in keys if k not in self._cache}

    def load(self, key):
        if key not in self._cache:
            keys = self._pending | {key}
            self._pending = set()
            found = self._load_many(keys)
            for k in keys:
                self._cache[k] = found.get(k)
        return self._cache[key]


class RequestLoader(BatchLoader):
    """A named loader of one relation, with its own key; subclasses implement `load_many`.

    One instance per request and class (`loaders_for(info).of(SomeLoader)`), so it can use the
    request (who is asking, the request's site directory) and never serves another request.
    """

    def __init__(self, info):
        self.info = info
        super().__init__(self.load_many)

    def load_many(self, keys: set) -> dict:
        raise NotImplementedError


class RequestLoaders:
    """All loaders of one request, created lazily."""

    def __init__(self):
        self._loaders: dict[str, BatchLoader] = {}
        self._named: dict[type, RequestLoader] = {}

    def of(self, loader_class: type[RequestLoader], info) -> RequestLoader:
        if loader_class not in self._named:
            self._named[loader_class] = loader_class(info)
        return self._named[loader_class]

    def get(self, name: str, load_many: Callable[[set], dict]) -> BatchLoader:
        if name not in self._loaders:
            self._loaders[name] = BatchLoader(load_many)
        return self._loaders[name]


def loaders_for(info) -> RequestLoaders:
    request = info.context
    if not hasattr(request, "_hub_loaders"):
        request._hub_loaders = RequestLoaders()
    return request._hub_loaders


def request_loader(info, loader_class: type[RequestLoader]) -> RequestLoader:
    """This request's instance of a named loader."""
    return loaders_for(info).of(loader_class, info)
