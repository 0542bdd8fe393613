"""Search tables: the database engine's documents and vocabulary, its view of the outbox, the query log."""

from django.db import models
from django.db.models import F
from django.utils import timezone

from content.models import OutboxTask


class IndexGeneration(models.Model):
    """Which generation of the database engine's documents is live, and which is being built.

    A rebuild writes a new generation next to the live one and then switches, so search never
    goes empty (the database engine's equivalent of an alias swap).
    """

    name = models.CharField(max_length=100, unique=True)
    active = models.PositiveIntegerField(default=1)
    building = models.PositiveIntegerField(null=True, blank=True)
    switched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "zoekindex"
        verbose_name_plural = "zoekindexen"


class KeywordsVersion(models.Model):
    """A token that changes with every keyword or best-bet change, in the same transaction.

    Each process keeps the keywords it read (folded and stemmed) and reads them again when the
    token differs: an editor's synonym works in the next search of every worker at once."""

    name = models.CharField(max_length=20, primary_key=True, default="keywords")
    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = "versie van de trefwoorden"
        verbose_name_plural = "versies van de trefwoorden"


class SearchDocument(models.Model):
    """One page as the database engine indexes it: one row per page for all sites.

    On PostgreSQL two generated tsvector columns (`public_vector`, `all_vector`) with GIN
    indexes sit next to these columns; on SQLite an FTS5 table (`search_fts`) holds the
    stemmed text. Both are created by migration 0002, outside the Django model; since migration
    0006 the PostgreSQL columns are analysed in the row's `language`.
    List-like fields are stored as `|a|b|` so they can be filtered with LIKE on any database.
    """

    generation = models.PositiveIntegerField(db_index=True)
    page_id = models.PositiveIntegerField()
    ref = models.CharField(max_length=120)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    phrasings = models.TextField(blank=True)
    keyword_text = models.TextField(blank=True)
    public_text = models.TextField(blank=True)
    internal_text = models.TextField(blank=True)
    keyword_terms = models.TextField(blank=True)
    site_key = models.CharField(max_length=50, blank=True)
    site_keys = models.TextField(blank=True)
    channels = models.CharField(max_length=100, blank=True)
    audience = models.CharField(max_length=10)
    content_type = models.CharField(max_length=20)
    upl_name = models.CharField(max_length=200, blank=True)
    url_path = models.CharField(max_length=500, blank=True)
    live = models.BooleanField(default=True)
    first_published_at = models.DateTimeField(null=True, blank=True)
    last_published_at = models.DateTimeField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    readability_score = models.FloatField(null=True, blank=True)
    indexed_at = models.DateTimeField(default=timezone.now)
    # The page's language: what its text is analysed in, and which searches find it. Rows from
    # before languages were all Dutch.
    language = models.CharField(max_length=10, default="nl")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["generation", "page_id"], name="search_document_once")]


class SearchTerm(models.Model):
    """The vocabulary of the database engine: every indexed word, for typo correction.

    `public_docs` counts documents in whose public fields the word occurs; words only found in
    internal text are never offered to the public as a correction. Each language has its own
    words: a Dutch search is never corrected into an English word.
    """

    generation = models.PositiveIntegerField()
    language = models.CharField(max_length=10, default="nl")
    word = models.CharField(max_length=100)
    length = models.PositiveSmallIntegerField()
    public_docs = models.PositiveIntegerField(default=0)
    all_docs = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["generation", "language", "word"], name="search_term_once_per_language")
        ]
        indexes = [models.Index(fields=["generation", "language", "length"], name="search_term_language_length")]


OUTBOX_SUBSCRIBER = "search"


class IndexTaskManager(models.Manager):
    def get_queryset(self):
        tasks = super().get_queryset().filter(subscriber=OUTBOX_SUBSCRIBER, kind="page")
        return tasks.annotate(page_id=F("object_id"))


class IndexTask(OutboxTask):
    """The search index's view of the outbox: "bring page X in the index up to date".

    The tasks live in `content.OutboxTask` (subscriber "search"), shared with every other
    subscriber; this proxy shows only the search tasks and names their key `page_id`.
    Applying a task reads the page as it is then (live -> index, otherwise -> remove).
    """

    INDEX, DELETE = OutboxTask.UPDATE, OutboxTask.DELETE

    objects = IndexTaskManager()

    class Meta:
        proxy = True
        verbose_name = "indexeertaak"
        verbose_name_plural = "indexeertaken"


class SearchQueryLog(models.Model):
    """One search, without personal data: no IP, no user, numbers masked (see search.analytics)."""

    query = models.CharField("zoekopdracht", max_length=200)
    site = models.CharField("site", max_length=50, blank=True)
    channel = models.CharField("kanaal", max_length=10)
    result_count = models.PositiveIntegerField("aantal resultaten")
    staff = models.BooleanField("medewerker", default=False)
    created_at = models.DateTimeField("tijdstip", default=timezone.now, db_index=True)
    found = models.BooleanField("antwoord gevonden", null=True, blank=True)
    feedback_at = models.DateTimeField("feedback gegeven", null=True, blank=True)

    class Meta:
        verbose_name = "zoekopdracht"
        verbose_name_plural = "zoekopdrachten"
        indexes = [models.Index(fields=["query"], name="search_log_query")]

    def __str__(self):
        return self.query


class ThesaurusEntry(models.Model):
    """An editor's addition to the municipal thesaurus (search/data/thesaurus_<language>.json):
    an everyday word or phrase and the official terms it stands for. Works in the next search
    (every save or delete gives the keywords' version token a new value, see search.signals)."""

    phrase = models.CharField(
        "woord of zinnetje van inwoners",
        max_length=100,
        help_text="Zoals inwoners het typen, bijvoorbeeld 'rood staan'.",
    )
    terms = models.CharField(
        "officiële woorden",
        max_length=300,
        help_text="De woorden op onze pagina's, gescheiden door komma's. Bijvoorbeeld: schulden, schuldhulpverlening.",
    )
    language = models.CharField("taal", max_length=10, default="nl")
    created_at = models.DateTimeField("toegevoegd op", default=timezone.now)

    class Meta:
        verbose_name = "thesauruswoord"
        verbose_name_plural = "thesaurus"
        constraints = [models.UniqueConstraint(fields=["language", "phrase"], name="thesaurus_phrase_once")]

    def __str__(self):
        return f"{self.phrase} → {self.terms}"

    @property
    def term_list(self) -> list[str]:
        return [t.strip() for t in self.terms.split(",") if t.strip()]
