"""Product sections and the fields of the national product standard that hold them. SDG
(LocalizedProduct) and KISS (kennisartikel) name these fields alike; each adds where its own
standard puts the sections without a field of their own."""

STANDARD_SECTION_FIELDS = {
    "inleiding": "tekst",
    "aanvraag": "procedureBeschrijving",
    "voorwaarden": "vereisten",
    "bewijs": "bewijs",
    "kosten": "kostenEnBetaalmethoden",
    "termijn": "uitersteTermijn",
    "bezwaar": "bezwaarEnBeroep",
    "geen_reactie": "wtdBijGeenReactie",
}
