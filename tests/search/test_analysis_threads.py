"""The stemmer under gunicorn's threaded workers: a Snowball stemmer holds the word it is working
on, so each thread needs its own (search/analysis.py)."""

import threading

from search.analysis import _stemmer


def test_each_thread_gets_its_own_stemmer_and_keeps_it():
    seen = {}

    def run(name):
        seen[name] = (_stemmer("dutch"), _stemmer("dutch"))

    threads = [threading.Thread(target=run, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(first is second for first, second in seen.values())
    assert len({id(first) for first, _ in seen.values()}) == 4


def test_threads_stemming_at_once_agree_with_one_thread():
    words = [f"{stem}{end}" for stem in ("aanvraag", "uittreksel", "vergunning", "paspoort") for end in ("", "en", "s")]
    expected = [_stemmer("dutch").stemWord(w) for w in words]
    results, errors = [], []

    def run():
        try:
            stemmer = _stemmer("dutch")
            for _ in range(300):
                results.append([stemmer.stemWord(w) for w in words])
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert all(result == expected for result in results)
